//! The analysis as a report: JSON for tools (card and owner ids as numbers, gaps as numbers or
//! null) and a Markdown summary for people. Both read [`MapAnalysis`] only.

use super::map::{MapAnalysis, Place, analyse};
use super::rollup::{EmotionStep, RollUp, ViewRollUp};
use super::settings::{Settings, View};
use crate::model::{JourneyMap, Study};
use serde_json::{Value, json};
use std::fmt::Write;

/// A number rounded to two decimals for a report, or null.
fn number(value: Option<f32>) -> Value {
    value.filter(|v| v.is_finite()).map_or(Value::Null, |v| json!((f64::from(v) * 100.0).round() / 100.0))
}

/// One map's analysis as JSON.
#[must_use]
pub fn map_json(study: &Study, map: &JourneyMap, analysis: &MapAnalysis) -> Value {
    let stage_of = |id| map.stages.iter().find(|s| s.id == id);
    let cards: Vec<Value> = analysis
        .cards
        .iter()
        .map(|c| {
            let card = map.card(c.card);
            json!({
                "id": c.card.0,
                "title": card.map(|k| k.title.as_str()),
                "stage": c.stage.0,
                "stage_name": stage_of(c.stage).map(|s| s.name.as_str()),
                "importance_gap": number(c.gaps.importance),
                "performance_gap": number(c.gaps.performance),
                "emotion_gap": number(c.gaps.emotion),
                "quadrant": c.quadrant.map(super::Quadrant::key),
                "heat": c.heat.keys(),
                "flags_disagree": c.flags_disagree,
                "priority": number(c.priority),
                "rollup": c.rollup.map_or(Value::Null, |r| rollup_json(study, &r, analysis.settings.view)),
            })
        })
        .collect();
    let handoffs: Vec<Value> = analysis
        .handoffs
        .iter()
        .map(|h| json!({"from": h.from.0, "to": h.to.0, "from_owner": h.from_owner.0, "to_owner": h.to_owner.0}))
        .collect();
    let coverage: Vec<Value> = analysis
        .coverage
        .owners
        .iter()
        .map(|o| {
            json!({
                "owner": o.owner.0,
                "name": study.owner(o.owner).map(|w| w.name.as_str()),
                "cards": o.total.cards,
                "accountable": o.total.accountable,
                "pain_points": o.total.pain_points,
                "handoffs_in": o.total.handoffs_in,
                "handoffs_out": o.total.handoffs_out,
                "overloaded": o.overloaded,
            })
        })
        .collect();
    let metrics_missed: Vec<Value> = analysis
        .missed()
        .filter_map(|m| {
            let (metric, place) = match m.place {
                Place::Stage(stage) => (stage_of(stage)?.metrics.get(m.index)?, json!({"stage": stage.0})),
                Place::Card(card, stage) => {
                    (map.card(card)?.metrics.get(m.index)?, json!({"card": card.0, "stage": stage.0}))
                }
            };
            Some(json!({
                "where": place,
                "name": metric.name,
                "value": metric.value.filter(|v| v.is_finite()),
                "target": metric.target.filter(|v| v.is_finite()),
                "unit": metric.unit,
                "higher_is_better": metric.higher_is_better,
            }))
        })
        .collect();
    let matrix = &analysis.matrix;
    json!({
        "title": map.title,
        "kind": map.kind.key(),
        "ipa": {
            "view": matrix.view.key(),
            "importance_mean": number(matrix.importance_mean),
            "performance_mean": number(matrix.performance_mean),
            "importance_crosshair": number(Some(matrix.importance_cross)),
            "performance_crosshair": number(Some(matrix.performance_cross)),
        },
        "cards": cards,
        "ranked_gaps": analysis.ranked_gaps.iter().map(|c| c.0).collect::<Vec<_>>(),
        "handoffs": handoffs,
        "coverage": coverage,
        "unowned": analysis.coverage.unowned.iter().map(|c| c.0).collect::<Vec<_>>(),
        "no_accountable": analysis.coverage.no_accountable.iter().map(|c| c.0).collect::<Vec<_>>(),
        "metrics_missed": metrics_missed,
    })
}

