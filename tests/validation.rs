//! Every validation rule has a fixture in `tests/fixtures/problems/`. Each fixture lists the
//! problems it must produce in `// expect SEVERITY: MESSAGE` comments, and `validate()` must
//! report exactly those: no problem missing, none extra.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

use std::path::Path;
use wayline::io::load_study;
use wayline::model::{Problem, Severity, validate};

struct Expectation {
    severity: Severity,
    message: String,
}

fn expectations(text: &str) -> Vec<Expectation> {
    text.lines()
        .filter_map(|line| line.strip_prefix("// expect "))
        .filter(|rest| !rest.starts_with("nothing"))
        .map(|rest| {
            let (severity, message) = rest.split_once(": ").expect("`// expect SEVERITY: MESSAGE`");
            let severity = match severity {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                other => panic!("unknown severity {other:?}"),
            };
            Expectation { severity, message: message.to_owned() }
        })
        .collect()
}

fn fixtures() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/problems");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().path()).collect();
    paths.sort();
    assert!(paths.len() >= 40, "the fixtures are missing");
    paths
}

#[test]
fn every_fixture_reports_exactly_its_expected_problems() {
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let study = load_study(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut problems: Vec<Problem> = validate(&study);
        for expected in expectations(&text) {
            let found = problems
                .iter()
                .position(|p| p.severity == expected.severity && p.message.starts_with(&expected.message));
            match found {
                Some(index) => {
                    problems.remove(index);
                }
                None => panic!(
                    "{}: expected {}: {}, got {:#?}",
                    path.display(),
                    expected.severity,
                    expected.message,
                    validate(&study)
                ),
            }
        }
        assert!(problems.is_empty(), "{}: unexpected problems {problems:#?}", path.display());
    }
}

#[test]
fn problems_say_where_they_are() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/problems/error-accountable-not-among-owners.journey.ron");
    let study = load_study(&path).unwrap();
    let problems = validate(&study);
    let location = &problems[0].location;
    assert_eq!(location.path(), r#"map "Journey" > stage "Decision" > touchpoint "Demo""#);
    assert_eq!(location.card.map(|id| id.0), Some(1));
    assert_eq!(location.stage.map(|id| id.0), Some(1));
    assert_eq!(location.map.map(|id| id.0), Some(1));
}

/// A study with `count` owners, each the parent of the next: a deep organisation chart.
fn nested_owners(count: u32) -> wayline::model::Study {
    use wayline::model::{Meta, Owner, OwnerId, Study};
    let owners = (1..=count)
        .map(|id| Owner {
            id: OwnerId(id),
            name: format!("Unit {id}"),
            parent: (id > 1).then(|| OwnerId(id - 1)),
            ..Owner::default()
        })
        .collect();
    Study { meta: Meta { title: "Deep".to_owned(), ..Meta::default() }, owners, ..Study::default() }
}

#[test]
fn deeply_nested_owners_validate_in_linear_time() {
    // Walking the parents from every owner takes minutes here; one walk takes milliseconds.
    let study = nested_owners(20_000);
    let start = std::time::Instant::now();
    let problems = validate(&study);
    let elapsed = start.elapsed();
    assert!(problems.is_empty(), "{:#?}", &problems[..problems.len().min(3)]);
    assert!(elapsed < std::time::Duration::from_secs(2), "20,000 nested owners took {elapsed:?}");
}

