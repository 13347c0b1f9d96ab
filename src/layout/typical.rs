//! The typical map: the stages as a spine, each stage's touchpoints in a column beneath, rows
//! for the customer goal, the emotion curve, the stage metrics and the recommendations, and
//! routed connectors.

use super::builder::{Builder, Paragraph};
use super::card::CardFace;
use super::clearance::Clearance;
use super::emotion;
use super::geometry::{Point, Rect};
use super::grid::Grid;
use super::route_plan::{self, Path, Request};
use super::routing::{self, Connector};
use super::rows::{self, Span, StageRows};
use super::scene::{Anchor, Role, Weight};
use super::style::{self, CARD_GAP, CARD_WIDTH, ROW_HEADER, TRACK, UNIT, size};
use super::used::Used;
use crate::analysis;
use crate::model::{CardId, JourneyMap, LinkKind, Stage, Study};
use std::collections::HashMap;

/// Padding between rows.
const PAD: f32 = 3.0 * UNIT;

/// A link's route with its connector, whose points are set when the cards are placed.
struct Planned {
    from: CardId,
    to: CardId,
    path: Path,
    label: String,
    connector: Connector,
}

/// Lays out the body of a typical map with its top-left at the origin; returns its size.
pub(crate) fn body(
    builder: &mut Builder<'_>,
    study: &Study,
    map: &JourneyMap,
    used: &mut Used,
) -> (f32, f32) {
    let stages = &map.stages;
    let plan = analysis::action_plan(map);
    let keys = analysis::keys_by_card(&plan);
    let faces: Vec<Vec<CardFace>> = stages
        .iter()
        .map(|stage| {
            stage
                .cards
                .iter()
                .map(|card| {
                    let keys = keys.get(&card.id).map_or(&[][..], Vec::as_slice);
                    CardFace::prepare(builder, study, map.kind, card, keys, used)
                })
                .collect()
        })
        .collect();
    let (planned, tracks, channel_tracks) = plan_connectors(map, &faces, used);
    let grid = Grid::new(tracks);
    let spans: Vec<Span> = (0..stages.len()).map(|c| grid.span(c, c)).collect();
    let stage_rows = StageRows::measure(builder, study, map, &plan, &spans, used);
    let rows = Rows::measure(builder, stages, &spans, &faces, channel_tracks, &stage_rows);
    let width = grid.width;

    for span in spans.iter().skip(1).step_by(2) {
        let rect = Rect::from_xywh(
            span.left,
            rows.spine_height,
            span.right - span.left,
            rows.height - rows.spine_height,
        );
        builder.rect(rect, 0.0, Some(style::TINT), None, Role::Chrome);
    }
    rows::header(builder, "Stages", (rows.spine_height - size::HEADING) / 2.0);
    rows::spine(builder, stages, &spans, &rows.names, 0.0, rows.spine_height);
    if rows.has_goals {
        rows::header(builder, "Customer goal", rows.goal_top);
        rows::place_goals(builder, stages, &spans, &rows.goals, rows.goal_top);
        rows::rule(builder, rows.cards_top - PAD, width);
    }
    rows::header(builder, "Touchpoints", rows.cards_top);
    let card_rects = draw_cards(builder, stages, &faces, &grid, rows.cards_top);
    draw_connectors(builder, &planned, &card_rects, &grid, rows.cards_top, used);
    if rows.emotion {
        rows::rule(builder, rows.emotion_top - PAD, width);
        let card_x = card_centres(stages, &grid);
        emotion::draw(builder, stages, &spans, &card_x, rows.emotion_top, width, used);
    }
    stage_rows.draw(builder, stages, &spans, rows.stage_rows_top, width);
    (width, rows.height)
}

