//! Everything the method reads off one map, computed in one pass: per-card gaps, quadrant,
//! heat and priority; the matrix; the ranked gaps; handoffs; owner coverage; metrics against
//! target; recommendations ranked; the roll-up of each touchpoint that has a detail map (the
//! one part that reads other maps of the study).

use super::coverage::{Coverage, coverage};
use super::gaps::{CardGaps, card_gaps};
use super::handoffs::{Handoff, handoffs};
use super::heat::{Heat, heat};
use super::ipa::{Matrix, Quadrant, in_view, matrix, priority};
use super::metrics::{MetricStatus, metric_status};
use super::rollup::{RollUp, RollUps};
use super::settings::{Settings, View};
use crate::model::{CardId, JourneyMap, Recommendation, StageId, Study};

/// What the analysis says about one card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardAnalysis {
    /// The card.
    pub card: CardId,
    /// The stage it is in.
    pub stage: StageId,
    /// Its gaps.
    pub gaps: CardGaps,
    /// Its quadrant in the settings' view, when both scores are known there.
    pub quadrant: Option<Quadrant>,
    /// The heat its scores give it.
    pub heat: Heat,
    /// Whether that heat differs from the team's flags.
    pub flags_disagree: bool,
    /// The priority to fix it, when the customer scores are known.
    pub priority: Option<f32>,
    /// What its detail map's steps add up to, when it has one.
    pub rollup: Option<RollUp>,
}

/// Where a metric or a recommendation sits: on a stage or on a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// On a stage.
    Stage(StageId),
    /// On a card (and the stage it is in).
    Card(CardId, StageId),
}

/// A metric's standing against its target.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricResult {
    /// Where the metric is.
    pub place: Place,
    /// Its position in that place's list.
    pub index: usize,
    /// Met, missed or unknown.
    pub status: MetricStatus,
}

/// A recommendation in the ranked action plan.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedRecommendation {
    /// Where it is.
    pub place: Place,
    /// Its position in that place's list.
    pub index: usize,
    /// A copy of it.
    pub recommendation: Recommendation,
}

/// The analysis of one map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapAnalysis {
    /// The settings it was made with.
    pub settings: Settings,
    /// One entry per card, in journey order.
    pub cards: Vec<CardAnalysis>,
    /// The importance × performance matrix in the settings' view.
    pub matrix: Matrix,
    /// Cards by |performance gap| × customer importance, largest first; cards whose product is
    /// unknown after them (those with a known gap first), in journey order.
    pub ranked_gaps: Vec<CardId>,
    /// Every handoff.
    pub handoffs: Vec<Handoff>,
    /// Owner coverage.
    pub coverage: Coverage,
    /// Every metric of the map's stages and cards, in file order.
    pub metrics: Vec<MetricResult>,
    /// Every recommendation across the map, most urgent first ([`super::plan::urgency`]).
    pub recommendations: Vec<RankedRecommendation>,
    /// Where each card's entry is in `cards`.
    index: std::collections::HashMap<CardId, usize>,
}

impl MapAnalysis {
    /// The analysis of one card.
    #[must_use]
    pub fn card(&self, id: CardId) -> Option<&CardAnalysis> {
        self.index.get(&id).and_then(|&i| self.cards.get(i))
    }

    /// The metrics that miss their target.
    pub fn missed(&self) -> impl Iterator<Item = &MetricResult> {
        self.metrics.iter().filter(|m| m.status == MetricStatus::Missed)
    }
}

/// Analyses `map` of `study`.
#[must_use]
pub fn analyse(study: &Study, map: &JourneyMap, settings: &Settings) -> MapAnalysis {
    let matrix = matrix(map, settings);
    let quadrants: std::collections::HashMap<CardId, Quadrant> =
        matrix.points.iter().map(|p| (p.card, matrix.quadrant_of(p.importance, p.performance))).collect();
    let mut cards = Vec::with_capacity(map.card_count());
    let mut metrics = Vec::new();
    let mut recommendations = Vec::new();
    let mut rollups = RollUps::default();
    for stage in &map.stages {
        for (index, metric) in stage.metrics.iter().enumerate() {
            metrics.push(MetricResult {
                place: Place::Stage(stage.id),
                index,
                status: metric_status(metric),
            });
        }
        for (index, r) in stage.recommendations.iter().enumerate() {
            recommendations.push(RankedRecommendation {
                place: Place::Stage(stage.id),
                index,
                recommendation: r.clone(),
            });
        }
        for card in &stage.cards {
            let computed = heat(card, settings);
            cards.push(CardAnalysis {
                card: card.id,
                stage: stage.id,
                gaps: card_gaps(card),
                quadrant: quadrants.get(&card.id).copied(),
                heat: computed,
                flags_disagree: computed.disagrees_with(card.flags),
                priority: priority(card, settings.large_gap),
                rollup: rollups.of(study, card),
            });
            let place = Place::Card(card.id, stage.id);
            for (index, metric) in card.metrics.iter().enumerate() {
                metrics.push(MetricResult { place, index, status: metric_status(metric) });
            }
            for (index, r) in card.recommendations.iter().enumerate() {
                recommendations.push(RankedRecommendation { place, index, recommendation: r.clone() });
            }
        }
    }
    recommendations.sort_by_key(|r| super::plan::urgency(&r.recommendation));
    let ranked_gaps = rank_gaps(map, &cards);
    let handoffs = handoffs(map);
    let coverage = coverage(study, map, &handoffs, settings);
    let mut index = std::collections::HashMap::with_capacity(cards.len());
    for (i, card) in cards.iter().enumerate() {
        index.entry(card.card).or_insert(i);
    }
    MapAnalysis {
        settings: *settings,
        cards,
        matrix,
        ranked_gaps,
        handoffs,
        coverage,
        metrics,
        recommendations,
        index,
    }
}

/// Cards ranked by |performance gap| × customer importance.
fn rank_gaps(map: &JourneyMap, cards: &[CardAnalysis]) -> Vec<CardId> {
    let importance: std::collections::HashMap<CardId, Option<f32>> =
        map.cards().map(|c| (c.id, in_view(c.importance, View::Customer))).collect();
    let mut keyed: Vec<(usize, Option<f32>, bool, CardId)> = cards
        .iter()
        .enumerate()
        .map(|(order, c)| {
            let weight = importance.get(&c.card).copied().flatten();
            let score = c.gaps.performance.zip(weight).map(|(gap, w)| gap.abs() * w);
            (order, score, c.gaps.performance.is_some(), c.card)
        })
        .collect();
    keyed.sort_by(|a, b| {
        match (a.1, b.1) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => b.2.cmp(&a.2),
        }
        .then(a.0.cmp(&b.0))
    });
    keyed.into_iter().map(|k| k.3).collect()
}
