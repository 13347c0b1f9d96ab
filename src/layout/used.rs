//! What a map's body actually drew, so the legend explains exactly that.

use super::markers::{Marker, Rag};
use crate::model::OwnerId;
use std::collections::BTreeSet;

#[derive(Debug, Default)]
#[allow(clippy::struct_excessive_bools, reason = "one yes/no per kind of legend entry")]
pub(crate) struct Used {
    pub markers: BTreeSet<Marker>,
    pub rag: BTreeSet<Rag>,
    pub gauge: bool,
    pub owners: BTreeSet<OwnerId>,
    pub flow: bool,
    pub dependency: bool,
    pub handoff: bool,
    pub elicited: bool,
    pub desired: bool,
    pub priorities: bool,
    /// Numbered notes for labelled links: (number, label).
    pub link_notes: Vec<(usize, String)>,
}

impl Used {
    /// Adds a numbered note for a labelled connector; returns its number.
    pub fn add_note(&mut self, label: &str) -> usize {
        self.link_notes.push((self.link_notes.len() + 1, label.to_owned()));
        self.link_notes.len()
    }
}
