//! `wayline new`: start a study from a bundled template.

use super::{ExitStatus, write_or_fail};
use crate::io::save_study;
use crate::model::Date;
use crate::templates::{TEMPLATES, find};
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

/// Prints the templates, one per line: name and summary.
pub(super) fn list(out: &mut dyn Write) -> ExitStatus {
    let width = TEMPLATES.iter().map(|t| t.name.len()).max().unwrap_or(0);
    let mut text = String::new();
    for template in &TEMPLATES {
        let _ = writeln!(text, "{:width$}  {}", template.name, template.summary);
    }
    write_or_fail(out, &text, ExitStatus::Success)
}

/// Writes a new study from `template_name` to `path`.
pub(super) fn create(
    template_name: &str,
    path: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitStatus {
    let Some(template) = find(template_name) else {
        let _ = writeln!(err, "error: no template named {template_name:?}");
        return ExitStatus::Usage;
    };
    let study = match template.instantiate(Date::today()) {
        Ok(study) => study,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            return ExitStatus::Failure;
        }
    };
    match save_study(&study, path) {
        Ok(saved) => {
            let mut text = format!("Created {} from the {} template\n", path.display(), template.name);
            if let Some(backup) = saved.backup {
                let _ = writeln!(text, "The previous file is kept as {}", backup.display());
            }
            write_or_fail(out, &text, ExitStatus::Success)
        }
        Err(error) => {
            let _ = writeln!(err, "error: cannot write {}: {error}", path.display());
            ExitStatus::Failure
        }
    }
}
