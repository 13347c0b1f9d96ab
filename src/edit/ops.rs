//! The user's operations, as groups of [`Edit`]s. Each function reads the study and returns
//! the edits (and any new ids); [`Document::apply`](super::Document::apply) makes them happen.
//! Operations that remove things also remove or repair what pointed at them, so an operation
//! never leaves a broken reference behind.

use super::apply::Edit;
use crate::model::{
    Card, CardId, DistinctColours, IdAllocator, JourneyMap, Link, LinkKind, MapId, MapKind, Owner, OwnerId,
    OwnerKind, Stage, StageId, Study,
};

fn map(study: &Study, id: MapId) -> Option<&JourneyMap> {
    study.map(id)
}

/// A new stage named `name` at `index` on the spine.
#[must_use]
pub fn add_stage(study: &Study, map: MapId, index: usize, name: &str) -> (Vec<Edit>, StageId) {
    let id = study.id_allocator().stage();
    let stage = Stage { id, name: name.to_owned(), ..Stage::default() };
    (vec![Edit::InsertStage { map, index, stage }], id)
}

/// A new card titled `title` at `index` in `stage`.
#[must_use]
pub fn add_card(study: &Study, map: MapId, stage: StageId, index: usize, title: &str) -> (Vec<Edit>, CardId) {
    let id = study.id_allocator().card();
    let card = Card { id, title: title.to_owned(), ..Card::default() };
    (vec![Edit::InsertCard { map, stage, index, card }], id)
}

/// Removes the links of `map` that touch any of `cards`.
fn remove_links_touching(study: &Study, map_id: MapId, cards: &[CardId]) -> Vec<Edit> {
    let Some(map) = map(study, map_id) else { return Vec::new() };
    map.links
        .iter()
        .filter(|l| cards.contains(&l.from) || cards.contains(&l.to))
        .map(|l| Edit::RemoveLink { map: map_id, link: l.id })
        .collect()
}

/// Takes `cards` out of the focus of maps that zoom into them.
fn unfocus(study: &Study, cards: &[CardId]) -> Vec<Edit> {
    study
        .maps
        .iter()
        .filter(|m| m.focus.as_ref().is_some_and(|f| f.cards.iter().any(|c| cards.contains(c))))
        .map(|m| {
            let mut info = super::MapInfo::of(m);
            if let Some(focus) = &mut info.focus {
                focus.cards.retain(|c| !cards.contains(c));
            }
            // A map left detailing none of the touchpoints details nothing any more.
            if info.focus.as_ref().is_some_and(|f| f.cards.is_empty()) {
                info.focus = None;
            }
            Edit::SetMapInfo { map: m.id, info }
        })
        .collect()
}

/// Deletes cards, the links that touch them, and their place in other maps' focus.
#[must_use]
pub fn delete_cards(study: &Study, map: MapId, cards: &[CardId]) -> Vec<Edit> {
    let mut edits = remove_links_touching(study, map, cards);
    edits.extend(unfocus(study, cards));
    edits.extend(cards.iter().map(|&card| Edit::RemoveCard { map, card }));
    edits
}

/// Deletes a stage, its cards, and the links that touch them.
#[must_use]
pub fn delete_stage(study: &Study, map_id: MapId, stage: StageId) -> Vec<Edit> {
    let cards: Vec<CardId> = map(study, map_id)
        .and_then(|m| m.stage(stage))
        .map(|s| s.cards.iter().map(|c| c.id).collect())
        .unwrap_or_default();
    let mut edits = remove_links_touching(study, map_id, &cards);
    edits.extend(unfocus(study, &cards));
    edits.push(Edit::RemoveStage { map: map_id, stage });
    edits
}

/// Copies of `cards`, each inserted right after its original, with fresh ids.
#[must_use]
pub fn duplicate_cards(study: &Study, map_id: MapId, cards: &[CardId]) -> (Vec<Edit>, Vec<CardId>) {
    let Some(map) = map(study, map_id) else { return (Vec::new(), Vec::new()) };
    let mut ids = study.id_allocator();
    let mut edits = Vec::new();
    let mut new_ids = Vec::new();
    for stage in &map.stages {
        let mut inserted = 0;
        for (index, card) in stage.cards.iter().enumerate() {
            if !cards.contains(&card.id) {
                continue;
            }
            let id = ids.card();
            let copy = Card { id, ..card.clone() };
            edits.push(Edit::InsertCard {
                map: map_id,
                stage: stage.id,
                index: index + 1 + inserted,
                card: copy,
            });
            inserted += 1;
            new_ids.push(id);
        }
    }
    (edits, new_ids)
}

