//! PNG rendering of an export's SVG with resvg, with the bundled font loaded, so a PNG is the
//! same on every machine.

use super::ExportError;
use crate::fonts;
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// The most pixels one PNG may have (about 16,000 × 12,500): beyond that the image would take
/// gigabytes of memory.
pub const MAX_PIXELS: u64 = 200_000_000;

/// The font database every render uses: the bundled faces first (Inter, then the fallbacks for
/// Arabic, Hebrew, Thai, Devanagari and CJK), then the system's fonts. The bundled faces cover
/// the scripts the layout measures, so what they draw is the same on every machine; the system
/// fonts stay behind them as a last resort for characters no bundled face has (emoji, rarer
/// scripts), which would otherwise not print at all, and which the export warns about because
/// their look depends on the machine. Every generic family points at the bundled one, because
/// usvg drops text whose family it cannot find.
pub fn font_database() -> Arc<usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = usvg::fontdb::Database::new();
            database.load_font_data(fonts::REGULAR.to_vec());
            database.load_font_data(fonts::BOLD.to_vec());
            for fallback in &fonts::FALLBACKS {
                database.load_font_data(fallback.regular.to_vec());
                if let Some(bold) = fallback.bold {
                    database.load_font_data(bold.to_vec());
                }
            }
            database.load_system_fonts();
            database.set_sans_serif_family(fonts::FAMILY);
            database.set_serif_family(fonts::FAMILY);
            database.set_monospace_family(fonts::FAMILY);
            database.set_cursive_family(fonts::FAMILY);
            database.set_fantasy_family(fonts::FAMILY);
            Arc::new(database)
        })
        .clone()
}

/// The face that draws a character the run's own face lacks: a bundled face first, the one
/// nearest in weight to the run's face (so bold Arabic is set in Noto Sans Arabic Bold, as the
/// layout measured it), else the first system face that has it. usvg's own choice is the first
/// face in the database whatever its weight.
fn fallback_selector() -> usvg::FallbackSelectionFn<'static> {
    use usvg::fontdb::Source;
    Box::new(|ch, exclude, database| {
        let database: &usvg::fontdb::Database = database;
        let has_char = |id| {
            database
                .with_face_data(id, |data, index| {
                    ttf_parser::Face::parse(data, index).is_ok_and(|face| face.glyph_index(ch).is_some())
                })
                .unwrap_or(false)
        };
        let base_weight = database.face(*exclude.first()?)?.weight.0;
        let candidates = database.faces().filter(|face| !exclude.contains(&face.id));
        let (bundled, system): (Vec<_>, Vec<_>) =
            candidates.partition(|face| matches!(face.source, Source::Binary(_)));
        bundled
            .iter()
            .filter(|face| has_char(face.id))
            .min_by_key(|face| face.weight.0.abs_diff(base_weight))
            .or_else(|| system.iter().find(|face| has_char(face.id)))
            .map(|face| face.id)
    })
}

/// Parses SVG text with the bundled fonts.
///
/// # Errors
/// When the text is not SVG that usvg accepts.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        fontdb: font_database(),
        font_resolver: usvg::FontResolver {
            select_font: usvg::FontResolver::default_font_selector(),
            select_fallback: fallback_selector(),
        },
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Render(error.to_string()))
}

/// Renders SVG text to an opaque PNG of exactly `width` × `height` pixels.
///
/// # Errors
/// When the image would be too large, or the SVG cannot be parsed or encoded.
pub fn render_png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ExportError::TooLarge { width, height });
    }
    let tree = parse_svg(svg)?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or(ExportError::TooLarge { width, height })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let size = tree.size();
    let transform =
        tiny_skia::Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    encode_rgb(&pixmap)
}

/// Encodes an opaque pixmap as an RGB PNG. Compression is set to fast: on a poster-sized image
/// encoding is a large share of the time and the best setting saves little.
fn encode_rgb(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, ExportError> {
    use image::ImageEncoder;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    // The background is opaque white, so premultiplied RGBA equals straight RGBA: drop alpha.
    let rgb: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|px| [px[0], px[1], px[2]]).collect();
    let mut bytes = Vec::new();
    PngEncoder::new_with_quality(&mut bytes, CompressionType::Fast, FilterType::Adaptive)
        .write_image(&rgb, pixmap.width(), pixmap.height(), image::ExtendedColorType::Rgb8)
        .map_err(|error| ExportError::Render(error.to_string()))?;
    Ok(bytes)
}