/// Decides each link's route through the card-free space of the columns; returns the routes,
/// the tracks each gutter needs and the tracks needed below the tallest column.
fn plan_connectors(
    map: &JourneyMap,
    faces: &[Vec<CardFace>],
    used: &mut Used,
) -> (Vec<Planned>, Vec<usize>, usize) {
    let mut position: HashMap<CardId, (usize, usize)> = HashMap::new();
    for (column, stage) in map.stages.iter().enumerate() {
        for (row, card) in stage.cards.iter().enumerate() {
            position.entry(card.id).or_insert((column, row));
        }
    }
    let columns = stacked_columns(faces);
    let mut requests = Vec::new();
    let mut planned = Vec::new();
    let handoffs = analysis::handoff_edges(map);
    for link in &map.links {
        let (Some(&from), Some(&to)) = (position.get(&link.from), position.get(&link.to)) else {
            continue;
        };
        if link.from == link.to {
            continue;
        }
        let handoff = link.kind == LinkKind::Flow && handoffs.contains(&(link.from, link.to));
        used.handoff |= handoff;
        let dashed = link.kind == LinkKind::Dependency;
        used.dependency |= dashed;
        used.flow |= !dashed;
        let label = link.label.trim().to_owned();
        requests.push(Request { from, to, needs_room: handoff || !label.is_empty() });
        let connector =
            Connector { points: Vec::new(), dashed, role: Role::Link(link.id), handoff, note: None };
        planned.push(Planned { from: link.from, to: link.to, path: Path::Direct, label, connector });
    }
    let plan = route_plan::plan(&columns, &requests);
    planned = planned
        .into_iter()
        .zip(plan.paths)
        .filter_map(|(plan_item, path)| Some(Planned { path: path?, ..plan_item }))
        .collect();
    // Runs below the tallest column need room between the cards and the next row.
    let cards_height =
        columns.iter().filter_map(|c| c.last().map(|card| card.1)).fold(0.0, f32::max).max(12.0 * UNIT);
    let overhang = plan.deepest + route_plan::CLEAR - cards_height;
    let below =
        if overhang > 0.0 { (route_plan::steps_in(overhang - PAD, TRACK, 10_000) + 1).max(1) } else { 0 };
    (planned, plan.tracks_per_gutter, below)
}

/// The top and bottom of every card, stacked in its column from the top of the cards as
/// `draw_cards` places them.
fn stacked_columns(faces: &[Vec<CardFace>]) -> Vec<Vec<(f32, f32)>> {
    faces
        .iter()
        .map(|column| {
            let mut y = 0.0;
            column
                .iter()
                .map(|face| {
                    let card = (y, y + face.height);
                    y += face.height + CARD_GAP;
                    card
                })
                .collect()
        })
        .collect()
}

/// The measured rows of the body and where each starts.
struct Rows {
    names: Vec<Paragraph>,
    spine_height: f32,
    goals: Vec<Paragraph>,
    has_goals: bool,
    goal_top: f32,
    cards_top: f32,
    /// Whether the emotion row shows: some stage or card has a known emotion.
    emotion: bool,
    emotion_top: f32,
    /// Where the stage metrics and recommendations start.
    stage_rows_top: f32,
    height: f32,
}

impl Rows {
    fn measure(
        builder: &Builder<'_>,
        stages: &[Stage],
        spans: &[Span],
        faces: &[Vec<CardFace>],
        channel_tracks: usize,
        stage_rows: &StageRows,
    ) -> Self {
        let names = rows::spine_names(builder, stages, spans);
        let spine_height = rows::spine_height(&names);
        let goals = rows::goals(builder, stages, spans);
        let has_goals = goals.iter().any(|g| !g.is_empty());
        let goal_height = goals.iter().map(Paragraph::height).fold(0.0, f32::max);
        let column_height = |column: &Vec<CardFace>| {
            column.iter().map(|f| f.height).sum::<f32>() + CARD_GAP * column.len().saturating_sub(1) as f32
        };
        let cards_height = faces.iter().map(column_height).fold(0.0, f32::max).max(12.0 * UNIT);
        let emotion = emotion::shows(stages);

        let goal_top = spine_height + PAD;
        let cards_top = if has_goals { goal_top + goal_height + 2.0 * PAD } else { goal_top };
        let cards_bottom = cards_top + cards_height;
        let channel_top = cards_bottom + PAD;
        let channel_bottom = if channel_tracks > 0 {
            channel_top + (channel_tracks as f32 + 1.0) * TRACK
        } else {
            cards_bottom
        };
        let emotion_top = channel_bottom + 2.0 * PAD;
        let emotion_bottom = if emotion { emotion_top + emotion::BAND } else { channel_bottom };
        let height =
            if stage_rows.height > 0.0 { emotion_bottom + stage_rows.height } else { emotion_bottom + PAD };
        Self {
            names,
            spine_height,
            goals,
            has_goals,
            goal_top,
            cards_top,
            emotion,
            emotion_top,
            stage_rows_top: emotion_bottom,
            height,
        }
    }
}

