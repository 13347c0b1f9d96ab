//! The importance × performance matrix as a scene: axes on the 1–10 scale, the crosshairs, the
//! diagonal, quadrant labels, and one point per card (in both views, an arrow from the
//! internal point to the customer point). The analysis panel paints it on screen and a poster
//! can print it, so both show one drawing.

use super::builder::Builder;
use super::geometry::{Point, Rect};
use super::scene::{Anchor, Layer, Role, Scene, Stroke, Weight};
use super::style::{self, UNIT, size};
use super::text::TextMeasure;
use crate::analysis::{Crosshairs, Matrix, Quadrant, View, matrix_in};
use crate::model::{CardId, JourneyMap};

/// Which view's points the matrix shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum MatrixViews {
    /// The customer view (the default: what customers say).
    #[default]
    Customer,
    /// The internal view.
    Internal,
    /// Both, with an arrow from each card's internal point to its customer point.
    Both,
}

impl MatrixViews {
    /// Every choice, as a menu lists them.
    pub const ALL: [MatrixViews; 3] = [Self::Customer, Self::Internal, Self::Both];

    /// The choice's name in sentence case.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Customer => "Customer view",
            Self::Internal => "Internal view",
            Self::Both => "Both views",
        }
    }
}

/// The side of the plot area, in map units.
const PLOT: f32 = 80.0 * UNIT;
/// Room left of and under the plot for tick labels and axis titles.
const AXIS: f32 = 14.0 * UNIT;
/// The radius of a point.
const DOT: f32 = 1.6 * UNIT;

/// Where a score sits along an axis of the plot (1 at the start, 10 at the end); values off
/// the scale sit at its end, never beyond.
fn along(score: f32) -> f32 {
    (score.clamp(1.0, 10.0) - 1.0) / 9.0 * PLOT
}

/// The matrix of `map`, laid out with its top-left at the origin.
#[must_use]
pub fn matrix_scene(
    map: &JourneyMap,
    views: MatrixViews,
    crosshairs: Crosshairs,
    measure: &dyn TextMeasure,
) -> Scene {
    let shown = match views {
        MatrixViews::Internal => View::Internal,
        MatrixViews::Customer | MatrixViews::Both => View::Customer,
    };
    let matrix = matrix_in(map, shown, crosshairs);
    let mut builder = Builder::new(measure);
    let (left, top) = (AXIS, 2.0 * UNIT);
    let x_of = |performance: f32| left + along(performance);
    let y_of = |importance: f32| top + PLOT - along(importance);
    draw_frame(&mut builder, &matrix, left, top);
    if views == MatrixViews::Both {
        let internal = matrix_in(map, View::Internal, crosshairs);
        for from in &internal.points {
            if let Some(to) = matrix.points.iter().find(|p| p.card == from.card) {
                let (a, b) = (
                    Point::new(x_of(from.performance), y_of(from.importance)),
                    Point::new(x_of(to.performance), y_of(to.importance)),
                );
                arrow(&mut builder, a, b, Role::Card(from.card));
                builder.circle(
                    a,
                    DOT * 0.8,
                    Some(style::PAPER),
                    Some(Stroke::solid(1.0, style::INK)),
                    Role::Card(from.card),
                );
            }
        }
    }
    for point in &matrix.points {
        let centre = Point::new(x_of(point.performance), y_of(point.importance));
        draw_point(&mut builder, point.card, centre, matrix.quadrant_of(point.importance, point.performance));
    }
    builder.finish(left + PLOT + 2.0 * UNIT, top + PLOT + AXIS, size::BODY)
}

/// The colour a quadrant's points take, with the quadrant named in text beside it.
fn quadrant_colour(quadrant: Quadrant) -> crate::model::Colour {
    match quadrant {
        Quadrant::ConcentrateHere => style::PAIN,
        Quadrant::KeepUp => style::DELIGHT,
        Quadrant::LowPriority => style::SECONDARY,
        Quadrant::PossibleOverkill => style::ELICITED,
    }
}

fn draw_point(builder: &mut Builder<'_>, card: CardId, centre: Point, quadrant: Quadrant) {
    let role = Role::Card(card);
    builder.region(
        Rect::from_xywh(centre.x - DOT, centre.y - DOT, 2.0 * DOT, 2.0 * DOT),
        role,
        Layer::Labels,
    );
    builder.circle(
        centre,
        DOT,
        Some(quadrant_colour(quadrant)),
        Some(Stroke::solid(0.75, style::PAPER)),
        role,
    );
}

fn arrow(builder: &mut Builder<'_>, from: Point, to: Point, role: Role) {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let length = (dx * dx + dy * dy).sqrt();
    if length < 2.0 * DOT {
        return;
    }
    let (ux, uy) = (dx / length, dy / length);
    let tip = Point::new(to.x - ux * DOT, to.y - uy * DOT);
    let head = 1.5 * UNIT;
    let base = Point::new(tip.x - ux * head, tip.y - uy * head);
    builder.line(vec![from, base], Stroke::solid(1.0, style::SECONDARY), role);
    let half = head * 0.45;
    builder.polygon(
        vec![
            tip,
            Point::new(base.x - uy * half, base.y + ux * half),
            Point::new(base.x + uy * half, base.y - ux * half),
        ],
        Some(style::SECONDARY),
        None,
        role,
    );
}

