//! The map hierarchy of the method: a typical map's touchpoints detailed by tactical maps, and
//! a tactical map's steps measured on a performance-and-improvement map.
//!
//! The file already holds both directions of the link, and these operations keep them
//! together: a touchpoint's `detail` names the map that details it, and that map's `focus`
//! names the touchpoints (on the map above) it zooms into. A performance map made from a
//! tactical map focuses on the tactical map's steps; the steps keep no `detail` of their own,
//! because a step is not detailed by the whole performance map (a roll-up of it onto every step
//! would be wrong).

use super::apply::{Edit, MapInfo};
use crate::model::{Card, CardId, Focus, JourneyMap, MapId, MapKind, Stage, Study};

/// The map that already details `cards`: the first card's `detail`, else a map whose focus
/// holds one of them (a file may have set only one side).
#[must_use]
pub fn existing_detail(study: &Study, map: MapId, cards: &[CardId]) -> Option<MapId> {
    let source = study.map(map)?;
    let from_card = cards
        .iter()
        .filter_map(|id| source.card(*id))
        .find_map(|card| card.detail.filter(|d| *d != map && study.map(*d).is_some()));
    from_card.or_else(|| {
        study
            .maps
            .iter()
            .find(|m| {
                m.focus.as_ref().is_some_and(|f| f.map == map && f.cards.iter().any(|c| cards.contains(c)))
            })
            .map(|m| m.id)
    })
}

/// Titles joined as a person would say them: "A", "A and B", "A, B and C", "A, B and 3 more".
fn joined_titles(titles: &[&str]) -> String {
    match titles {
        [] => "Detail map".to_owned(),
        [one] => (*one).to_owned(),
        [first, second] => format!("{first} and {second}"),
        [first, second, third] => format!("{first}, {second} and {third}"),
        [first, second, rest @ ..] => format!("{first}, {second} and {} more", rest.len()),
    }
}

/// Why touchpoints cannot be detailed together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailRefusal {
    /// No card of the map was given.
    NoTouchpoints,
    /// The cards lie in more than one stage: a tactical map zooms into one place of the
    /// journey.
    SeveralStages,
}

impl DetailRefusal {
    /// What to tell the user.
    #[must_use]
    pub fn message(self) -> &'static str {
        match self {
            Self::NoTouchpoints => "Select the touchpoints to detail first",
            Self::SeveralStages => {
                "Select touchpoints of one stage to detail them together: a tactical map zooms into one place of the journey"
            }
        }
    }
}

/// A tactical map that details `cards` (touchpoints of one stage of `map`), as one group of
/// edits: the new map (named after them, for the same persona and state, focusing on them) and
/// each card's `detail` pointing at it. Returns the edits and the new map's id.
///
/// The map starts with one stage per touchpoint, named after it, and in each stage one step
/// per owner of the touchpoint, accountable owner first, each in its owner's lane ("Sales’s
/// part"). That is what a consultant brings to the workshop with the owning teams: the
/// swimlanes of the people who run this touchpoint, with the handoffs between them already
/// visible, ready to be split into the real steps. Scores are not copied: the steps get their
/// own scores, and copying the touchpoint's would pretend to know them (and bias any roll-up).
///
/// # Errors
/// When the cards are not touchpoints of one stage of the map.
pub fn detail_touchpoints(
    study: &Study,
    map: MapId,
    cards: &[CardId],
) -> Result<(Vec<Edit>, MapId), DetailRefusal> {
    let source = study.map(map).ok_or(DetailRefusal::NoTouchpoints)?;
    let stages: Vec<&Stage> =
        source.stages.iter().filter(|s| s.cards.iter().any(|c| cards.contains(&c.id))).collect();
    let stage = match stages.as_slice() {
        [] => return Err(DetailRefusal::NoTouchpoints),
        [one] => *one,
        _ => return Err(DetailRefusal::SeveralStages),
    };
    // In the stage's order, whatever order they were selected in.
    let chosen: Vec<&Card> = stage.cards.iter().filter(|c| cards.contains(&c.id)).collect();
    let mut ids = study.id_allocator();
    let id = ids.map();
    let mut new_stages = Vec::new();
    for card in &chosen {
        let mut owners = Vec::new();
        for owner in card.accountable.into_iter().chain(card.owners.iter().copied()) {
            if study.owner(owner).is_some() && !owners.contains(&owner) {
                owners.push(owner);
            }
        }
        let steps: Vec<Card> = if owners.is_empty() {
            vec![Card {
                id: ids.card(),
                title: "First step".to_owned(),
                channel: card.channel.clone(),
                ..Card::default()
            }]
        } else {
            owners
                .iter()
                .enumerate()
                .map(|(index, owner)| {
                    let name = study.owner(*owner).map_or("", |o| o.name.as_str());
                    Card {
                        id: ids.card(),
                        title: format!("{name}’s part"),
                        // The customer meets the touchpoint through its channel at the start.
                        channel: if index == 0 { card.channel.clone() } else { String::new() },
                        owners: vec![*owner],
                        accountable: Some(*owner),
                        ..Card::default()
                    }
                })
                .collect()
        };
        new_stages.push(Stage {
            id: ids.stage(),
            name: card.title.clone(),
            cards: steps,
            ..Stage::default()
        });
    }
    let titles: Vec<&str> = chosen.iter().map(|c| c.title.trim()).filter(|t| !t.is_empty()).collect();
    let tactical = JourneyMap {
        id,
        title: joined_titles(&titles),
        kind: MapKind::Tactical,
        state: source.state,
        persona: source.persona,
        focus: Some(Focus { map, cards: chosen.iter().map(|c| c.id).collect() }),
        stages: new_stages,
        ..JourneyMap::default()
    };
    let index = study.maps.iter().position(|m| m.id == map).map_or(study.maps.len(), |i| i + 1);
    let mut edits = vec![Edit::InsertMap { index, map: tactical }];
    for card in &chosen {
        edits.push(Edit::ReplaceCard { map, card: Card { detail: Some(id), ..(*card).clone() } });
    }
    Ok((edits, id))
}

