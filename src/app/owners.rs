//! The owners panel: the study's departments, teams, regions and people with their colours,
//! how many cards each owns and how many handoffs go in and out; adding, renaming,
//! recolouring, nesting and deleting owners; assigning them to the selected cards.

use super::dialogs::Dialog;
use super::editor::Editor;
use crate::edit::{Edit, MergeKey, ops};
use crate::model::{CardId, Colour, Owner, OwnerId, OwnerKind};

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
    let flows: Vec<(OwnerId, OwnerId)> =
        crate::analysis::handoffs(map).iter().map(|h| (h.from_owner, h.to_owner)).collect();
    let selected = editor.selection.cards.clone();
    let owners: Vec<Owner> = editor.study().owners.clone();
    if !selected.is_empty() {
        ui.weak(format!(
            "Tick owners to assign them to the {} selected, or drag an owner onto a card.",
            crate::words::count(selected.len(), "card")
        ));
    }
    egui::ScrollArea::vertical().id_salt("owners-scroll").max_height(ui.available_height() * 0.55).show(
        ui,
        |ui| {
            for (depth, owner) in tree_order(&owners) {
                ui.push_id(owner.id, |ui| {
                    ui.horizontal(|ui| {
                        #[allow(clippy::cast_precision_loss, reason = "a nesting depth")]
                        ui.add_space(depth as f32 * 14.0);
                        ui.vertical(|ui| {
                            dialog = dialog
                                .take()
                                .or(owner_row(ui, editor, map_id, owner, &owners, &flows, &selected));
                        });
                    });
                });
            }
        },
    );
    dialog
}

/// The owners as a tree: each owner followed by the owners nested under it, depth first, in
/// file order; an owner whose parent is missing (or part of a loop) starts a tree of its own.
fn tree_order(owners: &[Owner]) -> Vec<(usize, &Owner)> {
    let ids: std::collections::HashSet<OwnerId> = owners.iter().map(|o| o.id).collect();
    let mut children: std::collections::HashMap<OwnerId, Vec<&Owner>> = std::collections::HashMap::new();
    let mut roots = Vec::new();
    for owner in owners {
        match owner.parent.filter(|p| ids.contains(p) && *p != owner.id) {
            Some(parent) => children.entry(parent).or_default().push(owner),
            None => roots.push(owner),
        }
    }
    let mut order = Vec::with_capacity(owners.len());
    let mut placed = std::collections::HashSet::new();
    let mut stack: Vec<(usize, &Owner)> = roots.into_iter().rev().map(|o| (0, o)).collect();
    loop {
        while let Some((depth, owner)) = stack.pop() {
            if !placed.insert(owner.id) {
                continue;
            }
            order.push((depth, owner));
            if let Some(kids) = children.get(&owner.id) {
                stack.extend(kids.iter().rev().map(|o| (depth + 1, *o)));
            }
        }
        // Owners in a loop of parents are reached from no root: start from the first of them.
        match owners.iter().find(|o| !placed.contains(&o.id)) {
            Some(owner) => stack.push((0, owner)),
            None => break,
        }
    }
    order
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
        // One widget that clicks (highlight) and drags (assign by dropping on a card): a drag
        // source wrapped around a button would take the button's clicks.
        let response = ui
            .add(egui::Button::selectable(highlighted, name).sense(egui::Sense::click_and_drag()))
            .on_hover_text("Click to highlight this owner's cards; drag onto a card to assign");
        response.dnd_set_drag_payload(owner.id);
        if response.dragged() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
            if let Some(pointer) = ui.ctx().pointer_interact_pos() {
                egui::Area::new(egui::Id::unique(("owner-drag-label", owner.id)))
                    .order(egui::Order::Tooltip)
                    .fixed_pos(pointer + egui::vec2(14.0, 10.0))
                    .interactable(false)
                    .show(ui.ctx(), |ui| {
                        egui::Frame::popup(ui.style()).show(ui, |ui| ui.label(format!("Assign {name}")));
                    });
            }
        }
        if response.clicked() {
            editor.highlight = if highlighted { None } else { Some(owner.id) };
        }
        response.context_menu(|ui| {
            dialog = owner_menu(ui, editor, owner, owners, &mut changed);
        });
        if ui.small_button("…").on_hover_text("Rename, nest or delete this owner").clicked() {
            ui.memory_mut(|m| m.data.insert_temp(egui::Id::unique(("owner-open", owner.id)), true));
        }
        ui.weak(format!("{cards} · {into}↘ {out}↗")).on_hover_text(format!(
            "{} on this map; {} in, {} out",
            crate::words::count(cards, "card"),
            crate::words::count(into, "handoff"),
            crate::words::count(out, "handoff")
        ));
    });
    let open_id = egui::Id::unique(("owner-open", owner.id));
    if ui.memory(|m| m.data.get_temp::<bool>(open_id)).unwrap_or(false) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            dialog = dialog.take().or(owner_menu(ui, editor, owner, owners, &mut changed));
            if ui.button("Done").clicked() {
                ui.memory_mut(|m| m.data.insert_temp(open_id, false));
                editor.doc.seal();
            }
        });
    }
    if changed != *owner {
        // Typing the name or dragging in the colour picker is one step (the app seals the step
        // once the field is left or the pointer released).
        editor.apply_merging(
            "Edit owner",
            vec![Edit::ReplaceOwner(changed)],
            Some(MergeKey::Owner(owner.id)),
        );
    }
    dialog
}

/// Rename, colour, kind, nest under and delete: the owner's menu (right-click on its row) and
/// its open editor (the … button).
fn owner_menu(
    ui: &mut egui::Ui,
    editor: &mut Editor,
    owner: &Owner,
    owners: &[Owner],
    changed: &mut Owner,
) -> Option<Dialog> {
    ui.horizontal(|ui| {
        ui.label("Name");
        let r = ui.add(egui::TextEdit::singleline(&mut changed.name).hint_text("Name").desired_width(160.0));
        super::inspector::name(ui, &r, "Owner name");
        if r.lost_focus() {
            editor.doc.seal();
        }
    });
    ui.horizontal(|ui| {
        ui.label("Colour");
        let mut rgb = [changed.colour.r, changed.colour.g, changed.colour.b];
        let r = ui.color_edit_button_srgb(&mut rgb);
        super::inspector::name(ui, &r, "Owner colour");
        if r.changed() {
            changed.colour = Colour::rgb(rgb[0], rgb[1], rgb[2]);
        }
    });
    ui.menu_button(format!("Kind: {}", changed.kind.label()), |ui| {
        for kind in OwnerKind::ALL {
            if ui.radio(changed.kind == kind, kind.label()).clicked() {
                changed.kind = kind;
                ui.close();
            }
        }
    });
    let parent = changed
        .parent
        .and_then(|p| owners.iter().find(|o| o.id == p))
        .map_or("Nest under…".to_owned(), |o| format!("Nested under {}", o.name));
    ui.menu_button(parent, |ui| {
        if ui.radio(changed.parent.is_none(), "Nothing (top level)").clicked() {
            changed.parent = None;
            ui.close();
        }
        for other in owners.iter().filter(|o| o.id != owner.id && !is_inside(owners, o.id, owner.id)) {
            if ui.radio(changed.parent == Some(other.id), &other.name).clicked() {
                changed.parent = Some(other.id);
                ui.close();
            }
        }
    });
    ui.separator();
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
