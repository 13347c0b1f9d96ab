//! Exports: posters as SVG and PNG, drawn from the same [`Scene`](crate::layout::Scene) the
//! canvas paints, with the same bundled font.

pub mod booklet;
pub mod faces;
pub mod fit;
pub mod paper;
pub mod pdf;
pub mod png;
pub mod svg;

pub use fit::{Arrangement, Fit};
pub use paper::{Orientation, Page, Paper};

use crate::model::{JourneyMap, Severity, Study};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The smallest text a poster should print at, in points: every piece of text on the sheet,
/// not only the body.
pub const MIN_TEXT_PT: f32 = 9.0;

/// Text smaller than this, in points, is refused unless the user insists: nobody can read it.
pub const REFUSED_TEXT_PT: f32 = 6.0;

/// The highest PNG resolution, in dots per inch.
pub const MAX_DPI: u32 = 1200;

/// The file formats a poster can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PosterFormat {
    /// Scalable vector graphics, text kept as text.
    Svg,
    /// A raster image at a chosen resolution.
    Png,
    /// A PDF, every sheet of the map a page of one file, text kept as text.
    Pdf,
}

impl PosterFormat {
    /// The format a file name's extension implies.
    #[must_use]
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png),
            "pdf" => Some(Self::Pdf),
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
    /// What to do when the map's text would print below 9 pt on the paper.
    pub fit: Fit,
    /// Print even when the text would be below 6 pt (otherwise refused).
    pub allow_small: bool,
    /// The analysis printed under the map: matrix, top gaps, handoffs (none by default).
    pub panel: crate::layout::panel::Panel,
}

impl Default for PosterSettings {
    fn default() -> Self {
        Self {
            format: PosterFormat::Png,
            paper: Paper::Fit,
            orientation: Orientation::Auto,
            dpi: 150,
            fit: Fit::Auto,
            allow_small: false,
            panel: crate::layout::panel::Panel::default(),
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The image would need more memory than is reasonable.
    #[error(
        "the image would be {width} × {height} pixels at {dpi} dpi, more than the {limit} million pixels a PNG may have; {advice}",
        limit = png::MAX_PIXELS / 1_000_000
    )]
    TooLarge {
        /// Pixels across.
        width: u32,
        /// Pixels down.
        height: u32,
        /// The resolution asked for.
        dpi: u32,
        /// What would work: a lower resolution, a paper, or SVG.
        advice: String,
    },
    /// The resolution is outside what a PNG export accepts.
    #[error("a resolution of {0} dpi is not possible: choose 1 to {MAX_DPI} dpi")]
    Resolution(u32),
    /// The text would print too small to read, and the user did not insist.
    #[error("{message}")]
    TextTooSmall {
        /// What would print how small, and what to do instead.
        message: String,
    },
    /// The renderer or encoder failed.
    #[error("cannot render the poster: {0}")]
    Render(String),
}

/// One sheet of an exported poster.
#[derive(Debug)]
pub struct PosterSheet {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The page the sheet's part of the map was placed on.
    pub page: Page,
}

/// An exported poster: one sheet, or one per page when the map is tiled.
#[derive(Debug)]
pub struct Poster {
    /// The sheets, in order (one unless the map is split across pages).
    pub sheets: Vec<PosterSheet>,
    /// How the map was put on the paper.
    pub arrangement: Arrangement,
    /// The smallest text on any sheet, in points on paper.
    pub smallest_pt: f32,
    /// Advice, such as text printing smaller than 9 pt.
    pub warnings: Vec<String>,
}