/// The performance-and-improvement map already made from `tactical`: a performance map that
/// focuses on it.
#[must_use]
pub fn existing_performance(study: &Study, tactical: MapId) -> Option<MapId> {
    study
        .maps
        .iter()
        .find(|m| m.kind == MapKind::Performance && m.focus.as_ref().is_some_and(|f| f.map == tactical))
        .map(|m| m.id)
}

/// The performance-and-improvement map of `tactical`'s steps: a copy of its stages, steps
/// (owners, scores, flags, metrics, recommendations) and links with fresh ids, for the same
/// persona and state, focusing on the tactical map's steps, placed after it. Returns `None`
/// when there is no such map.
#[must_use]
pub fn make_performance_map(study: &Study, tactical: MapId) -> Option<(Vec<Edit>, MapId)> {
    let index = study.maps.iter().position(|m| m.id == tactical)?;
    let original = &study.maps[index];
    let mut ids = study.id_allocator();
    let mut copy = original.clone();
    copy.id = ids.map();
    copy.kind = MapKind::Performance;
    copy.title = format!("{} — performance and improvement", original.title.trim());
    copy.focus = Some(Focus { map: tactical, cards: original.cards().map(|c| c.id).collect() });
    super::ops::renumber_contents(&mut copy, &mut ids);
    // One map details a touchpoint; the copy does not claim the step's own detail.
    for stage in &mut copy.stages {
        for card in &mut stage.cards {
            card.detail = None;
        }
    }
    let id = copy.id;
    Some((vec![Edit::InsertMap { index: index + 1, map: copy }], id))
}

/// The map above `map` in the hierarchy: the map its focus zooms into.
#[must_use]
pub fn parent(study: &Study, map: MapId) -> Option<MapId> {
    let focus = study.map(map)?.focus.as_ref()?;
    (focus.map != map && study.map(focus.map).is_some()).then_some(focus.map)
}

/// The path from the top of the hierarchy down to `map` (the map itself last); a loop of
/// focuses is cut where it repeats.
#[must_use]
pub fn path_to(study: &Study, map: MapId) -> Vec<MapId> {
    let mut path = vec![map];
    while let Some(up) = parent(study, *path.last().unwrap_or(&map)) {
        if path.contains(&up) {
            break;
        }
        path.push(up);
    }
    path.reverse();
    path
}

/// The maps that zoom into `map`: its detail maps, in tab order.
#[must_use]
pub fn children(study: &Study, map: MapId) -> Vec<MapId> {
    study
        .maps
        .iter()
        .filter(|m| m.id != map && m.focus.as_ref().is_some_and(|f| f.map == map))
        .map(|m| m.id)
        .collect()
}

/// Sets `card`'s detail map, keeping the other side of the link in step: the new detail map
/// takes the card into its focus (when it focuses on nothing or on this card's map), and the
/// old one lets it go (dropping its focus when no card is left).
#[must_use]
pub fn set_detail(study: &Study, map: MapId, card: CardId, detail: Option<MapId>) -> Vec<Edit> {
    let Some(existing) = study.map(map).and_then(|m| m.card(card)) else { return Vec::new() };
    if existing.detail == detail {
        return Vec::new();
    }
    let mut edits = vec![Edit::ReplaceCard { map, card: Card { detail, ..existing.clone() } }];
    if let Some(old) = existing.detail.and_then(|id| study.map(id))
        && let Some(focus) = old.focus.as_ref().filter(|f| f.map == map && f.cards.contains(&card))
    {
        let cards: Vec<CardId> = focus.cards.iter().copied().filter(|c| *c != card).collect();
        let focus = (!cards.is_empty()).then_some(Focus { map, cards });
        edits.push(Edit::SetMapInfo { map: old.id, info: MapInfo { focus, ..MapInfo::of(old) } });
    }
    if let Some(new) = detail.and_then(|id| study.map(id)).filter(|m| m.id != map) {
        let focus = match &new.focus {
            None => Some(Focus { map, cards: vec![card] }),
            Some(f) if f.map == map && !f.cards.contains(&card) => {
                Some(Focus { map, cards: f.cards.iter().copied().chain([card]).collect() })
            }
            Some(_) => None,
        };
        if let Some(focus) = focus {
            edits.push(Edit::SetMapInfo {
                map: new.id,
                info: MapInfo { focus: Some(focus), ..MapInfo::of(new) },
            });
        }
    }
    edits
}

