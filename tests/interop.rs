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
    let cases: [(&str, &[u8], &str); 9] = [
        ("empty.mmd", b"", "empty"),
        ("flowchart.mmd", b"graph TD\nA-->B\n", "expected `journey`"),
        ("nocolon.mmd", b"journey\nsection S\nA task without a score\n", ":3:"),
        ("binary.mmd", b"\x00\xff\xfe\x01junk", "UTF-8"),
        ("rows.csv", b"stage,card,importance internal\nA,B,99\n", "row 2"),
        ("noheader.csv", b"just,some,values\n1,2,3\n", "`stage` and a `card`"),
        (
            "unclosed.csv",
            b"stage,card\nA,B\nA,\"C\nD,E\n",
            "row 3: a quote opens a cell here and is never closed",
        ),
        ("twice.csv", b"stage,card,Stage\nA,B,C\n", "row 1: columns 1 and 3 are both `stage`"),
        (
            "nan.csv",
            b"stage,card,emotion elicited\nA,B,NaN\n",
            "row 2: emotion elicited `NaN` is not a finite number",
        ),
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

// ---------------------------------------------------------------------------------------------
// Hostile text, both ways.

/// Pieces that break naive CSV and Mermaid writers: formula starts, quotes of every kind,
/// separators, line breaks, control characters, the guard character, keywords.
const HOSTILE: [&str; 44] = [
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "'",
    "''",
    "\"",
    "\"\"",
    "“",
    "”",
    "‘",
    "’",
    "−",
    ",",
    ";",
    "\\",
    " ",
    "  ",
    "\u{0}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{200b}",
    "\u{feff}",
    "\u{2028}",
    ":",
    "#",
    "%%",
    "%",
    "%%{init}%%",
    "<br>",
    "<BR />",
    "journey",
    "title ",
    "section ",
    "accTitle:",
    "-1.5",
    "inf",
    "NaN",
    "Kick-off é 😀",
];

fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(HOSTILE.to_vec()), 0..8).prop_map(|p| p.concat()),
        1 => any::<String>(),
        1 => prop::collection::vec(any::<char>(), 0..6).prop_map(|c| c.into_iter().collect()),
    ]
}

/// A study with one map whose texts and owner names are hostile: `stages` names, one to three
/// cards a stage, owners picked from `owners`.
fn hostile_study() -> impl Strategy<Value = Study> {
    use wayline::model::{Card, Emotion, JourneyMap, Owner, OwnerId, Stage, ViewScores};
    let card = (
        (hostile(), hostile(), hostile(), hostile()),
        prop::collection::vec(1u32..=6, 0..4),
        prop::option::of(1u32..=6),
        (prop::option::of(-20i8..=20), prop::option::of(10u8..=100)),
    );
    let stage = (hostile(), prop::collection::vec(card, 1..4));
    (hostile(), prop::collection::vec(hostile(), 6), prop::collection::vec(stage, 1..5)).prop_map(
        |(title, owner_names, stages)| {
            let owners: Vec<Owner> = owner_names
                .into_iter()
                .zip(1u32..)
                .map(|(name, id)| Owner { id: OwnerId(id), name, ..Owner::default() })
                .collect();
            let mut card_id = 0;
            let stages = stages
                .into_iter()
                .zip(1u32..)
                .map(|((name, cards), id)| Stage {
                    id: wayline::model::StageId(id),
                    name,
                    cards: cards
                        .into_iter()
                        .map(
                            |(
                                (title, description, channel, notes),
                                picked,
                                accountable,
                                (felt, importance),
                            )| {
                                card_id += 1;
                                Card {
                                    id: wayline::model::CardId(card_id),
                                    title,
                                    description,
                                    channel,
                                    notes,
                                    owners: picked.into_iter().map(OwnerId).collect(),
                                    accountable: accountable.map(OwnerId),
                                    emotion: Emotion {
                                        elicited: felt.map(|f| f32::from(f) / 10.0),
                                        desired: None,
                                    },
                                    importance: ViewScores {
                                        internal: importance.map(|i| f32::from(i) / 10.0),
                                        customer: None,
                                    },
                                    ..Card::default()
                                }
                            },
                        )
                        .collect(),
                    ..Stage::default()
                })
                .collect();
            Study {
                owners,
                maps: vec![JourneyMap {
                    id: wayline::model::MapId(1),
                    title,
                    stages,
                    ..JourneyMap::default()
                }],
                ..Study::default()
            }
        },
    )
}

