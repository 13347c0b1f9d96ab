//! Pointer and keyboard gestures on the canvas, turned into view changes, selection changes
//! and edits. A gesture changes the study once, when it ends; Escape cancels it.

use super::hit::{self, Hit};
use super::{CanvasState, Gesture, RenameTarget, camera, to_point};
use crate::app::commands::Command;
use crate::app::editor::{Editor, Selection};
use crate::edit::{Edit, ops};
use crate::layout::{Layer, Role, Scene};
use crate::model::{CardId, LinkKind};
use egui::emath::TSTransform;
use egui::{Key, PointerButton, Pos2, Rect, Response};

/// How far from a link's connector, in screen points, a click still selects it.
const LINK_TOLERANCE: f32 = 6.0;

/// What is under a point on screen.
fn hit_at(editor: &Editor, scene: &Scene, transform: TSTransform, on_screen: Pos2) -> Hit {
    let Some(map) = editor.current_map() else { return Hit::Nothing };
    let at = to_point(camera::map_from_screen(transform, on_screen));
    hit::hit(scene, map, at, LINK_TOLERANCE / transform.scaling)
}

/// Scrolling pans, Ctrl+wheel and pinch zoom about the pointer, dragging with the middle
/// button or with Space held pans.
pub(super) fn navigate(ui: &egui::Ui, response: &Response, mut transform: TSTransform) -> TSTransform {
    if response.hovered() {
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        if (zoom - 1.0).abs() > f32::EPSILON
            && let Some(anchor) = pointer
        {
            transform = camera::zoom_about(transform, anchor, zoom);
        } else if scroll != egui::Vec2::ZERO {
            transform = camera::pan(transform, scroll);
        }
    }
    let space = ui.input(|i| i.key_down(Key::Space));
    if response.dragged_by(PointerButton::Middle) || (space && response.dragged_by(PointerButton::Primary)) {
        transform = camera::pan(transform, response.drag_delta());
    }
    transform
}

/// Card ports: a link handle sits on the right edge of a single selected card.
pub(super) fn link_handle(scene: &Scene, editor: &Editor) -> Option<(CardId, Pos2)> {
    let [card] = editor.selection.cards.as_slice() else { return None };
    let rect = scene.card_rect(*card)?;
    Some((*card, Pos2::new(rect.max.x, rect.centre().y)))
}

#[allow(clippy::too_many_lines, reason = "one branch per gesture, in the order they happen")]
pub(super) fn pointer(
    ui: &egui::Ui,
    response: &Response,
    editor: &mut Editor,
    state: &mut CanvasState,
    scene: &Scene,
    transform: TSTransform,
) {
    let to_map = |p: Pos2| camera::map_from_screen(transform, p);
    let shift = ui.input(|i| i.modifiers.shift);
    let space = ui.input(|i| i.key_down(Key::Space));

    if state.gesture.is_some() && ui.input(|i| i.key_pressed(Key::Escape)) {
        state.gesture = None;
        return;
    }

    if response.drag_started_by(PointerButton::Middle)
        || (space && response.drag_started_by(PointerButton::Primary))
    {
        state.gesture = Some(Gesture::Pan);
    } else if response.drag_started_by(PointerButton::Primary) {
        let Some(origin) = ui.input(|i| i.pointer.press_origin()) else { return };
        let at = to_map(origin);
        let handle = link_handle(scene, editor).filter(|(_, p)| (transform * *p - origin).length() <= 9.0);
        state.gesture = Some(if let Some((from, _)) = handle {
            Gesture::Link { from, current: at }
        } else {
            match hit_at(editor, scene, transform, origin) {
                Hit::Card(card) => {
                    if !editor.selection.cards.contains(&card) {
                        if shift {
                            editor.selection.cards.push(card);
                        } else {
                            editor.selection = Selection::of_card(card);
                        }
                    }
                    Gesture::Cards { cards: editor.selection.cards.clone(), start: at, current: at }
                }
                Hit::Stage(id) => {
                    editor.selection = Selection::of_stage(id);
                    Gesture::Stage { stage: id, current: at }
                }
                Hit::Nothing if let Some(Some(owner)) = hit::lane_header_at(scene, to_point(at)) => {
                    Gesture::Lane { owner, start: at, current: at }
                }
                Hit::Link(_) | Hit::Nothing => Gesture::Rubber { start: at, current: at, extend: shift },
            }
        });
    }

    if let Some(pointer) = response.interact_pointer_pos().or_else(|| ui.input(|i| i.pointer.hover_pos())) {
        let at = to_map(pointer);
        match &mut state.gesture {
            Some(
                Gesture::Cards { current, .. }
                | Gesture::Stage { current, .. }
                | Gesture::Lane { current, .. }
                | Gesture::Link { current, .. },
            ) => {
                *current = at;
            }
            Some(Gesture::Rubber { current, .. }) => *current = at,
            _ => {}
        }
    }

    if response.drag_stopped() {
        if let Some(gesture) = state.gesture.take() {
            finish(editor, scene, gesture);
        }
        return;
    }

    if response.double_clicked() {
        let Some(pointer) = response.interact_pointer_pos() else { return };
        let at = to_point(to_map(pointer));
        match hit_at(editor, scene, transform, pointer) {
            // A double click opens what the card leads to: its detail map when it has one,
            // else its title, to rename it (F2 renames any card).
            Hit::Card(card) => {
                let card = editor.current_map().and_then(|m| m.card(card));
                let (id, title, detail) = card.map_or((CardId::default(), String::new(), None), |c| {
                    (c.id, c.title.clone(), c.detail.filter(|d| editor.study().map(*d).is_some()))
                });
                editor.selection = Selection::of_card(id);
                if detail.is_some() {
                    state.pending.push(Command::OpenDetail);
                } else {
                    state.start_rename(id, &title);
                }
            }
            Hit::Stage(id) => {
                let name = editor
                    .current_map()
                    .and_then(|m| m.stage(id))
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                editor.selection = Selection::of_stage(id);
                state.start_stage_rename(id, &name);
            }
            Hit::Link(link) => editor.selection = Selection::of_link(link),
            Hit::Nothing => add_card_at(editor, state, scene, at),
        }
    } else if response.clicked() {
        let Some(pointer) = response.interact_pointer_pos() else { return };
        let command = ui.input(|i| i.modifiers.command);
        if command && let Some(card) = scene.detail_mark_at(to_point(to_map(pointer))) {
            editor.selection = Selection::of_card(card);
            state.pending.push(Command::OpenDetail);
            return;
        }
        match hit_at(editor, scene, transform, pointer) {
            Hit::Card(card) if shift => {
                if let Some(index) = editor.selection.cards.iter().position(|c| *c == card) {
                    editor.selection.cards.remove(index);
                } else {
                    editor.selection.cards.push(card);
                }
            }
            Hit::Card(card) => editor.selection = Selection::of_card(card),
            Hit::Stage(id) => editor.selection = Selection::of_stage(id),
            Hit::Link(link) => editor.selection = Selection::of_link(link),
            Hit::Nothing => editor.selection = Selection::default(),
        }
    }
}

