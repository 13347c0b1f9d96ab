//! Journey maps: the spine of stages, the cards under them and the links between cards.

use super::card::{Card, Metric, Recommendation};
use super::scales::Emotion;
use super::skip::is_default;
use super::{CardId, LinkId, MapId, OwnerId, PersonaId, StageId};
use serde::{Deserialize, Serialize};

/// The three kinds of map of the B2B method.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MapKind {
    /// The strategic overview: stages as the spine, every touchpoint under its stage.
    #[default]
    Typical,
    /// The step-by-step journey inside one touchpoint or cluster, with who owns each step.
    Tactical,
    /// A tactical map with performance per step and recommendations per stage.
    Performance,
}

impl MapKind {
    /// All kinds, in the order the method introduces them.
    pub const ALL: [MapKind; 3] = [Self::Typical, Self::Tactical, Self::Performance];

    /// The kind's name in sentence case, as the user sees it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Typical => "Typical map",
            Self::Tactical => "Tactical map",
            Self::Performance => "Performance and improvement map",
        }
    }

    /// The kind's short machine name, as the CLI and JSON reports spell it.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Typical => "typical",
            Self::Tactical => "tactical",
            Self::Performance => "performance",
        }
    }

    /// What a card is called on this kind of map: a touchpoint or a step.
    #[must_use]
    pub fn card_noun(self) -> &'static str {
        match self {
            Self::Typical => "touchpoint",
            Self::Tactical | Self::Performance => "step",
        }
    }
}

/// Whether a map shows the journey as it is or as it should become.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MapState {
    /// The journey today, from real data.
    #[default]
    Current,
    /// The journey the company designs for tomorrow.
    Future,
}

impl MapState {
    /// Both states.
    pub const ALL: [MapState; 2] = [Self::Current, Self::Future];

    /// The state's name in sentence case.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Current => "Current state",
            Self::Future => "Future state",
        }
    }

    /// The state's short machine name.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Current => "current",
            Self::Future => "future",
        }
    }
}

/// The cards of another map that a (tactical or performance) map zooms into.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Focus {
    /// The map the focused cards are on.
    pub map: MapId,
    /// The focused cards: one touchpoint or a cluster of them.
    pub cards: Vec<CardId>,
}

/// One journey map of a study.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JourneyMap {
    /// The map's id, unique among the study's maps.
    pub id: MapId,
    /// The map's title, e.g. "Shipper journey, mid-size accounts".
    pub title: String,
    /// Typical, tactical or performance and improvement.
    pub kind: MapKind,
    /// Current or future state.
    pub state: MapState,
    /// The persona whose journey this is, if the map is made for one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persona: Option<PersonaId>,
    /// The touchpoints of another map that this map details.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focus: Option<Focus>,
    /// What the map covers and where its data comes from.
    #[serde(skip_serializing_if = "is_default")]
    pub description: String,
    /// The spine, in journey order (left to right).
    pub stages: Vec<Stage>,
    /// Flows and dependencies between the map's cards.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// The order of the swimlanes on a tactical or performance map, top to bottom, as the
    /// user set it. Owners not listed follow in the order they first act in the journey;
    /// ids of owners that no longer exist are ignored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lane_order: Vec<OwnerId>,
}

impl JourneyMap {
    /// Every card of the map, stage by stage, in journey order.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.stages.iter().flat_map(|stage| stage.cards.iter())
    }

    /// The number of cards on the map.
    #[must_use]
    pub fn card_count(&self) -> usize {
        self.stages.iter().map(|stage| stage.cards.len()).sum()
    }

    /// The card with this id, if it is on this map.
    #[must_use]
    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.cards().find(|card| card.id == id)
    }

    /// The stage with this id, if it is on this map.
    #[must_use]
    pub fn stage(&self, id: StageId) -> Option<&Stage> {
        self.stages.iter().find(|stage| stage.id == id)
    }

    /// The swimlanes of a tactical or performance map, top to bottom: one per accountable
    /// owner that has a step (`is_owner` says which ids name a known owner), first in the
    /// user's [`lane_order`](Self::lane_order), then in the order they first act in the
    /// journey; steps with no known accountable owner share a last lane (`None`), which is
    /// also the one lane of a map without steps.
    #[must_use]
    pub fn lanes(&self, is_owner: impl Fn(OwnerId) -> bool) -> Vec<Option<OwnerId>> {
        let acting: Vec<OwnerId> = {
            let mut seen = Vec::new();
            for owner in self.cards().filter_map(|card| card.accountable).filter(|id| is_owner(*id)) {
                if !seen.contains(&owner) {
                    seen.push(owner);
                }
            }
            seen
        };
        let mut lanes: Vec<Option<OwnerId>> = Vec::with_capacity(acting.len() + 1);
        for owner in self.lane_order.iter().chain(&acting) {
            if acting.contains(owner) && !lanes.contains(&Some(*owner)) {
                lanes.push(Some(*owner));
            }
        }
        let unowned = self.cards().any(|card| card.accountable.is_none_or(|id| !is_owner(id)));
        if unowned || lanes.is_empty() {
            lanes.push(None);
        }
        lanes
    }
}

/// One stage of the spine, with the cards that happen during it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Stage {
    /// The stage's id, unique among all stages of the study.
    pub id: StageId,
    /// The stage's name, e.g. "Onboarding".
    pub name: String,
    /// What the customer is trying to do in this stage.
    #[serde(skip_serializing_if = "is_default")]
    pub goal: String,
    /// What the customer feels across the stage, and what they should feel.
    #[serde(skip_serializing_if = "is_default")]
    pub emotion: Emotion,
    /// Indicators measured for the stage as a whole (churn, conversion…).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
    /// The key recommendations for the stage.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    /// The stage's cards, in the order they happen.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<Card>,
}

/// What a link between two cards means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkKind {
    /// The customer moves from one card to the next.
    #[default]
    Flow,
    /// One card depends on the other having happened or worked.
    Dependency,
}

impl LinkKind {
    /// Both kinds.
    pub const ALL: [LinkKind; 2] = [Self::Flow, Self::Dependency];

    /// The kind's name in sentence case.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Flow => "Flow",
            Self::Dependency => "Dependency",
        }
    }
}

/// A directed connection between two cards of the same map.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Link {
    /// The link's id, unique among all links of the study.
    pub id: LinkId,
    /// The card the link starts at.
    pub from: CardId,
    /// The card the link points to.
    pub to: CardId,
    /// Flow or dependency.
    #[serde(skip_serializing_if = "is_default")]
    pub kind: LinkKind,
    /// A short label on the connector, e.g. "if the quote is accepted".
    #[serde(skip_serializing_if = "is_default")]
    pub label: String,
}
