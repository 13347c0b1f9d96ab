//! The editor changes a study only when the user does, and every part of the study can be
//! edited through the interface: driven through `egui_kittest` on the real app.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::app::{
    card_centre, click, click_at, double_click_at, harness, harness_with_path, study, template,
    type_and_enter,
};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use wayline::app::WaylineApp;
use wayline::io::{load_study, save_study};
use wayline::model::{LinkKind, MapKind, Study};

/// A study with the values real surveys produce and files carry: averages with two decimals,
/// values off their scale, a review interval the slider would not allow.
fn survey_study() -> Study {
    let mut study = template("logistics");
    study.meta.review_interval_months = 0;
    let odd = [6.43, 7.85, 2.25, 9.99, 11.0, 0.5, 5.55, 3.15];
    for (index, card) in
        study.maps.iter_mut().flat_map(|m| m.stages.iter_mut()).flat_map(|s| s.cards.iter_mut()).enumerate()
    {
        card.importance.internal = Some(odd[index % odd.len()]);
        card.performance.customer = Some(odd[(index + 3) % odd.len()]);
        card.emotion.elicited = Some([-1.35, 0.333, -2.5, 1.75][index % 4]);
        if index % 5 == 0 {
            card.duration =
                Some(wayline::model::Duration { amount: -1.0, unit: wayline::model::TimeUnit::Days });
        }
    }
    for stage in study.maps.iter_mut().flat_map(|m| m.stages.iter_mut()) {
        stage.emotion.desired = Some(1.45);
    }
    study
}

fn bytes_of_save(harness: &mut Harness<'_, WaylineApp>, dir: &Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    harness.state_mut().save_to(&path);
    std::fs::read(&path).unwrap()
}

/// A click without waiting for the hover to settle first.
fn quick_click(harness: &mut Harness<'_, WaylineApp>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        let button = egui::PointerButton::Primary;
        harness.event(egui::Event::PointerButton { pos, button, pressed, modifiers: Modifiers::NONE });
    }
    harness.run_ok();
}

/// Selects every stage and card of every map by clicking them, pans, zooms, hovers, opens and
/// closes panels, and asserts the study never moved.
fn walk_everything(harness: &mut Harness<'_, WaylineApp>) {
    let generation = harness.state().editor.doc.generation();
    click(harness, "View");
    click(harness, "Scores table");
    let maps: Vec<_> = study(harness).maps.iter().map(|m| (m.id, m.title.clone())).collect();
    for (map, title) in maps {
        harness.get_all_by_label(&title).next().expect("the map's tab").click();
        harness.run_ok();
        assert_eq!(harness.state().editor.current_map().unwrap().id, map);
        let current = study(harness).map(map).unwrap().clone();
        for stage in &current.stages {
            let chevron = harness.state_mut().stage_on_screen(stage.id).unwrap().center();
            quick_click(harness, chevron);
            assert_eq!(harness.state().editor.selection.stage, Some(stage.id), "stage {}", stage.name);
            for card in &stage.cards {
                let centre = card_centre(harness, card.id);
                quick_click(harness, centre);
                assert_eq!(harness.state().editor.selection.cards, vec![card.id], "card {}", card.title);
            }
        }
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness.run_ok();
        harness.key_press(Key::Escape);
        harness.run_ok();
        // Scroll, zoom and hover over the canvas.
        harness.hover_at(egui::pos2(800.0, 400.0));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(-40.0, -60.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.event(egui::Event::Zoom(1.3));
        harness.run_ok();
        harness.key_press_modifiers(Modifiers::SHIFT, Key::Num1);
        harness.run_ok();
    }
    click(harness, "View");
    click(harness, "Scores table");
    assert_eq!(harness.state().editor.doc.generation(), generation, "the study was changed by looking at it");
    assert!(!harness.state().editor.doc.is_dirty());
}

/// Opens `original` (the bytes of a study file), looks at everything, saves, and asserts the
/// saved file is byte for byte the one opened.
fn looking_changes_nothing(name: &str, original: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.journey.ron"));
    std::fs::write(&path, original).unwrap();
    let mut harness = harness_with_path(load_study(&path).unwrap(), Some(path));
    walk_everything(&mut harness);
    let saved = bytes_of_save(&mut harness, dir.path(), &format!("{name}-saved.journey.ron"));
    assert!(saved == original, "{name}: saving after only looking changed the file");
}

#[test]
fn looking_at_every_element_of_the_starter_changes_nothing() {
    looking_changes_nothing("starter", &std::fs::read(common::cli::example("starter")).unwrap());
}

#[test]
fn looking_at_every_element_of_the_saas_example_changes_nothing() {
    looking_changes_nothing("saas", &std::fs::read(common::cli::example("saas")).unwrap());
}

#[test]
fn looking_at_every_element_of_the_logistics_example_changes_nothing() {
    looking_changes_nothing("logistics", &std::fs::read(common::cli::example("logistics")).unwrap());
}

#[test]
fn looking_at_survey_averages_and_off_scale_values_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let survey = dir.path().join("survey.journey.ron");
    save_study(&survey_study(), &survey).unwrap();
    looking_changes_nothing("survey", &std::fs::read(&survey).unwrap());
}

