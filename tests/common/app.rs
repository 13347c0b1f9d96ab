//! The editor driven as a user drives it, through `egui_kittest`.

use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;
use wayline::app::WaylineApp;
use wayline::model::{CardId, Study};

/// The time a frame of the harness takes: each queued event is a frame of its own, and a
/// double click needs its clicks within 0.3 s.
pub const STEP_SECONDS: f32 = 1.0 / 60.0;

/// A bundled example study, by name.
pub fn template(name: &str) -> Study {
    wayline::templates::find(name).unwrap().study().unwrap()
}

/// The real app on `study`, in a 1600×1000 window, settled.
pub fn harness(study: Study) -> Harness<'static, WaylineApp> {
    harness_with_path(study, None)
}

/// The real app on `study` loaded from `path`.
pub fn harness_with_path(study: Study, path: Option<PathBuf>) -> Harness<'static, WaylineApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_step_dt(STEP_SECONDS)
        .build_eframe(move |cc| WaylineApp::new(cc, study, path));
    harness.run_ok();
    harness
}

/// The study as the app holds it.
pub fn study(harness: &Harness<'_, WaylineApp>) -> Study {
    harness.state().editor.study().clone()
}

/// Clicks the widget with this accessible name.
pub fn click(harness: &mut Harness<'_, WaylineApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run_ok();
}

/// Chooses `item` of the menu bar's `menu` (a menu item's accessible name ends with its
/// shortcut, so the item is found by how its name starts).
pub fn choose(harness: &mut Harness<'_, WaylineApp>, menu: &str, item: &str) {
    harness.get_by_role_and_label(egui::accesskit::Role::Button, menu).click();
    harness.run_ok();
    harness
        .query_all_by_label_contains(item)
        .find(|n| n.accesskit_node().label().is_some_and(|l| l.starts_with(item)))
        .unwrap_or_else(|| panic!("{menu} › {item}"))
        .click();
    harness.run_ok();
}

/// Where a card's centre is on screen.
pub fn card_centre(harness: &mut Harness<'_, WaylineApp>, card: CardId) -> egui::Pos2 {
    harness.state_mut().card_on_screen(card).expect("the card is on screen").center()
}

/// A click with the primary button at a screen position.
pub fn click_at(harness: &mut Harness<'_, WaylineApp>, pos: egui::Pos2, modifiers: Modifiers) {
    harness.hover_at(pos);
    harness.run_ok();
    for pressed in [true, false] {
        let event =
            egui::Event::PointerButton { pos, button: egui::PointerButton::Primary, pressed, modifiers };
        harness.event_modifiers(event, modifiers);
    }
    harness.run_ok();
}

/// A double click with the primary button at a screen position. It waits first, so that an
/// earlier click does not make it a triple click.
pub fn double_click_at(harness: &mut Harness<'_, WaylineApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    for _ in 0..30 {
        harness.step();
    }
    for pressed in [true, false, true, false] {
        let button = egui::PointerButton::Primary;
        harness.event(egui::Event::PointerButton { pos, button, pressed, modifiers: Modifiers::NONE });
    }
    harness.run_ok();
}

/// A drag with the primary button from one screen position to another, in small steps.
pub fn drag(harness: &mut Harness<'_, WaylineApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.drag_at(from);
    harness.run_ok();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.run_ok();
    }
    harness.drop_at(to);
    harness.run_ok();
}

/// Types text into whatever has keyboard focus and presses Enter.
pub fn type_and_enter(harness: &mut Harness<'_, WaylineApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
}
