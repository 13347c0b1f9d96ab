//! The primitive edits and the one function that applies them.

use crate::model::{
    Card, CardId, Focus, JourneyMap, Link, LinkId, MapId, MapKind, MapState, Meta, Owner, OwnerId, Persona,
    PersonaId, Stage, StageId, Study,
};

/// A map's own fields, without its stages and links.
#[derive(Clone, Debug, PartialEq)]
pub struct MapInfo {
    /// The map's title.
    pub title: String,
    /// Typical, tactical or performance.
    pub kind: MapKind,
    /// Current or future state.
    pub state: MapState,
    /// The persona the map is for.
    pub persona: Option<PersonaId>,
    /// The cards of another map this map zooms into.
    pub focus: Option<Focus>,
    /// What the map covers.
    pub description: String,
}

impl MapInfo {
    /// The info of a map.
    #[must_use]
    pub fn of(map: &JourneyMap) -> Self {
        Self {
            title: map.title.clone(),
            kind: map.kind,
            state: map.state,
            persona: map.persona,
            focus: map.focus.clone(),
            description: map.description.clone(),
        }
    }

    fn write_to(self, map: &mut JourneyMap) {
        map.title = self.title;
        map.kind = self.kind;
        map.state = self.state;
        map.persona = self.persona;
        map.focus = self.focus;
        map.description = self.description;
    }
}

/// One primitive, invertible change to a study. Elements are found by id, and inserts carry
/// their position, so an edit means the same thing whenever it is applied.
///
/// Fields: `map`, `stage`, `card`… name the element by id; `index` and `to` are positions in
/// the list the element is inserted into or moved within.
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs, reason = "the fields are described once above, by name")]
pub enum Edit {
    /// Replace the study's meta data.
    SetMeta(Meta),
    /// Insert an owner at a position in the owner list.
    InsertOwner { index: usize, owner: Owner },
    /// Remove an owner.
    RemoveOwner(OwnerId),
    /// Replace an owner (found by its id).
    ReplaceOwner(Owner),
    /// Insert a persona.
    InsertPersona { index: usize, persona: Persona },
    /// Remove a persona.
    RemovePersona(PersonaId),
    /// Replace a persona (found by its id).
    ReplacePersona(Persona),
    /// Insert a map at a tab position.
    InsertMap { index: usize, map: JourneyMap },
    /// Remove a map.
    RemoveMap(MapId),
    /// Move a map to another tab position.
    MoveMap { map: MapId, to: usize },
    /// Replace a map's own fields.
    SetMapInfo { map: MapId, info: MapInfo },
    /// Set the order of a lane map's swimlanes (top to bottom).
    SetLaneOrder { map: MapId, order: Vec<OwnerId> },
    /// Insert a stage (with its cards) into a map's spine.
    InsertStage { map: MapId, index: usize, stage: Stage },
    /// Remove a stage and its cards.
    RemoveStage { map: MapId, stage: StageId },
    /// Replace a stage's own fields, keeping its cards.
    ReplaceStage { map: MapId, stage: Stage },
    /// Move a stage to another position on the spine.
    MoveStage { map: MapId, stage: StageId, to: usize },
    /// Insert a card into a stage.
    InsertCard { map: MapId, stage: StageId, index: usize, card: Card },
    /// Remove a card.
    RemoveCard { map: MapId, card: CardId },
    /// Replace a card (found by its id), keeping its place.
    ReplaceCard { map: MapId, card: Card },
    /// Move a card to a position in a stage (of the same map).
    MoveCard { map: MapId, card: CardId, stage: StageId, index: usize },
    /// Insert a link.
    InsertLink { map: MapId, index: usize, link: Link },
    /// Remove a link.
    RemoveLink { map: MapId, link: LinkId },
    /// Replace a link (found by its id).
    ReplaceLink { map: MapId, link: Link },
}

/// Why an edit could not be applied: what it refers to is not there. The study is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot apply the change: {0}")]
pub struct EditError(pub String);

fn missing(what: impl std::fmt::Display) -> EditError {
    EditError(format!("{what} does not exist"))
}

fn map_mut(study: &mut Study, id: MapId) -> Result<&mut JourneyMap, EditError> {
    study.maps.iter_mut().find(|m| m.id == id).ok_or_else(|| missing(id))
}

fn stage_index(map: &JourneyMap, id: StageId) -> Result<usize, EditError> {
    map.stages.iter().position(|s| s.id == id).ok_or_else(|| missing(id))
}

/// Where a card is: (stage index, card index).
fn card_position(map: &JourneyMap, id: CardId) -> Result<(usize, usize), EditError> {
    map.stages
        .iter()
        .enumerate()
        .find_map(|(s, stage)| stage.cards.iter().position(|c| c.id == id).map(|c| (s, c)))
        .ok_or_else(|| missing(id))
}

fn insert_at<T>(list: &mut Vec<T>, index: usize, item: T) {
    let index = index.min(list.len());
    list.insert(index, item);
}

