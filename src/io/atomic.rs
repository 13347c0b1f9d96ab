//! Crash-safe file writes.
//!
//! The new content goes to a temporary file in the target's own folder (so the final rename
//! never crosses file systems), is flushed to disk, and is then renamed over the target. A
//! rename is atomic: a crash, `kill -9` or full disk at any moment leaves either the complete
//! old file or the complete new one, never a mix, and never a half-written target.
//!
//! - **Backups**: a save that replaces a file can keep the versions before it, newest first:
//!   `PATH.bak`, `PATH.bak.1`, `PATH.bak.2` ([`BACKUP_GENERATIONS`] in all).
//! - **Temporary files** are named `.NAME.wayline-XXXXXX.tmp` ([`is_temporary_name`]). One
//!   left behind by a process that was killed is removed by the next write to its folder, once
//!   it is older than [`STALE_TEMPORARY_AGE`]; no other file is ever removed.
//! - **Symbolic links**: writing to a link replaces the file at the end of the link (creating
//!   it when the link dangles) and keeps the link; backups go next to that file.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How many earlier versions a save with backups keeps: `PATH.bak` (the newest), `PATH.bak.1`
/// and `PATH.bak.2` (the oldest).
pub const BACKUP_GENERATIONS: usize = 3;

/// How old a temporary file of ours must be before a write to its folder takes it for the
/// leftover of a process that died and removes it. A live write renames its temporary file
/// within moments, so a minute leaves a wide margin for a slow disk.
pub const STALE_TEMPORARY_AGE: Duration = Duration::from_mins(1);

/// What marks a temporary file as ours: `.NAME` + this + random characters + [`TEMPORARY_SUFFIX`].
const TEMPORARY_MARKER: &str = ".wayline-";
const TEMPORARY_SUFFIX: &str = ".tmp";
/// How many random letters and digits a temporary file's name has.
const TEMPORARY_RANDOM: usize = 6;
/// How many symbolic links a path may go through before it is taken for a loop.
const MAX_LINKS: usize = 40;

/// The path the previous version of `path` is kept at: `PATH.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    backup_generation_path(path, 0)
}

/// The path of an earlier version of `path`: generation 0 is the newest, `PATH.bak`; generation
/// `n` is `PATH.bak.n`. Saves keep generations below [`BACKUP_GENERATIONS`].
#[must_use]
pub fn backup_generation_path(path: &Path, generation: usize) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    if generation > 0 {
        name.push(format!(".{generation}"));
    }
    PathBuf::from(name)
}

/// Whether `name` is the name of one of the temporary files this module writes:
/// `.NAME.wayline-XXXXXX.tmp`, `XXXXXX` being letters and digits.
#[must_use]
pub fn is_temporary_name(name: &OsStr) -> bool {
    let bytes = name.as_encoded_bytes();
    let Some(rest) = bytes.strip_prefix(b".") else { return false };
    let Some(rest) = rest.strip_suffix(TEMPORARY_SUFFIX.as_bytes()) else { return false };
    let Some(split) = rest.len().checked_sub(TEMPORARY_RANDOM) else { return false };
    let (before, random) = rest.split_at(split);
    random.iter().all(u8::is_ascii_alphanumeric)
        && before.strip_suffix(TEMPORARY_MARKER.as_bytes()).is_some_and(|target| !target.is_empty())
}

/// The file a write to `path` replaces: `path` itself, or, when `path` is a symbolic link, the
/// file at the end of the chain of links (which need not exist yet).
///
/// # Errors
/// When a link cannot be read, or the chain is longer than 40 links (a loop).
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    let mut followed = false;
    for _ in 0..MAX_LINKS {
        let is_link = fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            if followed {
                // Name the real file plainly in messages (no `dir/../`) when it can be named.
                if let Ok(real) = fs::canonicalize(&current) {
                    return Ok(real);
                }
            }
            return Ok(current);
        }
        let target = fs::read_link(&current)?;
        // A relative link is relative to the folder holding the link.
        current = if target.is_absolute() { target } else { parent_folder(&current).join(target) };
        followed = true;
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{} goes through more than {MAX_LINKS} symbolic links", path.display()),
    ))
}

