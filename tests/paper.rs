//! Maps wider than the paper: on fixed paper a map whose smallest text would print below 9 pt
//! is wrapped into rows or split across pages; nothing prints inside the 8 mm margin; text
//! below 6 pt is refused unless forced; PNG beyond the pixel limit is refused with advice; the
//! parallel PNG render is the one-piece render.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::cli::wayline;
use wayline::cli::ExitStatus;
use wayline::export::fit::{Plan, plan};
use wayline::export::{
    Arrangement, ExportError, ExportFormat, Fit, Orientation, Paper, PosterFormat, PosterSettings,
    export_map, png, poster,
};
use wayline::layout::{Role, Scene};
use wayline::model::{Card, CardId, JourneyMap, Link, LinkId, MapId, MapKind, Stage, StageId, Study};
use wayline::templates::TEMPLATES;

/// A typical map of `stages` stages with `cards` cards each, on the starter study's owners,
/// with a link from each card to the next.
fn wide_study(stages: usize, cards: usize) -> Study {
    let mut study = wayline::templates::find("starter").unwrap().study().unwrap();
    let owners: Vec<_> = study.owners.iter().map(|o| o.id).collect();
    let mut next = 10_000_u32;
    let mut links = Vec::new();
    let mut previous: Option<CardId> = None;
    let stages = (0..stages)
        .map(|s| {
            next += 1;
            let id = StageId(next);
            let cards = (0..cards)
                .map(|c| {
                    next += 1;
                    let card = CardId(next);
                    if let Some(from) = previous {
                        next += 1;
                        links.push(Link { id: LinkId(next), from, to: card, ..Link::default() });
                    }
                    previous = Some(card);
                    let owner = owners[(s + c) % owners.len()];
                    Card {
                        id: card,
                        title: format!("Step {} of phase {}", c + 1, s + 1),
                        channel: "Email".to_owned(),
                        owners: vec![owner],
                        accountable: Some(owner),
                        ..Card::default()
                    }
                })
                .collect();
            Stage {
                id,
                name: format!("Phase {:02}", s + 1),
                goal: "Get it done".to_owned(),
                cards,
                ..Stage::default()
            }
        })
        .collect();
    study.maps = vec![JourneyMap {
        id: MapId(9_999),
        title: "A wide journey".to_owned(),
        kind: MapKind::Typical,
        stages,
        links,
        ..JourneyMap::default()
    }];
    study
}

const PAPERS: [Paper; 3] = [Paper::A1, Paper::A3, Paper::A4];

fn planned(study: &Study, paper: Paper, fit: Fit) -> Plan {
    plan(study, &study.maps[0], paper, Orientation::Auto, fit, true).unwrap()
}

/// How many times each stage's name is printed on its chevron, over all sheets.
fn stage_name_counts(study: &Study, plan: &Plan) -> Vec<usize> {
    study.maps[0]
        .stages
        .iter()
        .map(|stage| {
            plan.sheets
                .iter()
                .flat_map(|sheet| sheet.scene.texts())
                .filter(|(run, role)| *role == Role::Stage(stage.id) && run.text == stage.name)
                .count()
        })
        .collect()
}

fn texts(scene: &Scene) -> Vec<String> {
    scene.texts().map(|(run, _)| run.text.clone()).collect()
}

#[test]
fn a_wide_map_wraps_into_rows_when_they_keep_the_text_legible() {
    let study = wide_study(20, 4);
    let whole = planned(&study, Paper::A1, Fit::Shrink);
    assert_eq!(whole.arrangement, Arrangement::Shrunk);
    assert!(whole.smallest_pt < 9.0 && whole.warnings[0].contains("9 pt"), "{:?}", whole.warnings);

    let auto = planned(&study, Paper::A1, Fit::Auto);
    let Arrangement::Bands(rows) = auto.arrangement else { panic!("{:?}", auto.arrangement) };
    assert!(rows >= 2 && auto.sheets.len() == 1);
    assert!(auto.smallest_pt >= 9.0 && auto.warnings.is_empty(), "{} {:?}", auto.smallest_pt, auto.warnings);
    assert_eq!(stage_name_counts(&study, &auto), vec![1; 20], "every stage on exactly one row");
    let captions = texts(&auto.sheets[0].scene);
    for row in 1..=rows {
        assert!(captions.contains(&format!("Row {row} of {rows}")), "{captions:?}");
    }
    // One title block and one legend for all the rows.
    assert_eq!(captions.iter().filter(|t| *t == "A wide journey").count(), 1);
    assert_eq!(captions.iter().filter(|t| *t == "Legend").count(), 1);
    // The fewest rows: one row fewer is not legible.
    if rows > 2 {
        let fewer = wayline::layout::layout_bands(
            &study,
            &study.maps[0],
            wayline::layout::FontMeasure::shared(),
            &wayline::export::fit::balanced_ranges(&[1.0; 20], rows - 1),
            &wayline::layout::LayoutOptions::default(),
        );
        let page =
            wayline::export::Page::place_largest(fewer.width, fewer.height, Paper::A1, Orientation::Auto);
        assert!(wayline::export::fit::smallest_text(&fewer) * page.scale < 9.0);
    }
}