/// A link from one card to another.
#[must_use]
pub fn add_link(
    study: &Study,
    map_id: MapId,
    from: CardId,
    to: CardId,
    kind: LinkKind,
) -> (Vec<Edit>, Option<crate::model::LinkId>) {
    let Some(map) = map(study, map_id) else { return (Vec::new(), None) };
    if from == to || map.links.iter().any(|l| l.from == from && l.to == to && l.kind == kind) {
        return (Vec::new(), None);
    }
    let id = study.id_allocator().link();
    let link = Link { id, from, to, kind, label: String::new() };
    (vec![Edit::InsertLink { map: map_id, index: map.links.len(), link }], Some(id))
}

/// A new owner, with a colour distinct from every owner colour of the study.
#[must_use]
pub fn add_owner(study: &Study, name: &str, kind: OwnerKind) -> (Vec<Edit>, OwnerId) {
    let id = study.id_allocator().owner();
    let colour = DistinctColours::new(study.owners.iter().map(|o| o.colour)).next_colour();
    let owner = Owner { id, name: name.to_owned(), kind, colour, ..Owner::default() };
    (vec![Edit::InsertOwner { index: study.owners.len(), owner }], id)
}

/// Deletes an owner. Its cards, recommendations and child owners go to `replacement` when
/// given, or simply lose the owner.
#[must_use]
pub fn delete_owner(study: &Study, owner: OwnerId, replacement: Option<OwnerId>) -> Vec<Edit> {
    let replacement = replacement.filter(|r| *r != owner);
    let swap = |id: OwnerId| if id == owner { replacement } else { Some(id) };
    let mut edits = Vec::new();
    for map in &study.maps {
        for card in map.cards() {
            let touches = card.owners.contains(&owner)
                || card.accountable == Some(owner)
                || card.recommendations.iter().any(|r| r.owner == Some(owner));
            if !touches {
                continue;
            }
            let mut changed = card.clone();
            let mut owners = Vec::new();
            for id in card.owners.iter().filter_map(|id| swap(*id)) {
                if !owners.contains(&id) {
                    owners.push(id);
                }
            }
            changed.owners = owners;
            changed.accountable = card.accountable.and_then(swap);
            for recommendation in &mut changed.recommendations {
                recommendation.owner = recommendation.owner.and_then(swap);
            }
            edits.push(Edit::ReplaceCard { map: map.id, card: changed });
        }
        for stage in &map.stages {
            if stage.recommendations.iter().any(|r| r.owner == Some(owner)) {
                let mut changed = Stage { cards: Vec::new(), ..stage.clone() };
                for recommendation in &mut changed.recommendations {
                    recommendation.owner = recommendation.owner.and_then(swap);
                }
                edits.push(Edit::ReplaceStage { map: map.id, stage: changed });
            }
        }
    }
    let parent = study.owner(owner).and_then(|o| o.parent);
    for child in study.owners.iter().filter(|o| o.parent == Some(owner)) {
        edits.push(Edit::ReplaceOwner(Owner { parent, ..child.clone() }));
    }
    edits.extend(super::lanes::forget_owner(study, owner, replacement));
    edits.push(Edit::RemoveOwner(owner));
    edits
}

/// Adds `owner` to the cards (or removes it when `assigned` is false). A card without an
/// accountable owner gets this one; a card losing its accountable owner gets its first
/// remaining owner.
#[must_use]
pub fn assign_owner(
    study: &Study,
    map_id: MapId,
    cards: &[CardId],
    owner: OwnerId,
    assigned: bool,
) -> Vec<Edit> {
    let Some(map) = map(study, map_id) else { return Vec::new() };
    map.cards()
        .filter(|c| cards.contains(&c.id))
        .filter_map(|card| {
            let mut changed = card.clone();
            if assigned {
                if !changed.owners.contains(&owner) {
                    changed.owners.push(owner);
                }
                changed.accountable = changed.accountable.or(Some(owner));
            } else {
                changed.owners.retain(|o| *o != owner);
                if changed.accountable == Some(owner) {
                    changed.accountable = changed.owners.first().copied();
                }
            }
            (changed != *card).then_some(Edit::ReplaceCard { map: map_id, card: changed })
        })
        .collect()
}

