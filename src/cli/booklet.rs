//! `wayline export --format pdf`: the whole study as a booklet.

use super::guard::{Writes, may_write};
use super::{ExitStatus, report_error, report_warning, say};
use crate::export::Paper;
use crate::export::booklet::{BookletSettings, Section, booklet, parse_maps, parse_sections};
use crate::interop::load_any;
use crate::io::write_atomically;
use std::io::Write;
use std::path::Path;

/// The booklet's arguments.
pub(super) struct BookletArgs<'a> {
    pub file: &'a Path,
    pub out: &'a Path,
    pub paper: Paper,
    pub maps: Option<&'a str>,
    pub sections: Option<&'a str>,
    pub force: bool,
}

pub(super) fn run(args: &BookletArgs<'_>, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    let paper = match args.paper {
        // The paper sized to a map means nothing for a booklet: its pages are A4 unless asked.
        Paper::Fit => Paper::A4,
        paper => paper,
    };
    let sections = match args.sections.map(parse_sections).transpose() {
        Ok(sections) => sections.unwrap_or_else(|| Section::ALL.to_vec()),
        Err(message) => {
            report_error(err, message);
            return ExitStatus::Usage;
        }
    };
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
    let maps = match args.maps.map(|text| parse_maps(text, study.maps.len())).transpose() {
        Ok(maps) => maps.unwrap_or_default(),
        Err(message) => {
            report_error(err, message);
            return ExitStatus::Usage;
        }
    };
    let settings = BookletSettings { paper, maps, sections };
    let made = match booklet(&study, &settings, &mut |_, _| {}) {
        Ok(made) => made,
        Err(error) => {
            report_error(err, error);
            return ExitStatus::Failure;
        }
    };
    for warning in &made.warnings {
        report_warning(err, warning);
    }
    let allowed = match may_write(args.out, Some(args.file), Writes::Export, args.force) {
        Ok(allowed) => allowed,
        Err(message) => {
            report_error(err, message);
            return ExitStatus::Failure;
        }
    };
    match write_atomically(args.out, &made.bytes, allowed.keep_backup) {
        Ok(backup) => {
            say(
                out,
                &format!(
                    "Wrote {} (booklet, {} on {})",
                    args.out.display(),
                    crate::words::count(made.composed.pages.len(), "page"),
                    paper.name().to_uppercase()
                ),
            );
            if let Some(backup) = backup {
                say(out, &format!("The previous file is kept as {}", backup.display()));
            }
            ExitStatus::Success
        }
        Err(error) => {
            report_error(err, format!("cannot write {}: {error}", args.out.display()));
            ExitStatus::Failure
        }
    }
}
