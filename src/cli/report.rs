//! `wayline report`: the analysis of a study's maps as JSON for tools or Markdown for people.

use super::guard::{Writes, may_write};
use super::{ExitStatus, report_error, report_warning, say, write_or_fail};
use crate::analysis::Settings;
use crate::analysis::report::{json_report, markdown_report};
use crate::interop::load_any;
use crate::io::write_atomically;
use std::io::Write;
use std::path::Path;

/// The report's formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum ReportFormat {
    /// One JSON object: every number, ids as numbers.
    Json,
    /// A Markdown summary.
    Md,
}

pub(super) fn run(
    file: &Path,
    map: Option<&str>,
    format: ReportFormat,
    path: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitStatus {
    let allowed = match path.map(|p| may_write(p, Some(file), Writes::Export, false)).transpose() {
        Ok(allowed) => allowed,
        Err(message) => {
            report_error(err, message);
            return ExitStatus::Failure;
        }
    };
    let study = match load_any(file) {
        Ok(imported) => {
            for warning in &imported.warnings {
                report_warning(err, format!("{}:{}: {}", file.display(), warning.line, warning.message));
            }
            imported.study
        }
        Err(error) => {
            report_error(err, error);
            return ExitStatus::Failure;
        }
    };
    let maps: Vec<&crate::model::JourneyMap> = if let Some(selector) = map {
        let Some(map) = study.find_map(selector) else {
            report_error(err, format!("no map {selector:?} in {}", file.display()));
            return ExitStatus::Usage;
        };
        vec![map]
    } else {
        study.maps.iter().collect()
    };
    let settings = Settings::default();
    let text = match format {
        ReportFormat::Json => json_report(&study, &maps, &settings),
        ReportFormat::Md => markdown_report(&study, &maps, &settings),
    };
    match (path, allowed) {
        (Some(path), Some(allowed)) => match write_atomically(path, text.as_bytes(), allowed.keep_backup) {
            Ok(_) => {
                say(out, &format!("Wrote {}", path.display()));
                ExitStatus::Success
            }
            Err(error) => {
                report_error(err, format!("cannot write {}: {error}", path.display()));
                ExitStatus::Failure
            }
        },
        _ => write_or_fail(out, err, &text, ExitStatus::Success),
    }
}
