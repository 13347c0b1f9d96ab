//! Roll-up: what a touchpoint's detail map (a tactical or performance map that walks through
//! it step by step) says about it, set beside what the team stated for the touchpoint itself.
//!
//! In each view (internal, customer) the rolled-up performance is the importance-weighted mean
//! of the steps' performance, each step weighted by its importance in the same view (1 when
//! unknown); with it go the weakest step, how many steps were scored and the spread (lowest and
//! highest). Emotion rolls up by peak and end, not by the mean: the most negative step and the
//! last step. A touchpoint whose stated performance differs from its rolled-up one by
//! [`REVIEW_DIFFERENCE`] or more, in either view, is marked for review. Roll-ups are computed
//! from the model each time, never stored.
//!
//! Rules that are ours, not the method's:
//! - One level only: a step's own stated scores count, never its own roll-up, so every rolled-up
//!   number traces back to scores entered on one map, and a chain of detail maps that loops
//!   back on itself rolls up like any other.
//! - A detail map that does not exist, or that holds the touchpoint itself, gives no roll-up
//!   (`check` reports both).
//! - A detail map with no steps, or none scored in a view, gives a roll-up whose numbers in that
//!   view are unknown, with 0 steps scored.
//! - A value off its scale (or not a number) is left out and counted in
//!   [`RollUp::left_out`]: an off-scale performance or emotion is not scored, an off-scale
//!   importance weighs 1 like an unknown one. So every rolled-up number lies on its scale.
//! - Ties go to the first step in journey order (stages in spine order, steps in stage order),
//!   for the weakest step and the emotion peak alike; the end is the last step whose emotion is
//!   known.
//! - A stated score off its scale is not compared, so it never marks a touchpoint for review.

use super::settings::View;
use crate::model::scales::{EMOTION_RANGE, SCORE_RANGE};
use crate::model::{Card, CardId, JourneyMap, MapId, Study, ViewScores};
use std::collections::{HashMap, HashSet};

/// Stated and rolled-up performance this far apart (either way, in either view) mark a
/// touchpoint for review: the method's "2 or more" on the 1–10 scale.
pub const REVIEW_DIFFERENCE: f32 = 2.0;

/// A touchpoint's roll-up in one view.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ViewRollUp {
    /// The importance-weighted mean of the steps' performance; unknown when no step is scored.
    pub mean: Option<f32>,
    /// The step with the lowest performance (the first of equals).
    pub weakest: Option<CardId>,
    /// How many steps have a performance on the scale in this view.
    pub scored: usize,
    /// The lowest step performance.
    pub min: Option<f32>,
    /// The highest step performance.
    pub max: Option<f32>,
}

/// One step's emotion: which step, and what the customer feels there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EmotionStep {
    /// The step.
    pub card: CardId,
    /// Its elicited emotion, on −2..+2.
    pub value: f32,
}

/// What a detail map's steps add up to, whichever touchpoint it details.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Steps {
    /// The roll-up in the internal view.
    pub internal: ViewRollUp,
    /// The roll-up in the customer view.
    pub customer: ViewRollUp,
    /// The step the customer feels worst at (the most negative elicited emotion).
    pub peak: Option<EmotionStep>,
    /// The last step whose elicited emotion is known.
    pub end: Option<EmotionStep>,
    /// How many steps the map has.
    pub count: usize,
    /// How many step values were left out because they are off their scale or not numbers.
    pub left_out: usize,
}

impl Steps {
    /// The roll-up in `view`.
    #[must_use]
    pub fn view(&self, view: View) -> &ViewRollUp {
        match view {
            View::Internal => &self.internal,
            View::Customer => &self.customer,
        }
    }
}

/// A touchpoint's roll-up: its detail map's steps beside its own stated performance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RollUp {
    /// The detail map.
    pub map: MapId,
    /// What the detail map's steps add up to.
    pub steps: Steps,
    /// The touchpoint's own performance, each view only when on the scale.
    pub stated: ViewScores,
}

