//! Buyer personas and the customer segments maps are made for.

use super::PersonaId;
use super::skip::is_default;
use serde::{Deserialize, Serialize};

/// How a segment is defined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SegmentKind {
    /// By firmographics: company size, industry, region.
    #[default]
    Firmographic,
    /// By behaviour: how the customer buys and uses.
    Behavioural,
    /// By needs: what the customer is trying to achieve.
    NeedsBased,
}

impl SegmentKind {
    /// All kinds, in the order menus list them.
    pub const ALL: [SegmentKind; 3] = [Self::Firmographic, Self::Behavioural, Self::NeedsBased];

    /// The kind's name in sentence case, as the user sees it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Firmographic => "Firmographic",
            Self::Behavioural => "Behavioural",
            Self::NeedsBased => "Needs-based",
        }
    }
}

/// The customer segment a persona stands for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Segment {
    /// How the segment is defined.
    pub kind: SegmentKind,
    /// The segment in words, e.g. "Mid-size manufacturers shipping 50–500 pallets a week".
    #[serde(skip_serializing_if = "is_default")]
    pub description: String,
}

/// A buyer persona: one decision maker or user in the customer's organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Persona {
    /// The persona's id, unique among the study's personas.
    pub id: PersonaId,
    /// A name that makes the persona memorable, e.g. "Procurement Paula".
    pub name: String,
    /// Job role, e.g. "Head of procurement".
    #[serde(skip_serializing_if = "is_default")]
    pub role: String,
    /// The segment the persona belongs to.
    #[serde(skip_serializing_if = "is_default")]
    pub segment: Segment,
    /// What the persona is trying to achieve.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// What drives the persona's decisions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub motivations: Vec<String>,
    /// What gets in the persona's way.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub frustrations: Vec<String>,
}
