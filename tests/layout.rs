//! The layout's promises, checked over generated studies: nothing overlaps, no text leaves
//! its box, everything lies on the page. And a text snapshot of the starter map's scene, so a
//! layout change shows in review.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::checks::check_scene;

use proptest::prelude::*;
use std::fmt::Write as _;
use wayline::layout::{FontMeasure, LayoutOptions, Scene, layout};
use wayline::model::Study;

fn lay_out_all(study: &Study) -> Result<(), String> {
    for map in &study.maps {
        let scene = layout(study, map, FontMeasure::shared(), &LayoutOptions::default());
        check_scene(&scene).map_err(|e| format!("map {:?} ({:?}): {e}", map.title, map.kind))?;
    }
    Ok(())
}

#[test]
fn example_maps_have_no_overlaps_or_overflowing_text() {
    for template in &wayline::templates::TEMPLATES {
        let study = template.study().unwrap();
        lay_out_all(&study).unwrap_or_else(|e| panic!("{}: {e}", template.name));
    }
}

#[test]
fn hostile_text_is_wrapped_not_overflowing() {
    let mut study = wayline::templates::TEMPLATES[0].study().unwrap();
    let hostile = [
        "x".repeat(10_000),
        "<b>&amp;</b> \"quoted\" ]]> </svg>".to_owned(),
        "مرحبا بالعالم — שלום עולם".to_owned(),
        "客户旅程地图客户旅程地图客户旅程地图客户旅程地图".to_owned(),
        "🚚📦🧾✅❌🤝🏽".repeat(20),
        "word ".repeat(400),
    ];
    for (card, text) in
        study.maps[0].stages.iter_mut().flat_map(|s| s.cards.iter_mut()).zip(hostile.iter().cycle())
    {
        card.title = text.clone();
        card.channel = text.clone();
    }
    study.maps[0].stages[0].name = "s".repeat(3000);
    study.maps[0].stages[1].goal = "g".repeat(3000);
    lay_out_all(&study).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_studies_lay_out_cleanly(study in common::study()) {
        if let Err(problem) = lay_out_all(&study) {
            prop_assert!(false, "{}", problem);
        }
    }
}

/// A readable dump of a scene: regions, then text runs, positions rounded to whole units.
fn dump(scene: &Scene) -> String {
    let mut out = format!("scene {:.0} × {:.0}\n", scene.width, scene.height);
    for region in &scene.regions {
        let r = region.rect;
        let _ = writeln!(
            out,
            "region {:?} {:?} at {:.0},{:.0} size {:.0}×{:.0}",
            region.layer,
            region.role,
            r.min.x,
            r.min.y,
            r.width(),
            r.height()
        );
    }
    for (run, role) in scene.texts() {
        let _ = writeln!(
            out,
            "text {:?} {:?} {:.0}pt at {:.0},{:.0}: {}",
            role, run.weight, run.size, run.origin.x, run.origin.y, run.text
        );
    }
    out
}

#[test]
fn starter_scene_matches_its_snapshot() {
    let study = wayline::templates::find("starter").unwrap().study().unwrap();
    let scene = layout(&study, &study.maps[0], FontMeasure::shared(), &LayoutOptions::default());
    let actual = dump(&scene);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/starter.scene.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "the starter scene changed; review the difference and run with UPDATE_SNAPSHOTS=1 to accept it\n{}",
        first_difference(&expected, &actual)
    );
}

fn first_difference(expected: &str, actual: &str) -> String {
    for (n, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n- {e}\n+ {a}", n + 1);
        }
    }
    format!("{} lines expected, {} lines now", expected.lines().count(), actual.lines().count())
}