/// Ends a gesture: the one moment it changes the study.
fn finish(editor: &mut Editor, scene: &Scene, gesture: Gesture) {
    let Some(map) = editor.current_map() else { return };
    let map_id = map.id;
    match gesture {
        Gesture::Cards { cards, start, current } => {
            if (current - start).length() < 3.0 {
                return;
            }
            let Some(target) = hit::drop_target(scene, map, &cards, to_point(current)) else { return };
            let mut edits: Vec<Edit> = cards
                .iter()
                .enumerate()
                .map(|(offset, card)| Edit::MoveCard {
                    map: map_id,
                    card: *card,
                    stage: target.stage,
                    index: target.index + offset,
                })
                .collect();
            if let Some(Some(owner)) = target.lane {
                let moved_map = {
                    let mut study = editor.study().clone();
                    let _ = crate::edit::apply_all(&mut study, edits.clone());
                    study
                };
                for card in &cards {
                    edits.extend(ops::set_accountable(&moved_map, map_id, *card, owner));
                }
            }
            let label = if cards.len() == 1 { "Move card" } else { "Move cards" };
            editor.apply(label, edits);
        }
        Gesture::Stage { stage, current } => {
            let centres: Vec<f32> = map
                .stages
                .iter()
                .filter(|s| s.id != stage)
                .filter_map(|s| scene.stage_rect(s.id))
                .map(|r| r.centre().x)
                .collect();
            let to = centres.iter().filter(|x| **x < current.x).count();
            let from = map.stages.iter().position(|s| s.id == stage);
            if from != Some(to) {
                editor.apply("Move stage", vec![Edit::MoveStage { map: map_id, stage, to }]);
            }
        }
        Gesture::Lane { owner, start, current } => {
            if (current - start).length() < 3.0 {
                return;
            }
            if let Some(drop) = hit::lane_move(scene, owner, current.y) {
                let edits = crate::edit::lanes::move_lane(editor.study(), map_id, owner, drop.index);
                editor.apply("Move lane", edits);
            }
        }
        Gesture::Rubber { start, current, extend } => {
            let band = Rect::from_two_pos(start, current);
            let inside: Vec<CardId> = scene
                .regions
                .iter()
                .filter(|r| r.layer == Layer::Cards)
                .filter_map(|r| match r.role {
                    Role::Card(id)
                        if band.intersects(Rect::from_min_max(
                            super::to_pos(r.rect.min),
                            super::to_pos(r.rect.max),
                        )) =>
                    {
                        Some(id)
                    }
                    _ => None,
                })
                .collect();
            if !extend {
                editor.selection = Selection::default();
            }
            for card in inside {
                if !editor.selection.cards.contains(&card) {
                    editor.selection.cards.push(card);
                }
            }
        }
        Gesture::Link { from, current } => {
            if let Some(to) = scene.card_at(to_point(current))
                && to != from
            {
                let (edits, _) = ops::add_link(editor.study(), map_id, from, to, LinkKind::Flow);
                editor.apply("Link cards", edits);
            }
        }
        Gesture::Pan => {}
    }
}