#[test]
fn a_score_takes_one_decimal_stays_unknown_until_typed_and_clears_back() {
    let mut harness = harness(template("starter"));
    let card = study(&harness).maps[0].stages[0].cards[0].clone();
    assert_eq!(card.performance.internal, None);
    let centre = card_centre(&mut harness, card.id);
    click_at(&mut harness, centre, Modifiers::NONE);

    // Clicking the unknown field writes nothing; typing a value does.
    harness.get_by_label("Performance, internal view").click();
    harness.run_ok();
    assert_eq!(study(&harness).maps[0].card(card.id).unwrap().performance.internal, None);
    assert_eq!(harness.state().editor.doc.history().undo_depth(), 0);
    type_and_enter(&mut harness, "7,8");
    assert_eq!(study(&harness).maps[0].card(card.id).unwrap().performance.internal, Some(7.8));

    // A value off the scale is refused; text that is no number too.
    click(&mut harness, "Clear Performance, internal view");
    assert_eq!(study(&harness).maps[0].card(card.id).unwrap().performance.internal, None);
    harness.get_by_label("Performance, internal view").click();
    harness.run_ok();
    type_and_enter(&mut harness, "14");
    assert_eq!(study(&harness).maps[0].card(card.id).unwrap().performance.internal, None);

    // Undo takes back the clear, then the value.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness).maps[0].card(card.id).unwrap().performance.internal, Some(7.8));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness).maps[0].card(card.id).unwrap().performance.internal, None);
}

#[test]
fn the_scores_table_edits_an_unknown_cell_and_typing_stays_in_it() {
    let mut harness = harness(template("starter"));
    let before = study(&harness);
    let card = before.maps[0].stages[0].cards[0].clone();
    click(&mut harness, "View");
    click(&mut harness, "Scores table");
    let name = format!("Performance (internal) of {}", card.title);
    harness.get_by_label(&name).click();
    harness.run_ok();
    assert_eq!(study(&harness), before, "opening the cell wrote nothing");
    // "n" and "l" are shortcuts on the canvas; here they are just typed.
    harness.key_press(Key::N);
    harness.key_press(Key::L);
    harness.run_ok();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    type_and_enter(&mut harness, "6.4");
    let now = study(&harness);
    assert_eq!(now.maps[0].card_count(), before.maps[0].card_count(), "no card was added");
    assert_eq!(now.maps[0].links.len(), before.maps[0].links.len());
    assert_eq!(now.maps[0].card(card.id).unwrap().performance.internal, Some(6.4));
}

#[test]
fn the_map_is_edited_in_the_inspector_and_its_tab() {
    let mut harness = harness(template("starter"));
    let cards = study(&harness).maps[0].card_count();
    let field = harness.get_by_role_and_label(Role::TextInput, "Map title");
    field.focus();
    harness.run_ok();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    harness.key_press(Key::N);
    harness.event(egui::Event::Text("Dealer onboarding".to_owned()));
    harness.key_press(Key::Enter);
    harness.run_ok();
    let now = study(&harness);
    assert_eq!(now.maps[0].title, "Dealer onboarding");
    assert_eq!(now.maps[0].card_count(), cards, "typing n in a field adds no card");

    harness.get_by_label("Map kind").click();
    harness.run_ok();
    click(&mut harness, "Tactical map");
    assert_eq!(study(&harness).maps[0].kind, MapKind::Tactical);
    harness.get_by_label("Map state").click();
    harness.run_ok();
    click(&mut harness, "Future state");
    assert_eq!(study(&harness).maps[0].state, wayline::model::MapState::Future);

    let field = harness.get_by_label("Map description");
    field.focus();
    harness.run_ok();
    harness.event(egui::Event::Text("First line".to_owned()));
    harness.key_press(Key::Enter);
    harness.event(egui::Event::Text("second line".to_owned()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run_ok();
    assert_eq!(study(&harness).maps[0].description, "First line\nsecond line", "Enter starts a new line");
    assert!(!harness.get_by_label("Map description").is_focused(), "Ctrl+Enter ends the edit");

    // Double-clicking the tab renames the map in place.
    let tab = harness.get_by_label("Dealer onboarding").rect().center();
    double_click_at(&mut harness, tab);
    assert!(harness.get_by_label("Map title on its tab").is_focused(), "the tab became a text box");
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    type_and_enter(&mut harness, "Dealer journey");
    assert_eq!(study(&harness).maps[0].title, "Dealer journey");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness).maps[0].title, "Dealer onboarding");
}

