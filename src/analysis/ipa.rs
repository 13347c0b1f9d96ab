//! Importance × performance analysis (Martilla and James): each card with both scores known in
//! the chosen view is a point; crosshairs split the points into four quadrants.

use super::settings::{Crosshairs, SCALE_MIDPOINT, Settings, View};
use crate::model::{Card, CardId, JourneyMap, ViewScores};

/// A quadrant of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// High importance, low performance: fix first.
    ConcentrateHere,
    /// High importance, high performance: keep up the good work.
    KeepUp,
    /// Low importance, low performance.
    LowPriority,
    /// Low importance, high performance: resources may go elsewhere.
    PossibleOverkill,
}

impl Quadrant {
    /// Every quadrant, most urgent first.
    pub const ALL: [Quadrant; 4] =
        [Self::ConcentrateHere, Self::KeepUp, Self::LowPriority, Self::PossibleOverkill];

    /// The quadrant's machine name, as reports spell it.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::ConcentrateHere => "concentrate_here",
            Self::KeepUp => "keep_up",
            Self::LowPriority => "low_priority",
            Self::PossibleOverkill => "possible_overkill",
        }
    }

    /// The quadrant's name in sentence case.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::ConcentrateHere => "Concentrate here",
            Self::KeepUp => "Keep up the good work",
            Self::LowPriority => "Low priority",
            Self::PossibleOverkill => "Possible overkill",
        }
    }
}

/// One card on the matrix.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// The card.
    pub card: CardId,
    /// Its importance in the view.
    pub importance: f32,
    /// Its performance in the view.
    pub performance: f32,
}

/// The matrix of one map in one view.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    /// The view the points are read in.
    pub view: View,
    /// Every card with both scores known, in journey order.
    pub points: Vec<Point>,
    /// The mean importance of the points, when there are any.
    pub importance_mean: Option<f32>,
    /// The mean performance of the points, when there are any.
    pub performance_mean: Option<f32>,
    /// Where the importance crosshair is (the mean, or the scale midpoint).
    pub importance_cross: f32,
    /// Where the performance crosshair is.
    pub performance_cross: f32,
}

impl Matrix {
    /// The quadrant of a point: a value equal to the crosshair counts as high.
    #[must_use]
    pub fn quadrant_of(&self, importance: f32, performance: f32) -> Quadrant {
        match (importance >= self.importance_cross, performance >= self.performance_cross) {
            (true, false) => Quadrant::ConcentrateHere,
            (true, true) => Quadrant::KeepUp,
            (false, false) => Quadrant::LowPriority,
            (false, true) => Quadrant::PossibleOverkill,
        }
    }

    /// The quadrant of a card, when it is on the matrix.
    #[must_use]
    pub fn quadrant(&self, card: CardId) -> Option<Quadrant> {
        self.points.iter().find(|p| p.card == card).map(|p| self.quadrant_of(p.importance, p.performance))
    }
}

/// A score of a view, when known and finite.
#[must_use]
pub fn in_view(scores: ViewScores, view: View) -> Option<f32> {
    match view {
        View::Internal => scores.internal,
        View::Customer => scores.customer,
    }
    .filter(|v| v.is_finite())
}

fn point(card: &Card, view: View) -> Option<Point> {
    Some(Point {
        card: card.id,
        importance: in_view(card.importance, view)?,
        performance: in_view(card.performance, view)?,
    })
}

fn mean(values: impl Iterator<Item = f32>) -> Option<f32> {
    let (sum, count) = values.fold((0.0_f64, 0_u32), |(s, n), v| (s + f64::from(v), n + 1));
    #[allow(clippy::cast_possible_truncation, reason = "a mean of f32 scores fits an f32")]
    (count > 0).then(|| (sum / f64::from(count)) as f32)
}

/// The matrix of `map` in the settings' view.
#[must_use]
pub fn matrix(map: &JourneyMap, settings: &Settings) -> Matrix {
    matrix_in(map, settings.view, settings.crosshairs)
}

/// The matrix of `map` in `view` with the crosshairs at `crosshairs`.
#[must_use]
pub fn matrix_in(map: &JourneyMap, view: View, crosshairs: Crosshairs) -> Matrix {
    let points: Vec<Point> = map.cards().filter_map(|card| point(card, view)).collect();
    let importance_mean = mean(points.iter().map(|p| p.importance));
    let performance_mean = mean(points.iter().map(|p| p.performance));
    let (importance_cross, performance_cross) = match crosshairs {
        Crosshairs::Means => {
            (importance_mean.unwrap_or(SCALE_MIDPOINT), performance_mean.unwrap_or(SCALE_MIDPOINT))
        }
        Crosshairs::Midpoint => (SCALE_MIDPOINT, SCALE_MIDPOINT),
    };
    Matrix { view, points, importance_mean, performance_mean, importance_cross, performance_cross }
}

/// The priority to fix a card: customer importance × (10 − customer performance) / 10, plus 1
/// when the performance gap is large; unknown when either customer score is.
#[must_use]
pub fn priority(card: &Card, large_gap: f32) -> Option<f32> {
    let importance = in_view(card.importance, View::Customer)?;
    let performance = in_view(card.performance, View::Customer)?;
    let gap = super::card_gaps(card).performance;
    let bonus = if gap.is_some_and(|g| g.abs() >= large_gap) { 1.0 } else { 0.0 };
    Some(importance * (10.0 - performance) / 10.0 + bonus)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stage;

    fn card(id: u32, importance: Option<f32>, performance: Option<f32>) -> Card {
        Card {
            id: CardId(id),
            importance: ViewScores { internal: None, customer: importance },
            performance: ViewScores { internal: Some(9.0), customer: performance },
            ..Card::default()
        }
    }

    fn map(cards: Vec<Card>) -> JourneyMap {
        JourneyMap { stages: vec![Stage { cards, ..Stage::default() }], ..JourneyMap::default() }
    }

    #[test]
    fn crosshairs_at_the_means_and_equal_counts_as_high() {
        let map = map(vec![
            card(1, Some(8.0), Some(4.0)),
            card(2, Some(4.0), Some(8.0)),
            card(3, Some(6.0), Some(6.0)),
            card(4, None, Some(2.0)),
        ]);
        let matrix = matrix(&map, &Settings::default());
        assert_eq!(matrix.points.len(), 3);
        assert_eq!(matrix.importance_mean, Some(6.0));
        assert_eq!(matrix.quadrant(CardId(1)), Some(Quadrant::ConcentrateHere));
        assert_eq!(matrix.quadrant(CardId(2)), Some(Quadrant::PossibleOverkill));
        assert_eq!(matrix.quadrant(CardId(3)), Some(Quadrant::KeepUp));
        assert_eq!(matrix.quadrant(CardId(4)), None);
        let midpoint = matrix_in(&map, View::Customer, Crosshairs::Midpoint);
        assert_eq!(midpoint.quadrant(CardId(3)), Some(Quadrant::KeepUp));
        assert_eq!(midpoint.quadrant_of(5.0, 5.0), Quadrant::LowPriority);
    }

    #[test]
    fn priority_adds_the_large_gap_bonus() {
        // 8 × (10 − 4) / 10 = 4.8, and 9 − 4 = 5 is a large gap.
        let value = priority(&card(1, Some(8.0), Some(4.0)), 2.0).unwrap();
        assert!((value - 5.8).abs() < 1e-5, "{value}");
        assert_eq!(priority(&card(2, None, Some(4.0)), 2.0), None);
    }
}
