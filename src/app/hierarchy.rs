//! Walking the map hierarchy: detail a touchpoint with a tactical map, make the performance map
//! of a tactical map, open a card's detail map and go back up. Each map keeps its own view
//! (the canvas keeps a camera per map), so going down and back up returns to the map as it was
//! left.

use super::WaylineApp;
use super::editor::Selection;
use crate::edit::detail;
use crate::model::{MapId, MapKind};

impl WaylineApp {
    /// Opens the map that details the selection, or makes a tactical map of the selected
    /// touchpoints (one undo step) and opens it.
    pub(crate) fn detail_touchpoint(&mut self) {
        let Some(map) = self.editor.current_map() else { return };
        let (map_id, kind) = (map.id, map.kind);
        let cards = self.editor.selection.cards.clone();
        if let Some(existing) = detail::existing_detail(self.editor.study(), map_id, &cards) {
            self.open_map(existing, "Opened its detail map");
            return;
        }
        if kind != MapKind::Typical {
            "Touchpoints are detailed from a typical map; on a tactical map, make a performance map"
                .clone_into(&mut self.status);
            return;
        }
        match detail::detail_touchpoints(self.editor.study(), map_id, &cards) {
            Ok((edits, id)) => {
                let label = if cards.len() == 1 { "Detail touchpoint" } else { "Detail touchpoints" };
                if self.editor.apply(label, edits) {
                    self.open_map(id, "Made a tactical map of it, with a lane per owner (Undo removes it)");
                }
            }
            Err(refusal) => refusal.message().clone_into(&mut self.status),
        }
    }

    /// Opens the performance-and-improvement map of the shown tactical map, making it first
    /// (one undo step) when there is none.
    pub(crate) fn make_performance_map(&mut self) {
        let Some(map) = self.editor.current_map() else { return };
        let (map_id, kind) = (map.id, map.kind);
        if kind != MapKind::Tactical {
            "A performance map is made from a tactical map: open one first".clone_into(&mut self.status);
            return;
        }
        if let Some(existing) = detail::existing_performance(self.editor.study(), map_id) {
            self.open_map(existing, "Opened its performance map");
            return;
        }
        if let Some((edits, id)) = detail::make_performance_map(self.editor.study(), map_id)
            && self.editor.apply("Make performance map", edits)
        {
            self.open_map(
                id,
                "Made the performance map of these steps, with their owners and scores (Undo removes it)",
            );
        }
    }

    /// Opens the detail map of the selected card.
    pub(crate) fn open_detail(&mut self) {
        let Some(map) = self.editor.current_map() else { return };
        let [card] = self.editor.selection.cards.as_slice() else { return };
        if let Some(detail) =
            map.card(*card).and_then(|c| c.detail).filter(|d| self.editor.study().map(*d).is_some())
        {
            self.open_map(detail, "");
        } else {
            let noun = map.kind.card_noun();
            self.status = format!("This {noun} has no detail map: Map › Detail this touchpoint makes one");
        }
    }

    /// Goes up to the map the shown map details, selecting the cards it zooms into there.
    pub(crate) fn go_up(&mut self) {
        let Some(map) = self.editor.current_map() else { return };
        let map_id = map.id;
        let focused = map.focus.as_ref().map(|f| f.cards.clone()).unwrap_or_default();
        let Some(parent) = detail::parent(self.editor.study(), map_id) else {
            "This map details no other map: it is the top of its hierarchy".clone_into(&mut self.status);
            return;
        };
        self.editor.show_map(parent);
        if let Some(parent) = self.editor.current_map() {
            let cards = focused.into_iter().filter(|c| parent.card(*c).is_some()).collect();
            self.editor.selection = Selection::of_cards(cards);
        }
    }

    /// The Map menu's part for the hierarchy.
    pub(crate) fn hierarchy_menu(&mut self, ui: &mut egui::Ui) {
        for command in [
            super::commands::Command::DetailTouchpoint,
            super::commands::Command::MakePerformanceMap,
            super::commands::Command::OpenDetail,
            super::commands::Command::GoUp,
        ] {
            self.command_button(ui, command);
        }
    }

    /// Shows `map` (its view as it was last left) and says `note`.
    pub(crate) fn open_map(&mut self, map: MapId, note: &str) {
        self.editor.show_map(map);
        note.clone_into(&mut self.status);
    }
}
