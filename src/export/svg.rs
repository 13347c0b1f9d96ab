//! The scene as a standalone SVG document. Text stays text (searchable and selectable), in the
//! bundled family, then the bundled fallback families for other scripts, then a generic
//! fallback; every piece of user text is escaped.

use super::faces::segments;
use super::paper::Page;
use crate::fonts;
use crate::layout::{Anchor, Scene, Shape, Stroke, Weight};
use crate::model::Colour;
use std::fmt::Write;

/// The SVG document for `scene` placed on `page`; `title` becomes the document's title.
#[must_use]
pub fn to_svg(scene: &Scene, page: &Page, title: &str) -> String {
    write_document(scene, page, Some(title), |_| true)
}

/// The SVG of the page's rows from `top` to `bottom` (in points on the page), for a PNG drawn
/// in strips: only the shapes that reach into those rows, in their paint order and at their
/// place on the whole page; no embedded fonts (the renderer loads the bundled font itself) and
/// no white background (the strip is cleared to white first, which paints the same pixels).
/// Drawn over the same rows, it gives the same pixels as the whole page's SVG.
#[must_use]
pub fn strip_svg(scene: &Scene, page: &Page, top: f32, bottom: f32) -> String {
    // Map units, with room for antialiasing and for glyphs reaching past their measured box.
    let slack = 2.0 / page.scale.max(f32::MIN_POSITIVE) + 0.5 * crate::layout::style::size::MAP_TITLE;
    let from = (top - page.offset_y) / page.scale - slack;
    let to = (bottom - page.offset_y) / page.scale + slack;
    write_document(scene, page, None, |shape| {
        let (upper, lower) = vertical_extent(shape);
        lower >= from && upper <= to
    })
}

/// The top and bottom of a shape in map units, its outline included.
fn vertical_extent(shape: &Shape) -> (f32, f32) {
    let half = |stroke: Option<Stroke>| stroke.map_or(0.0, |s| s.width / 2.0);
    let points = |points: &[crate::layout::Point], grow: f32| {
        let upper = points.iter().map(|p| p.y).fold(f32::INFINITY, f32::min);
        let lower = points.iter().map(|p| p.y).fold(f32::NEG_INFINITY, f32::max);
        (upper - grow, lower + grow)
    };
    match shape {
        Shape::Rect { rect, stroke, .. } => (rect.min.y - half(*stroke), rect.max.y + half(*stroke)),
        Shape::Polygon { points: corners, stroke, .. } => points(corners, half(*stroke)),
        Shape::Line { points: along, stroke } => points(along, stroke.width / 2.0),
        Shape::Circle { centre, radius, stroke, .. } => {
            (centre.y - radius - half(*stroke), centre.y + radius + half(*stroke))
        }
        Shape::Text(run) => {
            let bounds = run.bounds();
            (bounds.min.y, bounds.max.y)
        }
    }
}

