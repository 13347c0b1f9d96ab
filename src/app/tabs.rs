//! The map tabs above the canvas: switch maps; add, rename, duplicate and delete them; set
//! their kind, state and persona.

use super::canvas::CanvasState;
use super::editor::Editor;
use crate::edit::{Edit, MapInfo, MergeKey, ops};
use crate::model::{MapId, MapKind, MapState};

pub(crate) fn show(ui: &mut egui::Ui, editor: &mut Editor, canvas: &mut CanvasState) {
    ui.horizontal_wrapped(|ui| {
        ui.add_space(6.0);
        let maps: Vec<(MapId, String)> =
            editor.study().maps.iter().map(|m| (m.id, m.title.clone())).collect();
        let current = editor.current_map().map(|m| m.id);
        for (id, title) in maps {
            let label = if title.trim().is_empty() { "Untitled map".to_owned() } else { title };
            let response = ui.selectable_label(current == Some(id), label);
            if response.clicked() {
                editor.show_map(id);
            }
            response.context_menu(|ui| map_menu(ui, editor, canvas, id));
        }
        if ui.button("+").on_hover_text("Add a map to the study").clicked() {
            let (edits, id) = ops::add_map(editor.study(), MapKind::Typical, "New map");
            if editor.apply("Add map", edits) {
                editor.show_map(id);
                canvas.request_fit();
            }
        }
    });
}

fn map_menu(ui: &mut egui::Ui, editor: &mut Editor, canvas: &mut CanvasState, id: MapId) {
    let Some(map) = editor.study().map(id) else { return };
    let mut info = MapInfo::of(map);
    let before = info.clone();
    ui.label("Title");
    let response = ui.text_edit_singleline(&mut info.title);
    if response.lost_focus() {
        editor.doc.seal();
    }
    ui.separator();
    ui.label("Kind");
    for kind in MapKind::ALL {
        ui.radio_value(&mut info.kind, kind, kind.label());
    }
    ui.separator();
    ui.label("State");
    for state in MapState::ALL {
        ui.radio_value(&mut info.state, state, state.label());
    }
    ui.separator();
    let personas: Vec<(crate::model::PersonaId, String)> =
        editor.study().personas.iter().map(|p| (p.id, p.name.clone())).collect();
    let selected = info
        .persona
        .and_then(|id| personas.iter().find(|(p, _)| *p == id))
        .map_or("No persona".to_owned(), |(_, n)| n.clone());
    egui::ComboBox::from_label("Persona").selected_text(selected).show_ui(ui, |ui| {
        ui.selectable_value(&mut info.persona, None, "No persona");
        for (persona, name) in personas {
            ui.selectable_value(&mut info.persona, Some(persona), name);
        }
    });
    if info != before {
        let title_only =
            info.kind == before.kind && info.state == before.state && info.persona == before.persona;
        let merge = title_only.then_some(MergeKey::Map(id));
        editor.apply_merging("Edit map", vec![Edit::SetMapInfo { map: id, info }], merge);
    }
    ui.separator();
    if ui.button("Duplicate map").clicked() {
        let (edits, copy) = ops::duplicate_map(editor.study(), id);
        if editor.apply("Duplicate map", edits)
            && let Some(copy) = copy
        {
            editor.show_map(copy);
            canvas.request_fit();
        }
        ui.close();
    }
    if ui.button("Delete map").clicked() {
        let edits = ops::delete_map(editor.study(), id);
        editor.apply("Delete map", edits);
        ui.close();
    }
}