impl RollUp {
    /// The roll-up in `view`.
    #[must_use]
    pub fn view(&self, view: View) -> &ViewRollUp {
        self.steps.view(view)
    }

    /// The touchpoint's stated performance in `view`, when on the scale.
    #[must_use]
    pub fn stated(&self, view: View) -> Option<f32> {
        match view {
            View::Internal => self.stated.internal,
            View::Customer => self.stated.customer,
        }
    }

    /// Stated minus rolled-up performance in `view`, when both are known: positive when the
    /// touchpoint was rated higher than its steps.
    #[must_use]
    pub fn difference(&self, view: View) -> Option<f32> {
        Some(self.stated(view)? - self.view(view).mean?)
    }

    /// Whether stated and rolled-up performance differ by [`REVIEW_DIFFERENCE`] or more in
    /// `view`. A hair of tolerance keeps 8 against 6.0000001 from escaping review.
    #[must_use]
    pub fn review_in(&self, view: View) -> bool {
        self.difference(view).is_some_and(|d| d.abs() >= REVIEW_DIFFERENCE - 1e-4)
    }

    /// Whether the touchpoint is marked for review: stated and rolled-up performance differ by
    /// [`REVIEW_DIFFERENCE`] or more in either view.
    #[must_use]
    pub fn review(&self) -> bool {
        self.review_in(View::Internal) || self.review_in(View::Customer)
    }
}

fn on_scale(value: Option<f32>) -> Option<f32> {
    value.filter(|v| SCORE_RANGE.contains(v))
}

/// Counts the known values that are off their scale (or not numbers).
fn off(value: Option<f32>, range: &std::ops::RangeInclusive<f32>) -> usize {
    usize::from(value.is_some_and(|v| !range.contains(&v)))
}

/// Sums for one view's roll-up.
#[derive(Default)]
struct ViewSums {
    weighted: f64,
    weights: f64,
    rollup: ViewRollUp,
}

impl ViewSums {
    fn add(&mut self, card: CardId, performance: Option<f32>, importance: Option<f32>) {
        let Some(value) = on_scale(performance) else { return };
        let weight = on_scale(importance).unwrap_or(1.0);
        self.weighted += f64::from(weight) * f64::from(value);
        self.weights += f64::from(weight);
        let r = &mut self.rollup;
        r.scored += 1;
        if r.min.is_none_or(|min| value < min) {
            r.min = Some(value);
            r.weakest = Some(card);
        }
        r.max = Some(r.max.map_or(value, |max| max.max(value)));
    }

    fn finish(self) -> ViewRollUp {
        #[allow(clippy::cast_possible_truncation, reason = "a mean of 1–10 scores fits an f32")]
        let mean = (self.weights > 0.0).then(|| (self.weighted / self.weights) as f32);
        // A weighted mean lies between the lowest and highest value; rounding must not take
        // it outside.
        let mean = mean.map(|m| m.clamp(self.rollup.min.unwrap_or(m), self.rollup.max.unwrap_or(m)));
        ViewRollUp { mean, ..self.rollup }
    }
}

/// What the steps of `map` add up to, in one pass over its cards.
#[must_use]
pub fn steps(map: &JourneyMap) -> Steps {
    let (mut internal, mut customer) = (ViewSums::default(), ViewSums::default());
    let mut result = Steps::default();
    for card in map.cards() {
        result.count += 1;
        internal.add(card.id, card.performance.internal, card.importance.internal);
        customer.add(card.id, card.performance.customer, card.importance.customer);
        let elicited = card.emotion.elicited.filter(|v| EMOTION_RANGE.contains(v));
        if let Some(value) = elicited {
            let step = EmotionStep { card: card.id, value };
            if result.peak.is_none_or(|peak| value < peak.value) {
                result.peak = Some(step);
            }
            result.end = Some(step);
        }
        result.left_out += off(card.performance.internal, &SCORE_RANGE)
            + off(card.performance.customer, &SCORE_RANGE)
            + off(card.importance.internal, &SCORE_RANGE)
            + off(card.importance.customer, &SCORE_RANGE)
            + off(card.emotion.elicited, &EMOTION_RANGE);
    }
    result.internal = internal.finish();
    result.customer = customer.finish();
    result
}