/// Makes `owner` the accountable owner of `card`, adding it to the card's owners if needed.
#[must_use]
pub fn set_accountable(study: &Study, map_id: MapId, card: CardId, owner: OwnerId) -> Vec<Edit> {
    let Some(existing) = map(study, map_id).and_then(|m| m.card(card)) else { return Vec::new() };
    let mut changed = existing.clone();
    if !changed.owners.contains(&owner) {
        changed.owners.push(owner);
    }
    changed.accountable = Some(owner);
    if changed == *existing { Vec::new() } else { vec![Edit::ReplaceCard { map: map_id, card: changed }] }
}

/// A new map of `kind` with one empty stage, placed after the existing maps.
#[must_use]
pub fn add_map(study: &Study, kind: MapKind, title: &str) -> (Vec<Edit>, MapId) {
    let mut ids = study.id_allocator();
    let id = ids.map();
    let stage = Stage { id: ids.stage(), name: "First stage".to_owned(), ..Stage::default() };
    let map = JourneyMap { id, title: title.to_owned(), kind, stages: vec![stage], ..JourneyMap::default() };
    (vec![Edit::InsertMap { index: study.maps.len(), map }], id)
}

/// A copy of a map, with fresh ids for the map, its stages, cards and links, placed after it.
#[must_use]
pub fn duplicate_map(study: &Study, map_id: MapId) -> (Vec<Edit>, Option<MapId>) {
    let Some(index) = study.maps.iter().position(|m| m.id == map_id) else { return (Vec::new(), None) };
    let original = &study.maps[index];
    let mut ids = study.id_allocator();
    let mut copy = original.clone();
    copy.id = ids.map();
    copy.title = format!("{} (copy)", original.title);
    renumber_contents(&mut copy, &mut ids);
    let id = copy.id;
    (vec![Edit::InsertMap { index: index + 1, map: copy }], Some(id))
}

/// Gives a copied map's stages, cards and links fresh ids from `ids`, its links following
/// their cards to the new ids, so the copy and the original share none.
pub(crate) fn renumber_contents(copy: &mut JourneyMap, ids: &mut IdAllocator) {
    let mut card_ids = std::collections::HashMap::new();
    for stage in &mut copy.stages {
        stage.id = ids.stage();
        for card in &mut stage.cards {
            let fresh = ids.card();
            card_ids.insert(card.id, fresh);
            card.id = fresh;
        }
    }
    for link in &mut copy.links {
        link.id = ids.link();
        link.from = card_ids.get(&link.from).copied().unwrap_or(link.from);
        link.to = card_ids.get(&link.to).copied().unwrap_or(link.to);
    }
}