/// A touchpoint's roll-up as JSON: the detail map, performance rolled up in both views, and in
/// `view` (the analysis's, customer by default) the weakest step, the steps scored and the
/// spread; then the same per view, the stated scores, the review mark, emotion peak and end.
fn rollup_json(study: &Study, rollup: &RollUp, view: View) -> Value {
    let in_view = |r: &ViewRollUp| {
        json!({
            "performance": number(r.mean),
            "weakest": r.weakest.map(|c| c.0),
            "steps": r.scored,
            "min": number(r.min),
            "max": number(r.max),
        })
    };
    let emotion = |step: Option<EmotionStep>| {
        step.map_or(Value::Null, |s| json!({"card": s.card.0, "value": number(Some(s.value))}))
    };
    let shown = rollup.view(view);
    json!({
        "map": rollup.map.0,
        "map_title": study.map(rollup.map).map(|m| m.title.as_str()),
        "performance": {
            "internal": number(rollup.steps.internal.mean),
            "customer": number(rollup.steps.customer.mean),
        },
        "weakest": shown.weakest.map(|c| c.0),
        "steps": shown.scored,
        "min": number(shown.min),
        "max": number(shown.max),
        "view": view.key(),
        "views": {
            "internal": in_view(&rollup.steps.internal),
            "customer": in_view(&rollup.steps.customer),
        },
        "stated": {
            "internal": number(rollup.stated.internal),
            "customer": number(rollup.stated.customer),
        },
        "review": rollup.review(),
        "emotion": {"peak": emotion(rollup.steps.peak), "end": emotion(rollup.steps.end)},
        "step_count": rollup.steps.count,
        "left_out": rollup.steps.left_out,
    })
}

/// The report of `maps` of `study` as pretty JSON.
#[must_use]
pub fn json_report(study: &Study, maps: &[&JourneyMap], settings: &Settings) -> String {
    let maps: Vec<Value> =
        maps.iter().map(|map| map_json(study, map, &analyse(study, map, settings))).collect();
    let report = json!({"study": study.meta.title, "maps": maps});
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}

/// Text for a Markdown table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

fn signed(value: Option<f32>) -> String {
    value.filter(|v| v.is_finite()).map_or_else(|| "–".to_owned(), |v| format!("{v:+.1}"))
}

/// The report of `maps` of `study` as Markdown: what an executive asks first.
#[must_use]
pub fn markdown_report(study: &Study, maps: &[&JourneyMap], settings: &Settings) -> String {
    let mut out = String::new();
    let title = if study.meta.title.trim().is_empty() { "Study" } else { study.meta.title.as_str() };
    let _ = writeln!(out, "# {}\n", cell(title));
    for map in maps {
        map_markdown(&mut out, study, map, &analyse(study, map, settings));
    }
    out
}

/// One map's section of the Markdown report.
fn map_markdown(out: &mut String, study: &Study, map: &JourneyMap, analysis: &MapAnalysis) {
    let _ = writeln!(out, "## {} ({})\n", cell(&map.title), map.kind.label());
    let owner_name = |card: crate::model::CardId| {
        map.card(card)
            .and_then(|c| c.accountable)
            .and_then(|id| study.owner(id))
            .map_or_else(|| "no accountable owner".to_owned(), |o| cell(&o.name))
    };
    let title_of = |card| map.card(card).map_or_else(String::new, |c| cell(&c.title));

    let _ = writeln!(out, "### Where we see it differently\n");
    let ranked: Vec<_> = analysis
        .ranked_gaps
        .iter()
        .filter_map(|id| analysis.card(*id))
        .filter(|c| c.gaps.performance.is_some())
        .take(10)
        .collect();
    if ranked.is_empty() {
        let _ = writeln!(out, "No touchpoint has both an internal and a customer performance score.\n");
    } else {
        let _ = writeln!(
            out,
            "| Card | Owner | Performance gap | Importance gap | Priority |\n|---|---|---:|---:|---:|"
        );
        for c in ranked {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                title_of(c.card),
                owner_name(c.card),
                signed(c.gaps.performance),
                signed(c.gaps.importance),
                c.priority.map_or_else(|| "–".to_owned(), |p| format!("{p:.1}"))
            );
        }
        let _ = writeln!(out);
    }

    let concentrate: Vec<String> = analysis
        .cards
        .iter()
        .filter(|c| c.quadrant == Some(super::Quadrant::ConcentrateHere))
        .map(|c| format!("- {} ({})", title_of(c.card), owner_name(c.card)))
        .collect();
    let _ = writeln!(out, "### Concentrate here ({} view)\n", analysis.matrix.view.key());
    if concentrate.is_empty() {
        let _ = writeln!(out, "No touchpoint is both more important and weaker than the map's average.\n");
    } else {
        let _ = writeln!(out, "{}\n", concentrate.join("\n"));
    }

    rollups_markdown(out, study, map, analysis);

    let _ = writeln!(out, "### Handoffs\n");
    if analysis.handoffs.is_empty() {
        let _ = writeln!(out, "No work changes hands along the flow.\n");
    } else {
        let mut pairs: Vec<((u32, u32), usize)> = Vec::new();
        for h in &analysis.handoffs {
            let key = (h.from_owner.0, h.to_owner.0);
            match pairs.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => pairs.push((key, 1)),
            }
        }
        let name = |id: u32| {
            study.owner(crate::model::OwnerId(id)).map_or_else(|| format!("owner {id}"), |o| cell(&o.name))
        };
        for ((a, b), n) in pairs {
            let _ = writeln!(out, "- {} → {}: {}", name(a), name(b), crate::words::count(n, "handoff"));
        }
        let _ = writeln!(out);
    }

    let missed: Vec<String> = analysis
        .missed()
        .filter_map(|m| {
            let (metric, place) = match m.place {
                Place::Stage(stage) => {
                    let stage = map.stage(stage)?;
                    (stage.metrics.get(m.index)?, cell(&stage.name))
                }
                Place::Card(card, _) => (map.card(card)?.metrics.get(m.index)?, title_of(card)),
            };
            let value =
                |v: Option<f64>| v.filter(|v| v.is_finite()).map_or_else(String::new, |v| format!("{v}"));
            Some(format!(
                "- {}: {} {} against a target of {} ({place})",
                cell(&metric.name),
                value(metric.value),
                cell(&metric.unit),
                value(metric.target)
            ))
        })
        .collect();
    if !missed.is_empty() {
        let _ = writeln!(out, "### Metrics off target\n\n{}\n", missed.join("\n"));
    }
}

