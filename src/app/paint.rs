//! Paints a layout scene with egui under a `screen_from_map` transform: the same shapes the
//! posters draw, so the canvas matches the print.

use crate::layout::{Anchor, Scene, Shape, Stroke as SceneStroke, Weight, text::ASCENT};
use crate::model::Colour;
use egui::emath::TSTransform;
use egui::{Align2, Color32, FontFamily, FontId, Painter, Pos2, Rect, Stroke, StrokeKind};

/// The egui family names of the bundled font.
pub const REGULAR_FAMILY: &str = "Inter";
/// The bold face.
pub const BOLD_FAMILY: &str = "Inter Bold";

/// Below this size on screen, in points, text is drawn as a grey bar: it could not be read,
/// and shaping it is most of the cost of a frame.
const MIN_READABLE_TEXT: f32 = 4.0;

pub(crate) fn colour(c: Colour) -> Color32 {
    Color32::from_rgb(c.r, c.g, c.b)
}

fn pos(screen_from_map: TSTransform, point: crate::layout::Point) -> Pos2 {
    screen_from_map * Pos2::new(point.x, point.y)
}

fn rect(screen_from_map: TSTransform, r: crate::layout::Rect) -> Rect {
    screen_from_map.mul_rect(Rect::from_min_max(Pos2::new(r.min.x, r.min.y), Pos2::new(r.max.x, r.max.y)))
}

fn stroke(screen_from_map: TSTransform, s: SceneStroke) -> Stroke {
    Stroke::new(s.width * screen_from_map.scaling, colour(s.colour))
}

/// The font for a text run at a zoom.
pub(crate) fn font(size: f32, weight: Weight) -> FontId {
    let family = match weight {
        Weight::Regular => REGULAR_FAMILY,
        Weight::Bold => BOLD_FAMILY,
    };
    FontId::new(size, FontFamily::Name(family.into()))
}

/// Below this zoom a card's title would be smaller than [`MIN_READABLE_TEXT`]: cards are
/// drawn as blocks (their box, owner bar and chip as plain rectangles), which keeps a frame of
/// thousands of cards cheap.
const BLOCK_ZOOM: f32 = MIN_READABLE_TEXT / crate::layout::style::size::CARD_TITLE;

/// How a painter treats the shapes of cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cards {
    /// As printed, or as blocks when their text would be too small to read (a preview).
    AsPrinted,
    /// Left out: the canvas's overview draws them from their labels.
    LeftOut,
}

/// Paints every item of `scene` whose bounds meet `visible` (in screen coordinates), as
/// printed.
pub(crate) fn paint_scene(painter: &Painter, scene: &Scene, screen_from_map: TSTransform, visible: Rect) {
    paint_scene_with(painter, scene, screen_from_map, visible, Cards::AsPrinted, MIN_READABLE_TEXT);
}

/// Paints every item of `scene` whose bounds meet `visible`, cards as `cards` says, text
/// smaller than `greek_below` points on screen as grey bars.
pub(crate) fn paint_scene_with(
    painter: &Painter,
    scene: &Scene,
    screen_from_map: TSTransform,
    visible: Rect,
    cards: Cards,
    greek_below: f32,
) {
    let zoom = screen_from_map.scaling;
    let blocks = zoom < BLOCK_ZOOM;
    for item in &scene.items {
        let card = matches!(item.role, crate::layout::Role::Card(_));
        if card && cards == Cards::LeftOut {
            continue;
        }
        if blocks && card {
            if let Shape::Rect { rect: r, fill: Some(fill), .. } = &item.shape {
                let r = rect(screen_from_map, *r);
                if visible.intersects(r) {
                    let fill = if *fill == crate::layout::style::PAPER {
                        Color32::from_gray(250)
                    } else {
                        colour(*fill)
                    };
                    painter.rect_filled(r, 0.0, fill);
                }
            }
            continue;
        }
        match &item.shape {
            Shape::Rect { rect: r, radius, fill, stroke: s } => {
                let r = rect(screen_from_map, *r);
                if !visible.intersects(r) {
                    continue;
                }
                let fill = fill.map_or(Color32::TRANSPARENT, colour);
                let s = s.map_or(Stroke::NONE, |s| stroke(screen_from_map, s));
                painter.rect(r, radius * zoom, fill, s, StrokeKind::Inside);
            }
            Shape::Polygon { points, fill, stroke: s } => {
                let points: Vec<Pos2> = points.iter().map(|p| pos(screen_from_map, *p)).collect();
                if !visible.intersects(Rect::from_points(&points)) {
                    continue;
                }
                let fill = fill.map_or(Color32::TRANSPARENT, colour);
                let s = s.map_or(Stroke::NONE, |s| stroke(screen_from_map, s));
                painter.add(egui::Shape::convex_polygon(points, fill, s));
            }
            Shape::Line { points, stroke: s } => {
                let points: Vec<Pos2> = points.iter().map(|p| pos(screen_from_map, *p)).collect();
                if !visible.intersects(Rect::from_points(&points).expand(s.width * zoom)) {
                    continue;
                }
                let line_stroke = stroke(screen_from_map, *s);
                match s.dash {
                    Some([dash, gap]) => {
                        painter.extend(egui::Shape::dashed_line(
                            &points,
                            line_stroke,
                            dash * zoom,
                            gap * zoom,
                        ));
                    }
                    None => {
                        painter.line(points, line_stroke);
                    }
                }
            }
            Shape::Circle { centre, radius, fill, stroke: s } => {
                let centre = pos(screen_from_map, *centre);
                let radius = radius * zoom;
                if !visible.expand(radius).contains(centre) {
                    continue;
                }
                if let Some(fill) = fill {
                    painter.circle_filled(centre, radius, colour(*fill));
                }
                if let Some(s) = s {
                    painter.circle_stroke(centre, radius, stroke(screen_from_map, *s));
                }
            }
            Shape::Text(run) => {
                let bounds = rect(screen_from_map, run.bounds());
                if !visible.intersects(bounds) {
                    continue;
                }
                let size = run.size * zoom;
                if size < greek_below {
                    let bar = Rect::from_min_size(
                        Pos2::new(bounds.min.x, bounds.center().y - size * 0.3),
                        egui::vec2(bounds.width(), size * 0.6),
                    );
                    painter.rect_filled(bar, 0.0, colour(run.colour).gamma_multiply(0.35));
                    continue;
                }
                let origin = pos(screen_from_map, run.origin);
                let top = origin.y - ASCENT * size;
                let (x, align) = match run.anchor {
                    Anchor::Start => (origin.x, Align2::LEFT_TOP),
                    Anchor::Middle => (origin.x, Align2::CENTER_TOP),
                    Anchor::End => (origin.x, Align2::RIGHT_TOP),
                };
                painter.text(Pos2::new(x, top), align, &run.text, font(size, run.weight), colour(run.colour));
            }
        }
    }
}
