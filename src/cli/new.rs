//! `wayline new`: start a study from a bundled template.

use super::guard::{Writes, may_write};
use super::{ExitStatus, report_error, say, write_or_fail};
use crate::io::save_study;
use crate::model::Date;
use crate::templates::{TEMPLATES, find};
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

/// Prints the templates, one per line: name and summary.
pub(super) fn list(out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    let width = TEMPLATES.iter().map(|t| t.name.len()).max().unwrap_or(0);
    let mut text = String::new();
    for template in &TEMPLATES {
        let _ = writeln!(text, "{:width$}  {}", template.name, template.summary);
    }
    write_or_fail(out, err, &text, ExitStatus::Success)
}

/// Writes a new study from `template_name` to `path`, which must not exist unless `force`.
pub(super) fn create(
    template_name: &str,
    path: &Path,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitStatus {
    let Some(template) = find(template_name) else {
        report_error(err, format!("no template named {template_name:?}"));
        return ExitStatus::Usage;
    };
    if let Err(message) = may_write(path, None, Writes::Study, force) {
        report_error(err, message);
        return ExitStatus::Failure;
    }
    let study = match template.instantiate(Date::today()) {
        Ok(study) => study,
        Err(error) => {
            report_error(err, error);
            return ExitStatus::Failure;
        }
    };
    match save_study(&study, path) {
        Ok(saved) => {
            let mut text = Vec::new();
            say(&mut text, &format!("Created {} from the {} template", path.display(), template.name));
            if let Some(backup) = saved.backup {
                say(&mut text, &format!("The previous file is kept as {}", backup.display()));
            }
            write_or_fail(out, err, &String::from_utf8_lossy(&text), ExitStatus::Success)
        }
        Err(error) => {
            report_error(err, format!("cannot write {}: {error}", path.display()));
            ExitStatus::Failure
        }
    }
}
