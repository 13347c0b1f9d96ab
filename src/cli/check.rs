//! `wayline check`: validate a study and summarise it, as text or JSON.

use super::{ExitStatus, json_terminal_safe, report_error, terminal_safe, write_or_fail};
use crate::interop::{ImportWarning, load_any};
use crate::io::LoadError;
use crate::model::{Date, Problem, Severity, Study, review_warning, validate};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

/// The result of checking one file; its JSON form is the `--json` output.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    /// Whether the study loaded and has no errors (warnings allowed).
    pub valid: bool,
    /// The study's title.
    pub title: String,
    /// How many owners the study has.
    pub owners: usize,
    /// How many personas the study has.
    pub personas: usize,
    /// One summary per map, in tab order.
    pub maps: Vec<MapSummary>,
    /// Every problem, errors and warnings, in file order.
    pub problems: Vec<ProblemReport>,
}

/// The size of one map.
#[derive(Debug, Serialize)]
pub struct MapSummary {
    /// The map's title.
    pub title: String,
    /// `typical`, `tactical` or `performance`.
    pub kind: &'static str,
    /// `current` or `future`.
    #[serde(skip)]
    pub state: &'static str,
    /// Number of stages.
    pub stages: usize,
    /// Number of cards (touchpoints or steps).
    pub touchpoints: usize,
    /// Number of links.
    pub links: usize,
}

/// One problem, flattened for output.
#[derive(Debug, Serialize)]
pub struct ProblemReport {
    /// `error` or `warning`.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// Where: a path inside the study, or `FILE:LINE:COLUMN` for a file that did not load.
    pub location: String,
}

impl From<&Problem> for ProblemReport {
    fn from(problem: &Problem) -> Self {
        Self {
            severity: problem.severity,
            message: problem.message.clone(),
            location: problem.location.path().to_owned(),
        }
    }
}

impl CheckReport {
    /// The report for a loaded study, with review dates judged against `today`.
    #[must_use]
    pub fn of_study(study: &Study, today: Date) -> Self {
        let mut problems = validate(study);
        problems.extend(review_warning(study, today));
        Self {
            valid: problems.iter().all(|p| p.severity != Severity::Error),
            title: study.meta.title.clone(),
            owners: study.owners.len(),
            personas: study.personas.len(),
            maps: study
                .maps
                .iter()
                .map(|map| MapSummary {
                    title: map.title.clone(),
                    kind: map.kind.key(),
                    state: map.state.key(),
                    stages: map.stages.len(),
                    touchpoints: map.card_count(),
                    links: map.links.len(),
                })
                .collect(),
            problems: problems.iter().map(ProblemReport::from).collect(),
        }
    }

    /// The report for a file that did not load: invalid, with the load error as its problem.
    #[must_use]
    pub fn of_load_error(error: &LoadError, path: &Path) -> Self {
        let location = match error.position() {
            Some((line, column)) => format!("{}:{line}:{column}", path.display()),
            None => path.display().to_string(),
        };
        Self {
            valid: false,
            title: String::new(),
            owners: 0,
            personas: 0,
            maps: Vec::new(),
            problems: vec![ProblemReport { severity: Severity::Error, message: error.reason(), location }],
        }
    }

    /// Adds what an import adjusted (Mermaid or CSV input) as warnings at their lines.
    pub fn add_import_warnings(&mut self, warnings: &[ImportWarning], path: &Path) {
        let found = warnings.iter().map(|w| ProblemReport {
            severity: Severity::Warning,
            message: w.message.clone(),
            location: format!("{}:{}", path.display(), w.line),
        });
        self.problems.splice(0..0, found);
    }

    fn count(&self, severity: Severity) -> usize {
        self.problems.iter().filter(|p| p.severity == severity).count()
    }

    /// The report as text for a terminal. Every name, title, path and message in it is shown
    /// with control characters escaped ([`terminal_safe`]).
    #[must_use]
    pub fn to_text(&self, path: &Path) -> String {
        let (errors, warnings) = (self.count(Severity::Error), self.count(Severity::Warning));
        let mut text = format!(
            "{}: {} ({})\n",
            terminal_safe(&path.display().to_string()),
            if self.valid { "valid" } else { "invalid" },
            [crate::words::count(errors, "error"), crate::words::count(warnings, "warning")].join(", ")
        );
        let title = if self.title.is_empty() {
            Cow::Borrowed("(untitled study)")
        } else {
            terminal_safe(&self.title)
        };
        let _ = writeln!(
            text,
            "{title}: {}, {}, {}",
            crate::words::count(self.owners, "owner"),
            crate::words::count(self.personas, "persona"),
            crate::words::count(self.maps.len(), "map")
        );
        for (index, map) in self.maps.iter().enumerate() {
            let noun = if map.kind == "typical" { "touchpoint" } else { "step" };
            let _ = writeln!(
                text,
                "  {}. {} ({}, {}): {}, {}, {}",
                index + 1,
                if map.title.is_empty() {
                    Cow::Borrowed("(untitled map)")
                } else {
                    terminal_safe(&map.title)
                },
                map.kind,
                map.state,
                crate::words::count(map.stages, "stage"),
                crate::words::count(map.touchpoints, noun),
                crate::words::count(map.links, "link"),
            );
        }
        for problem in &self.problems {
            let _ = writeln!(
                text,
                "{}: {}\n    at {}",
                problem.severity,
                terminal_safe(&problem.message),
                terminal_safe(&problem.location)
            );
        }
        text
    }
}

/// Checks the study at `path`. Whenever the status is not success, at least one line on `err`
/// says why: the file did not load, it has errors, or the report could not be written.
pub(super) fn run(path: &Path, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    let mut explained = false;
    let report = match load_any(path) {
        Ok(imported) => {
            let mut report = CheckReport::of_study(&imported.study, Date::today());
            report.add_import_warnings(&imported.warnings, path);
            report
        }
        Err(error) => {
            report_error(err, &error);
            if !json {
                return ExitStatus::Failure;
            }
            explained = true;
            CheckReport::of_load_error(&error, path)
        }
    };
    let status = if report.valid { ExitStatus::Success } else { ExitStatus::Failure };
    let text = if json {
        match serde_json::to_string_pretty(&report) {
            Ok(mut text) => {
                text.push('\n');
                json_terminal_safe(text)
            }
            Err(error) => {
                report_error(err, format!("cannot write the report: {error}"));
                return ExitStatus::Failure;
            }
        }
    } else {
        report.to_text(path)
    };
    if write_or_fail(out, err, &text, ExitStatus::Success) != ExitStatus::Success {
        return ExitStatus::Failure; // and `write_or_fail` said why
    }
    if status != ExitStatus::Success && !explained {
        let errors = crate::words::count(report.count(Severity::Error), "error");
        report_error(err, format!("{} is invalid: {errors}", path.display()));
    }
    status
}
