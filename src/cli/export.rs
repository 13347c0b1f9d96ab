//! `wayline export`: a map as an SVG or PNG poster.

use super::ExitStatus;
use crate::export::{Orientation, Paper, PosterFormat, PosterSettings, poster};
use crate::interop::{load_any, mermaid, table};
use crate::io::write_atomically;
use std::io::Write;
use std::path::Path;

/// What `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum OutputFormat {
    /// A poster.
    Poster(PosterFormat),
    /// A Mermaid journey.
    Mermaid,
    /// A spreadsheet.
    Csv,
}

impl OutputFormat {
    /// The format a file name's extension implies.
    pub(super) fn from_path(path: &Path) -> Option<Self> {
        if let Some(poster) = PosterFormat::from_path(path) {
            return Some(Self::Poster(poster));
        }
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "mmd" | "mermaid" => Some(Self::Mermaid),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }
}

/// The export command's arguments, checked by clap.
pub(super) struct ExportArgs<'a> {
    pub file: &'a Path,
    pub out: &'a Path,
    pub map: Option<&'a str>,
    pub format: Option<OutputFormat>,
    pub paper: Paper,
    pub orientation: Orientation,
    pub dpi: u32,
}

pub(super) fn run(args: &ExportArgs<'_>, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    let Some(format) = args.format.or_else(|| OutputFormat::from_path(args.out)) else {
        let _ = writeln!(
            err,
            "error: cannot tell the format from {}: name the file .svg, .png, .mmd or .csv, or pass --format",
            args.out.display()
        );
        return ExitStatus::Usage;
    };
    let study = match load_any(args.file) {
        Ok(imported) => {
            for warning in &imported.warnings {
                let _ =
                    writeln!(err, "warning: {}:{}: {}", args.file.display(), warning.line, warning.message);
            }
            imported.study
        }
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            return ExitStatus::Failure;
        }
    };
    if study.maps.is_empty() {
        let _ = writeln!(err, "error: {} has no maps to export", args.file.display());
        return ExitStatus::Failure;
    }
    let selector = args.map.unwrap_or("1");
    let Some(map) = study.find_map(selector) else {
        let titles: Vec<String> =
            study.maps.iter().enumerate().map(|(i, m)| format!("{} {:?}", i + 1, m.title)).collect();
        let _ = writeln!(
            err,
            "error: no map {selector:?} in {}; its maps are: {}",
            args.file.display(),
            titles.join(", ")
        );
        return ExitStatus::Usage;
    };
    let poster_format = match format {
        OutputFormat::Poster(poster) => poster,
        OutputFormat::Mermaid | OutputFormat::Csv => {
            let text = if format == OutputFormat::Mermaid {
                Ok(mermaid::from_map(&study, map))
            } else {
                table::from_map(&study, map).map_err(|e| e.to_string())
            };
            let written =
                text.and_then(|t| write_atomically(args.out, t.as_bytes(), false).map_err(|e| e.to_string()));
            return match written {
                Ok(_) => {
                    let _ = writeln!(
                        out,
                        "Wrote {} ({:?}, {} cards)",
                        args.out.display(),
                        map.title,
                        map.card_count()
                    );
                    ExitStatus::Success
                }
                Err(error) => {
                    let _ = writeln!(err, "error: cannot write {}: {error}", args.out.display());
                    ExitStatus::Failure
                }
            };
        }
    };
    let settings = PosterSettings {
        format: poster_format,
        paper: args.paper,
        orientation: args.orientation,
        dpi: args.dpi,
    };
    let poster = match poster(&study, map, &settings) {
        Ok(poster) => poster,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            return ExitStatus::Failure;
        }
    };
    for warning in &poster.warnings {
        let _ = writeln!(err, "warning: {warning}");
    }
    if let Err(error) = write_atomically(args.out, &poster.bytes, false) {
        let _ = writeln!(err, "error: cannot write {}: {error}", args.out.display());
        return ExitStatus::Failure;
    }
    let page = &poster.page;
    let size = match poster_format {
        PosterFormat::Svg => {
            format!("{:.0} × {:.0} mm", page.width_pt / 72.0 * 25.4, page.height_pt / 72.0 * 25.4)
        }
        PosterFormat::Png => {
            let (w, h) = page.pixels(args.dpi);
            format!("{w} × {h} px at {} dpi", args.dpi)
        }
    };
    let _ = writeln!(out, "Wrote {} ({:?}, paper {}, {size})", args.out.display(), map.title, args.paper);
    ExitStatus::Success
}
