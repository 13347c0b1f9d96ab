//! The canvas: the shown map's scene under one pan/zoom transform, with selection, dragging,
//! linking and renaming. Painting reads the scene; interaction turns pointer gestures into
//! edits on the document (see [`interact`]). Overlays are drawn here and never exported.

pub mod camera;
pub mod detail_level;
pub mod heat;
pub mod hit;
mod interact;
mod overlay;

use super::editor::Editor;
use super::paint;
use crate::layout::{Point, Scene};
use crate::model::{CardId, MapId, OwnerId, StageId};
use egui::emath::TSTransform;
use egui::{Color32, Pos2, Rect, Sense, Vec2};
use std::collections::HashMap;
use std::sync::Arc;

/// A gesture in progress. Escape cancels it; nothing changes the study until it ends.
#[derive(Clone, Debug)]
pub(crate) enum Gesture {
    /// Cards being dragged, grabbed at `start` (map units), now at `current`.
    Cards { cards: Vec<CardId>, start: Pos2, current: Pos2 },
    /// A stage being dragged along the spine.
    Stage { stage: StageId, current: Pos2 },
    /// A lane being dragged up or down by its header, grabbed at `start` (map units).
    Lane { owner: OwnerId, start: Pos2, current: Pos2 },
    /// A rubber band from `start` to `current` (map units).
    Rubber { start: Pos2, current: Pos2, extend: bool },
    /// A link being drawn from a card's handle.
    Link { from: CardId, current: Pos2 },
    /// The view being panned.
    Pan,
}

/// What is being renamed in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RenameTarget {
    /// A card's title.
    Card(CardId),
    /// A stage's name, on its chevron.
    Stage(StageId),
}

/// A card or stage being renamed in place.
#[derive(Clone, Debug)]
pub(crate) struct Rename {
    pub target: RenameTarget,
    pub text: String,
    pub focus_requested: bool,
}

/// A map being renamed in place, on its tab.
#[derive(Clone, Debug)]
pub(crate) struct MapRename {
    pub map: MapId,
    pub text: String,
    pub focus_requested: bool,
}

/// What fitting a map to the window frames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// The stages, touchpoints and lanes: what a consultant reads, as large as the window allows.
    Journey,
    /// The whole poster page.
    Page,
}

/// The room kept around the journey when it is fitted, in map units: the chevrons' and cards'
/// edges stay clear of the window's.
const JOURNEY_MARGIN: f32 = 16.0;

/// The canvas's own state: views per map and the gesture in progress (never saved).
#[derive(Default)]
pub struct CanvasState {
    cameras: HashMap<MapId, TSTransform>,
    fit_requested: Option<Framing>,
    /// The journey's rectangle of the scene last drawn, found once per scene rather than per
    /// frame (the `Arc` keeps the scene it was found in, so a new scene is never mistaken for it).
    journey: Option<(Arc<Scene>, Rect)>,
    /// The maps whose view is as fitted to the window, with what was fitted and that fit.
    fitted: HashMap<MapId, (Framing, TSTransform)>,
    reveal_stage: Option<StageId>,
    /// What the last frame drew of the cards and stage names beyond the printed scene.
    overview: Option<detail_level::Overview>,
    /// The map whose tab was last scrolled into view.
    pub(crate) tab_in_view: Option<MapId>,
    /// A map tab being renamed in place.
    pub(crate) map_rename: Option<MapRename>,
    selection_zoom_requested: bool,
    zoom_100_requested: bool,
    pub(crate) gesture: Option<Gesture>,
    pub(crate) rename: Option<Rename>,
    /// The last viewport, for zoom commands from menus.
    viewport: Option<Rect>,
    /// Commands chosen in the canvas's context menu, for the app to run.
    pub(crate) pending: Vec<crate::app::commands::Command>,
    /// Where the context menu was opened, in map units ("add card here").
    pub(crate) menu_at: Option<Point>,
    /// The heat-map overlay shown over the cards.
    pub heat: heat::HeatOverlay,
    /// The settings the overlay's analysis is made with (the Analysis view's), so both read
    /// one cached analysis.
    pub analysis_settings: crate::analysis::Settings,
    /// The lane whose header the context menu was opened on.
    pub(crate) menu_lane: Option<OwnerId>,
}

impl CanvasState {
    /// Fits the journey (stages, touchpoints and lanes) to the window on the next frame.
    pub fn request_fit(&mut self) {
        self.fit_requested = Some(Framing::Journey);
    }

