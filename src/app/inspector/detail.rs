//! A card's detail map in the inspector: which map details it (any other map of the study, or
//! none), and a button that opens it. Choosing keeps the other side of the link in step (the
//! chosen map takes the card into what it details), in one undo step.

use super::fields::{caption, name};
use crate::app::editor::Editor;
use crate::edit::detail;
use crate::model::{Card, MapId};

pub(super) fn show(ui: &mut egui::Ui, editor: &mut Editor, map: MapId, card: &Card) {
    let study = editor.study();
    let mut options: Vec<(Option<MapId>, String)> = vec![(None, "None".to_owned())];
    options.extend(
        study
            .maps
            .iter()
            .filter(|m| m.id != map)
            .map(|m| (Some(m.id), format!("{} · {}", m.title, m.kind.key()))),
    );
    // A detail map that no longer exists still shows, so it can be cleared.
    if let Some(missing) = card.detail.filter(|id| study.map(*id).is_none()) {
        options.push((Some(missing), format!("missing map {missing}")));
    }
    let mut chosen = card.detail;
    caption(ui, "Detail map");
    let mut picked = false;
    let mut open = false;
    // The button is laid out first, from the right, so the choice takes what is left and a long
    // map title never pushes the button out of the panel.
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let exists = card.detail.is_some_and(|id| study.map(id).is_some());
        let button = ui
            .add_enabled(exists, egui::Button::new("Open"))
            .on_hover_text("Open the detail map (or double-click the card); Alt+Left comes back");
        name(ui, &button, "Open the detail map");
        open = button.clicked();
        let selected =
            options.iter().find(|(v, _)| *v == chosen).map_or_else(String::new, |(_, l)| l.clone());
        let combo = egui::ComboBox::from_id_salt("card-detail-map")
            .selected_text(selected)
            .width((ui.available_width() - 24.0).max(80.0))
            .truncate()
            .show_ui(ui, |ui| {
                for (option, label) in &options {
                    picked |= ui.selectable_value(&mut chosen, *option, label).changed();
                }
            });
        name(ui, &combo.response, "Detail map");
        combo.response.on_hover_text("The map that details this card step by step");
    });
    if picked && chosen != card.detail {
        let edits = detail::set_detail(editor.study(), map, card.id, chosen);
        editor.apply("Set detail map", edits);
    } else if open && let Some(detail) = card.detail {
        editor.show_map(detail);
    }
}
