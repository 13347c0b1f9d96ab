//! Hit-testing on the scene, and where a dragged card would land.

use crate::layout::{Layer, Point, Role, Scene, Shape};
use crate::model::{CardId, JourneyMap, LinkId, MapKind, OwnerId, StageId};

/// What is under a map point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A card.
    Card(CardId),
    /// A stage's chevron on the spine.
    Stage(StageId),
    /// A link's connector or its note badge.
    Link(LinkId),
    /// Empty space.
    Nothing,
}

/// What is at `point`: cards above links above stages above the background. A link is hit
/// within `tolerance` map units of its connector, so a thin line is easy to click.
#[must_use]
pub fn hit(scene: &Scene, map: &JourneyMap, point: Point, tolerance: f32) -> Hit {
    if let Some(card) = scene.card_at(point) {
        return Hit::Card(card);
    }
    if let Some(link) = link_at(scene, map, point, tolerance) {
        return Hit::Link(link);
    }
    scene
        .regions
        .iter()
        .rev()
        .find_map(|region| match region.role {
            Role::Stage(id) if region.layer == Layer::Stages && region.rect.contains(point) => {
                Some(Hit::Stage(id))
            }
            _ => None,
        })
        .unwrap_or(Hit::Nothing)
}

/// The link a scene item draws: its own connector, or on lane maps the flow arrow between two
/// consecutive steps that a link joins.
fn link_of(map: &JourneyMap, role: Role) -> Option<LinkId> {
    match role {
        Role::Link(id) => Some(id),
        Role::Flow(from, to) => map.links.iter().find(|l| l.from == from && l.to == to).map(|l| l.id),
        _ => None,
    }
}

/// The distance from `point` to the segment from `a` to `b`.
fn distance_to_segment(point: Point, start: Point, end: Point) -> f32 {
    let (dx, dy) = (end.x - start.x, end.y - start.y);
    let length_squared = dx * dx + dy * dy;
    let along = if length_squared > 0.0 {
        (((point.x - start.x) * dx + (point.y - start.y) * dy) / length_squared).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let nearest = Point::new(start.x + along * dx, start.y + along * dy);
    ((point.x - nearest.x).powi(2) + (point.y - nearest.y).powi(2)).sqrt()
}

/// The link whose connector passes within `tolerance` of `point` (the nearest one), or whose
/// note badge or arrowhead holds it.
#[must_use]
pub fn link_at(scene: &Scene, map: &JourneyMap, point: Point, tolerance: f32) -> Option<LinkId> {
    let mut best: Option<(f32, LinkId)> = None;
    for item in &scene.items {
        let Some(link) = link_of(map, item.role) else { continue };
        let distance = match &item.shape {
            Shape::Line { points, .. } => points
                .windows(2)
                .map(|w| distance_to_segment(point, w[0], w[1]))
                .fold(f32::INFINITY, f32::min),
            Shape::Rect { rect, .. } if rect.contains(point) => 0.0,
            Shape::Polygon { points, .. } => {
                let bounds = points.iter().fold(None, |acc: Option<crate::layout::Rect>, p| {
                    let r = crate::layout::Rect::from_xywh(p.x, p.y, 0.0, 0.0);
                    Some(acc.map_or(r, |a| a.union(&r)))
                });
                if bounds.is_some_and(|b| b.contains(point)) { 0.0 } else { f32::INFINITY }
            }
            _ => continue,
        };
        if distance <= tolerance && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, link));
        }
    }
    best.map(|(_, link)| link)
}

/// The lines a link is drawn with, to draw it selected.
#[must_use]
pub fn link_lines(scene: &Scene, map: &JourneyMap, link: LinkId) -> Vec<Vec<Point>> {
    scene
        .items
        .iter()
        .filter(|item| link_of(map, item.role) == Some(link))
        .filter_map(|item| match &item.shape {
            Shape::Line { points, .. } => Some(points.clone()),
            _ => None,
        })
        .collect()
}

