//! `wayline export`: a map as an SVG or PNG poster.

use super::ExitStatus;
use crate::export::{ExportFormat, Orientation, Paper, PosterFormat, PosterSettings, export_map};
use crate::interop::load_any;
use crate::io::write_atomically;
use std::io::Write;
use std::path::Path;

/// The export command's arguments, checked by clap.
pub(super) struct ExportArgs<'a> {
    pub file: &'a Path,
    pub out: &'a Path,
    pub map: Option<&'a str>,
    pub format: Option<ExportFormat>,
    pub paper: Paper,
    pub orientation: Orientation,
    pub dpi: u32,
}

pub(super) fn run(args: &ExportArgs<'_>, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    let Some(format) = args.format.or_else(|| ExportFormat::from_path(args.out)) else {
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
    let settings = PosterSettings {
        format: PosterFormat::Png,
        paper: args.paper,
        orientation: args.orientation,
        dpi: args.dpi,
    };
    let exported = match export_map(&study, map, format, &settings) {
        Ok(exported) => exported,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            return ExitStatus::Failure;
        }
    };
    for warning in &exported.warnings {
        let _ = writeln!(err, "warning: {warning}");
    }
    if let Err(error) = write_atomically(args.out, &exported.bytes, false) {
        let _ = writeln!(err, "error: cannot write {}: {error}", args.out.display());
        return ExitStatus::Failure;
    }
    let Some(page) = exported.page else {
        let _ = writeln!(out, "Wrote {} ({:?}, {} cards)", args.out.display(), map.title, map.card_count());
        return ExitStatus::Success;
    };
    let size = match format {
        ExportFormat::Poster(PosterFormat::Svg) | ExportFormat::Mermaid | ExportFormat::Csv => {
            format!("{:.0} × {:.0} mm", page.width_pt / 72.0 * 25.4, page.height_pt / 72.0 * 25.4)
        }
        ExportFormat::Poster(PosterFormat::Png) => {
            let (w, h) = page.pixels(args.dpi);
            format!("{w} × {h} px at {} dpi", args.dpi)
        }
    };
    let _ = writeln!(out, "Wrote {} ({:?}, paper {}, {size})", args.out.display(), map.title, args.paper);
    ExitStatus::Success
}
