//! PNG rendering of an export's SVG with resvg, with the bundled font loaded, so a PNG is the
//! same on every machine.

use super::ExportError;
use crate::fonts;
use resvg::{tiny_skia, usvg};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// The most pixels one PNG may have (about 16,000 × 12,500): beyond that the image would take
/// gigabytes of memory.
pub const MAX_PIXELS: u64 = 200_000_000;

/// The font database every render uses: the bundled family first, then the system's fonts for
/// scripts it lacks. Every generic family points at the bundled one, because usvg drops text
/// whose family it cannot find.
pub fn font_database() -> Arc<usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = usvg::fontdb::Database::new();
            database.load_system_fonts();
            database.load_font_data(fonts::REGULAR.to_vec());
            database.load_font_data(fonts::BOLD.to_vec());
            database.set_sans_serif_family(fonts::FAMILY);
            database.set_serif_family(fonts::FAMILY);
            database.set_monospace_family(fonts::FAMILY);
            database.set_cursive_family(fonts::FAMILY);
            database.set_fantasy_family(fonts::FAMILY);
            Arc::new(database)
        })
        .clone()
}

/// Parses SVG text with the bundled fonts.
///
/// # Errors
/// When the text is not SVG that usvg accepts.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Render(error.to_string()))
}

/// Whether an image of `width` × `height` pixels is within [`MAX_PIXELS`].
#[must_use]
pub fn fits_in_memory(width: u32, height: u32) -> bool {
    u64::from(width) * u64::from(height) <= MAX_PIXELS
}

/// Renders SVG text to an opaque PNG of exactly `width` × `height` pixels, in horizontal
/// strips drawn in parallel on every core.
///
/// # Errors
/// When the image would be too large, or the SVG cannot be parsed or encoded.
pub fn render_png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    let too_large = || ExportError::TooLarge {
        width,
        height,
        dpi: 0,
        advice: "lower the resolution or choose a smaller paper".to_owned(),
    };
    if !fits_in_memory(width, height) || width == 0 || height == 0 {
        return Err(too_large());
    }
    let tree = parse_svg(svg)?;
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let rgb = render_rgb(&tree, width, height, workers).ok_or_else(too_large)?;
    encode_rgb(&rgb, width, height)
}

/// Rows per strip: small enough that the strips share out evenly between the workers (the
/// content is not spread evenly down a poster), large enough that each strip's fixed cost
/// (walking the whole tree) stays small.
const STRIP_ROWS: u32 = 256;

/// Renders `tree` to opaque RGB pixels, `width` × `height`, in strips of [`STRIP_ROWS`] rows
/// taken from a shared queue by `workers` threads. `None` when a strip cannot be allocated.
#[must_use]
pub fn render_rgb(tree: &usvg::Tree, width: u32, height: u32, workers: usize) -> Option<Vec<u8>> {
    let row_bytes = width as usize * 3;
    let mut rgb = vec![0_u8; row_bytes.checked_mul(height as usize)?];
    let strip_bytes = row_bytes * STRIP_ROWS as usize;
    let queue: Mutex<Vec<(u32, &mut [u8])>> = Mutex::new(
        rgb.chunks_mut(strip_bytes)
            .zip((0..height).step_by(STRIP_ROWS as usize))
            .map(|(chunk, top)| (top, chunk))
            .rev()
            .collect(),
    );
    let failed = AtomicBool::new(false);
    let size = tree.size();
    let scale = tiny_skia::Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    std::thread::scope(|scope| {
        for _ in 0..workers.clamp(1, 64) {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().ok().and_then(|mut strips| strips.pop());
                    let Some((top, out)) = next else { break };
                    let rows = u32::try_from(out.len() / row_bytes).unwrap_or(0);
                    if render_strip(tree, scale, width, top, rows, out).is_none() {
                        failed.store(true, Ordering::Relaxed);
                        break;
                    }
                }
            });
        }
    });
    (!failed.load(Ordering::Relaxed)).then_some(rgb)
}

/// Draws rows `top..top + rows` of the image into `out` (RGB, `width` pixels a row): the
/// whole tree under `scale`, shifted up by `top` whole pixels, so each pixel sees the same
/// geometry as in a one-piece render.
fn render_strip(
    tree: &usvg::Tree,
    scale: tiny_skia::Transform,
    width: u32,
    top: u32,
    rows: u32,
    out: &mut [u8],
) -> Option<()> {
    let mut pixmap = tiny_skia::Pixmap::new(width, rows)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    #[allow(clippy::cast_precision_loss, reason = "pixel rows, far below 2^24")]
    let transform = scale.post_translate(0.0, -(top as f32));
    resvg::render(tree, transform, &mut pixmap.as_mut());
    // The background is opaque white, so premultiplied RGBA equals straight RGBA: drop alpha.
    for (pixel, rgb) in pixmap.data().chunks_exact(4).zip(out.chunks_exact_mut(3)) {
        rgb.copy_from_slice(&pixel[..3]);
    }
    Some(())
}

/// Encodes opaque RGB pixels as a PNG. Compression is set to fast: on a poster-sized image
/// encoding is a large share of the time and the best setting saves little.
fn encode_rgb(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    use image::ImageEncoder;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let mut bytes = Vec::new();
    PngEncoder::new_with_quality(&mut bytes, CompressionType::Fast, FilterType::Adaptive)
        .write_image(rgb, width, height, image::ExtendedColorType::Rgb8)
        .map_err(|error| ExportError::Render(error.to_string()))?;
    Ok(bytes)
}