/// The roll-up of `card` from `detail`, its detail map whose steps add up to `steps`.
fn from_steps(card: &Card, detail: MapId, steps: Steps) -> RollUp {
    RollUp {
        map: detail,
        steps,
        stated: ViewScores {
            internal: on_scale(card.performance.internal),
            customer: on_scale(card.performance.customer),
        },
    }
}

/// The roll-up of `card` of `study`: none when it has no detail map, when that map does not
/// exist, or when it holds the card itself.
#[must_use]
pub fn rollup(study: &Study, card: &Card) -> Option<RollUp> {
    let detail = study.map(card.detail?)?;
    if detail.cards().any(|c| c.id == card.id) {
        return None;
    }
    Some(from_steps(card, detail.id, steps(detail)))
}

/// Roll-ups for many cards of one study, each detail map added up once however many cards it
/// details, so analysing or laying out a map stays linear in the size of the study. It
/// remembers maps by id: use one per state of the study.
#[derive(Debug, Default)]
pub struct RollUps {
    known: HashMap<MapId, Option<Detail>>,
}

/// A detail map added up, with the ids of its cards (to tell a card detailed by its own map).
#[derive(Debug)]
struct Detail {
    steps: Steps,
    cards: HashSet<CardId>,
}

impl RollUps {
    /// The roll-up of `card` of `study`, as [`rollup`] gives it.
    pub fn of(&mut self, study: &Study, card: &Card) -> Option<RollUp> {
        let id = card.detail?;
        let entry = self.known.entry(id).or_insert_with(|| {
            study.map(id).map(|map| Detail { steps: steps(map), cards: map.cards().map(|c| c.id).collect() })
        });
        let detail = entry.as_ref()?;
        (!detail.cards.contains(&card.id)).then(|| from_steps(card, id, detail.steps))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Emotion, Stage};

    fn step(id: u32, performance: Option<f32>, importance: Option<f32>, elicited: Option<f32>) -> Card {
        Card {
            id: CardId(id),
            performance: ViewScores { internal: None, customer: performance },
            importance: ViewScores { internal: None, customer: importance },
            emotion: Emotion { elicited, desired: None },
            ..Card::default()
        }
    }

    fn study_with(touchpoint: Card, steps: Vec<Card>) -> Study {
        Study {
            maps: vec![
                JourneyMap {
                    id: MapId(1),
                    stages: vec![Stage { cards: vec![touchpoint], ..Stage::default() }],
                    ..JourneyMap::default()
                },
                JourneyMap {
                    id: MapId(2),
                    stages: vec![Stage { cards: steps, ..Stage::default() }],
                    ..JourneyMap::default()
                },
            ],
            ..Study::default()
        }
    }

    fn touchpoint(customer: Option<f32>) -> Card {
        Card {
            id: CardId(100),
            detail: Some(MapId(2)),
            performance: ViewScores { internal: None, customer },
            ..Card::default()
        }
    }

    #[test]
    fn the_mean_is_weighted_by_importance_and_unknown_weighs_one() {
        // (9 × 4 + 1 × 8 + 3 × 1) / (9 + 1 + 1) = 47 / 11.
        let study = study_with(
            touchpoint(Some(8.0)),
            vec![
                step(1, Some(4.0), Some(9.0), Some(-1.0)),
                step(2, Some(8.0), Some(1.0), Some(-2.0)),
                step(3, Some(3.0), None, None),
                step(4, None, Some(10.0), Some(0.5)),
                step(5, None, None, None),
            ],
        );
        let rollup = rollup(&study, &study.maps[0].stages[0].cards[0]).unwrap();
        let customer = rollup.view(View::Customer);
        assert!((customer.mean.unwrap() - 47.0 / 11.0).abs() < 1e-5);
        assert_eq!(customer.weakest, Some(CardId(3)));
        assert_eq!((customer.scored, customer.min, customer.max), (3, Some(3.0), Some(8.0)));
        assert_eq!(rollup.view(View::Internal), &ViewRollUp::default());
        assert_eq!(rollup.steps.peak, Some(EmotionStep { card: CardId(2), value: -2.0 }));
        assert_eq!(rollup.steps.end, Some(EmotionStep { card: CardId(4), value: 0.5 }));
        assert_eq!(rollup.steps.count, 5);
        // 8 against 4.27: marked for review.
        assert!(rollup.review_in(View::Customer));
        assert!(!rollup.review_in(View::Internal));
        assert!(rollup.review());
    }

