//! The outline: the map's stages and cards as a tree; clicking selects on the canvas.

use super::editor::{Editor, Selection};

/// One row of the outline: a stage (with whether it is folded) or a card.
enum Row {
    Stage { id: crate::model::StageId, name: String, folded: bool },
    Card { id: crate::model::CardId, title: String },
}

/// Shows the outline. Only the rows in view are laid out, so thousands of cards cost no more
/// than a screenful.
pub(crate) fn show(ui: &mut egui::Ui, editor: &mut Editor) {
    ui.heading("Outline");
    let Some(map) = editor.current_map() else { return };
    let folded_id = egui::Id::unique(("outline-folded", map.id));
    let folded: std::collections::HashSet<crate::model::StageId> =
        ui.data(|d| d.get_temp(folded_id)).unwrap_or_default();
    let mut rows = Vec::new();
    for stage in &map.stages {
        let is_folded = folded.contains(&stage.id);
        let name = if stage.name.trim().is_empty() {
            "Untitled stage".to_owned()
        } else {
            stage.name.replace('\n', " ")
        };
        rows.push(Row::Stage { id: stage.id, name, folded: is_folded });
        if !is_folded {
            for card in &stage.cards {
                let title = if card.title.trim().is_empty() {
                    "Untitled".to_owned()
                } else {
                    card.title.replace('\n', " ")
                };
                rows.push(Row::Card { id: card.id, title });
            }
        }
    }
    let mut toggle = None;
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical().id_salt("outline-scroll").auto_shrink([false, false]).show_rows(
        ui,
        row_height,
        rows.len(),
        |ui, range| {
            for row in &rows[range] {
                match row {
                    Row::Stage { id, name, folded } => {
                        let arrow = if *folded { "▶" } else { "▼" };
                        let selected = editor.selection.stage == Some(*id);
                        let response = ui.selectable_label(selected, format!("{arrow} {name}"));
                        if response.clicked() {
                            toggle = Some(*id);
                        }
                        if response.secondary_clicked() || response.double_clicked() {
                            editor.selection = Selection::of_stage(*id);
                        }
                    }
                    Row::Card { id, title } => {
                        let selected = editor.selection.cards.contains(id);
                        ui.horizontal(|ui| {
                            ui.add_space(16.0);
                            if ui.selectable_label(selected, title).clicked() {
                                editor.selection = Selection::of_card(*id);
                            }
                        });
                    }
                }
            }
        },
    );
    if let Some(stage) = toggle {
        let mut folded = folded;
        if !folded.remove(&stage) {
            folded.insert(stage);
        }
        ui.data_mut(|d| d.insert_temp(folded_id, folded));
    }
}