/// The owner names of `ids` in `study`, in order.
fn owner_names(study: &Study, ids: &[wayline::model::OwnerId]) -> Vec<String> {
    ids.iter().map(|id| study.owner(*id).unwrap().name.clone()).collect()
}

/// Whether a spreadsheet would run `cell` as a formula: it starts with a formula character and
/// is not a plain number.
fn runs_as_formula(cell: &str) -> bool {
    let number = cell.strip_prefix('-').is_some_and(|n| {
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
    }) && cell.parse::<f64>().is_ok();
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number
}

/// What the Mermaid export promises to bring back of a text, as its module documents it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Title,
    Name,
    Actor,
}

fn carried(text: &str, place: Place) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = text
        .chars()
        .filter(|c| (*c == '\n' || *c == '\t' || !c.is_control()) && *c != '\u{200b}')
        .map(|c| match c {
            ':' if place != Place::Title => '∶',
            ',' if place == Place::Actor => '‚',
            '#' => '＃',
            ';' => '；',
            c => c,
        })
        .collect();
    let lines: Vec<&str> = kept.split('\n').map(str::trim).collect();
    match place {
        Place::Name => lines.join("\n").trim().to_owned(),
        Place::Title | Place::Actor => {
            lines.into_iter().filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn hostile_texts_and_owner_names_survive_csv_exactly(mut study in hostile_study()) {
        // What a CSV cannot tell apart, by design: a card needs a title; stages are matched by
        // name; owners are known only by name, ignoring capitals, and an empty name is none.
        let mut seen = std::collections::HashSet::new();
        for owner in &mut study.owners {
            if owner.name.is_empty() {
                owner.name.push('o');
            }
            while !seen.insert(owner.name.to_ascii_lowercase()) {
                owner.name.push('o');
            }
        }
        let mut stage_names = std::collections::HashSet::new();
        for (i, stage) in study.maps[0].stages.iter_mut().enumerate() {
            if !stage_names.insert(stage.name.clone()) {
                stage.name = format!("{}{i}", stage.name);
                stage_names.insert(stage.name.clone());
            }
            for card in &mut stage.cards {
                if card.title.trim().is_empty() {
                    card.title.push('t');
                }
            }
        }
        let map = &study.maps[0];
        let text = table::from_map(&study, map).unwrap();

        // Safe to open: no cell, as a spreadsheet reads it, would run as a formula.
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in &record.unwrap() {
                prop_assert!(!runs_as_formula(cell), "{cell:?} in\n{text}");
            }
        }

        let (back, _) = table::to_study(text.as_bytes(), "t").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let imported = &back.maps[0];
        let names: Vec<&str> = imported.stages.iter().map(|s| s.name.as_str()).collect();
        let expected: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
        prop_assert_eq!(names, expected);
        prop_assert_eq!(imported.card_count(), map.card_count());
        for (a, b) in map.cards().zip(imported.cards()) {
            prop_assert_eq!(&a.title, &b.title);
            prop_assert_eq!(&a.description, &b.description);
            prop_assert_eq!(&a.channel, &b.channel);
            prop_assert_eq!(&a.notes, &b.notes);
            prop_assert_eq!(a.emotion, b.emotion);
            prop_assert_eq!(a.importance, b.importance);
            let mut owners = Vec::new();
            for id in &a.owners {
                if !owners.contains(id) {
                    owners.push(*id);
                }
            }
            if let Some(accountable) = a.accountable.filter(|a| !owners.contains(a)) {
                owners.insert(0, accountable);
            }
            let accountable = a.accountable.or_else(|| owners.first().copied());
            prop_assert_eq!(owner_names(&study, &owners), owner_names(&back, &b.owners));
            prop_assert_eq!(
                owner_names(&study, &accountable.into_iter().collect::<Vec<_>>()),
                owner_names(&back, &b.accountable.into_iter().collect::<Vec<_>>())
            );
        }
    }

    #[test]
    fn hostile_texts_survive_mermaid_as_promised(study in hostile_study()) {
        let map = &study.maps[0];
        let text = mermaid::from_map(&study, map);
        prop_assert!(text.chars().all(|c| c == '\n' || c == '\t' || !c.is_control()), "{:?}", text);
        let imported = read(text.as_bytes(), SourceFormat::Mermaid, Path::new("fallback.mmd"))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text:?}")))?;
        let back = &imported.study;
        let title = carried(&map.title, Place::Title);
        prop_assert_eq!(&back.maps[0].title, if title.is_empty() { "fallback" } else { &title });
        let names: Vec<String> = back.maps[0].stages.iter().map(|s| s.name.clone()).collect();
        let expected: Vec<String> = map
            .stages
            .iter()
            .map(|s| carried(&s.name, Place::Name))
            .map(|n| if n.is_empty() { "Untitled stage".to_owned() } else { n })
            .collect();
        prop_assert_eq!(names, expected, "{:?}", text);
        prop_assert_eq!(back.maps[0].card_count(), map.card_count());
        for (a, b) in map.cards().zip(back.maps[0].cards()) {
            let title = carried(&a.title, Place::Name);
            prop_assert_eq!(&b.title, if title.is_empty() { "Untitled" } else { &title }, "{:?}", text);
            let mut actors: Vec<String> = Vec::new();
            for id in a.accountable.iter().chain(a.owners.iter().filter(|o| Some(**o) != a.accountable)) {
                let name = carried(&study.owner(*id).unwrap().name, Place::Actor);
                if !name.is_empty() && !actors.contains(&name) {
                    actors.push(name);
                }
            }
            prop_assert_eq!(owner_names(back, &b.owners), actors, "{:?}", text);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Spreadsheets: safe out, honest in.

fn csv_error(text: &str) -> Vec<(usize, String)> {
    table::to_study(text.as_bytes(), "t").unwrap_err().problems
}

#[test]
fn formulas_are_written_as_text_and_numbers_as_numbers() {
    let mut study = wayline::templates::find("starter").unwrap().study().unwrap();
    let card = &mut study.maps[0].stages[0].cards[0];
    card.title = "=HYPERLINK(\"http://evil\",\"click\")".to_owned();
    card.description = "'=already quoted".to_owned();
    card.channel = "@mention".to_owned();
    card.notes = "-just a dash list".to_owned();
    card.emotion.elicited = Some(-1.5);
    card.importance.internal = Some(7.5);
    study.owners[0].name = "+44 Sales".to_owned();
    let text = table::from_map(&study, &study.maps[0]).unwrap();
    let row = text.lines().nth(1).unwrap();
    assert!(row.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""), "{row}");
    assert!(row.contains("\"''=already quoted\""), "{row}");
    assert!(row.contains("\"'@mention\""), "{row}");
    assert!(row.contains("\"'-just a dash list\""), "{row}");
    assert!(row.contains("\"'+44 Sales\""), "{row}");
    assert!(row.contains(",7.5,") && row.contains(",-1.5,"), "numbers stay plain: {row}");

    let (back, _) = table::to_study(text.as_bytes(), "t").unwrap();
    let card = &back.maps[0].stages[0].cards[0];
    assert_eq!(card.title, "=HYPERLINK(\"http://evil\",\"click\")");
    assert_eq!(card.description, "'=already quoted");
    assert_eq!(card.channel, "@mention");
    assert_eq!(card.notes, "-just a dash list");
    assert_eq!(card.emotion.elicited, Some(-1.5));
    assert_eq!(back.owner(card.owners[0]).unwrap().name, "+44 Sales");
}

#[test]
fn an_unclosed_quote_is_an_error_naming_its_row() {
    let problems = csv_error("stage,card\nA,One\nA,\"Two\nB,Three\nB,Four\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, 3);
    assert!(problems[0].1.contains("never closed"), "{problems:?}");

    // A later quote closing it shows as text after a closing quote, on the row it opened.
    let problems = csv_error("stage,card\nA,\"One\nB,\"Two\"\nC,Three\n");
    assert_eq!(problems[0].0, 2, "{problems:?}");
    assert!(problems[0].1.contains("after its closing quote"), "{problems:?}");
}

#[test]
fn a_column_named_twice_is_an_error() {
    let problems = csv_error("Stage,Card,card_\nA,One,Two\n");
    assert_eq!(
        problems,
        [(1, "columns 2 and 3 are both `card`; keep one of them so no value is lost".to_owned())]
    );
}

#[test]
fn infinite_and_not_a_number_values_are_errors_naming_their_rows() {
    let text = "stage,card,importance internal,emotion elicited,metrics,duration\n\
                A,One,inf,,,\n\
                A,Two,,−Infinity,,\n\
                A,Three,NaN,,,\n\
                A,Four,,,Cost: 1e999 EUR,\n\
                A,Five,,,,1e99 d\n\
                A,Six,5,−1,Cost: −3 %,2 d\n";
    let problems = csv_error(text);
    let rows: Vec<usize> = problems.iter().map(|(row, _)| *row).collect();
    assert_eq!(rows, [2, 3, 4, 5, 6], "{problems:?}");
    assert!(problems.iter().take(4).all(|(_, m)| m.contains("not a finite number")), "{problems:?}");
}

#[test]
fn the_unicode_minus_and_typographic_quotes_are_read() {
    let text = "stage;card;owners;emotion elicited;importance internal;metrics\n\
                “Find; compare”;‘Kick-off’;“Sales, EMEA”;−1,5;“7”;Cost: −3 % (target −5 %, lower is better)\n\
                ‘Tis the season’s end;Day’s end;Me;‘−2’;'8;\n";
    let (study, warnings) = table::to_study(text.as_bytes(), "t").unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let stages = &study.maps[0].stages;
    assert_eq!(stages[0].name, "Find; compare");
    assert_eq!(stages[1].name, "‘Tis the season’s end");
    let first = &stages[0].cards[0];
    assert_eq!(first.title, "Kick-off");
    assert_eq!(study.owner(first.owners[0]).unwrap().name, "Sales, EMEA");
    assert_eq!(first.emotion.elicited, Some(-1.5));
    assert_eq!(first.importance.internal, Some(7.0));
    assert_eq!((first.metrics[0].value, first.metrics[0].target), (Some(-3.0), Some(-5.0)));
    let second = &stages[1].cards[0];
    assert_eq!(second.title, "Day’s end");
    assert_eq!((second.emotion.elicited, second.importance.internal), (Some(-2.0), Some(8.0)));
}

#[test]
fn rows_are_numbered_as_a_spreadsheet_shows_them() {
    let text = "stage,card,importance internal\n\nA,\"One\nstill one\",5\nA,Two,eleven\n";
    assert_eq!(csv_error(text)[0].0, 4);
}

#[test]
fn owner_names_in_other_capitals_are_one_owner_with_a_warning() {
    let text = "stage,card,owners\nA,One,Sales\nA,Two,SALES; sales\nA,Three,SALES\n";
    let (study, warnings) = table::to_study(text.as_bytes(), "t").unwrap();
    assert_eq!(study.owners.len(), 1);
    let lines: Vec<usize> = warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [3, 3], "each spelling once: {warnings:?}");
}

// ---------------------------------------------------------------------------------------------
// Length limits.

#[test]
fn overlong_csv_texts_are_cut_with_a_warning_naming_the_row() {
    use wayline::interop::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
    let title = "é".repeat(MAX_NAME_CHARS + 5);
    let description = "ü".repeat(MAX_TEXT_CHARS + 1);
    let owner = "O".repeat(MAX_NAME_CHARS * 2);
    let text = format!("stage,card,description,owners\nA,Short,,\nA,{title},{description},{owner}\n");
    let (study, warnings) = table::to_study(text.as_bytes(), "t").unwrap();
    let card = &study.maps[0].stages[0].cards[1];
    assert_eq!(card.title.chars().count(), MAX_NAME_CHARS);
    assert_eq!(card.description.chars().count(), MAX_TEXT_CHARS);
    assert_eq!(study.owners[0].name.len(), MAX_NAME_CHARS);
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(warnings.iter().all(|w| w.line == 3), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.message.contains("10,005 characters")), "{warnings:?}");
}

