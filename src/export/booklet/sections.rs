//! The booklet's sections, each set with [`Flow`] from the model and the analysis.

use super::flow::{Cell, Column, Flow, MARGIN_SIDE, Place, size};
use super::maps::map_pages;
use crate::analysis::{self, MapAnalysis, MetricStatus, Quadrant, Settings};
use crate::export::Paper;
use crate::export::pdf::Bookmark;
use crate::layout::matrix::{MatrixViews, matrix_scene};
use crate::layout::style::{INK, PAIN, SECONDARY, SPINE, STATUS_GREEN};
use crate::layout::{Anchor, FontMeasure, Rect, Shape, Weight};
use crate::model::{Card, JourneyMap, Metric, OwnerId, Recommendation, Study};
use crate::words;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A section's first place and its bookmarks, or `None` when it has nothing to show.
pub type Sectioned = Option<(Place, Vec<Bookmark>)>;

fn bookmark(title: impl Into<String>, place: Place) -> Bookmark {
    Bookmark { title: title.into(), page: place.page, y: place.y, children: Vec::new() }
}

/// Starts a section on a new page under its running header.
fn start(flow: &mut Flow, title: &str) -> Place {
    flow.set_header(title);
    flow.new_page();
    flow.heading(title, size::H1, 40.0)
}

fn owner_name(study: &Study, id: Option<OwnerId>) -> String {
    id.and_then(|id| study.owner(id)).map_or_else(String::new, |o| o.name.clone())
}

/// A card's owners, the accountable one first and marked.
fn owners_of(study: &Study, card: &Card) -> String {
    let mut names = Vec::new();
    if let Some(accountable) = card.accountable.and_then(|id| study.owner(id)) {
        names.push(format!("{} (accountable)", accountable.name));
    }
    for id in &card.owners {
        if Some(*id) != card.accountable
            && let Some(owner) = study.owner(*id)
        {
            names.push(owner.name.clone());
        }
    }
    names.join(", ")
}

fn score(value: Option<f32>) -> String {
    value.and_then(words::score).unwrap_or_else(|| "–".to_owned())
}

fn signed(value: Option<f32>) -> String {
    value.and_then(words::signed).unwrap_or_else(|| "–".to_owned())
}

fn metric_value(metric: &Metric, value: Option<f64>) -> String {
    value.and_then(|v| words::figure_with_unit(v, &metric.unit)).unwrap_or_else(|| "–".to_owned())
}

fn card_title(card: &Card) -> String {
    if card.title.trim().is_empty() { "Untitled touchpoint".to_owned() } else { card.title.clone() }
}

/// The cover: the study's title, organisation, author, dates, maps and personas.
pub fn cover(flow: &mut Flow, study: &Study, maps: &[&JourneyMap]) {
    let place = flow.new_page();
    let page = flow.pages[place.page].width;
    flow.shape(Shape::Rect {
        rect: Rect::from_xywh(0.0, 0.0, page, 12.0),
        radius: 0.0,
        fill: Some(SPINE),
        stroke: None,
    });
    flow.advance(120.0);
    flow.paragraph("Customer journey study", size::H3, Weight::Bold, SECONDARY, 0.0);
    flow.advance(6.0);
    flow.paragraph(&super::study_title(study), size::COVER, Weight::Bold, SPINE, 0.0);
    if !study.meta.organisation.trim().is_empty() {
        flow.advance(4.0);
        flow.paragraph(&study.meta.organisation, size::H2, Weight::Regular, INK, 0.0);
    }
    flow.advance(28.0);
    let mut facts = Vec::new();
    if !study.meta.author.trim().is_empty() {
        facts.push(("Author", study.meta.author.clone()));
    }
    if let Some(date) = study.meta.created {
        facts.push(("Created", date.to_string()));
    }
    if let Some(date) = study.meta.last_reviewed {
        facts.push(("Last reviewed", date.to_string()));
    }
    if let Some(date) = study.meta.review_due() {
        facts.push(("Review due", date.to_string()));
    }
    facts.push(("Printed", crate::model::Date::today().to_string()));
    for (label, value) in facts {
        let y = flow.here().y + crate::layout::text::ASCENT * size::BODY;
        flow.text_at(MARGIN_SIDE, y, label, size::BODY, Weight::Bold, SECONDARY, Anchor::Start);
        flow.text_at(MARGIN_SIDE + 90.0, y, &value, size::BODY, Weight::Regular, INK, Anchor::Start);
        flow.advance(size::BODY * 1.6);
    }
    flow.advance(20.0);
    flow.heading("Maps in this booklet", size::H3, 20.0);
    for map in maps {
        let persona = map
            .persona
            .and_then(|p| study.persona(p))
            .map(|p| format!(", for {}", p.name))
            .unwrap_or_default();
        flow.bullet(&format!(
            "{} ({}, {}{}): {} in {}",
            map.title,
            map.kind.label().to_lowercase(),
            map.state.label().to_lowercase(),
            persona,
            words::count(map.card_count(), map.kind.card_noun()),
            words::count(map.stages.len(), "stage")
        ));
    }
    if !study.personas.is_empty() {
        flow.advance(8.0);
        flow.heading("Personas", size::H3, 20.0);
        for persona in &study.personas {
            let role = if persona.role.is_empty() { String::new() } else { format!(", {}", persona.role) };
            flow.bullet(&format!("{}{role}", persona.name));
        }
    }
}

