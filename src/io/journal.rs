//! The recovery journal: unsaved work copied, every few seconds, to a folder of the user's data
//! (never next to the study), so that a crash, a kill or a power cut loses at most the last
//! second of edits.
//!
//! A journal is a valid study file whose first line is a comment naming the file it belongs to
//! (or none for a study that was never saved). Beside it, a lease file says which process
//! writes it; the process touches the lease while it runs and removes both files when it ends
//! normally. A journal whose lease is gone or stale was left by a session that did not end
//! normally, and is offered back on the next start. The same leases tell an editor that
//! another one has the same file open.

use super::atomic::write_atomically;
use super::format::{parse_study, to_ron_string};
use crate::model::Study;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The first line of every journal; the rest of the line is the path of the study's file.
const HEADER: &str = "// Wayline recovery of: ";
/// What the header says for a study that was never saved.
const UNSAVED: &str = "(unsaved study)";
/// A lease not touched for this long belongs to a process that is gone.
pub const LEASE_STALE_AFTER: Duration = Duration::from_secs(90);
/// How often a running editor touches its lease.
pub const LEASE_TOUCH_EVERY: Duration = Duration::from_secs(20);

/// The folder journals live in: `$XDG_DATA_HOME/wayline/recovery`, else
/// `~/.local/share/wayline/recovery` (on Windows `%LOCALAPPDATA%\Wayline\recovery`).
#[must_use]
pub fn default_folder() -> Option<PathBuf> {
    let from_env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if cfg!(windows) {
        return from_env("LOCALAPPDATA").map(|p| p.join("Wayline").join("recovery"));
    }
    from_env("XDG_DATA_HOME")
        .filter(|p| p.is_absolute())
        .or_else(|| from_env("HOME").map(|home| home.join(".local").join("share")))
        .map(|data| data.join("wayline").join("recovery"))
}

/// A stable, short name for a study's journal: a hash of its file's canonical path, or of a
/// number unique to this process for a study without a file.
fn key_for(file: Option<&Path>, untitled: u64) -> String {
    let text = match file {
        Some(path) => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).to_string_lossy().into_owned()
        }
        None => format!("untitled-{untitled}"),
    };
    let hash = super::stable_hash(text.as_bytes());
    let name = file
        .and_then(Path::file_stem)
        .map_or_else(|| "untitled".to_owned(), |s| s.to_string_lossy().into_owned());
    let safe: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .take(40)
        .collect();
    format!("{safe}-{hash:016x}")
}

/// The journal of one open study in one editor process, and its lease.
#[derive(Clone, Debug)]
pub struct Journal {
    folder: PathBuf,
    stem: String,
    file: Option<PathBuf>,
}

impl Journal {
    /// The journal for the study at `file` (or an unsaved one, told apart by `untitled`), kept
    /// in `folder` by this process.
    #[must_use]
    pub fn new(folder: &Path, file: Option<&Path>, untitled: u64) -> Self {
        // One process may hold several journals over its life (and tests run many editors in
        // one process): each gets its own number.
        static INSTANCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let instance = INSTANCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let stem = format!("{}-{}-{instance}", key_for(file, untitled), std::process::id());
        Self { folder: folder.to_path_buf(), stem, file: file.map(Path::to_path_buf) }
    }

    /// The journal file.
    #[must_use]
    pub fn path(&self) -> PathBuf {
        self.folder.join(format!("{}.journey.ron", self.stem))
    }

    fn lease_path(&self) -> PathBuf {
        self.folder.join(format!("{}.lease", self.stem))
    }

    /// Writes (or refreshes) the lease: this process has the study open.
    ///
    /// # Errors
    /// When the folder cannot be created or written.
    pub fn take_lease(&self) -> io::Result<()> {
        fs::create_dir_all(&self.folder)?;
        let file = self.file.as_ref().map_or_else(String::new, |p| p.display().to_string());
        write_atomically(&self.lease_path(), format!("{}\n{file}\n", std::process::id()).as_bytes(), false)?;
        Ok(())
    }

    /// Copies the study into the journal, atomically.
    ///
    /// # Errors
    /// When the study cannot be written as text or the file cannot be written.
    pub fn write(&self, study: &Study) -> io::Result<()> {
        let text = to_ron_string(study).map_err(io::Error::other)?;
        let belongs = self.file.as_ref().map_or_else(|| UNSAVED.to_owned(), |p| p.display().to_string());
        // The header is one line: a path with a line break in it is written escaped.
        let belongs = belongs.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r");
        fs::create_dir_all(&self.folder)?;
        write_atomically(&self.path(), format!("{HEADER}{belongs}\n{text}").as_bytes(), false)?;
        self.take_lease()
    }

    /// Removes the journal (the study was saved, or its changes undone); the lease stays.
    pub fn discard(&self) {
        let _ = fs::remove_file(self.path());
    }

    /// Removes the journal and the lease: the study was closed normally.
    pub fn close(&self) {
        self.discard();
        let _ = fs::remove_file(self.lease_path());
    }
}

/// A journal left by a session that did not end normally.
#[derive(Clone, Debug)]
pub struct Leftover {
    /// The journal file.
    pub journal: PathBuf,
    /// The study file it belongs to, or `None` for a study that was never saved.
    pub file: Option<PathBuf>,
    /// When the journal was last written.
    pub written: Option<SystemTime>,
}

impl Leftover {
    /// Reads the study in the journal.
    ///
    /// # Errors
    /// When the journal cannot be read or parsed.
    pub fn study(&self) -> Result<Study, super::LoadError> {
        let text = fs::read_to_string(&self.journal)
            .map_err(|source| super::LoadError::Read { path: self.journal.display().to_string(), source })?;
        parse_study(&text, &self.journal.display().to_string())
    }