    /// The part of `scene` that fitting to the window frames, margin included (map units),
    /// found once per scene.
    fn journey_of(&mut self, scene: &Arc<Scene>) -> Rect {
        match &self.journey {
            Some((seen, rect)) if Arc::ptr_eq(seen, scene) => *rect,
            _ => {
                let journey = scene.journey_rect();
                let rect =
                    Rect::from_min_max(to_pos(journey.min), to_pos(journey.max)).expand(JOURNEY_MARGIN);
                self.journey = Some((scene.clone(), rect));
                rect
            }
        }
    }

    /// Fits the whole poster page, title block and legend included, on the next frame.
    pub fn request_fit_page(&mut self) {
        self.fit_requested = Some(Framing::Page);
    }

    /// Zooms to the selection on the next frame.
    pub fn request_zoom_to_selection(&mut self) {
        self.selection_zoom_requested = true;
    }

    /// Scrolls a stage into view on the next frame, if it is not in view already.
    pub fn request_reveal_stage(&mut self, stage: StageId) {
        self.reveal_stage = Some(stage);
    }

    /// Starts renaming a map in place, on its tab.
    pub fn start_map_rename(&mut self, map: MapId, title: &str) {
        self.map_rename = Some(MapRename { map, text: title.to_owned(), focus_requested: false });
    }

    /// Shows the map at 100 % on the next frame.
    pub fn request_zoom_100(&mut self) {
        self.zoom_100_requested = true;
    }

    /// Zooms by `factor` about the centre of the canvas.
    pub fn zoom_by(&mut self, map: MapId, factor: f32) {
        if let (Some(viewport), Some(camera)) = (self.viewport, self.cameras.get_mut(&map)) {
            *camera = camera::zoom_about(*camera, viewport.center(), factor);
        }
    }

    /// What the last frame drew of cards and stage names at its level of detail (titles set
    /// again at a readable size, or blocks).
    #[must_use]
    pub fn overview(&self) -> Option<&detail_level::Overview> {
        self.overview.as_ref()
    }

    /// Where the canvas was on screen in the last frame.
    #[must_use]
    pub fn viewport(&self) -> Option<Rect> {
        self.viewport
    }

    /// The current zoom of a map's view, 1.0 = 100 %.
    #[must_use]
    pub fn zoom(&self, map: MapId) -> Option<f32> {
        self.cameras.get(&map).map(|c| c.scaling)
    }

    /// Starts renaming a card in place.
    pub fn start_rename(&mut self, card: CardId, title: &str) {
        self.rename =
            Some(Rename { target: RenameTarget::Card(card), text: title.to_owned(), focus_requested: false });
    }

    /// Starts renaming a stage in place, on its chevron.
    pub fn start_stage_rename(&mut self, stage: StageId, name: &str) {
        self.rename = Some(Rename {
            target: RenameTarget::Stage(stage),
            text: name.to_owned(),
            focus_requested: false,
        });
    }

    /// Where a card is on screen, with the map's current view (for tests that drag cards).
    #[must_use]
    pub fn card_on_screen(&self, scene: &crate::layout::Scene, map: MapId, card: CardId) -> Option<Rect> {
        let camera = self.cameras.get(&map)?;
        let rect = scene.card_rect(card)?;
        Some(camera.mul_rect(Rect::from_min_max(to_pos(rect.min), to_pos(rect.max))))
    }

    /// Where a map point is on screen, with the map's current view.
    #[must_use]
    pub fn map_to_screen(&self, map: MapId, point: Point) -> Option<Pos2> {
        Some(*self.cameras.get(&map)? * to_pos(point))
    }

    /// Where a stage's chevron is on screen, with the map's current view.
    #[must_use]
    pub fn stage_on_screen(&self, scene: &crate::layout::Scene, map: MapId, stage: StageId) -> Option<Rect> {
        let camera = self.cameras.get(&map)?;
        let chevron = scene.stage_rect(stage)?;
        Some(camera.mul_rect(Rect::from_min_max(to_pos(chevron.min), to_pos(chevron.max))))
    }

    /// Takes the commands chosen in the context menu.
    pub fn take_pending(&mut self) -> Vec<crate::app::commands::Command> {
        std::mem::take(&mut self.pending)
    }

    /// Whether a gesture or in-place rename is in progress.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.gesture.is_some() || self.rename.is_some() || self.map_rename.is_some()
    }
}

pub(crate) fn to_point(p: Pos2) -> Point {
    Point::new(p.x, p.y)
}

pub(crate) fn to_pos(p: Point) -> Pos2 {
    Pos2::new(p.x, p.y)
}

/// The grey around the page, light or dark with the interface.
fn surround(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_gray(38) } else { Color32::from_gray(226) }
}