/// The executive summary of each map.
pub fn summary(flow: &mut Flow, study: &Study, maps: &[&JourneyMap]) -> (Place, Vec<Bookmark>) {
    let first = start(flow, "Executive summary");
    let settings = Settings::default();
    let mut marks = Vec::new();
    for (index, map) in maps.iter().enumerate() {
        flow.set_header(&format!("Executive summary · {}", map.title));
        if index > 0 {
            flow.new_page();
        }
        let place = flow.heading(&map.title, size::H2, 60.0);
        marks.push(bookmark(map.title.clone(), place));
        let analysis = analysis::analyse(study, map, &settings);
        summary_of_map(flow, study, map, &analysis);
    }
    (first, marks)
}

#[allow(clippy::too_many_lines, reason = "the summary's four tables and the matrix, top to bottom")]
fn summary_of_map(flow: &mut Flow, study: &Study, map: &JourneyMap, analysis: &MapAnalysis) {
    let pains = map.cards().filter(|c| c.flags.pain_point).count();
    let missed = analysis.missed().count();
    flow.body(&format!(
        "{} across {}; {} flagged as pain points; {} between owners; {} of {} off target.",
        words::count(map.card_count(), map.kind.card_noun()),
        words::count(map.stages.len(), "stage"),
        words::count(pains, "touchpoint"),
        words::count(analysis.handoffs.len(), "handoff"),
        words::count(missed, "metric"),
        analysis.metrics.len()
    ));
    let stage_of = |card: crate::model::CardId| {
        analysis.card(card).and_then(|a| map.stage(a.stage)).map_or(String::new(), |s| s.name.clone())
    };
    // Where we overrate ourselves: the ranked gaps with a positive performance gap.
    let overrated: Vec<&crate::analysis::CardAnalysis> = analysis
        .ranked_gaps
        .iter()
        .filter_map(|id| analysis.card(*id))
        .filter(|a| a.gaps.performance.is_some_and(|g| g > 0.0))
        .take(8)
        .collect();
    flow.heading("Where we overrate ourselves", size::H3, 40.0);
    if overrated.is_empty() {
        flow.note("No touchpoint where the team rates its performance above what customers say.");
    } else {
        let rows: Vec<Vec<Cell>> = overrated
            .iter()
            .filter_map(|a| map.card(a.card).map(|card| (a, card)))
            .map(|(a, card)| {
                vec![
                    Cell::bold(card_title(card)),
                    Cell::plain(stage_of(a.card)),
                    Cell::plain(owner_name(study, card.accountable)),
                    Cell::plain(score(card.performance.internal)),
                    Cell::plain(score(card.performance.customer)),
                    Cell {
                        text: signed(a.gaps.performance),
                        bold: true,
                        colour: Some(if a.gaps.performance_is_large() { PAIN } else { INK }),
                    },
                ]
            })
            .collect();
        flow.table(
            &[
                Column { title: "Touchpoint", weight: 3.0 },
                Column { title: "Stage", weight: 1.6 },
                Column { title: "Accountable", weight: 1.8 },
                Column { title: "We say", weight: 0.9 },
                Column { title: "Customers say", weight: 1.1 },
                Column { title: "Gap", weight: 0.8 },
            ],
            &rows,
        );
    }
    let mut concentrate: Vec<&crate::analysis::CardAnalysis> =
        analysis.cards.iter().filter(|a| a.quadrant == Some(Quadrant::ConcentrateHere)).collect();
    concentrate.sort_by(|a, b| b.priority.unwrap_or(0.0).total_cmp(&a.priority.unwrap_or(0.0)));
    flow.heading("Concentrate here", size::H3, 40.0);
    if concentrate.is_empty() {
        flow.note("No touchpoint is both important and performing poorly in the customers' view.");
    } else {
        let rows: Vec<Vec<Cell>> = concentrate
            .iter()
            .filter_map(|a| map.card(a.card).map(|card| (a, card)))
            .map(|(a, card)| {
                vec![
                    Cell::bold(card_title(card)),
                    Cell::plain(stage_of(a.card)),
                    Cell::plain(owner_name(study, card.accountable)),
                    Cell::plain(score(card.importance.customer)),
                    Cell::plain(score(card.performance.customer)),
                    Cell::plain(a.priority.and_then(words::score).unwrap_or_else(|| "–".to_owned())),
                ]
            })
            .collect();
        flow.table(
            &[
                Column { title: "Touchpoint", weight: 3.0 },
                Column { title: "Stage", weight: 1.6 },
                Column { title: "Accountable", weight: 1.8 },
                Column { title: "Importance", weight: 1.0 },
                Column { title: "Performance", weight: 1.1 },
                Column { title: "Priority", weight: 0.8 },
            ],
            &rows,
        );
    }
    flow.heading("Metrics off target", size::H3, 40.0);
    let missed_rows = metric_rows(study, map, analysis, true);
    if missed_rows.is_empty() {
        flow.note("Every metric with a value and a target meets it.");
    } else {
        flow.table(&metric_columns(), &missed_rows);
    }
    flow.heading("Handoff hot spots", size::H3, 40.0);
    let mut by_pair: BTreeMap<(String, String), (usize, Vec<String>)> = BTreeMap::new();
    for handoff in &analysis.handoffs {
        let key = (owner_name(study, Some(handoff.from_owner)), owner_name(study, Some(handoff.to_owner)));
        let entry = by_pair.entry(key).or_default();
        entry.0 += 1;
        if let Some(stage) = map.stage(handoff.stage)
            && !entry.1.contains(&stage.name)
        {
            entry.1.push(stage.name.clone());
        }
    }
    let mut ranked: Vec<_> = by_pair.into_iter().collect();
    ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(&b.0)));
    if ranked.is_empty() {
        flow.note("No handoffs between accountable owners on this map.");
    } else {
        let rows: Vec<Vec<Cell>> = ranked
            .iter()
            .take(10)
            .map(|((from, to), (count, stages))| {
                vec![
                    Cell::bold(from.clone()),
                    Cell::bold(to.clone()),
                    Cell::plain(count.to_string()),
                    Cell::plain(stages.join(", ")),
                ]
            })
            .collect();
        flow.table(
            &[
                Column { title: "From (accountable)", weight: 2.0 },
                Column { title: "To (accountable)", weight: 2.0 },
                Column { title: "Handoffs", weight: 0.9 },
                Column { title: "Where (stage)", weight: 3.0 },
            ],
            &rows,
        );
    }
    if !analysis.matrix.points.is_empty() {
        let scene =
            matrix_scene(map, MatrixViews::Customer, Settings::default().crosshairs, FontMeasure::shared());
        let room = flow.pages.last().map_or(400.0, |p| p.content().width());
        let scale = (room / scene.width.max(1.0)).min(1.0);
        flow.heading("Importance × performance (customer view)", size::H3, scene.height * scale + 4.0);
        flow.scene(Arc::new(scene), scale);
    }
}

