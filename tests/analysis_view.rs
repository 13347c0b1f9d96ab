//! The Analysis view and the heat-map overlay, driven through the real app: they read the
//! study and select cards, and never change the study.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::app::{click, harness, study, template};
use egui::{Key, Modifiers};
use wayline::app::canvas::heat::HeatOverlay;

#[test]
fn the_shortcut_opens_the_view_and_a_gap_row_selects_its_card() {
    let before = template("logistics");
    let mut harness = harness(before.clone());
    harness.state_mut().prefs.show_owners = false;
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run_ok();
    assert!(harness.state().prefs.show_analysis);
    click(&mut harness, "Gaps");
    let top = wayline::analysis::analyse(&before, &before.maps[0], &wayline::analysis::Settings::default())
        .ranked_gaps[0];
    let title = before.maps[0].card(top).unwrap().title.clone();
    click(&mut harness, &title);
    assert_eq!(harness.state().editor.selection.cards, vec![top]);
    for tab in ["Handoffs", "Coverage", "Metrics", "Heat", "Matrix"] {
        click(&mut harness, tab);
    }
    click(&mut harness, "Matrix views");
    click(&mut harness, "Both views");
    assert_eq!(harness.state().prefs.analysis.views, wayline::layout::matrix::MatrixViews::Both);
    assert_eq!(study(&harness), before, "looking at the analysis changes nothing");
    assert_eq!(harness.state().editor.doc.history().undo_depth(), 0);
}

#[test]
fn the_heat_map_overlay_is_chosen_in_the_toolbar_and_changes_nothing() {
    let before = template("saas");
    let mut harness = harness(before.clone());
    click(&mut harness, "Heat map");
    click(&mut harness, "Computed heat");
    assert_eq!(harness.state().canvas.heat, HeatOverlay::Computed);
    for overlay in ["Customer performance", "Performance gap", "Team's flags"] {
        click(&mut harness, "Heat map");
        click(&mut harness, overlay);
    }
    assert_eq!(harness.state().canvas.heat, HeatOverlay::Flags);
    assert_eq!(study(&harness), before);
}

#[test]
fn the_rollups_tab_and_the_inspector_show_a_touchpoint_from_its_steps() {
    use egui_kittest::kittest::Queryable;
    let before = template("logistics");
    let mut harness = harness(before.clone());
    harness.state_mut().prefs.show_owners = false;
    harness.state_mut().prefs.show_analysis = true;
    harness.run_ok();
    click(&mut harness, "Roll-ups");
    // The detail map's steps are summed up once per group of touchpoints it details.
    let _ = harness.get_by_label(
        "6 of 16 steps scored in the customer view, 3.2–8.8; weakest: Maps bookings in our ERP",
    );
    assert!(harness.query_all_by_label("Marked").count() >= 1, "a touchpoint is marked for review");
    let card = before.maps[0].cards().find(|c| c.title == "Connects our ERP via EDI").unwrap().id;
    click(&mut harness, "Connects our ERP via EDI");
    assert_eq!(harness.state().editor.selection.cards, vec![card]);
    let _ = harness.get_by_label("Roll-up from the detail map");
    let _ = harness.get_by_label("Marked for review: stated and step performance differ by 2 or more");
    assert_eq!(
        harness.query_all_by_label("3.1 · 5.7").count(),
        2,
        "stated · steps in the table and the inspector"
    );
    assert_eq!(study(&harness), before, "looking at roll-ups changes nothing");
    assert_eq!(harness.state().editor.doc.history().undo_depth(), 0);
}

#[test]
fn a_step_edited_on_the_detail_map_rolls_up_to_its_touchpoint_on_the_canvas() {
    use wayline::layout::Role;
    use wayline::model::{Card, MapId};
    let before = template("logistics");
    let mut harness = harness(before.clone());
    let touchpoint = before.maps[0].cards().find(|c| c.title == "Connects our ERP via EDI").unwrap().id;
    let texts = |harness: &mut egui_kittest::Harness<'_, wayline::app::WaylineApp>| -> Vec<String> {
        let scene = harness.state_mut().editor.scene().unwrap();
        scene.texts().filter(|(_, r)| *r == Role::Card(touchpoint)).map(|(run, _)| run.text.clone()).collect()
    };
    assert!(texts(&mut harness).iter().any(|t| t == "5.7"), "{:?}", texts(&mut harness));
    // Every step of the detail map scored 1.5 by customers: the roll-up follows.
    let detail = before.map(MapId(2)).unwrap();
    let edits: Vec<wayline::edit::Edit> = detail
        .cards()
        .map(|c| {
            let mut card: Card = c.clone();
            card.performance.customer = Some(1.5);
            wayline::edit::Edit::ReplaceCard { map: detail.id, card }
        })
        .collect();
    harness.state_mut().editor.apply("Score every step", edits);
    harness.run_ok();
    let after = texts(&mut harness);
    assert!(after.iter().any(|t| t == "1.5") && !after.iter().any(|t| t == "5.7"), "{after:?}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness), before);
    assert!(texts(&mut harness).iter().any(|t| t == "5.7"), "undo brings the roll-up back");
}
