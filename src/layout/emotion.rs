//! The emotion curve on a −2..+2 band: one point per touchpoint (elicited solid, desired
//! dashed), each stage's mean emotion as a pale band behind the curve, and a stage's own
//! emotion as a point where its cards have none. Unknown values break the line; they are
//! never read as zero. A value off the scale sits at the band's edge with an arrow and its
//! number.

use super::builder::Builder;
use super::geometry::{Point, Rect};
use super::markers;
use super::rows::{self, Span};
use super::scene::{Anchor, Role, Stroke, Weight};
use super::style::{self, ROW_HEADER, UNIT, size};
use super::used::Used;
use crate::analysis::{StageEmotion, stage_emotion};
use crate::model::scales::EMOTION_RANGE;
use crate::model::{Emotion, Stage};
use crate::words;

/// The height of the emotion band.
pub(crate) const BAND: f32 = 36.0 * UNIT;
/// The radius of a point on the curve.
const POINT: f32 = 0.8 * UNIT + 1.0;

/// Whether the band shows: some stage or card has a known emotion.
pub(crate) fn shows(stages: &[Stage]) -> bool {
    stages.iter().any(|stage| stage_emotion(stage).is_known())
}

/// A point of a series: where, its value, and what it belongs to.
struct CurvePoint {
    x: f32,
    value: f32,
    role: Role,
}

/// One side of the curve (elicited or desired) as runs of points; an unknown value ends a run.
fn series(
    stages: &[Stage],
    spans: &[Span],
    card_x: &[Vec<f32>],
    pick: fn(&Emotion) -> Option<f32>,
    pick_mean: fn(StageEmotion) -> Option<f32>,
) -> Vec<Vec<CurvePoint>> {
    let finite = |v: Option<f32>| v.filter(|v| v.is_finite());
    let mut runs: Vec<Vec<CurvePoint>> = vec![Vec::new()];
    let mut add = |point: Option<CurvePoint>| match point {
        Some(point) => {
            if let Some(run) = runs.last_mut() {
                run.push(point);
            }
        }
        None => runs.push(Vec::new()),
    };
    for ((stage, span), xs) in stages.iter().zip(spans).zip(card_x) {
        let role = Role::Stage(stage.id);
        if stage.cards.iter().any(|card| finite(pick(&card.emotion)).is_some()) {
            for (card, x) in stage.cards.iter().zip(xs) {
                add(finite(pick(&card.emotion)).map(|value| CurvePoint { x: *x, value, role }));
            }
        } else {
            let centre = f32::midpoint(span.left, span.right);
            add(pick_mean(stage_emotion(stage)).map(|value| CurvePoint { x: centre, value, role }));
        }
    }
    runs.into_iter().filter(|run| !run.is_empty()).collect()
}

/// Draws the band, its scale, each stage's mean and both curves; `card_x` holds each card's
/// x, stage by stage.
pub(crate) fn draw(
    builder: &mut Builder<'_>,
    stages: &[Stage],
    spans: &[Span],
    card_x: &[Vec<f32>],
    top: f32,
    width: f32,
    used: &mut Used,
) {
    rows::header(builder, "Emotion", top);
    let inset = 3.0 * UNIT;
    let (low, high) = (*EMOTION_RANGE.start(), *EMOTION_RANGE.end());
    let y_of =
        |value: f32| top + inset + (high - value.clamp(low, high)) / (high - low) * (BAND - 2.0 * inset);

    for (stage, span) in stages.iter().zip(spans) {
        let Some(mean) = stage_emotion(stage).elicited else { continue };
        used.emotion_mean = true;
        let y = y_of(mean);
        let band = Rect::from_xywh(
            span.left + 2.0 * UNIT,
            y - UNIT,
            span.right - span.left - 4.0 * UNIT,
            2.0 * UNIT,
        );
        builder.rect(band, UNIT, Some(style::EMOTION_MEAN), None, Role::Stage(stage.id));
        if !EMOTION_RANGE.contains(&mean) {
            mark_off_scale(builder, Point::new(band.max.x - UNIT, y), mean, width, Role::Stage(stage.id));
        }
    }
    for level in -2..=2 {
        let y = y_of(level as f32);
        let stroke = if level == 0 {
            Stroke::solid(1.0, style::SECONDARY)
        } else {
            Stroke::dashed(0.5, style::RULE, 2.0, 2.0)
        };
        builder.line(vec![Point::new(ROW_HEADER, y), Point::new(width, y)], stroke, Role::Chrome);
        let label = match level {
            2 => "+2",
            1 => "+1",
            0 => "0",
            -1 => "−1",
            _ => "−2",
        };
        builder.text(
            Point::new(ROW_HEADER - 2.0 * UNIT, y + size::SMALL * 0.35),
            label,
            size::SMALL,
            Weight::Regular,
            style::SECONDARY,
            Anchor::End,
            Role::Chrome,
        );
    }
    for run in series(stages, spans, card_x, |e| e.desired, |m| m.desired) {
        used.desired = true;
        let points: Vec<Point> = run.iter().map(|p| Point::new(p.x, y_of(p.value))).collect();
        if points.len() > 1 {
            builder.line(points, Stroke::dashed(2.0, style::DESIRED, 6.0, 4.0), Role::Chrome);
        }
        for point in &run {
            let at = Point::new(point.x, y_of(point.value));
            builder.circle(
                at,
                POINT,
                Some(style::PAPER),
                Some(Stroke::solid(1.5, style::DESIRED)),
                point.role,
            );
            if !EMOTION_RANGE.contains(&point.value) {
                mark_off_scale(builder, at, point.value, width, point.role);
            }
        }
    }
    for run in series(stages, spans, card_x, |e| e.elicited, |m| m.elicited) {
        used.elicited = true;
        let points: Vec<Point> = run.iter().map(|p| Point::new(p.x, y_of(p.value))).collect();
        if points.len() > 1 {
            builder.line(points, Stroke::solid(2.5, style::ELICITED), Role::Chrome);
        }
        for point in &run {
            let at = Point::new(point.x, y_of(point.value));
            builder.circle(at, POINT, Some(style::ELICITED), None, point.role);
            if !EMOTION_RANGE.contains(&point.value) {
                mark_off_scale(builder, at, point.value, width, point.role);
            }
        }
    }
}

/// Marks a value drawn at the band's edge although it lies beyond: an arrow pointing off the
/// scale and the value itself, on the point's right, or its left near the body's right edge.
fn mark_off_scale(builder: &mut Builder<'_>, at: Point, value: f32, right_edge: f32, role: Role) {
    let above = value > 0.0;
    let direction = if above { (0.0, -1.0) } else { (0.0, 1.0) };
    let tip = Point::new(at.x, at.y + direction.1 * (POINT + 2.0 * UNIT));
    markers::off_scale(builder, tip, direction, 1.5 * UNIT, role);
    if let Some(text) = words::signed(value) {
        let text = format!("{text} off scale");
        let width = builder.measure.width(&text, size::SMALL, Weight::Bold);
        let fits_right = at.x + POINT + UNIT + width <= right_edge;
        let (x, anchor) = if fits_right {
            (at.x + POINT + UNIT, Anchor::Start)
        } else {
            (at.x - POINT - UNIT, Anchor::End)
        };
        builder.text(
            Point::new(x, at.y + size::SMALL * 0.35),
            &text,
            size::SMALL,
            Weight::Bold,
            style::INK,
            anchor,
            role,
        );
    }
}