fn metric_columns() -> Vec<Column> {
    vec![
        Column { title: "Metric", weight: 2.0 },
        Column { title: "Where", weight: 2.6 },
        Column { title: "Value", weight: 1.1 },
        Column { title: "Target", weight: 1.1 },
        Column { title: "Status", weight: 0.9 },
        Column { title: "Owner", weight: 1.6 },
    ]
}

/// The rows of the map's metrics (only those off target when `missed_only`).
fn metric_rows(study: &Study, map: &JourneyMap, analysis: &MapAnalysis, missed_only: bool) -> Vec<Vec<Cell>> {
    analysis
        .metrics
        .iter()
        .filter(|m| !missed_only || m.status == MetricStatus::Missed)
        .filter_map(|result| {
            let (metric, place, owner) = match result.place {
                analysis::Place::Stage(stage) => {
                    let stage = map.stage(stage)?;
                    (stage.metrics.get(result.index)?, stage.name.clone(), String::new())
                }
                analysis::Place::Card(card, stage) => {
                    let card = map.card(card)?;
                    let stage = map.stage(stage).map_or("", |s| s.name.as_str());
                    (
                        card.metrics.get(result.index)?,
                        format!("{} · {stage}", card_title(card)),
                        owner_name(study, card.accountable),
                    )
                }
            };
            Some(metric_row(metric, place, result.status, owner))
        })
        .collect()
}

