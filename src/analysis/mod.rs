//! The method's numbers, computed from the model only: gaps between the internal and the
//! customer view, emotion gaps, handoffs between owners and metric status. The canvas, the
//! posters and the command line read them here, so every surface shows the same numbers.
//! Definitions follow the method's analysis notes (gaps, handoffs, metrics).

pub mod gaps;
pub mod handoffs;
pub mod metrics;

pub use gaps::{CardGaps, LARGE_GAP, card_gaps};
pub use handoffs::{Handoff, handoffs, per_stage as handoffs_per_stage};
pub use metrics::{MetricStatus, metric_status};
