//! Roll-ups: a touchpoint's performance rolled up from its detail map's steps, as `wayline
//! report` gives it, against a hand-worked example and against an independent computation on
//! generated studies; and the poster of a study with detail maps, checked mechanically.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::checks::check_scene;
use common::cli::{example, wayline};
use proptest::prelude::*;
use serde_json::{Value, json};
use wayline::analysis::Settings;
use wayline::analysis::report::json_report;
use wayline::export::fit::plan_with;
use wayline::export::{ExportError, Fit, Orientation, Paper};
use wayline::layout::style::{self, size};
use wayline::layout::{FontMeasure, LayoutOptions, Role, Shape, layout};
use wayline::model::{Card, CardId, Emotion, JourneyMap, MapId, MapKind, Stage, StageId, Study, ViewScores};

fn scores(internal: Option<f32>, customer: Option<f32>) -> ViewScores {
    ViewScores { internal, customer }
}

#[allow(clippy::too_many_arguments, reason = "a step has this many scores")]
fn step(
    id: u32,
    title: &str,
    performance: ViewScores,
    importance: ViewScores,
    elicited: Option<f32>,
) -> Card {
    Card {
        id: CardId(id),
        title: title.to_owned(),
        performance,
        importance,
        emotion: Emotion { elicited, desired: None },
        ..Card::default()
    }
}

fn touchpoint(id: u32, title: &str, performance: ViewScores, detail: u32) -> Card {
    Card {
        id: CardId(id),
        title: title.to_owned(),
        performance,
        detail: Some(MapId(detail)),
        ..Card::default()
    }
}

/// A typical map whose touchpoints are detailed by a tactical map (two of them, a cluster), an
/// empty map, a map that does not exist and their own map.
fn worked_study() -> Study {
    let typical = JourneyMap {
        id: MapId(1),
        title: "Typical".to_owned(),
        kind: MapKind::Typical,
        stages: vec![Stage {
            id: StageId(1),
            name: "Onboarding".to_owned(),
            cards: vec![
                touchpoint(1, "Goes live", scores(Some(8.0), Some(8.0)), 2),
                touchpoint(2, "Gets trained", scores(None, Some(5.5)), 2),
                touchpoint(3, "Reads the guide", scores(Some(6.0), None), 3),
                touchpoint(4, "Lost detail", scores(None, Some(4.0)), 9),
                touchpoint(5, "Details itself", scores(None, Some(4.0)), 1),
            ],
            ..Stage::default()
        }],
        ..JourneyMap::default()
    };
    let tactical = JourneyMap {
        id: MapId(2),
        title: "Going live step by step".to_owned(),
        kind: MapKind::Tactical,
        stages: vec![
            Stage {
                id: StageId(2),
                name: "Set-up".to_owned(),
                cards: vec![
                    step(
                        10,
                        "Signs the order",
                        scores(Some(6.0), Some(4.0)),
                        scores(Some(8.0), Some(9.0)),
                        Some(-1.0),
                    ),
                    step(
                        11,
                        "Gets logins",
                        scores(Some(7.0), Some(8.0)),
                        scores(None, Some(1.0)),
                        Some(-2.0),
                    ),
                    step(12, "Maps the data", scores(None, Some(3.0)), scores(None, None), Some(0.5)),
                    step(
                        13,
                        "Tests the feed",
                        scores(Some(5.0), Some(14.0)),
                        scores(Some(2.0), Some(5.0)),
                        None,
                    ),
                ],
                ..Stage::default()
            },
            Stage {
                id: StageId(3),
                name: "Live".to_owned(),
                cards: vec![step(
                    14,
                    "First order",
                    scores(Some(9.0), None),
                    scores(Some(4.0), None),
                    Some(1.0),
                )],
                ..Stage::default()
            },
        ],
        ..JourneyMap::default()
    };
    let empty = JourneyMap { id: MapId(3), title: "Not mapped yet".to_owned(), ..JourneyMap::default() };
    Study { maps: vec![typical, tactical, empty], ..Study::default() }
}