#[test]
fn a_link_is_clicked_edited_and_deleted_each_step_undoable() {
    let mut harness = harness(template("starter"));
    let before = study(&harness);
    let map = &before.maps[0];
    let link = map.links[0].clone();
    let scene = harness.state_mut().editor.scene().unwrap();
    let connector = wayline::app::canvas::hit::link_lines(&scene, map, link.id).remove(0);
    let (a, b) = (connector[0], connector[1]);
    let middle = wayline::layout::Point::new(f32::midpoint(a.x, b.x), f32::midpoint(a.y, b.y));
    let on_screen = harness.state_mut().map_to_screen(middle).unwrap();
    // A little beside the line still hits it.
    click_at(&mut harness, on_screen + egui::vec2(2.0, 2.0), Modifiers::NONE);
    assert_eq!(harness.state().editor.selection.link, Some(link.id));

    harness.get_by_label("Link kind").click();
    harness.run_ok();
    click(&mut harness, "Dependency");
    assert_eq!(study(&harness).maps[0].links[0].kind, LinkKind::Dependency);
    let after_kind = study(&harness);

    harness.get_by_label("Link label").focus();
    harness.run_ok();
    type_and_enter(&mut harness, "if approved");
    assert_eq!(study(&harness).maps[0].links[0].label, "if approved");

    harness.key_press(Key::Delete);
    harness.run_ok();
    assert!(study(&harness).maps[0].links.iter().all(|l| l.id != link.id));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness).maps[0].links[0].label, "if approved", "undo brings the link back");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness), after_kind, "typing the label was one step");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness), before);
}

#[test]
fn an_owner_highlights_its_cards_until_clicked_again_or_escape() {
    let mut harness = harness(template("starter"));
    let sales = study(&harness).owners.iter().find(|o| o.name == "Sales").unwrap().id;
    let generation = harness.state().editor.doc.generation();
    harness.get_by_role_and_label(Role::Button, "Sales").click();
    harness.run_ok();
    assert_eq!(harness.state().editor.highlight, Some(sales));
    harness.get_by_role_and_label(Role::Button, "Sales").click();
    harness.run_ok();
    assert_eq!(harness.state().editor.highlight, None, "clicking again clears it");
    harness.get_by_role_and_label(Role::Button, "Sales").click();
    harness.run_ok();
    harness.key_press(Key::Escape);
    harness.run_ok();
    assert_eq!(harness.state().editor.highlight, None, "Escape clears it");
    assert_eq!(harness.state().editor.doc.generation(), generation, "highlighting is not an edit");
}

#[test]
fn an_owners_menu_renames_recolours_and_nests_it() {
    let mut harness = harness(template("starter"));
    let before = study(&harness);
    let marketing = before.owners.iter().find(|o| o.name == "Marketing").unwrap().id;
    let sales = before.owners.iter().find(|o| o.name == "Sales").unwrap().id;
    harness.get_by_role_and_label(Role::Button, "Sales").click_secondary();
    harness.run_ok();
    let field = harness.get_by_label("Owner name");
    field.focus();
    harness.run_ok();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    type_and_enter(&mut harness, "Sales EMEA");
    assert_eq!(study(&harness).owner(sales).unwrap().name, "Sales EMEA");
    if harness.query_by_label("Nest under…").is_none() {
        harness.get_by_role_and_label(Role::Button, "Sales EMEA").click_secondary();
        harness.run_ok();
    }
    click(&mut harness, "Nest under…");
    harness.get_by_role_and_label(Role::RadioButton, "Marketing").click();
    harness.run_ok();
    assert_eq!(study(&harness).owner(sales).unwrap().parent, Some(marketing));
    // Nested owners show under their parent, indented.
    let parent = harness.get_by_role_and_label(Role::Button, "Marketing").rect();
    let child = harness.get_by_role_and_label(Role::Button, "Sales EMEA").rect();
    assert!(child.left() > parent.left() && child.top() > parent.top(), "{parent:?} {child:?}");
}

