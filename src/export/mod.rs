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
    warnings.extend(crate::layout::text::uncovered_warning(&scene));
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

/// Everything a map can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// A poster, SVG or PNG.
    Poster(PosterFormat),
    /// A Mermaid journey.
    Mermaid,
    /// A spreadsheet, one row per card.
    Csv,
}

impl ExportFormat {
    /// Every format, as menus list them.
    pub const ALL: [ExportFormat; 4] =
        [Self::Poster(PosterFormat::Png), Self::Poster(PosterFormat::Svg), Self::Mermaid, Self::Csv];

    /// The format a file name's extension implies.
    #[must_use]
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        if let Some(poster) = PosterFormat::from_path(path) {
            return Some(Self::Poster(poster));
        }
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "mmd" | "mermaid" => Some(Self::Mermaid),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }

    /// The file extension the format is written with.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Poster(PosterFormat::Png) => "png",
            Self::Poster(PosterFormat::Svg) => "svg",
            Self::Mermaid => "mmd",
            Self::Csv => "csv",
        }
    }

    /// The format's name in menus.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Poster(PosterFormat::Png) => "PNG image",
            Self::Poster(PosterFormat::Svg) => "SVG (vector)",
            Self::Mermaid => "Mermaid journey",
            Self::Csv => "Spreadsheet (CSV)",
        }
    }
}

/// An exported file.
#[derive(Debug)]
pub struct Exported {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Advice, such as text printing smaller than 9 pt.
    pub warnings: Vec<String>,
    /// The page, for posters.
    pub page: Option<Page>,
}

/// Exports `map` in `format`; poster settings apply to posters only. The command line and the
/// export dialog both call this.
///
/// # Errors
/// See [`ExportError`].
pub fn export_map(
    study: &Study,
    map: &JourneyMap,
    format: ExportFormat,
    settings: &PosterSettings,
) -> Result<Exported, ExportError> {
    match format {
        ExportFormat::Poster(poster_format) => {
            let poster = poster(study, map, &PosterSettings { format: poster_format, ..*settings })?;
            Ok(Exported { bytes: poster.bytes, warnings: poster.warnings, page: Some(poster.page) })
        }
        ExportFormat::Mermaid => Ok(Exported {
            bytes: crate::interop::mermaid::from_map(study, map).into_bytes(),
            warnings: Vec::new(),
            page: None,
        }),
        ExportFormat::Csv => crate::interop::table::from_map(study, map)
            .map(|text| Exported { bytes: text.into_bytes(), warnings: Vec::new(), page: None })
            .map_err(|e| ExportError::Render(e.to_string())),
    }
}
