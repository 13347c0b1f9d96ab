//! What a command may write over. A command never destroys work the user did not ask it to
//! replace: it refuses, with exit status 1 and one message, and touches nothing, when its
//! output
//!
//! - is the file it reads (also through `./`, `..`, a symbolic or a hard link), even with
//!   `--force`: the input would be lost before the command could finish with it;
//! - is read-only, even with `--force`: someone protected it on purpose;
//! - already exists and the command writes a study (`new`, `import`), or it is a study that
//!   `export` would overwrite with a poster or a spreadsheet, unless `--force` is given; the
//!   study replaced then is kept as `OUT.bak`.

use crate::io::atomic::{backup_path, resolve_links};
use std::fs;
use std::io::Read;
use std::path::Path;

/// What a command writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Writes {
    /// A study (`new`, `import`): any existing file is replaced by a study.
    Study,
    /// An export (poster, Mermaid, CSV): regenerated at will, except over a study.
    Export,
}

/// What writing the output will replace, once the rules allow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Allowed {
    /// The output exists and holds a study (or, for `new` and `import`, anything), so the
    /// write should keep the old file as a backup.
    pub keep_backup: bool,
}

/// Whether a command that reads `input` (if any) may write `out`; the error is the message
/// to print, naming the file and what to do.
pub(super) fn may_write(
    out: &Path,
    input: Option<&Path>,
    writes: Writes,
    force: bool,
) -> Result<Allowed, String> {
    let real = resolve_links(out).map_err(|error| format!("cannot write {}: {error}", out.display()))?;
    // A file that cannot be looked at (missing, or in a folder we may not read) is left to
    // the write, which creates it or reports why it cannot.
    let Ok(metadata) = fs::metadata(&real) else { return Ok(Allowed { keep_backup: false }) };
    if metadata.is_dir() {
        return Err(format!("{} is a folder: name the file to write", out.display()));
    }
    if let Some(input) = input
        && same_file(input, &real)
    {
        return Err(format!(
            "{} is the file being read ({}): write to another file",
            out.display(),
            input.display()
        ));
    }
    if is_read_only(&metadata) {
        return Err(format!(
            "{} is read-only, so it is left as it is: make it writable or write to another file",
            out.display()
        ));
    }
    let is_study = writes == Writes::Study || looks_like_study(&real);
    if is_study && !force {
        let what = if writes == Writes::Study { "already exists" } else { "is a study" };
        return Err(format!(
            "{} {what}: pass --force to replace it (it is then kept as {})",
            out.display(),
            backup_path(&real).display()
        ));
    }
    Ok(Allowed { keep_backup: is_study })
}

/// Whether `a` and `b` are the same file, whatever the paths say: the same device and inode
/// on Unix, the same canonical path elsewhere.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

/// Whether the file is protected from writing: read-only for everyone, or (on Unix) for its
/// owner, as `chmod a-w` or `chmod u-w` leave it. Replacing it would go through, as a rename
/// only needs the folder to be writable, so the command has to refuse by itself.
fn is_read_only(metadata: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if metadata.permissions().mode() & 0o200 == 0 {
            return true;
        }
    }
    metadata.permissions().readonly()
}

/// Whether the file at `path` is a study: named `*.journey.ron`, or starting as a study file
/// does, with `(` or `#![enable(…)]` after a byte-order mark, blank space and comments. Only
/// the start is read, so a broken study, which would not load, is protected all the same.
fn looks_like_study(path: &Path) -> bool {
    let named = path
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.to_ascii_lowercase().ends_with(".journey.ron"));
    if named {
        return true;
    }
    let mut start = Vec::with_capacity(4096);
    let Ok(file) = fs::File::open(path) else { return false };
    if file.take(4096).read_to_end(&mut start).is_err() {
        return false;
    }
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&start);
    let text = String::from_utf8_lossy(start);
    let mut rest = text.trim_start();
    loop {
        if let Some(comment) = rest.strip_prefix("//") {
            rest = comment.split_once('\n').map_or("", |(_, after)| after).trim_start();
        } else if let Some(comment) = rest.strip_prefix("/*") {
            rest = comment.split_once("*/").map_or("", |(_, after)| after).trim_start();
        } else {
            break;
        }
    }
    rest.starts_with('(') || rest.starts_with("#![")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn studies_are_told_by_name_or_by_how_they_start() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&str, &str, bool); 9] = [
            ("a.journey.ron", "anything at all", true),
            ("A.JOURNEY.RON", "", true),
            ("study.txt", "#![enable(implicit_some)]\n(format_version: 1)", true),
            ("study.bak", "\u{feff}  // notes\n/* more\nnotes */ (meta: ())", true),
            ("broken.ron", "(format_version: 1, meta: (title: ", true),
            ("poster.svg", "<?xml version=\"1.0\"?><svg/>", false),
            ("map.csv", "stage,card\n(a),b\n", false),
            ("map.mmd", "%% comment\njourney\n", false),
            ("code.rs", "// a comment\nfn main() {}\n", false),
        ];
        for (name, text, study) in cases {
            let path = dir.path().join(name);
            fs::write(&path, text).unwrap();
            assert_eq!(looks_like_study(&path), study, "{name}");
        }
        assert!(!looks_like_study(&dir.path().join("missing.csv")));
    }
}
