//! Tactical and performance maps: steps left to right in journey order, in swimlanes, one lane
//! per accountable owner; flow arrows between consecutive steps with a handoff mark wherever
//! the owner changes; recommendations per stage.

use super::builder::{Builder, Paragraph};
use super::card::CardFace;
use super::geometry::{Point, Rect};
use super::grid::{self, Grid, Tracks};
use super::routing::{self, Connector};
use super::rows::{self, Span};
use super::scene::{Anchor, Layer, Role, Stroke, Weight};
use super::style::{self, CARD_PADDING, CARD_WIDTH, ROW_HEADER, TRACK, UNIT, size};
use super::used::Used;
use crate::model::{Card, CardId, JourneyMap, Link, LinkKind, OwnerId, Study};
use std::collections::HashMap;

/// Padding between rows and inside lanes.
const PAD: f32 = 3.0 * UNIT;

/// One step: its card, its column and its lane.
struct Step<'a> {
    card: &'a Card,
    column: usize,
    lane: usize,
}

/// A link that is not part of the consecutive flow, routed through the channel.
struct Extra<'a> {
    link: &'a Link,
    from: usize,
    to: usize,
    out: (usize, usize),
    into: (usize, usize),
    rightwards: bool,
}

/// Lays out the body of a tactical or performance map at the origin; returns its size.
pub(crate) fn body(
    builder: &mut Builder<'_>,
    study: &Study,
    map: &JourneyMap,
    used: &mut Used,
) -> (f32, f32) {
    let stages = &map.stages;
    let lanes = lane_owners(study, map);
    for owner in lanes.iter().flatten() {
        used.owners.insert(*owner);
    }
    let (steps, stage_columns) = place_steps(study, map, &lanes);
    let plan = crate::analysis::action_plan(map);
    let faces: Vec<CardFace> = steps
        .iter()
        .map(|s| {
            let keys = crate::analysis::card_keys(&plan, s.card.id);
            CardFace::prepare(builder, study, map.kind, s.card, &keys, used)
        })
        .collect();
    let columns = steps.len().max(stage_columns.last().map_or(0, |c| c.1 + 1)).max(1);
    let (extras, flow_labels, tracks) = plan_links(map, &steps, columns);
    let grid = Grid::new(tracks.per_gutter);
    let spans: Vec<Span> = stage_columns.iter().map(|&(first, last)| grid.span(first, last)).collect();

    let names = rows::spine_names(builder, stages, &spans);
    let spine_height = rows::spine_height(&names);
    let goals = rows::goals(builder, stages, &spans);
    let has_goals = goals.iter().any(|g| !g.is_empty());
    let goal_top = spine_height + PAD;
    let lanes_top = if has_goals {
        goal_top + goals.iter().map(Paragraph::height).fold(0.0, f32::max) + 2.0 * PAD
    } else {
        goal_top
    };
    let lane_rects = draw_lanes(builder, study, &lanes, &steps, &faces, lanes_top, grid.width);
    let lanes_bottom = lane_rects.last().map_or(lanes_top, |r| r.max.y);
    let channel_top = lanes_bottom + PAD;
    let channel_bottom =
        if extras.is_empty() { lanes_bottom } else { channel_top + (extras.len() as f32 + 1.0) * TRACK };

    rows::rule(builder, lanes_bottom, grid.width);
    rows::header(builder, "Stages", (spine_height - size::HEADING) / 2.0);
    rows::spine(builder, stages, &spans, &names, 0.0, spine_height);
    if has_goals {
        rows::header(builder, "Customer goal", goal_top);
        rows::place_goals(builder, stages, &spans, &goals, goal_top);
    }
    let mut rects = Vec::with_capacity(steps.len());
    for (step, face) in steps.iter().zip(&faces) {
        let at = Point::new(grid.column_left[step.column], lane_rects[step.lane].min.y + PAD);
        face.draw(builder, at);
        rects.push(Rect::from_xywh(at.x, at.y, CARD_WIDTH, face.height));
    }
    draw_flow(builder, &steps, &rects, &grid, &flow_labels, used);
    draw_extras(builder, &extras, &steps, &rects, &grid, channel_top, used);

    let stage_rows = rows::StageRows::measure(builder, study, map, &plan, &spans, used);
    stage_rows.draw(builder, stages, &spans, channel_bottom, grid.width);
    (grid.width, channel_bottom + stage_rows.height.max(PAD))
}