fn metric_row(metric: &Metric, place: String, status: MetricStatus, owner: String) -> Vec<Cell> {
    let colour = match status {
        MetricStatus::Missed => Some(PAIN),
        MetricStatus::Met => Some(STATUS_GREEN),
        MetricStatus::Unknown => Some(SECONDARY),
    };
    vec![
        Cell::bold(metric.name.clone()),
        Cell::plain(place),
        Cell::plain(metric_value(metric, metric.value)),
        Cell::plain(format!(
            "{} {}",
            if metric.higher_is_better { "≥" } else { "≤" },
            metric_value(metric, metric.target)
        )),
        Cell { text: status.label().to_owned(), bold: true, colour },
        Cell::plain(owner),
    ]
}

/// Each map as vector pages.
pub fn maps(flow: &mut Flow, study: &Study, maps: &[&JourneyMap], paper: Paper) -> Sectioned {
    let mut first = None;
    let mut marks = Vec::new();
    for map in maps {
        let pages = map_pages(study, map, paper);
        let count = pages.len();
        for (index, page) in pages.into_iter().enumerate() {
            let stages = page.stages.map(|(first, last)| stage_span(map, first, last)).unwrap_or_default();
            let part =
                if count > 1 { format!("{stages} · part {} of {count}", index + 1) } else { String::new() };
            flow.set_header(&format!("Maps · {}{part}", map.title));
            let place = flow.new_page_sized(page.width, page.height);
            if index == 0 {
                first.get_or_insert(place);
                marks.push(bookmark(map.title.clone(), place));
            }
            if let Some(last) = flow.pages.last_mut() {
                last.placed.extend(page.layers);
            }
        }
    }
    first.map(|f| (f, marks))
}

/// " · stage 3" or " · stages 1–3: Awareness to Quote", for a page showing stages `first` to
/// `last` (from 0).
fn stage_span(map: &JourneyMap, first: usize, last: usize) -> String {
    let name = |index: usize| map.stages.get(index).map_or("", |s| s.name.as_str());
    if first == last {
        format!(" · stage {}: {}", first + 1, name(first))
    } else {
        format!(" · stages {}–{}: {} to {}", first + 1, last + 1, name(first), name(last))
    }
}

/// A page (or part of one) per stage of each map.
#[allow(
    clippy::too_many_lines,
    reason = "a stage's facts, touchpoints, metrics and recommendations, top to bottom"
)]
pub fn stages(flow: &mut Flow, study: &Study, maps: &[&JourneyMap]) -> (Place, Vec<Bookmark>) {
    let first = start(flow, "Stages");
    let settings = Settings::default();
    let mut marks = Vec::new();
    for (map_index, map) in maps.iter().enumerate() {
        flow.set_header(&format!("Stages · {}", map.title));
        if map_index > 0 {
            flow.new_page();
        }
        let map_place = flow.heading(&map.title, size::H2, 60.0);
        let mut map_mark = bookmark(map.title.clone(), map_place);
        let analysis = analysis::analyse(study, map, &settings);
        let plan = analysis::action_plan(map);
        for (stage_index, stage) in map.stages.iter().enumerate() {
            let title = format!(
                "{}. {}",
                stage_index + 1,
                if stage.name.is_empty() { "Untitled stage" } else { &stage.name }
            );
            let context = StageContext { study, map, analysis: &analysis, plan: &plan };
            // Each stage on a page or half a page of its own, as a workshop handout: a stage
            // that fits half a page starts at the next half, a longer one on a new page.
            if stage_index > 0 {
                let mut probe = flow.probe();
                stage_section(&mut probe, &context, stage_index, stage, &title);
                match probe.height_used() {
                    Some(height) if height <= flow.half_page_height() => flow.next_half_page(),
                    _ => flow.next_page(),
                }
            }
            let place = stage_section(flow, &context, stage_index, stage, &title);
            map_mark.children.push(bookmark(title, place));
            flow.advance(6.0);
        }
        marks.push(map_mark);
    }
    (first, marks)
}

