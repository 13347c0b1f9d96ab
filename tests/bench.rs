//! Each benchmark case once, on a small study, so the benchmark itself cannot rot. Nothing
//! here is timed against a budget: speed is measured by `examples/bench.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

use wayline::bench::{HeadlessEditor, generate_study, open, poster_settings, resvg_only};
use wayline::export::{Fit, Orientation, Paper, PosterFormat, poster};

#[test]
fn the_generated_study_is_valid_and_deterministic() {
    let study = generate_study(300);
    assert_eq!(study, generate_study(300));
    assert_eq!(study.maps.iter().map(wayline::model::JourneyMap::card_count).sum::<usize>(), 300);
    let errors: Vec<_> = wayline::model::validate(&study)
        .into_iter()
        .filter(|p| p.severity == wayline::model::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn open_frame_and_edit_run() {
    let text = wayline::io::to_ron_string(&generate_study(200)).unwrap();
    let _ = open(&text);
    let mut editor = HeadlessEditor::new(generate_study(120), egui::vec2(1200.0, 800.0));
    let _ = editor.frame();
    editor.zoom_100();
    let _ = editor.frame();
    editor.zoom_to(0.3);
    let overview = editor.app.canvas.overview().unwrap();
    assert_eq!(overview.level, wayline::app::canvas::detail_level::Level::Titles);
    assert!(!overview.cards.is_empty(), "the overview case draws titles");
    let before = editor.app.editor.study().clone();
    let _ = editor.edit(0);
    assert_ne!(editor.app.editor.study(), &before, "the edit case changes the study");
    let folder = tempfile::tempdir().unwrap();
    let _ = wayline::bench::journal(&before, folder.path());
    let _ = wayline::bench::analyse(&before);
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0, "the journal case cleans up");
}

#[test]
fn export_cases_run() {
    let study = wayline::interop::read(
        b"journey\ntitle Small\nsection One\n  A: 3: Me\n  B: 4: You\nsection Two\n  C: 5: Me\n",
        wayline::interop::SourceFormat::Mermaid,
        std::path::Path::new("small.mmd"),
    )
    .unwrap()
    .study;
    let map = &study.maps[0];
    let svg = String::from_utf8(
        poster(&study, map, &poster_settings(PosterFormat::Svg)).unwrap().sheets.remove(0).bytes,
    )
    .unwrap();
    let png = poster(
        &study,
        map,
        &wayline::export::PosterSettings { dpi: 10, ..poster_settings(PosterFormat::Png) },
    )
    .unwrap();
    assert!(png.sheets[0].bytes.starts_with(b"\x89PNG"));
    let _ = resvg_only(&svg, 100, 70);
    let plan =
        wayline::export::fit::plan(&study, map, Paper::A4, Orientation::Auto, Fit::Auto, true).unwrap();
    let (ours, theirs) = wayline::bench::png_vs_resvg(&plan.sheets[0], 10);
    assert!(ours > std::time::Duration::ZERO && theirs > std::time::Duration::ZERO);
}

#[test]
fn stress_cases_run_at_their_test_size() {
    use wayline::bench::{STRESS_CASES, StressInput};
    for case in STRESS_CASES {
        assert!(case.test_size <= case.size && case.budget <= std::time::Duration::from_secs(1), "{case:?}");
        let input = StressInput::build(&case, case.test_size);
        let (took, found) = input.run();
        // Each case did its work: a clean study has no problems; an import has its cards.
        let expected = match case.name {
            "validate_nested_owners" => 0,
            "import_mermaid_long_line" => 3,
            _ => case.test_size,
        };
        assert_eq!(found, expected, "{}", case.name);
        // Not a budget (this is a debug build): a guard against a case that hangs the suite.
        assert!(took < std::time::Duration::from_secs(20), "{}: {took:?}", case.name);
    }
}

#[test]
fn the_nested_owners_case_is_one_chain() {
    let study = wayline::bench::nested_owners(50);
    assert_eq!(study.owners.len(), 50);
    assert!(study.owners.iter().skip(1).all(|o| o.parent.map(|p| p.0 + 1) == Some(o.id.0)));
    // Closing the chain into a loop is reported at every member.
    let mut looped = study;
    looped.owners[0].parent = Some(wayline::model::OwnerId(50));
    let cycles = wayline::model::validate(&looped)
        .into_iter()
        .filter(|p| p.message.starts_with("the owner is nested inside itself"))
        .count();
    assert_eq!(cycles, 50);
}

#[test]
fn the_booklet_case_runs() {
    let (_, pages) = wayline::bench::booklet_export(&generate_study(24));
    assert!(pages > 3, "{pages} pages");
}
