//! Autosave for crash recovery: the editor's side of [`crate::io::journal`]. Unsaved work is
//! written to the journal about a second after the user stops editing, and at least every
//! thirty seconds while they keep editing; saving, undoing back to the saved state or closing
//! normally removes it. On start, journals left by sessions that did not end normally are
//! offered back.

use crate::edit::Document;
use crate::io::journal::{self, Journal, Leftover};
use crate::model::Study;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Seconds of quiet after an edit before the journal is written.
const QUIET_SECONDS: f64 = 1.0;
/// The longest continuous editing goes without a journal write.
const AT_LEAST_EVERY_SECONDS: f64 = 30.0;

/// The journal of the open document and when it was last written.
#[derive(Default)]
pub(crate) struct Recovery {
    folder: Option<PathBuf>,
    journal: Option<Journal>,
    /// The generation of the study the journal holds (or that needs none: saved).
    journaled: Option<u64>,
    /// Whether a journal file is on disk.
    written: bool,
    /// The generation seen last frame, and when it changed.
    seen: Option<(u64, f64)>,
    /// Since when there are changes the journal does not hold.
    pending_since: Option<f64>,
    /// When the lease was last refreshed; `None` until the first frame.
    last_lease: Option<f64>,
    untitled: u64,
    /// Set when the process is asked to end (logout, shutdown): flush and leave.
    pub(crate) terminate: Arc<AtomicBool>,
    /// Keep the journal when the window closes: the session did not end by the user's choice.
    pub(crate) keep_on_exit: bool,
}

impl Recovery {
    /// Journals go to `folder`; `None` turns recovery off (tests, or no home folder).
    pub(crate) fn new(folder: Option<PathBuf>) -> Self {
        Self { folder, ..Self::default() }
    }

    /// Starts journalling `doc` (just opened, created, recovered or saved under a new name):
    /// the previous document's journal is closed, this one's lease taken.
    pub(crate) fn attach(&mut self, doc: &Document) {
        if let Some(old) = self.journal.take() {
            old.close();
        }
        let Some(folder) = &self.folder else { return };
        self.untitled += 1;
        let journal = Journal::new(folder, doc.path(), self.untitled);
        let _ = journal.take_lease();
        self.journal = Some(journal);
        self.journaled = (!doc.is_dirty()).then_some(doc.generation());
        self.written = false;
        self.seen = None;
        self.last_lease = None;
    }

    /// Once a frame: writes the journal when the study has unsaved changes and the user paused
    /// (or has been editing for long), removes it when there is nothing unsaved, and keeps the
    /// lease fresh. Asks for a repaint when a write is due later. Returns whether the lease
    /// was refreshed (a moment to look for other editors again).
    pub(crate) fn tick(&mut self, ctx: &egui::Context, doc: &Document) -> bool {
        let Some(journal) = &self.journal else { return false };
        let mut refreshed = false;
        let now = ctx.input(|i| i.time);
        let generation = doc.generation();
        match self.seen {
            Some((seen, _)) if seen == generation => {}
            _ => self.seen = Some((generation, now)),
        }
        let every = journal::LEASE_TOUCH_EVERY.as_secs_f64();
        if self.last_lease.is_none_or(|at| now - at >= every) {
            let _ = journal.take_lease();
            self.last_lease = Some(now);
            refreshed = true;
        }
        // Wake for the next refresh even when nothing else happens (a timer may fire a little
        // early: ask again each frame for what is left).
        let left = self.last_lease.map_or(every, |at| at + every - now);
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(left.max(0.05)));
        if !doc.is_dirty() {
            if self.written {
                journal.discard();
                self.written = false;
            }
            self.journaled = Some(generation);
            return refreshed;
        }
        if self.journaled == Some(generation) {
            self.pending_since = None;
            return refreshed;
        }
        let pending_since = *self.pending_since.get_or_insert(now);
        let changed_at = self.seen.map_or(now, |(_, at)| at);
        let quiet = now - changed_at >= QUIET_SECONDS;
        let overdue = now - pending_since >= AT_LEAST_EVERY_SECONDS;
        if quiet || overdue {
            self.write(doc);
        } else {
            let wait = (QUIET_SECONDS - (now - changed_at)).max(0.05);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        refreshed
    }

    fn write(&mut self, doc: &Document) {
        let Some(journal) = &self.journal else { return };
        if journal.write(doc.study()).is_ok() {
            self.written = true;
            self.journaled = Some(doc.generation());
            self.pending_since = None;
        }
    }

    /// Writes the journal now if there is unsaved work (the process is about to end).
    pub(crate) fn flush(&mut self, doc: &Document) {
        if doc.is_dirty() && self.journaled != Some(doc.generation()) {
            self.write(doc);
        }
    }