#[test]
fn new_owners_get_colours_unlike_any_in_the_study() {
    let mut harness = harness(template("logistics"));
    for _ in 0..12 {
        click(&mut harness, "Add owner");
    }
    let colours: Vec<_> = study(&harness).owners.iter().map(|o| o.colour).collect();
    let unique: std::collections::HashSet<_> = colours.iter().collect();
    assert_eq!(unique.len(), colours.len(), "{colours:?}");
}

#[test]
fn shift_1_fits_the_map_whatever_the_layout_types() {
    let mut harness = harness(template("logistics"));
    let map = harness.state().editor.current_map().unwrap().id;
    let fitted = harness.state().canvas.zoom(map).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run_ok();
    assert!(harness.state().canvas.zoom(map).unwrap() > fitted * 1.1);
    // A US layout types "!" on Shift+1; the key is the same.
    harness.event(egui::Event::Key {
        key: Key::Exclamationmark,
        physical_key: Some(Key::Num1),
        pressed: true,
        repeat: false,
        modifiers: Modifiers::SHIFT,
    });
    harness.run_ok();
    assert!((harness.state().canvas.zoom(map).unwrap() - fitted).abs() < 1e-3);
}

#[test]
fn escape_clears_the_selection_and_shift_2_zooms_to_it() {
    let mut harness = harness(template("starter"));
    let map = harness.state().editor.current_map().unwrap().id;
    let card = study(&harness).maps[0].stages[1].cards[0].id;
    let centre = card_centre(&mut harness, card);
    click_at(&mut harness, centre, Modifiers::NONE);
    let fitted = harness.state().canvas.zoom(map).unwrap();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Num2);
    harness.run_ok();
    assert!(harness.state().canvas.zoom(map).unwrap() > fitted);
    harness.key_press(Key::Escape);
    harness.run_ok();
    assert!(harness.state().editor.selection.is_empty());
}

#[test]
fn a_card_added_by_double_click_is_named_at_once() {
    let mut harness = harness(template("starter"));
    let before = study(&harness);
    let stage = &before.maps[0].stages[3];
    let last = card_centre(&mut harness, stage.cards.last().unwrap().id);
    double_click_at(&mut harness, last + egui::vec2(0.0, 90.0));
    type_and_enter(&mut harness, "Calls the reference customer");
    let now = study(&harness);
    let titles: Vec<&str> =
        now.maps[0].stage(stage.id).unwrap().cards.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles.last(), Some(&"Calls the reference customer"), "{titles:?}");
}

#[test]
fn add_stage_shows_the_new_stage_and_names_it() {
    let mut harness = harness(template("logistics"));
    let map = harness.state().editor.current_map().unwrap().id;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run_ok();
    click(&mut harness, "Add stage");
    let stage = study(&harness).map(map).unwrap().stages.last().unwrap().id;
    let chevron = harness.state_mut().stage_on_screen(stage).unwrap();
    assert!(chevron.center().x > 0.0 && chevron.center().x < 1600.0, "the new stage is in view: {chevron:?}");
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    type_and_enter(&mut harness, "Renewal");
    assert_eq!(study(&harness).map(map).unwrap().stage(stage).unwrap().name, "Renewal");
}

#[test]
fn paste_puts_cards_after_the_selected_card() {
    let mut harness = harness(template("starter"));
    let before = study(&harness);
    let stage = &before.maps[0].stages[1];
    let first = stage.cards[0].id;
    let centre = card_centre(&mut harness, first);
    click_at(&mut harness, centre, Modifiers::NONE);
    let text = wayline::app::clipboard::copy_cards(&before, &before.maps[0], &[first]).unwrap();
    harness.event(egui::Event::Paste(text));
    harness.run_ok();
    let now = study(&harness);
    let cards = &now.maps[0].stage(stage.id).unwrap().cards;
    assert_eq!(cards.len(), stage.cards.len() + 1);
    assert_eq!(cards[0].id, first);
    assert_eq!(cards[1].title, stage.cards[0].title, "the copy sits right after the selected card");
}

