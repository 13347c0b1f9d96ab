//! Paints a [`Scene`] on a krilla surface: every shape as a vector path, every text run as
//! real text in the bundled faces. Like the SVG painter, it maps shapes to primitives and
//! nothing else, so the PDF shows what the canvas and the posters show.

use super::faces::{FaceKey, segments};
use crate::layout::{Anchor, FontMeasure, Point, Scene, Shape, Stroke, TextMeasure, TextRun, Weight};
use crate::model::Colour;
use krilla::geom::{Path, PathBuilder, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, LineCap, LineJoin, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use std::collections::HashMap;

/// The fonts of one document, loaded as pages first need them (the CJK face is large, and most
/// booklets never use it); krilla embeds only the glyphs drawn.
#[derive(Default)]
pub struct Fonts {
    loaded: HashMap<FaceKey, Option<Font>>,
}

impl Fonts {
    fn get(&mut self, key: FaceKey) -> Option<Font> {
        self.loaded.entry(key).or_insert_with(|| Font::new(key.data().into(), 0)).clone()
    }
}

/// Draws `scene` on `surface`, each map unit `scale` points, its origin at `offset` on the
/// page. Appends every line of text drawn to `texts`, in paint order.
pub fn paint_scene(
    surface: &mut Surface<'_>,
    scene: &Scene,
    scale: f32,
    offset: (f32, f32),
    fonts: &mut Fonts,
    texts: &mut Vec<String>,
) {
    surface.push_transform(&Transform::from_row(scale, 0.0, 0.0, scale, offset.0, offset.1));
    for item in &scene.items {
        paint_shape(surface, &item.shape, fonts, texts);
    }
    surface.pop();
}

fn paint_shape(surface: &mut Surface<'_>, shape: &Shape, fonts: &mut Fonts, texts: &mut Vec<String>) {
    match shape {
        Shape::Rect { rect, radius, fill, stroke } => {
            let (w, h) = (rect.width().max(0.0), rect.height().max(0.0));
            if let Some(path) = rounded_rect(rect.min.x, rect.min.y, w, h, *radius) {
                draw(surface, &path, *fill, *stroke);
            }
        }
        Shape::Polygon { points, fill, stroke } => {
            if let Some(path) = polyline(points, true) {
                draw(surface, &path, *fill, *stroke);
            }
        }
        Shape::Line { points, stroke } => {
            if let Some(path) = polyline(points, false) {
                draw(surface, &path, None, Some(*stroke));
            }
        }
        Shape::Circle { centre, radius, fill, stroke } => {
            if let Some(path) = circle(*centre, *radius) {
                draw(surface, &path, *fill, *stroke);
            }
        }
        Shape::Text(run) => paint_text(surface, run, fonts, texts),
    }
}

fn colour(colour: Colour) -> krilla::color::Color {
    krilla::color::rgb::Color::new(colour.r, colour.g, colour.b).into()
}

fn draw(surface: &mut Surface<'_>, path: &Path, fill: Option<Colour>, stroke: Option<Stroke>) {
    if fill.is_none() && stroke.is_none() {
        return;
    }
    surface.set_fill(fill.map(|c| Fill {
        paint: colour(c).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::NonZero,
    }));
    surface.set_stroke(stroke.filter(|s| s.width > 0.0).map(|s| krilla::paint::Stroke {
        paint: colour(s.colour).into(),
        width: s.width,
        miter_limit: 4.0,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        opacity: NormalizedF32::ONE,
        dash: s.dash.map(|[dash, gap]| StrokeDash { array: vec![dash, gap], offset: 0.0 }),
    }));
    surface.draw_path(path);
    surface.set_fill(None);
    surface.set_stroke(None);
}

fn polyline(points: &[Point], closed: bool) -> Option<Path> {
    let (first, rest) = points.split_first()?;
    let mut builder = PathBuilder::new();
    builder.move_to(first.x, first.y);
    for point in rest {
        builder.line_to(point.x, point.y);
    }
    if closed {
        builder.close();
    }
    builder.finish()
}

/// The magic number for a quarter circle drawn as one cubic Bézier curve.
const KAPPA: f32 = 0.552_284_8;

#[allow(clippy::many_single_char_names, reason = "the corners of a rectangle in the usual letters")]
fn rounded_rect(x: f32, y: f32, w: f32, h: f32, radius: f32) -> Option<Path> {
    let r = radius.clamp(0.0, w.min(h) / 2.0);
    let mut b = PathBuilder::new();
    if r <= 0.0 {
        b.push_rect(krilla::geom::Rect::from_xywh(x, y, w.max(0.01), h.max(0.01))?);
        return b.finish();
    }
    let k = r * KAPPA;
    let (right, bottom) = (x + w, y + h);
    b.move_to(x + r, y);
    b.line_to(right - r, y);
    b.cubic_to(right - r + k, y, right, y + r - k, right, y + r);
    b.line_to(right, bottom - r);
    b.cubic_to(right, bottom - r + k, right - r + k, bottom, right - r, bottom);
    b.line_to(x + r, bottom);
    b.cubic_to(x + r - k, bottom, x, bottom - r + k, x, bottom - r);
    b.line_to(x, y + r);
    b.cubic_to(x, y + r - k, x + r - k, y, x + r, y);
    b.close();
    b.finish()
}

fn circle(centre: Point, radius: f32) -> Option<Path> {
    let r = radius.max(0.0);
    rounded_rect(centre.x - r, centre.y - r, 2.0 * r, 2.0 * r, r)
}

/// One line of text, each piece in the face the layout measured it with. The run's measured
/// width places it by its anchor, as in the SVG; pieces follow each other from the left, or
/// from the right for a right-to-left paragraph.
fn paint_text(surface: &mut Surface<'_>, run: &TextRun, fonts: &mut Fonts, texts: &mut Vec<String>) {
    if run.text.trim().is_empty() || run.size <= 0.0 {
        return;
    }
    let measure = FontMeasure::shared();
    let left = match run.anchor {
        Anchor::Start => run.origin.x,
        Anchor::Middle => run.origin.x - run.width / 2.0,
        Anchor::End => run.origin.x - run.width,
    };
    surface.set_fill(Some(Fill {
        paint: colour(run.colour).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::NonZero,
    }));
    surface.set_stroke(None);
    let pieces = segments(&run.text, run.weight);
    let mut x_from_left = left;
    let mut x_from_right = left + run.width;
    for (key, piece) in &pieces {
        let weight = if key.bold { Weight::Bold } else { Weight::Regular };
        let width = measure.width(piece, run.size, weight);
        let x = if run.right_to_left {
            x_from_right -= width;
            x_from_right
        } else {
            let x = x_from_left;
            x_from_left += width;
            x
        };
        let Some(font) = fonts.get(*key) else { continue };
        let direction = if crate::layout::text::is_right_to_left(piece) {
            TextDirection::RightToLeft
        } else {
            TextDirection::LeftToRight
        };
        surface.draw_text(
            krilla::geom::Point::from_xy(x, run.origin.y),
            font,
            run.size,
            piece,
            false,
            direction,
        );
    }
    surface.set_fill(None);
    texts.push(run.text.clone());
}
