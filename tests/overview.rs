//! The readable overview, driven in the real app: card titles and stage names readable at
//! fit-to-window on a laptop's screen, focus mode hiding all chrome and bringing it back, and a
//! narrow window folding its side panels into tabs that open them over the map. None of it
//! touches the study.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::app::{STEP_SECONDS, study, template};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wayline::app::WaylineApp;
use wayline::app::canvas::detail_level::{Legibility, Level, Part};

/// The real app on a bundled example in a window of `width` × `height` points, settled.
fn harness_sized(name: &str, width: f32, height: f32) -> Harness<'static, WaylineApp> {
    let study = template(name);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_step_dt(STEP_SECONDS)
        .build_eframe(move |cc| WaylineApp::new(cc, study, None));
    harness.run_ok();
    harness
}

fn shown(harness: &Harness<'_, WaylineApp>, label: &str) -> bool {
    harness.query_by_label(label).is_some()
}

#[test]
fn at_fit_every_card_shows_whole_words_of_its_title_and_every_stage_its_name_on_laptop_screens() {
    for (width, height) in [(1366.0, 768.0), (900.0, 600.0)] {
        for example in ["logistics", "saas"] {
            let mut harness = harness_sized(example, width, height);
            harness.key_press_modifiers(Modifiers::SHIFT, Key::Num1);
            harness.run_ok();
            let app = harness.state();
            let map = app.editor.current_map().unwrap();
            let zoom = app.canvas.zoom(map.id).unwrap();
            let at = format!("{example} at {width}x{height}, {zoom}");
            // Printed titles would be far too small here.
            assert!(zoom < 0.5, "{at}");
            let viewport = app.canvas.viewport().unwrap();
            let overview = app.canvas.overview().unwrap();
            assert_eq!(overview.level, Level::Titles, "{at}");
            let mut whole_first_words = 0;
            for card in map.cards() {
                let face =
                    overview.card(card.id).unwrap_or_else(|| panic!("{:?} is drawn, {at}", card.title));
                // The journey is framed: every touchpoint is in the window.
                assert!(viewport.contains_rect(face.rect), "{:?} is in view, {at}", card.title);
                let title = face.texts.iter().find(|t| t.part == Part::Title).expect("a title");
                assert!(title.size() >= 10.0, "{at}");
                assert!(
                    face.rect.expand(0.5).contains_rect(title.rect()),
                    "{:?} inside its box, {at}",
                    card.title
                );
                let first = title.rows()[0].clone();
                let word = first.split_whitespace().next().unwrap();
                assert!(card.title.starts_with(word.trim_end_matches('…')), "{first:?} of {:?}", card.title);
                if !word.ends_with('…') {
                    whole_first_words += 1;
                }
            }
            let cards = map.card_count();
            assert!(
                whole_first_words * 10 >= cards * 8,
                "{whole_first_words} of {cards} cards show a whole first word, {at}"
            );
            assert_eq!(overview.stages.len(), map.stages.len(), "{at}");
            for tag in &overview.stages {
                assert!(tag.text.size() >= Legibility::CANVAS.min_title, "{at}");
            }
        }
    }
}

#[test]
fn whole_page_frames_the_poster_and_fit_to_window_the_journey_and_both_follow_the_window() {
    let mut harness = harness_sized("logistics", 1366.0, 768.0);
    let before = study(&harness);
    let map = harness.state().editor.map.unwrap();
    let zoom = |h: &Harness<'_, WaylineApp>| h.state().canvas.zoom(map).unwrap();
    // A map opens fitted to its journey.
    let journey = zoom(&harness);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Num3);
    harness.run_ok();
    let page = zoom(&harness);
    assert!(page < journey, "the whole page ({page}) is smaller than the journey ({journey})");
    // Still the whole page when the canvas grows.
    harness.key_press(Key::F11);
    harness.run_ok();
    assert!(zoom(&harness) > page);
    harness.key_press(Key::F11);
    harness.run_ok();
    assert!((zoom(&harness) - page).abs() < 1e-6);
    harness.get_by_label("View").click();
    harness.run_ok();
    harness.get_by_label("Fit to window").click();
    harness.run_ok();
    assert!((zoom(&harness) - journey).abs() < 1e-6);
    assert_eq!(study(&harness), before);
    assert!(!harness.state().editor.doc.is_dirty());
}

