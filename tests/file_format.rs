//! Loading and saving study files: errors with positions, versions, migration, atomic saves.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

use wayline::io::{LoadError, load_study, parse_study, parse_study_bytes, save_study, to_ron_string};
use wayline::model::{FORMAT_VERSION, MapKind, Meta, Study};

const MINIMAL: &str = r#"(format_version: 1, meta: (title: "Minimal"))"#;

fn syntax_error(text: &str) -> (usize, usize, String) {
    match parse_study(text, "broken.journey.ron") {
        Err(LoadError::Syntax { path, line, column, message }) => {
            assert_eq!(path, "broken.journey.ron");
            (line, column, message)
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn syntax_error_names_file_line_column_and_what_was_expected() {
    let text = "(\n    format_version: 1,\n    meta: (title: \"Broken\"\n    owners: [],\n)\n";
    let error = parse_study(text, "broken.journey.ron").unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with("broken.journey.ron:4:5: "), "{message}");
    assert!(message.contains("xpected"), "{message}");
}

#[test]
fn unknown_field_is_an_error_at_its_line() {
    let (line, _, message) = syntax_error("(\n  format_version: 1,\n  meta: (titel: \"typo\"),\n)");
    assert_eq!(line, 3);
    assert!(message.contains("titel"), "{message}");
}

#[test]
fn unknown_enum_value_lists_the_allowed_ones() {
    let text = "(format_version: 1, maps: [(id: 1, title: \"M\", kind: Typcial, stages: [])])";
    let (line, _, message) = syntax_error(text);
    assert_eq!(line, 1);
    assert!(message.contains("Typcial") && message.contains("Tactical"), "{message}");
}

#[test]
fn invalid_colour_and_date_are_errors_with_position() {
    let (_, _, message) =
        syntax_error("(format_version: 1, owners: [(id: 1, name: \"Sales\", colour: \"red\")])");
    assert!(message.contains("#RRGGBB"), "{message}");
    let (_, _, message) = syntax_error("(format_version: 1, meta: (created: \"2026-02-30\"))");
    assert!(message.contains("YYYY-MM-DD"), "{message}");
}

#[test]
fn newer_format_is_refused_naming_both_versions() {
    let text = format!("(format_version: {}, meta: (title: \"Future\"))", FORMAT_VERSION + 1);
    let error = parse_study(&text, "future.journey.ron").unwrap_err();
    assert!(matches!(error, LoadError::TooNew { found, supported, .. }
        if found == FORMAT_VERSION + 1 && supported == FORMAT_VERSION));
    let message = error.to_string();
    assert!(message.contains(&format!("version {}", FORMAT_VERSION + 1)), "{message}");
    assert!(message.contains(&format!("version {FORMAT_VERSION}")), "{message}");
}

#[test]
fn newer_format_is_refused_even_with_fields_this_version_does_not_know() {
    let text = format!("(format_version: {}, hologram: (depth: 3))", FORMAT_VERSION + 5);
    assert!(matches!(parse_study(&text, "f").unwrap_err(), LoadError::TooNew { .. }));
}

#[test]
fn version_zero_gets_ids_assigned_and_keeps_the_ones_it_has() {
    let text = r#"(
        meta: (title: "Written by a script"),
        owners: [(name: "Sales"), (id: 7, name: "Support")],
        maps: [(title: "Journey", stages: [
            (name: "Decision", cards: [(id: 3, title: "Demo"), (title: "Proposal")]),
            (name: "Onboarding", cards: [(title: "Kick-off")]),
        ], links: [(from: 3, to: 3)])],
    )"#;
    let study = parse_study(text, "script.journey.ron").unwrap();
    assert_eq!(study.format_version, FORMAT_VERSION);
    let owner_ids: Vec<u32> = study.owners.iter().map(|o| o.id.0).collect();
    assert_eq!(owner_ids, [8, 7]);
    let card_ids: Vec<u32> = study.maps[0].cards().map(|c| c.id.0).collect();
    assert_eq!(card_ids, [3, 4, 5]);
    assert_eq!(study.maps[0].id.0, 1);
    assert_eq!(study.maps[0].links[0].id.0, 1);
    let stage_ids: Vec<u32> = study.maps[0].stages.iter().map(|s| s.id.0).collect();
    assert_eq!(stage_ids, [1, 2]);
    let saved = to_ron_string(&study).unwrap();
    assert!(saved.contains(&format!("format_version: {FORMAT_VERSION},")));
}

#[test]
fn missing_fields_get_defaults() {
    let study = parse_study(MINIMAL, "minimal").unwrap();
    assert_eq!(study.meta.title, "Minimal");
    assert_eq!(study.meta.review_interval_months, Meta::DEFAULT_REVIEW_INTERVAL_MONTHS);
    assert!(study.maps.is_empty() && study.owners.is_empty());
    let study = parse_study(
        "(format_version: 1, maps: [(id: 1, title: \"M\", stages: [(id: 1, name: \"S\", cards: [(id: 1)])])])",
        "m",
    )
    .unwrap();
    assert_eq!(study.maps[0].kind, MapKind::Typical);
    assert_eq!(study.maps[0].stages[0].cards[0].title, "");
}

#[test]
fn optional_values_may_be_written_bare_or_with_some() {
    let bare = "(format_version: 1, maps: [(id: 1, title: \"M\", persona: 2, stages: [])])";
    let wrapped = "(format_version: 1, maps: [(id: 1, title: \"M\", persona: Some(2), stages: [])])";
    assert_eq!(parse_study(bare, "a").unwrap(), parse_study(wrapped, "b").unwrap());
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let text = "\u{feff}(\r\n  format_version: 1,\r\n  meta: (title: \"Windows\"),\r\n)\r\n";
    assert_eq!(parse_study(text, "w").unwrap().meta.title, "Windows");
}

#[test]
fn empty_and_binary_files_get_clear_errors() {
    assert!(matches!(parse_study("  \n", "empty.journey.ron"), Err(LoadError::Empty { .. })));
    let error = parse_study_bytes(b"(meta: (title: \"ok\"),\n \xff\xfe)", "bin.journey.ron").unwrap_err();
    assert!(matches!(error, LoadError::NotText { line: 2, column: 2, .. }), "{error:?}");
    assert!(error.to_string().contains("not valid UTF-8"));
}

#[test]
fn deeply_nested_input_is_an_error_not_a_crash() {
    let text = format!("(format_version: 1, meta: {}{})", "(".repeat(100_000), ")".repeat(100_000));
    assert!(parse_study(&text, "deep").is_err());
    let text = format!("(format_version: 1, owners: {}", "[".repeat(100_000));
    assert!(parse_study(&text, "deep").is_err());
}

#[test]
fn a_missing_file_is_a_read_error_naming_it() {
    let error = load_study(std::path::Path::new("/nonexistent/folder/x.journey.ron")).unwrap_err();
    assert!(matches!(error, LoadError::Read { .. }));
    assert!(error.to_string().contains("/nonexistent/folder/x.journey.ron"));
}

#[test]
fn a_failed_load_leaves_the_open_study_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.journey.ron");
    let bad = dir.path().join("bad.journey.ron");
    std::fs::write(&good, to_ron_string(&wayline::templates::TEMPLATES[0].study().unwrap()).unwrap())
        .unwrap();
    std::fs::write(&bad, "(format_version: 1, meta: (title: ").unwrap();

    let mut open: Study = load_study(&good).unwrap();
    let before = open.clone();
    match load_study(&bad) {
        Ok(study) => open = study,
        Err(error) => assert!(error.to_string().contains("bad.journey.ron:1:")),
    }
    assert_eq!(open, before);
    assert_eq!(std::fs::read_to_string(&good).unwrap(), to_ron_string(&before).unwrap());
}

