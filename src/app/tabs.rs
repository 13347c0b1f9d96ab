//! The map tabs above the canvas: click to switch, double-click to rename in place, right-click
//! for the map commands, + to add a map. A map's settings (kind, state, persona, description,
//! focus) are in the inspector when nothing is selected.

use super::canvas::CanvasState;
use super::commands::Command;
use super::editor::Editor;
use crate::edit::{Edit, MapInfo};
use crate::model::MapId;
use egui::Key;

/// The tabs in one row that scrolls sideways when they do not fit (a narrow window keeps its
/// canvas rather than growing rows of tabs); the shown map's tab scrolls into view.
pub(crate) fn show(ui: &mut egui::Ui, editor: &mut Editor, canvas: &mut CanvasState) {
    // A solid bar, below the tabs and only when they overflow: a floating one would lie over
    // them and take their clicks.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::horizontal()
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded)
        .show(ui, |ui| {
            ui.horizontal(|ui| row(ui, editor, canvas));
        });
}

fn row(ui: &mut egui::Ui, editor: &mut Editor, canvas: &mut CanvasState) {
    {
        ui.add_space(6.0);
        let maps: Vec<(MapId, String)> =
            editor.study().maps.iter().map(|m| (m.id, m.title.clone())).collect();
        let current = editor.current_map().map(|m| m.id);
        for (id, title) in maps {
            if canvas.map_rename.as_ref().is_some_and(|r| r.map == id) {
                rename_ui(ui, editor, canvas);
                continue;
            }
            let label = if title.trim().is_empty() { "Untitled map".to_owned() } else { title.clone() };
            let response = ui
                .selectable_label(current == Some(id), label)
                .on_hover_text("Click to show; double-click to rename; right-click for more");
            if current == Some(id) && canvas.tab_in_view != current {
                response.scroll_to_me(None);
                canvas.tab_in_view = current;
            }
            if response.clicked() {
                editor.show_map(id);
            }
            if response.double_clicked() {
                editor.show_map(id);
                canvas.start_map_rename(id, &title);
            }
            response.context_menu(|ui| {
                editor.show_map(id);
                for command in [Command::RenameMap, Command::DuplicateMap, Command::DeleteMap] {
                    if ui.button(command.label()).on_hover_text(command.tooltip()).clicked() {
                        canvas.pending.push(command);
                        ui.close();
                    }
                }
                ui.separator();
                if ui.button(Command::AddMap.label()).on_hover_text(Command::AddMap.tooltip()).clicked() {
                    canvas.pending.push(Command::AddMap);
                    ui.close();
                }
            });
        }
        if ui.button("+").on_hover_text("Add a map to the study").clicked() {
            canvas.pending.push(Command::AddMap);
        }
    }
}

/// The tab's title as a text box: Enter or clicking away renames the map (one undo step),
/// Escape leaves it as it was.
fn rename_ui(ui: &mut egui::Ui, editor: &mut Editor, canvas: &mut CanvasState) {
    let Some(rename) = canvas.map_rename.as_mut() else { return };
    let first_frame = !rename.focus_requested;
    let response = super::inspector::rename_box(ui, &mut rename.text, 180.0, "Map title", first_frame);
    rename.focus_requested = true;
    super::inspector::name(ui, &response, "Map title on its tab");
    let cancelled = ui.input(|i| i.key_pressed(Key::Escape));
    if cancelled {
        canvas.map_rename = None;
    } else if response.lost_focus() {
        let Some(rename) = canvas.map_rename.take() else { return };
        let title = rename.text.trim().to_owned();
        if let Some(map) = editor.study().map(rename.map)
            && map.title != title
        {
            let info = MapInfo { title, ..MapInfo::of(map) };
            editor.apply("Rename map", vec![Edit::SetMapInfo { map: rename.map, info }]);
        }
    }
}
