//! The analysis module against hand-worked examples of the method's definitions.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::cli::{example, wayline};
use proptest::prelude::*;

use wayline::analysis::{MetricStatus, Place, Quadrant, Settings, analyse};
use wayline::model::{
    Card, CardId, Flags, JourneyMap, Link, LinkId, LinkKind, MapKind, Metric, Owner, OwnerId, Priority,
    Recommendation, Stage, StageId, Status, Study, ViewScores,
};

fn scores(internal: Option<f32>, customer: Option<f32>) -> ViewScores {
    ViewScores { internal, customer }
}

fn card(id: u32, owners: &[u32], accountable: Option<u32>) -> Card {
    Card {
        id: CardId(id),
        title: format!("Card {id}"),
        owners: owners.iter().copied().map(OwnerId).collect(),
        accountable: accountable.map(OwnerId),
        ..Card::default()
    }
}

fn study() -> Study {
    let mut a = card(1, &[1], Some(1));
    a.importance = scores(Some(7.0), Some(9.0));
    a.performance = scores(Some(8.0), Some(4.0));
    a.flags = Flags { pain_point: true, ..Flags::default() };
    let mut b = card(2, &[1, 2], Some(2));
    b.importance = scores(None, Some(5.0));
    b.performance = scores(Some(6.0), Some(7.0));
    let mut c = card(3, &[2], None);
    c.importance = scores(None, Some(3.0));
    c.performance = scores(None, Some(9.0));
    c.metrics = vec![Metric {
        name: "Wait".into(),
        value: Some(6.0),
        target: Some(4.0),
        higher_is_better: false,
        ..Metric::default()
    }];
    let d = card(4, &[], None);
    let rec = |text: &str, priority, status| Recommendation {
        text: text.into(),
        priority,
        status,
        ..Recommendation::default()
    };
    c.recommendations =
        vec![rec("c-low", Priority::Low, Status::Proposed), rec("c-high-done", Priority::High, Status::Done)];
    let map = JourneyMap {
        kind: MapKind::Tactical,
        stages: vec![
            Stage {
                id: StageId(1),
                cards: vec![a, b],
                recommendations: vec![rec("s-high", Priority::High, Status::Agreed)],
                ..Stage::default()
            },
            Stage {
                id: StageId(2),
                cards: vec![c, d],
                metrics: vec![Metric {
                    name: "CSAT".into(),
                    value: Some(80.0),
                    target: Some(75.0),
                    ..Metric::default()
                }],
                ..Stage::default()
            },
        ],
        links: vec![Link {
            id: LinkId(1),
            from: CardId(1),
            to: CardId(3),
            kind: LinkKind::Dependency,
            label: String::new(),
        }],
        ..JourneyMap::default()
    };
    Study {
        owners: vec![
            Owner { id: OwnerId(1), name: "Sales".into(), ..Owner::default() },
            Owner { id: OwnerId(2), name: "Service".into(), ..Owner::default() },
        ],
        maps: vec![map],
        ..Study::default()
    }
}

#[test]
fn card_numbers_follow_the_definitions() {
    let study = study();
    let result = analyse(&study, &study.maps[0], &Settings::default());
    let a = result.card(CardId(1)).unwrap();
    assert_eq!(a.gaps.performance, Some(4.0));
    assert_eq!(a.gaps.importance, Some(-2.0));
    // Means over cards 1–3: importance (9 + 5 + 3) / 3 = 5.67, performance (4 + 7 + 9) / 3 = 6.67.
    assert_eq!(a.quadrant, Some(Quadrant::ConcentrateHere));
    assert_eq!(result.card(CardId(2)).unwrap().quadrant, Some(Quadrant::PossibleOverkill));
    assert_eq!(result.card(CardId(3)).unwrap().quadrant, Some(Quadrant::PossibleOverkill));
    assert_eq!(result.card(CardId(4)).unwrap().quadrant, None);
    // 9 × (10 − 4) / 10 + 1 (gap of 4 is large) = 6.4.
    assert!((a.priority.unwrap() - 6.4).abs() < 1e-5);
    assert!(a.heat.pain && a.heat.moment_of_truth && !a.heat.delight);
    assert!(a.flags_disagree, "moment of truth is computed but not flagged");
    // Ranked by |gap| × customer importance: card 1 (36), card 2 (5), then unknown.
    assert_eq!(result.ranked_gaps[..2], [CardId(1), CardId(2)]);
}