#[test]
fn saving_replaces_atomically_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.journey.ron");
    let mut study = parse_study(MINIMAL, "m").unwrap();
    assert_eq!(save_study(&study, &path).unwrap().backup, None);
    let first = std::fs::read(&path).unwrap();
    study.meta.title = "Second".to_owned();
    let saved = save_study(&study, &path).unwrap();
    let backup = saved.backup.expect("the first version is kept");
    assert_eq!(backup, dir.path().join("study.journey.ron.bak"));
    assert_eq!(std::fs::read(&backup).unwrap(), first);
    assert_eq!(load_study(&path).unwrap().meta.title, "Second");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "only the study and its backup: {names:?}");
}

#[test]
fn an_interrupted_save_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.journey.ron");
    let study = parse_study(MINIMAL, "m").unwrap();
    save_study(&study, &path).unwrap();
    let before = std::fs::read(&path).unwrap();

    // A save that dies after writing part of its temporary file: the temporary file is all
    // that is touched, so the study still loads as before.
    let partial = dir.path().join(".study.journey.ron.crashed.tmp");
    std::fs::write(&partial, &before[..before.len() / 2]).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(load_study(&path).unwrap(), study);

    // A save that cannot complete (the folder became read-only) fails cleanly.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let readonly = dir.path().join("locked");
        std::fs::create_dir(&readonly).unwrap();
        let locked = readonly.join("study.journey.ron");
        save_study(&study, &locked).unwrap();
        std::fs::set_permissions(&readonly, std::fs::Permissions::from_mode(0o555)).unwrap();
        let mut changed = study.clone();
        changed.meta.title = "Changed".to_owned();
        let result = save_study(&changed, &locked);
        std::fs::set_permissions(&readonly, std::fs::Permissions::from_mode(0o755)).unwrap();
        // Root ignores folder permissions; the check only means something for other users.
        if result.is_err() {
            assert_eq!(load_study(&locked).unwrap(), study);
        }
    }
}