    /// Deletes the journal (the user recovered or discarded it).
    pub fn remove(&self) {
        let _ = fs::remove_file(&self.journal);
        let _ = fs::remove_file(self.journal.with_extension("").with_extension("lease"));
    }
}

/// Whether a lease file belongs to a running process: touched recently, and on Linux its
/// process still exists.
fn lease_is_live(lease: &Path) -> bool {
    let Ok(metadata) = fs::metadata(lease) else { return false };
    let fresh =
        metadata.modified().ok().and_then(|m| m.elapsed().ok()).is_some_and(|age| age < LEASE_STALE_AFTER);
    if !fresh {
        return false;
    }
    if cfg!(target_os = "linux") {
        let pid = fs::read_to_string(lease)
            .ok()
            .and_then(|t| t.lines().next().and_then(|l| l.trim().parse::<u32>().ok()));
        return pid.is_some_and(process_is_running);
    }
    true
}

/// Whether a process runs (Linux): it exists and is not a zombie waiting to be reaped, as a
/// killed editor is until its parent collects it.
fn process_is_running(pid: u32) -> bool {
    let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else { return false };
    // The state follows the command name, which is in parentheses and may contain spaces.
    let state = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().next());
    !matches!(state, Some("Z" | "X" | "x"))
}

/// The stem shared by a journal and its lease: the file name without `.journey.ron`.
fn stem_of(journal: &Path) -> Option<String> {
    journal.file_name()?.to_str()?.strip_suffix(".journey.ron").map(str::to_owned)
}

/// Journals in `folder` whose writers are gone: each is work that was never saved. Leases of
/// gone editors that left no journal (they had nothing unsaved) are tidied away.
#[must_use]
pub fn leftovers(folder: &Path) -> Vec<Leftover> {
    let Ok(entries) = fs::read_dir(folder) else { return Vec::new() };
    let paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    for lease in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "lease")) {
        if !lease.with_extension("journey.ron").exists() && !lease_is_live(lease) {
            let _ = fs::remove_file(lease);
        }
    }
    let mut found: Vec<Leftover> = paths
        .into_iter()
        .filter_map(|journal| {
            let stem = stem_of(&journal)?;
            if lease_is_live(&folder.join(format!("{stem}.lease"))) {
                return None;
            }
            let first = fs::read_to_string(&journal).ok()?.lines().next()?.to_owned();
            let belongs = first.strip_prefix(HEADER)?;
            let file = (belongs != UNSAVED).then(|| {
                PathBuf::from(belongs.replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\"))
            });
            let written = fs::metadata(&journal).and_then(|m| m.modified()).ok();
            Some(Leftover { journal, file, written })
        })
        .collect();
    found.sort_by_key(|l| std::cmp::Reverse(l.written));
    found
}

/// Other running editors that have the study at `file` open (their process ids).
#[must_use]
pub fn other_editors(folder: &Path, file: &Path) -> Vec<u32> {
    let key = key_for(Some(file), 0);
    let Ok(entries) = fs::read_dir(folder) else { return Vec::new() };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_owned();
            let rest = name.strip_prefix(&format!("{key}-"))?.strip_suffix(".lease")?;
            let pid = rest.split('-').next()?.parse::<u32>().ok()?;
            (pid != std::process::id() && lease_is_live(&e.path())).then_some(pid)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_is_a_study_file_that_names_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let study = crate::templates::find("starter").unwrap().study().unwrap();
        let file = dir.path().join("workshop.journey.ron");
        let journal = Journal::new(dir.path(), Some(&file), 0);
        journal.write(&study).unwrap();
        // Valid as a study file on its own.
        assert_eq!(crate::io::load_study(&journal.path()).unwrap(), study);
        // Our own lease is live: nothing is left over while we run.
        assert!(leftovers(dir.path()).is_empty());
        // Without the lease (the process was killed and its lease went stale), it is offered.
        let _ = fs::remove_file(journal.lease_path());
        let found = leftovers(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file.as_deref(), Some(file.as_path()));
        assert_eq!(found[0].study().unwrap(), study);
        found[0].remove();
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn an_unsaved_study_and_odd_paths_survive_the_header() {
        let dir = tempfile::tempdir().unwrap();
        let study = crate::templates::find("starter").unwrap().study().unwrap();
        let odd = dir.path().join("line\nbreak \\ name.journey.ron");
        for file in [None, Some(odd.as_path())] {
            let journal = Journal::new(dir.path(), file, 7);
            journal.write(&study).unwrap();
            let _ = fs::remove_file(journal.lease_path());
            let found = leftovers(dir.path());
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].file.as_deref(), file);
            found[0].remove();
        }
    }

    #[test]
    fn a_closed_journal_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let study = crate::templates::find("starter").unwrap().study().unwrap();
        let journal = Journal::new(dir.path(), None, 1);
        journal.write(&study).unwrap();
        journal.close();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn another_editor_on_the_same_file_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("shared.journey.ron");
        fs::write(&file, "x").unwrap();
        // A lease written by another live process (our parent's id stands in for it).
        let other = std::os::unix::process::parent_id();
        let stem = format!("{}-{other}-0", key_for(Some(&file), 0));
        fs::write(dir.path().join(format!("{stem}.lease")), format!("{other}\n")).unwrap();
        assert_eq!(other_editors(dir.path(), &file), vec![other]);
        // Our own lease does not count.
        Journal::new(dir.path(), Some(&file), 0).take_lease().unwrap();
        assert_eq!(other_editors(dir.path(), &file), vec![other]);
    }
}
