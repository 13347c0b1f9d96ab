//! Gaps per card: where the company and its customers see a touchpoint differently, and where
//! the experience falls short of the one wanted.

use crate::model::Card;

/// A gap this large (in absolute value, on the 1–10 scale) is "large": our default, not a
/// standard of the method.
pub const LARGE_GAP: f32 = 2.0;

/// A card's gaps, each known only when both of its sides are known and finite.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CardGaps {
    /// Internal minus customer performance: positive when we rate ourselves higher.
    pub performance: Option<f32>,
    /// Internal minus customer importance.
    pub importance: Option<f32>,
    /// Desired minus elicited emotion: positive when the customer feels worse than wanted.
    pub emotion: Option<f32>,
}

impl CardGaps {
    /// Whether the performance gap is large, in either direction.
    #[must_use]
    pub fn performance_is_large(&self) -> bool {
        self.performance.is_some_and(|gap| gap.abs() >= LARGE_GAP)
    }
}

fn difference(a: Option<f32>, b: Option<f32>) -> Option<f32> {
    let (a, b) = (a.filter(|v| v.is_finite())?, b.filter(|v| v.is_finite())?);
    Some(a - b)
}

/// The gaps of one card.
#[must_use]
pub fn card_gaps(card: &Card) -> CardGaps {
    CardGaps {
        performance: difference(card.performance.internal, card.performance.customer),
        importance: difference(card.importance.internal, card.importance.customer),
        emotion: difference(card.emotion.desired, card.emotion.elicited),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ViewScores;

    #[test]
    fn gaps_need_both_sides() {
        let mut card = Card::default();
        assert_eq!(card_gaps(&card), CardGaps::default());
        card.performance = ViewScores { internal: Some(8.0), customer: Some(5.5) };
        card.importance = ViewScores { internal: Some(7.0), customer: None };
        card.emotion.desired = Some(1.0);
        card.emotion.elicited = Some(-1.0);
        let gaps = card_gaps(&card);
        assert_eq!(gaps.performance, Some(2.5));
        assert!(gaps.performance_is_large());
        assert_eq!(gaps.importance, None);
        assert_eq!(gaps.emotion, Some(2.0));
    }

    #[test]
    fn non_finite_scores_are_unknown() {
        let card = Card {
            performance: ViewScores { internal: Some(f32::NAN), customer: Some(5.0) },
            ..Card::default()
        };
        assert_eq!(card_gaps(&card).performance, None);
    }
}
