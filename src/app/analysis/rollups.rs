//! The roll-ups tab: the touchpoints of the shown map that have a detail map, grouped by that
//! map (a tactical map often details a cluster of touchpoints). Each group says what its steps
//! add up to in the analysis's view (steps scored, spread, weakest step); each touchpoint shows
//! its stated performance beside the rolled-up one in both views and whether it is marked for
//! review.

use super::tables::card_link;
use crate::analysis::{MapAnalysis, RollUp, View};
use crate::app::editor::Editor;
use crate::model::{CardId, MapId};
use crate::words;
use egui_extras::{Column, TableBuilder};

fn score(value: Option<f32>) -> String {
    value.and_then(words::score).unwrap_or_else(|| "–".to_owned())
}

/// The roll-ups of the shown map. Returns a clicked card.
pub(super) fn show(ui: &mut egui::Ui, editor: &Editor, analysis: &MapAnalysis) -> Option<CardId> {
    let map = editor.current_map()?;
    let study = editor.study();
    // Detail maps in the order their first touchpoint comes in the journey.
    let mut groups: Vec<(MapId, Vec<(CardId, RollUp)>)> = Vec::new();
    for c in &analysis.cards {
        let Some(rollup) = c.rollup else { continue };
        match groups.iter_mut().find(|(id, _)| *id == rollup.map) {
            Some((_, rows)) => rows.push((c.card, rollup)),
            None => groups.push((rollup.map, vec![(c.card, rollup)])),
        }
    }
    if groups.is_empty() {
        ui.weak("No touchpoint of this map is detailed by another map.");
        return None;
    }
    let view = analysis.settings.view;
    ui.weak(format!(
        "Performance stated for the touchpoint · rolled up from its detail map's steps (their mean \
         weighted by importance). Bold where the two differ by {} or more: the touchpoint is \
         marked for review.",
        score(Some(crate::analysis::REVIEW_DIFFERENCE)),
    ));
    let mut clicked = None;
    for (index, (detail_id, rows)) in groups.iter().enumerate() {
        let detail = study.map(*detail_id);
        ui.add_space(6.0);
        let title = detail.map_or("", |m| m.title.as_str());
        ui.strong(if title.trim().is_empty() { "Untitled map" } else { title });
        let Some((_, first)) = rows.first() else { continue };
        let steps = first.view(view);
        let summary = match (steps.min, steps.max) {
            (Some(min), Some(max)) => {
                let weakest = steps
                    .weakest
                    .and_then(|id| detail?.card(id))
                    .map_or_else(String::new, |c| format!("; weakest: {}", c.title));
                format!(
                    "{} of {} scored in the {} view, {}–{}{weakest}",
                    steps.scored,
                    words::count(first.steps.count, "step"),
                    view.key(),
                    score(Some(min)),
                    score(Some(max))
                )
            }
            _ => format!(
                "None of its {} is scored in the {} view",
                words::count(first.steps.count, "step"),
                view.key()
            ),
        };
        ui.weak(summary);
        TableBuilder::new(ui)
            .id_salt(("rollup-table", index))
            .striped(true)
            .column(Column::remainder().at_least(140.0).clip(true))
            .columns(Column::auto().at_least(70.0), 2)
            .column(Column::auto().at_least(60.0))
            .header(20.0, |mut header| {
                for title in ["Touchpoint", "Customer", "Internal", "Review"] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, rows.len(), |mut row| {
                    let (card, rollup) = &rows[row.index()];
                    row.col(|ui| {
                        if card_link(ui, map, *card) {
                            clicked = Some(*card);
                        }
                    });
                    for v in [View::Customer, View::Internal] {
                        row.col(|ui| {
                            let pair =
                                format!("{} · {}", score(rollup.stated(v)), score(rollup.view(v).mean));
                            let text = egui::RichText::new(pair);
                            ui.label(if rollup.review_in(v) { text.strong() } else { text });
                        });
                    }
                    row.col(|ui| {
                        ui.label(if rollup.review() { "Marked" } else { "" });
                    });
                });
            });
    }
    clicked
}
