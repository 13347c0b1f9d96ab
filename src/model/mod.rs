//! The data model of a study: plain data, no user-interface types.
//!
//! A [`Study`] holds owners, personas and maps. A [`JourneyMap`] holds its [`Stage`]s in spine
//! order, each stage its [`Card`]s in journey order, and the map its [`Link`]s. Everything that
//! can be pointed at has a typed id ([`ids`]). [`validate`] lists every problem of a study.

mod card;
mod colour;
mod date;
mod distinct;
pub mod ids;
mod map;
mod owner;
mod persona;
pub mod scales;
mod skip;
mod study;
pub mod validate;

pub use card::{Card, Duration, Flags, Metric, Priority, Recommendation, Status, TimeUnit};
pub use colour::{Colour, ColourParseError};
pub use date::{Date, DateParseError};
pub use distinct::{DistinctColours, MIN_CONTRAST_ON_PAPER, NEAR_IDENTICAL, delta_e, shows_on_paper};
pub use ids::{CardId, LinkId, MapId, OwnerId, PersonaId, StageId};
pub use map::{Focus, JourneyMap, Link, LinkKind, MapKind, MapState, Stage};
pub use owner::{Owner, OwnerKind};
pub use persona::{Persona, Segment, SegmentKind};
pub use scales::{Emotion, ViewScores};
pub use study::{FORMAT_VERSION, IdAllocator, Meta, Study};
pub use validate::{Location, Problem, Severity, review_warning, validate};