/// When `map`'s focus changes from `old` to `new`, the cards' side of the link follows: a
/// card newly in the focus with no detail map gets this one, and a card leaving it whose detail
/// map was this one loses it.
#[must_use]
pub fn follow_focus(study: &Study, map: MapId, old: Option<&Focus>, new: Option<&Focus>) -> Vec<Edit> {
    let holds = |focus: Option<&Focus>, on: MapId, card: CardId| {
        focus.is_some_and(|f| f.map == on && f.cards.contains(&card))
    };
    let mut edits = Vec::new();
    if let Some(old) = old
        && let Some(above) = study.map(old.map)
    {
        for card in above.cards().filter(|c| old.cards.contains(&c.id) && !holds(new, old.map, c.id)) {
            if card.detail == Some(map) {
                edits.push(Edit::ReplaceCard { map: above.id, card: Card { detail: None, ..card.clone() } });
            }
        }
    }
    if let Some(new) = new
        && let Some(above) = study.map(new.map).filter(|m| m.id != map)
    {
        for card in above.cards().filter(|c| new.cards.contains(&c.id) && !holds(old, new.map, c.id)) {
            if card.detail.is_none() {
                edits.push(Edit::ReplaceCard {
                    map: above.id,
                    card: Card { detail: Some(map), ..card.clone() },
                });
            }
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Document, ops};
    use crate::model::{Severity, validate};

    fn logistics() -> Document {
        Document::new(crate::templates::find("logistics").unwrap().study().unwrap(), None)
    }

    fn errors(study: &Study) -> Vec<crate::model::Problem> {
        validate(study).into_iter().filter(|p| p.severity == Severity::Error).collect()
    }

    /// A typical map's stage with two touchpoints that no map details yet.
    fn undetailed_pair(study: &Study) -> (MapId, Vec<CardId>) {
        let map = &study.maps[0];
        let stage = map
            .stages
            .iter()
            .find(|s| s.cards.iter().filter(|c| c.detail.is_none()).count() >= 2)
            .expect("a stage with two undetailed touchpoints");
        (map.id, stage.cards.iter().filter(|c| c.detail.is_none()).take(2).map(|c| c.id).collect())
    }

    #[test]
    fn detailing_touchpoints_makes_one_linked_tactical_map_in_one_step() {
        let mut doc = logistics();
        let before = doc.study().clone();
        let (map, cards) = undetailed_pair(&before);
        let (edits, id) = detail_touchpoints(&before, map, &[cards[1], cards[0]]).unwrap();
        doc.apply("Detail touchpoints", edits).unwrap();
        let study = doc.study();
        let tactical = study.map(id).unwrap();
        let source = study.map(map).unwrap();
        assert_eq!(tactical.kind, MapKind::Tactical);
        assert_eq!(tactical.persona, source.persona);
        assert_eq!(tactical.focus, Some(Focus { map, cards: cards.clone() }), "in stage order");
        assert_eq!(tactical.stages.len(), 2, "one stage per touchpoint");
        for (stage, card) in tactical.stages.iter().zip(&cards) {
            let card = source.card(*card).unwrap();
            assert_eq!(stage.name, card.title);
            assert_eq!(card.detail, Some(id));
            let lanes: Vec<_> = stage.cards.iter().map(|c| c.accountable).collect();
            let mut expected: Vec<_> = card.accountable.into_iter().map(Some).collect();
            expected.extend(card.owners.iter().filter(|o| Some(**o) != card.accountable).map(|o| Some(*o)));
            assert_eq!(lanes, expected, "a step per owner, accountable first");
        }
        assert!(tactical.title.contains(&source.card(cards[0]).unwrap().title));
        assert!(errors(study).is_empty(), "{:#?}", errors(study));
        assert_eq!(existing_detail(study, map, &cards[..1]), Some(id));
        assert_eq!(doc.history().undo_depth(), 1);
        doc.undo();
        assert_eq!(*doc.study(), before);
    }

    #[test]
    fn touchpoints_of_two_stages_are_refused() {
        let study = logistics().study().clone();
        let map = &study.maps[0];
        let cards = [map.stages[0].cards[0].id, map.stages[1].cards[0].id];
        assert_eq!(detail_touchpoints(&study, map.id, &cards).unwrap_err(), DetailRefusal::SeveralStages);
        assert_eq!(detail_touchpoints(&study, map.id, &[]).unwrap_err(), DetailRefusal::NoTouchpoints);
    }

    #[test]
    fn a_performance_map_copies_the_steps_and_points_back() {
        let mut doc = logistics();
        let tactical = doc.study().maps[1].id;
        assert_eq!(existing_performance(doc.study(), tactical), None);
        let (edits, id) = make_performance_map(doc.study(), tactical).unwrap();
        doc.apply("Make performance map", edits).unwrap();
        let study = doc.study();
        let (original, copy) = (study.map(tactical).unwrap(), study.map(id).unwrap());
        assert_eq!(copy.kind, MapKind::Performance);
        assert_eq!(copy.card_count(), original.card_count());
        assert_eq!(copy.links.len(), original.links.len());
        for (a, b) in original.cards().zip(copy.cards()) {
            assert_ne!(a.id, b.id);
            assert_eq!(
                (a.owners.clone(), a.accountable, a.importance, a.performance),
                (b.owners.clone(), b.accountable, b.importance, b.performance)
            );
        }
        assert_eq!(copy.focus.as_ref().map(|f| f.map), Some(tactical));
        assert_eq!(existing_performance(study, tactical), Some(id));
        assert_eq!(path_to(study, id), vec![study.maps[0].id, tactical, id]);
        assert!(children(study, tactical).contains(&id));
        assert!(errors(study).is_empty(), "{:#?}", errors(study));
    }

    #[test]
    fn setting_a_detail_map_keeps_both_sides_of_the_link() {
        let mut doc = logistics();
        let (map, cards) = undetailed_pair(doc.study());
        let tactical = doc.study().maps[1].id;
        let edits = set_detail(doc.study(), map, cards[0], Some(tactical));
        doc.apply("Set detail", edits).unwrap();
        assert!(doc.study().map(tactical).unwrap().focus.as_ref().unwrap().cards.contains(&cards[0]));
        let edits = set_detail(doc.study(), map, cards[0], None);
        doc.apply("Clear detail", edits).unwrap();
        assert!(!doc.study().map(tactical).unwrap().focus.as_ref().unwrap().cards.contains(&cards[0]));
        assert_eq!(doc.study().map(map).unwrap().card(cards[0]).unwrap().detail, None);
    }

    #[test]
    fn following_a_focus_change_links_and_unlinks_the_cards() {
        let study = logistics().study().clone();
        let (map, cards) = undetailed_pair(&study);
        let tactical = study.maps[1].id;
        let old = study.maps[1].focus.clone().unwrap();
        let new = Focus { map, cards: vec![cards[0]] };
        let edits = follow_focus(&study, tactical, Some(&old), Some(&new));
        let linked = edits
            .iter()
            .filter(|e| matches!(e, Edit::ReplaceCard { card, .. } if card.detail == Some(tactical)))
            .count();
        let unlinked = edits
            .iter()
            .filter(|e| matches!(e, Edit::ReplaceCard { card, .. } if card.detail.is_none()))
            .count();
        assert_eq!(linked, 1);
        assert_eq!(unlinked, old.cards.len());
    }

    #[test]
    fn deleting_what_the_hierarchy_points_at_repairs_it_in_one_undoable_step() {
        let mut doc = logistics();
        let original = doc.study().clone();
        let typical = original.maps[0].id;
        let tactical = original.maps[1].id;
        let focused = original.maps[1].focus.clone().unwrap().cards;
        let stage = original.maps[0]
            .stages
            .iter()
            .find(|s| s.cards.iter().any(|c| focused.contains(&c.id)))
            .unwrap()
            .id;
        let deletes: Vec<(&str, Vec<Edit>)> = vec![
            ("stage", ops::delete_stage(&original, typical, stage)),
            ("cards", ops::delete_cards(&original, typical, &focused)),
            ("tactical map", ops::delete_map(&original, tactical)),
            ("typical map", ops::delete_map(&original, typical)),
        ];
        for (what, edits) in deletes {
            doc.apply(what, edits).unwrap();
            assert!(errors(doc.study()).is_empty(), "{what}: {:#?}", errors(doc.study()));
            let empty_focus =
                doc.study().maps.iter().any(|m| m.focus.as_ref().is_some_and(|f| f.cards.is_empty()));
            assert!(!empty_focus, "{what}: a focus left with no touchpoints is dropped");
            doc.undo();
            assert_eq!(*doc.study(), original, "{what} undoes exactly");
        }
    }
}