/// Shows the canvas for the editor's current map, filling the available space.
pub fn show(ui: &mut egui::Ui, editor: &mut Editor, state: &mut CanvasState) {
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    let viewport = response.rect;
    state.viewport = Some(viewport);
    painter.rect_filled(viewport, 0.0, surround(ui));
    let (Some(scene), Some(map_id)) = (editor.scene(), editor.current_map().map(|m| m.id)) else {
        state.overview = None;
        painter.text(
            viewport.center(),
            egui::Align2::CENTER_CENTER,
            "This study has no maps yet: add one with Map › Add map",
            egui::FontId::proportional(16.0),
            ui.visuals().weak_text_color(),
        );
        return;
    };
    let page = Rect::from_min_size(Pos2::ZERO, Vec2::new(scene.width, scene.height));
    let journey = state.journey_of(&scene);
    let fit_to = |framing: Framing| {
        let content = match framing {
            Framing::Page => page,
            Framing::Journey => journey,
        };
        camera::fit(content, viewport, 1.0)
    };
    // A map seen for the first time opens fitted; a view still as fitted follows the window when
    // it (or the panels beside it) changes size.
    let first_view = !state.cameras.contains_key(&map_id);
    let mut transform = *state.cameras.entry(map_id).or_insert_with(|| fit_to(Framing::Journey));
    let framing = state.fit_requested.take().or(first_view.then_some(Framing::Journey)).or_else(|| {
        state.fitted.get(&map_id).filter(|(_, fitted)| *fitted == transform).map(|(framing, _)| *framing)
    });
    let fit = framing.map(|framing| (framing, fit_to(framing)));
    if let Some((_, fitted)) = fit {
        transform = fitted;
    }
    if std::mem::take(&mut state.zoom_100_requested) {
        transform = camera::zoom_about(transform, viewport.center(), 1.0 / transform.scaling);
    }
    if std::mem::take(&mut state.selection_zoom_requested) {
        let selected = editor.selection.cards.iter().filter_map(|id| scene.card_rect(*id));
        let bounds =
            selected.fold(None, |acc: Option<crate::layout::Rect>, r| Some(acc.map_or(r, |a| a.union(&r))));
        if let Some(bounds) = bounds {
            let rect = Rect::from_min_max(to_pos(bounds.min), to_pos(bounds.max)).expand(40.0);
            transform = camera::fit(rect, viewport, 2.0);
        }
    }
    if let Some(stage) = state.reveal_stage.take()
        && let Some(chevron) = scene.stage_rect(stage)
    {
        let chevron = Rect::from_min_max(to_pos(chevron.min), to_pos(chevron.max));
        transform = camera::reveal(transform, chevron, viewport.shrink(24.0));
    }
    transform = interact::navigate(ui, &response, transform);
    state.cameras.insert(map_id, transform);
    match fit {
        Some((framing, fitted)) if fitted == transform => {
            state.fitted.insert(map_id, (framing, fitted));
        }
        _ => {
            state.fitted.remove(&map_id);
        }
    }

    let page_on_screen = transform.mul_rect(page);
    painter.rect_filled(page_on_screen.translate(Vec2::splat(3.0)), 2.0, Color32::from_black_alpha(40));
    painter.rect_filled(page_on_screen, 0.0, Color32::WHITE);
    let painter = painter.with_clip_rect(viewport);
    let legibility = detail_level::Legibility::CANVAS;
    let overview =
        ui.ctx().fonts_mut(|fonts| detail_level::plan(&scene, transform, viewport, &legibility, fonts));
    let cards = if overview.level == detail_level::Level::Full {
        paint::Cards::AsPrinted
    } else {
        paint::Cards::LeftOut
    };
    paint::paint_scene_with(&painter, &scene, transform, viewport, cards, legibility.greek_below);
    detail_level::paint(&painter, &overview, transform.scaling);
    if state.gesture.is_none()
        && let Some(pointer) = response.hover_pos()
        && let Some(card) = scene.card_at(to_point(camera::map_from_screen(transform, pointer)))
        && let Some(text) = overview.hidden_text(&scene, card)
    {
        // What the overview leaves out of a card, on hover.
        response.clone().on_hover_text_at_pointer(text);
    }
    state.overview = Some(overview);
    if state.heat != heat::HeatOverlay::None
        && let Some(analysis) = editor.analysis(&state.analysis_settings)
        && let Some(map) = editor.current_map()
    {
        heat::draw(&painter, state.heat, map, &analysis, &scene, transform, viewport);
    }

    interact::pointer(ui, &response, editor, state, &scene, transform);
    interact::owner_drop(&response, editor, &scene, transform);
    overlay::draw(&painter, editor, state, &scene, transform);
    interact::rename(ui, editor, state, &scene, transform);
    interact::context_menu(&response, editor, state, &scene, transform);
    interact::detail_mark_hover(ui, &response, editor, &scene, transform);
}