/// The accountable owner a step's lane is for, if it names a known owner.
fn lane_of(study: &Study, card: &Card) -> Option<OwnerId> {
    card.accountable.filter(|id| study.owner(*id).is_some())
}

/// One lane per accountable owner, in the order they first act in the journey, so the flow
/// reads from top left to bottom right; steps nobody is accountable for share a last lane.
fn lane_owners(study: &Study, map: &JourneyMap) -> Vec<Option<OwnerId>> {
    let mut lanes: Vec<Option<OwnerId>> = Vec::new();
    for owner in map.cards().filter_map(|card| lane_of(study, card)) {
        if !lanes.contains(&Some(owner)) {
            lanes.push(Some(owner));
        }
    }
    if map.cards().any(|card| lane_of(study, card).is_none()) || lanes.is_empty() {
        lanes.push(None);
    }
    lanes
}

/// One column per step in journey order; an empty stage keeps one empty column so it shows.
/// Returns the steps and each stage's first and last column.
fn place_steps<'a>(
    study: &Study,
    map: &'a JourneyMap,
    lanes: &[Option<OwnerId>],
) -> (Vec<Step<'a>>, Vec<(usize, usize)>) {
    let lane_index: HashMap<Option<OwnerId>, usize> =
        lanes.iter().enumerate().map(|(i, o)| (*o, i)).collect();
    let mut steps = Vec::new();
    let mut stage_columns = Vec::with_capacity(map.stages.len());
    let mut column = 0;
    for stage in &map.stages {
        let first = column;
        for card in &stage.cards {
            let lane =
                lane_index.get(&lane_of(study, card)).copied().unwrap_or(lanes.len().saturating_sub(1));
            steps.push(Step { card, column, lane });
            column += 1;
        }
        if stage.cards.is_empty() {
            column += 1;
        }
        stage_columns.push((first, column - 1));
    }
    (steps, stage_columns)
}

/// A link between consecutive steps is the flow arrow itself (its label becomes a note on it);
/// any other link gets tracks for a route through the channel under the lanes.
fn plan_links<'a>(
    map: &'a JourneyMap,
    steps: &[Step<'_>],
    columns: usize,
) -> (Vec<Extra<'a>>, HashMap<usize, &'a str>, Tracks) {
    let step_of: HashMap<CardId, usize> = steps.iter().enumerate().map(|(i, s)| (s.card.id, i)).collect();
    let mut tracks = Tracks::new(columns + 1, 1); // track 0 of every gutter: the flow arrows
    let mut extras = Vec::new();
    let mut flow_labels = HashMap::new();
    for link in &map.links {
        let (Some(&from), Some(&to)) = (step_of.get(&link.from), step_of.get(&link.to)) else { continue };
        if from == to {
            continue;
        }
        if to == from + 1 {
            if !link.label.trim().is_empty() {
                flow_labels.entry(to).or_insert(link.label.as_str());
            }
            continue;
        }
        let (ca, cb) = (steps[from].column, steps[to].column);
        let rightwards = cb >= ca;
        let (out_gutter, in_gutter) = if rightwards { (ca + 1, cb) } else { (ca, cb + 1) };
        let out = (out_gutter, tracks.take(out_gutter));
        let into = (in_gutter, tracks.take(in_gutter));
        extras.push(Extra { link, from, to, out, into, rightwards });
    }
    (extras, flow_labels, tracks)
}

