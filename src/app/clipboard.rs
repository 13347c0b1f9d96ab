//! Cards on the clipboard, as text, so they can be pasted into another map or another study.
//! Owners travel with the cards by name and are matched (or added) where they are pasted.

use crate::edit::{Edit, ops};
use crate::model::{Card, CardId, JourneyMap, Link, MapId, Owner, OwnerId, StageId, Study};
use serde::{Deserialize, Serialize};

/// The first line of Wayline cards on the clipboard.
const MARKER: &str = "# Wayline cards";

#[derive(Serialize, Deserialize)]
struct Payload {
    cards: Vec<Card>,
    owners: Vec<Owner>,
    links: Vec<Link>,
}

/// The selected cards of `map` as clipboard text, with their owners and the links between them.
#[must_use]
pub fn copy_cards(study: &Study, map: &JourneyMap, selected: &[CardId]) -> Option<String> {
    let cards: Vec<Card> = map.cards().filter(|c| selected.contains(&c.id)).cloned().collect();
    if cards.is_empty() {
        return None;
    }
    let owners: Vec<Owner> = study
        .owners
        .iter()
        .filter(|o| cards.iter().any(|c| c.owners.contains(&o.id) || c.accountable == Some(o.id)))
        .cloned()
        .collect();
    let links = map
        .links
        .iter()
        .filter(|l| selected.contains(&l.from) && selected.contains(&l.to))
        .cloned()
        .collect();
    let text = ron::to_string(&Payload { cards, owners, links }).ok()?;
    Some(format!("{MARKER}\n{text}"))
}

/// Edits that paste clipboard `text` into `stage` of `map`, with fresh ids; owners are matched
/// by name and added when missing. `None` when the text holds no Wayline cards.
#[must_use]
pub fn paste_cards(
    study: &Study,
    map: MapId,
    stage: StageId,
    index: Option<usize>,
    text: &str,
) -> Option<(Vec<Edit>, Vec<CardId>)> {
    let body = text.trim_start().strip_prefix(MARKER)?;
    let payload: Payload = ron::from_str(body.trim()).ok()?;
    let mut ids = study.id_allocator();
    let mut edits = Vec::new();
    let mut owner_map = std::collections::HashMap::<OwnerId, OwnerId>::new();
    let mut working = study.clone();
    for owner in payload.owners {
        let existing = working
            .owners
            .iter()
            .find(|o| o.name.trim().eq_ignore_ascii_case(owner.name.trim()))
            .map(|o| o.id);
        let id = if let Some(id) = existing {
            id
        } else {
            let (owner_edits, id) = ops::add_owner(&working, &owner.name, owner.kind);
            let _ = crate::edit::apply_all(&mut working, owner_edits.clone());
            edits.extend(owner_edits);
            id
        };
        owner_map.insert(owner.id, id);
    }
    let count = study.map(map)?.stage(stage)?.cards.len();
    let start = index.map_or(count, |i| i.min(count));
    let mut card_map = std::collections::HashMap::new();
    let mut new_cards = Vec::new();
    for (offset, mut card) in payload.cards.into_iter().enumerate() {
        let id = ids.card();
        card_map.insert(card.id, id);
        card.id = id;
        card.owners = card.owners.iter().filter_map(|o| owner_map.get(o).copied()).collect();
        card.accountable = card.accountable.and_then(|o| owner_map.get(&o).copied());
        for recommendation in &mut card.recommendations {
            recommendation.owner = recommendation.owner.and_then(|o| owner_map.get(&o).copied());
        }
        card.detail = card.detail.filter(|m| study.map(*m).is_some());
        new_cards.push(id);
        edits.push(Edit::InsertCard { map, stage, index: start + offset, card });
    }
    let link_count = study.map(map)?.links.len();
    for (offset, mut link) in payload.links.into_iter().enumerate() {
        let (Some(&from), Some(&to)) = (card_map.get(&link.from), card_map.get(&link.to)) else { continue };
        link.id = ids.link();
        link.from = from;
        link.to = to;
        edits.push(Edit::InsertLink { map, index: link_count + offset, link });
    }
    Some((edits, new_cards))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Document;

    #[test]
    fn cards_copied_from_one_study_paste_into_another() {
        let source = crate::templates::find("logistics").unwrap().study().unwrap();
        let map = &source.maps[0];
        let selected: Vec<CardId> = map.stages[0].cards.iter().map(|c| c.id).collect();
        let text = copy_cards(&source, map, &selected).unwrap();

        let mut doc = Document::new(crate::templates::find("starter").unwrap().study().unwrap(), None);
        let (map_id, stage) = (doc.study().maps[0].id, doc.study().maps[0].stages[0].id);
        let (edits, pasted) = paste_cards(doc.study(), map_id, stage, None, &text).unwrap();
        doc.apply("Paste", edits).unwrap();
        assert_eq!(pasted.len(), selected.len());
        let errors: Vec<_> = crate::model::validate(doc.study())
            .into_iter()
            .filter(|p| p.severity == crate::model::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let titles: Vec<&str> =
            doc.study().maps[0].stages[0].cards.iter().map(|c| c.title.as_str()).collect();
        assert!(titles.contains(&map.stages[0].cards[0].title.as_str()));

        // Pasting at a position puts the cards there, in order.
        let (edits, again) = paste_cards(doc.study(), map_id, stage, Some(1), &text).unwrap();
        doc.apply("Paste", edits).unwrap();
        let order: Vec<CardId> = doc.study().maps[0].stages[0].cards.iter().map(|c| c.id).collect();
        assert_eq!(&order[1..=again.len()], again.as_slice());
        assert!(paste_cards(doc.study(), map_id, stage, None, "just some text").is_none());
    }
}