/// Deletes a map; cards on other maps that pointed at it as their detail lose the pointer,
/// and maps that zoomed into it lose their focus.
#[must_use]
pub fn delete_map(study: &Study, map_id: MapId) -> Vec<Edit> {
    let mut edits = Vec::new();
    for other in study.maps.iter().filter(|m| m.id != map_id) {
        for card in other.cards().filter(|c| c.detail == Some(map_id)) {
            edits.push(Edit::ReplaceCard { map: other.id, card: Card { detail: None, ..card.clone() } });
        }
        if other.focus.as_ref().is_some_and(|f| f.map == map_id) {
            let mut info = super::MapInfo::of(other);
            info.focus = None;
            edits.push(Edit::SetMapInfo { map: other.id, info });
        }
    }
    edits.push(Edit::RemoveMap(map_id));
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Document;
    use crate::model::validate;

    fn logistics() -> Document {
        Document::new(crate::templates::find("logistics").unwrap().study().unwrap(), None)
    }

    fn errors(study: &Study) -> usize {
        validate(study).iter().filter(|p| p.severity == crate::model::Severity::Error).count()
    }

    type Step = Box<dyn Fn(&Study) -> Vec<Edit>>;

    #[test]
    fn every_operation_undoes_to_the_original_and_redoes_to_the_result() {
        let mut doc = logistics();
        let original = doc.study().clone();
        let map = original.maps[0].id;
        let stage = original.maps[0].stages[1].id;
        let card = original.maps[0].stages[1].cards[0].id;
        let other = original.maps[0].stages[2].cards[0].id;
        let owner = original.owners[0].id;
        let first = original.maps[0].stages[0].cards[0].id;
        let (owner1, owner2, detail_map) =
            (original.owners[1].id, original.owners[2].id, original.maps[1].id);
        let steps: Vec<(&str, Step)> = vec![
            ("add stage", Box::new(move |s| add_stage(s, map, 2, "New").0)),
            ("add card", Box::new(move |s| add_card(s, map, stage, 0, "New card").0)),
            ("delete cards", Box::new(move |s| delete_cards(s, map, &[card]))),
            ("delete stage", Box::new(move |s| delete_stage(s, map, stage))),
            ("duplicate", Box::new(move |s| duplicate_cards(s, map, &[other]).0)),
            ("link", Box::new(move |s| add_link(s, map, other, first, LinkKind::Dependency).0)),
            ("add owner", Box::new(|s| add_owner(s, "Legal", OwnerKind::Department).0)),
            ("delete owner", Box::new(move |s| delete_owner(s, owner, None))),
            ("delete owner with replacement", Box::new(move |s| delete_owner(s, owner1, Some(owner2)))),
            ("add map", Box::new(|s| add_map(s, MapKind::Tactical, "Detail").0)),
            ("duplicate map", Box::new(move |s| duplicate_map(s, map).0)),
            ("delete map", Box::new(move |s| delete_map(s, detail_map))),
        ];
        for (label, make) in steps {
            let before = doc.study().clone();
            let edits = make(doc.study());
            assert!(!edits.is_empty(), "{label}");
            doc.apply(label, edits).unwrap();
            assert_eq!(
                errors(doc.study()),
                0,
                "{label} leaves no broken reference: {:#?}",
                validate(doc.study())
            );
            let after = doc.study().clone();
            assert!(doc.undo(), "{label}");
            assert_eq!(*doc.study(), before, "{label} undoes exactly");
            assert!(doc.redo(), "{label}");
            assert_eq!(*doc.study(), after, "{label} redoes exactly");
        }
        while doc.undo() {}
        assert_eq!(*doc.study(), original);
    }

    #[test]
    fn deleting_focused_touchpoints_repairs_the_maps_that_zoom_into_them() {
        let mut doc = logistics();
        let map = doc.study().maps[0].id;
        for stage in doc.study().maps[0].stages.iter().map(|s| s.id).collect::<Vec<_>>() {
            let edits = delete_stage(doc.study(), map, stage);
            doc.apply("Delete stage", edits).unwrap();
            assert_eq!(errors(doc.study()), 0, "{:#?}", validate(doc.study()));
        }
    }

    #[test]
    fn typing_in_one_field_is_one_step_until_sealed() {
        let mut doc = logistics();
        let map = doc.study().maps[0].id;
        let mut card = doc.study().maps[0].stages[0].cards[0].clone();
        let original = card.title.clone();
        for text in ["H", "He", "Hel", "Hello"] {
            card.title = text.to_owned();
            let edit = Edit::ReplaceCard { map, card: card.clone() };
            doc.apply_merging("Edit title", vec![edit], Some(crate::edit::MergeKey::Card(card.id))).unwrap();
        }
        assert_eq!(doc.history().undo_depth(), 1);
        doc.seal();
        card.title = "Hello!".to_owned();
        doc.apply_merging(
            "Edit title",
            vec![Edit::ReplaceCard { map, card: card.clone() }],
            Some(crate::edit::MergeKey::Card(card.id)),
        )
        .unwrap();
        assert_eq!(doc.history().undo_depth(), 2);
        doc.undo();
        assert_eq!(doc.study().maps[0].stages[0].cards[0].title, "Hello");
        doc.undo();
        assert_eq!(doc.study().maps[0].stages[0].cards[0].title, original);
    }

    #[test]
    fn dirty_follows_the_saved_position() {
        let mut doc = Document::new(
            crate::templates::find("starter").unwrap().study().unwrap(),
            Some("a.journey.ron".into()),
        );
        assert!(!doc.is_dirty());
        let map = doc.study().maps[0].id;
        let (edits, _) = add_stage(doc.study(), map, 0, "Pre-awareness");
        doc.apply("Add stage", edits).unwrap();
        assert!(doc.is_dirty());
        doc.undo();
        assert!(!doc.is_dirty(), "undoing back to the saved state is clean");
        doc.redo();
        doc.mark_saved("a.journey.ron".into());
        assert!(!doc.is_dirty());
        doc.undo();
        assert!(doc.is_dirty());
    }

    #[test]
    fn a_failing_group_changes_nothing() {
        let mut doc = logistics();
        let before = doc.study().clone();
        let map = before.maps[0].id;
        let card = before.maps[0].stages[0].cards[0].id;
        let result =
            doc.apply("Broken", vec![Edit::RemoveCard { map, card }, Edit::RemoveCard { map, card }]);
        assert!(result.is_err());
        assert_eq!(*doc.study(), before);
        assert_eq!(doc.history().undo_depth(), 0);
    }

    #[test]
    fn moving_a_card_between_stages_and_back() {
        let mut doc = logistics();
        let before = doc.study().clone();
        let map = before.maps[0].id;
        let card = before.maps[0].stages[0].cards[1].id;
        let target = before.maps[0].stages[3].id;
        doc.apply("Move", vec![Edit::MoveCard { map, card, stage: target, index: 0 }]).unwrap();
        assert_eq!(doc.study().maps[0].stages[3].cards[0].id, card);
        doc.undo();
        assert_eq!(*doc.study(), before);
    }
}

