//! The PDF booklet: every page within its paper, no text below 8 pt, no overlapping lines, the
//! contents linked, bookmarks for every section, map and stage, and every touchpoint, owner
//! and recommendation of the study in the text the PDF carries.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::cli::{example, wayline};
use std::sync::OnceLock;
use wayline::cli::ExitStatus;
use wayline::export::booklet::{Booklet, BookletSettings, Section, booklet, parse_maps, parse_sections};
use wayline::export::pdf::{PdfPage, Placed};
use wayline::export::{ExportFormat, Paper, PosterFormat, PosterSettings, export_map};
use wayline::layout::{Rect, Shape};
use wayline::model::Study;

fn study(name: &str) -> Study {
    wayline::io::load_study(std::path::Path::new(&example(name))).unwrap()
}

/// The booklet of the `SaaS` example on A4, made once for the tests that read it.
fn saas() -> &'static (Study, Booklet) {
    static MADE: OnceLock<(Study, Booklet)> = OnceLock::new();
    MADE.get_or_init(|| {
        let study = study("saas");
        let made = booklet(&study, &BookletSettings::default(), &mut |_, _| {}).unwrap();
        (study, made)
    })
}

/// Every word of the booklet's text, in order, spaces normalised.
fn all_text(made: &Booklet) -> String {
    let joined: Vec<&str> = made.page_texts.iter().flatten().map(String::as_str).collect();
    joined.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squashed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_pdf_is_a_pdf_with_every_page() {
    let (_, made) = saas();
    assert!(made.bytes.starts_with(b"%PDF-"));
    assert!(made.composed.pages.len() > 10, "{} pages", made.composed.pages.len());
    assert_eq!(made.page_texts.len(), made.composed.pages.len());
    let pages = made.composed.pages.len();
    for (index, texts) in made.page_texts.iter().enumerate() {
        let footer = format!("Page {} of {pages}", index + 1);
        assert!(texts.contains(&footer), "page {} has no footer", index + 1);
    }
    assert_eq!(made.composed.info.title, "Mid-market customer journey 2026");
    assert!(!made.composed.info.author.is_empty());
    assert_eq!(made.composed.info.language, "en");
}

#[test]
fn every_card_owner_and_recommendation_is_in_the_text() {
    let (study, made) = saas();
    let text = all_text(made);
    for card in study.cards() {
        assert!(text.contains(&squashed(&card.title)), "card {:?} is missing", card.title);
        for r in &card.recommendations {
            assert!(text.contains(&squashed(&r.text)), "recommendation {:?} is missing", r.text);
        }
    }
    for map in &study.maps {
        for stage in &map.stages {
            for r in &stage.recommendations {
                assert!(text.contains(&squashed(&r.text)), "recommendation {:?} is missing", r.text);
            }
        }
    }
    for owner in &study.owners {
        assert!(text.contains(&squashed(&owner.name)), "owner {:?} is missing", owner.name);
    }
    for persona in &study.personas {
        assert!(text.contains(&squashed(&persona.name)), "persona {:?} is missing", persona.name);
    }
}

#[test]
fn bookmarks_reach_every_section_map_and_stage() {
    let (study, made) = saas();
    let titles: Vec<&str> = made.composed.bookmarks.iter().map(|b| b.title.as_str()).collect();
    for wanted in [
        "Contents",
        "Executive summary",
        "Maps",
        "Stages",
        "Owners' responsibilities",
        "Improvement plan",
        "Personas, sources and notes",
    ] {
        assert!(titles.contains(&wanted), "no bookmark {wanted:?} in {titles:?}");
    }
    let stages = made.composed.bookmarks.iter().find(|b| b.title == "Stages").unwrap();
    assert_eq!(stages.children.len(), study.maps.len());
    for (map, mark) in study.maps.iter().zip(&stages.children) {
        assert_eq!(mark.title, map.title);
        assert_eq!(mark.children.len(), map.stages.len(), "a bookmark per stage of {:?}", map.title);
    }
    let maps = made.composed.bookmarks.iter().find(|b| b.title == "Maps").unwrap();
    assert_eq!(maps.children.len(), study.maps.len());
    let pages = made.composed.pages.len();
    let mut stack: Vec<&wayline::export::pdf::Bookmark> = made.composed.bookmarks.iter().collect();
    while let Some(mark) = stack.pop() {
        assert!(mark.page < pages, "{:?} leads past the end", mark.title);
        stack.extend(&mark.children);
    }
}

#[test]
fn the_contents_links_to_its_entries() {
    let (_, made) = saas();
    let contents = &made.composed.pages[1];
    assert!(made.page_texts[1].iter().any(|t| t == "Contents"));
    assert!(contents.links.len() >= 7, "{} links", contents.links.len());
    for link in &contents.links {
        assert!(link.target_page < made.composed.pages.len());
        // The page number printed on the line is the page the link opens.
        let number = (link.target_page + 1).to_string();
        assert!(made.page_texts[1].contains(&number), "no page number {number} in the contents");
    }
}

/// Where an item of a placed scene lands on the page.
fn on_page(layer: &Placed, rect: Rect) -> Rect {
    Rect::from_xywh(
        layer.offset.0 + rect.min.x * layer.scale,
        layer.offset.1 + rect.min.y * layer.scale,
        rect.width() * layer.scale,
        rect.height() * layer.scale,
    )
}

fn check_pages(pages: &[PdfPage]) {
    for (index, page) in pages.iter().enumerate() {
        let sheet = Rect::from_xywh(0.0, 0.0, page.width_pt, page.height_pt);
        for layer in &page.layers {
            if let Some(clip) = layer.clip {
                assert!(
                    sheet.contains_rect(&clip, 0.01),
                    "page {}: a tile's clip leaves the page",
                    index + 1
                );
            }
            for item in &layer.scene.items {
                let bounds = on_page(layer, common::checks::shape_bounds(&item.shape));
                if let Shape::Text(run) = &item.shape {
                    let pt = run.size * layer.scale;
                    assert!(pt >= 7.99, "page {}: {:?} prints at {pt:.2} pt", index + 1, run.text);
                }
                if layer.clip.is_none() {
                    assert!(
                        sheet.contains_rect(&bounds, 0.5),
                        "page {}: {:?} at {bounds:?} leaves the page",
                        index + 1,
                        item.shape
                    );
                }
            }
        }
        // The page's own lines of text never overlap one another.
        let own = &page.layers[0];
        let runs: Vec<(Rect, &str)> = own
            .scene
            .texts()
            .map(|(run, _)| {
                let b = run.bounds();
                (
                    Rect::from_xywh(b.min.x + 0.3, b.min.y + 0.3, b.width() - 0.6, b.height() - 0.6),
                    run.text.as_str(),
                )
            })
            .collect();
        for (i, (a, text_a)) in runs.iter().enumerate() {
            for (b, text_b) in &runs[i + 1..] {
                assert!(!a.overlaps(b), "page {}: {text_a:?} overlaps {text_b:?}", index + 1);
            }
        }
        // Nothing drawn over a placed scene but the page furniture outside the margins.
        for layer in &page.layers[1..] {
            let area = layer.clip.unwrap_or_else(|| {
                on_page(layer, Rect::from_xywh(0.0, 0.0, layer.scene.width, layer.scene.height))
            });
            for (text, _) in &runs {
                assert!(!text.overlaps(&area), "page {}: text over a placed scene", index + 1);
            }
        }
    }
}

#[test]
fn pages_keep_text_legible_on_the_page_and_apart() {
    let (_, made) = saas();
    check_pages(&made.composed.pages);
}

#[test]
fn letter_paper_a_chosen_map_and_sections() {
    let study = study("logistics");
    let settings = BookletSettings {
        paper: Paper::Letter,
        maps: vec![0],
        sections: vec![Section::Cover, Section::Maps, Section::Stages, Section::Plan],
    };
    let made = booklet(&study, &settings, &mut |_, _| {}).unwrap();
    let first = &made.composed.pages[0];
    assert!((first.width_pt - 612.0).abs() < 0.5 && (first.height_pt - 792.0).abs() < 0.5);
    let titles: Vec<&str> = made.composed.bookmarks.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(titles, ["Contents", "Maps", "Stages", "Improvement plan"]);
    check_pages(&made.composed.pages);
    let text = all_text(&made);
    for card in study.maps[0].cards() {
        assert!(text.contains(&squashed(&card.title)), "card {:?} is missing", card.title);
    }
}

/// The page rectangle a placed scene's region lands on, and whether it is whole within the
/// layer's clip, cut by it, or outside it.
fn cut_by(layer: &Placed, rect: Rect) -> Option<bool> {
    let on = on_page(layer, rect);
    let clip = layer.clip?;
    if !clip.overlaps(&on) {
        return None;
    }
    Some(!clip.contains_rect(&on, 0.01))
}

#[test]
fn a_map_cut_across_pages_is_cut_between_stages_and_cards_with_the_spine_on_every_page() {
    let study = study("logistics");
    for paper in [Paper::A4, Paper::Letter] {
        let settings = BookletSettings { paper, maps: Vec::new(), sections: vec![Section::Maps] };
        let made = booklet(&study, &settings, &mut |_, _| {}).unwrap();
        check_pages(&made.composed.pages);
        let mut seen = std::collections::HashSet::new();
        for (index, page) in made.composed.pages.iter().enumerate() {
            let texts = made.page_texts[index].join(" ");
            // Which map this page shows: the one whose cards it holds.
            let holds = |map: &&wayline::model::JourneyMap| {
                map.cards()
                    .any(|card| page.layers.iter().any(|layer| layer.scene.card_rect(card.id).is_some()))
            };
            let Some(map) = study.maps.iter().find(holds) else {
                continue;
            };
            let shows_cards = page.layers[1..].iter().any(|layer| {
                map.cards()
                    .any(|card| layer.scene.card_rect(card.id).is_some_and(|r| cut_by(layer, r).is_some()))
            });
            for layer in &page.layers[1..] {
                for card in map.cards() {
                    if let Some(rect) = layer.scene.card_rect(card.id) {
                        let fits = rect.height() * layer.scale < page.height_pt - 120.0;
                        assert!(
                            !fits || cut_by(layer, rect) != Some(true),
                            "{paper:?} page {}: {:?} is cut",
                            index + 1,
                            card.title
                        );
                        if cut_by(layer, rect) == Some(false) {
                            seen.insert(card.id);
                        }
                    }
                }
            }
            if shows_cards {
                // Every page of cards names its stages on a spine.
                assert!(
                    map.stages.iter().any(|stage| texts.contains(&stage.name)),
                    "page {} shows cards without the spine",
                    index + 1
                );
            }
        }
        for map in &study.maps {
            for card in map.cards() {
                assert!(seen.contains(&card.id), "{:?} is shown whole on some page", card.title);
            }
        }
    }
}

#[test]
fn progress_is_reported_up_to_done() {
    let study = study("starter");
    let mut seen = Vec::new();
    booklet(&study, &BookletSettings::default(), &mut |fraction, _| seen.push(fraction)).unwrap();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(seen.last().copied(), Some(1.0));
}

#[test]
fn section_and_map_lists_are_checked() {
    assert_eq!(parse_sections("plan, cover").unwrap(), [Section::Cover, Section::Plan]);
    assert!(parse_sections("cover,index").unwrap_err().contains("index"));
    assert!(parse_sections("").is_err());
    assert_eq!(parse_maps("2, 1,2", 3).unwrap(), [1, 0]);
    assert!(parse_maps("4", 3).is_err());
    assert!(parse_maps("x", 3).is_err());
}

#[test]
fn the_command_line_writes_a_booklet_and_a_pdf_poster() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("booklet.pdf");
    let ran = wayline(&[
        "export",
        &example("starter"),
        "--format",
        "pdf",
        "--out",
        out.to_str().unwrap(),
        "--paper",
        "letter",
        "--maps",
        "1",
        "--sections",
        "cover,summary,plan",
    ]);
    assert_eq!(ran.status, ExitStatus::Success, "{}", ran.stderr);
    assert!(ran.stdout.contains("booklet"), "{}", ran.stdout);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));

    let bad = wayline(&[
        "export",
        &example("starter"),
        "--out",
        out.to_str().unwrap(),
        "--sections",
        "cover,index",
    ]);
    assert_eq!(bad.status, ExitStatus::Usage);
    assert!(bad.stderr.contains("index"), "{}", bad.stderr);
    let bad = wayline(&["export", &example("starter"), "--out", out.to_str().unwrap(), "--maps", "9"]);
    assert_eq!(bad.status, ExitStatus::Usage);

    let poster = dir.path().join("poster.pdf");
    let ran = wayline(&[
        "export",
        &example("starter"),
        "--format",
        "pdf-poster",
        "--out",
        poster.to_str().unwrap(),
        "--paper",
        "a3",
    ]);
    assert_eq!(ran.status, ExitStatus::Success, "{}", ran.stderr);
    assert!(std::fs::read(&poster).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn a_map_exports_as_one_pdf_whatever_its_pages() {
    let study = study("saas");
    let settings = PosterSettings { paper: Paper::A4, allow_small: true, ..PosterSettings::default() };
    let exported =
        export_map(&study, &study.maps[0], ExportFormat::Poster(PosterFormat::Pdf), &settings).unwrap();
    assert_eq!(exported.files.len(), 1, "every sheet is a page of one file");
    assert!(exported.files[0].bytes.starts_with(b"%PDF-"));
}

#[test]
fn scripts_fall_back_and_stay_text() {
    let mut study = study("starter");
    study.maps[0].stages[0].cards[0].title = "Angebot 見積もり عرض".to_owned();
    let settings = BookletSettings { sections: vec![Section::Stages], ..BookletSettings::default() };
    let made = booklet(&study, &settings, &mut |_, _| {}).unwrap();
    assert!(all_text(&made).contains("Angebot 見積もり عرض"));
}

#[test]
fn the_export_dialog_writes_a_booklet_off_the_interface_thread() {
    use common::app::{click, harness, template};
    use egui::accesskit::Role;
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("booklet.pdf");
    let before = template("starter");
    let mut harness = harness(before.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_ok();
    click(&mut harness, "Booklet (PDF)");
    click(&mut harness, "Letter");
    click(&mut harness, "Map pages");
    let field = harness.get_by_role_and_label(Role::TextInput, "Save to");
    field.focus();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    harness.event(egui::Event::Text(dir.path().join("booklet").display().to_string()));
    harness.run_ok();
    click(&mut harness, "Export booklet");
    for _ in 0..1200 {
        if out.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run_ok();
    }
    let bytes = std::fs::read(&out).expect("the booklet is written, named .pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(common::app::study(&harness), before, "exporting changes nothing in the study");
}

#[test]
fn the_file_menu_and_its_shortcut_open_the_export_dialog_on_the_booklet() {
    use common::app::{click, harness, template};
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable as _;
    let before = template("starter");
    let mut harness = harness(before.clone());
    assert!(harness.query_by_label("Export booklet").is_none());
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "File").click();
    harness.run_ok();
    // A menu item's accessible name ends with its shortcut.
    harness.query_all_by_label_contains("Export booklet (PDF)…").next().expect("the menu item").click();
    harness.run_ok();
    assert!(harness.query_by_label("Export booklet").is_some(), "the booklet's choices show");
    click(&mut harness, "One map");
    assert!(harness.query_by_label("Export booklet").is_none());
    harness.key_press(Key::Escape);
    harness.run_ok();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run_ok();
    assert!(harness.query_by_label("Export booklet").is_some(), "Ctrl+Shift+E opens the booklet");
    assert_eq!(common::app::study(&harness), before);
}