#[test]
fn at_100_percent_cards_are_printed_and_not_set_again() {
    let mut harness = harness_sized("logistics", 1366.0, 768.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run_ok();
    let overview = harness.state().canvas.overview().unwrap();
    assert_eq!(overview.level, Level::Full);
    assert!(overview.cards.is_empty() && overview.stages.is_empty());
}

#[test]
fn f11_hides_every_menu_toolbar_panel_and_the_status_bar_and_brings_them_back() {
    let mut harness = harness_sized("logistics", 1600.0, 1000.0);
    let before = study(&harness);
    let chrome = ["File", "Fit to window", "Add owner", "Title", "Typical map · 8 stages · 42 touchpoints"];
    for label in chrome {
        assert!(shown(&harness, label), "{label} shows");
    }
    let zoom = |h: &Harness<'_, WaylineApp>| h.state().canvas.zoom(h.state().editor.map.unwrap()).unwrap();
    let before_zoom = zoom(&harness);
    harness.key_press(Key::F11);
    harness.run_ok();
    for label in chrome {
        assert!(!shown(&harness, label), "{label} hides in focus mode");
    }
    // The fitted map follows the larger canvas.
    assert!(zoom(&harness) > before_zoom);
    assert!(shown(&harness, "Leave focus mode (F11 or Esc)"));
    harness.key_press(Key::F11);
    harness.run_ok();
    for label in chrome {
        assert!(shown(&harness, label), "{label} is back");
    }
    // Escape leaves focus mode too, and so does its button.
    harness.get_by_label("Focus mode").click();
    harness.run_ok();
    assert!(!shown(&harness, "File"));
    harness.key_press(Key::Escape);
    harness.run_ok();
    assert!(shown(&harness, "File"));
    harness.key_press(Key::F11);
    harness.run_ok();
    harness.get_by_label("Leave focus mode (F11 or Esc)").click();
    harness.run_ok();
    assert!(shown(&harness, "File"));
    assert!((zoom(&harness) - before_zoom).abs() < 1e-6, "the view is fitted as it was");
    assert_eq!(study(&harness), before);
    assert!(!harness.state().editor.doc.is_dirty());
}

#[test]
fn a_narrow_window_folds_the_side_panels_into_tabs_that_open_them_over_the_map() {
    let mut harness = harness_sized("logistics", 900.0, 600.0);
    let before = study(&harness);
    // The panels are folded: their contents are not drawn, their tabs are.
    assert!(!shown(&harness, "Add owner"));
    assert!(!shown(&harness, "Title"));
    for tab in ["Owners and outline", "Inspector", "Analysis"] {
        assert!(shown(&harness, tab), "the {tab} tab shows");
    }
    // The canvas keeps most of the window.
    let canvas = harness.state().canvas.viewport().unwrap();
    assert!(canvas.width() >= 0.9 * 900.0, "the canvas is {} wide", canvas.width());

    harness.get_by_label("Owners and outline").click();
    harness.run_ok();
    assert!(shown(&harness, "Add owner"), "the owners open over the map");
    let canvas_open = harness.state().canvas.viewport().unwrap();
    assert_eq!(canvas_open, canvas, "an open panel lies over the map and does not shrink it");
    harness.get_by_label("Owners and outline").click();
    harness.run_ok();
    assert!(!shown(&harness, "Add owner"));

    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::I);
    harness.run_ok();
    assert!(shown(&harness, "Title"), "the inspector opens with its key");
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::I);
    harness.run_ok();
    assert!(!shown(&harness, "Title"));

    // Focus mode hides the tabs too.
    harness.key_press(Key::F11);
    harness.run_ok();
    assert!(!shown(&harness, "Owners and outline"));
    harness.key_press(Key::Escape);
    harness.run_ok();
    assert!(shown(&harness, "Owners and outline"));

    // Map tabs keep one row that scrolls: the last one is reachable and switches the map.
    let second = &before.maps[1];
    harness.get_by_label(&second.title).click();
    harness.run_ok();
    assert_eq!(harness.state().editor.map, Some(second.id));
    let last = before.maps.last().unwrap();
    harness.get_by_label(&last.title).click();
    harness.run_ok();
    assert_eq!(harness.state().editor.map, Some(last.id));

    assert_eq!(study(&harness), before);
    assert!(!harness.state().editor.doc.is_dirty());
    // Folding is for this window only: the remembered choice for wide windows is unchanged.
    assert!(harness.state().prefs.show_owners && harness.state().prefs.show_inspector);
}

#[test]
fn the_view_menu_shows_and_hides_panels_through_their_commands() {
    // Tall enough that the canvas width, which the inspector takes from, limits the fit.
    let mut harness = harness_sized("logistics", 1600.0, 1600.0);
    harness.get_by_label("View").click();
    harness.run_ok();
    harness.get_by_label("Inspector").click();
    harness.run_ok();
    assert!(!harness.state().prefs.show_inspector);
    assert!(!shown(&harness, "Title"));
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::I);
    harness.run_ok();
    assert!(harness.state().prefs.show_inspector);
    assert!(shown(&harness, "Title"));

    // A view the user zoomed stays as it is when a panel changes the canvas's size; a fitted
    // one follows it.
    let map = harness.state().editor.map.unwrap();
    let fitted = harness.state().canvas.zoom(map).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::I);
    harness.run_ok();
    assert!(harness.state().canvas.zoom(map).unwrap() > fitted);
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::I);
    harness.run_ok();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run_ok();
    let zoomed = harness.state().canvas.zoom(map).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::I);
    harness.run_ok();
    assert!((harness.state().canvas.zoom(map).unwrap() - zoomed).abs() < 1e-6);
}