#[test]
fn handoffs_and_coverage() {
    let study = study();
    let result = analyse(&study, &study.maps[0], &Settings::default());
    // Journey order 1 → 2 changes from Sales to Service; 2 → 3 and 3 → 4 have no accountable
    // owner at one end; the dependency link is not a handoff.
    assert_eq!(result.handoffs.len(), 1);
    assert_eq!((result.handoffs[0].from, result.handoffs[0].to), (CardId(1), CardId(2)));
    let sales = &result.coverage.owners[0];
    assert_eq!((sales.total.cards, sales.total.accountable, sales.total.pain_points), (2, 1, 1));
    assert_eq!((sales.total.handoffs_out, sales.total.handoffs_in), (1, 0));
    let service = &result.coverage.owners[1];
    assert_eq!((service.total.cards, service.total.accountable, service.total.handoffs_in), (2, 1, 1));
    assert_eq!(service.per_stage[1].cards, 1);
    assert_eq!(result.coverage.unowned, vec![CardId(4)]);
    assert_eq!(result.coverage.no_accountable, vec![CardId(3)]);
}

#[test]
fn metrics_and_the_action_plan() {
    let study = study();
    let result = analyse(&study, &study.maps[0], &Settings::default());
    let statuses: Vec<MetricStatus> = result.metrics.iter().map(|m| m.status).collect();
    assert_eq!(statuses, [MetricStatus::Met, MetricStatus::Missed]);
    assert_eq!(result.missed().next().unwrap().place, Place::Card(CardId(3), StageId(2)));
    let order: Vec<&str> = result.recommendations.iter().map(|r| r.recommendation.text.as_str()).collect();
    assert_eq!(order, ["s-high", "c-high-done", "c-low"]);
}

#[test]
fn report_json_has_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.journey.ron");
    wayline::io::save_study(&study(), &path).unwrap();
    let ran = wayline(&["report", path.to_str().unwrap()]);
    assert_eq!(ran.status, wayline::cli::ExitStatus::Success, "{}", ran.stderr);
    let report: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let map = &report["maps"][0];
    assert_eq!(map["kind"], "tactical");
    assert_eq!(map["ipa"]["view"], "customer");
    assert!((map["ipa"]["importance_mean"].as_f64().unwrap() - 5.67).abs() < 1e-9);
    let first = &map["cards"][0];
    assert_eq!(first["id"], 1);
    assert_eq!(first["performance_gap"], 4.0);
    assert_eq!(first["quadrant"], "concentrate_here");
    assert_eq!(first["flags_disagree"], true);
    assert_eq!(map["cards"][3]["performance_gap"], serde_json::Value::Null);
    assert_eq!(map["cards"][3]["quadrant"], serde_json::Value::Null);
    assert_eq!(map["handoffs"][0]["from_owner"], 1);
    assert_eq!(map["coverage"][1]["handoffs_in"], 1);
    assert_eq!(map["unowned"], serde_json::json!([4]));
    assert_eq!(map["metrics_missed"][0]["name"], "Wait");
}

#[test]
fn report_markdown_and_map_selection() {
    let ran = wayline(&["report", &example("logistics"), "--map", "2", "--format", "md"]);
    assert_eq!(ran.status, wayline::cli::ExitStatus::Success, "{}", ran.stderr);
    assert!(ran.stdout.contains("### Handoffs"), "{}", ran.stdout);
    assert_eq!(ran.stdout.matches("\n## ").count(), 1);
    let bad = wayline(&["report", &example("logistics"), "--map", "99"]);
    assert_eq!(bad.status, wayline::cli::ExitStatus::Usage);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_study_analyses_without_panicking(study in common::study()) {
        for map in &study.maps {
            let result = analyse(&study, map, &Settings::default());
            prop_assert_eq!(result.cards.len(), map.card_count());
            prop_assert_eq!(result.ranked_gaps.len(), map.card_count());
            let _ = wayline::analysis::report::markdown_report(&study, &[map], &Settings::default());
        }
    }
}

#[test]
fn a_poster_prints_the_analysis_panel_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("poster.svg");
    let ran = wayline(&[
        "export",
        &example("saas"),
        "--panel",
        "matrix,gaps,handoffs",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(ran.status, wayline::cli::ExitStatus::Success, "{}", ran.stderr);
    let svg = std::fs::read_to_string(&out).unwrap();
    for text in
        ["Where we rate ourselves differently from customers", "Concentrate here", "Where work changes hands"]
    {
        assert!(svg.contains(text), "{text} is printed");
    }
    let plain = dir.path().join("plain.svg");
    let ran = wayline(&["export", &example("saas"), "--out", plain.to_str().unwrap()]);
    assert_eq!(ran.status, wayline::cli::ExitStatus::Success);
    assert!(
        !std::fs::read_to_string(&plain).unwrap().contains("Where work changes hands"),
        "no panel unless asked"
    );
    let bad = wayline(&["export", &example("saas"), "--panel", "sparkles", "--out", plain.to_str().unwrap()]);
    assert_eq!(bad.status, wayline::cli::ExitStatus::Usage);
}