/// The stage whose column (chevron extent) holds `x`, or the nearest one.
#[must_use]
pub fn stage_at_x(scene: &Scene, x: f32) -> Option<StageId> {
    let mut best: Option<(f32, StageId)> = None;
    for region in scene.regions.iter().filter(|r| r.layer == Layer::Stages) {
        let Role::Stage(id) = region.role else { continue };
        let distance = if x < region.rect.min.x {
            region.rect.min.x - x
        } else if x > region.rect.max.x {
            x - region.rect.max.x
        } else {
            0.0
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, id));
        }
    }
    best.map(|(_, id)| id)
}

/// The lane at a height (tactical and performance maps): its owner, `None` for the lane of
/// steps nobody is accountable for. Outer `None` when the point is in no lane.
#[must_use]
pub fn lane_at_y(scene: &Scene, y: f32) -> Option<Option<OwnerId>> {
    scene.regions.iter().find_map(|region| match region.role {
        Role::Lane(owner)
            if region.layer == Layer::Lanes && y >= region.rect.min.y && y <= region.rect.max.y =>
        {
            Some(owner)
        }
        _ => None,
    })
}

/// The lane whose header (its label at the left of the lane) holds `point`: the handle the
/// user drags to reorder lanes. Outer `None` when the point is on no lane header.
#[must_use]
pub fn lane_header_at(scene: &Scene, point: Point) -> Option<Option<OwnerId>> {
    scene.regions.iter().find_map(|region| match region.role {
        Role::Lane(owner) if region.layer == Layer::Labels && region.rect.contains(point) => Some(owner),
        _ => None,
    })
}

/// Where a lane dragged to height `y` would go: its position among the owners' lanes (the lane
/// of steps nobody is accountable for stays last), and the line to mark it with, in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneDrop {
    /// The position among the other owners' lanes, 0 = top.
    pub index: usize,
    /// Where to draw the drop indicator: a line from `.0` to `.1`.
    pub marker: (Point, Point),
}

/// Where the lane of `dragged` would land if dropped at height `y`.
#[must_use]
pub fn lane_move(scene: &Scene, dragged: OwnerId, y: f32) -> Option<LaneDrop> {
    let others: Vec<crate::layout::Rect> = scene
        .regions
        .iter()
        .filter(|r| r.layer == Layer::Lanes)
        .filter_map(|r| match r.role {
            Role::Lane(Some(owner)) if owner != dragged => Some(r.rect),
            _ => None,
        })
        .collect();
    let own =
        scene.regions.iter().find(|r| r.layer == Layer::Lanes && r.role == Role::Lane(Some(dragged)))?;
    let index = others.iter().filter(|r| r.centre().y < y).count();
    let edge = others.get(index).map(|below| below.min.y).or_else(|| others.last().map(|above| above.max.y));
    let edge = edge.unwrap_or(own.rect.min.y);
    Some(LaneDrop { index, marker: (Point::new(own.rect.min.x, edge), Point::new(own.rect.max.x, edge)) })
}

/// Where dropped cards would go: a stage, a position in it, and on lane maps the lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DropTarget {
    /// The stage the cards go into.
    pub stage: StageId,
    /// The position among the stage's other cards (the dragged ones left out).
    pub index: usize,
    /// The lane (accountable owner) on tactical and performance maps.
    pub lane: Option<Option<OwnerId>>,
    /// Where to draw the drop indicator: a line from `from` to `to` in map units.
    pub marker: (Point, Point),
}

/// Where cards dragged to `point` would land.
#[must_use]
pub fn drop_target(scene: &Scene, map: &JourneyMap, dragged: &[CardId], point: Point) -> Option<DropTarget> {
    match map.kind {
        MapKind::Typical => column_drop(scene, map, dragged, point),
        MapKind::Tactical | MapKind::Performance => lane_drop(scene, map, dragged, point),
    }
}

