//! Paints a [`Scene`] on a krilla surface: every shape as a vector path, every text run as
//! real text in the bundled faces. Like the SVG painter, it maps shapes to primitives and
//! nothing else, so the PDF shows what the canvas and the posters show.

use crate::export::faces::{FaceKey, needs_shaping, parsed, segments};
use crate::layout::{Anchor, FontMeasure, Point, Rect, Scene, Shape, Stroke, TextMeasure, TextRun, Weight};
use crate::model::Colour;
use krilla::geom::{Path, PathBuilder, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, LineCap, LineJoin, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph, TextDirection};
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
/// page. When only `visible` (in map units) shows, as on a tile of a large map, what lies
/// wholly outside it is left out, so a map cut into twenty tiles is not written twenty times.
/// Appends every line of text drawn to `texts`, in paint order.
pub fn paint_scene(
    surface: &mut Surface<'_>,
    scene: &Scene,
    (scale, offset): (f32, (f32, f32)),
    visible: Option<Rect>,
    fonts: &mut Fonts,
    texts: &mut Vec<String>,
) {
    // Strokes and arrowheads reach a little beyond the points that define them.
    let visible = visible.map(|r| r.expand(MARGIN));
    surface.push_transform(&Transform::from_row(scale, 0.0, 0.0, scale, offset.0, offset.1));
    for item in &scene.items {
        if visible.is_some_and(|v| !bounds(&item.shape).overlaps(&v)) {
            continue;
        }
        paint_shape(surface, &item.shape, fonts, texts);
    }
    surface.pop();
}

/// How far beyond a shape's defining points its stroke may show, in map units.
const MARGIN: f32 = 8.0;

/// The box a shape's defining points cover, in map units (outlines not included).
pub(crate) fn bounds(shape: &Shape) -> Rect {
    let around = |points: &[Point]| {
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for p in points {
            (min_x, min_y, max_x, max_y) = (min_x.min(p.x), min_y.min(p.y), max_x.max(p.x), max_y.max(p.y));
        }
        Rect::from_xywh(min_x, min_y, (max_x - min_x).max(0.0), (max_y - min_y).max(0.0))
    };
    match shape {
        Shape::Rect { rect, .. } => *rect,
        Shape::Polygon { points, .. } | Shape::Line { points, .. } => around(points),
        Shape::Circle { centre, radius, .. } => {
            Rect::from_xywh(centre.x - radius, centre.y - radius, 2.0 * radius, 2.0 * radius)
        }
        Shape::Text(run) => run.bounds(),
    }
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
        let start = krilla::geom::Point::from_xy(x, run.origin.y);
        match parsed(*key).filter(|_| !needs_shaping(piece)) {
            Some(face) => surface.draw_glyphs(start, &glyphs(face, piece), font, piece, run.size, false),
            None => surface.draw_text(start, font, run.size, piece, false, direction),
        }
    }
    surface.set_fill(None);
    texts.push(run.text.clone());
}

/// `text` as one glyph per character with the face's own advances (in ems), each keyed to its
/// character so the text stays selectable and searchable: what the layout measured, exactly.
fn glyphs(face: &ttf_parser::Face<'_>, text: &str) -> Vec<KrillaGlyph> {
    let per_em = f32::from(face.units_per_em().max(1));
    text.char_indices()
        .map(|(at, ch)| {
            let glyph = face.glyph_index(ch).unwrap_or(ttf_parser::GlyphId(0));
            let advance = f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) / per_em;
            KrillaGlyph::new(
                GlyphId::new(u32::from(glyph.0)),
                advance,
                0.0,
                0.0,
                0.0,
                at..at + ch.len_utf8(),
                None,
            )
        })
        .collect()
}
