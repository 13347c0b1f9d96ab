//! The six scores of a card (importance and performance from both views, emotion felt and
//! wanted) in one grid, for one card or several at once: where the cards differ the field shows
//! as mixed and changes nothing until the user sets it, which sets it on all of them.

use super::fields::score_field;
use crate::model::Card;
use crate::model::scales::{EMOTION_RANGE, SCORE_RANGE};

/// One score row of the grid: its caption, the field's accessible name, how to read and write
/// the score on a card, and whether it is a 1-10 score (else an emotion, -2..+2).
struct ScoreRow {
    caption: &'static str,
    accessible: &'static str,
    get: fn(&Card) -> Option<f32>,
    set: fn(&mut Card, Option<f32>),
    is_score: bool,
}

const SCORES: [ScoreRow; 6] = [
    ScoreRow {
        caption: "Importance (internal)",
        accessible: "Importance, internal view",
        get: |c| c.importance.internal,
        set: |c, v| c.importance.internal = v,
        is_score: true,
    },
    ScoreRow {
        caption: "Importance (customer)",
        accessible: "Importance, customer view",
        get: |c| c.importance.customer,
        set: |c, v| c.importance.customer = v,
        is_score: true,
    },
    ScoreRow {
        caption: "Performance (internal)",
        accessible: "Performance, internal view",
        get: |c| c.performance.internal,
        set: |c, v| c.performance.internal = v,
        is_score: true,
    },
    ScoreRow {
        caption: "Performance (customer)",
        accessible: "Performance, customer view",
        get: |c| c.performance.customer,
        set: |c, v| c.performance.customer = v,
        is_score: true,
    },
    ScoreRow {
        caption: "Emotion felt",
        accessible: "Emotion elicited",
        get: |c| c.emotion.elicited,
        set: |c, v| c.emotion.elicited = v,
        is_score: false,
    },
    ScoreRow {
        caption: "Emotion wanted",
        accessible: "Emotion desired",
        get: |c| c.emotion.desired,
        set: |c, v| c.emotion.desired = v,
        is_score: false,
    },
];

/// What the user did in the grid this frame.
pub(super) struct Edited {
    /// A score was set or cleared (on every card).
    pub changed: bool,
    /// A continuous edit ended (a field left, a drag released).
    pub ended: bool,
}

/// The value every card has (unknown when they differ), and whether they differ.
fn shared(cards: &[Card], get: fn(&Card) -> Option<f32>) -> (Option<f32>, bool) {
    let first = cards.first().and_then(get);
    let same = |v: Option<f32>| v.map(f32::to_bits) == first.map(f32::to_bits);
    if cards.iter().all(|c| same(get(c))) { (first, false) } else { (None, true) }
}

/// The grid of scores of `cards`, with their gaps when there is one card.
pub(super) fn grid(ui: &mut egui::Ui, id_salt: &str, cards: &mut [Card]) -> Edited {
    let mut edited = Edited { changed: false, ended: false };
    egui::Grid::new(id_salt).num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
        for row in &SCORES {
            ui.label(row.caption);
            let (mut value, mixed) = shared(cards, row.get);
            let range = if row.is_score { SCORE_RANGE } else { EMOTION_RANGE };
            let response = score_field(ui, row.accessible, &mut value, &range, mixed);
            if response.changed() {
                for card in cards.iter_mut() {
                    (row.set)(card, value);
                }
                edited.changed = true;
            }
            edited.ended |= response.lost_focus() || response.drag_stopped();
            ui.end_row();
        }
    });
    if let [card] = cards {
        for (what, gap) in [("Importance", card.importance.gap()), ("Performance", card.performance.gap())] {
            if let Some(gap) = gap {
                ui.weak(format!("{what} gap: {gap:+.1} (internal minus customer)"));
            }
        }
    }
    edited
}