/// The roll-ups of the map's touchpoints that have a detail map, as a table: stated beside
/// rolled-up performance in both views, the weakest step (in the analysis's view), the spread,
/// emotion peak and end, and whether the touchpoint is marked for review.
fn rollups_markdown(out: &mut String, study: &Study, map: &JourneyMap, analysis: &MapAnalysis) {
    let rows: Vec<(&crate::model::Card, &RollUp)> =
        analysis.cards.iter().filter_map(|c| Some((map.card(c.card)?, c.rollup.as_ref()?))).collect();
    if rows.is_empty() {
        return;
    }
    let view = analysis.settings.view;
    let score = |v: Option<f32>| v.and_then(crate::words::score).unwrap_or_else(|| "–".to_owned());
    let _ = writeln!(out, "### Roll-ups from detail maps\n");
    let _ = writeln!(
        out,
        "Performance stated for the touchpoint · rolled up from its steps (importance-weighted mean). \
         Weakest step and spread in the {} view.\n",
        view.key()
    );
    let _ = writeln!(
        out,
        "| Touchpoint | Detail map | Customer | Internal | Weakest step | Spread | Emotion peak · end | Review |\n\
         |---|---|---:|---:|---|---|---|---|"
    );
    for (card, rollup) in rows {
        let detail = study.map(rollup.map);
        let step_title = |id: crate::model::CardId| {
            detail.and_then(|m| m.card(id)).map_or_else(String::new, |c| cell(&c.title))
        };
        let pair = |v: View| format!("{} · {}", score(rollup.stated(v)), score(rollup.view(v).mean));
        let shown = rollup.view(view);
        let weakest = shown
            .weakest
            .map_or_else(|| "–".to_owned(), |id| format!("{} ({})", step_title(id), score(shown.min)));
        let spread = match (shown.min, shown.max) {
            (Some(min), Some(max)) => format!(
                "{}–{} ({} of {})",
                score(Some(min)),
                score(Some(max)),
                shown.scored,
                crate::words::count(rollup.steps.count, "step")
            ),
            _ => format!("none of {} scored", crate::words::count(rollup.steps.count, "step")),
        };
        let feeling = |step: Option<super::rollup::EmotionStep>| {
            step.and_then(|s| crate::words::signed(s.value).map(|v| format!("{v} ({})", step_title(s.card))))
                .unwrap_or_else(|| "–".to_owned())
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {weakest} | {spread} | {} · {} | {} |",
            cell(&card.title),
            detail.map_or_else(String::new, |m| cell(&m.title)),
            pair(View::Customer),
            pair(View::Internal),
            feeling(rollup.steps.peak),
            feeling(rollup.steps.end),
            if rollup.review() { "yes" } else { "" }
        );
    }
    let _ = writeln!(out);
}
