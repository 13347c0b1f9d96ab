//! The study: everything one `.journey.ron` file holds.

use super::skip::is_default;
use super::{Card, CardId, Date, JourneyMap, LinkId, MapId, Owner, OwnerId, Persona, PersonaId, StageId};
use serde::{Deserialize, Serialize};

/// The version of the file format this build writes. Files of an older version are migrated
/// on load; files of a newer one are refused.
pub const FORMAT_VERSION: u32 = 1;

/// A journey-mapping study: its owners, personas and maps. One study is one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Study {
    /// The file-format version the study was written in; see [`FORMAT_VERSION`]. A file
    /// without it reads as version 0 (written by hand or by a script).
    #[serde(default)]
    pub format_version: u32,
    /// Title, organisation, authorship and review dates.
    pub meta: Meta,
    /// The departments, teams, regions and people that own touchpoints, shared by all maps.
    pub owners: Vec<Owner>,
    /// The buyer personas the maps are made for, shared by all maps.
    pub personas: Vec<Persona>,
    /// The study's maps, in the order their tabs appear.
    pub maps: Vec<JourneyMap>,
}

impl Default for Study {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            meta: Meta::default(),
            owners: Vec::new(),
            personas: Vec::new(),
            maps: Vec::new(),
        }
    }
}

/// What the study is and when it was last checked against reality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meta {
    /// The study's title, e.g. "Shipper experience 2026".
    pub title: String,
    /// The organisation whose customers' journeys are mapped.
    #[serde(skip_serializing_if = "is_default")]
    pub organisation: String,
    /// Who prepared the study.
    #[serde(skip_serializing_if = "is_default")]
    pub author: String,
    /// When the study was started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<Date>,
    /// When the maps were last validated against real data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<Date>,
    /// How often the study should be reviewed, in months.
    pub review_interval_months: u32,
    /// Scope, sources, workshop participants.
    #[serde(skip_serializing_if = "is_default")]
    pub notes: String,
}

impl Default for Meta {
    fn default() -> Self {
        Self {
            title: String::new(),
            organisation: String::new(),
            author: String::new(),
            created: None,
            last_reviewed: None,
            review_interval_months: Meta::DEFAULT_REVIEW_INTERVAL_MONTHS,
            notes: String::new(),
        }
    }
}

impl Meta {
    /// The method asks for a review at least every six months.
    pub const DEFAULT_REVIEW_INTERVAL_MONTHS: u32 = 6;

    /// When the next review is due: the last review (or, failing that, the creation date) plus
    /// the review interval. `None` when the study has neither date.
    #[must_use]
    pub fn review_due(&self) -> Option<Date> {
        let since = self.last_reviewed.or(self.created)?;
        Some(since.add_months(self.review_interval_months))
    }
}

impl Study {
    /// The owner with this id.
    #[must_use]
    pub fn owner(&self, id: OwnerId) -> Option<&Owner> {
        self.owners.iter().find(|owner| owner.id == id)
    }

    /// The persona with this id.
    #[must_use]
    pub fn persona(&self, id: PersonaId) -> Option<&Persona> {
        self.personas.iter().find(|persona| persona.id == id)
    }

    /// The map with this id.
    #[must_use]
    pub fn map(&self, id: MapId) -> Option<&JourneyMap> {
        self.maps.iter().find(|map| map.id == id)
    }

    /// The map with this 1-based position, or else the first map whose title matches
    /// (ignoring case and surrounding spaces). This is how the CLI's `--map` selects a map.
    #[must_use]
    pub fn find_map(&self, index_or_title: &str) -> Option<&JourneyMap> {
        let wanted = index_or_title.trim();
        if let Ok(position) = wanted.parse::<usize>() {
            return position.checked_sub(1).and_then(|i| self.maps.get(i));
        }
        self.maps.iter().find(|map| map.title.trim().eq_ignore_ascii_case(wanted)).or_else(|| {
            let wanted = wanted.to_lowercase();
            self.maps.iter().find(|map| map.title.trim().to_lowercase() == wanted)
        })
    }

    /// Every card of every map.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.maps.iter().flat_map(JourneyMap::cards)
    }

    /// A fresh id allocator for this study: each id it hands out is unused by the study.
    #[must_use]
    pub fn id_allocator(&self) -> IdAllocator {
        let max = |ids: &mut dyn Iterator<Item = u32>| ids.max().unwrap_or(0);
        let stages = || self.maps.iter().flat_map(|map| map.stages.iter());
        IdAllocator {
            owner: max(&mut self.owners.iter().map(|o| o.id.0)),
            persona: max(&mut self.personas.iter().map(|p| p.id.0)),
            map: max(&mut self.maps.iter().map(|m| m.id.0)),
            stage: max(&mut stages().map(|s| s.id.0)),
            card: max(&mut self.cards().map(|c| c.id.0)),
            link: max(&mut self.maps.iter().flat_map(|m| m.links.iter()).map(|l| l.id.0)),
        }
    }
}

/// Hands out ids that a study does not use yet: one past the highest id of each kind, so ids
/// of deleted elements are not reused while the study is open.
#[derive(Clone, Debug, Default)]
pub struct IdAllocator {
    owner: u32,
    persona: u32,
    map: u32,
    stage: u32,
    card: u32,
    link: u32,
}

macro_rules! next_id {
    ($(#[$doc:meta])* $fn:ident, $field:ident, $ty:ty) => {
        $(#[$doc])*
        pub fn $fn(&mut self) -> $ty {
            self.$field = self.$field.saturating_add(1);
            <$ty>::from(self.$field)
        }
    };
}

impl IdAllocator {
    next_id!(
        /// A new owner id.
        owner,
        owner,
        OwnerId
    );
    next_id!(
        /// A new persona id.
        persona,
        persona,
        PersonaId
    );
    next_id!(
        /// A new map id.
        map,
        map,
        MapId
    );
    next_id!(
        /// A new stage id.
        stage,
        stage,
        StageId
    );
    next_id!(
        /// A new card id.
        card,
        card,
        CardId
    );
    next_id!(
        /// A new link id.
        link,
        link,
        LinkId
    );
}