/// Exports `map` of `study` as a poster: on fixed paper, wrapped into rows or split across
/// pages as `settings.fit` says when the whole map's text would print below 9 pt.
///
/// # Errors
/// See [`ExportError`].
pub fn poster(study: &Study, map: &JourneyMap, settings: &PosterSettings) -> Result<Poster, ExportError> {
    if settings.format == PosterFormat::Png && !(1..=MAX_DPI).contains(&settings.dpi) {
        return Err(ExportError::Resolution(settings.dpi));
    }
    let plan = fit::plan_with(
        study,
        map,
        settings.paper,
        settings.orientation,
        settings.fit,
        settings.allow_small,
        crate::layout::LayoutOptions { panel: settings.panel, ..crate::layout::LayoutOptions::default() },
    )?;
    if settings.format == PosterFormat::Png {
        for sheet in &plan.sheets {
            check_pixels(&sheet.page, settings)?;
        }
    }
    let mut warnings = plan.warnings.clone();
    warnings.extend(crate::layout::text::uncovered_warning(plan.sheets.iter().map(|sheet| &sheet.scene)));
    let title = if study.meta.title.is_empty() {
        map.title.clone()
    } else {
        format!("{} — {}", map.title, study.meta.title)
    };
    if settings.format == PosterFormat::Pdf {
        let sheet = pdf_poster(study, &plan, &title)?;
        return Ok(Poster {
            sheets: vec![sheet],
            arrangement: plan.arrangement,
            smallest_pt: plan.smallest_pt,
            warnings,
        });
    }
    let count = plan.sheets.len();
    let sheets = plan
        .sheets
        .iter()
        .enumerate()
        .map(|(index, sheet)| {
            let title =
                if count > 1 { format!("{title} (part {} of {count})", index + 1) } else { title.clone() };
            let bytes = match settings.format {
                PosterFormat::Svg | PosterFormat::Pdf => {
                    svg::to_svg(&sheet.scene, &sheet.page, &title).into_bytes()
                }
                PosterFormat::Png => {
                    let (width, height) = sheet.page.pixels(settings.dpi);
                    png::render_scene(&sheet.scene, &sheet.page, width, height)?
                }
            };
            Ok(PosterSheet { bytes, page: sheet.page })
        })
        .collect::<Result<Vec<_>, ExportError>>()?;
    Ok(Poster { sheets, arrangement: plan.arrangement, smallest_pt: plan.smallest_pt, warnings })
}

/// The poster's sheets as the pages of one PDF, each placed as the SVG places it.
fn pdf_poster(study: &Study, plan: &fit::Plan, title: &str) -> Result<PosterSheet, ExportError> {
    let pages: Vec<pdf::PdfPage> = plan
        .sheets
        .iter()
        .map(|sheet| pdf::PdfPage {
            width_pt: sheet.page.width_pt,
            height_pt: sheet.page.height_pt,
            layers: vec![pdf::Placed {
                scene: std::sync::Arc::new(sheet.scene.clone()),
                scale: sheet.page.scale,
                offset: (sheet.page.offset_x, sheet.page.offset_y),
                clip: None,
            }],
            links: Vec::new(),
        })
        .collect();
    let bookmarks: Vec<pdf::Bookmark> = (0..pages.len())
        .map(|index| pdf::Bookmark {
            title: if pages.len() > 1 {
                format!("Part {} of {}", index + 1, pages.len())
            } else {
                title.to_owned()
            },
            page: index,
            y: 0.0,
            children: Vec::new(),
        })
        .collect();
    let info = pdf::DocumentInfo {
        title: title.to_owned(),
        author: study.meta.author.clone(),
        subject: "Customer journey map".to_owned(),
        language: "en".to_owned(),
        date: study.meta.last_reviewed.or(study.meta.created),
    };
    let written = pdf::write_pdf(&pages, &bookmarks, &info).map_err(ExportError::Render)?;
    let page = plan
        .sheets
        .first()
        .map(|sheet| sheet.page)
        .ok_or_else(|| ExportError::Render("the map has no sheets".to_owned()))?;
    Ok(PosterSheet { bytes: written.bytes, page })
}

/// Refuses a page whose image would exceed [`png::MAX_PIXELS`], naming a resolution (and, for
/// a page sized to the map, a paper) that works.
fn check_pixels(page: &Page, settings: &PosterSettings) -> Result<(), ExportError> {
    let (width, height) = page.pixels(settings.dpi);
    if png::fits_in_memory(width, height) {
        return Ok(());
    }
    let square_inches = f64::from(page.width_pt) / 72.0 * f64::from(page.height_pt) / 72.0;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 0..=MAX_DPI")]
    let highest = (f64::from(u32::try_from(png::MAX_PIXELS).unwrap_or(u32::MAX)) / square_inches.max(1e-9))
        .sqrt()
        .floor()
        .clamp(0.0, f64::from(MAX_DPI)) as u32;
    let mut advice =
        if highest >= 1 { format!("use --dpi {highest} or lower") } else { "export SVG instead".to_owned() };
    if settings.paper == Paper::Fit {
        // The largest fixed paper that renders at this resolution, the map scaled to it.
        let paper = Paper::ISO_UP.into_iter().rev().find(|paper| {
            let fixed = Page::place(page.width_pt, page.height_pt, *paper, settings.orientation);
            let (w, h) = fixed.pixels(settings.dpi);
            png::fits_in_memory(w, h)
        });
        if let Some(paper) = paper {
            let _ = write!(advice, ", or a fixed paper such as --paper {paper}");
        }
    }
    advice.push_str(", or export SVG, which has no pixel limit");
    Err(ExportError::TooLarge { width, height, dpi: settings.dpi, advice })
}

