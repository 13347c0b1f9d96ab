//! The map hierarchy driven through the real editor: detail a touchpoint, walk down and back up,
//! make a performance map, choose a detail map in the inspector, and delete what the hierarchy
//! points at, asserting on the study after each step.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::app::{card_centre, click, click_at, double_click_at, harness, study, template};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wayline::app::WaylineApp;
use wayline::model::{CardId, Focus, MapId, MapKind, Severity, Study, validate};

fn shown(harness: &Harness<'_, WaylineApp>) -> MapId {
    harness.state().editor.current_map().unwrap().id
}

fn errors(study: &Study) -> Vec<String> {
    validate(study).into_iter().filter(|p| p.severity == Severity::Error).map(|p| p.message).collect()
}

/// A touchpoint of the typical map that no map details yet.
fn undetailed(study: &Study) -> CardId {
    study.maps[0].cards().find(|c| c.detail.is_none()).unwrap().id
}

fn undo_depth(harness: &Harness<'_, WaylineApp>) -> usize {
    harness.state().editor.doc.history().undo_depth()
}

/// Chooses an item of the Map menu (its accessible name ends with its shortcut).
fn menu(harness: &mut Harness<'_, WaylineApp>, item: &str) {
    common::app::choose(harness, "Map", item);
}

fn press(harness: &mut Harness<'_, WaylineApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_ok();
}

#[test]
fn detail_a_touchpoint_then_walk_down_and_back_up() {
    let mut harness = harness(template("logistics"));
    let before = study(&harness);
    let typical = before.maps[0].id;
    let card = undetailed(&before);

    // Zoom the typical map out a little, so there is a view to come back to.
    press(&mut harness, Modifiers::COMMAND, Key::Minus);
    let typical_zoom = harness.state().canvas.zoom(typical).unwrap();

    let at = card_centre(&mut harness, card);
    click_at(&mut harness, at, Modifiers::NONE);
    menu(&mut harness, "Detail this touchpoint");

    let now = study(&harness);
    assert_eq!(now.maps.len(), before.maps.len() + 1);
    let touchpoint = now.maps[0].card(card).unwrap();
    let tactical_id = touchpoint.detail.expect("the touchpoint is linked to its detail map");
    let tactical = now.map(tactical_id).unwrap();
    assert_eq!(tactical.kind, MapKind::Tactical);
    assert_eq!(tactical.title, touchpoint.title);
    assert_eq!(tactical.persona, now.maps[0].persona);
    assert_eq!(tactical.focus, Some(Focus { map: typical, cards: vec![card] }));
    assert_eq!(tactical.stages.len(), 1);
    assert_eq!(tactical.stages[0].name, touchpoint.title);
    let lanes: Vec<_> = tactical.cards().map(|c| c.accountable).collect();
    assert_eq!(lanes.len(), touchpoint.owners.len().max(1), "a step in each owner's lane");
    assert_eq!(lanes[0], touchpoint.accountable, "the accountable owner's lane first");
    assert!(errors(&now).is_empty(), "{:#?}", errors(&now));
    assert_eq!(undo_depth(&harness), 1, "one undo step");
    assert_eq!(shown(&harness), tactical_id, "the new map opens");
    harness.get_by_label(&format!("Breadcrumb: {}", now.maps[0].title));

    // Back up with Alt+Left: the typical map as it was left, the touchpoint selected.
    press(&mut harness, Modifiers::ALT, Key::ArrowLeft);
    assert_eq!(shown(&harness), typical);
    assert_eq!(harness.state().canvas.zoom(typical), Some(typical_zoom), "the view is kept");
    assert_eq!(harness.state().editor.selection.cards, vec![card]);

    // Enter opens the selected touchpoint's detail map; Backspace with nothing selected goes up
    // and deletes nothing.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(shown(&harness), tactical_id);
    press(&mut harness, Modifiers::NONE, Key::Backspace);
    assert_eq!(shown(&harness), typical);
    assert_eq!(study(&harness), now, "walking changes nothing");

    // A double click on a card with a detail map opens it; the breadcrumb goes back.
    let at = card_centre(&mut harness, card);
    double_click_at(&mut harness, at);
    assert_eq!(shown(&harness), tactical_id);
    click(&mut harness, &format!("Breadcrumb: {}", now.maps[0].title));
    assert_eq!(shown(&harness), typical);

    // Ctrl+click on the mark opens it too.
    let mark =
        harness.state_mut().editor.scene().unwrap().detail_mark_rect(card).expect("the card shows the mark");
    let centre = harness.state_mut().map_to_screen(mark.centre()).unwrap();
    click_at(&mut harness, centre, Modifiers::COMMAND);
    assert_eq!(shown(&harness), tactical_id);

    // Detailing it again opens the same map rather than making another.
    press(&mut harness, Modifiers::ALT, Key::ArrowLeft);
    menu(&mut harness, "Detail this touchpoint");
    assert_eq!(study(&harness).maps.len(), now.maps.len());
    assert_eq!(shown(&harness), tactical_id);

    // Undo removes the map and the link together.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(study(&harness), before);
}