fn report_of(study: &Study, format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("worked.journey.ron");
    wayline::io::save_study(study, &path).unwrap();
    let ran = wayline(&["report", path.to_str().unwrap(), "--map", "1", "--format", format]);
    assert_eq!(ran.status, wayline::cli::ExitStatus::Success, "{}", ran.stderr);
    ran.stdout
}

#[test]
fn the_report_rolls_up_the_worked_example() {
    let report: Value = serde_json::from_str(&report_of(&worked_study(), "json")).unwrap();
    let cards = report["maps"][0]["cards"].as_array().unwrap();
    let goes_live = &cards[0]["rollup"];
    // Customer: (9 × 4 + 1 × 8 + 1 × 3) / 11 = 4.27 (step 13's 14 is off the scale);
    // internal: (8 × 6 + 1 × 7 + 2 × 5 + 4 × 9) / 15 = 6.73.
    assert_eq!(goes_live["map"], 2);
    assert_eq!(goes_live["performance"], json!({"internal": 6.73, "customer": 4.27}));
    assert_eq!(goes_live["weakest"], 12);
    assert_eq!(goes_live["steps"], 3);
    assert_eq!((goes_live["min"].as_f64(), goes_live["max"].as_f64()), (Some(3.0), Some(8.0)));
    assert_eq!(
        goes_live["views"]["internal"],
        json!({"performance": 6.73, "weakest": 13, "steps": 4, "min": 5.0, "max": 9.0})
    );
    assert_eq!(goes_live["stated"], json!({"internal": 8.0, "customer": 8.0}));
    assert_eq!(goes_live["review"], true, "8 stated against 4.27 from the steps");
    assert_eq!(
        goes_live["emotion"],
        json!({"peak": {"card": 11, "value": -2.0}, "end": {"card": 14, "value": 1.0}})
    );
    assert_eq!((goes_live["step_count"].as_u64(), goes_live["left_out"].as_u64()), (Some(5), Some(1)));

    let trained = &cards[1]["rollup"];
    assert_eq!(trained["performance"], goes_live["performance"], "a cluster's touchpoints share their steps");
    assert_eq!(trained["review"], false, "5.5 against 4.27 is within 2");

    let guide = &cards[2]["rollup"];
    assert_eq!(guide["map"], 3);
    assert_eq!(guide["performance"], json!({"internal": null, "customer": null}));
    assert_eq!(
        (guide["steps"].as_u64(), &guide["weakest"], &guide["min"]),
        (Some(0), &Value::Null, &Value::Null)
    );
    assert_eq!(guide["review"], false);

    assert_eq!(cards[3]["rollup"], Value::Null, "a detail map that does not exist rolls up nothing");
    assert_eq!(cards[4]["rollup"], Value::Null, "nor does a card's own map");
}

#[test]
fn the_markdown_report_lists_the_rollups() {
    let text = report_of(&worked_study(), "md");
    assert!(text.contains("### Roll-ups from detail maps"), "{text}");
    let section = &text[text.find("### Roll-ups").unwrap()..];
    let row = section.lines().find(|l| l.starts_with("| Goes live |")).expect("a row per touchpoint");
    for part in [
        "Going live step by step",
        "8 · 4.3",
        "8 · 6.7",
        "Maps the data (3)",
        "3–8 (3 of 5 steps)",
        "−2 (Gets logins)",
        "+1 (First order)",
        "yes",
    ] {
        assert!(row.contains(part), "{part} in {row}");
    }
    assert!(
        text.lines().any(|l| l.starts_with("| Reads the guide |") && l.contains("none of 0 steps scored"))
    );
    assert!(!text.contains("| Lost detail |"), "no row without a detail map");
}

/// A view's roll-up computed here, independently of the library: (weighted mean, weakest,
/// scored, min, max).
type ViewExpected = (Option<f64>, Option<u32>, usize, Option<f64>, Option<f64>);

