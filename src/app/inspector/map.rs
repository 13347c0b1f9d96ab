//! The shown map's own settings, in the inspector when nothing is selected: title, kind,
//! state, persona, description, and what it details (its focus on another map's cards).

use super::fields::{caption, multiline, name, text_line};
use crate::app::editor::Editor;
use crate::edit::{Edit, MapInfo, MergeKey};
use crate::model::{Focus, MapId, MapKind, MapState};

/// A drop-down named `accessible`, under a caption; returns whether the user picked something.
fn choice<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    caption_text: &str,
    accessible: &str,
    value: &mut T,
    options: &[(T, String)],
) -> bool {
    caption(ui, caption_text);
    let selected = options.iter().find(|(v, _)| v == value).map_or_else(String::new, |(_, l)| l.clone());
    let mut changed = false;
    let combo = egui::ComboBox::from_id_salt(accessible)
        .selected_text(selected)
        .width(ui.available_width() - 8.0)
        .truncate()
        .show_ui(ui, |ui| {
            for (option, label) in options {
                changed |= ui.selectable_value(value, *option, label).changed();
            }
        });
    name(ui, &combo.response, accessible);
    changed
}

pub(super) fn show(ui: &mut egui::Ui, editor: &mut Editor, map_id: MapId) {
    let Some(map) = editor.study().map(map_id) else { return };
    let before = MapInfo::of(map);
    let mut info = before.clone();
    ui.heading("Map");
    ui.weak(
        "Select a card, a stage or a link to edit it; double-click empty space in a stage to add a card.",
    );
    ui.add_space(4.0);
    let mut typed = false;
    let mut sealed = false;
    let r = text_line(ui, "Title", "Map title", &mut info.title);
    typed |= r.changed();
    sealed |= r.lost_focus();

    let kinds: Vec<(MapKind, String)> = MapKind::ALL.iter().map(|k| (*k, k.label().to_owned())).collect();
    let mut picked = choice(ui, "Kind", "Map kind", &mut info.kind, &kinds);
    let states: Vec<(MapState, String)> = MapState::ALL.iter().map(|s| (*s, s.label().to_owned())).collect();
    picked |= choice(ui, "State", "Map state", &mut info.state, &states);
    let mut personas: Vec<(Option<crate::model::PersonaId>, String)> = vec![(None, "No persona".to_owned())];
    personas.extend(editor.study().personas.iter().map(|p| (Some(p.id), p.name.clone())));
    picked |= choice(ui, "Persona", "Persona", &mut info.persona, &personas);

    caption(ui, "Description");
    let r = multiline(ui, "Map description", &mut info.description, 3, Some("What this map covers"));
    typed |= r.changed();
    sealed |= r.lost_focus();

    picked |= focus_ui(ui, editor, map_id, &mut info.focus);

    if (typed || picked) && info != before {
        // A pick is one click and its own step; typing merges until the field is left.
        let merge = (!picked).then_some(MergeKey::Map(map_id));
        // The touchpoints' side of the link follows the focus, in the same step.
        let follow = crate::edit::detail::follow_focus(
            editor.study(),
            map_id,
            before.focus.as_ref(),
            info.focus.as_ref(),
        );
        let label = if follow.is_empty() { "Edit map" } else { "Change what the map details" };
        let mut edits = vec![Edit::SetMapInfo { map: map_id, info }];
        edits.extend(follow);
        editor.apply_merging(label, edits, merge);
    }
    if sealed {
        editor.doc.seal();
    }
}

/// What the map details: another map and some of its cards. Returns whether the user changed it.
fn focus_ui(ui: &mut egui::Ui, editor: &Editor, map_id: MapId, focus: &mut Option<Focus>) -> bool {
    let study = editor.study();
    let mut options: Vec<(Option<MapId>, String)> = vec![(None, "Nothing: a map of its own".to_owned())];
    options.extend(study.maps.iter().filter(|m| m.id != map_id).map(|m| (Some(m.id), m.title.clone())));
    let mut target = focus.as_ref().map(|f| f.map);
    // A focus on a map that no longer exists still shows (and can be cleared).
    if let Some(missing) = target.filter(|id| study.map(*id).is_none()) {
        options.push((Some(missing), format!("missing map {missing}")));
    }
    let mut changed = false;
    if choice(ui, "Details", "Map focus", &mut target, &options) {
        *focus = target.map(|map| Focus { map, cards: Vec::new() });
        changed = true;
    }
    let Some(current) = focus.as_mut() else { return changed };
    let Some(detailed) = study.map(current.map) else { return changed };
    // The touchpoints it details, named where the list below may have them out of sight.
    let names: Vec<&str> =
        detailed.cards().filter(|c| current.cards.contains(&c.id)).map(|c| c.title.as_str()).collect();
    if !names.is_empty() {
        ui.weak(names.join(" · "));
    }
    egui::CollapsingHeader::new(format!("Touchpoints it details ({})", current.cards.len()))
        .id_salt("focus-cards")
        .default_open(current.cards.len() < 8)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("focus-cards-scroll").max_height(180.0).show(ui, |ui| {
                for stage in &detailed.stages {
                    ui.weak(&stage.name);
                    for card in &stage.cards {
                        let mut on = current.cards.contains(&card.id);
                        let checkbox = ui.checkbox(&mut on, &card.title);
                        name(ui, &checkbox, &format!("Details “{}”", card.title));
                        if checkbox.changed() {
                            if on {
                                current.cards.push(card.id);
                            } else {
                                current.cards.retain(|c| *c != card.id);
                            }
                            changed = true;
                        }
                    }
                }
            });
        });
    changed
}
