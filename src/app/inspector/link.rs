//! One selected link: where it goes, its kind (flow or dependency) and its label; reversing
//! and deleting it. Each change is one undo step; typing the label is one step.

use super::fields::{Draft, name, text_line};
use crate::app::editor::{Editor, Selection};
use crate::edit::{Edit, MergeKey};
use crate::model::{Link, LinkKind, MapId};

fn card_title(editor: &Editor, card: crate::model::CardId) -> String {
    editor.current_map().and_then(|m| m.card(card)).map_or_else(
        || format!("card {card}"),
        |c| if c.title.trim().is_empty() { "Untitled".to_owned() } else { c.title.clone() },
    )
}

pub(super) fn show(ui: &mut egui::Ui, editor: &mut Editor, map: MapId, link: &Link) {
    ui.heading("Link");
    ui.label(format!("From “{}”", card_title(editor, link.from)));
    ui.label(format!("to “{}”", card_title(editor, link.to)));
    ui.add_space(4.0);
    let mut draft = Draft::new(link.clone());
    let mut kind_changed = false;
    ui.horizontal(|ui| {
        ui.weak("Kind");
        let combo = egui::ComboBox::from_id_salt("link-kind")
            .selected_text(draft.value.kind.label())
            .show_ui(ui, |ui| {
                for kind in LinkKind::ALL {
                    kind_changed |= ui.selectable_value(&mut draft.value.kind, kind, kind.label()).changed();
                }
            });
        name(ui, &combo.response, "Link kind");
    });
    ui.weak(match draft.value.kind {
        LinkKind::Flow => "The customer moves from one to the next",
        LinkKind::Dependency => "One depends on the other having happened or worked (drawn dashed)",
    });
    let r = text_line(ui, "Label", "Link label", &mut draft.value.label);
    draft.track(&r);
    if kind_changed {
        draft.touch();
    }
    if let Some(changed) = draft.changed_from(link).cloned() {
        // A new kind is one click and its own step; typing the label merges until the field
        // is left.
        let merge = (!kind_changed).then_some(MergeKey::Link(link.id));
        editor.apply_merging("Edit link", vec![Edit::ReplaceLink { map, link: changed }], merge);
    }
    if draft.sealed() {
        editor.doc.seal();
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button("Reverse").on_hover_text("Make the link point the other way").clicked() {
            let reversed = Link { from: link.to, to: link.from, ..link.clone() };
            editor.apply("Reverse link", vec![Edit::ReplaceLink { map, link: reversed }]);
        }
        if ui.button("Delete link").on_hover_text("Remove this link (Delete)").clicked()
            && editor.apply("Delete link", vec![Edit::RemoveLink { map, link: link.id }])
        {
            editor.selection = Selection::default();
        }
    });
}
