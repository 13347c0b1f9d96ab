//! Owner coverage: per owner, what it owns, is accountable for, its pain points and the
//! handoffs in and out, on the whole map and per stage; cards nobody owns or is accountable for.

use super::handoffs::Handoff;
use super::settings::Settings;
use crate::model::{CardId, JourneyMap, OwnerId, Study};

/// Counts for one owner, on a map or in one stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Cards that list the owner among their owners.
    pub cards: usize,
    /// Cards the owner is accountable for.
    pub accountable: usize,
    /// Of the cards it owns, those the team flagged as pain points.
    pub pain_points: usize,
    /// Handoff edges arriving at a card the owner is accountable for.
    pub handoffs_in: usize,
    /// Handoff edges leaving a card the owner is accountable for.
    pub handoffs_out: usize,
}

impl Counts {
    /// Whether the owner does nothing here.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// One owner's coverage of a map.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerCoverage {
    /// The owner.
    pub owner: OwnerId,
    /// Over the whole map.
    pub total: Counts,
    /// Per stage, in spine order.
    pub per_stage: Vec<Counts>,
    /// Accountable for more than the load threshold (see [`Settings`]).
    pub overloaded: bool,
}

/// The coverage of a map: every owner of the study, in the study's order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Coverage {
    /// One entry per owner of the study.
    pub owners: Vec<OwnerCoverage>,
    /// Cards with no owner at all.
    pub unowned: Vec<CardId>,
    /// Cards with owners but none accountable.
    pub no_accountable: Vec<CardId>,
}

/// The coverage of `map` by the owners of `study`.
#[must_use]
pub fn coverage(study: &Study, map: &JourneyMap, handoffs: &[Handoff], settings: &Settings) -> Coverage {
    let index: std::collections::HashMap<OwnerId, usize> =
        study.owners.iter().enumerate().map(|(i, o)| (o.id, i)).collect();
    let stages = map.stages.len();
    let mut owners: Vec<OwnerCoverage> = study
        .owners
        .iter()
        .map(|o| OwnerCoverage {
            owner: o.id,
            total: Counts::default(),
            per_stage: vec![Counts::default(); stages],
            overloaded: false,
        })
        .collect();
    let mut stage_of: std::collections::HashMap<CardId, usize> = std::collections::HashMap::new();
    let mut accountable_of: std::collections::HashMap<CardId, OwnerId> = std::collections::HashMap::new();
    let mut result = Coverage::default();
    for (s, stage) in map.stages.iter().enumerate() {
        for card in &stage.cards {
            stage_of.entry(card.id).or_insert(s);
            let mut seen: Vec<OwnerId> = Vec::with_capacity(card.owners.len());
            for owner in &card.owners {
                if seen.contains(owner) {
                    continue;
                }
                seen.push(*owner);
                if let Some(&i) = index.get(owner) {
                    let entry = &mut owners[i];
                    for counts in [&mut entry.total, &mut entry.per_stage[s]] {
                        counts.cards += 1;
                        counts.pain_points += usize::from(card.flags.pain_point);
                    }
                }
            }
            match card.accountable.filter(|id| index.contains_key(id)) {
                Some(owner) => {
                    accountable_of.entry(card.id).or_insert(owner);
                    let i = index[&owner];
                    owners[i].total.accountable += 1;
                    owners[i].per_stage[s].accountable += 1;
                }
                None if card.owners.is_empty() => result.unowned.push(card.id),
                None => result.no_accountable.push(card.id),
            }
        }
    }
    for handoff in handoffs {
        if let (Some(&i), Some(&s)) = (index.get(&handoff.from_owner), stage_of.get(&handoff.from)) {
            owners[i].total.handoffs_out += 1;
            owners[i].per_stage[s].handoffs_out += 1;
        }
        if let (Some(&i), Some(&s)) = (index.get(&handoff.to_owner), stage_of.get(&handoff.to)) {
            owners[i].total.handoffs_in += 1;
            owners[i].per_stage[s].handoffs_in += 1;
        }
    }
    let cards = map.card_count();
    #[allow(clippy::cast_precision_loss, reason = "card counts are far below 2^24")]
    let threshold = (cards as f32 * settings.load_share).max(0.0);
    for owner in &mut owners {
        let load = owner.total.accountable;
        #[allow(clippy::cast_precision_loss, reason = "card counts are far below 2^24")]
        let above = load as f32 > threshold;
        owner.overloaded = above && load >= settings.load_minimum;
    }
    result.owners = owners;
    result
}
