//! The study itself, in the inspector when nothing is selected: title, organisation, author,
//! dates and review interval, and the personas maps are made for.

use super::editor::Editor;
use crate::edit::{Edit, MergeKey};
use crate::model::{Date, Meta, Persona, PersonaId, SegmentKind};

fn meta_ui(ui: &mut egui::Ui, editor: &mut Editor) {
    let mut meta: Meta = editor.study().meta.clone();
    egui::Grid::new("study-meta").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
        for (label, value) in [
            ("Title", &mut meta.title),
            ("Organisation", &mut meta.organisation),
            ("Author", &mut meta.author),
        ] {
            let label = ui.label(label);
            ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY)).labelled_by(label.id);
            ui.end_row();
        }
    });
    super::inspector::date_field(ui, "Created", &mut meta.created);
    super::inspector::date_field(ui, "Last reviewed", &mut meta.last_reviewed);
    ui.horizontal(|ui| {
        let label = ui.label("Review every");
        ui.add(
            egui::DragValue::new(&mut meta.review_interval_months)
                .range(1..=60)
                .clamp_existing_to_range(false)
                .suffix(" months"),
        )
        .labelled_by(label.id);
    });
    if let Some(due) = meta.review_due() {
        let overdue = due <= Date::today();
        let text = format!("Review due {due}{}", if overdue { " (overdue)" } else { "" });
        if overdue {
            ui.colored_label(egui::Color32::from_rgb(0xC6, 0x28, 0x28), text);
        } else {
            ui.weak(text);
        }
    }
    super::inspector::caption(ui, "Notes");
    super::inspector::multiline(ui, "Notes", &mut meta.notes, 3, None);
    if meta != editor.study().meta {
        editor.apply_merging("Edit study", vec![Edit::SetMeta(meta)], Some(MergeKey::Meta));
    }
}

/// Lines of a list, one per line in a text box.
fn lines_field(ui: &mut egui::Ui, label: &str, list: &mut Vec<String>) {
    super::inspector::caption(ui, label);
    let mut text = list.join("\n");
    let response = super::inspector::multiline(ui, label, &mut text, 2, None);
    if response.changed() {
        *list = text.lines().map(str::to_owned).collect();
        while list.last().is_some_and(String::is_empty) && !text.ends_with('\n') {
            list.pop();
        }
    }
}

fn persona_ui(ui: &mut egui::Ui, editor: &mut Editor, persona: &Persona) -> bool {
    let mut changed = persona.clone();
    let mut delete = false;
    egui::CollapsingHeader::new(if persona.name.trim().is_empty() {
        "Unnamed persona"
    } else {
        persona.name.as_str()
    })
    .id_salt(("persona", persona.id))
    .show(ui, |ui| {
        egui::Grid::new(("persona-grid", persona.id)).num_columns(2).show(ui, |ui| {
            let label = ui.label("Name");
            ui.add(egui::TextEdit::singleline(&mut changed.name)).labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Role");
            ui.add(egui::TextEdit::singleline(&mut changed.role)).labelled_by(label.id);
            ui.end_row();
        });
        egui::ComboBox::new(("segment", persona.id), "Segment")
            .selected_text(changed.segment.kind.label())
            .show_ui(ui, |ui| {
                for kind in SegmentKind::ALL {
                    ui.selectable_value(&mut changed.segment.kind, kind, kind.label());
                }
            });
        let label = ui.label("Segment description");
        ui.add(egui::TextEdit::singleline(&mut changed.segment.description).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        lines_field(ui, "Goals (one per line)", &mut changed.goals);
        lines_field(ui, "Motivations (one per line)", &mut changed.motivations);
        lines_field(ui, "Frustrations (one per line)", &mut changed.frustrations);
        delete = ui.button("Delete persona").clicked();
    });
    if delete {
        let mut edits = Vec::new();
        for map in editor.study().maps.iter().filter(|m| m.persona == Some(persona.id)) {
            let mut info = crate::edit::MapInfo::of(map);
            info.persona = None;
            edits.push(Edit::SetMapInfo { map: map.id, info });
        }
        edits.push(Edit::RemovePersona(persona.id));
        editor.apply("Delete persona", edits);
        return true;
    }
    if changed != *persona {
        editor.apply_merging(
            "Edit persona",
            vec![Edit::ReplacePersona(changed)],
            Some(MergeKey::Persona(persona.id)),
        );
    }
    false
}

/// The study's meta data and personas.
pub(crate) fn show(ui: &mut egui::Ui, editor: &mut Editor) {
    ui.heading("Study");
    meta_ui(ui, editor);
    ui.separator();
    ui.horizontal(|ui| {
        ui.heading("Personas");
        if ui.button("Add persona").clicked() {
            let id: PersonaId = editor.study().id_allocator().persona();
            let persona = Persona { id, name: "New persona".to_owned(), ..Persona::default() };
            let index = editor.study().personas.len();
            editor.apply("Add persona", vec![Edit::InsertPersona { index, persona }]);
        }
    });
    for persona in editor.study().personas.clone() {
        if persona_ui(ui, editor, &persona) {
            break;
        }
    }
}
