//! Tactical and performance maps: steps left to right in journey order, in swimlanes, one lane
//! per accountable owner; flow arrows between consecutive steps with a handoff mark wherever
//! the owner changes; handoffs counted per stage; recommendations per stage.
//!
//! `placement` puts each step in a lane and a column (lanes share columns), `links` routes the
//! connectors through the gaps between cards; this module sizes the rows and draws.

mod links;
mod placement;

use super::builder::Builder;
use super::card::CardFace;
use super::geometry::{Point, Rect};
use super::grid::Grid;
use super::routing::{self, Connector};
use super::rows::{self, Span};
use super::scene::{Anchor, Layer, Role, Stroke, Weight};
use super::style::{self, CARD_WIDTH, ROW_HEADER, TRACK, UNIT, size};
use super::used::Used;
use crate::model::{Card, JourneyMap, OwnerId, Study};
use links::{CHANNEL_INSET, Frame};
use std::collections::HashMap;

/// Padding between rows.
const PAD: f32 = 3.0 * UNIT;
/// Padding above and below the cards in a lane, and around its label.
const LANE_PAD: f32 = 2.0 * UNIT;
/// The gutter between columns before connector tracks are added: narrower than on typical
/// maps, as only the flow's turn and the links' tracks run along it.
const LANE_GUTTER: f32 = 5.0 * UNIT;
/// The least gap between two cards that a flow drops straight between: the line, its handoff
/// mark and its arrowhead.
const DROP: f32 = 6.0 * UNIT;
/// The row-header column of a lane map: narrower than on typical maps, as it holds the lane
/// labels (wrapped) and the row headers, which keep their own width in the first gutter.
const HEADER: f32 = ROW_HEADER - 4.0 * UNIT;
/// The width of a lane's label, in the row-header column.
const LABEL_WIDTH: f32 = HEADER - 5.0 * UNIT;

/// Lays out the body of a tactical or performance map at the origin; returns its size.
pub(crate) fn body(
    builder: &mut Builder<'_>,
    study: &Study,
    map: &JourneyMap,
    used: &mut Used,
) -> (f32, f32) {
    let stages = &map.stages;
    let lanes = map.lanes(|id| study.owner(id).is_some());
    for owner in lanes.iter().flatten() {
        used.owners.insert(*owner);
    }
    let lane_index: HashMap<Option<OwnerId>, usize> =
        lanes.iter().enumerate().map(|(i, o)| (*o, i)).collect();
    let last_lane = lanes.len().saturating_sub(1);
    let lane_of = |card: &Card| {
        lane_index
            .get(&card.accountable.filter(|id| study.owner(*id).is_some()))
            .copied()
            .unwrap_or(last_lane)
    };
    let placement = placement::place(map, lane_of, lanes.len());
    let actions = crate::analysis::action_plan(map);
    let keys = crate::analysis::keys_by_card(&actions);
    let faces: Vec<CardFace> = placement
        .steps
        .iter()
        .map(|s| {
            let keys = keys.get(&s.card.id).map_or(&[][..], Vec::as_slice);
            CardFace::prepare(builder, study, map.kind, s.card, keys, used)
        })
        .collect();
    let plan = links::plan(map, &placement, lanes.len());
    let grid = Grid::with_widths(plan.gutter_tracks.clone(), HEADER, LANE_GUTTER);
    let spans: Vec<Span> =
        placement.stage_columns.iter().map(|&(first, last)| grid.span(first, last)).collect();

    let names = rows::spine_names(builder, stages, &spans);
    let spine_height = rows::spine_height(&names);
    let goals = rows::goals(builder, stages, &spans);
    let has_goals = goals.iter().any(|g| !g.is_empty());
    let goal_top = spine_height + PAD;
    let handoff_top = if has_goals {
        goal_top + goals.iter().map(super::builder::Paragraph::height).fold(0.0, f32::max) + 2.0 * PAD
    } else {
        goal_top
    };
    let handoff_height = rows::handoff_counts(builder, map, &spans, handoff_top);
    let lanes_top = if handoff_height > 0.0 { handoff_top + handoff_height + 2.0 * PAD } else { handoff_top };

    let heights: Vec<f32> = faces.iter().map(|f| f.height).collect();
    let mut lane_rows = size_lanes(builder, study, &lanes, &placement, &heights, &plan, lanes_top);
    draw_lanes(builder, study, &lanes, &mut lane_rows, grid.width);
    let lanes_bottom = lane_rows.last().map_or(lanes_top, |r| r.rect.max.y);

    rows::rule(builder, lanes_bottom, grid.width);
    rows::header(builder, "Stages", (spine_height - size::HEADING) / 2.0);
    rows::spine(builder, stages, &spans, &names, 0.0, spine_height);
    if has_goals {
        rows::header(builder, "Customer goal", goal_top);
        rows::place_goals(builder, stages, &spans, &goals, goal_top);
    }
    let mut rects = Vec::with_capacity(placement.steps.len());
    for (step, face) in placement.steps.iter().zip(&faces) {
        let row = &lane_rows[step.lane];
        let at = Point::new(grid.column_left[step.column], row.rect.min.y + row.card_inset);
        face.draw(builder, at);
        rects.push(Rect::from_xywh(at.x, at.y, CARD_WIDTH, face.height));
    }
    let lane_edges: Vec<f32> = lane_rows.iter().map(|r| r.rect.min.y).collect();
    let frame = Frame { grid: &grid, cards: &rects, lane_top: &lane_edges };
    draw_connectors(builder, &plan, &frame, used);

    let stage_rows = rows::StageRows::measure(builder, study, map, &actions, &spans, used);
    stage_rows.draw(builder, stages, &spans, lanes_bottom, grid.width);
    (grid.width, lanes_bottom + stage_rows.height.max(PAD))
}

