//! Exports: posters as SVG and PNG, drawn from the same [`Scene`](crate::layout::Scene) the
//! canvas paints, with the same bundled font.

pub mod paper;
pub mod png;
pub mod svg;

pub use paper::{Orientation, Page, Paper};

use crate::layout::{FontMeasure, LayoutOptions, layout};
use crate::model::{JourneyMap, Study};

/// The smallest body text a poster should print at, in points.
pub const MIN_BODY_PT: f32 = 9.0;

/// The file formats a poster can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PosterFormat {
    /// Scalable vector graphics, text kept as text.
    Svg,
    /// A raster image at a chosen resolution.
    Png,
}

impl PosterFormat {
    /// The format a file name's extension implies.
    #[must_use]
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png),
            _ => None,
        }
    }
}

/// How to export a poster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PosterSettings {
    /// SVG or PNG.
    pub format: PosterFormat,
    /// The paper to fit the map on.
    pub paper: Paper,
    /// Which way round the paper is.
    pub orientation: Orientation,
    /// Resolution of a PNG, in dots per inch.
    pub dpi: u32,
}

impl Default for PosterSettings {
    fn default() -> Self {
        Self { format: PosterFormat::Png, paper: Paper::Fit, orientation: Orientation::Auto, dpi: 150 }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The image would need more memory than is reasonable.
    #[error(
        "the image would be {width} × {height} pixels, too large to render; lower the dpi or choose a smaller paper"
    )]
    TooLarge {
        /// Pixels across.
        width: u32,
        /// Pixels down.
        height: u32,
    },
    /// The renderer or encoder failed.
    #[error("cannot render the poster: {0}")]
    Render(String),
}

/// An exported poster and what the user should know about it.
#[derive(Debug)]
pub struct Poster {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The page the map was placed on.
    pub page: Page,
    /// Advice, such as text printing smaller than 9 pt.
    pub warnings: Vec<String>,
}

/// Exports `map` of `study` as a poster.
///
/// # Errors
/// See [`ExportError`].
pub fn poster(study: &Study, map: &JourneyMap, settings: &PosterSettings) -> Result<Poster, ExportError> {
    let scene = layout(study, map, FontMeasure::shared(), &LayoutOptions::default());
    let page = Page::place(scene.width, scene.height, settings.paper, settings.orientation);
    let mut warnings = Vec::new();
    let body_pt = scene.body_text_size * page.scale;
    if body_pt < MIN_BODY_PT - 0.05 {
        let advice = match Page::smallest_legible(
            scene.width,
            scene.height,
            scene.body_text_size,
            MIN_BODY_PT,
            settings.orientation,
        ) {
            Some(paper) => format!("use --paper {paper} (or fit) to keep it at {MIN_BODY_PT} pt"),
            None => "even A0 is too small: use --paper fit, or split the map".to_owned(),
        };
        warnings.push(format!(
            "on {} the body text prints at {body_pt:.1} pt, below the {MIN_BODY_PT} pt a poster needs to be legible; {advice}",
            settings.paper.name().to_uppercase()
        ));
    }
    let title = if study.meta.title.is_empty() {
        map.title.clone()
    } else {
        format!("{} — {}", map.title, study.meta.title)
    };
    let svg = svg::to_svg(&scene, &page, &title);
    let bytes = match settings.format {
        PosterFormat::Svg => svg.into_bytes(),
        PosterFormat::Png => {
            let (width, height) = page.pixels(settings.dpi);
            png::render_png(&svg, width, height)?
        }
    };
    Ok(Poster { bytes, page, warnings })
}
