//! `wayline export`: a map as an SVG or PNG poster, a Mermaid journey or a spreadsheet.

use super::guard::{Writes, may_write};
use super::{ExitStatus, report_error, report_warning, say};
use crate::export::{
    Arrangement, ExportFormat, Fit, Orientation, Paper, PosterFormat, PosterSettings, export_map,
};
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
    /// What to do when the text would print below 9 pt on the paper.
    pub fit: Fit,
    /// The analysis printed under the map.
    pub panel: crate::layout::panel::Panel,
    /// Replace OUT even when it is a study, and print text below 6 pt.
    pub force: bool,
}

pub(super) fn run(args: &ExportArgs<'_>, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    let Some(format) = args.format.or_else(|| ExportFormat::from_path(args.out)) else {
        report_error(
            err,
            format!(
                "cannot tell the format from {}: name the file .svg, .png, .mmd or .csv, or pass --format",
                args.out.display()
            ),
        );
        return ExitStatus::Usage;
    };
    // Refuse early, before any work, when OUT cannot be written at all; a poster split across
    // pages checks each of its files again once their names are known.
    if let Err(message) = may_write(args.out, Some(args.file), Writes::Export, args.force) {
        report_error(err, message);
        return ExitStatus::Failure;
    }
    let study = match load_any(args.file) {
        Ok(imported) => {
            for warning in &imported.warnings {
                report_warning(err, format!("{}:{}: {}", args.file.display(), warning.line, warning.message));
            }
            imported.study
        }
        Err(error) => {
            report_error(err, error);
            return ExitStatus::Failure;
        }
    };
    if study.maps.is_empty() {
        report_error(err, format!("{} has no maps to export", args.file.display()));
        return ExitStatus::Failure;
    }
    let selector = args.map.unwrap_or("1");
    let Some(map) = study.find_map(selector) else {
        let titles: Vec<String> =
            study.maps.iter().enumerate().map(|(i, m)| format!("{} {:?}", i + 1, m.title)).collect();
        report_error(
            err,
            format!("no map {selector:?} in {}; its maps are: {}", args.file.display(), titles.join(", ")),
        );
        return ExitStatus::Usage;
    };
    let settings = PosterSettings {
        format: PosterFormat::Png,
        paper: args.paper,
        orientation: args.orientation,
        dpi: args.dpi,
        fit: args.fit,
        allow_small: args.force,
        panel: args.panel,
    };
    let exported = match export_map(&study, map, format, &settings) {
        Ok(exported) => exported,
        Err(error) => {
            report_error(err, error);
            return ExitStatus::Failure;
        }
    };
    for warning in &exported.warnings {
        report_warning(err, warning);
    }
    let paths = exported.paths(args.out);
    // A poster split across pages writes other files than OUT: each is checked as OUT was,
    // all before any is written.
    let mut allowed_each = Vec::with_capacity(paths.len());
    for path in &paths {
        match may_write(path, Some(args.file), Writes::Export, args.force) {
            Ok(allowed) => allowed_each.push(allowed),
            Err(message) => {
                report_error(err, message);
                return ExitStatus::Failure;
            }
        }
    }
    write_files(args, format, map, &exported, &paths, &allowed_each, out, err)
}

/// Writes the export's files to `paths` and says what was written.
#[allow(clippy::too_many_arguments, reason = "the export's pieces, checked by the caller")]
fn write_files(
    args: &ExportArgs<'_>,
    format: ExportFormat,
    map: &crate::model::JourneyMap,
    exported: &crate::export::Exported,
    paths: &[std::path::PathBuf],
    allowed_each: &[super::guard::Allowed],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitStatus {
    let count = exported.files.len();
    for (index, ((file, path), allowed)) in exported.files.iter().zip(paths).zip(allowed_each).enumerate() {
        // A study replaced with --force is kept as a backup, as a save would keep it.
        let backup = match write_atomically(path, &file.bytes, allowed.keep_backup) {
            Ok(backup) => backup,
            Err(error) => {
                report_error(err, format!("cannot write {}: {error}", path.display()));
                return ExitStatus::Failure;
            }
        };
        let part = if count > 1 { format!("part {} of {count}, ", index + 1) } else { String::new() };
        match file.page {
            None => say(
                out,
                &format!(
                    "Wrote {} ({:?}, {})",
                    path.display(),
                    map.title,
                    crate::words::count(map.card_count(), "card")
                ),
            ),
            Some(page) => {
                let size = match format {
                    ExportFormat::Poster(PosterFormat::Svg | PosterFormat::Pdf)
                    | ExportFormat::Mermaid
                    | ExportFormat::Csv => {
                        format!("{:.0} × {:.0} mm", page.width_pt / 72.0 * 25.4, page.height_pt / 72.0 * 25.4)
                    }
                    ExportFormat::Poster(PosterFormat::Png) => {
                        let (w, h) = page.pixels(args.dpi);
                        format!("{w} × {h} px at {} dpi", args.dpi)
                    }
                };
                let rows = match exported.arrangement {
                    Some(Arrangement::Bands(rows)) => format!(", stages wrapped into {rows} rows"),
                    _ => String::new(),
                };
                say(
                    out,
                    &format!(
                        "Wrote {} ({part}{:?}, paper {}{rows}, {size})",
                        path.display(),
                        map.title,
                        args.paper
                    ),
                );
            }
        }
        if let Some(backup) = backup {
            say(out, &format!("The previous file is kept as {}", backup.display()));
        }
    }
    ExitStatus::Success
}
