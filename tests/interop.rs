//! Mermaid and CSV through the command line, round trips, and hostile input.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::cli::{example, wayline};
use proptest::prelude::*;
use std::fmt::Write as _;
use std::path::Path;
use wayline::cli::ExitStatus;
use wayline::interop::{SourceFormat, mermaid, read, table};
use wayline::model::Study;

const JOURNEY: &str = "journey\n  title Ordering spare parts\n  section Find\n    Searches the catalogue: 3: Buyer\n    Calls the hotline: 1: Buyer, Support desk\n  section Order\n    Places the order: 4: Buyer\n    Gets the confirmation: 9: Buyer\n";

#[test]
fn import_check_and_export_mermaid_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let mmd = dir.path().join("parts.mmd");
    std::fs::write(&mmd, JOURNEY).unwrap();
    let study = dir.path().join("parts.journey.ron");

    let ran = wayline(&["import", mmd.to_str().unwrap(), "--out", study.to_str().unwrap()]);
    assert_eq!(ran.status, ExitStatus::Success, "{}", ran.stderr);
    assert!(ran.stderr.contains("parts.mmd:8:") && ran.stderr.contains("outside 1 to 5"), "{}", ran.stderr);
    let loaded = wayline::io::load_study(&study).unwrap();
    assert_eq!(loaded.meta.title, "Ordering spare parts");
    assert_eq!(loaded.owners.len(), 2);

    let ran = wayline(&["check", "--json", mmd.to_str().unwrap()]);
    assert_eq!(ran.status, ExitStatus::Success);
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(json["maps"][0]["touchpoints"], 4);
    assert_eq!(json["problems"][0]["location"], format!("{}:8", mmd.display()));

    let png = dir.path().join("parts.png");
    let ran = wayline(&["export", mmd.to_str().unwrap(), "--out", png.to_str().unwrap(), "--dpi", "30"]);
    assert_eq!(ran.status, ExitStatus::Success, "{}", ran.stderr);
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}

