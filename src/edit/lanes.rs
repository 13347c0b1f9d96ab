//! Operations on the swimlanes of tactical and performance maps: moving a lane, and keeping
//! the saved lane order true when an owner is deleted.

use super::apply::Edit;
use crate::model::{MapId, OwnerId, Study};

/// Moves the lane of `owner` to position `to` among the map's shown owner lanes (0 = top),
/// as one edit that sets the map's lane order. No edits when the lane is not shown or does
/// not move. The lane of steps nobody is accountable for always stays last.
#[must_use]
pub fn move_lane(study: &Study, map_id: MapId, owner: OwnerId, to: usize) -> Vec<Edit> {
    let Some(map) = study.map(map_id) else { return Vec::new() };
    let shown: Vec<OwnerId> = map.lanes(|id| study.owner(id).is_some()).into_iter().flatten().collect();
    let Some(from) = shown.iter().position(|id| *id == owner) else { return Vec::new() };
    let to = to.min(shown.len() - 1);
    if from == to {
        return Vec::new();
    }
    let mut order = shown;
    let moved = order.remove(from);
    order.insert(to, moved);
    // Owners the user placed who have no step on the map now keep their place after the
    // shown ones, so a step assigned to them later finds its lane where it was.
    for id in &map.lane_order {
        if !order.contains(id) && study.owner(*id).is_some() {
            order.push(*id);
        }
    }
    vec![Edit::SetLaneOrder { map: map_id, order }]
}

/// The edits that take `owner` out of every map's lane order, putting `replacement` (the owner
/// that takes over its steps) in its place, where it is listed only once.
#[must_use]
pub fn forget_owner(study: &Study, owner: OwnerId, replacement: Option<OwnerId>) -> Vec<Edit> {
    study
        .maps
        .iter()
        .filter(|map| map.lane_order.contains(&owner))
        .map(|map| {
            let mut order = Vec::with_capacity(map.lane_order.len());
            for id in &map.lane_order {
                let id = if *id == owner { replacement } else { Some(*id) };
                if let Some(id) = id.filter(|id| !order.contains(id)) {
                    order.push(id);
                }
            }
            Edit::SetLaneOrder { map: map.id, order }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_all;
    use crate::model::{Card, CardId, JourneyMap, MapKind, Owner, Stage, StageId};

    fn study(order: &[u32]) -> Study {
        let card = |id: u32, owner: u32| Card {
            id: CardId(id),
            accountable: Some(OwnerId(owner)),
            ..Card::default()
        };
        Study {
            owners: (1..=4).map(|i| Owner { id: OwnerId(i), ..Owner::default() }).collect(),
            maps: vec![JourneyMap {
                id: MapId(1),
                kind: MapKind::Tactical,
                stages: vec![Stage {
                    id: StageId(1),
                    cards: vec![card(1, 1), card(2, 2), card(3, 3)],
                    ..Stage::default()
                }],
                lane_order: order.iter().map(|i| OwnerId(*i)).collect(),
                ..JourneyMap::default()
            }],
            ..Study::default()
        }
    }

    fn lanes(study: &Study) -> Vec<Option<OwnerId>> {
        study.maps[0].lanes(|id| study.owner(id).is_some())
    }

    #[test]
    fn moving_a_lane_sets_the_whole_order_in_one_edit() {
        let mut s = study(&[]);
        let edits = move_lane(&s, MapId(1), OwnerId(3), 0);
        assert_eq!(edits.len(), 1);
        apply_all(&mut s, edits).unwrap();
        assert_eq!(lanes(&s), vec![Some(OwnerId(3)), Some(OwnerId(1)), Some(OwnerId(2))]);
        assert!(move_lane(&s, MapId(1), OwnerId(3), 0).is_empty(), "no move, no edit");
        assert!(move_lane(&s, MapId(1), OwnerId(4), 0).is_empty(), "owner 4 has no lane");
    }

    #[test]
    fn placed_owners_without_steps_keep_their_place_after_the_shown_lanes() {
        let mut s = study(&[4, 2]);
        let edits = move_lane(&s, MapId(1), OwnerId(1), 0);
        apply_all(&mut s, edits).unwrap();
        assert_eq!(s.maps[0].lane_order, vec![OwnerId(1), OwnerId(2), OwnerId(3), OwnerId(4)]);
    }

    #[test]
    fn deleting_an_owner_repairs_the_lane_order() {
        let s = study(&[3, 1, 2]);
        let mut removed = s.clone();
        apply_all(&mut removed, forget_owner(&s, OwnerId(1), None)).unwrap();
        assert_eq!(removed.maps[0].lane_order, vec![OwnerId(3), OwnerId(2)]);
        let mut replaced = s.clone();
        apply_all(&mut replaced, forget_owner(&s, OwnerId(1), Some(OwnerId(2)))).unwrap();
        assert_eq!(replaced.maps[0].lane_order, vec![OwnerId(3), OwnerId(2)]);
        let mut swapped = s.clone();
        apply_all(&mut swapped, forget_owner(&s, OwnerId(1), Some(OwnerId(4)))).unwrap();
        assert_eq!(swapped.maps[0].lane_order, vec![OwnerId(3), OwnerId(4), OwnerId(2)]);
    }

    #[test]
    fn stale_ids_in_the_order_are_ignored() {
        let s = study(&[9, 2]);
        assert_eq!(lanes(&s), vec![Some(OwnerId(2)), Some(OwnerId(1)), Some(OwnerId(3))]);
    }
}
