//! The analysis tables: gaps (sortable), handoffs per owner pair, owner × stage coverage,
//! metrics against target and computed heat. Each card is a link that selects it.

use crate::analysis::{MapAnalysis, MetricStatus, Place};
use crate::app::editor::Editor;
use crate::model::{CardId, JourneyMap, OwnerId, Study};
use egui_extras::{Column, TableBuilder};

fn signed(value: Option<f32>) -> String {
    value.map_or_else(String::new, |v| format!("{v:+.1}"))
}

fn owner_name(study: &Study, owner: Option<OwnerId>) -> String {
    owner.and_then(|id| study.owner(id)).map_or_else(String::new, |o| o.name.clone())
}

/// A card's title as a link; true when clicked.
pub(super) fn card_link(ui: &mut egui::Ui, map: &JourneyMap, card: CardId) -> bool {
    let title = map
        .card(card)
        .map_or("(removed)", |c| if c.title.trim().is_empty() { "Untitled" } else { c.title.as_str() });
    ui.link(title).on_hover_text("Select this card on the canvas").clicked()
}

/// The columns the gaps table sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum GapSort {
    #[default]
    Rank,
    Performance,
    Importance,
    Emotion,
    Priority,
}

/// Cards ranked by gap; the headers sort. Returns a clicked card.
pub(super) fn gaps(ui: &mut egui::Ui, editor: &Editor, analysis: &MapAnalysis) -> Option<CardId> {
    let map = editor.current_map()?;
    let study = editor.study();
    let id = ui.make_persistent_id("gap-sort");
    let (mut sort, mut descending): (GapSort, bool) =
        ui.data(|d| d.get_temp(id)).unwrap_or((GapSort::Rank, true));
    let mut rows: Vec<&crate::analysis::CardAnalysis> =
        analysis.ranked_gaps.iter().filter_map(|c| analysis.card(*c)).collect();
    let key = |c: &crate::analysis::CardAnalysis| match sort {
        GapSort::Rank => None,
        GapSort::Performance => c.gaps.performance,
        GapSort::Importance => c.gaps.importance,
        GapSort::Emotion => c.gaps.emotion,
        GapSort::Priority => c.priority,
    };
    if sort != GapSort::Rank {
        // Unknown values last in both directions.
        rows.sort_by(|a, b| match (key(a), key(b)) {
            (Some(x), Some(y)) => {
                if descending {
                    y.total_cmp(&x)
                } else {
                    x.total_cmp(&y)
                }
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
    }
    ui.weak(
        "Performance gap = internal − customer: positive where we rate ourselves higher than customers do.",
    );
    let mut clicked = None;
    let headers = [
        ("Card", GapSort::Rank),
        ("Performance gap", GapSort::Performance),
        ("Importance gap", GapSort::Importance),
        ("Emotion gap", GapSort::Emotion),
        ("Priority", GapSort::Priority),
    ];
    TableBuilder::new(ui)
        .id_salt("gaps-table")
        .striped(true)
        .column(Column::remainder().at_least(140.0).clip(true))
        .columns(Column::auto().at_least(60.0), 4)
        .column(Column::auto().at_least(80.0))
        .header(22.0, |mut header| {
            for (title, by) in headers {
                header.col(|ui| {
                    let arrow = if sort == by && by != GapSort::Rank {
                        if descending { " ▼" } else { " ▲" }
                    } else {
                        ""
                    };
                    if ui.button(format!("{title}{arrow}")).on_hover_text("Sort by this column").clicked() {
                        if sort == by { descending = !descending } else { (sort, descending) = (by, true) }
                    }
                });
            }
            header.col(|ui| {
                ui.strong("Owner");
            });
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let c = rows[row.index()];
                row.col(|ui| {
                    if card_link(ui, map, c.card) {
                        clicked = Some(c.card);
                    }
                });
                for value in [c.gaps.performance, c.gaps.importance, c.gaps.emotion] {
                    row.col(|ui| {
                        let text = egui::RichText::new(signed(value));
                        let large = value.is_some_and(|v| v.abs() >= analysis.settings.large_gap);
                        ui.label(if large { text.strong() } else { text });
                    });
                }
                row.col(|ui| {
                    ui.label(c.priority.map_or_else(String::new, |p| format!("{p:.1}")));
                });
                row.col(|ui| {
                    ui.label(owner_name(study, map.card(c.card).and_then(|k| k.accountable)));
                });
            });
        });
    ui.data_mut(|d| d.insert_temp(id, (sort, descending)));
    clicked
}

/// The owners work leaves and reaches.
type OwnerPair = (OwnerId, OwnerId);
/// The card work leaves and the card it reaches.
type Step = (CardId, CardId);

/// Handoffs grouped by owner pair, with their steps. Returns a clicked card.
pub(super) fn handoffs(ui: &mut egui::Ui, editor: &Editor, analysis: &MapAnalysis) -> Option<CardId> {
    let map = editor.current_map()?;
    let study = editor.study();
    if analysis.handoffs.is_empty() {
        ui.weak("No work changes hands along the flow of this map.");
        return None;
    }
    let mut pairs: Vec<(OwnerPair, Vec<Step>)> = Vec::new();
    for h in &analysis.handoffs {
        let key = (h.from_owner, h.to_owner);
        match pairs.iter_mut().find(|(k, _)| *k == key) {
            Some((_, steps)) => steps.push((h.from, h.to)),
            None => pairs.push((key, vec![(h.from, h.to)])),
        }
    }
    pairs.sort_by_key(|(_, steps)| std::cmp::Reverse(steps.len()));
    ui.weak(format!("{} in all", crate::words::count(analysis.handoffs.len(), "handoff")));
    let mut clicked = None;
    for ((from, to), steps) in pairs {
        let title =
            format!("{} → {} ({})", owner_name(study, Some(from)), owner_name(study, Some(to)), steps.len());
        egui::CollapsingHeader::new(title).id_salt((from, to)).default_open(true).show(ui, |ui| {
            for (a, b) in steps {
                ui.horizontal(|ui| {
                    if card_link(ui, map, a) {
                        clicked = Some(a);
                    }
                    ui.label("→");
                    if card_link(ui, map, b) {
                        clicked = Some(b);
                    }
                });
            }
        });
    }
    clicked
}

/// Owner × stage: cards owned (accountable), with empty cells and overloaded owners marked.
pub(super) fn coverage(ui: &mut egui::Ui, editor: &Editor, analysis: &MapAnalysis) {
    let Some(map) = editor.current_map() else { return };
    let study = editor.study();
    let owners: Vec<&crate::analysis::OwnerCoverage> =
        analysis.coverage.owners.iter().filter(|o| !o.total.is_empty()).collect();
    if owners.is_empty() {
        ui.weak("No card of this map has an owner yet.");
        return;
    }
    ui.weak("Each cell: cards owned (accountable for) · pain points · handoffs in / out. Empty cells are stages the owner has no part in.");
    let warn = ui.visuals().warn_fg_color;
    egui::ScrollArea::horizontal().id_salt("coverage-scroll").show(ui, |ui| {
        egui::Grid::new("coverage-grid").striped(true).spacing([10.0, 4.0]).show(ui, |ui| {
            ui.strong("Owner");
            for stage in &map.stages {
                ui.strong(&stage.name);
            }
            ui.strong("Total");
            ui.end_row();
            for owner in owners {
                let name = owner_name(study, Some(owner.owner));
                if owner.overloaded {
                    ui.label(egui::RichText::new(format!("{name} (overloaded)")).color(warn))
                        .on_hover_text("Accountable for more than a quarter of this map's cards");
                } else {
                    ui.label(name);
                }
                for counts in owner.per_stage.iter().chain(std::iter::once(&owner.total)) {
                    if counts.is_empty() {
                        ui.weak("–");
                    } else {
                        ui.label(format!(
                            "{} ({}) · {} · {}/{}",
                            counts.cards,
                            counts.accountable,
                            counts.pain_points,
                            counts.handoffs_in,
                            counts.handoffs_out
                        ));
                    }
                }
                ui.end_row();
            }
        });
    });
    let unowned = analysis.coverage.unowned.len();
    let no_accountable = analysis.coverage.no_accountable.len();
    if unowned + no_accountable > 0 {
        ui.add_space(6.0);
        ui.colored_label(
            warn,
            format!(
                "{} with no owner, {} with owners but nobody accountable",
                crate::words::count(unowned, "card"),
                crate::words::count(no_accountable, "card")
            ),
        );
    }
}

/// Every metric against its target. Returns a clicked card.
pub(super) fn metrics(ui: &mut egui::Ui, editor: &Editor, analysis: &MapAnalysis) -> Option<CardId> {
    let map = editor.current_map()?;
    if analysis.metrics.is_empty() {
        ui.weak("No stage or card of this map has a metric yet.");
        return None;
    }
    let mut clicked = None;
    egui::Grid::new("metrics-grid").striped(true).spacing([10.0, 4.0]).show(ui, |ui| {
        for title in ["Where", "Metric", "Value", "Target", "Status"] {
            ui.strong(title);
        }
        ui.end_row();
        for result in &analysis.metrics {
            let metric = match result.place {
                Place::Stage(stage) => {
                    let Some(stage) = map.stage(stage) else { continue };
                    ui.label(&stage.name);
                    stage.metrics.get(result.index)
                }
                Place::Card(card, _) => {
                    if card_link(ui, map, card) {
                        clicked = Some(card);
                    }
                    map.card(card).and_then(|c| c.metrics.get(result.index))
                }
            };
            let Some(metric) = metric else {
                ui.end_row();
                continue;
            };
            let number = |v: Option<f64>| {
                v.filter(|v| v.is_finite()).map_or_else(String::new, |v| format!("{v} {}", metric.unit))
            };
            ui.label(&metric.name);
            ui.label(number(metric.value));
            ui.label(format!(
                "{}{}",
                number(metric.target),
                if metric.higher_is_better { " or more" } else { " or less" }
            ));
            let text = match result.status {
                MetricStatus::Met => egui::RichText::new("Met").strong(),
                MetricStatus::Missed => {
                    egui::RichText::new("Missed").strong().color(ui.visuals().error_fg_color)
                }
                MetricStatus::Unknown => egui::RichText::new("Unknown").weak(),
            };
            ui.label(text);
            ui.end_row();
        }
    });
    clicked
}

/// Cards whose computed heat differs from the team's flags. Returns a clicked card.
pub(super) fn heat(ui: &mut egui::Ui, editor: &Editor, analysis: &MapAnalysis) -> Option<CardId> {
    let map = editor.current_map()?;
    ui.weak("Computed from the customer scores and felt emotion: pain at performance ≤ 4 or emotion ≤ −1, delight at performance ≥ 8 or emotion ≥ +1.5, moment of truth at importance ≥ 8.");
    let disagreeing: Vec<&crate::analysis::CardAnalysis> =
        analysis.cards.iter().filter(|c| c.flags_disagree).collect();
    if disagreeing.is_empty() {
        ui.label("The team's flags agree with the scores on every card.");
        return None;
    }
    ui.label(format!(
        "{} where the flags and the scores disagree:",
        crate::words::count(disagreeing.len(), "card")
    ));
    let names = |pain: bool, delight: bool, truth: bool| {
        let mut list = Vec::new();
        if pain {
            list.push("pain point");
        }
        if delight {
            list.push("delight");
        }
        if truth {
            list.push("moment of truth");
        }
        if list.is_empty() { "none".to_owned() } else { list.join(", ") }
    };
    let mut clicked = None;
    egui::Grid::new("heat-grid").striped(true).spacing([10.0, 4.0]).show(ui, |ui| {
        for title in ["Card", "Flagged by the team", "Computed"] {
            ui.strong(title);
        }
        ui.end_row();
        for c in disagreeing {
            let Some(card) = map.card(c.card) else { continue };
            if card_link(ui, map, c.card) {
                clicked = Some(c.card);
            }
            ui.label(names(card.flags.pain_point, card.flags.moment_of_delight, card.flags.moment_of_truth));
            ui.label(names(c.heat.pain, c.heat.delight, c.heat.moment_of_truth));
            ui.end_row();
        }
    });
    clicked
}
