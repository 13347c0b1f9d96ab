//! The method's numbers, computed from the model only: gaps between the internal and the
//! customer view, the importance × performance matrix, computed heat, priorities, handoffs
//! between owners, owner coverage, metric status, each stage's emotion, the numbered action
//! plan and the roll-up of a touchpoint from its detail map. The canvas, the posters and the
//! command line read them here, so every surface shows the same numbers. Definitions follow
//! the method's analysis notes; stage emotion, the numbering of the action plan and the edge
//! cases of the roll-up are this project's own rules.

pub mod coverage;
pub mod emotion;
pub mod gaps;
pub mod handoffs;
pub mod heat;
pub mod ipa;
pub mod map;
pub mod metrics;
pub mod plan;
pub mod report;
pub mod rollup;
pub mod settings;

pub use coverage::{Counts, Coverage, OwnerCoverage, coverage};
pub use emotion::{StageEmotion, stage_emotion};
pub use gaps::{CardGaps, LARGE_GAP, card_gaps};
pub use handoffs::{Handoff, handoff_edges, handoffs, per_stage as handoffs_per_stage};
pub use heat::{Heat, heat};
pub use ipa::{Matrix, Quadrant, in_view, matrix, matrix_in, priority};
pub use map::{CardAnalysis, MapAnalysis, MetricResult, Place, RankedRecommendation, analyse};
pub use metrics::{MetricStatus, metric_status};
pub use plan::{Action, action_plan, card_keys, keys_by_card};
pub use rollup::{REVIEW_DIFFERENCE, RollUp, ViewRollUp, rollup};
pub use settings::{Crosshairs, Settings, View};

/// A customer-view score, when known and finite.
#[must_use]
pub fn in_view_customer(scores: crate::model::ViewScores) -> Option<f32> {
    in_view(scores, View::Customer)
}
