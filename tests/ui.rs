//! The editor driven as a user drives it, through `egui_kittest`: clicks, typing and drags on
//! the real app, asserting on the study after each step.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::app::{card_centre, click, click_at, drag, harness, study, template};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use wayline::model::Study;

fn card_titles(study: &Study) -> Vec<String> {
    study.maps[0].cards().map(|c| c.title.clone()).collect()
}

#[test]
fn a_new_study_from_a_template_through_the_file_menu() {
    let mut harness = harness(template("logistics"));
    click(&mut harness, "File");
    harness.get_by_label("New from template").hover();
    harness.run_ok();
    click(&mut harness, "saas");
    let now = study(&harness);
    assert_eq!(now.meta.title, template("saas").meta.title);
    assert_eq!(now.meta.created, Some(wayline::model::Date::today()));
}

#[test]
fn build_a_small_map_then_undo_and_redo_every_step() {
    let mut harness = harness(template("starter"));
    let mut states = vec![study(&harness)];

    // Add a stage: it goes at the end of the spine and is selected.
    click(&mut harness, "Add stage");
    let now = study(&harness);
    assert_eq!(now.maps[0].stages.len(), states[0].maps[0].stages.len() + 1);
    assert_eq!(now.maps[0].stages.last().unwrap().name, "New stage");
    states.push(now);

    // Add a card to it (one step) and name it in place (another step).
    click(&mut harness, "Add card");
    states.push(study(&harness));
    assert_eq!(states.last().unwrap().maps[0].stages.last().unwrap().cards[0].title, "New card");
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    harness.event(egui::Event::Text("Signs the order form".to_owned()));
    harness.key_press(Key::Enter);
    harness.run_ok();
    let now = study(&harness);
    let stage = now.maps[0].stages.last().unwrap();
    assert_eq!(stage.cards.len(), 1);
    assert_eq!(stage.cards[0].title, "Signs the order form");
    let new_card = stage.cards[0].id;
    states.push(now);

    // Assign an owner in the inspector: the first owner becomes the accountable one.
    harness.get_by_role_and_label(Role::CheckBox, "Sales").click();
    harness.run_ok();
    let now = study(&harness);
    let card = now.maps[0].card(new_card).unwrap();
    let sales = now.owners.iter().find(|o| o.name == "Sales").unwrap().id;
    assert_eq!(card.owners, vec![sales]);
    assert_eq!(card.accountable, Some(sales));
    states.push(now);

    // Type a score: importance from the customer view becomes known, exactly as typed.
    harness.get_by_label("Importance, customer view").click();
    harness.run_ok();
    harness.event(egui::Event::Text("6.4".to_owned()));
    harness.key_press(Key::Enter);
    harness.run_ok();
    let now = study(&harness);
    assert_eq!(now.maps[0].card(new_card).unwrap().importance.customer, Some(6.4));
    states.push(now);

    // Drag the first card of the first stage into the second stage.
    let first = states[0].maps[0].stages[0].cards[0].id;
    let target = states[0].maps[0].stages[1].cards[0].id;
    let from = card_centre(&mut harness, first);
    let to = card_centre(&mut harness, target) + egui::vec2(0.0, 30.0);
    drag(&mut harness, from, to);
    let now = study(&harness);
    assert!(now.maps[0].stages[0].cards.iter().all(|c| c.id != first), "the card left its stage");
    assert!(now.maps[0].stages[1].cards.iter().any(|c| c.id == first), "the card is in the second stage");
    states.push(now);

    // Link two cards: click one, shift-click the other, then link them.
    let a = card_centre(&mut harness, new_card);
    let b = card_centre(&mut harness, target);
    click_at(&mut harness, a, Modifiers::NONE);
    click_at(&mut harness, b, Modifiers::SHIFT);
    assert_eq!(harness.state().editor.selection.cards, vec![new_card, target]);
    click(&mut harness, "Link selected cards");
    let now = study(&harness);
    assert!(now.maps[0].links.iter().any(|l| l.from == new_card && l.to == target));
    states.push(now);

    // Undo every step back to the start, then redo every step.
    for expected in states.iter().rev().skip(1) {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_ok();
        assert_eq!(&study(&harness), expected);
    }
    for expected in states.iter().skip(1) {
        harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
        harness.run_ok();
        assert_eq!(&study(&harness), expected);
    }
}