fn write_document(scene: &Scene, page: &Page, title: Option<&str>, keep: impl Fn(&Shape) -> bool) -> String {
    let mut out = String::with_capacity(64 * scene.items.len() + 1024);
    let (w, h) = (page.width_pt, page.height_pt);
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}pt" height="{}pt" viewBox="0 0 {} {}" font-family="{}">"#,
        num(w),
        num(h),
        num(w),
        num(h),
        fonts::family_list()
    );
    if let Some(title) = title {
        let _ = writeln!(out, "<title>{}</title>", escape(title));
        out.push_str(embedded_fonts());
        let _ = writeln!(out, r##"<rect width="{}" height="{}" fill="#FFFFFF"/>"##, num(w), num(h));
    }
    let _ = writeln!(
        out,
        r#"<g transform="translate({} {}) scale({})">"#,
        exact(page.offset_x),
        exact(page.offset_y),
        exact(page.scale)
    );
    for item in scene.items.iter().filter(|item| keep(&item.shape)) {
        write_shape(&mut out, &item.shape);
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// The bundled font, embedded as `@font-face` rules so browsers draw the poster with the same
/// font resvg uses (resvg itself ignores the rules and loads the font directly). The fallback
/// faces for other scripts are not embedded: at 4.4 MB they would multiply the size of every
/// SVG, most of which never use them. The document names their families instead, so a browser
/// that has them (or a similar face) falls back per character as resvg does.
fn embedded_fonts() -> &'static str {
    static STYLE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    STYLE.get_or_init(|| {
        use base64::Engine as _;
        let face = |data: &[u8], weight: u16| {
            let encoded = base64::engine::general_purpose::STANDARD.encode(data);
            format!(
                "@font-face{{font-family:\"{}\";font-weight:{weight};src:url(data:font/otf;base64,{encoded}) format(\"opentype\");}}\n",
                fonts::FAMILY
            )
        };
        format!("<defs><style>\n{}{}</style></defs>\n", face(fonts::REGULAR, 400), face(fonts::BOLD, 700))
    })
}

fn write_shape(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Rect { rect, radius, fill, stroke } => {
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}""#,
                num(rect.min.x),
                num(rect.min.y),
                num(rect.width().max(0.0)),
                num(rect.height().max(0.0))
            );
            if *radius > 0.0 {
                let _ = write!(out, r#" rx="{}""#, num(*radius));
            }
            paint(out, *fill, *stroke);
            out.push_str("/>\n");
        }
        Shape::Polygon { points, fill, stroke } => {
            out.push_str(r#"<polygon points=""#);
            write_points(out, points);
            out.push('"');
            paint(out, *fill, *stroke);
            out.push_str("/>\n");
        }
        Shape::Line { points, stroke } => {
            out.push_str(r#"<polyline points=""#);
            write_points(out, points);
            out.push_str(r#"" stroke-linejoin="round" stroke-linecap="round""#);
            paint(out, None, Some(*stroke));
            out.push_str("/>\n");
        }
        Shape::Circle { centre, radius, fill, stroke } => {
            let _ =
                write!(out, r#"<circle cx="{}" cy="{}" r="{}""#, num(centre.x), num(centre.y), num(*radius));
            paint(out, *fill, *stroke);
            out.push_str("/>\n");
        }
        Shape::Text(run) => {
            if let Some(pieces) = split_by_face(run) {
                let weight = if run.weight == Weight::Bold { r#" font-weight="bold""# } else { "" };
                let _ = writeln!(
                    out,
                    r#"<text y="{}" font-size="{}"{weight} fill="{}" xml:space="preserve">{pieces}</text>"#,
                    num(run.origin.y),
                    num(run.size),
                    run.colour,
                );
                return;
            }
            let anchor = match run.anchor {
                Anchor::Start => "",
                Anchor::Middle => r#" text-anchor="middle""#,
                Anchor::End => r#" text-anchor="end""#,
            };
            let weight = match run.weight {
                Weight::Regular => "",
                Weight::Bold => r#" font-weight="bold""#,
            };
            let _ = writeln!(
                out,
                r#"<text x="{}" y="{}" font-size="{}"{weight}{anchor} fill="{}" xml:space="preserve">{}</text>"#,
                num(run.origin.x),
                num(run.origin.y),
                num(run.size),
                run.colour,
                isolated(&run.text, run.right_to_left)
            );
        }
    }
}

/// The run's text escaped, and a right-to-left run wrapped in a right-to-left isolate (RLI …
/// PDI). SVG's own `direction` attribute would also flip what `text-anchor` means in browsers
/// and is ignored by resvg; the isolate gives the run its own base direction in both, so a
/// Hebrew title with an English name in it keeps its order, and the anchor keeps its meaning.
fn isolated(text: &str, right_to_left: bool) -> String {
    if right_to_left { format!("\u{2067}{}\u{2069}", escape(text)) } else { escape(text) }
}

/// A left-to-right run mixing a script whose letters reorder or stack (Devanagari, Thai…) with
/// text in other faces, as one `tspan` per face at the place the layout measured for it: each `tspan` with
/// its own `x` starts a text chunk, which a renderer shapes on its own in the face it names.
/// Shaped as one chunk, resvg tries each face on the whole line and, when their glyph counts
/// differ (as Devanagari's conjuncts make them), leaves the script unshaped. `None` for runs
/// that need no such split, and for right-to-left paragraphs, whose pieces the bidi algorithm
/// reorders across faces.
fn split_by_face(run: &crate::layout::TextRun) -> Option<String> {
    // Only scripts whose letters reorder or stack need it; Arabic, Hebrew and CJK shape right
    // in one chunk, where the renderer's own spacing is truer than the measured one.
    if run.text.is_ascii() || run.right_to_left || !run.text.chars().any(super::faces::reorders) {
        return None;
    }
    let pieces = segments(&run.text, run.weight);
    // A right-to-left piece between left-to-right ones reads the same set on its own; two side
    // by side (Hebrew then Arabic) would swap places under the bidi algorithm.
    let right_to_left = crate::layout::text::has_right_to_left;
    if pieces.len() < 2
        || pieces.windows(2).any(|pair| right_to_left(&pair[0].1) && right_to_left(&pair[1].1))
    {
        return None;
    }
    let measure = crate::layout::FontMeasure::shared();
    let mut x = run.bounds().min.x;
    let mut out = String::new();
    for (face, piece) in pieces {
        let family = if face.chain_index == 0 {
            String::new()
        } else {
            format!(r#" font-family="'{}'""#, face.family())
        };
        let _ = write!(out, r#"<tspan x="{}"{family}>{}</tspan>"#, num(x), escape(&piece));
        x += crate::layout::TextMeasure::width(measure, &piece, run.size, run.weight);
    }
    Some(out)
}

fn write_points(out: &mut String, points: &[crate::layout::Point]) {
    for (index, point) in points.iter().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{},{}", num(point.x), num(point.y));
    }
}

fn paint(out: &mut String, fill: Option<Colour>, stroke: Option<Stroke>) {
    match fill {
        Some(colour) => {
            let _ = write!(out, r#" fill="{colour}""#);
        }
        None => out.push_str(r#" fill="none""#),
    }
    if let Some(stroke) = stroke {
        let _ = write!(out, r#" stroke="{}" stroke-width="{}""#, stroke.colour, num(stroke.width));
        if let Some([dash, gap]) = stroke.dash {
            let _ = write!(out, r#" stroke-dasharray="{} {}""#, num(dash), num(gap));
        }
    }
}

/// A number with at most two decimals and no trailing zeros: short, exact enough for print.
fn num(value: f32) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".to_owned() } else { text.to_owned() }
}

/// A number written in full (the shortest text that reads back as the same `f32`): the page
/// transform multiplies every coordinate, so rounding it would move the map on the paper.
fn exact(value: f32) -> String {
    if value.is_finite() && value != 0.0 { format!("{value}") } else { "0".to_owned() }
}

/// Escapes text for XML content and attribute values.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot hold at all; the layout removes most, this is the backstop.
            '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            ch => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, anchor: Anchor) -> crate::layout::TextRun {
        let measure = crate::layout::FontMeasure::shared();
        crate::layout::TextRun {
            origin: crate::layout::Point { x: 100.0, y: 50.0 },
            text: text.to_owned(),
            size: 12.0,
            weight: Weight::Bold,
            colour: Colour::default(),
            anchor,
            width: crate::layout::TextMeasure::width(measure, text, 12.0, Weight::Bold),
            right_to_left: false,
        }
    }

    #[test]
    fn devanagari_beside_latin_is_its_own_chunk_in_its_own_face_where_it_was_measured() {
        let mixed = run("Purchase संपर्क now", Anchor::Middle);
        let pieces = split_by_face(&mixed).expect("split");
        assert_eq!(pieces.matches("<tspan x=").count(), 3, "{pieces}");
        assert!(pieces.contains("font-family=\"'Noto Sans Devanagari'\">संपर्क "), "{pieces}");
        // Centred runs start at their measured left edge.
        let left = mixed.bounds().min.x;
        assert!(pieces.starts_with(&format!("<tspan x=\"{}\">Purchase ", num(left))), "{pieces}");
        let mut out = String::new();
        write_shape(&mut out, &Shape::Text(mixed));
        assert!(!out.contains("text-anchor"), "{out}");
        // Latin, Arabic, Hebrew and CJK runs stay one chunk.
        for text in ["Purchase", "Straße 12", "شراء الخدمة", "Buy 購入 now", "רכישה"] {
            assert!(split_by_face(&run(text, Anchor::Start)).is_none(), "{text}");
        }
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
    }

    #[test]
    fn the_page_transform_is_exact() {
        assert_eq!(exact(0.025_1), "0.0251");
        assert_eq!(exact(0.123_456_79), "0.12345679");
        assert_eq!(exact(-0.0), "0");
        assert_eq!(exact(f32::INFINITY), "0");
        assert_eq!(exact(1e-7), "0.0000001");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape(r#"<a href="x">&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
        assert_eq!(escape("a\u{0}b"), "ab");
    }
}
