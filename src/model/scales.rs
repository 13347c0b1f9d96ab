//! The rating scales of the method, their ranges and how values are judged against them.

use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// Importance and performance are rated 1 (lowest) to 10 (highest).
pub const SCORE_RANGE: RangeInclusive<f32> = 1.0..=10.0;

/// Emotion runs from −2 (very negative) through 0 (neutral) to +2 (very positive).
pub const EMOTION_RANGE: RangeInclusive<f32> = -2.0..=2.0;

/// A rating from two sides: what staff believe (internal) and what customers report (customer).
/// Either side may be unknown. Values may be averages, so they are not restricted to integers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ViewScores {
    /// The internal view: the company's own assessment, on [`SCORE_RANGE`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal: Option<f32>,
    /// The customer view: from interviews and surveys, on [`SCORE_RANGE`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<f32>,
}

impl ViewScores {
    /// The perception gap, internal minus customer, when both sides are known. A positive gap
    /// means the company rates itself higher than its customers do.
    #[must_use]
    pub fn gap(self) -> Option<f32> {
        Some(self.internal? - self.customer?)
    }
}

/// An emotion on [`EMOTION_RANGE`]: what the customer feels (elicited) and what the company
/// wants them to feel (desired). Either may be unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Emotion {
    /// What the customer actually feels here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elicited: Option<f32>,
    /// What the company wants the customer to feel here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desired: Option<f32>,
}

/// Whether a known score lies on its scale. Unknown scores are always acceptable.
#[must_use]
pub fn in_range(value: Option<f32>, range: &RangeInclusive<f32>) -> bool {
    value.is_none_or(|v| range.contains(&v))
}