#[test]
fn overlong_mermaid_texts_are_cut_with_a_warning_naming_the_line() {
    use wayline::interop::MAX_NAME_CHARS;
    let long = "ß".repeat(MAX_NAME_CHARS + 1);
    let text = format!("journey\ntitle {long}\nsection {long}\n  {long}: 3: {long}\n  Short: 4: Me\n");
    let imported = read(text.as_bytes(), SourceFormat::Mermaid, Path::new("x.mmd")).unwrap();
    let map = &imported.study.maps[0];
    assert_eq!(map.title.chars().count(), MAX_NAME_CHARS);
    assert_eq!(map.stages[0].name.chars().count(), MAX_NAME_CHARS);
    assert_eq!(map.stages[0].cards[0].title.chars().count(), MAX_NAME_CHARS);
    assert_eq!(imported.study.owners[0].name.chars().count(), MAX_NAME_CHARS);
    let lines: Vec<usize> = imported.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [2, 3, 4, 4], "{:?}", imported.warnings);
}

// ---------------------------------------------------------------------------------------------
// Big inputs: correctness at sizes where a quadratic import would crawl. Their speed is
// measured on release builds, not asserted here.

#[test]
fn a_journey_with_a_distinct_actor_per_task_imports() {
    let tasks = 20_000;
    let mut text = String::from("journey\ntitle Many actors\nsection Only\n");
    for task in 0..tasks {
        let _ = writeln!(text, "  Task {task}: 3: Actor {task}, Shared");
    }
    let imported = read(text.as_bytes(), SourceFormat::Mermaid, Path::new("big.mmd")).unwrap();
    assert_eq!(imported.study.maps[0].card_count(), tasks);
    assert_eq!(imported.study.owners.len(), tasks + 1);
    // The first owners take the distinct colours in their order.
    let mut colours = wayline::model::DistinctColours::new([]);
    for owner in imported.study.owners.iter().take(20) {
        assert_eq!(owner.colour, colours.next_colour(), "{}", owner.name);
    }
}

