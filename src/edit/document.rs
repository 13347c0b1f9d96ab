//! An open study: its file, its history, and whether it has unsaved changes.

use super::apply::{Edit, EditError, apply_all};
use super::history::{History, MergeKey};
use crate::model::Study;
use std::path::{Path, PathBuf};

/// A number never handed out before in this process: generations of different documents never
/// collide, so a cache keyed by generation cannot serve one document's scene for another.
fn next_generation() -> u64 {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A study being edited. All changes go through [`Document::apply`], so every change is
/// undoable and counted as unsaved.
#[derive(Debug)]
pub struct Document {
    study: Study,
    path: Option<PathBuf>,
    history: History,
    saved_position: Option<u64>,
    generation: u64,
}

impl Document {
    /// A document for a study loaded from `path` (or a new one without a path). It starts
    /// clean: there is nothing to lose until the user changes something.
    #[must_use]
    pub fn new(study: Study, path: Option<PathBuf>) -> Self {
        Self {
            study,
            path,
            history: History::default(),
            saved_position: Some(0),
            generation: next_generation(),
        }
    }

    /// A document for work recovered after a crash: the study belongs to `path` but its
    /// changes were never saved there, so it starts with unsaved changes.
    #[must_use]
    pub fn recovered(study: Study, path: Option<PathBuf>) -> Self {
        Self { saved_position: None, ..Self::new(study, path) }
    }

    /// The study.
    #[must_use]
    pub fn study(&self) -> &Study {
        &self.study
    }

    /// The file the study was loaded from or last saved to.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Applies a group of edits as one undoable step labelled `label`.
    ///
    /// # Errors
    /// When an edit refers to something that is not there; the study is then unchanged.
    pub fn apply(&mut self, label: &str, edits: Vec<Edit>) -> Result<(), EditError> {
        self.apply_merging(label, edits, None)
    }

    /// Like [`Document::apply`], merging into the open step with the same key (typing in one
    /// field is one step until the field loses focus).
    ///
    /// # Errors
    /// When an edit refers to something that is not there; the study is then unchanged.
    pub fn apply_merging(
        &mut self,
        label: &str,
        edits: Vec<Edit>,
        merge: Option<MergeKey>,
    ) -> Result<(), EditError> {
        if edits.is_empty() {
            return Ok(());
        }
        let forward = edits.clone();
        let inverses = apply_all(&mut self.study, edits)?;
        // An edit whose inverse is itself put back what was already there (a replace with the
        // same value, a move to the same place): the study did not change, so neither does the
        // history, the unsaved state or the generation.
        if forward.iter().eq(inverses.iter().rev()) {
            return Ok(());
        }
        self.history.record(label, inverses, merge);
        self.generation = next_generation();
        Ok(())
    }

    /// Ends the current continuous edit (a field lost focus, a gesture ended).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Undoes the last step; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.study).unwrap_or(false);
        if done {
            self.generation = next_generation();
        }
        done
    }

    /// Redoes the last undone step; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.study).unwrap_or(false);
        if done {
            self.generation = next_generation();
        }
        done
    }

    /// The history, for labels and depth.
    #[must_use]
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Whether the study differs from the file (or was never saved).
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved_position != Some(self.history.position())
    }

    /// Records that the study was just saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.history.seal();
        self.path = Some(path);
        self.saved_position = Some(self.history.position());
    }

    /// A number that changes whenever the study does (and differs between documents), for
    /// caches.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }
}