fn column_drop(scene: &Scene, map: &JourneyMap, dragged: &[CardId], point: Point) -> Option<DropTarget> {
    let stage_id = stage_at_x(scene, point.x)?;
    let stage = map.stage(stage_id)?;
    let column = scene.stage_rect(stage_id)?;
    let others: Vec<crate::layout::Rect> = stage
        .cards
        .iter()
        .filter(|c| !dragged.contains(&c.id))
        .filter_map(|c| scene.card_rect(c.id))
        .collect();
    let index = others.iter().filter(|r| r.centre().y < point.y).count();
    let y = match (index.checked_sub(1).and_then(|i| others.get(i)), others.get(index)) {
        (Some(above), Some(below)) => f32::midpoint(above.max.y, below.min.y),
        (Some(above), None) => above.max.y + 6.0,
        (None, Some(below)) => below.min.y - 6.0,
        (None, None) => column.max.y + 24.0,
    };
    let inset = 12.0;
    Some(DropTarget {
        stage: stage_id,
        index,
        lane: None,
        marker: (Point::new(column.min.x + inset, y), Point::new(column.max.x - inset, y)),
    })
}

fn lane_drop(scene: &Scene, map: &JourneyMap, dragged: &[CardId], point: Point) -> Option<DropTarget> {
    let lane = lane_at_y(scene, point.y);
    // Insert before the first remaining step whose centre is right of the pointer.
    let mut target = None;
    for stage in &map.stages {
        for (index, card) in stage.cards.iter().filter(|c| !dragged.contains(&c.id)).enumerate() {
            if let Some(rect) = scene.card_rect(card.id)
                && rect.centre().x > point.x
            {
                target = Some((stage.id, index, rect.min.x - 14.0));
                break;
            }
        }
        if target.is_some() {
            break;
        }
    }
    let (stage, index, x) = if let Some(found) = target {
        found
    } else {
        let last = map.stages.last()?;
        let remaining = last.cards.iter().filter(|c| !dragged.contains(&c.id)).count();
        let x = last
            .cards
            .iter()
            .filter_map(|c| scene.card_rect(c.id))
            .map(|r| r.max.x + 14.0)
            .fold(point.x, f32::max);
        (last.id, remaining, x)
    };
    let lane_rect = lane.and_then(|owner| {
        scene.regions.iter().find(|r| r.layer == Layer::Lanes && r.role == Role::Lane(owner)).map(|r| r.rect)
    });
    let (top, bottom) =
        lane_rect.map_or((point.y - 40.0, point.y + 40.0), |r| (r.min.y + 6.0, r.max.y - 6.0));
    Some(DropTarget { stage, index, lane, marker: (Point::new(x, top), Point::new(x, bottom)) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{FontMeasure, LayoutOptions, layout};
    use crate::model::Study;

    fn starter() -> (Study, Scene) {
        let study = crate::templates::find("starter").unwrap().study().unwrap();
        let scene = layout(&study, &study.maps[0], FontMeasure::shared(), &LayoutOptions::default());
        (study, scene)
    }

    #[test]
    fn hits_cards_stages_and_nothing() {
        let (study, scene) = starter();
        let card = study.maps[0].stages[2].cards[0].id;
        let centre = scene.card_rect(card).unwrap().centre();
        let map = &study.maps[0];
        assert_eq!(hit(&scene, map, centre, 4.0), Hit::Card(card));
        let stage = study.maps[0].stages[3].id;
        let chevron = scene.stage_rect(stage).unwrap();
        assert_eq!(hit(&scene, map, chevron.centre(), 4.0), Hit::Stage(stage));
        assert_eq!(hit(&scene, map, Point::new(1.0, 1.0), 4.0), Hit::Nothing);
    }

    #[test]
    fn links_are_hit_near_their_connector_on_both_kinds_of_map() {
        let study = crate::templates::find("logistics").unwrap().study().unwrap();
        let mut checked = 0;
        for map in study.maps.iter().filter(|m| !m.links.is_empty()) {
            let scene = layout(&study, map, FontMeasure::shared(), &LayoutOptions::default());
            for link in &map.links {
                let lines = link_lines(&scene, map, link.id);
                let others: Vec<Vec<Point>> = map
                    .links
                    .iter()
                    .filter(|l| l.id != link.id)
                    .flat_map(|l| link_lines(&scene, map, l.id))
                    .collect();
                let near_others = |p: Point| {
                    others.iter().any(|o| o.windows(2).any(|w| distance_to_segment(p, w[0], w[1]) < 4.0))
                };
                // A point beside the line, within the tolerance, clear of crossing links.
                let samples = lines.iter().flat_map(|line| line.windows(2)).flat_map(|w| {
                    (1..8).map(move |i| {
                        let t = i as f32 / 8.0;
                        Point::new(w[0].x + t * (w[1].x - w[0].x) + 1.5, w[0].y + t * (w[1].y - w[0].y) + 1.5)
                    })
                });
                let Some(beside) = samples.into_iter().find(|p| !near_others(*p)) else { continue };
                if scene.card_at(beside).is_none() {
                    assert_eq!(link_at(&scene, map, beside, 6.0), Some(link.id), "link {}", link.id);
                    checked += 1;
                }
            }
        }
        assert!(checked > 0, "the example has links to hit");
    }

    #[test]
    fn the_column_under_the_pointer_or_the_nearest_one() {
        let (study, scene) = starter();
        let card = study.maps[0].stages[4].cards[0].id;
        let x = scene.card_rect(card).unwrap().centre().x;
        assert_eq!(stage_at_x(&scene, x), Some(study.maps[0].stages[4].id));
        assert_eq!(stage_at_x(&scene, -500.0), Some(study.maps[0].stages[0].id));
        assert_eq!(stage_at_x(&scene, 1e6), study.maps[0].stages.last().map(|s| s.id));
    }

    #[test]
    fn dropping_above_or_below_a_card_picks_the_index() {
        let (study, scene) = starter();
        let map = &study.maps[0];
        let dragged = map.stages[0].cards[0].id;
        let target = scene.card_rect(map.stages[1].cards[0].id).unwrap();
        let above =
            drop_target(&scene, map, &[dragged], Point::new(target.centre().x, target.min.y + 2.0)).unwrap();
        assert_eq!((above.stage, above.index), (map.stages[1].id, 0));
        let below =
            drop_target(&scene, map, &[dragged], Point::new(target.centre().x, target.max.y + 20.0)).unwrap();
        assert_eq!((below.stage, below.index), (map.stages[1].id, 1));
    }

    #[test]
    fn a_lane_is_picked_up_by_its_header_and_dropped_between_lanes() {
        let study = crate::templates::find("logistics").unwrap().study().unwrap();
        let map = study.maps.iter().find(|m| m.kind == MapKind::Tactical).unwrap();
        let scene = layout(&study, map, FontMeasure::shared(), &LayoutOptions::default());
        let lanes: Vec<(crate::layout::Rect, Option<OwnerId>)> = scene
            .regions
            .iter()
            .filter(|r| r.layer == Layer::Lanes)
            .filter_map(|r| match r.role {
                Role::Lane(owner) => Some((r.rect, owner)),
                _ => None,
            })
            .collect();
        let (first, owner) = lanes[0];
        let header = Point::new(first.min.x + 20.0, first.min.y + 14.0);
        assert_eq!(lane_header_at(&scene, header), Some(owner));
        assert_eq!(lane_header_at(&scene, Point::new(first.max.x - 10.0, first.centre().y)), None);
        let owner = owner.unwrap();
        let below_third = lanes[2].0.centre().y + 1.0;
        let drop = lane_move(&scene, owner, below_third).unwrap();
        assert_eq!(drop.index, 2, "past the second and third lanes");
        assert!((drop.marker.0.y - lanes[2].0.max.y).abs() < 0.01, "marked under the third lane");
        assert_eq!(lane_move(&scene, owner, first.min.y - 100.0).unwrap().index, 0);
    }

    #[test]
    fn dropping_into_a_lane_names_its_owner() {
        let study = crate::templates::find("logistics").unwrap().study().unwrap();
        let map = study.maps.iter().find(|m| m.kind == MapKind::Tactical).unwrap();
        let scene = layout(&study, map, FontMeasure::shared(), &LayoutOptions::default());
        let step = map.stages[0].cards[1].id;
        let rect = scene.card_rect(step).unwrap();
        let target = drop_target(&scene, map, &[], Point::new(rect.min.x - 5.0, rect.centre().y)).unwrap();
        assert_eq!(target.lane, Some(map.stages[0].cards[1].accountable));
        assert_eq!((target.stage, target.index), (map.stages[0].id, 1));
    }
}
