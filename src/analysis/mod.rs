//! The method's numbers, computed from the model only: gaps between the internal and the
//! customer view, the importance × performance matrix, computed heat, priorities, handoffs
//! between owners, owner coverage and metric status. The canvas, the posters and the command
//! line read them here, so every surface shows the same numbers.

pub mod coverage;
pub mod gaps;
pub mod handoffs;
pub mod heat;
pub mod ipa;
pub mod map;
pub mod metrics;
pub mod report;
pub mod settings;

pub use coverage::{Counts, Coverage, OwnerCoverage, coverage};
pub use gaps::{CardGaps, LARGE_GAP, card_gaps};
pub use handoffs::{Handoff, handoffs, per_stage as handoffs_per_stage};
pub use heat::{Heat, heat};
pub use ipa::{Matrix, Quadrant, in_view, matrix, matrix_in, priority};

/// A customer-view score, when known and finite.
#[must_use]
pub fn in_view_customer(scores: crate::model::ViewScores) -> Option<f32> {
    in_view(scores, View::Customer)
}
pub use map::{CardAnalysis, MapAnalysis, MetricResult, Place, RankedRecommendation, analyse};
pub use metrics::{MetricStatus, metric_status};
pub use settings::{Crosshairs, Settings, View};
