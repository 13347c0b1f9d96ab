//! Crash-safe file writes.
//!
//! The new content goes to a temporary file in the target's own folder (so the final rename
//! never crosses file systems), is flushed to disk, and is then renamed over the target. A
//! rename is atomic: a crash, `kill -9` or full disk at any moment leaves either the complete
//! old file or the complete new one, never a mix, and never a half-written target.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The path the previous version of `path` is kept at: `PATH.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Writes `bytes` to `path` atomically. With `keep_backup`, an existing file at `path` is first
/// copied (also atomically) to [`backup_path`]; the path of that backup is returned.
///
/// If `path` is a symbolic link, the file it points to is replaced and the link kept.
///
/// # Errors
/// Any I/O error; the target is then unchanged and no temporary file is left behind.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<Option<PathBuf>> {
    let target = resolve_symlink(path);
    let folder = parent_folder(&target);
    let existing = fs::metadata(&target).ok().filter(fs::Metadata::is_file);

    let mut temp = temp_file_beside(&target, folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Some(metadata) = &existing {
        // Keep the file's permissions: a study shared read-only with a team stays so.
        temp.as_file().set_permissions(metadata.permissions())?;
    } else {
        set_default_permissions(temp.as_file())?;
    }

    let backup = match existing {
        Some(_) if keep_backup => Some(copy_atomically(&target, &backup_path(&target), folder)?),
        _ => None,
    };
    temp.persist(&target).map_err(|error| error.error)?;
    sync_folder(folder);
    Ok(backup)
}

/// Copies `from` to `to` through a temporary file, so `to` is never half-written either.
fn copy_atomically(from: &Path, to: &Path, folder: &Path) -> io::Result<PathBuf> {
    let mut temp = temp_file_beside(to, folder)?;
    let mut source = fs::File::open(from)?;
    io::copy(&mut source, temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    temp.as_file().set_permissions(source.metadata()?.permissions())?;
    temp.persist(to).map_err(|error| error.error)?;
    Ok(to.to_path_buf())
}

/// A hidden temporary file next to `target`, removed automatically unless persisted.
fn temp_file_beside(target: &Path, folder: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut prefix = OsString::from(".");
    prefix.push(target.file_name().unwrap_or_default());
    prefix.push(".");
    tempfile::Builder::new().prefix(&prefix).suffix(".tmp").tempfile_in(folder)
}

fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn resolve_symlink(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link { fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()) } else { path.to_path_buf() }
}

#[cfg(unix)]
fn set_default_permissions(file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    // Temporary files are private (0600); a saved document is readable like any other file.
    file.set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_default_permissions(_file: &fs::File) -> io::Result<()> {
    Ok(())
}

/// Makes the rename itself durable. Best effort: not every platform can sync a folder.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_new_file_without_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.journey.ron");
        let backup = write_atomically(&path, b"one", true).unwrap();
        assert_eq!(backup, None);
        assert_eq!(fs::read(&path).unwrap(), b"one");
    }

    #[test]
    fn replaces_file_and_keeps_previous_as_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.journey.ron");
        write_atomically(&path, b"one", true).unwrap();
        let backup = write_atomically(&path, b"two", true).unwrap();
        assert_eq!(backup.as_deref(), Some(backup_path(&path).as_path()));
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 2, "no temporary files are left behind");
    }

    #[test]
    fn failed_write_leaves_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("a.journey.ron");
        assert!(write_atomically(&path, b"one", true).is_err());
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn writing_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.journey.ron");
        let link = dir.path().join("link.journey.ron");
        fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"new", false).unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }
}