/// Applies `edit` to `study` and returns the edit that undoes it. On error the study is
/// unchanged.
///
/// # Errors
/// When the edit refers to an element that does not exist.
#[allow(clippy::too_many_lines, reason = "one arm per kind of edit, each a few lines")]
pub fn apply(study: &mut Study, edit: Edit) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::SetMeta(meta) => Edit::SetMeta(std::mem::replace(&mut study.meta, meta)),
        Edit::InsertOwner { index, owner } => {
            let id = owner.id;
            insert_at(&mut study.owners, index, owner);
            Edit::RemoveOwner(id)
        }
        Edit::RemoveOwner(id) => {
            let index = study.owners.iter().position(|o| o.id == id).ok_or_else(|| missing(id))?;
            Edit::InsertOwner { index, owner: study.owners.remove(index) }
        }
        Edit::ReplaceOwner(owner) => {
            let slot = study.owners.iter_mut().find(|o| o.id == owner.id).ok_or_else(|| missing(owner.id))?;
            Edit::ReplaceOwner(std::mem::replace(slot, owner))
        }
        Edit::InsertPersona { index, persona } => {
            let id = persona.id;
            insert_at(&mut study.personas, index, persona);
            Edit::RemovePersona(id)
        }
        Edit::RemovePersona(id) => {
            let index = study.personas.iter().position(|p| p.id == id).ok_or_else(|| missing(id))?;
            Edit::InsertPersona { index, persona: study.personas.remove(index) }
        }
        Edit::ReplacePersona(persona) => {
            let slot =
                study.personas.iter_mut().find(|p| p.id == persona.id).ok_or_else(|| missing(persona.id))?;
            Edit::ReplacePersona(std::mem::replace(slot, persona))
        }
        Edit::InsertMap { index, map } => {
            let id = map.id;
            insert_at(&mut study.maps, index, map);
            Edit::RemoveMap(id)
        }
        Edit::RemoveMap(id) => {
            let index = study.maps.iter().position(|m| m.id == id).ok_or_else(|| missing(id))?;
            Edit::InsertMap { index, map: study.maps.remove(index) }
        }
        Edit::MoveMap { map, to } => {
            let from = study.maps.iter().position(|m| m.id == map).ok_or_else(|| missing(map))?;
            let item = study.maps.remove(from);
            insert_at(&mut study.maps, to, item);
            Edit::MoveMap { map, to: from }
        }
        Edit::SetMapInfo { map, info } => {
            let target = map_mut(study, map)?;
            let old = MapInfo::of(target);
            info.write_to(target);
            Edit::SetMapInfo { map, info: old }
        }
        Edit::SetLaneOrder { map, order } => {
            let target = map_mut(study, map)?;
            Edit::SetLaneOrder { map, order: std::mem::replace(&mut target.lane_order, order) }
        }
        Edit::InsertStage { map, index, stage } => {
            let target = map_mut(study, map)?;
            let id = stage.id;
            insert_at(&mut target.stages, index, stage);
            Edit::RemoveStage { map, stage: id }
        }
        Edit::RemoveStage { map, stage } => {
            let target = map_mut(study, map)?;
            let index = stage_index(target, stage)?;
            Edit::InsertStage { map, index, stage: target.stages.remove(index) }
        }
        Edit::ReplaceStage { map, stage } => {
            let target = map_mut(study, map)?;
            let index = stage_index(target, stage.id)?;
            let slot = &mut target.stages[index];
            let cards = std::mem::take(&mut slot.cards);
            let mut old = std::mem::replace(slot, Stage { cards, ..stage });
            old.cards = Vec::new();
            Edit::ReplaceStage { map, stage: old }
        }
        Edit::MoveStage { map, stage, to } => {
            let target = map_mut(study, map)?;
            let from = stage_index(target, stage)?;
            let item = target.stages.remove(from);
            insert_at(&mut target.stages, to, item);
            Edit::MoveStage { map, stage, to: from }
        }
        Edit::InsertCard { map, stage, index, card } => {
            let target = map_mut(study, map)?;
            let s = stage_index(target, stage)?;
            let id = card.id;
            insert_at(&mut target.stages[s].cards, index, card);
            Edit::RemoveCard { map, card: id }
        }
        Edit::RemoveCard { map, card } => {
            let target = map_mut(study, map)?;
            let (s, c) = card_position(target, card)?;
            let stage = target.stages[s].id;
            Edit::InsertCard { map, stage, index: c, card: target.stages[s].cards.remove(c) }
        }
        Edit::ReplaceCard { map, card } => {
            let target = map_mut(study, map)?;
            let (s, c) = card_position(target, card.id)?;
            Edit::ReplaceCard { map, card: std::mem::replace(&mut target.stages[s].cards[c], card) }
        }
        Edit::MoveCard { map, card, stage, index } => {
            let target = map_mut(study, map)?;
            let destination = stage_index(target, stage)?;
            let (s, c) = card_position(target, card)?;
            let from_stage = target.stages[s].id;
            let item = target.stages[s].cards.remove(c);
            insert_at(&mut target.stages[destination].cards, index, item);
            Edit::MoveCard { map, card, stage: from_stage, index: c }
        }
        Edit::InsertLink { map, index, link } => {
            let target = map_mut(study, map)?;
            let id = link.id;
            insert_at(&mut target.links, index, link);
            Edit::RemoveLink { map, link: id }
        }
        Edit::RemoveLink { map, link } => {
            let target = map_mut(study, map)?;
            let index = target.links.iter().position(|l| l.id == link).ok_or_else(|| missing(link))?;
            Edit::InsertLink { map, index, link: target.links.remove(index) }
        }
        Edit::ReplaceLink { map, link } => {
            let target = map_mut(study, map)?;
            let slot = target.links.iter_mut().find(|l| l.id == link.id).ok_or_else(|| missing(link.id))?;
            Edit::ReplaceLink { map, link: std::mem::replace(slot, link) }
        }
    })
}

/// Applies edits in order; if one fails, undoes those already applied and returns the error,
/// so a group of edits applies whole or not at all. Returns the inverses in undo order.
///
/// # Errors
/// The first edit that could not be applied.
pub fn apply_all(study: &mut Study, edits: Vec<Edit>) -> Result<Vec<Edit>, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match apply(study, edit) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    let _ = apply(study, inverse);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(inverses)
}