#[test]
fn save_as_and_reopen_through_the_fallback_dialogs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.journey.ron");
    let mut harness = harness(template("starter"));
    click(&mut harness, "Add stage");
    let edited = study(&harness);
    assert!(harness.state().editor.doc.is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    harness.run_ok();
    // Without a desktop portal the native dialog cannot open: the path is typed instead.
    let field = harness.get_by_role_and_label(Role::TextInput, "Type the path to save the study to:");
    field.focus();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    harness.event(egui::Event::Text(path.display().to_string()));
    harness.run_ok();
    click(&mut harness, "Save");
    assert!(!harness.state().editor.doc.is_dirty());
    assert_eq!(wayline::io::load_study(&path).unwrap(), edited);

    let mut reopened = self::harness(template("logistics"));
    reopened.state_mut().open_path(&path);
    reopened.run_ok();
    assert_eq!(study(&reopened), edited);
}

#[test]
fn a_broken_file_leaves_the_open_study_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.journey.ron");
    std::fs::write(&broken, "(format_version: 1, maps: [(id: 1, title: ").unwrap();
    let mut harness = harness(template("logistics"));
    let before = study(&harness);
    harness.state_mut().open_path(&broken);
    harness.run_ok();
    assert_eq!(study(&harness), before);
    harness.get_by_label("Cannot open the study");
    harness.get_by_label_contains("broken.journey.ron:1:");
    click(&mut harness, "OK");
}

#[test]
fn escape_cancels_a_drag_and_changes_nothing() {
    let mut harness = harness(template("starter"));
    let before = study(&harness);
    let card = before.maps[0].stages[0].cards[0].id;
    let from = card_centre(&mut harness, card);
    harness.drag_at(from);
    harness.run_ok();
    harness.hover_at(from + egui::vec2(400.0, 0.0));
    harness.run_ok();
    harness.key_press(Key::Escape);
    harness.run_ok();
    harness.drop_at(from + egui::vec2(400.0, 0.0));
    harness.run_ok();
    assert_eq!(study(&harness), before);
    assert_eq!(harness.state().editor.doc.history().undo_depth(), 0);
}

#[test]
fn deleting_a_card_removes_its_links_and_undo_brings_both_back() {
    let mut harness = harness(template("starter"));
    let before = study(&harness);
    let card = before.maps[0].stages[1].cards[0].id;
    harness.state_mut().editor.selection.cards = vec![card];
    harness.run_ok();
    click(&mut harness, "Delete");
    let now = study(&harness);
    assert!(now.maps[0].card(card).is_none());
    assert!(now.maps[0].links.iter().all(|l| l.from != card && l.to != card));
    assert!(card_titles(&now).len() < card_titles(&before).len());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness), before);
}

#[test]
fn the_canvas_paints_the_scene_the_posters_draw() {
    let mut harness = harness(template("logistics"));
    for index in 0..3 {
        let map = study(&harness).maps[index].id;
        harness.state_mut().editor.show_map(map);
        harness.run_ok();
        let on_canvas = harness.state_mut().editor.scene().unwrap();
        let study = study(&harness);
        let for_print = wayline::layout::layout(
            &study,
            study.map(map).unwrap(),
            wayline::layout::FontMeasure::shared(),
            &wayline::layout::LayoutOptions::default(),
        );
        assert_eq!(*on_canvas, for_print);
    }
}

#[test]
fn a_stage_is_renamed_in_place_with_f2() {
    let mut harness = harness(template("starter"));
    let stage = study(&harness).maps[0].stages[2].id;
    let chevron = harness.state_mut().stage_on_screen(stage).unwrap().center();
    click_at(&mut harness, chevron, Modifiers::NONE);
    assert_eq!(harness.state().editor.selection.stage, Some(stage));
    harness.key_press(Key::F2);
    harness.run_ok();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    harness.event(egui::Event::Text("Purchase".to_owned()));
    harness.key_press(Key::Enter);
    harness.run_ok();
    assert_eq!(study(&harness).maps[0].stage(stage).unwrap().name, "Purchase");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness).maps[0].stage(stage).unwrap().name, "Decision");
}