fn on_scale(value: Option<f32>) -> Option<f64> {
    value.filter(|v| (1.0..=10.0).contains(v)).map(f64::from)
}

fn expected_view(
    steps: &[&Card],
    performance: impl Fn(&Card) -> Option<f32>,
    importance: impl Fn(&Card) -> Option<f32>,
) -> ViewExpected {
    let scored: Vec<(u32, f64, f64)> = steps
        .iter()
        .filter_map(|c| Some((c.id.0, on_scale(performance(c))?, on_scale(importance(c)).unwrap_or(1.0))))
        .collect();
    let total: f64 = scored.iter().map(|s| s.2).sum();
    let mean = (!scored.is_empty()).then(|| scored.iter().map(|s| s.1 * s.2).sum::<f64>() / total);
    let weakest = scored.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    let max = scored.iter().map(|s| s.1).reduce(f64::max);
    (mean, weakest.map(|w| w.0), scored.len(), weakest.map(|w| w.1), max)
}

fn close(actual: &Value, expected: Option<f64>) -> bool {
    match (actual.as_f64(), expected) {
        (Some(a), Some(e)) => (a - e).abs() <= 0.0051,
        (None, None) => actual.is_null(),
        _ => false,
    }
}

fn check_view(actual: &Value, expected: &ViewExpected) -> Result<(), String> {
    let ok = close(&actual["performance"], expected.0)
        && actual["weakest"] == expected.1.map_or(Value::Null, |w| json!(w))
        && actual["steps"] == json!(expected.2)
        && close(&actual["min"], expected.3)
        && close(&actual["max"], expected.4);
    if ok { Ok(()) } else { Err(format!("{actual} is not {expected:?}")) }
}

/// Compares every card's reported roll-up with one computed here.
fn compare(study: &Study) -> Result<(), String> {
    let maps: Vec<&JourneyMap> = study.maps.iter().collect();
    let report: Value = serde_json::from_str(&json_report(study, &maps, &Settings::default())).unwrap();
    for (map, reported) in study.maps.iter().zip(report["maps"].as_array().unwrap()) {
        for (card, entry) in map.cards().zip(reported["cards"].as_array().unwrap()) {
            let rollup = &entry["rollup"];
            let detail = card.detail.and_then(|id| study.maps.iter().find(|m| m.id == id));
            let Some(detail) = detail.filter(|d| d.cards().all(|c| c.id != card.id)) else {
                if rollup.is_null() {
                    continue;
                }
                return Err(format!("card {} has a roll-up {rollup} it should not", card.id.0));
            };
            let steps: Vec<&Card> = detail.cards().collect();
            let internal = expected_view(&steps, |c| c.performance.internal, |c| c.importance.internal);
            let customer = expected_view(&steps, |c| c.performance.customer, |c| c.importance.customer);
            check_view(&rollup["views"]["internal"], &internal)?;
            check_view(&rollup["views"]["customer"], &customer)?;
            if rollup["map"] != json!(detail.id.0) || rollup["step_count"] != json!(steps.len()) {
                return Err(format!("card {}: wrong map or count in {rollup}", card.id.0));
            }
            if !close(&rollup["performance"]["customer"], customer.0)
                || rollup["weakest"] != rollup["views"]["customer"]["weakest"]
            {
                return Err(format!("card {}: the headline is not the customer view: {rollup}", card.id.0));
            }
            // Emotion: the most negative step (the first of equals) and the last known one.
            let felt: Vec<(u32, f32)> = steps
                .iter()
                .filter_map(|c| c.emotion.elicited.filter(|v| (-2.0..=2.0).contains(v)).map(|v| (c.id.0, v)))
                .collect();
            let peak = felt.iter().min_by(|a, b| a.1.total_cmp(&b.1));
            let as_json = |s: Option<&(u32, f32)>| {
                s.map_or(
                    Value::Null,
                    |s| json!({"card": s.0, "value": (f64::from(s.1) * 100.0).round() / 100.0}),
                )
            };
            if rollup["emotion"] != json!({"peak": as_json(peak), "end": as_json(felt.last())}) {
                return Err(format!(
                    "card {}: emotion {} is not peak {peak:?}, end {:?}",
                    card.id.0,
                    rollup["emotion"],
                    felt.last()
                ));
            }
            // Marked for review when stated and rolled up differ by 2 or more in either view;
            // differences within a hair of 2 are left to the unit tests.
            let stated = [on_scale(card.performance.internal), on_scale(card.performance.customer)];
            let differences: Vec<f64> = stated
                .iter()
                .zip([internal.0, customer.0])
                .filter_map(|(s, r)| Some((s.as_ref()? - r?).abs()))
                .collect();
            if differences.iter().all(|d| (d - 2.0).abs() > 1e-3) {
                let review = differences.iter().any(|d| *d >= 2.0);
                if rollup["review"] != json!(review) {
                    return Err(format!("card {}: review should be {review}: {rollup}", card.id.0));
                }
            }
        }
    }
    Ok(())
}