/// Where each card's point on the emotion curve goes: spread across its stage's column in
/// card order, so every touchpoint has its own x even when cards share a column.
fn card_centres(stages: &[Stage], grid: &Grid) -> Vec<Vec<f32>> {
    stages
        .iter()
        .zip(&grid.column_left)
        .map(|(stage, left)| {
            let count = stage.cards.len() as f32;
            (0..stage.cards.len()).map(|i| left + CARD_WIDTH * (i as f32 + 0.5) / count).collect()
        })
        .collect()
}

/// Stacks each stage's cards in its column; returns where each card went.
fn draw_cards(
    builder: &mut Builder<'_>,
    stages: &[Stage],
    faces: &[Vec<CardFace>],
    grid: &Grid,
    top: f32,
) -> HashMap<CardId, Rect> {
    let mut rects = HashMap::new();
    for ((stage, column_faces), left) in stages.iter().zip(faces).zip(&grid.column_left) {
        let mut y = top;
        for (card, face) in stage.cards.iter().zip(column_faces) {
            face.draw(builder, Point::new(*left, y));
            rects.entry(card.id).or_insert(Rect::from_xywh(*left, y, CARD_WIDTH, face.height));
            y += face.height + CARD_GAP;
        }
        if stage.cards.is_empty() {
            let note = builder.paragraph("No touchpoints yet", size::BODY, Weight::Regular, CARD_WIDTH);
            builder.place(&note, *left, top, style::SECONDARY, Anchor::Start, Role::Stage(stage.id));
        }
    }
    rects
}

/// Draws the planned connectors between the placed cards, then prints each label on its line
/// where there is room, numbering the others for the legend.
fn draw_connectors(
    builder: &mut Builder<'_>,
    planned: &[Planned],
    rects: &HashMap<CardId, Rect>,
    grid: &Grid,
    cards_top: f32,
    used: &mut Used,
) {
    let mut connectors = Vec::with_capacity(planned.len());
    let mut labels = Vec::with_capacity(planned.len());
    for plan in planned {
        let (Some(&a), Some(&b)) = (rects.get(&plan.from), rects.get(&plan.to)) else { continue };
        let points = match &plan.path {
            Path::Direct => {
                let x = a.centre().x;
                if b.min.y >= a.max.y {
                    vec![Point::new(x, a.max.y), Point::new(x, b.min.y)]
                } else {
                    vec![Point::new(x, a.min.y), Point::new(x, b.max.y)]
                }
            }
            Path::Turns { start, levels, turns, end } => {
                let port = |rect: Rect, port: &route_plan::Port| {
                    Point::new(if port.right { rect.max.x } else { rect.min.x }, rect.min.y + port.offset)
                };
                let mut points = vec![port(a, start)];
                for (i, &(gutter, track)) in turns.iter().enumerate() {
                    let x = grid.track_x(gutter, track);
                    points.push(Point::new(x, cards_top + levels[i]));
                    points.push(Point::new(x, cards_top + levels[i + 1]));
                }
                points.push(port(b, end));
                points
            }
        };
        connectors.push(Connector { points, ..plan.connector.clone() });
        labels.push(plan.label.as_str());
    }
    routing::draw_lines(builder, &connectors);
    let mut clearance = Clearance::of(&builder.scene);
    // Labels may use the space down to just above the next row.
    let lowest = connectors.iter().flat_map(|c| c.points.iter().map(|p| p.y)).fold(cards_top, f32::max);
    let bottom = rects.values().map(|r| r.max.y).fold(lowest + PAD, f32::max);
    let within = Rect::from_xywh(ROW_HEADER, cards_top, grid.width - ROW_HEADER, bottom - cards_top);
    for (connector, label) in connectors.iter_mut().zip(labels) {
        if label.is_empty() {
            continue;
        }
        if !routing::label_on_line(builder, &mut clearance, &connector.points, label, connector.role, within)
        {
            connector.note = Some(used.add_note(label));
        }
    }
    routing::draw_marks(builder, &mut clearance, &connectors);
}