/// The file a part of a poster split across pages is written to: `NAME-2.png` for part 2 of
/// `NAME.png`.
#[must_use]
pub fn part_path(path: &Path, number: usize) -> PathBuf {
    let stem = path.file_stem().map_or_else(|| "poster".into(), |s| s.to_string_lossy().into_owned());
    let name = match path.extension() {
        Some(extension) => format!("{stem}-{number}.{}", extension.to_string_lossy()),
        None => format!("{stem}-{number}"),
    };
    path.with_file_name(name)
}

/// The warning an export of a study with errors carries, if it has any.
fn invalid_study_warning(study: &Study, what: &str) -> Option<String> {
    let errors = crate::model::validate(study).iter().filter(|p| p.severity == Severity::Error).count();
    (errors > 0).then(|| {
        format!(
            "the study has {} that `wayline check` reports; the {what} may be incomplete",
            crate::words::count(errors, "problem")
        )
    })
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
    pub const ALL: [ExportFormat; 5] = [
        Self::Poster(PosterFormat::Png),
        Self::Poster(PosterFormat::Svg),
        Self::Poster(PosterFormat::Pdf),
        Self::Mermaid,
        Self::Csv,
    ];

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
            Self::Poster(PosterFormat::Pdf) => "pdf",
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
            Self::Poster(PosterFormat::Pdf) => "PDF poster",
            Self::Mermaid => "Mermaid journey",
            Self::Csv => "Spreadsheet (CSV)",
        }
    }
}

/// One file of an export.
#[derive(Debug)]
pub struct ExportedFile {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The page, for posters.
    pub page: Option<Page>,
}

/// An exported map: one file, or one per page for a poster split across pages (written as
/// `NAME-1.png`, `NAME-2.png`…, see [`part_path`]).
#[derive(Debug)]
pub struct Exported {
    /// The files, in order.
    pub files: Vec<ExportedFile>,
    /// How a poster was put on its paper.
    pub arrangement: Option<Arrangement>,
    /// Advice, such as text printing smaller than 9 pt or a study with errors.
    pub warnings: Vec<String>,
}

impl Exported {
    /// Where each file goes when the export is saved as `path`: `path` itself for one file,
    /// `NAME-1.ext`, `NAME-2.ext`… for several.
    #[must_use]
    pub fn paths(&self, path: &Path) -> Vec<PathBuf> {
        if self.files.len() == 1 {
            vec![path.to_path_buf()]
        } else {
            (1..=self.files.len()).map(|number| part_path(path, number)).collect()
        }
    }
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
    let single = |bytes: Vec<u8>| Exported {
        files: vec![ExportedFile { bytes, page: None }],
        arrangement: None,
        warnings: Vec::new(),
    };
    let (mut exported, what) = match format {
        ExportFormat::Poster(poster_format) => {
            let poster = poster(study, map, &PosterSettings { format: poster_format, ..*settings })?;
            let files = poster
                .sheets
                .into_iter()
                .map(|sheet| ExportedFile { bytes: sheet.bytes, page: Some(sheet.page) })
                .collect();
            (Exported { files, arrangement: Some(poster.arrangement), warnings: poster.warnings }, "poster")
        }
        ExportFormat::Mermaid => {
            (single(crate::interop::mermaid::from_map(study, map).into_bytes()), "export")
        }
        ExportFormat::Csv => (
            crate::interop::table::from_map(study, map)
                .map(|text| single(text.into_bytes()))
                .map_err(|e| ExportError::Render(e.to_string()))?,
            "export",
        ),
    };
    if let Some(warning) = invalid_study_warning(study, what) {
        exported.warnings.insert(0, warning);
    }
    Ok(exported)
}
