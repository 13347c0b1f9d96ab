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