#[test]
fn the_bundled_examples_roll_up_as_computed_here() {
    let logistics = wayline::templates::find("logistics").unwrap().study().unwrap();
    assert!(logistics.cards().any(|c| c.detail.is_some()), "the logistics example details touchpoints");
    for template in &wayline::templates::TEMPLATES {
        compare(&template.study().unwrap()).unwrap();
    }
    compare(&worked_study()).unwrap();
}

/// A score: mostly on the scale with one decimal, now and then anything at all.
fn score() -> impl Strategy<Value = Option<f32>> {
    prop::option::weighted(
        0.8,
        prop_oneof![6 => (10u16..=100).prop_map(|v| f32::from(v) / 10.0), 1 => common::real_f32()],
    )
}

fn feeling() -> impl Strategy<Value = Option<f32>> {
    prop::option::weighted(
        0.7,
        prop_oneof![6 => (-4i8..=4).prop_map(|v| f32::from(v) / 2.0), 1 => common::real_f32()],
    )
}

/// A scored card with an id and, maybe, a pick of detail map.
fn scored_card() -> impl Strategy<Value = (Card, Option<usize>)> {
    ((score(), score(), score(), score(), feeling()), prop::option::weighted(0.4, any::<usize>())).prop_map(
        |((pi, pc, ii, ic, felt), detail)| (step(0, "Step", scores(pi, pc), scores(ii, ic), felt), detail),
    )
}