#[test]
fn dragging_a_stage_reorders_the_spine() {
    let mut harness = harness(template("starter"));
    let before = study(&harness);
    let first = before.maps[0].stages[0].id;
    let third = before.maps[0].stages[2].id;
    let from = harness.state_mut().stage_on_screen(first).unwrap().center();
    let to = harness.state_mut().stage_on_screen(third).unwrap().right_center() + egui::vec2(-2.0, 0.0);
    drag(&mut harness, from, to);
    let order: Vec<_> = study(&harness).maps[0].stages.iter().map(|s| s.id).collect();
    assert_eq!(order.iter().position(|s| *s == first), Some(2), "{order:?}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness), before);
}

#[test]
fn deleting_an_owner_hands_its_cards_to_another() {
    let mut harness = harness(template("starter"));
    let before = study(&harness);
    let sales = before.owners.iter().find(|o| o.name == "Sales").unwrap().id;
    let marketing = before.owners.iter().find(|o| o.name == "Marketing").unwrap().id;
    harness.get_all_by_label("…").nth(1).unwrap().click();
    harness.run_ok();
    click(&mut harness, "Delete owner…");
    harness.get_by_label("Give them to Marketing").click();
    harness.run_ok();
    click(&mut harness, "Delete owner");
    let now = study(&harness);
    assert!(now.owner(sales).is_none());
    assert!(now.maps[0].cards().all(|c| !c.owners.contains(&sales) && c.accountable != Some(sales)));
    let proposal = now.maps[0].cards().find(|c| c.title == "Receives the proposal").unwrap();
    assert_eq!(proposal.accountable, Some(marketing));
    assert!(wayline::model::validate(&now).iter().all(|p| p.severity != wayline::model::Severity::Error));
}

#[test]
fn the_export_dialog_writes_the_poster() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("poster.svg");
    let mut harness = harness(template("starter"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_ok();
    harness.get_by_label("SVG (vector)").click();
    harness.run_ok();
    let field = harness.get_by_role_and_label(Role::TextInput, "Save to");
    field.focus();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    harness.event(egui::Event::Text(dir.path().join("poster").display().to_string()));
    harness.run_ok();
    click(&mut harness, "Export");
    for _ in 0..200 {
        if out.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run_ok();
    }
    let svg = std::fs::read_to_string(&out).expect("the poster is written, with the format's extension");
    assert!(svg.contains("Customer journey"));
}

#[test]
fn importing_a_mermaid_journey_adds_a_map() {
    let dir = tempfile::tempdir().unwrap();
    let mmd = dir.path().join("support.mmd");
    std::fs::write(&mmd, "journey\n  title Support call\n  section Call\n    Waits on hold: 1: Customer\n    Explains again: 2: Customer, Agent\n").unwrap();
    let mut harness = harness(template("starter"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run_ok();
    let field = harness.get_by_role_and_label(
        Role::TextInput,
        "Type the path of a Mermaid journey (.mmd) or a spreadsheet (.csv):",
    );
    field.focus();
    harness.event(egui::Event::Text(mmd.display().to_string()));
    harness.run_ok();
    click(&mut harness, "Import");
    click(&mut harness, "Add as a map to this study");
    let now = study(&harness);
    assert_eq!(now.maps.len(), 2);
    assert_eq!(now.maps[1].title, "Support call");
    assert_eq!(now.maps[1].card_count(), 2);
    assert_eq!(harness.state().editor.current_map().unwrap().title, "Support call");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness).maps.len(), 1);
}

#[test]
fn pasting_mermaid_text_onto_the_canvas_imports_it_as_a_map() {
    let mut harness = harness(template("starter"));
    harness
        .event(egui::Event::Paste("journey\n  title Pasted\n  section One\n    A step: 4: Me\n".to_owned()));
    harness.run_ok();
    let now = study(&harness);
    assert_eq!(now.maps.len(), 2, "status: {}", harness.state().status_text());
    assert_eq!(now.maps[1].title, "Pasted");
    assert_eq!(now.maps[1].stages[0].cards[0].emotion.elicited, Some(1.0));
}

#[test]
fn the_study_and_its_personas_are_edited_in_the_inspector() {
    let mut harness = harness(template("starter"));
    let field = harness.get_by_role_and_label(Role::TextInput, "Title");
    field.focus();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    harness.event(egui::Event::Text("Dealer journeys 2027".to_owned()));
    harness.key_press(Key::Enter);
    harness.run_ok();
    assert_eq!(study(&harness).meta.title, "Dealer journeys 2027");
    click(&mut harness, "Add persona");
    assert_eq!(study(&harness).personas.len(), 2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness).personas.len(), 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness).meta.title, "New journey study", "typing the title was one step");
}
