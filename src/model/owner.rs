//! The people and organisational units responsible for touchpoints.

use super::skip::is_default;
use super::{Colour, OwnerId};
use serde::{Deserialize, Serialize};

/// What sort of unit an owner is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OwnerKind {
    /// A department: sales, finance, operations…
    #[default]
    Department,
    /// A team within a department.
    Team,
    /// A geographic region or country organisation.
    Region,
    /// A named person.
    Person,
}

impl OwnerKind {
    /// All kinds, in the order menus list them.
    pub const ALL: [OwnerKind; 4] = [Self::Department, Self::Team, Self::Region, Self::Person];

    /// The kind's name in sentence case, as the user sees it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Department => "Department",
            Self::Team => "Team",
            Self::Region => "Region",
            Self::Person => "Person",
        }
    }
}

/// A department, team, region or person that owns touchpoints. Owners are shared by all the
/// maps of a study and may nest (a team within a department, a person within a team).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Owner {
    /// The owner's id, unique among the study's owners.
    pub id: OwnerId,
    /// Display name, e.g. "Customer success" or "Region EMEA".
    pub name: String,
    /// What sort of unit this is.
    pub kind: OwnerKind,
    /// The owner's colour on maps (card bars, lane bands, legend).
    pub colour: Colour,
    /// The owner this one belongs to, if any (a team's department, a person's team).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<OwnerId>,
    /// Free notes: scope, contact, remit.
    #[serde(skip_serializing_if = "is_default")]
    pub notes: String,
}