/// What a stage's section is written from.
struct StageContext<'a> {
    study: &'a Study,
    map: &'a JourneyMap,
    analysis: &'a analysis::MapAnalysis,
    plan: &'a [Vec<analysis::Action<'a>>],
}

/// A stage's section under its heading `title`: goal, emotion, touchpoints, metrics and
/// recommendations. Returns where its heading is.
#[allow(
    clippy::too_many_lines,
    reason = "a stage's facts, touchpoints, metrics and recommendations, top to bottom"
)]
fn stage_section(
    flow: &mut Flow,
    context: &StageContext<'_>,
    stage_index: usize,
    stage: &crate::model::Stage,
    title: &str,
) -> Place {
    let place = flow.heading(title, size::H3 + 1.5, 50.0);
    if !stage.goal.trim().is_empty() {
        flow.paragraph(&format!("Customer goal: {}", stage.goal), size::BODY, Weight::Regular, INK, 0.0);
    }
    let emotion = analysis::stage_emotion(stage);
    if emotion.is_known() {
        flow.paragraph(
            &format!(
                "Emotion: felt {}, wanted {} (−2 to +2)",
                signed(emotion.elicited),
                signed(emotion.desired)
            ),
            size::BODY,
            Weight::Regular,
            SECONDARY,
            0.0,
        );
    }
    flow.advance(4.0);
    if stage.cards.is_empty() {
        flow.note("No touchpoints in this stage.");
    } else {
        let rows: Vec<Vec<Cell>> = stage
            .cards
            .iter()
            .map(|card| {
                let a = context.analysis.card(card.id);
                let mut flags = Vec::new();
                if card.flags.pain_point {
                    flags.push("pain point");
                }
                if card.flags.moment_of_delight {
                    flags.push("delight");
                }
                if card.flags.moment_of_truth {
                    flags.push("moment of truth");
                }
                if card.flags.bottleneck {
                    flags.push("bottleneck");
                }
                let title = if card.channel.is_empty() {
                    card_title(card)
                } else {
                    format!("{} ({})", card_title(card), card.channel)
                };
                vec![
                    Cell::bold(title),
                    Cell::plain(owners_of(context.study, card)),
                    Cell {
                        text: flags.join(", "),
                        bold: false,
                        colour: Some(if card.flags.pain_point { PAIN } else { INK }),
                    },
                    Cell::plain(format!(
                        "{} / {}",
                        score(card.importance.customer),
                        score(card.importance.internal)
                    )),
                    Cell::plain(format!(
                        "{} / {}",
                        score(card.performance.customer),
                        score(card.performance.internal)
                    )),
                    Cell::plain(signed(a.and_then(|a| a.gaps.performance))),
                ]
            })
            .collect();
        flow.table(
            &[
                Column { title: "Touchpoint (channel)", weight: 2.8 },
                Column { title: "Owners", weight: 2.2 },
                Column { title: "Flags", weight: 1.4 },
                Column { title: "Importance customer / internal", weight: 1.3 },
                Column { title: "Performance customer / internal", weight: 1.3 },
                Column { title: "Gap", weight: 0.7 },
            ],
            &rows,
        );
    }
    let metrics: Vec<Vec<Cell>> = stage
        .metrics
        .iter()
        .map(|m| metric_row(m, "Stage".to_owned(), analysis::metric_status(m), String::new()))
        .chain(stage.cards.iter().flat_map(|card| {
            card.metrics.iter().map(move |m| {
                metric_row(
                    m,
                    card_title(card),
                    analysis::metric_status(m),
                    owner_name(context.study, card.accountable),
                )
            })
        }))
        .collect();
    if !metrics.is_empty() {
        flow.heading("Metrics against target", size::BODY + 0.5, 30.0);
        flow.table(&metric_columns(), &metrics);
    }
    let actions = context.plan.get(stage_index).map_or(&[][..], Vec::as_slice);
    if !actions.is_empty() {
        flow.heading("Recommendations", size::BODY + 0.5, 30.0);
        let rows: Vec<Vec<Cell>> = actions
            .iter()
            .map(|action| {
                let card = action
                    .card
                    .and_then(|c| context.map.card(c))
                    .map_or_else(|| "Stage".to_owned(), card_title);
                recommendation_row(context.study, action.number, action.recommendation, card)
            })
            .collect();
        flow.table(&recommendation_columns("Touchpoint"), &rows);
    }
    flow.advance(6.0);
    place
}