#[test]
fn several_cards_take_flags_and_scores_at_once() {
    let mut harness = harness(template("starter"));
    let before = study(&harness);
    let cards: Vec<_> =
        before.maps[0].stages[0].cards.iter().chain(&before.maps[0].stages[1].cards).map(|c| c.id).collect();
    for (index, card) in cards.iter().enumerate() {
        // A pause between clicks, so that two quick clicks are not a double click.
        for _ in 0..20 {
            harness.step();
        }
        let centre = card_centre(&mut harness, *card);
        click_at(&mut harness, centre, if index == 0 { Modifiers::NONE } else { Modifiers::SHIFT });
    }
    assert_eq!(harness.state().editor.selection.cards, cards);
    harness.get_by_role_and_label(Role::CheckBox, "Moment of truth").click();
    harness.run_ok();
    harness.get_by_label("Importance, customer view").click();
    harness.run_ok();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    type_and_enter(&mut harness, "8.5");
    let now = study(&harness);
    for card in &cards {
        let card = now.maps[0].card(*card).unwrap();
        assert!(card.flags.moment_of_truth, "{}", card.title);
        assert_eq!(card.importance.customer, Some(8.5), "{}", card.title);
    }
    // Cards outside the selection are untouched.
    for card in now.maps[0].cards().filter(|c| !cards.contains(&c.id)) {
        assert_eq!(Some(card), before.maps[0].card(card.id));
    }
}

#[test]
fn deleting_a_stage_another_map_details_says_what_it_affects() {
    let mut harness = harness(template("logistics"));
    let before = study(&harness);
    let detailed = before.maps.iter().find_map(|m| m.focus.clone()).expect("a map that details another");
    let typical = before.map(detailed.map).unwrap();
    let stage =
        typical.stages.iter().find(|s| s.cards.iter().any(|c| detailed.cards.contains(&c.id))).unwrap();
    harness.state_mut().editor.show_map(typical.id);
    harness.run_ok();
    let chevron = harness.state_mut().stage_on_screen(stage.id).unwrap().center();
    click_at(&mut harness, chevron, Modifiers::NONE);
    harness.key_press(Key::Delete);
    harness.run_ok();
    let status = harness.state().status_text().to_owned();
    assert!(status.starts_with(&format!("Deleted stage “{}”", stage.name)), "{status}");
    assert!(status.contains("no longer details"), "{status}");
    assert!(status.contains("Undo"), "{status}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness), before);
}

#[test]
fn the_problems_counter_lists_problems_and_a_click_selects_the_card() {
    let mut study_with_problem = template("starter");
    let card = study_with_problem.maps[0].stages[2].cards[0].id;
    study_with_problem.maps[0].stages[2].cards[0].importance.internal = Some(14.0);
    let mut harness = harness(study_with_problem);
    harness.get_by_label_contains("1 error").click();
    harness.run_ok();
    harness.get_by_label_contains("outside the scale 1 to 10").click();
    harness.run_ok();
    assert_eq!(harness.state().editor.selection.cards, vec![card]);
}

#[test]
fn status_messages_go_away_after_a_few_seconds() {
    let mut harness = harness(template("starter"));
    harness.key_press(Key::L);
    harness.run_ok();
    assert!(!harness.state().status_text().is_empty());
    // Eight seconds of frames.
    for _ in 0..480 {
        harness.step();
    }
    assert!(harness.state().status_text().is_empty(), "{}", harness.state().status_text());
}

#[test]
fn an_owner_dragged_onto_a_card_is_assigned_to_it() {
    let mut harness = harness(template("starter"));
    let before = study(&harness);
    let marketing = before.owners.iter().find(|o| o.name == "Marketing").unwrap().id;
    let card = before.maps[0].cards().find(|c| !c.owners.contains(&marketing)).unwrap().id;
    let from = harness.get_by_role_and_label(Role::Button, "Marketing").rect().center();
    let to = card_centre(&mut harness, card);
    common::app::drag(&mut harness, from, to);
    assert!(study(&harness).maps[0].card(card).unwrap().owners.contains(&marketing));
    assert_eq!(harness.state().editor.highlight, None, "a drag is not a click");
}

#[test]
fn a_recommendation_gets_a_due_date_in_the_inspector() {
    let mut harness = harness(template("starter"));
    let card = study(&harness).maps[0].stages[0].cards[0].clone();
    assert!(card.recommendations.is_empty());
    let centre = card_centre(&mut harness, card.id);
    click_at(&mut harness, centre, Modifiers::NONE);
    click(&mut harness, "Recommendations (0)");
    click(&mut harness, "Add recommendation");
    assert_eq!(study(&harness).maps[0].card(card.id).unwrap().recommendations.len(), 1);
    harness.get_by_label("Due").click();
    harness.run_ok();
    type_and_enter(&mut harness, "2026-03-31");
    let due = study(&harness).maps[0].card(card.id).unwrap().recommendations[0].due;
    assert_eq!(due.map(|d| d.to_string()).as_deref(), Some("2026-03-31"));
}