/// Draws the lanes from `top` and returns their rectangles: each as tall as its tallest step.
fn draw_lanes(
    builder: &mut Builder<'_>,
    study: &Study,
    lanes: &[Option<OwnerId>],
    steps: &[Step<'_>],
    faces: &[CardFace],
    top: f32,
    width: f32,
) -> Vec<Rect> {
    let label_width = ROW_HEADER - 6.0 * UNIT;
    let mut rects = Vec::with_capacity(lanes.len());
    let mut y = top;
    for (lane, owner_id) in lanes.iter().enumerate() {
        let owner = owner_id.and_then(|id| study.owner(id));
        let name = builder.paragraph(
            owner.map_or("No accountable owner", |o| o.name.as_str()),
            size::HEADING,
            Weight::Bold,
            label_width,
        );
        let kind = builder.paragraph(
            owner.map_or("", |o| o.kind.label()),
            size::SMALL,
            Weight::Regular,
            label_width,
        );
        let tallest = steps
            .iter()
            .zip(faces)
            .filter(|(s, _)| s.lane == lane)
            .map(|(_, f)| f.height)
            .fold(0.0, f32::max);
        let height =
            (tallest + 2.0 * PAD).max(name.height() + UNIT + kind.height() + 2.0 * PAD).max(16.0 * UNIT);
        let rect = Rect::from_xywh(0.0, y, width, height);
        let role = Role::Lane(*owner_id);
        builder.region(rect, role, Layer::Lanes);
        builder.rect(rect, 0.0, Some(if lane % 2 == 0 { style::PAPER } else { style::TINT }), None, role);
        builder.line(
            vec![rect.min, Point::new(rect.max.x, rect.min.y)],
            Stroke::solid(0.75, style::RULE),
            role,
        );
        let band = owner.map_or(style::RULE, |o| o.colour);
        builder.rect(Rect::from_xywh(0.0, y, 1.5 * UNIT, height), 0.0, Some(band), None, role);
        builder.place(&name, 3.0 * UNIT, y + PAD, style::INK, Anchor::Start, role);
        builder.place(
            &kind,
            3.0 * UNIT,
            y + PAD + name.height() + UNIT,
            style::SECONDARY,
            Anchor::Start,
            role,
        );
        rects.push(rect);
        y += height;
    }
    rects
}

fn port_y(rect: &Rect) -> f32 {
    rect.min.y + CARD_PADDING + size::CARD_TITLE * 0.6
}

/// The flow: each step to the next, with a handoff mark where the lane changes.
fn draw_flow(
    builder: &mut Builder<'_>,
    steps: &[Step<'_>],
    rects: &[Rect],
    grid: &Grid,
    labels: &HashMap<usize, &str>,
    used: &mut Used,
) {
    for index in 1..steps.len() {
        let (a, b) = (&rects[index - 1], &rects[index]);
        let handoff = steps[index - 1].lane != steps[index].lane;
        used.handoff |= handoff;
        used.flow = true;
        let (start, end) = (Point::new(a.max.x, port_y(a)), Point::new(b.min.x, port_y(b)));
        let points = if (start.y - end.y).abs() < 0.01 {
            vec![start, end]
        } else {
            let x = grid.track_x(steps[index].column, 0);
            vec![start, Point::new(x, start.y), Point::new(x, end.y), end]
        };
        let role = Role::Flow(steps[index - 1].card.id, steps[index].card.id);
        let note = labels.get(&index).map(|label| used.add_note(label));
        routing::draw(builder, &Connector { points, dashed: false, role, handoff, note });
    }
}

/// Links that skip steps or go back, through the channel under the lanes.
fn draw_extras(
    builder: &mut Builder<'_>,
    extras: &[Extra<'_>],
    steps: &[Step<'_>],
    rects: &[Rect],
    grid: &Grid,
    channel_top: f32,
    used: &mut Used,
) {
    for (number, extra) in extras.iter().enumerate() {
        let (a, b) = (&rects[extra.from], &rects[extra.to]);
        let start = Point::new(if extra.rightwards { a.max.x } else { a.min.x }, port_y(a) + TRACK);
        let end = Point::new(if extra.rightwards { b.min.x } else { b.max.x }, port_y(b) + TRACK);
        let y = channel_top + (number as f32 + 1.0) * TRACK;
        let points = grid::via_channel(
            start,
            end,
            grid.track_x(extra.out.0, extra.out.1),
            grid.track_x(extra.into.0, extra.into.1),
            y,
        );
        let dashed = extra.link.kind == LinkKind::Dependency;
        used.dependency |= dashed;
        used.flow |= !dashed;
        let handoff = steps[extra.from].card.accountable != steps[extra.to].card.accountable;
        used.handoff |= handoff;
        let note = (!extra.link.label.trim().is_empty()).then(|| used.add_note(&extra.link.label));
        routing::draw(builder, &Connector { points, dashed, role: Role::Link(extra.link.id), handoff, note });
    }
}
