//! Posters: every example map exports to SVG that parses and to PNG of the right pixel size;
//! hostile text survives escaped and intact; the CLI checks its arguments.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::cli::{example, wayline};
use wayline::cli::ExitStatus;
use wayline::export::{Fit, Orientation, Paper, PosterFormat, PosterSettings, png, poster};
use wayline::model::Study;
use wayline::templates::TEMPLATES;

fn svg_settings(paper: Paper) -> PosterSettings {
    PosterSettings {
        format: PosterFormat::Svg,
        paper,
        orientation: Orientation::Auto,
        dpi: 150,
        ..PosterSettings::default()
    }
}

/// The text content of every `<text>` element, in document order.
fn svg_texts(svg: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(svg).expect("well-formed XML");
    document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect()
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (width, height)
}

#[test]
fn every_example_map_exports_to_svg_that_parses() {
    for template in &TEMPLATES {
        let study = template.study().unwrap();
        for map in &study.maps {
            let poster = poster(&study, map, &svg_settings(Paper::Fit)).unwrap();
            let svg = String::from_utf8(poster.sheets.into_iter().next().unwrap().bytes).unwrap();
            png::parse_svg(&svg).unwrap_or_else(|e| panic!("{}: {e}", map.title));
            let texts = svg_texts(&svg).join(" ");
            assert!(texts.contains(map.stages[0].name.as_str()), "{}: stage names are text", map.title);
            if let Some(card) = map.cards().next() {
                let first_word = card.title.split_whitespace().next().unwrap();
                assert!(texts.contains(first_word), "{}: card titles are text", map.title);
            }
        }
    }
}

#[test]
fn every_example_map_exports_to_png_of_its_paper_size() {
    for template in &TEMPLATES {
        let study = template.study().unwrap();
        for map in &study.maps {
            let settings = PosterSettings {
                format: PosterFormat::Png,
                paper: Paper::A3,
                orientation: Orientation::Landscape,
                dpi: 20,
                // Maps too big for A3 are printed small rather than refused: this test is about pixels.
                allow_small: true,
                ..PosterSettings::default()
            };
            let poster = poster(&study, map, &settings).unwrap();
            for sheet in &poster.sheets {
                assert_eq!(png_size(&sheet.bytes), (331, 234), "{}", map.title);
            }
        }
    }
}

#[test]
fn png_has_the_pixel_size_of_its_paper_and_dpi() {
    let study = TEMPLATES[0].study().unwrap();
    let map = &study.maps[0];
    let cases = [
        (Paper::A4, Orientation::Landscape, 100, (1169, 827)),
        (Paper::A3, Orientation::Portrait, 72, (842, 1191)),
        (Paper::Letter, Orientation::Landscape, 50, (550, 425)),
        (Paper::A1, Orientation::Auto, 30, (993, 702)),
    ];
    for (paper, orientation, dpi, expected) in cases {
        let settings = PosterSettings {
            format: PosterFormat::Png,
            paper,
            orientation,
            dpi,
            // Small paper is printed small rather than refused: this test is about pixels.
            allow_small: true,
            ..PosterSettings::default()
        };
        let poster = poster(&study, map, &settings).unwrap();
        assert_eq!(png_size(&poster.sheets[0].bytes), expected, "{paper} {orientation:?} at {dpi} dpi");
    }
    let fit = PosterSettings {
        format: PosterFormat::Png,
        paper: Paper::Fit,
        orientation: Orientation::Auto,
        dpi: 72,
        ..PosterSettings::default()
    };
    let poster = poster(&study, map, &fit).unwrap();
    let sheet = &poster.sheets[0];
    let (w, h) = png_size(&sheet.bytes);
    assert_eq!((w, h), sheet.page.pixels(72));
    assert!((f64::from(w) - f64::from(sheet.page.width_pt)).abs() <= 0.5, "at 72 dpi a pixel is a point");
}

#[test]
fn png_is_drawn_not_blank() {
    let study = TEMPLATES[0].study().unwrap();
    let settings = PosterSettings {
        format: PosterFormat::Png,
        paper: Paper::Fit,
        orientation: Orientation::Auto,
        dpi: 40,
        ..PosterSettings::default()
    };
    let bytes = poster(&study, &study.maps[0], &settings).unwrap().sheets.remove(0).bytes;
    let image = image::load_from_memory(&bytes).unwrap().to_rgb8();
    let dark = image.pixels().filter(|p| p.0.iter().all(|c| *c < 80)).count();
    let spine = image.pixels().filter(|p| p.0 == [0x24, 0x3B, 0x53]).count();
    assert!(dark > 200, "text and lines are drawn ({dark} dark pixels)");
    assert!(spine > 1000, "the spine is drawn in its colour ({spine} pixels)");
}

