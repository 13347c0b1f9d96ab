//! Other formats, in and out: Mermaid `journey` diagrams and spreadsheets (CSV). Reading one
//! makes a study with one typical map; writing one takes a map.

mod cells;
pub mod mermaid;
mod records;
pub mod table;

pub use mermaid::ImportWarning;

use crate::io::LoadError;
use crate::model::{DistinctColours, Study};
use std::path::Path;

// An import keeps at most as many characters in a name or a text as validation allows
// (`model::validate`): longer text is cut at a character boundary, with a warning naming its
// line or row, so one pasted log file cannot make every export of the map take minutes.
pub use crate::model::validate::{MAX_NAME_CHARS, MAX_TEXT_CHARS};

/// Colours for the owners an import creates, each distinct from the others.
pub(crate) type OwnerColours = DistinctColours;

/// The start of `text` for a message: its first line, at most 40 characters, `…` when cut.
pub(crate) fn preview(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or("");
    let mut shown: String = line.chars().take(40).collect();
    if shown.len() < text.trim().len() {
        shown.push('…');
    }
    shown
}

/// Cuts `text` to at most `limit` characters (at a character boundary). When it was longer,
/// adds a warning at `line` saying which text (`what`, e.g. "the card title") was cut.
pub(crate) fn limit_chars(
    text: &mut String,
    limit: usize,
    line: usize,
    what: &str,
    warnings: &mut Vec<ImportWarning>,
) {
    // A text of at most `limit` bytes has at most `limit` characters: no need to count.
    if text.len() <= limit {
        return;
    }
    let Some((cut, _)) = text.char_indices().nth(limit) else { return };
    let count = limit + text[cut..].chars().count();
    text.truncate(cut);
    warnings.push(ImportWarning {
        line,
        message: format!(
            "{what} `{}` is {} characters long; only its first {} are kept",
            preview(text),
            crate::words::thousands(count),
            crate::words::thousands(limit)
        ),
    });
}

/// The kinds of file Wayline reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// A Wayline study (`.journey.ron`, or anything else).
    Study,
    /// A Mermaid journey (`.mmd`, `.mermaid`).
    Mermaid,
    /// A spreadsheet (`.csv`, `.tsv`).
    Csv,
}

impl SourceFormat {
    /// The format a file name implies.
    #[must_use]
    pub fn of_path(path: &Path) -> Self {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("mmd" | "mermaid") => Self::Mermaid,
            Some("csv" | "tsv") => Self::Csv,
            _ => Self::Study,
        }
    }
}

/// A study read from any supported file, with the import's warnings.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The study.
    pub study: Study,
    /// What the import adjusted, with lines.
    pub warnings: Vec<ImportWarning>,
}

/// The title an imported study takes when its file gives none: the file's name.
fn title_from(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.split('.').next().unwrap_or("").replace(['_', '-'], " ");
    if stem.trim().is_empty() { "Imported journey".to_owned() } else { stem.trim().to_owned() }
}

/// Reads a study from bytes in `format`; `path` names the source in messages and titles.
///
/// # Errors
/// A [`LoadError`] naming the file and the line (or rows) at fault.
pub fn read(bytes: &[u8], format: SourceFormat, path: &Path) -> Result<Imported, LoadError> {
    let name = path.display().to_string();
    match format {
        SourceFormat::Study => crate::io::format::parse_study_bytes(bytes, &name)
            .map(|study| Imported { study, warnings: Vec::new() }),
        SourceFormat::Mermaid => {
            let mut warnings = Vec::new();
            let text = table::decode(bytes, &mut warnings);
            if text.contains('\0') {
                let line = text[..text.find('\0').unwrap_or(0)].matches('\n').count() + 1;
                return Err(LoadError::NotText { path: name, line, column: 1 });
            }
            let text = text.as_str();
            let journey = mermaid::parse(text).map_err(|e| LoadError::Syntax {
                path: name.clone(),
                line: e.line,
                column: e.column,
                message: e.message,
            })?;
            let (mut study, import_warnings) = mermaid::to_study(&journey);
            warnings.extend(import_warnings);
            if !journey.has_title() {
                let title = title_from(path);
                study.meta.title.clone_from(&title);
                study.maps[0].title = title;
            }
            Ok(Imported { study, warnings })
        }
        SourceFormat::Csv => table::to_study(bytes, &title_from(path))
            .map(|(study, warnings)| Imported { study, warnings })
            .map_err(|e| LoadError::Rows { path: name, problems: e.problems }),
    }
}

/// Reads a study from a file of any supported format, chosen by its extension.
///
/// # Errors
/// A [`LoadError`] naming the file and what is wrong where.
pub fn load_any(path: &Path) -> Result<Imported, LoadError> {
    let bytes =
        std::fs::read(path).map_err(|source| LoadError::Read { path: path.display().to_string(), source })?;
    read(&bytes, SourceFormat::of_path(path), path)
}