/// Adds a card where the user double-clicked: in the stage under the pointer, and on lane
/// maps in the lane under it.
pub(crate) fn add_card_at(
    editor: &mut Editor,
    state: &mut CanvasState,
    scene: &Scene,
    at: crate::layout::Point,
) {
    let Some(map) = editor.current_map() else { return };
    let map_id = map.id;
    let Some(target) = hit::drop_target(scene, map, &[], at) else { return };
    let (mut edits, card) = ops::add_card(editor.study(), map_id, target.stage, target.index, "New card");
    if let Some(Some(owner)) = target.lane {
        let mut study = editor.study().clone();
        let _ = crate::edit::apply_all(&mut study, edits.clone());
        edits.extend(ops::set_accountable(&study, map_id, card, owner));
    }
    if editor.apply("Add card", edits) {
        editor.selection = Selection::of_card(card);
        state.start_rename(card, "New card");
    }
}

/// The in-place rename box over a card's title or a stage's chevron. Enter or clicking away
/// commits, Escape cancels; the whole rename is one undo step.
pub(super) fn rename(
    ui: &egui::Ui,
    editor: &mut Editor,
    state: &mut CanvasState,
    scene: &Scene,
    transform: TSTransform,
) {
    let Some(rename) = &mut state.rename else { return };
    // A rename started by a double click shows from the next frame: a text box that appears
    // under the click that made it would lose its focus to that very click.
    if !rename.focus_requested && ui.input(|i| i.pointer.any_released()) {
        ui.ctx().request_repaint();
        return;
    }
    let region = match rename.target {
        RenameTarget::Card(card) => scene.card_rect(card),
        RenameTarget::Stage(id) => scene.stage_rect(id),
    };
    let Some(rect) = region else {
        state.rename = None;
        return;
    };
    let top_left = transform * Pos2::new(rect.min.x + 8.0, rect.min.y + 6.0);
    let width = (rect.width() - 16.0) * transform.scaling;
    let mut commit = false;
    let mut cancel = false;
    egui::Area::new(egui::Id::unique("rename-in-place"))
        .fixed_pos(top_left)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            let hint = match rename.target {
                RenameTarget::Card(_) => "Card title",
                RenameTarget::Stage(_) => "Stage name",
            };
            let first_frame = !rename.focus_requested;
            let output =
                crate::app::inspector::rename_box(ui, &mut rename.text, width.max(120.0), hint, first_frame);
            rename.focus_requested = true;
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                cancel = true;
            } else if output.lost_focus() {
                commit = true;
            }
        });
    if cancel {
        state.rename = None;
    } else if commit {
        let Some(rename) = state.rename.take() else { return };
        let Some(map) = editor.current_map() else { return };
        let map_id = map.id;
        let text = rename.text.trim().to_owned();
        match rename.target {
            RenameTarget::Card(card) => {
                if let Some(card) = map.card(card).filter(|c| c.title != text) {
                    let changed = crate::model::Card { title: text, ..card.clone() };
                    editor.apply("Rename card", vec![Edit::ReplaceCard { map: map_id, card: changed }]);
                }
            }
            RenameTarget::Stage(id) => {
                if let Some(stage) = map.stage(id).filter(|s| s.name != text) {
                    let changed = crate::model::Stage { name: text, cards: Vec::new(), ..stage.clone() };
                    editor.apply("Rename stage", vec![Edit::ReplaceStage { map: map_id, stage: changed }]);
                }
            }
        }
    }
}