fn recommendation_columns(place: &'static str) -> Vec<Column> {
    vec![
        Column { title: "#", weight: 0.45 },
        Column { title: "Recommendation", weight: 3.6 },
        Column { title: place, weight: 2.2 },
        Column { title: "Owner", weight: 1.5 },
        Column { title: "Priority", weight: 0.9 },
        Column { title: "Status", weight: 0.9 },
        Column { title: "Due", weight: 1.1 },
    ]
}

fn recommendation_row(study: &Study, number: usize, r: &Recommendation, place: String) -> Vec<Cell> {
    let priority_colour = match r.priority {
        crate::model::Priority::High => Some(PAIN),
        _ => None,
    };
    vec![
        Cell::plain(number.to_string()),
        Cell::plain(r.text.clone()),
        Cell::plain(place),
        Cell::plain(owner_name(study, r.owner)),
        Cell { text: r.priority.label().to_owned(), bold: true, colour: priority_colour },
        Cell::plain(r.status.label()),
        Cell::plain(r.due.map_or_else(|| "–".to_owned(), |d| d.to_string())),
    ]
}

/// Each owner's responsibilities across the chosen maps.
pub fn owners(flow: &mut Flow, study: &Study, maps: &[&JourneyMap]) -> Sectioned {
    if study.owners.is_empty() {
        return None;
    }
    let first = start(flow, "Owners' responsibilities");
    flow.note("Cards: touchpoints the owner is listed on. Accountable: those it answers for. Handoffs in and out: changes of accountable owner along the flow, arriving at or leaving its touchpoints.");
    let settings = Settings::default();
    let analyses: Vec<MapAnalysis> = maps.iter().map(|m| analysis::analyse(study, m, &settings)).collect();
    let mut marks = Vec::new();
    for owner in &study.owners {
        let name = if owner.name.is_empty() { "Unnamed owner".to_owned() } else { owner.name.clone() };
        let place = flow.heading(&format!("{name} ({})", owner.kind.label().to_lowercase()), size::H2, 60.0);
        marks.push(bookmark(name.clone(), place));
        let mut rows = Vec::new();
        let mut accountable_for = Vec::new();
        let mut pains = Vec::new();
        for (map, analysis) in maps.iter().zip(&analyses) {
            let Some(coverage) = analysis.coverage.owners.iter().find(|c| c.owner == owner.id) else {
                continue;
            };
            let t = coverage.total;
            if t.is_empty() {
                continue;
            }
            rows.push(vec![
                Cell::bold(map.title.clone()),
                Cell::plain(t.cards.to_string()),
                Cell::plain(t.accountable.to_string()),
                Cell::plain(t.pain_points.to_string()),
                Cell::plain(t.handoffs_in.to_string()),
                Cell::plain(t.handoffs_out.to_string()),
            ]);
            for card in map.cards() {
                if card.accountable == Some(owner.id) {
                    accountable_for.push(format!("{} ({})", card_title(card), map.title));
                }
                if card.flags.pain_point && card.owners.contains(&owner.id) {
                    pains.push(format!("{} ({})", card_title(card), map.title));
                }
            }
        }
        if rows.is_empty() {
            flow.note("Owns no touchpoint on the maps in this booklet.");
            continue;
        }
        flow.table(
            &[
                Column { title: "Map", weight: 3.0 },
                Column { title: "Cards", weight: 0.8 },
                Column { title: "Accountable", weight: 1.0 },
                Column { title: "Pain points", weight: 1.0 },
                Column { title: "Handoffs in", weight: 1.0 },
                Column { title: "Handoffs out", weight: 1.0 },
            ],
            &rows,
        );
        if !accountable_for.is_empty() {
            flow.paragraph("Accountable for", size::BODY, Weight::Bold, INK, 0.0);
            flow.body(&accountable_for.join(" · "));
            flow.advance(4.0);
        }
        if !pains.is_empty() {
            flow.paragraph("Pain points it owns", size::BODY, Weight::Bold, PAIN, 0.0);
            flow.body(&pains.join(" · "));
        }
    }
    Some((first, marks))
}

