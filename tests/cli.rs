//! The command line, run as a user runs it: exit statuses, output, and files left behind.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::cli::{example, wayline};
use std::path::{Path, PathBuf};
use wayline::cli::{ExitStatus, Outcome, run};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/problems").join(name).display().to_string()
}

#[test]
fn check_json_summarises_a_valid_study() {
    let outcome = wayline(&["check", "--json", &example("starter")]);
    assert_eq!(outcome.status, ExitStatus::Success, "{}", outcome.stderr);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(json["valid"], true);
    assert_eq!(json["title"], "New journey study");
    assert_eq!(json["owners"], 5);
    assert_eq!(json["personas"], 1);
    let map = &json["maps"][0];
    assert_eq!(map["kind"], "typical");
    assert_eq!(map["stages"], 7);
    assert_eq!(map["touchpoints"], 7);
    assert_eq!(map["links"], 6);
    assert!(json["problems"].as_array().unwrap().iter().all(|p| p["severity"] == "warning"));
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 6, "{keys:?}");
}

#[test]
fn check_json_reports_every_problem_with_location_and_fails() {
    let outcome = wayline(&["check", "--json", &fixture("error-owner-parent-cycle.journey.ron")]);
    assert_eq!(outcome.status, ExitStatus::Failure);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(json["valid"], false);
    let errors: Vec<&serde_json::Value> =
        json["problems"].as_array().unwrap().iter().filter(|p| p["severity"] == "error").collect();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["location"], "owner \"Sales\"");
    assert!(errors[0]["message"].as_str().unwrap().contains("nested inside itself"));
}

#[test]
fn check_json_on_a_broken_file_still_prints_one_object() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.journey.ron");
    std::fs::write(&path, "(\n  format_version: 1,\n  meta: (title: \"x\"\n  owners: [],\n)").unwrap();
    let outcome = wayline(&["check", "--json", path.to_str().unwrap()]);
    assert_eq!(outcome.status, ExitStatus::Failure);
    assert_eq!(outcome.stderr.lines().count(), 1, "one clear message: {}", outcome.stderr);
    assert!(outcome.stderr.contains("broken.journey.ron:4:3"), "{}", outcome.stderr);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(json["valid"], false);
    assert_eq!(json["problems"][0]["severity"], "error");
    assert!(json["problems"][0]["location"].as_str().unwrap().ends_with("broken.journey.ron:4:3"));
}

#[test]
fn check_text_lists_maps_and_problems() {
    let outcome = wayline(&["check", &fixture("warning-self-link.journey.ron")]);
    assert_eq!(outcome.status, ExitStatus::Success);
    assert!(outcome.stdout.contains("valid (0 errors, 1 warning)"), "{}", outcome.stdout);
    assert!(outcome.stdout.contains("1. Journey (typical, current): 1 stage, 2 touchpoints, 2 links"));
    assert!(outcome.stdout.contains("2. Proposal in detail (tactical, current): 1 stage, 1 step, 0 links"));
    assert!(
        outcome
            .stdout
            .contains("warning: the link connects a card to itself\n    at map \"Journey\" > link link#2")
    );
}

#[test]
fn unreadable_input_exits_1_with_one_message() {
    for args in [
        vec!["check", "/nonexistent/study.journey.ron"],
        vec!["check", "--json", "/nonexistent/study.journey.ron"],
    ] {
        let outcome = wayline(&args);
        assert_eq!(outcome.status, ExitStatus::Failure);
        assert_eq!(outcome.stderr.lines().count(), 1, "{}", outcome.stderr);
        assert!(outcome.stderr.contains("/nonexistent/study.journey.ron"));
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["check"],
        vec!["a.journey.ron", "b.journey.ron"],
        vec!["check", "a", "b"],
        vec!["new", "--template", "nonsense", "--out", "x.journey.ron"],
        vec!["new"],
        vec!["new", "--list", "--out", "x.journey.ron"],
        vec!["--no-such-flag"],
    ] {
        let outcome = wayline(&args);
        assert_eq!(outcome.status, ExitStatus::Usage, "{args:?}: {}", outcome.stderr);
        assert!(!outcome.stderr.is_empty() && outcome.stdout.is_empty(), "{args:?}");
    }
    let outcome = wayline(&["new", "--template", "nonsense", "--out", "x.journey.ron"]);
    assert!(outcome.stderr.contains("starter, logistics, saas"), "{}", outcome.stderr);
    assert!(!Path::new("x.journey.ron").exists());
}