/// The right-click menu: what can be done to what is under the pointer.
pub(super) fn context_menu(
    response: &Response,
    editor: &mut Editor,
    state: &mut CanvasState,
    scene: &Scene,
    transform: TSTransform,
) {
    if response.secondary_clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let at = to_point(camera::map_from_screen(transform, pointer));
        state.menu_lane = hit::lane_header_at(scene, at).flatten();
        match hit_at(editor, scene, transform, pointer) {
            Hit::Card(card) if !editor.selection.cards.contains(&card) => {
                editor.selection = Selection::of_card(card);
            }
            Hit::Stage(id) => editor.selection = Selection::of_stage(id),
            Hit::Link(link) => editor.selection = Selection::of_link(link),
            _ => {}
        }
        state.menu_at = Some(at);
    }
    response.context_menu(|ui| {
        if let Some(owner) = state.menu_lane {
            lane_menu(ui, editor, owner);
            return;
        }
        let has_cards = !editor.selection.cards.is_empty();
        let mut items: Vec<Command> = Vec::new();
        if has_cards {
            items.extend(hierarchy_items(editor));
            items.extend([Command::Rename, Command::Duplicate, Command::Cut, Command::Copy, Command::Delete]);
            if editor.selection.cards.len() == 2 {
                items.push(Command::AddLink);
            }
        } else if editor.selection.stage.is_some() {
            items.extend([Command::Rename, Command::AddCard, Command::Delete]);
        } else if editor.selection.link.is_some() {
            items.push(Command::Delete);
        } else {
            items.extend([Command::AddCard, Command::AddStage, Command::Paste]);
            if editor.current_map().is_some_and(|m| m.kind == crate::model::MapKind::Tactical) {
                items.push(Command::MakePerformanceMap);
            }
            if editor
                .current_map()
                .is_some_and(|m| crate::edit::detail::parent(editor.study(), m.id).is_some())
            {
                items.push(Command::GoUp);
            }
        }
        for command in items {
            if ui.button(command.label()).on_hover_text(command.tooltip()).clicked() {
                state.pending.push(command);
                ui.close();
            }
        }
    });
}

/// The map hierarchy's commands for the selected cards: open the detail map of a card that
/// has one, else detail touchpoints of a typical map.
fn hierarchy_items(editor: &Editor) -> Vec<Command> {
    let Some(map) = editor.current_map() else { return Vec::new() };
    let has_detail = editor.selection.cards.iter().filter_map(|c| map.card(*c)).any(|c| c.detail.is_some());
    if has_detail && editor.selection.cards.len() == 1 {
        vec![Command::OpenDetail]
    } else if map.kind == crate::model::MapKind::Typical {
        vec![Command::DetailTouchpoint]
    } else {
        Vec::new()
    }
}

/// The menu of a lane header: move the lane up or down, the same edit as dragging it.
fn lane_menu(ui: &mut egui::Ui, editor: &mut Editor, owner: crate::model::OwnerId) {
    let Some(map) = editor.current_map() else { return };
    let map_id = map.id;
    let study = editor.study();
    let shown: Vec<crate::model::OwnerId> =
        map.lanes(|id| study.owner(id).is_some()).into_iter().flatten().collect();
    let Some(position) = shown.iter().position(|id| *id == owner) else { return };
    let moves = [
        ("Move lane up", "Moves this lane above the one over it", position.checked_sub(1)),
        (
            "Move lane down",
            "Moves this lane below the one under it",
            Some(position + 1).filter(|p| *p < shown.len()),
        ),
    ];
    for (label, tooltip, to) in moves {
        if ui.add_enabled(to.is_some(), egui::Button::new(label)).on_hover_text(tooltip).clicked()
            && let Some(to) = to
        {
            let edits = crate::edit::lanes::move_lane(editor.study(), map_id, owner, to);
            editor.apply("Move lane", edits);
            ui.close();
        }
    }
}

/// An owner dragged from the owners panel and dropped on a card is assigned to it (and to the
/// other selected cards when the card is part of the selection).
pub(super) fn owner_drop(response: &Response, editor: &mut Editor, scene: &Scene, transform: TSTransform) {
    let Some(owner) = response.dnd_release_payload::<crate::model::OwnerId>() else { return };
    let Some(pointer) = response.hover_pos() else { return };
    let Some(card) = scene.card_at(to_point(camera::map_from_screen(transform, pointer))) else { return };
    let Some(map) = editor.current_map().map(|m| m.id) else { return };
    let cards =
        if editor.selection.cards.contains(&card) { editor.selection.cards.clone() } else { vec![card] };
    let edits = ops::assign_owner(editor.study(), map, &cards, *owner, true);
    editor.apply("Assign owner", edits);
}

/// Over a card's detail mark: a pointing hand and what the mark opens.
pub(super) fn detail_mark_hover(
    ui: &egui::Ui,
    response: &Response,
    editor: &Editor,
    scene: &Scene,
    transform: TSTransform,
) {
    let Some(pointer) = response.hover_pos() else { return };
    let Some(card) = scene.detail_mark_at(to_point(camera::map_from_screen(transform, pointer))) else {
        return;
    };
    let title = editor
        .current_map()
        .and_then(|m| m.card(card))
        .and_then(|c| c.detail)
        .and_then(|d| editor.study().map(d))
        .map_or_else(String::new, |m| m.title.clone());
    ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    response.clone().on_hover_text_at_pointer(format!(
        "Opens “{title}”: Ctrl+click here, double-click the card, or select it and press Enter"
    ));
}