/// Adds a map of another study (an import, a paste) to `study`: the map, its stages, cards and
/// links get fresh ids; owners and personas are matched by name and added when missing;
/// references to the other study's maps are dropped.
#[must_use]
pub fn add_map_from(study: &Study, source: &Study, map: &JourneyMap) -> (Vec<Edit>, MapId) {
    use std::collections::HashMap;
    let mut working = study.clone();
    let mut edits = Vec::new();
    let mut owner_ids: HashMap<OwnerId, OwnerId> = HashMap::new();
    let mut colours = DistinctColours::new(study.owners.iter().map(|o| o.colour));
    for owner in &source.owners {
        let existing = working
            .owners
            .iter()
            .find(|o| o.name.trim().eq_ignore_ascii_case(owner.name.trim()))
            .map(|o| o.id);
        let id = existing.unwrap_or_else(|| {
            let id = working.id_allocator().owner();
            let colour = colours.keep_or_next(owner.colour);
            let added = Owner { id, parent: None, colour, ..owner.clone() };
            let edit = Edit::InsertOwner { index: working.owners.len(), owner: added };
            let _ = super::apply(&mut working, edit.clone());
            edits.push(edit);
            id
        });
        owner_ids.insert(owner.id, id);
    }
    let persona = map.persona.and_then(|p| source.persona(p)).map(|persona| {
        let existing = working
            .personas
            .iter()
            .find(|p| p.name.trim().eq_ignore_ascii_case(persona.name.trim()))
            .map(|p| p.id);
        existing.unwrap_or_else(|| {
            let id = working.id_allocator().persona();
            let edit = Edit::InsertPersona {
                index: working.personas.len(),
                persona: crate::model::Persona { id, ..persona.clone() },
            };
            let _ = super::apply(&mut working, edit.clone());
            edits.push(edit);
            id
        })
    });
    let mut ids = working.id_allocator();
    let remap = |id: OwnerId| owner_ids.get(&id).copied();
    let mut copy = map.clone();
    copy.id = ids.map();
    copy.persona = persona;
    copy.focus = None;
    let mut card_ids = HashMap::new();
    for stage in &mut copy.stages {
        stage.id = ids.stage();
        for recommendation in &mut stage.recommendations {
            recommendation.owner = recommendation.owner.and_then(remap);
        }
        for card in &mut stage.cards {
            let fresh = ids.card();
            card_ids.insert(card.id, fresh);
            card.id = fresh;
            card.owners = card.owners.iter().filter_map(|o| remap(*o)).collect();
            card.accountable = card.accountable.and_then(remap);
            card.detail = None;
            for recommendation in &mut card.recommendations {
                recommendation.owner = recommendation.owner.and_then(remap);
            }
        }
    }
    copy.links.retain(|l| card_ids.contains_key(&l.from) && card_ids.contains_key(&l.to));
    for link in &mut copy.links {
        link.id = ids.link();
        link.from = card_ids[&link.from];
        link.to = card_ids[&link.to];
    }
    let id = copy.id;
    edits.push(Edit::InsertMap { index: study.maps.len(), map: copy });
    (edits, id)
}

#[cfg(test)]
mod import_tests {
    use super::*;
    use crate::edit::Document;

    #[test]
    fn a_map_from_another_study_joins_with_owners_matched_by_name() {
        let source = crate::templates::find("saas").unwrap().study().unwrap();
        let mut doc = Document::new(crate::templates::find("starter").unwrap().study().unwrap(), None);
        let owners_before = doc.study().owners.len();
        let (edits, id) = add_map_from(doc.study(), &source, &source.maps[0]);
        doc.apply("Import map", edits).unwrap();
        let study = doc.study();
        let map = study.map(id).unwrap();
        assert_eq!(map.card_count(), source.maps[0].card_count());
        assert!(study.owners.len() > owners_before);
        assert!(
            study.owners.iter().filter(|o| o.name == "Marketing").count() == 1,
            "Marketing is matched, not doubled"
        );
        let errors: Vec<_> = crate::model::validate(study)
            .into_iter()
            .filter(|p| p.severity == crate::model::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        doc.undo();
        assert_eq!(doc.study().maps.len(), 1);
    }
}
