//! Drawing connectors: the line and its arrowhead, then what sits on the line (a label pill,
//! a numbered note badge, a handoff mark), each placed where it covers no card, arrowhead,
//! label or other line.

use super::builder::Builder;
use super::clearance::Clearance;
use super::geometry::{Point, Rect};
use super::markers::{self, HANDOFF_REACH};
use super::route_plan;
use super::scene::{Anchor, Layer, Role, Stroke, Weight};
use super::style::{self, UNIT, size};

/// A connector ready to draw.
#[derive(Clone)]
pub(crate) struct Connector {
    pub points: Vec<Point>,
    pub dashed: bool,
    pub role: Role,
    /// Whether ownership changes along the connector.
    pub handoff: bool,
    /// The number of the connector's note in the legend, for labelled links.
    pub note: Option<usize>,
}

/// The length of an arrowhead.
pub(crate) const ARROW: f32 = 2.0 * UNIT;
/// The widest a label on a line gets.
const LABEL_WIDTH: f32 = 40.0 * UNIT;
/// The most lines a label on a line takes before it goes to the legend instead.
const LABEL_LINES: usize = 2;
/// Room a label pill keeps around it, so it does not touch a card or another line.
const LABEL_MARGIN: f32 = 2.0;
/// Space between a label pill and the line it sits beside.
const LABEL_OFFSET: f32 = 1.5;

/// Draws connectors: every line and arrowhead first, so the marks placed after can keep clear
/// of all of them.
pub(crate) fn draw_all(builder: &mut Builder<'_>, connectors: &[Connector]) {
    draw_lines(builder, connectors);
    let mut clearance = Clearance::of(&builder.scene);
    draw_marks(builder, &mut clearance, connectors);
}

/// Draws the lines and arrowheads of connectors.
pub(crate) fn draw_lines(builder: &mut Builder<'_>, connectors: &[Connector]) {
    for connector in connectors {
        let points = &connector.points;
        if points.len() < 2 || points.iter().any(|p| !p.x.is_finite() || !p.y.is_finite()) {
            continue;
        }
        let stroke = if connector.dashed {
            Stroke::dashed(1.25, style::CONNECTOR, 4.0, 3.0)
        } else {
            Stroke::solid(1.25, style::CONNECTOR)
        };
        let Some(head) = arrowhead(points) else { continue };
        // Stop the line at the arrowhead's base so its end does not poke through the tip.
        let mut line = points.clone();
        if let Some(last) = line.last_mut() {
            *last = Point::new(f32::midpoint(head[1].x, head[2].x), f32::midpoint(head[1].y, head[2].y));
        }
        builder.line(line, stroke, connector.role);
        builder.polygon(head, Some(style::CONNECTOR), None, connector.role);
    }
}

/// Places the handoff marks and note badges of connectors whose lines are drawn: marks first,
/// as they must sit on the line, badges on the line or beside it.
pub(crate) fn draw_marks(builder: &mut Builder<'_>, clearance: &mut Clearance, connectors: &[Connector]) {
    for connector in connectors {
        let points = &connector.points;
        if points.len() < 2 || arrowhead(points).is_none() {
            continue;
        }
        if connector.handoff {
            let reach = Point::new(HANDOFF_REACH, HANDOFF_REACH);
            let clear = ARROW + 2.0 * HANDOFF_REACH;
            // Clear of both ends and of other lines; failing that, closer to the start, which
            // has no arrowhead; failing that, across another line, but never over a card,
            // arrowhead, label or mark.
            let near_start = HANDOFF_REACH + 1.0;
            let tries = [(clear, true), (near_start, true), (clear, false), (near_start, false)];
            let found = tries.into_iter().find_map(|(start, lines)| {
                free_spot(clearance, points, connector.role, reach, (start, clear), &[0.0], lines)
            });
            // With no free spot the mark still shows the handoff, at the line's middle.
            let spot = found.unwrap_or_else(|| middle_of_longest_segment(points));
            let rect = markers::handoff(builder, spot.at, spot.direction, style::CONNECTOR, connector.role);
            clearance.add_solid(rect, connector.role);
            if found.is_some() {
                builder.region(rect, connector.role, Layer::Labels);
            }
        }
        if let Some(number) = connector.note {
            note_badge(builder, clearance, number, points, connector.role);
        }
    }
}

