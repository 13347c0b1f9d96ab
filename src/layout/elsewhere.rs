//! Links that leave the part of a map a sheet shows. A map wrapped into rows or split across
//! pages is cut between stages, and a link whose ends land in different parts cannot be
//! drawn whole; the caption of each part names them instead, so none is lost from the print.

use crate::model::{CardId, JourneyMap};
use std::ops::Range;

/// How many links a caption names before it says how many more there are.
const NAMED: usize = 6;
/// How much of a card's title a caption quotes.
const TITLE_CHARS: usize = 40;

/// " · Links to other rows: “A” → “B” (row 2); …" for part `index` of `map` cut into
/// `ranges` of stages, each part called `unit` ("row", "part"); empty when no link leaves or
/// enters it.
#[must_use]
pub fn links_elsewhere(map: &JourneyMap, ranges: &[Range<usize>], index: usize, unit: &str) -> String {
    let part_of = |card: CardId| {
        let stage = map.stages.iter().position(|stage| stage.cards.iter().any(|c| c.id == card))?;
        ranges.iter().position(|range| range.contains(&stage))
    };
    let title = |card: CardId| {
        let title = map.card(card).map_or("", |c| c.title.trim());
        if title.chars().count() > TITLE_CHARS {
            format!("“{}…”", title.chars().take(TITLE_CHARS - 1).collect::<String>().trim_end())
        } else {
            format!("“{title}”")
        }
    };
    let entries: Vec<String> = map
        .links
        .iter()
        .filter_map(|link| {
            let (from, to) = (part_of(link.from)?, part_of(link.to)?);
            if from == to {
                None
            } else if from == index {
                Some(format!("{} → {} ({unit} {})", title(link.from), title(link.to), to + 1))
            } else if to == index {
                Some(format!("{} ({unit} {}) → {}", title(link.from), from + 1, title(link.to)))
            } else {
                None
            }
        })
        .collect();
    if entries.is_empty() {
        return String::new();
    }
    let more = entries.len().saturating_sub(NAMED);
    let named = entries[..entries.len().min(NAMED)].join("; ");
    let more = if more > 0 { format!("; and {more} more") } else { String::new() };
    format!(" · Links to other {unit}s: {named}{more}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_between_parts_is_named_in_both_and_one_within_a_part_in_neither() {
        let study = crate::templates::find("starter").unwrap().study().unwrap();
        let mut map = study.maps[0].clone();
        assert!(map.stages.len() >= 3);
        let first = map.stages[0].cards[0].id;
        let last = map.stages[2].cards[0].id;
        let beside = map.stages[0].cards.get(1).map_or(first, |c| c.id);
        map.links = vec![
            crate::model::Link { from: first, to: last, ..map.links.first().cloned().unwrap_or_default() },
            crate::model::Link { from: first, to: beside, ..map.links.first().cloned().unwrap_or_default() },
        ];
        let ranges = [0..2, 2..map.stages.len()];
        let (a, b) = (map.card(first).unwrap().title.clone(), map.card(last).unwrap().title.clone());
        let out = links_elsewhere(&map, &ranges, 0, "row");
        assert_eq!(out, format!(" · Links to other rows: “{a}” → “{b}” (row 2)"));
        let into = links_elsewhere(&map, &ranges, 1, "row");
        assert_eq!(into, format!(" · Links to other rows: “{a}” (row 1) → “{b}”"));
        let whole = std::iter::once(0..map.stages.len()).collect::<Vec<_>>();
        assert!(links_elsewhere(&map, &whole, 0, "part").is_empty());
    }
}
