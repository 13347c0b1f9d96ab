//! The command line, run as a user runs it: exit statuses, output, and files left behind.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::cli::{example, wayline};
use std::path::{Path, PathBuf};
use wayline::cli::{ExitStatus, Outcome, run};

/// The names of the files in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

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
fn new_refuses_an_existing_file_and_replaces_it_with_force_keeping_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("study.journey.ron");
    std::fs::write(&out, "my precious work").unwrap();
    let outcome = wayline(&["new", "--out", out.to_str().unwrap()]);
    assert_eq!(outcome.status, ExitStatus::Failure);
    assert_eq!(outcome.stderr.lines().count(), 1, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("already exists") && outcome.stderr.contains("--force"),
        "{}",
        outcome.stderr
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "my precious work");
    assert_eq!(names(dir.path()), ["study.journey.ron"]);

    let outcome = wayline(&["new", "--force", "--out", out.to_str().unwrap()]);
    assert_eq!(outcome.status, ExitStatus::Success, "{}", outcome.stderr);
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
            .args(["new", "--force", "--template", template, "--out"])
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
    // The rounds did replace the file: a run left alone replaces it and keeps the old one.
    let status = Command::new(bin)
        .args(["new", "--force", "--template", "logistics", "--out"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(wayline::io::load_study(&out).unwrap().owners.len(), 12);
    assert!(dir.path().join("study.journey.ron.bak").exists());
}

const JOURNEY: &str = "journey\n  title Parts\n  section Find\n    Searches: 3: Buyer\n";

/// `wayline import` refuses to replace a file without `--force`, and its own input even with it.
#[test]
fn import_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let mmd = dir.path().join("parts.mmd");
    std::fs::write(&mmd, JOURNEY).unwrap();
    let study = dir.path().join("parts.journey.ron");
    std::fs::write(&study, "(format_version: 1, meta: (title: \"Mine\"))").unwrap();
    let (mmd, out) = (mmd.to_str().unwrap(), study.to_str().unwrap());

    let ran = wayline(&["import", mmd, "--out", out]);
    assert_eq!(ran.status, ExitStatus::Failure);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(ran.stderr.contains("parts.journey.ron already exists"), "{}", ran.stderr);
    assert_eq!(wayline::io::load_study(&study).unwrap().meta.title, "Mine");
    assert_eq!(names(dir.path()), ["parts.journey.ron", "parts.mmd"]);

    let ran = wayline(&["import", mmd, "--out", mmd, "--force"]);
    assert_eq!(ran.status, ExitStatus::Failure);
    assert!(ran.stderr.contains("is the file being read"), "{}", ran.stderr);
    assert_eq!(std::fs::read_to_string(mmd).unwrap(), JOURNEY);

    let ran = wayline(&["import", mmd, "--out", out, "--force"]);
    assert_eq!(ran.status, ExitStatus::Success, "{}", ran.stderr);
    assert_eq!(wayline::io::load_study(&study).unwrap().meta.title, "Parts");
    assert!(ran.stdout.contains("parts.journey.ron.bak"), "{}", ran.stdout);
    let backup = dir.path().join("parts.journey.ron.bak");
    assert_eq!(wayline::io::load_study(&backup).unwrap().meta.title, "Mine");
}

/// `wayline export` never writes onto the file it reads, whatever the path looks like, and
/// even with `--force`.
#[test]
fn export_refuses_to_write_onto_its_input_by_any_path() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let input = dir.path().join("journey.mmd");
    std::fs::write(&input, JOURNEY).unwrap();
    let input_text = input.to_str().unwrap().to_owned();
    let mut outs = vec![
        input_text.clone(),
        format!("{}/./journey.mmd", dir.path().display()),
        format!("{}/../journey.mmd", sub.display()),
    ];
    #[cfg(unix)]
    {
        let link = dir.path().join("link.mmd");
        std::os::unix::fs::symlink("journey.mmd", &link).unwrap();
        outs.push(link.to_str().unwrap().to_owned());
        let hard = dir.path().join("hard.mmd");
        std::fs::hard_link(&input, &hard).unwrap();
        outs.push(hard.to_str().unwrap().to_owned());
    }
    let before = names(dir.path());
    for out in &outs {
        for force in [false, true] {
            let mut args = vec!["export", &input_text, "--out", out];
            if force {
                args.push("--force");
            }
            let ran = wayline(&args);
            assert_eq!(ran.status, ExitStatus::Failure, "{args:?}");
            assert_eq!(ran.stderr.lines().count(), 1, "{args:?}: {}", ran.stderr);
            assert!(ran.stderr.contains("is the file being read"), "{args:?}: {}", ran.stderr);
            assert_eq!(std::fs::read_to_string(&input).unwrap(), JOURNEY, "{args:?}");
            assert_eq!(names(dir.path()), before, "{args:?}: nothing is touched");
        }
    }
    // Relative paths from the current folder name the same file too.
    let cwd = std::env::current_dir().unwrap();
    let relative = pathdiff(&input, &cwd);
    let ran = wayline(&["export", &input_text, "--out", &relative, "--force"]);
    assert_eq!(ran.status, ExitStatus::Failure, "{relative}: {}", ran.stderr);
    assert_eq!(std::fs::read_to_string(&input).unwrap(), JOURNEY);
}