/// The arrowhead at the end of a line: tip, then the two corners of its base.
fn arrowhead(points: &[Point]) -> Option<Vec<Point>> {
    let (tip, before) = (*points.last()?, points[points.len().checked_sub(2)?]);
    let (dx, dy) = (tip.x - before.x, tip.y - before.y);
    let length = dx.hypot(dy).max(f32::EPSILON);
    let (ux, uy) = (dx / length, dy / length);
    let base = Point::new(tip.x - ux * ARROW, tip.y - uy * ARROW);
    let half = ARROW * 0.45;
    Some(vec![
        tip,
        Point::new(base.x - uy * half, base.y + ux * half),
        Point::new(base.x + uy * half, base.y - ux * half),
    ])
}

/// A place on a line: the point and the direction of the segment there.
#[derive(Clone, Copy)]
struct Spot {
    at: Point,
    direction: Point,
}

/// The first spot on the line, trying the longest segments first and the middle of each
/// first, where a box reaching `reach` from the spot covers nothing; `ends` keeps the spot that
/// far along the line from its start and its tip, `shifts` moves the box across the line (0
/// centres it on the line).
fn free_spot(
    clearance: &Clearance,
    points: &[Point],
    role: Role,
    reach: Point,
    ends: (f32, f32),
    shifts: &[f32],
    avoid_lines: bool,
) -> Option<Spot> {
    let along = if shifts.iter().any(|s| s.abs() > 0.0) { 0.0 } else { reach.x.max(reach.y) };
    for spot in candidates(points, ends, along) {
        for &shift in shifts {
            let at = Point::new(spot.at.x - spot.direction.y * shift, spot.at.y + spot.direction.x * shift);
            let rect = Rect::from_xywh(at.x - reach.x, at.y - reach.y, 2.0 * reach.x, 2.0 * reach.y);
            if !clearance.covers(&rect, role, avoid_lines) {
                return Some(Spot { at, direction: spot.direction });
            }
        }
    }
    None
}

/// Spots along the line, longest segment first, each segment from its middle outwards, at
/// least `ends` from the line's start and tip and `from_corners` from the segment's corners.
/// Made one at a time, since the first free one usually ends the search.
fn candidates(points: &[Point], ends: (f32, f32), from_corners: f32) -> impl Iterator<Item = Spot> + '_ {
    let total: f32 = points.windows(2).map(|p| distance(p[0], p[1])).sum();
    let mut segments: Vec<(usize, f32)> =
        points.windows(2).enumerate().map(|(i, p)| (i, distance(p[0], p[1]))).collect();
    segments.sort_by(|a, b| b.1.total_cmp(&a.1));
    segments.into_iter().filter(move |&(_, length)| length >= 2.0 * from_corners).flat_map(
        move |(index, length)| {
            let (a, b) = (points[index], points[index + 1]);
            let before: f32 = points[..=index].windows(2).map(|p| distance(p[0], p[1])).sum();
            let direction = Point::new((b.x - a.x) / length, (b.y - a.y) / length);
            let steps = route_plan::steps_in(length / 2.0 - from_corners, UNIT, 200);
            (0..=steps)
                .flat_map(|step| [(step, 1.0), (step, -1.0)])
                .filter(|&(step, sign)| step != 0 || sign > 0.0)
                .filter_map(move |(step, sign)| {
                    let along = length / 2.0 + sign * step as f32 * UNIT;
                    let on_line = before + along;
                    if on_line < ends.0 || total - on_line < ends.1 {
                        return None;
                    }
                    let at = Point::new(a.x + direction.x * along, a.y + direction.y * along);
                    Some(Spot { at, direction })
                })
        },
    )
}

fn distance(a: Point, b: Point) -> f32 {
    (b.x - a.x).hypot(b.y - a.y)
}

fn middle_of_longest_segment(points: &[Point]) -> Spot {
    let mut best = (f32::NEG_INFINITY, Spot { at: points[0], direction: Point::new(1.0, 0.0) });
    for pair in points.windows(2) {
        let length = distance(pair[0], pair[1]);
        if length > best.0 {
            let direction = Point::new(pair[1].x - pair[0].x, pair[1].y - pair[0].y);
            let at = Point::new(f32::midpoint(pair[0].x, pair[1].x), f32::midpoint(pair[0].y, pair[1].y));
            best = (length, Spot { at, direction });
        }
    }
    best.1
}

