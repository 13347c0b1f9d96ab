//! Emotion per stage: the level a stage's band shows on the emotion curve.

use crate::model::Stage;

/// A stage's elicited and desired emotion, where known.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageEmotion {
    /// What the customer feels in the stage.
    pub elicited: Option<f32>,
    /// What the customer should feel in the stage.
    pub desired: Option<f32>,
}

impl StageEmotion {
    /// Whether either side is known.
    #[must_use]
    pub fn is_known(self) -> bool {
        self.elicited.is_some() || self.desired.is_some()
    }
}

fn mean(values: impl Iterator<Item = f32>) -> Option<f32> {
    let (sum, count) = values.fold((0.0_f64, 0_u32), |(sum, count), v| (sum + f64::from(v), count + 1));
    #[allow(clippy::cast_possible_truncation, reason = "a mean of f32 values fits an f32")]
    (count > 0).then(|| (sum / f64::from(count)) as f32)
}

/// The stage's own emotion where the team set it, else the mean over its cards' known
/// values; values that are not finite are unknown, and unknown values never count as zero.
#[must_use]
pub fn stage_emotion(stage: &Stage) -> StageEmotion {
    let finite = |v: Option<f32>| v.filter(|v| v.is_finite());
    let elicited = finite(stage.emotion.elicited)
        .or_else(|| mean(stage.cards.iter().filter_map(|c| finite(c.emotion.elicited))));
    let desired = finite(stage.emotion.desired)
        .or_else(|| mean(stage.cards.iter().filter_map(|c| finite(c.emotion.desired))));
    StageEmotion { elicited, desired }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, Emotion};

    fn card(elicited: Option<f32>) -> Card {
        Card { emotion: Emotion { elicited, desired: None }, ..Card::default() }
    }

    #[test]
    fn the_mean_skips_unknown_and_non_finite_values() {
        let stage = Stage {
            cards: vec![card(Some(-1.0)), card(None), card(Some(f32::NAN)), card(Some(2.0))],
            ..Stage::default()
        };
        assert_eq!(stage_emotion(&stage), StageEmotion { elicited: Some(0.5), desired: None });
    }

    #[test]
    fn the_stage_own_value_wins() {
        let stage = Stage {
            emotion: Emotion { elicited: Some(1.0), desired: Some(2.0) },
            cards: vec![card(Some(-2.0))],
            ..Stage::default()
        };
        assert_eq!(stage_emotion(&stage), StageEmotion { elicited: Some(1.0), desired: Some(2.0) });
        assert!(!stage_emotion(&Stage::default()).is_known());
    }
}