/// `path` relative to `base` (both absolute), through `..` as needed.
fn pathdiff(path: &Path, base: &Path) -> String {
    let (path, base): (Vec<_>, Vec<_>) = (path.components().collect(), base.components().collect());
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut relative = PathBuf::new();
    for _ in common..base.len() {
        relative.push("..");
    }
    for part in &path[common..] {
        relative.push(part);
    }
    relative.display().to_string()
}

/// An export onto an existing study needs `--force` (and keeps the study as a backup); other
/// existing exports are simply replaced.
#[test]
fn export_refuses_to_overwrite_a_study_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.journey.ron");
    std::fs::copy(example("starter"), &other).unwrap();
    let unnamed = dir.path().join("notes.ron");
    std::fs::write(&unnamed, "\u{feff}// my study\n#![enable(implicit_some)]\n(meta: (title: \"x\"))")
        .unwrap();
    let starter = example("starter");
    for out in [&other, &unnamed] {
        let before = std::fs::read(out).unwrap();
        let ran = wayline(&["export", &starter, "--out", out.to_str().unwrap(), "--format", "csv"]);
        assert_eq!(ran.status, ExitStatus::Failure, "{}", out.display());
        assert!(ran.stderr.contains("is a study") && ran.stderr.contains("--force"), "{}", ran.stderr);
        assert_eq!(std::fs::read(out).unwrap(), before);
    }
    assert_eq!(names(dir.path()), ["notes.ron", "other.journey.ron"]);

    let before = std::fs::read(&other).unwrap();
    let ran = wayline(&["export", &starter, "--out", other.to_str().unwrap(), "--format", "csv", "--force"]);
    assert_eq!(ran.status, ExitStatus::Success, "{}", ran.stderr);
    assert!(std::fs::read_to_string(&other).unwrap().contains("stage"));
    assert_eq!(std::fs::read(dir.path().join("other.journey.ron.bak")).unwrap(), before);

    // An existing poster or spreadsheet is regenerated without asking.
    let csv = dir.path().join("map.csv");
    std::fs::write(&csv, "stage,card\nOld,Old\n").unwrap();
    let ran = wayline(&["export", &starter, "--out", csv.to_str().unwrap()]);
    assert_eq!(ran.status, ExitStatus::Success, "{}", ran.stderr);
    assert!(!dir.path().join("map.csv.bak").exists());
}

/// No command replaces a read-only file, not even with `--force`.
#[cfg(unix)]
#[test]
fn read_only_files_are_never_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mmd = dir.path().join("parts.mmd");
    std::fs::write(&mmd, JOURNEY).unwrap();
    let study = dir.path().join("locked.journey.ron");
    let poster = dir.path().join("locked.svg");
    for (path, text) in [(&study, "(format_version: 1)"), (&poster, "<svg/>")] {
        std::fs::write(path, text).unwrap();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    let (study_text, poster_text) = (study.to_str().unwrap(), poster.to_str().unwrap());
    let starter = example("starter");
    let mmd_text = mmd.to_str().unwrap();
    for args in [
        vec!["new", "--force", "--out", study_text],
        vec!["import", mmd_text, "--force", "--out", study_text],
        vec!["export", &starter, "--force", "--out", poster_text],
        vec!["export", &starter, "--out", poster_text],
    ] {
        let ran = wayline(&args);
        assert_eq!(ran.status, ExitStatus::Failure, "{args:?}");
        assert_eq!(ran.stderr.lines().count(), 1, "{args:?}: {}", ran.stderr);
        assert!(ran.stderr.contains("read-only"), "{args:?}: {}", ran.stderr);
    }
    assert_eq!(std::fs::read_to_string(&study).unwrap(), "(format_version: 1)");
    assert_eq!(std::fs::read_to_string(&poster).unwrap(), "<svg/>");
    assert_eq!(names(dir.path()), ["locked.journey.ron", "locked.svg", "parts.mmd"]);
}