#[test]
fn no_arguments_or_a_file_open_the_editor() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(["wayline"], &mut out, &mut err), Outcome::OpenEditor(None));
    let outcome = run(["wayline", "study.journey.ron"], &mut out, &mut err);
    assert_eq!(outcome, Outcome::OpenEditor(Some("study.journey.ron".into())));
    assert!(out.is_empty() && err.is_empty());
}

#[test]
fn help_prints_usage_and_succeeds() {
    for args in [vec!["--help"], vec!["check", "--help"], vec!["--version"]] {
        let outcome = wayline(&args);
        assert_eq!(outcome.status, ExitStatus::Success, "{args:?}");
        assert!(outcome.stdout.contains("wayline") || outcome.stdout.contains("Usage"), "{args:?}");
    }
}

#[test]
fn new_lists_templates() {
    let outcome = wayline(&["new", "--list"]);
    assert_eq!(outcome.status, ExitStatus::Success);
    for name in ["starter", "logistics", "saas"] {
        assert!(outcome.stdout.lines().any(|line| line.starts_with(name)), "{}", outcome.stdout);
    }
}

#[test]
fn new_writes_a_valid_study_from_each_template() {
    let dir = tempfile::tempdir().unwrap();
    for template in ["starter", "logistics", "saas"] {
        let out: PathBuf = dir.path().join(format!("{template}.journey.ron"));
        let outcome = wayline(&["new", "--template", template, "--out", out.to_str().unwrap()]);
        assert_eq!(outcome.status, ExitStatus::Success, "{}", outcome.stderr);
        let check = wayline(&["check", "--json", out.to_str().unwrap()]);
        assert_eq!(check.status, ExitStatus::Success, "{}", check.stdout);
        let study = wayline::io::load_study(&out).unwrap();
        assert_eq!(study.meta.created, Some(wayline::model::Date::today()));
    }
}

#[test]
fn new_over_an_existing_file_keeps_it_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("study.journey.ron");
    std::fs::write(&out, "my precious work").unwrap();
    let outcome = wayline(&["new", "--out", out.to_str().unwrap()]);
    assert_eq!(outcome.status, ExitStatus::Success);
    assert!(outcome.stdout.contains("study.journey.ron.bak"), "{}", outcome.stdout);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("study.journey.ron.bak")).unwrap(),
        "my precious work"
    );
    assert!(wayline::io::load_study(&out).is_ok());
}

#[test]
fn a_failed_new_leaves_no_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing").join("study.journey.ron");
    let outcome = wayline(&["new", "--out", out.to_str().unwrap()]);
    assert_eq!(outcome.status, ExitStatus::Failure);
    assert_eq!(outcome.stderr.lines().count(), 1, "{}", outcome.stderr);
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// `kill -9` at random moments of `wayline new --out` over an existing file: whatever moment the
/// process dies, the file is always a complete study, the old one or the new one.
#[cfg(unix)]
#[test]
fn killing_new_at_any_moment_leaves_a_complete_file() {
    use std::process::{Command, Stdio};
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("study.journey.ron");
    let bin = env!("CARGO_BIN_EXE_wayline");
    let status = Command::new(bin).args(["new", "--template", "saas", "--out"]).arg(&out).status().unwrap();
    assert!(status.success());
    for round in 0..40u64 {
        let template = if round % 2 == 0 { "logistics" } else { "starter" };
        let mut child = Command::new(bin)
            .args(["new", "--template", template, "--out"])
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(round * 150));
        let _ = child.kill();
        let _ = child.wait();
        let study = wayline::io::load_study(&out);
        assert!(study.is_ok(), "round {round}: {:?}", study.err());
    }
}