/// Studies of one to four maps full of scored cards, many of them detailed by a map of the
/// study (sometimes their own), ids unique.
fn scored_study() -> impl Strategy<Value = Study> {
    prop::collection::vec(prop::collection::vec(prop::collection::vec(scored_card(), 0..6), 1..4), 1..5)
        .prop_map(|maps| {
            let count = maps.len();
            let mut next = 0u32;
            let maps = maps
                .into_iter()
                .enumerate()
                .map(|(m, stages)| JourneyMap {
                    id: MapId(u32::try_from(m).unwrap() + 1),
                    stages: stages
                        .into_iter()
                        .map(|cards| Stage {
                            cards: cards
                                .into_iter()
                                .map(|(card, detail)| {
                                    next += 1;
                                    let detail = detail.map(|d| MapId(u32::try_from(d % count).unwrap() + 1));
                                    Card { id: CardId(next), title: format!("Step {next}"), detail, ..card }
                                })
                                .collect(),
                            ..Stage::default()
                        })
                        .collect(),
                    ..JourneyMap::default()
                })
                .collect();
            Study { maps, ..Study::default() }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn generated_studies_roll_up_as_computed_here(study in scored_study()) {
        prop_assert!(compare(&study).is_ok(), "{}", compare(&study).unwrap_err());
    }

    #[test]
    fn any_study_rolls_up_as_computed_here(study in common::study_with_details()) {
        prop_assert!(compare(&study).is_ok(), "{}", compare(&study).unwrap_err());
    }

    #[test]
    fn rolled_up_numbers_stay_on_their_scales(study in common::study_with_details()) {
        for map in &study.maps {
            let analysis = wayline::analysis::analyse(&study, map, &Settings::default());
            for rollup in analysis.cards.iter().filter_map(|c| c.rollup) {
                for view in [rollup.steps.internal, rollup.steps.customer] {
                    for value in [view.mean, view.min, view.max].into_iter().flatten() {
                        prop_assert!((1.0..=10.0).contains(&value), "{value}");
                    }
                }
                for step in [rollup.steps.peak, rollup.steps.end].into_iter().flatten() {
                    prop_assert!((-2.0..=2.0).contains(&step.value));
                }
            }
        }
    }
}

#[test]
fn the_poster_prints_the_rollup_beside_the_stated_score() {
    let study = worked_study();
    let scene = layout(&study, &study.maps[0], FontMeasure::shared(), &LayoutOptions::default());
    check_scene(&scene).unwrap();
    let texts = |id: u32| -> Vec<String> {
        scene.texts().filter(|(_, r)| *r == Role::Card(CardId(id))).map(|(run, _)| run.text.clone()).collect()
    };
    let goes_live = texts(1);
    for part in ["Perf", "8", "Steps", "4.3", "3–8", "Weakest of 3 steps: Maps the data"] {
        assert!(goes_live.iter().any(|t| t == part), "{part} on the card: {goes_live:?}");
    }
    assert!(!texts(3).iter().any(|t| t == "Steps"), "an unscored detail map prints no roll-up");
    assert!(!texts(4).iter().any(|t| t == "Steps"));
    let flags = |id: u32| {
        scene
            .items
            .iter()
            .filter(|i| {
                i.role == Role::Card(CardId(id))
                    && matches!(&i.shape, Shape::Polygon { fill: Some(f), .. } if *f == style::REVIEW)
            })
            .count()
    };
    assert_eq!(flags(1), 1, "the touchpoint marked for review carries the flag");
    assert_eq!(flags(2), 0);
    for label in ["Steps: ", "Marked for review"] {
        assert!(
            scene.texts().any(|(run, role)| role == Role::Chrome && run.text.starts_with(label)),
            "legend explains {label}"
        );
    }
    for (run, _) in scene.texts() {
        assert!(run.size >= size::SMALL - 0.01, "{:?} at {} pt", run.text, run.size);
    }
}

#[test]
fn posters_of_studies_with_detail_maps_pass_the_print_checks() {
    let logistics = wayline::templates::find("logistics").unwrap().study().unwrap();
    for study in [worked_study(), logistics] {
        let map = &study.maps[0];
        for paper in [Paper::A1, Paper::A3, Paper::Fit] {
            let options = LayoutOptions::default();
            let planned = match plan_with(&study, map, paper, Orientation::Auto, Fit::Auto, false, options) {
                Ok(planned) => planned,
                // Refused with a reason (too large for the paper): nothing is printed.
                Err(ExportError::TextTooSmall { message }) if !message.is_empty() => continue,
                Err(error) => panic!("{paper}: {error}"),
            };
            assert!(
                planned.smallest_pt >= 9.0 - 0.01 || planned.warnings.iter().any(|w| w.contains("pt")),
                "{:.1} pt on {paper} with no warning",
                planned.smallest_pt
            );
            for sheet in &planned.sheets {
                check_scene(&sheet.scene).unwrap();
                if paper != Paper::Fit {
                    assert!(common::checks::in_margin(sheet).is_none(), "in the margin on {paper}");
                }
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("logistics.svg");
    let ran = wayline(&["export", &example("logistics"), "--out", out.to_str().unwrap()]);
    assert_eq!(ran.status, wayline::cli::ExitStatus::Success, "{}", ran.stderr);
    let svg = std::fs::read_to_string(&out).unwrap();
    for text in [">Steps<", ">5.7<", "Weakest of 6 steps:", "Marked for review"] {
        assert!(svg.contains(text), "{text} in the SVG");
    }
    assert!(svg.contains(&format!("{}", style::REVIEW)), "the review flag is drawn");
}
