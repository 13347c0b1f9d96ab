//! Handoffs: a flow edge whose two cards have accountable owners that differ. The flow edges
//! of tactical and performance maps are each step to the next in journey order (stages in
//! spine order, cards in stage order) plus the explicit flow links; on typical maps only the
//! explicit flow links. Dependency links are never handoffs.

use crate::model::{CardId, JourneyMap, LinkId, LinkKind, MapKind, OwnerId, StageId};
use std::collections::HashMap;

/// One change of hands along the flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handoff {
    /// The card the work leaves.
    pub from: CardId,
    /// The card the work arrives at.
    pub to: CardId,
    /// The accountable owner of `from`.
    pub from_owner: OwnerId,
    /// The accountable owner of `to`.
    pub to_owner: OwnerId,
    /// The stage of the card the work arrives at, where handoffs are counted per stage.
    pub stage: StageId,
    /// The explicit link, when the edge is one (not the journey order).
    pub link: Option<LinkId>,
}

/// Every handoff of `map`, journey-order edges first, then links in file order; an edge that
/// is both is listed once, as the link.
#[must_use]
pub fn handoffs(map: &JourneyMap) -> Vec<Handoff> {
    let mut where_is: HashMap<CardId, (StageId, Option<OwnerId>)> = HashMap::new();
    for stage in &map.stages {
        for card in &stage.cards {
            where_is.entry(card.id).or_insert((stage.id, card.accountable));
        }
    }
    let linked: std::collections::HashSet<(CardId, CardId)> =
        map.links.iter().filter(|l| l.kind == LinkKind::Flow).map(|l| (l.from, l.to)).collect();
    let mut out = Vec::new();
    let mut edge = |from: CardId, to: CardId, link: Option<LinkId>| {
        if from == to {
            return;
        }
        let (Some(&(_, Some(a))), Some(&(stage, Some(b)))) = (where_is.get(&from), where_is.get(&to)) else {
            return;
        };
        if a != b {
            out.push(Handoff { from, to, from_owner: a, to_owner: b, stage, link });
        }
    };
    if map.kind != MapKind::Typical {
        let order: Vec<CardId> = map.cards().map(|c| c.id).collect();
        for pair in order.windows(2) {
            if !linked.contains(&(pair[0], pair[1])) {
                edge(pair[0], pair[1], None);
            }
        }
    }
    for link in map.links.iter().filter(|l| l.kind == LinkKind::Flow) {
        edge(link.from, link.to, Some(link.id));
    }
    out
}

/// The flow edges of `map` that are handoffs, as (from, to) pairs, for drawing their marks.
#[must_use]
pub fn handoff_edges(map: &JourneyMap) -> std::collections::HashSet<(CardId, CardId)> {
    handoffs(map).into_iter().map(|h| (h.from, h.to)).collect()
}

/// The number of handoffs arriving in each stage, in spine order.
#[must_use]
pub fn per_stage(map: &JourneyMap, handoffs: &[Handoff]) -> Vec<usize> {
    map.stages.iter().map(|stage| handoffs.iter().filter(|h| h.stage == stage.id).count()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, Link, Stage};

    fn card(id: u32, owner: Option<u32>) -> Card {
        Card { id: CardId(id), accountable: owner.map(OwnerId), ..Card::default() }
    }

    fn map(kind: MapKind) -> JourneyMap {
        JourneyMap {
            kind,
            stages: vec![
                Stage { id: StageId(1), cards: vec![card(1, Some(1)), card(2, Some(1))], ..Stage::default() },
                Stage { id: StageId(2), cards: vec![card(3, Some(2)), card(4, None)], ..Stage::default() },
            ],
            links: vec![
                Link { id: LinkId(1), from: CardId(1), to: CardId(3), ..Link::default() },
                Link {
                    id: LinkId(2),
                    from: CardId(3),
                    to: CardId(1),
                    kind: LinkKind::Dependency,
                    ..Link::default()
                },
            ],
            ..JourneyMap::default()
        }
    }

    #[test]
    fn lane_maps_count_the_journey_order_and_flow_links() {
        let found = handoffs(&map(MapKind::Tactical));
        let pairs: Vec<(u32, u32)> = found.iter().map(|h| (h.from.0, h.to.0)).collect();
        // 2 → 3 changes hands; 3 → 4 has no accountable owner; 1 → 3 is a flow link.
        assert_eq!(pairs, vec![(2, 3), (1, 3)]);
        assert_eq!(per_stage(&map(MapKind::Tactical), &found), vec![0, 2]);
    }

    #[test]
    fn typical_maps_count_flow_links_only() {
        let found = handoffs(&map(MapKind::Typical));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].link, Some(LinkId(1)));
    }
}
