//! What a map's body actually drew, so the legend explains exactly that.

use super::markers::{Marker, Rag};
use crate::analysis::MetricStatus;
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
    /// A stage's mean emotion drawn as a band.
    pub emotion_mean: bool,
    pub priorities: bool,
    /// A finished recommendation, drawn muted.
    pub done: bool,
    /// Recommendation numbers keyed to the cards they fix.
    pub keys: bool,
    /// Customer performance on a tinted chip.
    pub performance: bool,
    /// Customer importance with its meter.
    pub importance: bool,
    /// The perception gap badge.
    pub gap: bool,
    /// A value printed with "off scale".
    pub off_scale: bool,
    /// A touchpoint's performance rolled up from its detail map's steps.
    pub rollup: bool,
    /// The review flag: stated and rolled-up performance differ by 2 or more.
    pub review: bool,
    /// A card's detail mark: another map details it.
    pub detail: bool,
    /// The detail maps added up so far, so each is added up once per layout.
    pub rollups: crate::analysis::rollup::RollUps,
    /// Stage metric marks: met, missed, unknown (in that order of first use).
    pub metric_status: Vec<MetricStatus>,
    /// Numbered notes for labelled links: (number, label).
    pub link_notes: Vec<(usize, String)>,
}

impl Used {
    /// Adds a numbered note for a labelled connector; returns its number.
    pub fn add_note(&mut self, label: &str) -> usize {
        self.link_notes.push((self.link_notes.len() + 1, label.to_owned()));
        self.link_notes.len()
    }

    /// Records a metric mark.
    pub fn add_metric_status(&mut self, status: MetricStatus) {
        if !self.metric_status.contains(&status) {
            self.metric_status.push(status);
        }
    }
}
