//! `wayline export`: a map as an SVG or PNG poster.

use super::ExitStatus;
use crate::export::{Orientation, Paper, PosterFormat, PosterSettings, poster};
use crate::io::{load_study, write_atomically};
use std::io::Write;
use std::path::Path;

/// The export command's arguments, checked by clap.
pub(super) struct ExportArgs<'a> {
    pub file: &'a Path,
    pub out: &'a Path,
    pub map: Option<&'a str>,
    pub format: Option<PosterFormat>,
    pub paper: Paper,
    pub orientation: Orientation,
    pub dpi: u32,
}

pub(super) fn run(args: &ExportArgs<'_>, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    let Some(format) = args.format.or_else(|| PosterFormat::from_path(args.out)) else {
        let _ = writeln!(
            err,
            "error: cannot tell the format from {}: name the file .svg or .png, or pass --format svg|png",
            args.out.display()
        );
        return ExitStatus::Usage;
    };
    let study = match load_study(args.file) {
        Ok(study) => study,
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
    let settings = PosterSettings { format, paper: args.paper, orientation: args.orientation, dpi: args.dpi };
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
    let size = match format {
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