#[test]
fn when_rows_cannot_keep_the_text_legible_the_map_is_split_across_pages() {
    let study = wide_study(20, 4);
    let bands = planned(&study, Paper::A3, Fit::Bands);
    assert_eq!(bands.arrangement, Arrangement::Shrunk, "rows alone cannot make A3 legible");
    assert!(bands.warnings[0].contains("--fit pages"), "{:?}", bands.warnings);

    let auto = planned(&study, Paper::A3, Fit::Auto);
    let Arrangement::Pages(pages) = auto.arrangement else { panic!("{:?}", auto.arrangement) };
    assert_eq!(auto.sheets.len(), pages);
    assert!(auto.smallest_pt >= 9.0, "{}", auto.smallest_pt);
    for sheet in &auto.sheets {
        assert!(wayline::export::fit::smallest_text(&sheet.scene) * sheet.page.scale >= 9.0);
    }
    assert_eq!(stage_name_counts(&study, &auto), vec![1; 20], "every stage on exactly one page");
    for (index, sheet) in auto.sheets.iter().enumerate() {
        let texts = texts(&sheet.scene);
        assert!(texts.contains(&format!("Part {} of {pages}", index + 1)), "{texts:?}");
        assert!(texts.contains(&"A wide journey".to_owned()) && texts.contains(&"Legend".to_owned()));
        // The flow runs on across pages: the link cut at each page's edge is named in its caption.
        let joined = texts.join(" ");
        assert!(joined.contains("Links to other parts:"), "{joined}");
        if index + 1 < pages {
            assert!(joined.contains(&format!("(part {})", index + 2)), "{joined}");
        }
        if index > 0 {
            assert!(joined.contains(&format!("(part {index}) →")), "{joined}");
        }
    }
    // Every page at one scale, so a card is the same size on each.
    assert!(auto.sheets.iter().all(|s| (s.page.scale - auto.sheets[0].page.scale).abs() < 1e-6));
    // The fewest pages: one fewer is not legible.
    let pages_plan = planned(&study, Paper::A3, Fit::Pages);
    assert_eq!(pages_plan.arrangement, auto.arrangement);
}

#[test]
fn a_map_that_fits_is_left_whole_whatever_the_fit() {
    let study = wide_study(3, 2);
    for fit in Fit::ALL {
        let plan = planned(&study, Paper::A1, fit);
        assert_eq!(plan.arrangement, Arrangement::Whole, "{fit}");
        assert!(plan.warnings.is_empty());
    }
    // Paper sized to the map never splits it.
    let wide = wide_study(40, 4);
    assert_eq!(planned(&wide, Paper::Fit, Fit::Auto).arrangement, Arrangement::Whole);
}

