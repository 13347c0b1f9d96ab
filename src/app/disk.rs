//! The open study's file on disk: noticing when someone else changes it (a watch on its folder,
//! and a check before every save), and whether it may be written at all (read-only files).

use crate::model::Study;
use notify::Watcher as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::SystemTime;

/// What the file looked like when the editor last read or wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

/// The hash that tells a change of content from a touch.
fn hash(bytes: &[u8]) -> u64 {
    crate::io::stable_hash(bytes)
}

/// The stamp of the file now, reading it only when its size or time differs from `known`.
fn stamp(path: &Path, known: Option<&Stamp>) -> Option<Stamp> {
    let metadata = std::fs::metadata(path).ok()?;
    let (len, modified) = (metadata.len(), metadata.modified().ok());
    if let Some(known) = known
        && known.len == len
        && known.modified == modified
    {
        return Some(known.clone());
    }
    let bytes = std::fs::read(path).ok()?;
    Some(Stamp { len, modified, hash: hash(&bytes) })
}

/// What happened to the file since the editor last read or wrote it.
#[derive(Debug)]
pub(crate) enum Change {
    /// Nothing (or only its time: the content is the same).
    None,
    /// Someone else wrote a new version, which reads as this study.
    Rewritten(Box<Study>),
    /// Someone else wrote something that does not read as a study.
    Unreadable(String),
    /// The file is gone (deleted or moved).
    Deleted,
}

/// A change of the file already reported to the user.
#[derive(Debug, PartialEq, Eq)]
enum Reported {
    /// The file was gone.
    Gone,
    /// The file had this content.
    Content(u64),
}

impl Reported {
    fn of(stamp: Option<&Stamp>) -> Self {
        stamp.map_or(Self::Gone, |s| Self::Content(s.hash))
    }
}

/// The open study's file and what the editor knows of it.
#[derive(Default)]
pub(crate) struct Disk {
    path: Option<PathBuf>,
    known: Option<Stamp>,
    /// The change the user was last told about, so it is not reported again every frame.
    reported: Option<Reported>,
    watcher: Option<notify::RecommendedWatcher>,
    events: Option<Receiver<()>>,
    /// The file cannot be written: Save offers Save as.
    pub read_only: bool,
}

impl Disk {
    /// Starts following `path` (just read or written): its stamp now, whether it is
    /// read-only, and a watch on its folder that wakes `ctx` when something there changes.
    pub(crate) fn follow(path: Option<&Path>, ctx: Option<&egui::Context>) -> Self {
        let Some(path) = path else { return Self::default() };
        let known = stamp(path, None);
        let read_only = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
        let (watcher, events) = watch(path, ctx).map_or((None, None), |(w, e)| (Some(w), Some(e)));
        Self { path: Some(path.to_path_buf()), known, reported: None, watcher, events, read_only }
    }

    /// Whether the watch saw something happen in the file's folder since the last call.
    pub(crate) fn poked(&mut self) -> bool {
        let Some(events) = &self.events else { return false };
        let mut poked = false;
        while events.try_recv().is_ok() {
            poked = true;
        }
        poked
    }

    /// What changed on disk since the editor last read or wrote the file. A change already
    /// reported is not reported again until the file changes once more.
    pub(crate) fn check(&mut self) -> Change {
        let Some(path) = self.path.clone() else { return Change::None };
        let now = stamp(&path, self.known.as_ref());
        if now.as_ref().map(|s| s.hash) == self.known.as_ref().map(|s| s.hash) {
            // Same content (perhaps touched): remember the new time so it is not read again.
            if now.is_some() {
                self.known = now;
            }
            self.reported = None;
            return Change::None;
        }
        let reported = Reported::of(now.as_ref());
        if self.reported.as_ref() == Some(&reported) {
            return Change::None;
        }
        self.reported = Some(reported);
        if now.is_none() {
            return Change::Deleted;
        }
        match crate::io::load_study(&path) {
            Ok(study) => Change::Rewritten(Box::new(study)),
            Err(error) => Change::Unreadable(error.to_string()),
        }
    }

    /// Whether the file changed on disk since the editor last read or wrote it, whether or
    /// not the change was reported already (checked before every save).
    pub(crate) fn changed_since_known(&self) -> bool {
        let Some(path) = &self.path else { return false };
        let now = stamp(path, self.known.as_ref());
        match (&now, &self.known) {
            (Some(now), Some(known)) => now.hash != known.hash,
            // Gone since we read it: writing it again loses nothing.
            (None, _) => false,
            // It did not exist when we started following it and now does.
            (Some(_), None) => true,
        }
    }

    /// The user chose to keep their version over the one on disk: the next save replaces it.
    pub(crate) fn accept_disk_version(&mut self) {
        if let Some(path) = &self.path {
            self.known = stamp(path, None);
        }
        self.reported = None;
    }

    /// The file the editor follows.
    pub(crate) fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether a watch is running (tests and diagnostics).
    #[allow(dead_code, reason = "kept for diagnostics in the status bar's tooltip")]
    pub(crate) fn is_watching(&self) -> bool {
        self.watcher.is_some()
    }
}

/// A watch on the folder of `path` (a file replaced by a rename is a new file: watching the
/// file itself would lose it), reporting events about that file name only.
fn watch(path: &Path, ctx: Option<&egui::Context>) -> Option<(notify::RecommendedWatcher, Receiver<()>)> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."));
    let name = path.file_name()?.to_owned();
    let (sender, receiver) = channel();
    let ctx = ctx.cloned();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.paths.iter().any(|p| p.file_name() == Some(name.as_os_str())) {
            let _ = sender.send(());
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        }
    })
    .ok()?;
    watcher.watch(folder, notify::RecursiveMode::NonRecursive).ok()?;
    Some((watcher, receiver))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starter() -> Study {
        crate::templates::find("starter").unwrap().study().unwrap()
    }

    #[test]
    fn a_rewrite_by_someone_else_is_seen_once_and_a_touch_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.journey.ron");
        crate::io::save_study(&starter(), &path).unwrap();
        let mut disk = Disk::follow(Some(&path), None);
        assert!(matches!(disk.check(), Change::None));
        // The same bytes written again: not a change.
        std::fs::write(&path, std::fs::read(&path).unwrap()).unwrap();
        assert!(matches!(disk.check(), Change::None));
        assert!(!disk.changed_since_known());
        // A real change is reported once, and still blocks a silent save.
        let mut theirs = starter();
        theirs.meta.title = "Their title".to_owned();
        std::fs::write(&path, crate::io::to_ron_string(&theirs).unwrap()).unwrap();
        match disk.check() {
            Change::Rewritten(study) => assert_eq!(study.meta.title, "Their title"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(disk.check(), Change::None));
        assert!(disk.changed_since_known());
        disk.accept_disk_version();
        assert!(!disk.changed_since_known());
    }

    #[test]
    fn broken_and_deleted_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.journey.ron");
        crate::io::save_study(&starter(), &path).unwrap();
        let mut disk = Disk::follow(Some(&path), None);
        std::fs::write(&path, "(format_version: 1, maps: [").unwrap();
        assert!(matches!(disk.check(), Change::Unreadable(_)));
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(disk.check(), Change::Deleted));
        assert!(!disk.changed_since_known(), "a deleted file may be written again");
    }

    #[test]
    fn a_read_only_file_is_known_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("locked.journey.ron");
        crate::io::save_study(&starter(), &path).unwrap();
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).unwrap();
        assert!(Disk::follow(Some(&path), None).read_only);
    }
}