    #[test]
    fn a_difference_of_exactly_two_is_marked_and_less_is_not() {
        let steps = vec![step(1, Some(6.0), None, None)];
        let marked = study_with(touchpoint(Some(8.0)), steps.clone());
        assert!(rollup(&marked, &marked.maps[0].stages[0].cards[0]).unwrap().review());
        let close = study_with(touchpoint(Some(7.9)), steps);
        assert!(!rollup(&close, &close.maps[0].stages[0].cards[0]).unwrap().review());
    }

    #[test]
    fn off_scale_values_are_left_out_and_never_reach_the_numbers() {
        let study = study_with(
            touchpoint(Some(f32::NAN)),
            vec![
                step(1, Some(f32::NAN), Some(5.0), Some(f32::INFINITY)),
                step(2, Some(14.0), Some(-3.0), Some(-7.0)),
                step(3, Some(5.0), Some(0.0), None),
                step(4, Some(7.0), Some(f32::NAN), None),
            ],
        );
        let rollup = rollup(&study, &study.maps[0].stages[0].cards[0]).unwrap();
        let customer = rollup.view(View::Customer);
        assert_eq!(customer.mean, Some(6.0), "off-scale importance weighs 1");
        assert_eq!((customer.scored, customer.min, customer.max), (2, Some(5.0), Some(7.0)));
        assert_eq!(rollup.steps.peak, None);
        assert_eq!(rollup.steps.left_out, 7);
        assert_eq!(rollup.stated.customer, None);
        assert!(!rollup.review(), "an unknown stated score is never compared");
    }

    #[test]
    fn an_empty_or_unscored_detail_map_rolls_up_to_unknown() {
        let study = study_with(touchpoint(Some(8.0)), Vec::new());
        let rollup = rollup(&study, &study.maps[0].stages[0].cards[0]).unwrap();
        assert_eq!(rollup.steps, Steps::default());
        assert_eq!(rollup.difference(View::Customer), None);
        assert!(!rollup.review());
    }

    #[test]
    fn a_missing_or_self_detail_map_gives_no_rollup() {
        let mut study = study_with(touchpoint(Some(8.0)), vec![step(1, Some(5.0), None, None)]);
        let mut missing = touchpoint(Some(8.0));
        missing.detail = Some(MapId(9));
        assert_eq!(rollup(&study, &missing), None);
        assert_eq!(RollUps::default().of(&study, &missing), None);
        // The step details its own map: a loop of one.
        study.maps[1].stages[0].cards[0].detail = Some(MapId(2));
        let own = study.maps[1].stages[0].cards[0].clone();
        assert_eq!(rollup(&study, &own), None);
        assert_eq!(RollUps::default().of(&study, &own), None);
        // Two maps detailing each other roll up one level each.
        study.maps[1].stages[0].cards[0].detail = Some(MapId(1));
        let back = study.maps[1].stages[0].cards[0].clone();
        let up = rollup(&study, &back).unwrap();
        assert_eq!(up.view(View::Customer).mean, Some(8.0), "the step reads the touchpoint's stated score");
    }

    #[test]
    fn the_cache_agrees_with_the_single_rollup() {
        let study = study_with(touchpoint(Some(3.0)), vec![step(1, Some(9.0), Some(2.0), Some(1.0))]);
        let card = &study.maps[0].stages[0].cards[0];
        let mut cache = RollUps::default();
        assert_eq!(cache.of(&study, card), rollup(&study, card));
        assert_eq!(cache.of(&study, card), rollup(&study, card));
    }
}