#[test]
fn a_one_megabyte_mermaid_line_imports() {
    // A task with a megabyte of actors, and one whose name is a megabyte of tagged lines.
    let actors: Vec<String> = (0..150_000).map(|i| format!("A{i}")).collect();
    let actors = actors.join(", ");
    let name = "line<br>".repeat(130_000);
    assert!(actors.len() > 1_000_000 && name.len() > 1_000_000);
    let text = format!("journey\nsection S\n  Crowded: 4: {actors}\n  {name}: 2\n");
    let imported = read(text.as_bytes(), SourceFormat::Mermaid, Path::new("wide.mmd")).unwrap();
    let cards: Vec<_> = imported.study.maps[0].cards().collect();
    assert_eq!(cards[0].owners.len(), 150_000);
    assert_eq!(cards[1].title.chars().count(), wayline::interop::MAX_NAME_CHARS);
    assert!(cards[1].title.starts_with("line\nline\n"));
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    assert_eq!(imported.warnings[0].line, 4);
}

#[test]
fn a_spreadsheet_with_a_stage_per_row_imports() {
    let rows = 20_000;
    let mut text = String::from("stage,card,owners,importance internal\n");
    for row in 0..rows {
        let _ = writeln!(text, "Stage {row},Card {row},Owner {row}; Team {},{}", row % 10, row % 10 + 1);
    }
    let (study, warnings) = table::to_study(text.as_bytes(), "t").unwrap();
    assert!(warnings.is_empty());
    assert_eq!(study.maps[0].stages.len(), rows);
    assert_eq!(study.owners.len(), rows + 10);
    let last = &study.maps[0].stages[rows - 1];
    assert_eq!((last.name.as_str(), last.cards[0].title.as_str()), ("Stage 19999", "Card 19999"));
}