/// Axes, grid, crosshairs, the diagonal and the quadrant labels.
fn draw_frame(builder: &mut Builder<'_>, matrix: &Matrix, left: f32, top: f32) {
    let role = Role::Chrome;
    let x_of = |performance: f32| left + along(performance);
    let y_of = |importance: f32| top + PLOT - along(importance);
    builder.rect(
        Rect::from_xywh(left, top, PLOT, PLOT),
        0.0,
        Some(style::PAPER),
        Some(Stroke::solid(0.75, style::RULE)),
        role,
    );
    for tick in 1..=10 {
        #[allow(clippy::cast_precision_loss, reason = "a tick from 1 to 10")]
        let value = tick as f32;
        let label = tick.to_string();
        builder.text(
            Point::new(x_of(value), top + PLOT + 1.5 * UNIT + size::SMALL),
            &label,
            size::SMALL,
            Weight::Regular,
            style::SECONDARY,
            Anchor::Middle,
            role,
        );
        builder.text(
            Point::new(left - 1.5 * UNIT, y_of(value) + size::SMALL * 0.35),
            &label,
            size::SMALL,
            Weight::Regular,
            style::SECONDARY,
            Anchor::End,
            role,
        );
    }
    builder.text(
        Point::new(left + PLOT / 2.0, top + PLOT + AXIS - UNIT),
        "Performance →",
        size::BODY,
        Weight::Bold,
        style::INK,
        Anchor::Middle,
        role,
    );
    builder.text(
        Point::new(UNIT, top + size::BODY),
        "Importance ↑",
        size::BODY,
        Weight::Bold,
        style::INK,
        Anchor::Start,
        role,
    );
    // The diagonal: importance equals performance; points far below it are the urgent ones.
    builder.line(
        vec![Point::new(x_of(1.0), y_of(1.0)), Point::new(x_of(10.0), y_of(10.0))],
        Stroke::dashed(0.75, style::RULE, 2.0, 3.0),
        role,
    );
    let (cx, cy) = (x_of(matrix.performance_cross), y_of(matrix.importance_cross));
    let cross = Stroke::dashed(1.0, style::SECONDARY, 5.0, 3.0);
    builder.line(vec![Point::new(cx, top), Point::new(cx, top + PLOT)], cross, role);
    builder.line(vec![Point::new(left, cy), Point::new(left + PLOT, cy)], cross, role);
    let pad = 2.0 * UNIT;
    let corners = [
        (Quadrant::ConcentrateHere, left + pad, top + pad + size::BODY, Anchor::Start),
        (Quadrant::KeepUp, left + PLOT - pad, top + pad + size::BODY, Anchor::End),
        (Quadrant::LowPriority, left + pad, top + PLOT - pad, Anchor::Start),
        (Quadrant::PossibleOverkill, left + PLOT - pad, top + PLOT - pad, Anchor::End),
    ];
    for (quadrant, x, y, anchor) in corners {
        builder.text(
            Point::new(x, y),
            quadrant.label(),
            size::BODY,
            Weight::Bold,
            quadrant_colour(quadrant),
            anchor,
            role,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::FontMeasure;
    use crate::model::{Card, Stage, ViewScores};

    #[test]
    fn one_point_per_scored_card_and_arrows_in_both_views() {
        let card = |id, customer, internal| Card {
            id: CardId(id),
            importance: ViewScores { internal: Some(internal), customer: Some(customer) },
            performance: ViewScores { internal: Some(internal), customer: Some(customer) },
            ..Card::default()
        };
        let map = JourneyMap {
            stages: vec![Stage {
                cards: vec![card(1, 3.0, 8.0), card(2, 9.0, 9.0), Card::default()],
                ..Stage::default()
            }],
            ..JourneyMap::default()
        };
        let measure = FontMeasure::shared();
        let scene = matrix_scene(&map, MatrixViews::Customer, Crosshairs::Means, measure);
        let points = |scene: &Scene| scene.regions.iter().filter(|r| matches!(r.role, Role::Card(_))).count();
        assert_eq!(points(&scene), 2);
        assert!(scene.texts().any(|(run, _)| run.text == "Concentrate here"));
        let both = matrix_scene(&map, MatrixViews::Both, Crosshairs::Midpoint, measure);
        let polygons =
            both.items.iter().filter(|i| matches!(i.shape, crate::layout::Shape::Polygon { .. })).count();
        assert_eq!(polygons, 1, "card 1 moves from its internal to its customer point; card 2 does not move");
        assert!(both.texts().all(|(run, _)| run.size >= size::SMALL));
    }
}