/// A study whose names hold escape sequences cannot drive the terminal: text output shows them
/// escaped, JSON output stays valid JSON without raw control characters.
#[test]
fn check_shows_control_characters_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile\u{1b}[2J.journey.ron");
    let mut study = wayline::templates::find("starter").unwrap().study().unwrap();
    study.meta.title = "Title\u{1b}]52;c;cm0gLXJmIH4=\u{7}".to_owned();
    study.maps[0].title = "Map\u{9b}31m\u{202e}".to_owned();
    study.owners[0].name = "Owner\r\nerror: fake".to_owned();
    study.owners[1].name = study.owners[0].name.clone(); // a warning quoting the name
    study.owners[1].parent = Some(wayline::model::OwnerId(999)); // an error
    wayline::io::save_study(&study, &path).unwrap();
    let raw = |text: &str| text.chars().any(|c| c.is_control() && c != '\n' || c == '\u{202e}');

    let ran = wayline(&["check", path.to_str().unwrap()]);
    assert_eq!(ran.status, ExitStatus::Failure);
    assert!(!raw(&ran.stdout) && !raw(&ran.stderr), "{:?} {:?}", ran.stdout, ran.stderr);
    assert!(ran.stdout.contains("Title\\u{1b}]52;c;cm0gLXJmIH4=\\u{7}"), "{}", ran.stdout);
    assert!(ran.stdout.contains("Map\\u{9b}31m\\u{202e}"), "{}", ran.stdout);
    assert!(ran.stdout.contains("hostile\\u{1b}[2J.journey.ron"), "{}", ran.stdout);
    assert!(!ran.stdout.lines().any(|line| line.starts_with("error: fake")), "{}", ran.stdout);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);

    let ran = wayline(&["check", "--json", path.to_str().unwrap()]);
    assert!(!raw(&ran.stdout) && !raw(&ran.stderr), "{:?}", ran.stdout);
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(json["title"], study.meta.title.as_str());
    assert_eq!(json["maps"][0]["title"], study.maps[0].title.as_str());
}

/// Names and paths in error messages, and arguments quoted by usage errors, are escaped too.
#[test]
fn error_messages_escape_what_they_quote() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone\u{1b}]0;pwned\u{7}.journey.ron");
    let broken = dir.path().join("broken\u{1b}[1m.mmd");
    std::fs::write(&broken, "journey\nsection S\nA task\u{1b}[31m without a score\n").unwrap();
    let out = dir.path().join("x.svg");
    for args in [
        vec!["check", missing.to_str().unwrap()],
        vec!["check", "--json", missing.to_str().unwrap()],
        vec!["export", broken.to_str().unwrap(), "--out", out.to_str().unwrap()],
        vec!["import", broken.to_str().unwrap(), "--out", "y\u{1b}[1m.journey.ron"],
        vec!["export", missing.to_str().unwrap(), "--out", "poster\u{1b}[1m.pdf"],
        vec!["new", "--template", "starter\u{1b}[1m", "--out", "z.journey.ron"],
        vec!["check", "--\u{1b}[1mflag\u{202e}\u{9b}"],
    ] {
        let ran = wayline(&args);
        assert_ne!(ran.status, ExitStatus::Success, "{args:?}");
        assert!(!ran.stderr.is_empty(), "{args:?}");
        let raw = ran.stderr.chars().any(|c| c.is_control() && c != '\n');
        assert!(!raw, "{args:?}: {:?}", ran.stderr);
        assert!(ran.stderr.contains("\\u{"), "{args:?}: {}", ran.stderr);
    }
}

/// An output stream whose reader has gone: every write fails.
struct Closed;
impl std::io::Write for Closed {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed"))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whatever makes `check` fail, it says so on stderr.
#[test]
fn check_failing_always_says_why_on_stderr() {
    for args in [
        vec!["check".to_owned(), fixture("error-owner-parent-cycle.journey.ron")],
        vec!["check".to_owned(), "--json".to_owned(), fixture("error-owner-parent-cycle.journey.ron")],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let ran = wayline(&args);
        assert_eq!(ran.status, ExitStatus::Failure);
        assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
        assert!(ran.stderr.contains("is invalid: 2 errors"), "{}", ran.stderr);
    }
    // Output that cannot be written (a closed pipe) fails the check, and says so.
    let mut err = Vec::new();
    let outcome = run(["wayline", "check", &example("starter")], &mut Closed, &mut err);
    assert_eq!(outcome, Outcome::Done(ExitStatus::Failure));
    let err = String::from_utf8(err).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("cannot write"), "{err}");
}
