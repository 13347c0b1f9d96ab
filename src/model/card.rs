//! Cards: a touchpoint on a typical map, a step on a tactical or performance map.

use super::scales::{Emotion, ViewScores};
use super::skip::is_default;
use super::{CardId, MapId, OwnerId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One touchpoint (typical map) or one step (tactical and performance maps).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Card {
    /// The card's id, unique among all cards of the study.
    pub id: CardId,
    /// A short title in the customer's words, e.g. "Receives the first invoice".
    pub title: String,
    /// What happens at this touchpoint, in a sentence or two.
    #[serde(skip_serializing_if = "is_default")]
    pub description: String,
    /// The channel the customer meets the company through: website, email, phone, portal…
    #[serde(skip_serializing_if = "is_default")]
    pub channel: String,
    /// Everyone responsible for this touchpoint, in the order the team listed them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<OwnerId>,
    /// The one owner accountable for the touchpoint; must be among [`Card::owners`]. On
    /// tactical and performance maps it decides the card's swimlane.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accountable: Option<OwnerId>,
    /// Heat-map flags: pain point, moment of delight, moment of truth, bottleneck.
    #[serde(skip_serializing_if = "is_default")]
    pub flags: Flags,
    /// How much the touchpoint matters, from the internal and the customer view (1–10).
    #[serde(skip_serializing_if = "is_default")]
    pub importance: ViewScores,
    /// How well the touchpoint performs, from the internal and the customer view (1–10).
    #[serde(skip_serializing_if = "is_default")]
    pub performance: ViewScores,
    /// What the customer feels here and what they should feel (−2..+2).
    #[serde(skip_serializing_if = "is_default")]
    pub emotion: Emotion,
    /// Measured indicators: CSAT, response time, SLA compliance…
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
    /// How long this step takes the customer, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    /// What should change at this touchpoint.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    /// Workshop notes, quotes, sources of the scores.
    #[serde(skip_serializing_if = "is_default")]
    pub notes: String,
    /// The map that details this touchpoint step by step, if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<MapId>,
}

/// The heat-map marks of a card. Any combination is allowed: pain and delight together mark an
/// inconsistent experience.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[allow(clippy::struct_excessive_bools, reason = "independent yes/no marks, as users set them")]
pub struct Flags {
    /// The customer struggles here; needs are not met.
    #[serde(skip_serializing_if = "is_default")]
    pub pain_point: bool,
    /// Expectations are exceeded here.
    #[serde(skip_serializing_if = "is_default")]
    pub moment_of_delight: bool,
    /// Critical for long-term loyalty.
    #[serde(skip_serializing_if = "is_default")]
    pub moment_of_truth: bool,
    /// Work piles up or waits here (marked on performance maps).
    #[serde(skip_serializing_if = "is_default")]
    pub bottleneck: bool,
}

impl Flags {
    /// Whether no flag is set.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self == Self::default()
    }
}

/// A measured indicator with its target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Metric {
    /// What is measured, e.g. "First response time".
    pub name: String,
    /// The latest measured value, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The value the company aims for, when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The unit the value and target are in, e.g. "h", "%", "days".
    #[serde(skip_serializing_if = "is_default")]
    pub unit: String,
    /// Whether a higher value is better (CSAT) or worse (response time).
    pub higher_is_better: bool,
}

impl Default for Metric {
    /// Most journey metrics (CSAT, NPS, SLA compliance) improve upwards, so that is the default.
    fn default() -> Self {
        Self { name: String::new(), value: None, target: None, unit: String::new(), higher_is_better: true }
    }
}

impl Metric {
    /// Whether the value meets the target, when both are known.
    #[must_use]
    pub fn meets_target(&self) -> Option<bool> {
        let (value, target) = (self.value?, self.target?);
        Some(if self.higher_is_better { value >= target } else { value <= target })
    }
}

/// How long something takes, in a unit a workshop would use.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duration {
    /// How many units; not negative.
    pub amount: f32,
    /// The unit of [`Duration::amount`].
    pub unit: TimeUnit,
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = self.unit.abbreviation();
        // Negative zero prints as "-0", which reads as a negative duration.
        let amount = if self.amount == 0.0 { 0.0 } else { self.amount };
        if amount.fract() == 0.0 { write!(f, "{amount:.0} {unit}") } else { write!(f, "{amount} {unit}") }
    }
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeUnit {
    /// Minutes.
    Minutes,
    /// Hours.
    Hours,
    /// Calendar days.
    Days,
    /// Weeks.
    Weeks,
    /// Months.
    Months,
}

impl TimeUnit {
    /// All units, shortest first.
    pub const ALL: [TimeUnit; 5] = [Self::Minutes, Self::Hours, Self::Days, Self::Weeks, Self::Months];

    /// The short form shown on cards: "min", "h", "d", "wk", "mo".
    #[must_use]
    pub fn abbreviation(self) -> &'static str {
        match self {
            Self::Minutes => "min",
            Self::Hours => "h",
            Self::Days => "d",
            Self::Weeks => "wk",
            Self::Months => "mo",
        }
    }
}

/// A recommended improvement, on a card or a stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Recommendation {
    /// What should be done, as an action: "Send a named contact with the first invoice".
    pub text: String,
    /// Who should do it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<OwnerId>,
    /// How urgent it is.
    pub priority: Priority,
    /// How far it has got.
    pub status: Status,
    /// When it should be done by, if a date was agreed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<super::Date>,
}

/// The priority of a recommendation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    /// Do first.
    High,
    /// Do next.
    #[default]
    Medium,
    /// Do when there is room.
    Low,
}

impl Priority {
    /// All priorities, highest first.
    pub const ALL: [Priority; 3] = [Self::High, Self::Medium, Self::Low];

    /// The priority's name in sentence case.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::High => "High",
            Self::Medium => "Medium",
            Self::Low => "Low",
        }
    }
}

/// How far a recommendation has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Suggested, not yet decided.
    #[default]
    Proposed,
    /// Agreed by the people who will carry it out.
    Agreed,
    /// Carried out.
    Done,
}

impl Status {
    /// All statuses, in workflow order.
    pub const ALL: [Status; 3] = [Self::Proposed, Self::Agreed, Self::Done];

    /// The status's name in sentence case.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Proposed => "Proposed",
            Self::Agreed => "Agreed",
            Self::Done => "Done",
        }
    }
}
