//! The bundled example studies are the demo, the templates and the fixtures: each must load,
//! validate without errors, round-trip byte for byte, and hold what the method asks of it.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

use std::collections::HashSet;
use std::path::Path;
use wayline::io::{load_study, to_ron_string};
use wayline::model::{MapKind, MapState, OwnerKind, Severity, Study, validate};
use wayline::templates::TEMPLATES;

fn load(name: &str) -> (Study, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(format!("{name}.journey.ron"));
    let study = load_study(&path).unwrap_or_else(|e| panic!("{e}"));
    (study, std::fs::read_to_string(&path).unwrap())
}

#[test]
fn every_example_loads_validates_and_round_trips_byte_identically() {
    for template in &TEMPLATES {
        let (study, text) = load(template.name);
        let errors: Vec<_> = validate(&study).into_iter().filter(|p| p.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", template.name);
        assert_eq!(to_ron_string(&study).unwrap(), text, "{} is not in canonical form", template.name);
        assert_eq!(template.text, text, "the bundled template is the example file");
    }
}

#[test]
fn examples_have_no_warnings_either() {
    for template in &TEMPLATES {
        let (study, _) = load(template.name);
        let problems = validate(&study);
        assert!(problems.is_empty(), "{}: {problems:#?}", template.name);
    }
}

fn handoffs(study: &Study, kind: MapKind) -> usize {
    study
        .maps
        .iter()
        .filter(|m| m.kind == kind)
        .map(|map| {
            map.links
                .iter()
                .filter(|link| {
                    let owner = |id| map.card(id).and_then(|c| c.accountable);
                    owner(link.from) != owner(link.to)
                })
                .count()
        })
        .sum()
}

#[test]
fn logistics_covers_the_whole_method() {
    let (study, _) = load("logistics");
    let kinds: Vec<MapKind> = study.maps.iter().map(|m| m.kind).collect();
    for kind in MapKind::ALL {
        assert!(kinds.contains(&kind), "a {kind:?} map");
    }
    let typical = study.maps.iter().find(|m| m.kind == MapKind::Typical).unwrap();
    assert!(typical.stages.len() >= 7, "at least 7 stages");
    assert!(typical.card_count() >= 35, "at least 35 touchpoints");
    let departments = study.owners.iter().filter(|o| o.kind == OwnerKind::Department).count();
    let regions = study.owners.iter().filter(|o| o.kind == OwnerKind::Region).count();
    assert!(departments >= 6 && regions >= 2, "{departments} departments, {regions} regions");
    assert!(!study.personas.is_empty());

    let cards: Vec<_> = typical.cards().collect();
    assert!(cards.iter().any(|c| c.flags.pain_point));
    assert!(cards.iter().any(|c| c.flags.moment_of_delight));
    assert!(cards.iter().any(|c| c.flags.moment_of_truth));
    assert!(
        cards.iter().filter(|c| c.importance.gap().is_some() && c.performance.gap().is_some()).count() >= 10
    );
    assert!(cards.iter().filter(|c| c.emotion.elicited.is_some()).count() >= 10);
    assert!(cards.iter().any(|c| !c.metrics.is_empty()));
    assert!(typical.links.len() >= 10);
    assert!(handoffs(&study, MapKind::Typical) > 0);

    let tactical = study.maps.iter().find(|m| m.kind == MapKind::Tactical).unwrap();
    assert!(tactical.focus.is_some(), "the tactical map zooms into the typical map");
    assert!(handoffs(&study, MapKind::Tactical) > 0, "steps change hands");
    let performance = study.maps.iter().find(|m| m.kind == MapKind::Performance).unwrap();
    assert!(performance.stages.iter().all(|s| !s.recommendations.is_empty()), "recommendations per stage");
    assert!(
        performance.cards().any(|c| c.performance.internal.is_some() && c.performance.customer.is_some())
    );
}

#[test]
fn saas_has_the_vendor_lifecycle_in_current_and_future_state() {
    let (study, _) = load("saas");
    let states: HashSet<MapState> = study.maps.iter().map(|m| m.state).collect();
    assert_eq!(states.len(), 2, "a current-state and a future-state map");
    for map in &study.maps {
        let names: Vec<String> = map.stages.iter().map(|s| s.name.to_lowercase()).collect();
        for stage in ["awareness", "consideration", "decision", "onboarding", "value realisation", "advocacy"]
        {
            assert!(names.iter().any(|n| n.contains(stage)), "{}: stage {stage}", map.title);
        }
    }
}

#[test]
fn starter_is_small_and_clean() {
    let (study, _) = load("starter");
    assert_eq!(study.maps.len(), 1);
    assert!(study.maps[0].card_count() <= 12);
}

#[test]
fn templates_start_new_studies_today() {
    let today = wayline::model::Date::from_ymd(2027, 3, 14).unwrap();
    for template in &TEMPLATES {
        let study = template.instantiate(today).unwrap();
        assert_eq!(study.meta.created, Some(today));
        assert_eq!(study.meta.last_reviewed, None);
        assert!(wayline::model::review_warning(&study, today).is_none(), "a new study is not due for review");
    }
}
