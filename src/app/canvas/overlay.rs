//! What the canvas draws over the scene and never exports: selection, hover, the owner
//! highlight, the link handle, and the feedback of a gesture in progress.

use super::interact::link_handle;
use super::{CanvasState, Gesture, hit, to_point, to_pos};
use crate::app::editor::Editor;
use crate::app::paint::colour;
use crate::layout::Scene;
use egui::emath::TSTransform;
use egui::{Color32, Painter, Pos2, Rect, Stroke, StrokeKind};

/// The accent of selections and drop indicators.
pub(crate) const ACCENT: Color32 = Color32::from_rgb(0x1E, 0x88, 0xE5);

fn screen_rect(transform: TSTransform, r: crate::layout::Rect) -> Rect {
    transform.mul_rect(Rect::from_min_max(to_pos(r.min), to_pos(r.max)))
}

pub(super) fn draw(
    painter: &Painter,
    editor: &Editor,
    state: &CanvasState,
    scene: &Scene,
    transform: TSTransform,
) {
    if let Some(owner) = editor.highlight
        && let Some(map) = editor.current_map()
    {
        let colour = editor.study().owner(owner).map_or(ACCENT, |o| colour(o.colour));
        for card in map.cards() {
            let Some(rect) = scene.card_rect(card.id) else { continue };
            let rect = screen_rect(transform, rect);
            if card.owners.contains(&owner) || card.accountable == Some(owner) {
                painter.rect_stroke(rect.expand(3.0), 6.0, Stroke::new(3.0, colour), StrokeKind::Outside);
            } else {
                painter.rect_filled(rect, 4.0, Color32::from_white_alpha(170));
            }
        }
    }
    for card in &editor.selection.cards {
        if let Some(rect) = scene.card_rect(*card) {
            painter.rect_stroke(
                screen_rect(transform, rect).expand(2.0),
                5.0,
                Stroke::new(2.5, ACCENT),
                StrokeKind::Outside,
            );
        }
    }
    if let Some(stage) = editor.selection.stage
        && let Some(chevron) = scene.stage_rect(stage)
    {
        painter.rect_stroke(
            screen_rect(transform, chevron).expand(2.0),
            3.0,
            Stroke::new(2.5, ACCENT),
            StrokeKind::Outside,
        );
    }
    if let Some(link) = editor.selection.link
        && let Some(map) = editor.current_map()
    {
        for line in hit::link_lines(scene, map, link) {
            let points: Vec<Pos2> = line.iter().map(|p| transform * to_pos(*p)).collect();
            painter.add(egui::Shape::line(points.clone(), Stroke::new(6.0, ACCENT.gamma_multiply(0.35))));
            painter.add(egui::Shape::line(points, Stroke::new(2.5, ACCENT)));
        }
    }
    if state.gesture.is_none()
        && let Some((_, handle)) = link_handle(scene, editor)
    {
        let centre = transform * handle;
        painter.circle(centre, 6.0, Color32::WHITE, Stroke::new(2.0, ACCENT));
        painter.circle_filled(centre, 2.5, ACCENT);
    }
    gesture(painter, editor, state, scene, transform);
}

/// Feedback for the gesture in progress: ghosts, the drop indicator, the rubber band, the
/// link being drawn.
fn gesture(painter: &Painter, editor: &Editor, state: &CanvasState, scene: &Scene, transform: TSTransform) {
    match &state.gesture {
        Some(Gesture::Cards { cards, start, current }) => {
            let delta = (*current - *start) * transform.scaling;
            for card in cards {
                if let Some(rect) = scene.card_rect(*card) {
                    let ghost_rect = screen_rect(transform, rect).translate(delta);
                    ghost(painter, ghost_rect, 5.0);
                }
            }
            if let Some(map) = editor.current_map()
                && (*current - *start).length() >= 3.0
                && let Some(target) = hit::drop_target(scene, map, cards, to_point(*current))
            {
                let (a, b) = (transform * to_pos(target.marker.0), transform * to_pos(target.marker.1));
                painter.line_segment([a, b], Stroke::new(3.0, ACCENT));
                painter.circle_filled(a, 4.0, ACCENT);
                painter.circle_filled(b, 4.0, ACCENT);
            }
        }
        Some(Gesture::Stage { stage, current }) => {
            if let Some(chevron) = scene.stage_rect(*stage) {
                let rect = screen_rect(transform, chevron);
                let x = (transform * *current).x;
                ghost(painter, Rect::from_center_size(Pos2::new(x, rect.center().y), rect.size()), 3.0);
            }
        }
        Some(Gesture::Lane { owner, start, current }) => {
            let lane = scene.regions.iter().find(|r| {
                r.layer == crate::layout::Layer::Labels && r.role == crate::layout::Role::Lane(Some(*owner))
            });
            if let Some(label) = lane {
                let dy = (current.y - start.y) * transform.scaling;
                ghost(painter, screen_rect(transform, label.rect).translate(egui::vec2(0.0, dy)), 3.0);
            }
            if (*current - *start).length() >= 3.0
                && let Some(drop) = hit::lane_move(scene, *owner, current.y)
            {
                let (a, b) = (transform * to_pos(drop.marker.0), transform * to_pos(drop.marker.1));
                painter.line_segment([a, b], Stroke::new(3.0, ACCENT));
                painter.circle_filled(a, 4.0, ACCENT);
                painter.circle_filled(b, 4.0, ACCENT);
            }
        }
        Some(Gesture::Rubber { start, current, .. }) => {
            let band = Rect::from_two_pos(transform * *start, transform * *current);
            painter.rect(
                band,
                0.0,
                Color32::from_rgba_unmultiplied(30, 136, 229, 30),
                Stroke::new(1.0, ACCENT),
                StrokeKind::Inside,
            );
        }
        Some(Gesture::Link { from, current }) => {
            if let Some(rect) = scene.card_rect(*from) {
                let start = transform * Pos2::new(rect.max.x, rect.centre().y);
                let end = transform * *current;
                painter.line_segment([start, end], Stroke::new(2.0, ACCENT));
                painter.circle_filled(end, 4.0, ACCENT);
                if let Some(target) = scene.card_at(to_point(*current))
                    && let Some(rect) = scene.card_rect(target)
                    && target != *from
                {
                    painter.rect_stroke(
                        screen_rect(transform, rect).expand(2.0),
                        5.0,
                        Stroke::new(2.5, ACCENT),
                        StrokeKind::Outside,
                    );
                }
            }
        }
        Some(Gesture::Pan) | None => {}
    }
}

/// A translucent copy of something being dragged.
fn ghost(painter: &Painter, rect: Rect, radius: f32) {
    let fill = Color32::from_rgba_unmultiplied(30, 136, 229, 40);
    painter.rect(rect, radius, fill, Stroke::new(1.5, ACCENT), StrokeKind::Inside);
}
