//! The method's numbers, computed from the model only: gaps between the internal and the
//! customer view, emotion gaps, handoffs between owners and metric status. The canvas, the
//! posters and the command line read them here, so every surface shows the same numbers.
//! Definitions follow the method's analysis notes (gaps, handoffs, metrics); stage emotion
//! and the numbered action plan are this project's own rules.

pub mod emotion;
pub mod gaps;
pub mod handoffs;
pub mod metrics;
pub mod plan;

pub use emotion::{StageEmotion, stage_emotion};
pub use gaps::{CardGaps, LARGE_GAP, card_gaps};
pub use handoffs::{Handoff, handoffs, per_stage as handoffs_per_stage};
pub use metrics::{MetricStatus, metric_status};
pub use plan::{Action, action_plan, card_keys};
