//! Connectors between cards: orthogonal routes through the card-free gutters between columns
//! and the channel under the cards, so connectors do not cross cards.

use super::builder::Builder;
use super::geometry::{Point, Rect};
use super::markers;
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

const ARROW: f32 = 2.0 * UNIT;

/// Draws a connector with its arrowhead, handoff mark and note badge.
pub(crate) fn draw(builder: &mut Builder<'_>, connector: &Connector) {
    let points = &connector.points;
    if points.len() < 2 {
        return;
    }
    let stroke = if connector.dashed {
        Stroke::dashed(1.25, style::CONNECTOR, 4.0, 3.0)
    } else {
        Stroke::solid(1.25, style::CONNECTOR)
    };
    // Stop the line at the arrowhead's base so its end does not poke through the tip.
    let mut line = points.clone();
    let (tip, before) = (points[points.len() - 1], points[points.len() - 2]);
    let (dx, dy) = (tip.x - before.x, tip.y - before.y);
    let length = (dx * dx + dy * dy).sqrt().max(f32::EPSILON);
    let (ux, uy) = (dx / length, dy / length);
    let base = Point::new(tip.x - ux * ARROW, tip.y - uy * ARROW);
    if let Some(last) = line.last_mut() {
        *last = base;
    }
    builder.line(line, stroke, connector.role);
    let half = ARROW * 0.45;
    let head = vec![
        tip,
        Point::new(base.x - uy * half, base.y + ux * half),
        Point::new(base.x + uy * half, base.y - ux * half),
    ];
    builder.polygon(head, Some(style::CONNECTOR), None, connector.role);

    if connector.handoff {
        let at = middle_of_longest_segment(points);
        markers::handoff(builder, at, 3.0 * UNIT, connector.role);
    }
    if let Some(number) = connector.note {
        // On an elbow the badge sits where the line turns off the card; on a straight line it
        // sits beside the middle, clear of the arrowhead and of any handoff mark.
        let at = if points.len() > 2 {
            points[1]
        } else {
            let middle = middle_of_longest_segment(points);
            Point::new(middle.x + 4.0 * UNIT, middle.y)
        };
        note_badge(builder, number, at, connector.role);
    }
}

fn middle_of_longest_segment(points: &[Point]) -> Point {
    let mut best = (0.0, points[0]);
    for pair in points.windows(2) {
        let length = (pair[1].x - pair[0].x).abs() + (pair[1].y - pair[0].y).abs();
        if length > best.0 {
            best = (
                length,
                Point::new(f32::midpoint(pair[0].x, pair[1].x), f32::midpoint(pair[0].y, pair[1].y)),
            );
        }
    }
    best.1
}

/// A numbered badge near `near`, moved down until it overlaps no other label.
fn note_badge(builder: &mut Builder<'_>, number: usize, near: Point, role: Role) {
    let text = number.to_string();
    let width = builder.measure.width(&text, size::SMALL, Weight::Bold) + 2.0 * UNIT;
    let height = size::SMALL + UNIT;
    let mut rect = Rect::from_xywh(near.x - width / 2.0, near.y - height / 2.0, width, height);
    let taken = |rect: &Rect, builder: &Builder<'_>| {
        builder.scene.regions.iter().any(|r| r.layer == Layer::Labels && r.rect.overlaps(rect))
    };
    while taken(&rect, builder) {
        rect = Rect::from_xywh(rect.min.x, rect.max.y + UNIT / 2.0, width, height);
    }
    builder.region(rect, role, Layer::Labels);
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
