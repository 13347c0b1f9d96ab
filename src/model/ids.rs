//! Typed identifiers.
//!
//! Every element that something else can point at carries an id of its own type, so an owner id
//! can never be passed where a card id is expected. Ids are plain positive integers in the file
//! (`#[serde(transparent)]`), unique within a study for their kind, and never reused or renumbered
//! by saving and loading. `0` means "not assigned yet": it only appears in files written by hand
//! or by scripts, and loading such a file assigns fresh ids (see [`crate::io`]).

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The placeholder for an id that has not been assigned yet.
            pub const UNASSIGNED: Self = Self(0);

            /// Whether this id has been assigned (is not the `0` placeholder).
            #[must_use]
            pub fn is_assigned(self) -> bool {
                self.0 != 0
            }
        }

        impl From<u32> for $name {
            fn from(value: u32) -> Self {
                Self(value)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "#{}"), self.0)
            }
        }
    };
}

typed_id!(
    /// Identifies an [`Owner`](super::Owner) within a study.
    OwnerId,
    "owner"
);
typed_id!(
    /// Identifies a [`Persona`](super::Persona) within a study.
    PersonaId,
    "persona"
);
typed_id!(
    /// Identifies a [`JourneyMap`](super::JourneyMap) within a study.
    MapId,
    "map"
);
typed_id!(
    /// Identifies a [`Stage`](super::Stage) within a study.
    StageId,
    "stage"
);
typed_id!(
    /// Identifies a [`Card`](super::Card) within a study.
    CardId,
    "card"
);
typed_id!(
    /// Identifies a [`Link`](super::Link) within a study.
    LinkId,
    "link"
);
