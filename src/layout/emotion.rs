//! The emotion curve: elicited (solid) and desired (dashed) emotion per stage on a −2..+2 band.

use super::builder::Builder;
use super::geometry::Point;
use super::rows;
use super::scene::{Anchor, Role, Stroke, Weight};
use super::style::{self, ROW_HEADER, UNIT, size};
use super::used::Used;
use crate::model::Stage;

/// The height of the emotion band.
pub(crate) const BAND: f32 = 36.0 * UNIT;

/// A stage's elicited and desired emotion, where known.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StageEmotion {
    pub elicited: Option<f32>,
    pub desired: Option<f32>,
}

impl StageEmotion {
    pub fn is_known(self) -> bool {
        self.elicited.is_some() || self.desired.is_some()
    }
}

/// Each stage's elicited and desired emotion: the stage's own, or else the mean over its cards.
pub(crate) fn stage_points(stages: &[Stage]) -> Vec<StageEmotion> {
    let mean =
        |values: Vec<f32>| (!values.is_empty()).then(|| values.iter().sum::<f32>() / values.len() as f32);
    stages
        .iter()
        .map(|stage| {
            let finite = |v: Option<f32>| v.filter(|v| v.is_finite());
            let elicited = finite(stage.emotion.elicited)
                .or_else(|| mean(stage.cards.iter().filter_map(|c| finite(c.emotion.elicited)).collect()));
            let desired = finite(stage.emotion.desired)
                .or_else(|| mean(stage.cards.iter().filter_map(|c| finite(c.emotion.desired)).collect()));
            StageEmotion { elicited, desired }
        })
        .collect()
}

/// Draws the band, its scale and both curves; `centres` are the stages' x positions.
pub(crate) fn draw(
    builder: &mut Builder<'_>,
    centres: &[f32],
    points: &[StageEmotion],
    top: f32,
    width: f32,
    used: &mut Used,
) {
    rows::header(builder, "Emotion", top);
    let inset = 3.0 * UNIT;
    let y_of = |value: f32| top + inset + (2.0 - value.clamp(-2.0, 2.0)) / 4.0 * (BAND - 2.0 * inset);
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
    let series = |pick: fn(&StageEmotion) -> Option<f32>| -> Vec<Vec<Point>> {
        let mut runs: Vec<Vec<Point>> = vec![Vec::new()];
        for (x, value) in centres.iter().zip(points.iter().map(pick)) {
            match value {
                Some(v) => runs.last_mut().map(|run| run.push(Point::new(*x, y_of(v)))).unwrap_or_default(),
                None => runs.push(Vec::new()),
            }
        }
        runs.into_iter().filter(|run| !run.is_empty()).collect()
    };
    for run in series(|p| p.desired) {
        used.desired = true;
        if run.len() > 1 {
            builder.line(run.clone(), Stroke::dashed(2.0, style::DESIRED, 6.0, 4.0), Role::Chrome);
        }
        for point in run {
            builder.circle(
                point,
                1.6 * UNIT / 2.0 + 1.0,
                Some(style::PAPER),
                Some(Stroke::solid(1.5, style::DESIRED)),
                Role::Chrome,
            );
        }
    }
    for run in series(|p| p.elicited) {
        used.elicited = true;
        if run.len() > 1 {
            builder.line(run.clone(), Stroke::solid(2.5, style::ELICITED), Role::Chrome);
        }
        for point in run {
            builder.circle(point, 1.6 * UNIT / 2.0 + 1.0, Some(style::ELICITED), None, Role::Chrome);
        }
    }
}
