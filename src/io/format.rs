//! The canonical text form of a study.
//!
//! A study file is pretty-printed RON with the `implicit_some` extension (optional values are
//! written bare). Fields come in declaration order, collections in the user's order, and fields
//! at their default value are left out, so two saves of the same study are byte-identical and
//! a change to one card is a change to a few lines.

use super::migrate;
use crate::model::{FORMAT_VERSION, Study};
use ron::extensions::Extensions;
use serde::Deserialize;

/// Why a study could not be loaded. Every message names the file; syntax errors also name the
/// line and column and say what was expected there.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is empty.
    #[error("{path} is empty: a study file starts with `(` and holds the study's fields")]
    Empty {
        /// The file.
        path: String,
    },
    /// The file is not UTF-8 text (a binary file, or text in another encoding).
    #[error("{path}:{line}:{column}: not a study file: the text is not valid UTF-8")]
    NotText {
        /// The file.
        path: String,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column (in characters) of the first invalid byte.
        column: usize,
    },
    /// The RON syntax is broken or a value has the wrong type.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        /// The file.
        path: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong, usually what was expected there.
        message: String,
    },
    /// Rows of a spreadsheet that cannot be imported (nothing is imported then).
    #[error("{path}: {}", .problems.iter().map(|(row, m)| format!("row {row}: {m}")).collect::<Vec<_>>().join("; "))]
    Rows {
        /// The file.
        path: String,
        /// (row number, what is wrong), the header being row 1.
        problems: Vec<(usize, String)>,
    },
    /// The file was written by a newer version of Wayline.
    #[error(
        "{path} uses file format version {found}, which is newer than this version of Wayline \
         supports (format version {supported}); open it with a newer Wayline"
    )]
    TooNew {
        /// The file.
        path: String,
        /// The version the file declares.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
}

impl LoadError {
    /// What is wrong, without the file and position that [`Display`](std::fmt::Display) puts
    /// in front.
    #[must_use]
    pub fn reason(&self) -> String {
        match self {
            Self::Syntax { message, .. } => message.clone(),
            Self::NotText { .. } => "not a study file: the text is not valid UTF-8".to_owned(),
            Self::Rows { problems, .. } => {
                problems.iter().map(|(row, m)| format!("row {row}: {m}")).collect::<Vec<_>>().join("; ")
            }
            other => other.to_string(),
        }
    }

    /// The line and column the error points at, when it points at one.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::NotText { line, column, .. } | Self::Syntax { line, column, .. } => Some((*line, *column)),
            Self::Rows { problems, .. } => problems.first().map(|(row, _)| (*row, 1)),
            _ => None,
        }
    }
}

/// The options every study is read and written with.
fn ron_options() -> ron::Options {
    // `implicit_some` is on for reading even when a file does not enable it, so hand-written
    // files may say `persona: 2` as well as `persona: Some(2)`.
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// The study as canonical RON text, ending in a newline.
///
/// # Errors
/// Only if the study holds something RON cannot express, which the model does not allow.
pub fn to_ron_string(study: &Study) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(true)
        .extensions(Extensions::IMPLICIT_SOME);
    // Written with plain options so the file itself declares `#![enable(implicit_some)]` and
    // any RON reader can parse it.
    let text = ron::Options::default().to_string_pretty(study, pretty)?;
    // RON escapes every apostrophe (`\'`), which is legal but noisy in prose ("customer\'s").
    // An apostrophe needs no escape inside a double-quoted string, and as RON escapes every
    // apostrophe and every backslash, each `\'` in the output is exactly one escaped apostrophe.
    let mut text = text.replace("\\'", "'");
    text.push('\n');
    Ok(text)
}

/// Parses a study from the bytes of a file. `path` names the source in error messages.
///
/// # Errors
/// See [`LoadError`].
pub fn parse_study_bytes(bytes: &[u8], path: &str) -> Result<Study, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_study(text, path),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let before = std::str::from_utf8(valid).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(LoadError::NotText { path: path.to_owned(), line, column })
        }
    }
}

/// Just enough of a study to learn its format version before reading the rest.
#[derive(Deserialize)]
#[serde(rename = "Study")] // RON's messages name the struct: say what the user knows
struct Header {
    format_version: Option<u32>,
}

/// Parses a study from RON text. `path` names the source in error messages. Files of an older
/// format version are migrated; the returned study always has the current version.
///
/// # Errors
/// See [`LoadError`].
pub fn parse_study(text: &str, path: &str) -> Result<Study, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: path.to_owned() });
    }
    let syntax = |error: ron::error::SpannedError| LoadError::Syntax {
        path: path.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: describe(&error.code),
    };
    // One pass in the common case: the quick reader for the canonical layout Wayline writes,
    // else the general RON reader. Only when that fails is the version read on its own, so a
    // file from a newer version is refused as such rather than as a syntax error.
    let study: Result<Study, _> = super::quick::from_str(text).or_else(|_| ron_options().from_str(text));
    let declared = |text: &str| ron_options().from_str::<Header>(text).ok().and_then(|h| h.format_version);
    let mut study = match study {
        Ok(study) => study,
        Err(error) => {
            if let Some(found) = declared(text).filter(|v| *v > FORMAT_VERSION) {
                return Err(LoadError::TooNew { path: path.to_owned(), found, supported: FORMAT_VERSION });
            }
            return Err(syntax(error));
        }
    };
    // A missing `format_version` reads as 0 (see `Study::format_version`).
    let version = study.format_version;
    if version > FORMAT_VERSION {
        return Err(LoadError::TooNew { path: path.to_owned(), found: version, supported: FORMAT_VERSION });
    }
    study.format_version = version;
    migrate::migrate(&mut study);
    Ok(study)
}

/// RON's message for an error, with the first letter lowered to read well after a position.
fn describe(code: &ron::Error) -> String {
    let message = code.to_string();
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "invalid study file".to_owned(),
    }
}