#[test]
fn export_to_mermaid_and_csv_and_read_them_back() {
    let dir = tempfile::tempdir().unwrap();
    for (name, format) in [("map.mmd", SourceFormat::Mermaid), ("map.csv", SourceFormat::Csv)] {
        let out = dir.path().join(name);
        let ran = wayline(&["export", &example("saas"), "--map", "2", "--out", out.to_str().unwrap()]);
        assert_eq!(ran.status, ExitStatus::Success, "{}", ran.stderr);
        let back = read(&std::fs::read(&out).unwrap(), format, &out).unwrap();
        let original = wayline::templates::find("saas").unwrap().study().unwrap();
        let titles = |s: &Study, i: usize| s.maps[i].cards().map(|c| c.title.clone()).collect::<Vec<_>>();
        assert_eq!(titles(&back.study, 0), titles(&original, 1), "{name}");
    }
    let ran = wayline(&["export", &example("saas"), "--out", "x.txt"]);
    assert_eq!(ran.status, ExitStatus::Usage);
    let ran = wayline(&[
        "export",
        &example("saas"),
        "--out",
        dir.path().join("x.txt").to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(ran.status, ExitStatus::Success, "{}", ran.stderr);
}

#[test]
fn bad_input_gets_a_clear_error_and_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.journey.ron");
    let cases: [(&str, &[u8], &str); 6] = [
        ("empty.mmd", b"", "empty"),
        ("flowchart.mmd", b"graph TD\nA-->B\n", "expected `journey`"),
        ("nocolon.mmd", b"journey\nsection S\nA task without a score\n", ":3:"),
        ("binary.mmd", b"\x00\xff\xfe\x01junk", "UTF-8"),
        ("rows.csv", b"stage,card,importance internal\nA,B,99\n", "row 2"),
        ("noheader.csv", b"just,some,values\n1,2,3\n", "`stage` and a `card`"),
    ];
    for (name, bytes, expected) in cases {
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        let ran = wayline(&["import", input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert_eq!(ran.status, ExitStatus::Failure, "{name}");
        assert!(ran.stderr.contains(expected), "{name}: {}", ran.stderr);
        assert_eq!(ran.stderr.lines().count(), 1, "{name}: one message");
        assert!(!out.exists(), "{name}: no study written");
    }
    let ran = wayline(&["import", &example("starter"), "--out", out.to_str().unwrap()]);
    assert_eq!(ran.status, ExitStatus::Usage);
}

#[test]
fn a_large_journey_imports() {
    let mut text = String::from("journey\ntitle Big\n");
    for section in 0..50 {
        let _ = writeln!(text, "section Stage {section}");
        for task in 0..100 {
            let _ = writeln!(text, "  Task {section}-{task}: {}: Actor {}", task % 5 + 1, task % 7);
        }
    }
    let imported = read(text.as_bytes(), SourceFormat::Mermaid, Path::new("big.mmd")).unwrap();
    assert_eq!(imported.study.maps[0].card_count(), 5000);
    assert_eq!(imported.study.owners.len(), 7);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_the_mermaid_importer(text in "(journey\n)?(.|\n){0,400}") {
        let _ = read(text.as_bytes(), SourceFormat::Mermaid, Path::new("x.mmd"));
    }

    #[test]
    fn journey_shaped_text_never_panics(
        lines in prop::collection::vec(prop_oneof![
            Just("journey".to_owned()),
            "title [^\n]{0,20}",
            "section [^\n]{0,20}",
            "[^\n:]{0,15}: ?[0-9a-z.+-]{0,4}(: ?[^\n]{0,20})?",
            "accDescr \\{[^}]{0,30}\\}?",
            "accTitle: [^\n]{0,10}",
            "%%[^\n]{0,10}",
            "---",
            "[ \t]{0,4}",
        ], 0..30)
    ) {
        let text = lines.join("\n");
        if let Ok(imported) = read(text.as_bytes(), SourceFormat::Mermaid, Path::new("x.mmd")) {
            let _ = wayline::model::validate(&imported.study);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_csv_importer(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = read(&bytes, SourceFormat::Csv, Path::new("x.csv"));
    }

    #[test]
    fn any_map_survives_csv(mut study in common::study()) {
        // A metric is written `name: value unit (target …)`: names and units are kept to
        // words, which is what the format can carry.
        for map in &mut study.maps {
            for card in map.stages.iter_mut().flat_map(|s| s.cards.iter_mut()) {
                for metric in &mut card.metrics {
                    metric.name = metric.name.chars().filter(|c| c.is_alphanumeric()).collect::<String>() + "x";
                    metric.unit = metric.unit.chars().filter(|c| c.is_alphabetic()).collect();
                    metric.value = metric.value.filter(|v| v.is_finite());
                    metric.target = metric.target.filter(|v| v.is_finite());
                }
            }
        }
        for map in &study.maps {
            let text = table::from_map(&study, map).unwrap();
            let back = table::to_study(text.as_bytes(), "t");
            // Values off their scales are refused on the way in, and that is the only refusal.
            let in_range = map.cards().all(|c| {
                let s = |v: Option<f32>, lo: f32, hi: f32| v.is_none_or(|v| (lo..=hi).contains(&v));
                s(c.importance.internal, 1.0, 10.0) && s(c.importance.customer, 1.0, 10.0)
                    && s(c.performance.internal, 1.0, 10.0) && s(c.performance.customer, 1.0, 10.0)
                    && s(c.emotion.elicited, -2.0, 2.0) && s(c.emotion.desired, -2.0, 2.0)
            });
            if in_range && map.cards().all(|c| !c.title.trim().is_empty() && c.duration.is_none_or(|d| d.amount.is_finite() && d.amount >= 0.0)) {
                let (back, _) = back.map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
                prop_assert_eq!(back.maps[0].card_count(), map.card_count());
            }
        }
    }

    #[test]
    fn any_map_survives_mermaid_as_cards_and_stages(study in common::study()) {
        for map in &study.maps {
            let text = mermaid::from_map(&study, map);
            let journey = mermaid::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            prop_assert_eq!(journey.tasks.len(), map.card_count());
            prop_assert_eq!(journey.sections.len(), map.stages.len());
        }
    }
}

#[test]
fn mermaid_in_utf16_or_windows_1252_is_read() {
    let text = "journey\ntitle Café ☕\nsection Décision\n  Signe: 4: Équipe\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let imported = read(&utf16, SourceFormat::Mermaid, Path::new("utf16.mmd")).unwrap();
    assert_eq!(imported.study.maps[0].title, "Café ☕");
    let latin: Vec<u8> = "journey\ntitle Caf\u{e9}\nsection D\u{e9}cision\n  Signe: 4: Me\n"
        .chars()
        .map(|c| c as u8)
        .collect();
    let imported = read(&latin, SourceFormat::Mermaid, Path::new("latin.mmd")).unwrap();
    assert_eq!(imported.study.maps[0].stages[0].name, "Décision");
    assert_eq!(imported.warnings.len(), 1, "the encoding is reported");
}
