//! The owners panel: the study's departments, teams, regions and people with their colours,
//! how many cards each owns and how many handoffs go in and out; adding, renaming,
//! recolouring, nesting and deleting owners; assigning them to the selected cards.

use super::dialogs::Dialog;
use super::editor::Editor;
use crate::edit::{Edit, MergeKey, ops};
use crate::model::{CardId, Colour, JourneyMap, MapKind, Owner, OwnerId, OwnerKind};

/// Handoffs on a map: pairs of consecutive or linked cards whose accountable owners differ.
fn handoffs(map: &JourneyMap) -> Vec<(OwnerId, OwnerId)> {
    let owner = |id: CardId| map.card(id).and_then(|c| c.accountable);
    let mut pairs: Vec<(CardId, CardId)> = map.links.iter().map(|l| (l.from, l.to)).collect();
    if map.kind != MapKind::Typical {
        let steps: Vec<CardId> = map.cards().map(|c| c.id).collect();
        pairs.extend(steps.windows(2).map(|w| (w[0], w[1])));
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .filter_map(|(a, b)| match (owner(a), owner(b)) {
            (Some(x), Some(y)) if x != y => Some((x, y)),
            _ => None,
        })
        .collect()
}

/// Shows the panel; returns a dialog to open (deleting an owner asks first).
pub(crate) fn show(ui: &mut egui::Ui, editor: &mut Editor) -> Option<Dialog> {
    let mut dialog = None;
    ui.horizontal(|ui| {
        ui.heading("Owners");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Add owner").on_hover_text("Add a department, team, region or person").clicked() {
                let (edits, _) = ops::add_owner(editor.study(), "New owner", OwnerKind::Department);
                editor.apply("Add owner", edits);
            }
        });
    });
    let map = editor.current_map()?;
    let map_id = map.id;
    let flows = handoffs(map);
    let selected = editor.selection.cards.clone();
    let owners: Vec<Owner> = editor.study().owners.clone();
    if !selected.is_empty() {
        ui.weak(format!(
            "Tick owners to assign them to the {} selected cards, or drag an owner onto a card.",
            selected.len()
        ));
    }
    egui::ScrollArea::vertical().id_salt("owners-scroll").max_height(ui.available_height() * 0.55).show(
        ui,
        |ui| {
            for owner in &owners {
                ui.push_id(owner.id, |ui| {
                    dialog =
                        dialog.take().or(owner_row(ui, editor, map_id, owner, &owners, &flows, &selected));
                });
            }
        },
    );
    dialog
}

