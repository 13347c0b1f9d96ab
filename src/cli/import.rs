//! `wayline import`: a Mermaid journey or a spreadsheet as a new study file.

use super::{ExitStatus, write_or_fail};
use crate::interop::{SourceFormat, load_any};
use crate::io::save_study;
use std::io::Write;
use std::path::Path;

pub(super) fn run(file: &Path, path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    if SourceFormat::of_path(file) == SourceFormat::Study {
        let _ = writeln!(
            err,
            "error: {} is not a Mermaid journey (.mmd) or a spreadsheet (.csv)",
            file.display()
        );
        return ExitStatus::Usage;
    }
    let imported = match load_any(file) {
        Ok(imported) => imported,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            return ExitStatus::Failure;
        }
    };
    for warning in &imported.warnings {
        let _ = writeln!(err, "warning: {}:{}: {}", file.display(), warning.line, warning.message);
    }
    if let Err(error) = save_study(&imported.study, path) {
        let _ = writeln!(err, "error: cannot write {}: {error}", path.display());
        return ExitStatus::Failure;
    }
    let map = &imported.study.maps[0];
    let text = format!(
        "Imported {} into {}: {} stages, {} cards, {} owners\n",
        file.display(),
        path.display(),
        map.stages.len(),
        map.card_count(),
        imported.study.owners.len()
    );
    write_or_fail(out, &text, ExitStatus::Success)
}
