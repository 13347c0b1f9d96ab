//! A touchpoint's roll-up from its detail map, read only: stated beside rolled-up performance
//! in both views, how many steps were scored and their spread, the weakest step, emotion peak
//! and end, and whether the touchpoint is marked for review. The numbers come from
//! `analysis::rollup`, as on the canvas and in the report.

use crate::analysis::{REVIEW_DIFFERENCE, RollUp, View};
use crate::app::editor::Editor;
use crate::model::{Card, CardId, JourneyMap};
use crate::words;

fn score(value: Option<f32>) -> String {
    value.and_then(words::score).unwrap_or_else(|| "–".to_owned())
}

fn step_title(detail: &JourneyMap, id: CardId) -> String {
    detail.card(id).map_or_else(String::new, |c| {
        if c.title.trim().is_empty() { "Untitled".to_owned() } else { c.title.clone() }
    })
}

/// Shows the roll-up of `card`, when it has a detail map.
pub(super) fn show(ui: &mut egui::Ui, editor: &Editor, card: &Card) {
    let Some(detail_id) = card.detail else { return };
    let study = editor.study();
    let (Some(rollup), Some(detail)) = (crate::analysis::rollup(study, card), study.map(detail_id)) else {
        ui.weak(if study.map(detail_id).is_some() {
            "No roll-up: this card is on its own detail map"
        } else {
            "No roll-up: its detail map is missing"
        });
        return;
    };
    egui::CollapsingHeader::new("Roll-up from the detail map")
        .id_salt("card-rollup")
        .default_open(true)
        .show(ui, |ui| rollup_ui(ui, &rollup, detail));
}

fn rollup_ui(ui: &mut egui::Ui, rollup: &RollUp, detail: &JourneyMap) {
    let title = if detail.title.trim().is_empty() { "Untitled map" } else { detail.title.as_str() };
    ui.label(format!("From “{title}”, {}", words::count(rollup.steps.count, "step")));
    egui::Grid::new("rollup-grid").num_columns(3).spacing([12.0, 4.0]).show(ui, |ui| {
        ui.weak("Performance");
        ui.weak("Stated · steps");
        ui.weak("Scored, spread");
        ui.end_row();
        for view in [View::Customer, View::Internal] {
            let steps = rollup.view(view);
            ui.label(view.label());
            let pair = format!("{} · {}", score(rollup.stated(view)), score(steps.mean));
            let marked = rollup.review_in(view);
            ui.label(if marked { egui::RichText::new(pair).strong() } else { egui::RichText::new(pair) });
            let spread = match (steps.min, steps.max) {
                (Some(min), Some(max)) => {
                    format!(
                        "{} of {}, {}–{}",
                        steps.scored,
                        rollup.steps.count,
                        score(Some(min)),
                        score(Some(max))
                    )
                }
                _ => "none".to_owned(),
            };
            ui.label(spread);
            ui.end_row();
        }
    });
    for view in [View::Customer, View::Internal] {
        let steps = rollup.view(view);
        if let Some(weakest) = steps.weakest {
            ui.label(format!(
                "Weakest step ({}): “{}” at {}",
                view.key(),
                step_title(detail, weakest),
                score(steps.min)
            ));
        }
    }
    let feeling = |label: &str, step: Option<crate::analysis::rollup::EmotionStep>| {
        step.and_then(|s| {
            Some(format!("{label}: {} at “{}”", words::signed(s.value)?, step_title(detail, s.card)))
        })
    };
    for line in [feeling("Felt worst", rollup.steps.peak), feeling("Felt at the end", rollup.steps.end)]
        .into_iter()
        .flatten()
    {
        ui.label(line);
    }
    if rollup.steps.left_out > 0 {
        ui.weak(format!("{} off their scale left out", words::count(rollup.steps.left_out, "value")));
    }
    if rollup.review() {
        ui.label(
            egui::RichText::new(format!(
                "Marked for review: stated and step performance differ by {} or more",
                words::score(REVIEW_DIFFERENCE).unwrap_or_default()
            ))
            .strong(),
        );
    }
}