#[allow(clippy::too_many_arguments, reason = "a row shows all of these")]
fn owner_row(
    ui: &mut egui::Ui,
    editor: &mut Editor,
    map: crate::model::MapId,
    owner: &Owner,
    owners: &[Owner],
    flows: &[(OwnerId, OwnerId)],
    selected: &[CardId],
) -> Option<Dialog> {
    let mut dialog = None;
    let mut changed = owner.clone();
    let cards =
        editor.current_map().map_or(0, |m| m.cards().filter(|c| c.owners.contains(&owner.id)).count());
    let out = flows.iter().filter(|(a, _)| *a == owner.id).count();
    let into = flows.iter().filter(|(_, b)| *b == owner.id).count();
    ui.horizontal(|ui| {
        ui.spacing_mut().interact_size = egui::vec2(20.0, 18.0);
        let mut rgb = [owner.colour.r, owner.colour.g, owner.colour.b];
        if ui.color_edit_button_srgb(&mut rgb).on_hover_text("Owner colour").changed() {
            changed.colour = Colour::rgb(rgb[0], rgb[1], rgb[2]);
        }
        if !selected.is_empty() {
            let assigned = editor.current_map().map_or(0, |m| {
                m.cards().filter(|c| selected.contains(&c.id) && c.owners.contains(&owner.id)).count()
            });
            let mut all = assigned == selected.len();
            if ui
                .checkbox(&mut all, "")
                .on_hover_text(format!("Assign {} to the selected cards", owner.name))
                .changed()
            {
                let edits = ops::assign_owner(editor.study(), map, selected, owner.id, all);
                editor.apply(if all { "Assign owner" } else { "Unassign owner" }, edits);
            }
        }
        let highlighted = editor.highlight == Some(owner.id);
        let name = if owner.name.trim().is_empty() { "Unnamed owner" } else { owner.name.as_str() };
        let response = ui
            .dnd_drag_source(egui::Id::unique(("owner-drag", owner.id)), owner.id, |ui| {
                ui.add(egui::Button::selectable(highlighted, name))
            })
            .inner
            .on_hover_text("Click to highlight this owner's cards; drag onto a card to assign");
        if response.clicked() {
            editor.highlight = if highlighted { None } else { Some(owner.id) };
        }
        response.context_menu(|ui| {
            dialog = details_menu(ui, editor, owner, owners, &mut changed);
        });
        if ui.small_button("…").on_hover_text("Rename, nest or delete this owner").clicked() {
            ui.memory_mut(|m| m.data.insert_temp(egui::Id::unique(("owner-open", owner.id)), true));
        }
        ui.weak(format!("{cards} · {into}↘ {out}↗"))
            .on_hover_text(format!("{cards} cards on this map; {into} handoffs in, {out} handoffs out"));
    });
    let open_id = egui::Id::unique(("owner-open", owner.id));
    if ui.memory(|m| m.data.get_temp::<bool>(open_id)).unwrap_or(false) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            dialog = dialog.take().or(details_menu(ui, editor, owner, owners, &mut changed));
            if ui.button("Done").clicked() {
                ui.memory_mut(|m| m.data.insert_temp(open_id, false));
                editor.doc.seal();
            }
        });
    }
    if changed != *owner {
        editor.apply_merging(
            "Edit owner",
            vec![Edit::ReplaceOwner(changed)],
            Some(MergeKey::Owner(owner.id)),
        );
    }
    dialog
}

/// Name, kind, parent and delete: the owner's details, in its menu or its open editor.
fn details_menu(
    ui: &mut egui::Ui,
    editor: &mut Editor,
    owner: &Owner,
    owners: &[Owner],
    changed: &mut Owner,
) -> Option<Dialog> {
    let r = ui.add(egui::TextEdit::singleline(&mut changed.name).hint_text("Name"));
    if r.lost_focus() {
        editor.doc.seal();
    }
    egui::ComboBox::new(("kind", owner.id), "Kind").selected_text(changed.kind.label()).show_ui(ui, |ui| {
        for kind in OwnerKind::ALL {
            ui.selectable_value(&mut changed.kind, kind, kind.label());
        }
    });
    let parent = changed
        .parent
        .and_then(|p| owners.iter().find(|o| o.id == p))
        .map_or("No parent".to_owned(), |o| format!("Part of {}", o.name));
    egui::ComboBox::new(("parent", owner.id), "Parent").selected_text(parent).show_ui(ui, |ui| {
        ui.selectable_value(&mut changed.parent, None, "No parent");
        for other in owners.iter().filter(|o| o.id != owner.id && !is_inside(owners, o.id, owner.id)) {
            ui.selectable_value(&mut changed.parent, Some(other.id), format!("Part of {}", other.name));
        }
    });
    if ui.button("Delete owner…").clicked() {
        ui.close();
        return Some(Dialog::DeleteOwner { owner: owner.id, replacement: None });
    }
    None
}

/// Whether `candidate` is nested (at any depth) inside `owner`: it cannot become its parent.
fn is_inside(owners: &[Owner], candidate: OwnerId, owner: OwnerId) -> bool {
    let mut current = Some(candidate);
    for _ in 0..=owners.len() {
        match current.and_then(|id| owners.iter().find(|o| o.id == id)).and_then(|o| o.parent) {
            Some(parent) if parent == owner => return true,
            next => current = next,
        }
    }
    false
}