    /// The window closes: by the user's choice the journal goes; when the process was asked
    /// to end, it stays to be offered next time.
    pub(crate) fn on_exit(&mut self, doc: &Document) {
        if self.keep_on_exit {
            self.flush(doc);
        } else if let Some(journal) = self.journal.take() {
            journal.close();
        }
    }

    /// Journals of sessions that did not end normally.
    pub(crate) fn leftovers(&self) -> Vec<Leftover> {
        self.folder.as_deref().map(journal::leftovers).unwrap_or_default()
    }

    /// Other running editors that have `file` open.
    pub(crate) fn other_editors(&self, file: &Path) -> Vec<u32> {
        self.folder.as_deref().map(|f| journal::other_editors(f, file)).unwrap_or_default()
    }
}

/// What differs between the saved file and recovered work, in a few lines for the user.
pub(crate) fn differences(saved: &Study, recovered: &Study) -> Vec<String> {
    let mut lines = Vec::new();
    if saved.meta != recovered.meta {
        lines.push("The study's details (title, dates, notes…) differ".to_owned());
    }
    let names = |owners: &[crate::model::Owner], others: &Study| -> Vec<String> {
        owners.iter().filter(|o| others.owner(o.id).is_none()).map(|o| o.name.clone()).collect()
    };
    for (what, list) in
        [("added", names(&recovered.owners, saved)), ("removed", names(&saved.owners, recovered))]
    {
        if !list.is_empty() {
            lines.push(format!("{} {what}: {}", crate::words::count(list.len(), "owner"), list.join(", ")));
        }
    }
    let changed: Vec<&str> = recovered
        .owners
        .iter()
        .filter(|o| saved.owner(o.id).is_some_and(|before| before != *o))
        .map(|o| o.name.as_str())
        .collect();
    if !changed.is_empty() {
        lines.push(format!(
            "{} changed: {}",
            crate::words::count(changed.len(), "owner"),
            changed.join(", ")
        ));
    }
    if saved.personas != recovered.personas {
        lines.push("Personas differ".to_owned());
    }
    for map in &recovered.maps {
        let Some(old) = saved.map(map.id) else {
            lines.push(format!("New map “{}”", map.title));
            continue;
        };
        let mut added = Vec::new();
        let mut changed = Vec::new();
        for card in map.cards() {
            match old.card(card.id) {
                None => added.push(card.title.as_str()),
                Some(before) if before != card => changed.push(card.title.as_str()),
                Some(_) => {}
            }
        }
        let removed: Vec<&str> =
            old.cards().filter(|c| map.card(c.id).is_none()).map(|c| c.title.as_str()).collect();
        let stages_differ =
            old.stages.iter().map(|s| (s.id, &s.name)).ne(map.stages.iter().map(|s| (s.id, &s.name)));
        let mut parts = Vec::new();
        for (what, titles) in [("added", &added), ("changed", &changed), ("removed", &removed)] {
            if !titles.is_empty() {
                let shown: Vec<&str> = titles.iter().take(5).copied().collect();
                let more =
                    if titles.len() > 5 { format!(" and {} more", titles.len() - 5) } else { String::new() };
                parts.push(format!(
                    "{} {what} ({}{more})",
                    crate::words::count(titles.len(), "card"),
                    shown.join(", ")
                ));
            }
        }
        if stages_differ {
            parts.push("stages renamed, added, removed or moved".to_owned());
        }
        if old.links != map.links || crate::edit::MapInfo::of(old) != crate::edit::MapInfo::of(map) {
            parts.push("map settings or links changed".to_owned());
        }
        if !parts.is_empty() {
            lines.push(format!("Map “{}”: {}", map.title, parts.join("; ")));
        }
    }
    for map in saved.maps.iter().filter(|m| recovered.map(m.id).is_none()) {
        lines.push(format!("Map “{}” removed", map.title));
    }
    if lines.is_empty() {
        lines.push("No differences: the recovered work matches the saved file".to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_name_what_changed() {
        let saved = crate::templates::find("starter").unwrap().study().unwrap();
        let mut recovered = saved.clone();
        recovered.maps[0].stages[0].cards[0].title = "Renamed".to_owned();
        recovered.maps[0].stages[1].cards.remove(0);
        let lines = differences(&saved, &recovered);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("1 card changed (Renamed)"), "{lines:?}");
        assert!(lines[0].contains("1 card removed"), "{lines:?}");
        assert_eq!(
            differences(&saved, &saved),
            ["No differences: the recovered work matches the saved file"]
        );
    }
}
