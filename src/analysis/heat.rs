//! Computed heat: pain, delight and moments of truth from the scores (our rules, settable),
//! and whether they disagree with the flags the team set.

use super::ipa::in_view;
use super::settings::{Settings, View};
use crate::model::{Card, Flags};

/// The heat a card's scores give it. A card may be several at once, as in the method.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[allow(clippy::struct_excessive_bools, reason = "three independent marks, as the method has them")]
pub struct Heat {
    /// Customer performance or felt emotion is low.
    pub pain: bool,
    /// Customer performance or felt emotion is high.
    pub delight: bool,
    /// Customers rate it very important.
    pub moment_of_truth: bool,
}

impl Heat {
    /// The names of the marks that are set, as reports list them.
    #[must_use]
    pub fn keys(self) -> Vec<&'static str> {
        let mut keys = Vec::new();
        if self.pain {
            keys.push("pain");
        }
        if self.delight {
            keys.push("delight");
        }
        if self.moment_of_truth {
            keys.push("moment_of_truth");
        }
        keys
    }

    /// Whether this differs from the team's flags (pain point, delight, moment of truth).
    #[must_use]
    pub fn disagrees_with(self, flags: Flags) -> bool {
        self.pain != flags.pain_point
            || self.delight != flags.moment_of_delight
            || self.moment_of_truth != flags.moment_of_truth
    }
}

/// The heat of one card; unknown scores never count towards any mark.
#[must_use]
pub fn heat(card: &Card, settings: &Settings) -> Heat {
    let performance = in_view(card.performance, View::Customer);
    let importance = in_view(card.importance, View::Customer);
    let felt = card.emotion.elicited.filter(|v| v.is_finite());
    Heat {
        pain: performance.is_some_and(|p| p <= settings.pain_performance)
            || felt.is_some_and(|e| e <= settings.pain_emotion),
        delight: performance.is_some_and(|p| p >= settings.delight_performance)
            || felt.is_some_and(|e| e >= settings.delight_emotion),
        moment_of_truth: importance.is_some_and(|i| i >= settings.truth_importance),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ViewScores;

    #[test]
    fn rules_and_disagreement() {
        let settings = Settings::default();
        let mut card = Card {
            performance: ViewScores { internal: None, customer: Some(4.0) },
            importance: ViewScores { internal: None, customer: Some(8.0) },
            ..Card::default()
        };
        let computed = heat(&card, &settings);
        assert_eq!(computed, Heat { pain: true, delight: false, moment_of_truth: true });
        assert!(computed.disagrees_with(card.flags));
        card.flags.pain_point = true;
        card.flags.moment_of_truth = true;
        assert!(!heat(&card, &settings).disagrees_with(card.flags));
        card.emotion.elicited = Some(1.5);
        assert!(heat(&card, &settings).delight);
        assert_eq!(heat(&Card::default(), &settings), Heat::default());
    }
}
