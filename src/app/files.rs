//! Choosing files: the native dialog where there is one, else a path typed into a fallback
//! dialog. Reading and writing go through [`crate::io`], which tests call directly.

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What a native file dialog did.
pub enum Choice {
    /// The user chose a file.
    Chosen(PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No native dialog could be shown (no desktop portal): use the fallback.
    Unavailable,
}

/// A dialog that closes faster than anyone can click was never shown.
const TOO_FAST_FOR_A_PERSON: Duration = Duration::from_millis(150);

fn judge(started: Instant, result: Option<PathBuf>) -> Choice {
    match result {
        Some(path) => Choice::Chosen(path),
        None if started.elapsed() < TOO_FAST_FOR_A_PERSON => Choice::Unavailable,
        None => Choice::Cancelled,
    }
}

/// Asks for a study to open.
#[must_use]
pub fn pick_study_to_open(folder: Option<&std::path::Path>) -> Choice {
    let started = Instant::now();
    let mut dialog = rfd::FileDialog::new().add_filter("Journey study", &["ron"]).set_title("Open study");
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    judge(started, dialog.pick_file())
}

/// Asks for a Mermaid journey or a spreadsheet to import.
#[must_use]
pub fn pick_import() -> Choice {
    let started = Instant::now();
    let dialog = rfd::FileDialog::new()
        .add_filter("Mermaid journey or spreadsheet", &["mmd", "mermaid", "csv", "tsv"])
        .set_title("Import");
    judge(started, dialog.pick_file())
}

/// Asks where to save a file, suggesting `name`.
#[must_use]
pub fn pick_save_path(
    title: &str,
    name: &str,
    filter: (&str, &[&str]),
    folder: Option<&std::path::Path>,
) -> Choice {
    let started = Instant::now();
    let mut dialog =
        rfd::FileDialog::new().add_filter(filter.0, filter.1).set_title(title).set_file_name(name);
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    judge(started, dialog.save_file())
}

/// A file name for a study from its title: "Shipper experience 2026.journey.ron".
#[must_use]
pub fn study_file_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    let cleaned = cleaned.trim();
    format!("{}.journey.ron", if cleaned.is_empty() { "Untitled" } else { cleaned })
}

/// A path typed by the user, with `~` expanded and the study extension added when missing.
#[must_use]
pub fn typed_path(text: &str, extension: &str) -> Option<PathBuf> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let expanded = match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    };
    let has_extension = expanded.to_string_lossy().ends_with(extension);
    Some(if has_extension || extension.is_empty() {
        expanded
    } else {
        let mut name = expanded.into_os_string();
        name.push(extension);
        PathBuf::from(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_files_after_the_study() {
        assert_eq!(study_file_name("Shipper: 2026?"), "Shipper 2026.journey.ron");
        assert_eq!(study_file_name("  "), "Untitled.journey.ron");
    }

    #[test]
    fn typed_paths_get_the_extension() {
        assert_eq!(typed_path("/tmp/a", ".journey.ron"), Some(PathBuf::from("/tmp/a.journey.ron")));
        assert_eq!(
            typed_path("/tmp/a.journey.ron", ".journey.ron"),
            Some(PathBuf::from("/tmp/a.journey.ron"))
        );
        assert_eq!(typed_path("   ", ".journey.ron"), None);
    }
}
