//! `wayline import`: a Mermaid journey or a spreadsheet as a new study file.

use super::guard::{Writes, may_write};
use super::{ExitStatus, report_error, report_warning, say, write_or_fail};
use crate::interop::{SourceFormat, load_any};
use crate::io::save_study;
use std::io::Write;
use std::path::Path;

/// Imports `file` into a study at `path`, which must not exist unless `force`.
pub(super) fn run(
    file: &Path,
    path: &Path,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitStatus {
    if SourceFormat::of_path(file) == SourceFormat::Study {
        report_error(
            err,
            format!("{} is not a Mermaid journey (.mmd) or a spreadsheet (.csv)", file.display()),
        );
        return ExitStatus::Usage;
    }
    if let Err(message) = may_write(path, Some(file), Writes::Study, force) {
        report_error(err, message);
        return ExitStatus::Failure;
    }
    let imported = match load_any(file) {
        Ok(imported) => imported,
        Err(error) => {
            report_error(err, error);
            return ExitStatus::Failure;
        }
    };
    for warning in &imported.warnings {
        report_warning(err, format!("{}:{}: {}", file.display(), warning.line, warning.message));
    }
    let saved = match save_study(&imported.study, path) {
        Ok(saved) => saved,
        Err(error) => {
            report_error(err, format!("cannot write {}: {error}", path.display()));
            return ExitStatus::Failure;
        }
    };
    let (stages, cards) =
        imported.study.maps.first().map_or((0, 0), |map| (map.stages.len(), map.card_count()));
    let mut text = Vec::new();
    say(
        &mut text,
        &format!(
            "Imported {} into {}: {}, {}, {}",
            file.display(),
            path.display(),
            crate::words::count(stages, "stage"),
            crate::words::count(cards, "card"),
            crate::words::count(imported.study.owners.len(), "owner")
        ),
    );
    if let Some(backup) = saved.backup {
        say(&mut text, &format!("The previous file is kept as {}", backup.display()));
    }
    write_or_fail(out, err, &String::from_utf8_lossy(&text), ExitStatus::Success)
}