#[test]
fn saves_keep_three_generations_of_backups() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.journey.ron");
    let mut study = parse_study(MINIMAL, "m").unwrap();
    let mut texts = Vec::new();
    for title in ["First", "Second", "Third", "Fourth", "Fifth"] {
        study.meta.title = title.to_owned();
        save_study(&study, &path).unwrap();
        texts.push(std::fs::read(&path).unwrap());
    }
    let generation = |n: usize| std::fs::read(wayline::io::atomic::backup_generation_path(&path, n)).unwrap();
    assert_eq!(
        (generation(0), generation(1), generation(2)),
        (texts[3].clone(), texts[2].clone(), texts[1].clone())
    );
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["study.journey.ron", "study.journey.ron.bak", "study.journey.ron.bak.1", "study.journey.ron.bak.2"]
    );
}

#[test]
fn the_next_save_removes_what_a_killed_save_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.journey.ron");
    let study = parse_study(MINIMAL, "m").unwrap();
    save_study(&study, &path).unwrap();
    // What a save killed before its rename leaves: a temporary file of the writer's pattern.
    let leftover = dir.path().join(".study.journey.ron.wayline-k1LLed.tmp");
    let file = std::fs::File::create(&leftover).unwrap();
    file.set_modified(std::time::SystemTime::now() - std::time::Duration::from_mins(10)).unwrap();
    drop(file);
    let users = dir.path().join("study.journey.ron.tmp");
    std::fs::write(&users, "the user's own file").unwrap();
    save_study(&study, &path).unwrap();
    assert!(!leftover.exists());
    assert!(users.exists());
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.journey.ron");
    let link = dir.path().join("link.journey.ron");
    let mut study = parse_study(MINIMAL, "m").unwrap();
    save_study(&study, &real).unwrap();
    std::os::unix::fs::symlink("real.journey.ron", &link).unwrap();
    study.meta.title = "Through the link".to_owned();
    let saved = save_study(&study, &link).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(load_study(&real).unwrap().meta.title, "Through the link");
    let backup = saved.backup.unwrap();
    assert_eq!(backup.file_name().unwrap(), "real.journey.ron.bak");
    assert_eq!(load_study(&backup).unwrap().meta.title, "Minimal");
}
