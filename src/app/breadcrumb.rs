//! The breadcrumb above the canvas: where the shown map sits in the study's hierarchy (typical ›
//! tactical › performance), each map above it a click away, and the maps that detail it in a
//! menu. It shows only in studies whose maps detail one another, so a study of one map keeps
//! its canvas.

use super::commands::Command;
use super::editor::Editor;
use crate::edit::detail;
use crate::model::MapId;

/// Whether any map of the study details another one.
#[must_use]
pub(crate) fn wanted(editor: &Editor) -> bool {
    let study = editor.study();
    study.maps.iter().any(|m| detail::parent(study, m.id).is_some())
}

/// Draws the breadcrumb; returns the command the user chose (going up), if any.
pub(crate) fn show(ui: &mut egui::Ui, editor: &mut Editor) -> Option<Command> {
    let current = editor.current_map()?.id;
    let study = editor.study();
    let path = detail::path_to(study, current);
    let children = detail::children(study, current);
    let title_of = |id: MapId| {
        study.map(id).map_or_else(String::new, |m| {
            if m.title.trim().is_empty() { "Untitled map".to_owned() } else { m.title.clone() }
        })
    };
    let kind_of = |id: MapId| study.map(id).map_or("", |m| m.kind.key());
    let mut open = None;
    let mut command = None;
    // Wrapped, so a narrow canvas shows the whole path on two lines rather than cutting it.
    ui.horizontal_wrapped(|ui| {
        ui.add_space(6.0);
        let up = ui.add_enabled(path.len() > 1, egui::Button::new("← Up").small()).on_hover_text(format!(
            "{} (Alt+Left, or Backspace with nothing selected)",
            Command::GoUp.tooltip()
        ));
        if up.clicked() {
            command = Some(Command::GoUp);
        }
        ui.separator();
        for (index, id) in path.iter().enumerate() {
            if index > 0 {
                ui.weak("›");
            }
            ui.weak(kind_of(*id));
            let title = title_of(*id);
            let shown = elided(&title, if *id == current { 40 } else { 28 });
            let response = if *id == current {
                ui.add(egui::Label::new(egui::RichText::new(&shown).strong())).on_hover_text(&title)
            } else {
                ui.add(egui::Button::new(&shown).frame(false))
                    .on_hover_text(format!("Open “{title}” as you left it"))
            };
            ui.ctx()
                .accesskit_node_builder(response.id, |node| node.set_label(format!("Breadcrumb: {title}")));
            if response.clicked() {
                open = Some(*id);
            }
        }
        if !children.is_empty() {
            ui.weak("›");
            let label = crate::words::count(children.len(), "detail map");
            let menu = ui.menu_button(format!("{label} ▼"), |ui| {
                for child in &children {
                    let text = format!("{} · {}", title_of(*child), kind_of(*child));
                    if ui.button(text).clicked() {
                        open = Some(*child);
                        ui.close();
                    }
                }
            });
            menu.response.on_hover_text("The maps that detail this one, step by step");
        }
    });
    if let Some(id) = open {
        editor.show_map(id);
    }
    command
}

/// `title` cut to `limit` characters with "…", so a path of long titles stays on one line (the
/// whole title shows on hover).
fn elided(title: &str, limit: usize) -> String {
    if title.chars().count() <= limit {
        return title.to_owned();
    }
    let cut: String = title.chars().take(limit.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