#[test]
fn touchpoints_of_two_stages_are_not_detailed_together() {
    let mut harness = harness(template("logistics"));
    let before = study(&harness);
    let (a, b) = (before.maps[0].stages[0].cards[0].id, before.maps[0].stages[1].cards[0].id);
    let at = card_centre(&mut harness, a);
    click_at(&mut harness, at, Modifiers::NONE);
    let at = card_centre(&mut harness, b);
    click_at(&mut harness, at, Modifiers::SHIFT);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    assert_eq!(study(&harness), before);
    assert!(harness.state().status_text().contains("one stage"), "{}", harness.state().status_text());
}

#[test]
fn make_the_performance_map_of_a_tactical_map() {
    let mut harness = harness(template("logistics"));
    let before = study(&harness);
    let tactical = before.maps.iter().find(|m| m.kind == MapKind::Tactical).unwrap();
    click(&mut harness, &tactical.title);
    assert_eq!(shown(&harness), tactical.id);
    menu(&mut harness, "Make a performance map");

    let now = study(&harness);
    assert_eq!(now.maps.len(), before.maps.len() + 1);
    let performance = now.map(shown(&harness)).unwrap();
    assert_eq!(performance.kind, MapKind::Performance);
    assert_eq!(performance.focus.as_ref().map(|f| f.map), Some(tactical.id));
    assert_eq!(performance.card_count(), tactical.card_count());
    let scores = |m: &wayline::model::JourneyMap| {
        m.cards().map(|c| (c.title.clone(), c.accountable, c.performance, c.importance)).collect::<Vec<_>>()
    };
    assert_eq!(scores(performance), scores(tactical), "steps, owners and scores copied");
    assert!(errors(&now).is_empty(), "{:#?}", errors(&now));

    // The breadcrumb shows typical › tactical › performance, and each crumb opens its map.
    harness.get_by_label(&format!("Breadcrumb: {}", before.maps[0].title));
    click(&mut harness, &format!("Breadcrumb: {}", tactical.title));
    assert_eq!(shown(&harness), tactical.id);

    // Asking again opens the one that exists.
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    assert_eq!(study(&harness).maps.len(), now.maps.len());
    assert_eq!(shown(&harness), performance.id);
}

#[test]
fn choose_and_open_a_detail_map_in_the_inspector() {
    let mut harness = harness(template("logistics"));
    let before = study(&harness);
    let card = undetailed(&before);
    let tactical = before.maps.iter().find(|m| m.kind == MapKind::Tactical).unwrap();
    let at = card_centre(&mut harness, card);
    click_at(&mut harness, at, Modifiers::NONE);
    // The choice is at the foot of the inspector, below the fold: reach it as assistive
    // technology does.
    harness.get_by_label("Detail map").click_accesskit();
    harness.run_ok();
    click(&mut harness, &format!("{} · tactical", tactical.title));

    let now = study(&harness);
    assert_eq!(now.maps[0].card(card).unwrap().detail, Some(tactical.id));
    assert!(now.map(tactical.id).unwrap().focus.as_ref().unwrap().cards.contains(&card), "both sides linked");
    assert_eq!(undo_depth(&harness), 1);
    harness.get_by_label("Open the detail map").click_accesskit();
    harness.run_ok();
    assert_eq!(shown(&harness), tactical.id);
}

#[test]
fn deleting_a_referenced_stage_repairs_the_hierarchy_and_undo_restores_it() {
    let mut harness = harness(template("logistics"));
    let before = study(&harness);
    let tactical = before.maps.iter().find(|m| m.kind == MapKind::Tactical).unwrap();
    let focused = tactical.focus.clone().unwrap().cards;
    let stage =
        before.maps[0].stages.iter().find(|s| s.cards.iter().any(|c| focused.contains(&c.id))).unwrap();

    let chevron = harness.state_mut().stage_on_screen(stage.id).unwrap();
    click_at(&mut harness, chevron.center(), Modifiers::NONE);
    assert_eq!(harness.state().editor.selection.stage, Some(stage.id));
    press(&mut harness, Modifiers::NONE, Key::Delete);

    let now = study(&harness);
    assert!(now.maps[0].stages.iter().all(|s| s.id != stage.id));
    let focus = &now.map(tactical.id).unwrap().focus;
    assert!(focus.as_ref().is_none_or(|f| f.cards.iter().all(|c| !focused.contains(c))), "{focus:?}");
    assert!(errors(&now).is_empty(), "{:#?}", errors(&now));
    let status = harness.state().status_text().to_owned();
    assert!(status.contains(&tactical.title) && status.contains("Undo"), "{status}");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(study(&harness), before, "one undo restores the stage and every reference");
}

#[test]
fn deleting_a_detailed_touchpoint_says_which_map_lost_it() {
    let mut harness = harness(template("logistics"));
    let before = study(&harness);
    let card = before.maps[0].cards().find(|c| c.detail.is_some()).unwrap();
    let detail = before.map(card.detail.unwrap()).unwrap();
    let at = card_centre(&mut harness, card.id);
    click_at(&mut harness, at, Modifiers::NONE);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    let status = harness.state().status_text().to_owned();
    assert!(status.contains(&card.title) && status.contains(&detail.title), "{status}");
    assert!(errors(&study(&harness)).is_empty());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(study(&harness), before);
}