/// A lane's row: where it is, its label, and how far below its top edge its cards start
/// (below the channel along its top).
struct LaneRow {
    rect: Rect,
    card_inset: f32,
    name: super::builder::Paragraph,
    kind: super::builder::Paragraph,
}

/// Sizes the lanes from `top`: each as tall as its tallest step plus its channel and padding,
/// or as its label needs; a lane's cards start low enough that a flow dropping into them from
/// the lane above has room for its arrow and handoff mark.
fn size_lanes(
    builder: &Builder<'_>,
    study: &Study,
    lanes: &[Option<OwnerId>],
    placement: &placement::Placement<'_>,
    heights: &[f32],
    plan: &links::Plan<'_>,
    top: f32,
) -> Vec<LaneRow> {
    let mut rows: Vec<LaneRow> = Vec::with_capacity(lanes.len());
    let mut y = top;
    for (lane, owner_id) in lanes.iter().enumerate() {
        let owner = owner_id.and_then(|id| study.owner(id));
        let label = owner.map_or("No accountable owner", |o| o.name.as_str());
        let name = builder.paragraph(label, size::HEADING, Weight::Bold, LABEL_WIDTH);
        let kind = builder.paragraph(
            owner.map_or("", |o| o.kind.label()),
            size::SMALL,
            Weight::Regular,
            LABEL_WIDTH,
        );
        let tallest = placement
            .steps
            .iter()
            .zip(heights)
            .filter(|(s, _)| s.lane == lane)
            .map(|(_, h)| *h)
            .fold(0.0, f32::max);
        let tracks = plan.channel_tracks.get(lane).copied().unwrap_or(0);
        let channel_inset =
            if tracks == 0 { LANE_PAD } else { CHANNEL_INSET + tracks as f32 * TRACK + LANE_PAD / 2.0 };
        // Room below each card of the lane above that a flow drops from into this lane.
        let room_above = |upper: usize| {
            rows.last().map_or(f32::INFINITY, |above| above.rect.height() - above.card_inset - heights[upper])
        };
        let drop_inset = plan
            .drops
            .iter()
            .filter(|(_, lower)| placement.steps[*lower].lane == lane)
            .map(|(upper, _)| DROP - room_above(*upper))
            .fold(0.0, f32::max);
        let card_inset = channel_inset.max(drop_inset).max(LANE_PAD);
        let label_height =
            LANE_PAD + name.height() + if kind.is_empty() { 0.0 } else { UNIT + kind.height() } + LANE_PAD;
        let height = (card_inset + tallest + LANE_PAD).max(label_height);
        rows.push(LaneRow { rect: Rect::from_xywh(0.0, y, 0.0, height), card_inset, name, kind });
        y += height;
    }
    rows
}

/// Draws the lanes, alternately tinted, each with its owner's colour band and label; the
/// label is a region the editor picks a lane up by.
fn draw_lanes(
    builder: &mut Builder<'_>,
    study: &Study,
    lanes: &[Option<OwnerId>],
    rows: &mut [LaneRow],
    width: f32,
) {
    for (lane, (owner_id, row)) in lanes.iter().zip(rows.iter_mut()).enumerate() {
        row.rect.max.x = width;
        let rect = row.rect;
        let (y, height) = (rect.min.y, rect.height());
        let owner = owner_id.and_then(|id| study.owner(id));
        let role = Role::Lane(*owner_id);
        builder.region(rect, role, Layer::Lanes);
        builder.rect(rect, 0.0, Some(if lane % 2 == 0 { style::PAPER } else { style::TINT }), None, role);
        builder.line(
            vec![rect.min, Point::new(rect.max.x, rect.min.y)],
            Stroke::solid(0.75, style::RULE),
            role,
        );
        // A thin outline keeps a pale owner colour visible on white paper.
        let band = owner.map_or(style::RULE, |o| o.colour);
        builder.rect(
            Rect::from_xywh(0.0, y, 1.5 * UNIT, height),
            0.0,
            Some(band),
            Some(Stroke::solid(0.5, style::SECONDARY)),
            role,
        );
        let label_height =
            row.name.height() + if row.kind.is_empty() { 0.0 } else { UNIT + row.kind.height() };
        builder.region(
            Rect::from_xywh(3.0 * UNIT, y + LANE_PAD, LABEL_WIDTH, label_height.max(size::HEADING)),
            role,
            Layer::Labels,
        );
        builder.place(&row.name, 3.0 * UNIT, y + LANE_PAD, style::INK, Anchor::Start, role);
        builder.place(
            &row.kind,
            3.0 * UNIT,
            y + LANE_PAD + row.name.height() + UNIT,
            style::SECONDARY,
            Anchor::Start,
            role,
        );
    }
}

/// Draws every planned connector: all lines and arrowheads first, then the handoff marks and
/// notes, so no mark lands on an arrowhead drawn after it.
fn draw_connectors(builder: &mut Builder<'_>, plan: &links::Plan<'_>, frame: &Frame<'_>, used: &mut Used) {
    let connectors: Vec<Connector> = plan
        .connectors
        .iter()
        .map(|planned| {
            used.handoff |= planned.handoff;
            used.dependency |= planned.dashed;
            used.flow |= !planned.dashed;
            let label = planned.link.map_or(planned.flow_label, |l| Some(l.label.as_str()));
            let note = label.filter(|l| !l.trim().is_empty()).map(|l| used.add_note(l));
            Connector {
                points: planned.points(frame),
                dashed: planned.dashed,
                role: planned.role,
                handoff: planned.handoff,
                note,
            }
        })
        .collect();
    routing::draw_all(builder, &connectors);
}
