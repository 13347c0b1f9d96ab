//! The inspector: every field of what is selected. A card (or several at once), a stage, a
//! link; with nothing selected, the shown map's settings and then the study's. Each change is
//! an edit; typing in one field is one undo step.

mod card;
mod detail;
mod fields;
mod link;
mod many;
mod map;
mod rollup;
mod scores;
mod stage;

pub(crate) use fields::{caption, date_field, multiline, name, optional_score, rename_box};

use super::editor::Editor;

pub(crate) fn show(ui: &mut egui::Ui, editor: &mut Editor) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let Some(map) = editor.current_map() else {
            super::study_panel::show(ui, editor);
            return;
        };
        let map_id = map.id;
        if let Some(link) =
            editor.selection.link.and_then(|id| map.links.iter().find(|l| l.id == id)).cloned()
        {
            link::show(ui, editor, map_id, &link);
            return;
        }
        match editor.selection.cards.as_slice() {
            [card] => {
                if let Some(card) = map.card(*card).cloned() {
                    card::show(ui, editor, map_id, &card);
                }
            }
            [] => {
                if let Some(stage) = editor.selection.stage.and_then(|s| map.stage(s)).cloned() {
                    stage::show(ui, editor, map_id, &stage);
                } else {
                    map::show(ui, editor, map_id);
                    ui.separator();
                    super::study_panel::show(ui, editor);
                }
            }
            many => {
                let cards = many.to_vec();
                many::show(ui, editor, map_id, &cards);
            }
        }
    });
}
