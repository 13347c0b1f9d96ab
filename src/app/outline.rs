//! The outline: the map's stages and cards as a tree; clicking selects on the canvas.

use super::editor::{Editor, Selection};

/// A stage of the outline: its id, its name and its cards' ids and titles.
type Entry = (crate::model::StageId, String, Vec<(crate::model::CardId, String)>);

pub(crate) fn show(ui: &mut egui::Ui, editor: &mut Editor) {
    ui.heading("Outline");
    let Some(map) = editor.current_map() else { return };
    let stages: Vec<Entry> = map
        .stages
        .iter()
        .map(|s| (s.id, s.name.clone(), s.cards.iter().map(|c| (c.id, c.title.clone())).collect()))
        .collect();
    egui::ScrollArea::vertical().id_salt("outline-scroll").auto_shrink([false, false]).show(ui, |ui| {
        for (stage, name, cards) in stages {
            let header = egui::CollapsingHeader::new(if name.trim().is_empty() {
                "Untitled stage".to_owned()
            } else {
                name
            })
            .id_salt(("outline", stage))
            .default_open(true)
            .show(ui, |ui| {
                for (card, title) in cards {
                    let selected = editor.selection.cards.contains(&card);
                    let title = if title.trim().is_empty() { "Untitled".to_owned() } else { title };
                    if ui.selectable_label(selected, title).clicked() {
                        editor.selection = Selection { cards: vec![card], stage: None };
                    }
                }
            });
            if header.header_response.secondary_clicked() {
                editor.selection = Selection { cards: Vec::new(), stage: Some(stage) };
            }
        }
    });
}