/// A numbered badge on the line where it covers nothing; failing that, near the line's first
/// turn, moved down until it overlaps no other label.
fn note_badge(
    builder: &mut Builder<'_>,
    clearance: &mut Clearance,
    number: usize,
    points: &[Point],
    role: Role,
) {
    let text = number.to_string();
    let width = builder.measure.width(&text, size::SMALL, Weight::Bold) + 2.0 * UNIT;
    let height = size::SMALL + UNIT;
    let reach = Point::new(width / 2.0, height / 2.0);
    let ends = (width / 2.0 + 1.0, ARROW + width / 2.0 + 1.0);
    let beside = height / 2.0 + 2.0;
    let rect =
        if let Some(spot) = free_spot(clearance, points, role, reach, ends, &[0.0, -beside, beside], true) {
            Rect::from_xywh(spot.at.x - width / 2.0, spot.at.y - height / 2.0, width, height)
        } else {
            let near = if points.len() > 2 { points[1] } else { middle_of_longest_segment(points).at };
            let mut rect = Rect::from_xywh(near.x - width / 2.0, near.y - height / 2.0, width, height);
            let labels = |rect: &Rect, builder: &Builder<'_>| {
                builder.scene.regions.iter().any(|r| r.layer == Layer::Labels && r.rect.overlaps(rect))
            };
            while labels(&rect, builder) {
                rect = Rect::from_xywh(rect.min.x, rect.max.y + UNIT / 2.0, width, height);
            }
            rect
        };
    builder.region(rect, role, Layer::Labels);
    clearance.add_solid(rect, role);
    builder.rect(rect, height / 2.0, Some(style::PAPER), Some(Stroke::solid(1.0, style::CONNECTOR)), role);
    let baseline = rect.centre().y + size::SMALL * 0.36;
    builder.text(
        Point::new(rect.centre().x, baseline),
        &text,
        size::SMALL,
        Weight::Bold,
        style::INK,
        Anchor::Middle,
        role,
    );
}

/// Prints `label` on the connector's line (drawn already) where a pill of body text, at most
/// two lines, fits inside `within` without covering a card, label, mark, arrowhead or another
/// line. Returns whether it found room; if not, the caller lists the label in the legend.
pub(crate) fn label_on_line(
    builder: &mut Builder<'_>,
    clearance: &mut Clearance,
    points: &[Point],
    label: &str,
    role: Role,
    within: Rect,
) -> bool {
    let label = label.trim();
    if label.is_empty() || points.len() < 2 {
        return false;
    }
    let pad = UNIT;
    let mut segments: Vec<(Point, Point)> = points.windows(2).map(|p| (p[0], p[1])).collect();
    segments.sort_by(|a, b| distance(b.0, b.1).total_cmp(&distance(a.0, a.1)));
    for (a, b) in segments {
        let horizontal = (a.y - b.y).abs() < 0.01;
        let vertical = (a.x - b.x).abs() < 0.01;
        if !horizontal && !vertical {
            continue;
        }
        let length = distance(a, b);
        let room = if horizontal { length - 2.0 * (ARROW + UNIT) } else { LABEL_WIDTH };
        let paragraph =
            builder.paragraph(label, size::BODY, Weight::Regular, room.min(LABEL_WIDTH) - 2.0 * pad);
        if paragraph.lines.len() > LABEL_LINES || paragraph.width() + 2.0 * pad > room.min(LABEL_WIDTH) {
            continue;
        }
        let (w, h) = (paragraph.width() + 2.0 * pad, paragraph.height() + pad);
        // Rectangles beside or on the segment, from its middle outwards.
        let mut rects = Vec::new();
        for spot in candidates(&[a, b], (0.0, 0.0), 0.0) {
            let at = spot.at;
            if horizontal {
                let left = at.x - w / 2.0;
                if left < a.x.min(b.x) + ARROW || left + w > a.x.max(b.x) - ARROW {
                    continue;
                }
                rects.push(Rect::from_xywh(left, at.y - h / 2.0, w, h));
                rects.push(Rect::from_xywh(left, at.y + LABEL_OFFSET, w, h));
                rects.push(Rect::from_xywh(left, at.y - LABEL_OFFSET - h, w, h));
            } else {
                let top = at.y - h / 2.0;
                if top < a.y.min(b.y) + ARROW || top + h > a.y.max(b.y) - ARROW {
                    continue;
                }
                rects.push(Rect::from_xywh(at.x + LABEL_OFFSET, top, w, h));
                rects.push(Rect::from_xywh(at.x - LABEL_OFFSET - w, top, w, h));
            }
        }
        let found = rects.into_iter().find(|rect| {
            within.contains_rect(rect, 0.0) && !clearance.covers(&rect.expand(LABEL_MARGIN), role, true)
        });
        if let Some(rect) = found {
            builder.region(rect, role, Layer::Labels);
            clearance.add_solid(rect, role);
            builder.rect(rect, 2.0, Some(style::PAPER), Some(Stroke::solid(0.75, style::RULE)), role);
            builder.place(
                &paragraph,
                rect.centre().x,
                rect.min.y + pad / 2.0,
                style::INK,
                Anchor::Middle,
                role,
            );
            return true;
        }
    }
    false
}