/// Writes `bytes` to `path` atomically. With `keep_backup`, an existing file at `path` is first
/// copied (also atomically) to [`backup_path`], after the older backups have moved one
/// generation down (see [`BACKUP_GENERATIONS`]); the path of the new backup is returned.
///
/// If `path` is a symbolic link, the file it points to is replaced and the link kept. Our
/// temporary files that a killed process left in the folder are removed on the way.
///
/// # Errors
/// Any I/O error; the target is then unchanged and no temporary file is left behind.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<Option<PathBuf>> {
    let target = resolve_links(path)?;
    let folder = parent_folder(&target);
    remove_stale_temporaries(folder, SystemTime::now());
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
        Some(_) if keep_backup => {
            rotate_backups(&target)?;
            Some(copy_atomically(&target, &backup_path(&target), folder)?)
        }
        _ => None,
    };
    temp.persist(&target).map_err(|error| error.error)?;
    sync_folder(folder);
    Ok(backup)
}

/// Moves each backup of `target` one generation older; the oldest is replaced. Renames within
/// one folder are atomic, so a crash midway loses at most the oldest version.
fn rotate_backups(target: &Path) -> io::Result<()> {
    for generation in (1..BACKUP_GENERATIONS).rev() {
        let newer = backup_generation_path(target, generation - 1);
        match fs::symlink_metadata(&newer) {
            // A folder of the user's that happens to have a backup's name is left alone.
            Ok(metadata) if metadata.is_dir() => {}
            Ok(_) => fs::rename(&newer, backup_generation_path(target, generation))?,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

/// Removes our temporary files in `folder` (see [`is_temporary_name`]) last modified at least
/// [`STALE_TEMPORARY_AGE`] before `now`: leftovers of a write that was killed. Best effort: a
/// file that cannot be removed stays, and the write goes on.
fn remove_stale_temporaries(folder: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        if !is_temporary_name(&entry.file_name()) {
            continue;
        }
        // Not following links: only a regular file of ours is removed, never what a link
        // with such a name points to.
        let Ok(metadata) = fs::symlink_metadata(entry.path()) else { continue };
        let age = metadata.modified().ok().and_then(|modified| now.duration_since(modified).ok());
        if metadata.is_file() && age.is_some_and(|age| age >= STALE_TEMPORARY_AGE) {
            let _ = fs::remove_file(entry.path());
        }
    }
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

/// A hidden temporary file next to `target`, `.NAME.wayline-XXXXXX.tmp`, removed automatically
/// unless persisted.
fn temp_file_beside(target: &Path, folder: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut prefix = OsString::from(".");
    prefix.push(target.file_name().unwrap_or_else(|| OsStr::new("file")));
    prefix.push(TEMPORARY_MARKER);
    tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMPORARY_SUFFIX)
        .rand_bytes(TEMPORARY_RANDOM)
        .tempfile_in(folder)
}

fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
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

    /// The files in `dir`, sorted by name.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn keeps_three_generations_of_backups_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.journey.ron");
        for version in ["one", "two", "three", "four", "five"] {
            write_atomically(&path, version.as_bytes(), true).unwrap();
        }
        assert_eq!(fs::read(&path).unwrap(), b"five");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"four");
        assert_eq!(fs::read(backup_generation_path(&path, 1)).unwrap(), b"three");
        assert_eq!(fs::read(backup_generation_path(&path, 2)).unwrap(), b"two");
        assert_eq!(
            names(dir.path()),
            ["a.journey.ron", "a.journey.ron.bak", "a.journey.ron.bak.1", "a.journey.ron.bak.2"]
        );
    }

    #[test]
    fn writes_without_backup_leave_the_backups_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.journey.ron");
        write_atomically(&path, b"one", true).unwrap();
        write_atomically(&path, b"two", true).unwrap();
        write_atomically(&path, b"three", false).unwrap();
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        assert!(!backup_generation_path(&path, 1).exists());
    }

    #[test]
    fn temporary_names_are_recognised_exactly() {
        for name in
            [".a.journey.ron.wayline-AbC123.tmp", ".x.wayline-000000.tmp", ".a.bak.wayline-zzzzzz.tmp"]
        {
            assert!(is_temporary_name(OsStr::new(name)), "{name}");
        }
        for name in [
            "a.journey.ron",
            ".a.journey.ron.crashed.tmp",
            ".wayline-AbC123.tmp",
            "a.wayline-AbC123.tmp",
            ".a.wayline-AbC12.tmp",
            ".a.wayline-AbC1234.tmp",
            ".a.wayline-AbC-23.tmp",
            ".a.wayline-AbC123.tmp.keep",
            "notes.tmp",
            "",
        ] {
            assert!(!is_temporary_name(OsStr::new(name)), "{name}");
        }
        let dir = tempfile::tempdir().unwrap();
        let temp = temp_file_beside(&dir.path().join("b.journey.ron"), dir.path()).unwrap();
        assert!(is_temporary_name(temp.path().file_name().unwrap()), "{}", temp.path().display());
    }

    #[test]
    fn stale_temporary_files_of_ours_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let old = SystemTime::now() - Duration::from_hours(1);
        let create = |name: &str, modified: SystemTime| {
            let file = fs::File::create(dir.path().join(name)).unwrap();
            file.set_modified(modified).unwrap();
        };
        create(".a.journey.ron.wayline-Xy12Zz.tmp", old); // ours, left by a killed save: removed
        create(".other.journey.ron.bak.wayline-Q1w2E3.tmp", old); // ours, for another file: removed
        create(".a.journey.ron.wayline-Fresh1.tmp", SystemTime::now()); // maybe a live save: kept
        create(".a.journey.ron.crashed.tmp", old); // the user's
        create("draft.tmp", old); // the user's
        create(".a.journey.ron.wayline-short.tmp", old); // not our pattern
        fs::create_dir(dir.path().join(".d.wayline-Folder.tmp")).unwrap(); // a folder, kept
        write_atomically(&dir.path().join("a.journey.ron"), b"new", true).unwrap();
        assert_eq!(
            names(dir.path()),
            [
                ".a.journey.ron.crashed.tmp",
                ".a.journey.ron.wayline-Fresh1.tmp",
                ".a.journey.ron.wayline-short.tmp",
                ".d.wayline-Folder.tmp",
                "a.journey.ron",
                "draft.tmp",
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_named_like_a_temporary_file_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let precious = dir.path().join("precious.txt");
        fs::write(&precious, b"keep").unwrap();
        let link = dir.path().join(".p.wayline-Link01.tmp");
        std::os::unix::fs::symlink(&precious, &link).unwrap();
        remove_stale_temporaries(dir.path(), SystemTime::now() + Duration::from_hours(1));
        assert_eq!(fs::read(&precious).unwrap(), b"keep");
        assert!(fs::symlink_metadata(&link).is_ok());
        // A real file of ours, seen an hour later, is removed.
        fs::write(dir.path().join(".p.wayline-File01.tmp"), b"partial").unwrap();
        remove_stale_temporaries(dir.path(), SystemTime::now() + Duration::from_hours(1));
        assert!(!dir.path().join(".p.wayline-File01.tmp").exists());
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_relative_link_writes_the_real_file_and_backs_it_up_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("shared");
        let link_dir = dir.path().join("desk");
        fs::create_dir_all(&real_dir).unwrap();
        fs::create_dir_all(&link_dir).unwrap();
        let real = real_dir.join("study.journey.ron");
        fs::write(&real, b"old").unwrap();
        let link = link_dir.join("study.journey.ron");
        std::os::unix::fs::symlink("../shared/study.journey.ron", &link).unwrap();
        // A link to the link: chains are followed to the end.
        let second = dir.path().join("again.journey.ron");
        std::os::unix::fs::symlink(&link, &second).unwrap();

        let backup = write_atomically(&second, b"new", true).unwrap().unwrap();
        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(backup, fs::canonicalize(&real_dir).unwrap().join("study.journey.ron.bak"));
        assert_eq!(fs::read(&backup).unwrap(), b"old");
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(fs::symlink_metadata(&second).unwrap().file_type().is_symlink());
        assert_eq!(names(&link_dir), ["study.journey.ron"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_gets_its_file_and_a_loop_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.journey.ron");
        std::os::unix::fs::symlink("real.journey.ron", &link).unwrap();
        assert_eq!(write_atomically(&link, b"first", true).unwrap(), None);
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(dir.path().join("real.journey.ron")).unwrap(), b"first");

        let (a, b) = (dir.path().join("a.journey.ron"), dir.path().join("b.journey.ron"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(write_atomically(&a, b"never", true).is_err());
        assert!(fs::symlink_metadata(&a).unwrap().file_type().is_symlink());
        assert_eq!(
            names(dir.path()),
            ["a.journey.ron", "b.journey.ron", "link.journey.ron", "real.journey.ron"]
        );
    }
}