/// Every recommendation of the chosen maps, most urgent first.
pub fn plan(flow: &mut Flow, study: &Study, maps: &[&JourneyMap]) -> (Place, Vec<Bookmark>) {
    let first = start(flow, "Improvement plan");
    let mut all: Vec<(usize, &JourneyMap, analysis::Action<'_>)> = Vec::new();
    for (map_index, map) in maps.iter().enumerate() {
        for action in analysis::action_plan(map).into_iter().flatten() {
            all.push((map_index, map, action));
        }
    }
    if all.is_empty() {
        flow.note("No recommendations yet.");
        return (first, Vec::new());
    }
    flow.note("Every recommendation of the maps, by priority (high first), then status (proposed, agreed, done) and due date. The numbers are those of each map's action plan.");
    all.sort_by_key(|(map_index, _, action)| {
        (analysis::plan::urgency(action.recommendation), *map_index, action.number)
    });
    let rows: Vec<Vec<Cell>> = all
        .iter()
        .map(|(_, map, action)| {
            let stage = map.stage(action.stage).map_or("", |s| s.name.as_str());
            let card = action.card.and_then(|c| map.card(c)).map(card_title);
            let place = match card {
                Some(card) => format!("{card} · {stage} · {}", map.title),
                None => format!("{stage} · {}", map.title),
            };
            recommendation_row(study, action.number, action.recommendation, place)
        })
        .collect();
    flow.table(&recommendation_columns("Where"), &rows);
    (first, Vec::new())
}

/// The personas, then sources and notes.
pub fn personas(flow: &mut Flow, study: &Study, maps: &[&JourneyMap]) -> (Place, Vec<Bookmark>) {
    let first = start(flow, "Personas");
    let mut marks = Vec::new();
    if study.personas.is_empty() {
        flow.note("The study has no personas.");
    }
    for persona in &study.personas {
        let place = flow.heading(&persona.name, size::H2, 40.0);
        marks.push(bookmark(persona.name.clone(), place));
        if !persona.role.is_empty() {
            flow.paragraph(&persona.role, size::BODY, Weight::Bold, SECONDARY, 0.0);
        }
        if !persona.segment.description.is_empty() {
            flow.body(&format!("{} segment: {}", persona.segment.kind.label(), persona.segment.description));
        }
        for (title, items) in [
            ("Goals", &persona.goals),
            ("Motivations", &persona.motivations),
            ("Frustrations", &persona.frustrations),
        ] {
            if items.is_empty() {
                continue;
            }
            flow.paragraph(title, size::BODY, Weight::Bold, INK, 0.0);
            for item in items {
                flow.bullet(item);
            }
        }
    }
    let notes = start(flow, "Sources and notes");
    marks.push(bookmark("Sources and notes", notes));
    if !study.meta.notes.trim().is_empty() {
        flow.heading("About the study", size::H3, 30.0);
        flow.body(&study.meta.notes);
    }
    for map in maps {
        let notes: Vec<Vec<Cell>> = map
            .cards()
            .filter(|c| !c.notes.trim().is_empty())
            .map(|c| vec![Cell::bold(card_title(c)), Cell::plain(c.notes.clone())])
            .collect();
        if map.description.trim().is_empty() && notes.is_empty() {
            continue;
        }
        flow.heading(&map.title, size::H3, 30.0);
        if !map.description.trim().is_empty() {
            flow.body(&map.description);
        }
        if !notes.is_empty() {
            flow.table(
                &[Column { title: "Touchpoint", weight: 1.0 }, Column { title: "Note", weight: 2.6 }],
                &notes,
            );
        }
    }
    flow.advance(8.0);
    flow.note("Scores are on 1 to 10, emotion on −2 to +2. A gap is internal minus customer performance: positive where the team rates itself above its customers; a gap of 2 or more is large. The matrix places each touchpoint by the customers' importance and performance, its crosshairs at the means.");
    (first, marks)
}