#[test]
fn nothing_prints_inside_the_margin_on_any_paper_in_any_fit() {
    let mut studies: Vec<Study> = TEMPLATES.iter().map(|t| t.study().unwrap()).collect();
    studies.push(wide_study(20, 4));
    for study in &studies {
        for map in &study.maps {
            for paper in PAPERS {
                for fit in Fit::ALL {
                    let plan = plan(study, map, paper, Orientation::Auto, fit, true).unwrap();
                    for (number, sheet) in plan.sheets.iter().enumerate() {
                        if let Some((item, at)) = common::checks::in_margin(sheet) {
                            panic!(
                                "{} on {paper} ({fit}, sheet {}): {:?} reaches {at:?} on a {:.0} × {:.0} pt page",
                                map.title,
                                number + 1,
                                item.shape,
                                sheet.page.width_pt,
                                sheet.page.height_pt
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_svg_places_the_map_with_the_exact_page_transform() {
    let study = wayline::templates::find("logistics").unwrap().study().unwrap();
    let settings = PosterSettings {
        format: PosterFormat::Svg,
        paper: Paper::A1,
        fit: Fit::Shrink,
        allow_small: true,
        ..PosterSettings::default()
    };
    for map in &study.maps {
        let poster = poster(&study, map, &settings).unwrap();
        let sheet = &poster.sheets[0];
        let svg = String::from_utf8(sheet.bytes.clone()).unwrap();
        let document = roxmltree::Document::parse(&svg).unwrap();
        let transform = document
            .descendants()
            .find_map(|n| n.attribute("transform"))
            .expect("the scene is placed by one transform");
        // translate(X Y) scale(S): the numbers inside the brackets.
        let numbers: Vec<f32> = transform
            .split(['(', ')'])
            .skip(1)
            .step_by(2)
            .flat_map(str::split_whitespace)
            .map(|t| t.parse().unwrap())
            .collect();
        assert_eq!(numbers, vec![sheet.page.offset_x, sheet.page.offset_y, sheet.page.scale], "{transform}");
    }
}

#[test]
fn text_below_six_points_is_refused_unless_forced() {
    let study = wide_study(40, 4);
    let error = plan(&study, &study.maps[0], Paper::A4, Orientation::Auto, Fit::Shrink, false).unwrap_err();
    let ExportError::TextTooSmall { message } = &error else { panic!("{error}") };
    assert!(
        message.contains("6 pt") && message.contains("--force") && message.contains("--paper"),
        "{message}"
    );
    let forced = plan(&study, &study.maps[0], Paper::A4, Orientation::Auto, Fit::Shrink, true).unwrap();
    assert_eq!(forced.arrangement, Arrangement::Shrunk);
    assert!(forced.smallest_pt < 6.0 && forced.warnings.len() == 1);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wide.journey.ron");
    wayline::io::save_study(&study, &file).unwrap();
    let out = dir.path().join("poster.svg");
    let args = [
        "export",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--paper",
        "a4",
        "--fit",
        "shrink",
    ];
    let refused = wayline(&args);
    assert_eq!(refused.status, ExitStatus::Failure, "{}", refused.stderr);
    assert!(refused.stderr.contains("6 pt") && !out.exists(), "{}", refused.stderr);
    let forced = wayline(&[&args[..], &["--force"]].concat());
    assert_eq!(forced.status, ExitStatus::Success, "{}", forced.stderr);
    assert!(forced.stderr.contains("warning:") && out.exists(), "{}", forced.stderr);
}

#[test]
fn the_cli_writes_one_file_per_page_and_guards_each() {
    let study = wide_study(20, 4);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wide.journey.ron");
    wayline::io::save_study(&study, &file).unwrap();
    let out = dir.path().join("wide.png");
    let args = [
        "export",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--paper",
        "a3",
        "--fit",
        "pages",
        "--dpi",
        "20",
    ];
    // A study where the second page would go is not overwritten, and nothing is written.
    let second = dir.path().join("wide-2.png");
    std::fs::copy(&file, &second).unwrap();
    let refused = wayline(&args);
    assert_eq!(refused.status, ExitStatus::Failure, "{}", refused.stderr);
    assert!(refused.stderr.contains("--force"), "{}", refused.stderr);
    assert!(!dir.path().join("wide-1.png").exists() && !out.exists());
    std::fs::remove_file(&second).unwrap();

    let written = wayline(&args);
    assert_eq!(written.status, ExitStatus::Success, "{}", written.stderr);
    let pages = planned(&study, Paper::A3, Fit::Pages).sheets.len();
    assert!(pages >= 2);
    for number in 1..=pages {
        let path = dir.path().join(format!("wide-{number}.png"));
        let bytes = std::fs::read(&path).unwrap_or_else(|_| panic!("{} is written", path.display()));
        assert!(bytes.starts_with(b"\x89PNG"));
        assert!(written.stdout.contains(&format!("part {number} of {pages}")), "{}", written.stdout);
    }
    assert!(!out.exists() && !dir.path().join(format!("wide-{}.png", pages + 1)).exists());

    // The SVG pages say which part they are, in their text.
    let svg_out = dir.path().join("wide.svg");
    let svg_args =
        [&args[..2], &["--out", svg_out.to_str().unwrap(), "--paper", "a3", "--fit", "pages"]].concat();
    assert_eq!(wayline(&svg_args).status, ExitStatus::Success);
    for number in 1..=pages {
        let svg = std::fs::read_to_string(dir.path().join(format!("wide-{number}.svg"))).unwrap();
        assert!(svg.contains(&format!("Part {number} of {pages}")));
    }
}

#[test]
fn the_export_api_returns_every_page() {
    let study = wide_study(20, 4);
    let settings = PosterSettings { paper: Paper::A3, fit: Fit::Pages, dpi: 10, ..PosterSettings::default() };
    let exported =
        export_map(&study, &study.maps[0], ExportFormat::Poster(PosterFormat::Png), &settings).unwrap();
    let Some(Arrangement::Pages(pages)) = exported.arrangement else { panic!("{:?}", exported.arrangement) };
    assert_eq!(exported.files.len(), pages);
    let paths = exported.paths(std::path::Path::new("/tmp/out/map.png"));
    assert_eq!(paths[1], std::path::Path::new("/tmp/out/map-2.png"));
    assert_eq!(
        wayline::export::part_path(std::path::Path::new("poster"), 3),
        std::path::Path::new("poster-3")
    );
}

#[test]
fn a_png_beyond_the_pixel_limit_is_refused_with_what_works() {
    let study = wide_study(40, 4);
    let settings = PosterSettings { dpi: 1200, ..PosterSettings::default() };
    let error = poster(&study, &study.maps[0], &settings).unwrap_err();
    let ExportError::TooLarge { advice, .. } = &error else { panic!("{error}") };
    let message = error.to_string();
    assert!(
        message.contains("1200 dpi") && message.contains("--dpi ") && message.contains("--paper"),
        "{message}"
    );
    // The resolution it names works.
    let dpi: u32 = advice.split("--dpi ").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    let page = planned(&study, Paper::Fit, Fit::Auto).sheets[0].page;
    let (w, h) = page.pixels(dpi);
    assert!(
        png::fits_in_memory(w, h) && !png::fits_in_memory(page.pixels(dpi + 1).0, page.pixels(dpi + 1).1)
    );
    for dpi in [0, 5_000] {
        let error =
            poster(&study, &study.maps[0], &PosterSettings { dpi, ..PosterSettings::default() }).unwrap_err();
        assert!(matches!(error, ExportError::Resolution(_)), "{error}");
    }
}

#[test]
fn the_parallel_render_is_the_one_piece_render() {
    use resvg::tiny_skia;
    let study = wayline::templates::find("logistics").unwrap().study().unwrap();
    let settings = PosterSettings { format: PosterFormat::Svg, ..PosterSettings::default() };
    let sheet = poster(&study, &study.maps[1], &settings).unwrap().sheets.remove(0);
    let sheet_scene = plan(&study, &study.maps[1], Paper::Fit, Orientation::Auto, Fit::Auto, false)
        .unwrap()
        .sheets
        .remove(0)
        .scene;
    let svg = String::from_utf8(sheet.bytes).unwrap();
    let (width, height) = sheet.page.pixels(40);
    let tree = png::parse_svg(&svg).unwrap();
    let mut pixmap = tiny_skia::Pixmap::new(width, height).unwrap();
    pixmap.fill(tiny_skia::Color::WHITE);
    let size = tree.size();
    let transform =
        tiny_skia::Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    let one_piece: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    // The export's own path: each strip from its own SVG of the shapes that reach into it.
    let exported = png::render_scene(&sheet_scene, &sheet.page, width, height).unwrap();
    let decoded = image::load_from_memory(&exported).unwrap().to_rgb8().into_raw();
    // The rasteriser rounds a little differently when a strip's origin moves, so a few
    // anti-aliased edge pixels may differ; a seam (a row of differing pixels) may not.
    let visible = |a: &[u8]| a.iter().zip(&one_piece).filter(|(a, b)| a.abs_diff(**b) > 8).count();
    let shaded = |a: &[u8]| a.iter().zip(&one_piece).filter(|(a, b)| a != b).count();
    assert!(visible(&decoded) <= 12, "the export's strips differ visibly in {} bytes", visible(&decoded));
    assert!(shaded(&decoded) <= width as usize, "the export's strips: {} bytes differ", shaded(&decoded));
    for workers in [1, 3, 8] {
        let strips = png::render_rgb(&tree, width, height, workers).unwrap();
        assert!(visible(&strips) <= 12, "{workers} workers differ visibly in {} bytes", visible(&strips));
        assert!(shaded(&strips) <= width as usize, "{workers} workers: {} bytes differ", shaded(&strips));
    }
}

#[test]
fn exporting_an_invalid_study_warns() {
    let mut study = wayline::templates::find("starter").unwrap().study().unwrap();
    let card = &mut study.maps[0].stages[0].cards[0];
    card.accountable = Some(wayline::model::OwnerId(987_654));
    card.owners.push(wayline::model::OwnerId(987_655));
    let errors = wayline::model::validate(&study)
        .iter()
        .filter(|p| p.severity == wayline::model::Severity::Error)
        .count();
    assert!(errors >= 1);
    for format in ExportFormat::ALL {
        let exported = export_map(
            &study,
            &study.maps[0],
            format,
            &PosterSettings { dpi: 10, ..PosterSettings::default() },
        )
        .unwrap();
        let warning = format!("{} that `wayline check` reports", wayline::words::count(errors, "problem"));
        assert!(
            exported.warnings.iter().any(|w| w.contains(&warning)),
            "{format:?}: {:?}",
            exported.warnings
        );
    }
    let valid = wayline::templates::find("starter").unwrap().study().unwrap();
    let exported = export_map(&valid, &valid.maps[0], ExportFormat::Csv, &PosterSettings::default()).unwrap();
    assert!(exported.warnings.is_empty(), "{:?}", exported.warnings);
}

#[test]
fn when_nothing_reaches_nine_points_the_largest_print_wins_over_shrinking() {
    // Tall stages: even one stage per page stays under 9 pt on A4, but prints far larger than
    // the whole map shrunk onto one sheet.
    let study = wide_study(12, 9);
    let map = &study.maps[0];
    let shrunk = plan(&study, map, Paper::A4, Orientation::Auto, Fit::Shrink, true).unwrap();
    let best = plan(&study, map, Paper::A4, Orientation::Auto, Fit::Auto, true).unwrap();
    assert!(best.smallest_pt < 9.0, "the case needs stages too tall for A4: {}", best.smallest_pt);
    assert!(
        best.smallest_pt > shrunk.smallest_pt * 2.0,
        "{} against {}",
        best.smallest_pt,
        shrunk.smallest_pt
    );
    assert!(best.warnings.iter().any(|w| w.contains("below the 9 pt")), "{:?}", best.warnings);
    assert!(matches!(best.arrangement, Arrangement::Pages(_)), "{:?}", best.arrangement);
}

#[test]
fn a_map_split_across_pages_prints_the_analysis_panel_of_the_whole_map_on_its_last_page() {
    let study = wide_study(40, 4);
    let base = wayline::layout::LayoutOptions {
        panel: wayline::layout::panel::Panel::ALL,
        ..wayline::layout::LayoutOptions::default()
    };
    let plan = wayline::export::fit::plan_with(
        &study,
        &study.maps[0],
        Paper::A2,
        Orientation::Auto,
        Fit::Pages,
        true,
        base,
    )
    .unwrap();
    let Arrangement::Pages(pages) = plan.arrangement else { panic!("{:?}", plan.arrangement) };
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
    for (index, sheet) in plan.sheets.iter().enumerate() {
        let texts = texts(&sheet.scene);
        let has_panel = texts.iter().any(|t| t == "Analysis");
        assert_eq!(has_panel, index + 1 == pages, "page {} of {pages}", index + 1);
        let pt = wayline::export::fit::smallest_text(&sheet.scene) * sheet.page.scale;
        assert!(pt >= 9.0, "page {} of {pages} at {pt} pt", index + 1);
    }
    // The panel speaks for the whole map: its largest gaps come from all its stages.
    let panel = texts(&plan.sheets[pages - 1].scene).join(" ");
    assert!(panel.contains("All 40 stages, printed on parts 1–"), "{panel}");
    // Where a page of its own is too small for the panel, it is left out, and the export says so.
    let small = wayline::export::fit::plan_with(
        &study,
        &study.maps[0],
        Paper::A3,
        Orientation::Auto,
        Fit::Pages,
        true,
        base,
    )
    .unwrap();
    let panel_shown = small.sheets.iter().any(|s| texts(&s.scene).iter().any(|t| t == "Analysis"));
    let said = small.warnings.iter().any(|w| w.contains("analysis panel is left out"));
    assert!(panel_shown != said, "{:?}", small.warnings);
}
