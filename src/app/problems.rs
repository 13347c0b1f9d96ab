//! The list of problems behind the status bar's counter: every error and warning of the study;
//! clicking one shows the map it is on and selects what it names.

use super::canvas::CanvasState;
use super::editor::{Editor, Selection};
use crate::model::{Location, Severity};

/// Shows the problems window while `open`; closing it clears `open`.
pub(crate) fn window(ctx: &egui::Context, open: &mut bool, editor: &mut Editor, canvas: &mut CanvasState) {
    if !*open {
        return;
    }
    let problems = editor.problems();
    let mut go_to: Option<Location> = None;
    egui::Window::new("Problems").open(open).default_size([520.0, 320.0]).collapsible(false).show(
        ctx,
        |ui| {
            if problems.is_empty() {
                ui.label("No problems: every reference holds and every value is on its scale.");
                return;
            }
            ui.weak("Click a problem to show what it names.");
            egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(
                ui,
                ui.spacing().interact_size.y,
                problems.len(),
                |ui, rows| {
                    for problem in &problems[rows] {
                        ui.horizontal(|ui| {
                            let (mark, colour) = match problem.severity {
                                Severity::Error => ("Error", egui::Color32::from_rgb(0xC6, 0x28, 0x28)),
                                Severity::Warning => ("Warning", egui::Color32::from_rgb(0xB2, 0x6A, 0x00)),
                            };
                            ui.colored_label(colour, mark);
                            let text = format!("{} — {}", problem.message, problem.location.path());
                            if ui.link(text).on_hover_text("Show it").clicked() {
                                go_to = Some(problem.location.clone());
                            }
                        });
                    }
                },
            );
        },
    );
    if let Some(location) = go_to {
        show_location(editor, canvas, &location);
    }
}

/// Shows the map a location is on and selects the card, stage or link it names; an owner is
/// highlighted; a persona or the study clears the selection so the inspector shows them.
pub(crate) fn show_location(editor: &mut Editor, canvas: &mut CanvasState, location: &Location) {
    if let Some(map) = location.map.filter(|id| editor.study().map(*id).is_some()) {
        editor.show_map(map);
    }
    editor.selection = if let Some(card) = location.card {
        Selection::of_card(card)
    } else if let Some(link) = location.link {
        Selection::of_link(link)
    } else if let Some(stage) = location.stage {
        Selection::of_stage(stage)
    } else {
        Selection::default()
    };
    if let Some(owner) = location.owner {
        editor.highlight = Some(owner);
    }
    if !editor.selection.cards.is_empty() {
        canvas.request_zoom_to_selection();
    }
}