#[test]
fn a_long_cycle_of_owners_is_reported_at_each_member_in_a_short_message() {
    let mut study = nested_owners(5_000);
    study.owners[0].parent = Some(wayline::model::OwnerId(5_000));
    // An owner hanging below the cycle is not in it.
    study.owners.push(wayline::model::Owner {
        id: wayline::model::OwnerId(5_001),
        name: "Below".to_owned(),
        parent: Some(wayline::model::OwnerId(17)),
        ..wayline::model::Owner::default()
    });
    let start = std::time::Instant::now();
    let problems = validate(&study);
    assert!(start.elapsed() < std::time::Duration::from_secs(2), "{:?}", start.elapsed());
    let cycles: Vec<&Problem> =
        problems.iter().filter(|p| p.message.starts_with("the owner is nested inside itself")).collect();
    assert_eq!(cycles.len(), 5_000);
    assert!(cycles.iter().all(|p| p.severity == Severity::Error && p.message.len() < 300), "{}", cycles[0]);
    assert_eq!(
        cycles[2].message,
        "the owner is nested inside itself: Unit 3 > Unit 2 > Unit 1 > Unit 5000 > Unit 4999 > Unit 4998 \
         > Unit 4997 > … > Unit 3 (5,000 owners)"
    );
    assert_eq!(cycles[2].location.path(), "owner \"Unit 3\"");
    assert!(!problems.iter().any(|p| p.location.path() == "owner \"Below\""));
}

#[test]
fn a_short_cycle_and_an_owner_that_is_its_own_parent() {
    let mut study = nested_owners(4);
    study.owners[0].parent = Some(wayline::model::OwnerId(3));
    study.owners[3].parent = Some(wayline::model::OwnerId(4));
    let messages: Vec<String> = validate(&study).into_iter().map(|p| p.message).collect();
    assert_eq!(
        messages,
        [
            "the owner is nested inside itself: Unit 1 > Unit 3 > Unit 2 > Unit 1",
            "the owner is nested inside itself: Unit 2 > Unit 1 > Unit 3 > Unit 2",
            "the owner is nested inside itself: Unit 3 > Unit 2 > Unit 1 > Unit 3",
            "the owner is its own parent",
        ]
    );
}

#[test]
fn overlong_names_and_texts_are_errors_naming_where() {
    use wayline::model::validate::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/problems/clean.journey.ron");
    let clean = load_study(&path).unwrap();
    assert!(validate(&clean).is_empty());

    // At the limit is fine, counted in characters, not bytes.
    let mut study = clean.clone();
    study.maps[0].stages[0].cards[0].title = "é".repeat(MAX_NAME_CHARS);
    study.maps[0].description = "ü".repeat(MAX_TEXT_CHARS);
    assert!(validate(&study).is_empty(), "{:#?}", validate(&study));

    let mut study = clean.clone();
    study.meta.title = "x".repeat(MAX_NAME_CHARS + 1);
    study.owners[0].name = "o".repeat(MAX_NAME_CHARS + 5);
    study.personas[0].goals = vec!["short".to_owned(), "g".repeat(MAX_TEXT_CHARS + 1)];
    study.maps[0].stages[0].cards[0].title = "é".repeat(MAX_NAME_CHARS + 1);
    study.maps[0].stages[0].cards[0].notes = "n".repeat(MAX_TEXT_CHARS + 1);
    study.maps[0].stages[0].recommendations =
        vec![wayline::model::Recommendation { text: "r".repeat(MAX_TEXT_CHARS * 2), ..Default::default() }];
    let problems = validate(&study);
    let long: Vec<(String, String)> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.message.clone(), p.location.path().to_owned()))
        .collect();
    let card = format!("map \"Journey\" > stage \"Decision\" > touchpoint \"{}…\"", "é".repeat(80));
    let expected = [
        ("10,001 characters in the study's title, more than the 10,000 allowed", "study".to_owned()),
        (
            "10,005 characters in the name, more than the 10,000 allowed",
            format!("owner \"{}…\"", "o".repeat(80)),
        ),
        ("100,001 characters in goal 2, more than the 100,000 allowed", "persona \"Buyer\"".to_owned()),
        (
            "200,000 characters in the text of a recommendation, more than the 100,000 allowed",
            "map \"Journey\" > stage \"Decision\"".to_owned(),
        ),
        ("10,001 characters in the touchpoint's title, more than the 10,000 allowed", card.clone()),
        ("100,001 characters in the touchpoint's notes, more than the 100,000 allowed", card),
    ];
    let expected: Vec<(String, String)> = expected.into_iter().map(|(m, l)| (m.to_owned(), l)).collect();
    assert_eq!(long, expected);
}