#[test]
fn hostile_text_survives_escaped_and_intact() {
    let hostile = [
        "Tom & Jerry <script>alert(1)</script>",
        "\"quoted\" and 'single'",
        "]]> </svg> <!-- -->",
        "مرحبا بالعالم",
        "客户旅程",
        "🚚📦",
    ];
    let mut study: Study = TEMPLATES[0].study().unwrap();
    let long = "L".repeat(10_000);
    let cards: Vec<_> = study.maps[0].stages.iter_mut().flat_map(|s| s.cards.iter_mut()).collect();
    for (card, text) in cards.into_iter().zip(hostile.iter().map(|s| (*s).to_owned()).chain([long.clone()])) {
        card.title = text;
    }
    let svg = String::from_utf8(
        poster(&study, &study.maps[0], &svg_settings(Paper::Fit)).unwrap().sheets.remove(0).bytes,
    )
    .unwrap();
    png::parse_svg(&svg).unwrap();
    assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
    let texts = svg_texts(&svg);
    for text in hostile {
        // Wrapped titles are split into lines: every word must be found whole.
        for word in text.split_whitespace() {
            assert!(texts.iter().any(|t| t.contains(word)), "{word:?} is in the SVG");
        }
    }
    let long_total: usize = texts.iter().map(|t| t.matches('L').count()).sum();
    assert!(long_total >= 10_000, "the long label is kept whole across its lines ({long_total})");
}

#[test]
fn small_paper_warns_and_suggests_a_larger_one() {
    let study = wayline::templates::find("logistics").unwrap().study().unwrap();
    let shrink = PosterSettings { fit: Fit::Shrink, allow_small: true, ..svg_settings(Paper::A4) };
    let poster = poster(&study, &study.maps[0], &shrink).unwrap();
    assert_eq!(poster.warnings.len(), 1, "{:?}", poster.warnings);
    assert!(
        poster.warnings[0].contains("9 pt") && poster.warnings[0].contains("--paper a"),
        "{}",
        poster.warnings[0]
    );
    let poster = poster_on(&study, Paper::A0);
    assert!(poster.warnings.is_empty(), "{:?}", poster.warnings);
}

fn poster_on(study: &Study, paper: Paper) -> wayline::export::Poster {
    poster(study, &study.maps[0], &svg_settings(paper)).unwrap()
}

#[test]
fn cli_exports_svg_and_png_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("poster.svg");
    let outcome = wayline(&["export", &example("saas"), "--out", svg.to_str().unwrap(), "--map", "2"]);
    assert_eq!(outcome.status, ExitStatus::Success, "{}", outcome.stderr);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<?xml") && text.contains("target 2027"));

    let png_path = dir.path().join("poster.png");
    let outcome = wayline(&[
        "export",
        &example("logistics"),
        "--out",
        png_path.to_str().unwrap(),
        "--map",
        "Shipment exceptions and escalations",
        "--paper",
        "a3",
        "--portrait",
        "--dpi",
        "50",
        "--fit",
        "shrink",
        "--force",
    ]);
    assert_eq!(outcome.status, ExitStatus::Success, "{}", outcome.stderr);
    assert_eq!(png_size(&std::fs::read(&png_path).unwrap()), (585, 827));
    assert!(outcome.stderr.contains("warning:") && outcome.stderr.contains("9 pt"), "{}", outcome.stderr);
    assert!(outcome.stdout.contains("Wrote"));
}

#[test]
fn cli_rejects_bad_arguments_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("poster.png");
    let out = out.to_str().unwrap();
    let starter = example("starter");
    for (args, status) in [
        (vec!["export", &starter, "--out", out, "--paper", "b5"], ExitStatus::Usage),
        (vec!["export", &starter, "--out", out, "--dpi", "0"], ExitStatus::Usage),
        (vec!["export", &starter, "--out", out, "--dpi", "1201"], ExitStatus::Usage),
        (vec!["export", &starter, "--out", out, "--dpi", "many"], ExitStatus::Usage),
        (vec!["export", &starter, "--out", out, "--map", "7"], ExitStatus::Usage),
        (vec!["export", &starter, "--out", out, "--map", "No such map"], ExitStatus::Usage),
        (vec!["export", &starter, "--out", out, "--landscape", "--portrait"], ExitStatus::Usage),
        (vec!["export", &starter, "--out", "poster.pdfx"], ExitStatus::Usage),
        (vec!["export", "/nonexistent.journey.ron", "--out", out], ExitStatus::Failure),
        (vec!["export", &starter, "--out", out, "--paper", "a0", "--dpi", "1200"], ExitStatus::Failure),
    ] {
        let outcome = wayline(&args);
        assert_eq!(outcome.status, status, "{args:?}: {}", outcome.stderr);
        assert!(!outcome.stderr.trim().is_empty(), "{args:?} explains itself");
        assert!(!outcome.stderr.contains("panicked"), "{args:?}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no output file is left behind");
    assert!(!std::path::Path::new("poster.pdfx").exists());
}
