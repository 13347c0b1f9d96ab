//! The method's numbers on the poster: scores, gaps, emotion, stage metrics and the action
//! plan are printed honestly (never NaN, off-scale values marked, large values compact), and
//! the legend explains them without its rows running into each other.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

use wayline::export::{Paper, PosterFormat, PosterSettings, poster};
use wayline::layout::style::{self, size};
use wayline::layout::{FontMeasure, Layer, LayoutOptions, Role, Scene, Shape, TextRun, Weight, layout};
use wayline::model::{
    Card, CardId, Colour, Emotion, JourneyMap, MapKind, Metric, Owner, OwnerId, Priority, Recommendation,
    Stage, StageId, Status, Study, ViewScores,
};

fn card(id: u32, title: &str) -> Card {
    Card { id: CardId(id), title: title.to_owned(), ..Card::default() }
}

fn scores(internal: Option<f32>, customer: Option<f32>) -> ViewScores {
    ViewScores { internal, customer }
}

fn study_of(stages: Vec<Stage>, kind: MapKind) -> Study {
    Study {
        owners: vec![Owner {
            id: OwnerId(1),
            name: "Customer success".to_owned(),
            colour: Colour::rgb(0xFF, 0xFF, 0xE0),
            ..Owner::default()
        }],
        maps: vec![JourneyMap { title: "Numbers".to_owned(), kind, stages, ..JourneyMap::default() }],
        ..Study::default()
    }
}

fn scene_of(study: &Study) -> Scene {
    layout(study, &study.maps[0], FontMeasure::shared(), &LayoutOptions::default())
}

fn texts_of(scene: &Scene, role: Role) -> Vec<&TextRun> {
    scene.texts().filter(|(_, r)| *r == role).map(|(run, _)| run).collect()
}

fn has_text(scene: &Scene, role: Role, text: &str) -> bool {
    texts_of(scene, role).iter().any(|run| run.text == text)
}

fn svg_of(study: &Study) -> String {
    let settings =
        PosterSettings { format: PosterFormat::Svg, paper: Paper::Fit, ..PosterSettings::default() };
    let mut sheets = poster(study, &study.maps[0], &settings).unwrap().sheets;
    String::from_utf8(sheets.remove(0).bytes).unwrap()
}

/// No two text blocks of the title block, rows or legend overlap, and no text is under the
/// floor size.
fn assert_clean(scene: &Scene) {
    let labels: Vec<_> = scene.regions.iter().filter(|r| r.layer == Layer::Labels).collect();
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
        }
    }
    for (run, _) in scene.texts() {
        assert!(run.size >= size::SMALL - 0.01, "{:?} is set at {} pt", run.text, run.size);
    }
}

#[test]
fn a_card_with_both_views_shows_its_gap_as_a_signed_badge() {
    let mut scored = card(1, "Receives first invoice");
    scored.performance = scores(Some(8.0), Some(5.5));
    scored.importance = scores(None, Some(9.0));
    let mut customer_only = card(2, "Calls support");
    customer_only.performance = scores(None, Some(3.0));
    let mut underrated = card(4, "Renews");
    underrated.performance = scores(Some(4.0), Some(5.5));
    let unknown = card(3, "Reads the contract");
    let study = study_of(
        vec![Stage {
            id: StageId(1),
            cards: vec![scored, customer_only, unknown, underrated],
            ..Stage::default()
        }],
        MapKind::Typical,
    );
    let scene = scene_of(&study);
    let gap = texts_of(&scene, Role::Card(CardId(1)))
        .into_iter()
        .find(|run| run.text == "+2.5")
        .expect("gap badge");
    assert_eq!(gap.weight, Weight::Bold);
    assert!(has_text(&scene, Role::Card(CardId(1)), "5.5"), "customer performance printed");
    assert!(has_text(&scene, Role::Card(CardId(1)), "9"), "importance printed");
    assert!(has_text(&scene, Role::Card(CardId(4)), "−1.5"), "a negative gap keeps its sign");
    assert!(has_text(&scene, Role::Card(CardId(2)), "3"));
    assert!(!has_text(&scene, Role::Card(CardId(2)), "Gap"), "no gap without the internal view");
    let unknown_texts: Vec<&str> =
        texts_of(&scene, Role::Card(CardId(3))).iter().map(|run| run.text.as_str()).collect();
    assert_eq!(unknown_texts, vec!["Reads the contract"], "unknown scores show nothing");
    for label in ["Customer performance", "Importance to customers", "Performance gap"] {
        assert!(
            scene.texts().any(|(run, role)| role == Role::Chrome && run.text.starts_with(label)),
            "legend explains {label}"
        );
    }
    assert_clean(&scene);
}

#[test]
fn a_map_without_scores_has_no_score_legend() {
    let study = study_of(vec![Stage { cards: vec![card(1, "Plain")], ..Stage::default() }], MapKind::Typical);
    let scene = scene_of(&study);
    assert!(!scene.texts().any(|(run, _)| run.text.starts_with("Customer performance")));
    assert!(!scene.texts().any(|(run, _)| run.text.starts_with("Performance gap")));
}

#[test]
fn nan_and_infinity_never_reach_the_page() {
    let mut broken = card(1, "Broken numbers");
    broken.performance = scores(Some(f32::NAN), Some(f32::INFINITY));
    broken.importance = scores(Some(f32::NEG_INFINITY), Some(f32::NAN));
    broken.emotion = Emotion { elicited: Some(f32::NAN), desired: Some(f32::INFINITY) };
    broken.duration =
        Some(wayline::model::Duration { amount: f32::NAN, unit: wayline::model::TimeUnit::Hours });
    broken.metrics = vec![Metric {
        name: "CSAT".to_owned(),
        value: Some(f64::NAN),
        target: Some(f64::INFINITY),
        ..Metric::default()
    }];
    let stage = Stage {
        id: StageId(1),
        emotion: Emotion { elicited: Some(f32::NAN), desired: None },
        metrics: vec![Metric {
            name: "Revenue".to_owned(),
            value: Some(f64::NEG_INFINITY),
            target: Some(f64::NAN),
            ..Metric::default()
        }],
        cards: vec![broken],
        ..Stage::default()
    };
    for kind in [MapKind::Typical, MapKind::Performance] {
        let study = study_of(vec![stage.clone()], kind);
        let scene = scene_of(&study);
        for (run, _) in scene.texts() {
            let lower = run.text.to_lowercase();
            assert!(!lower.contains("nan") && !lower.contains("inf"), "{:?} on a {kind:?} map", run.text);
        }
        let svg = svg_of(&study);
        assert!(
            !svg.contains("NaN") && !svg.contains("inf"),
            "the SVG of a {kind:?} map carries a non-number"
        );
        assert!(has_text(&scene, Role::Stage(StageId(1)), "No value or target yet"));
        assert_clean(&scene);
    }
}

#[test]
fn off_scale_values_are_marked_not_clamped() {
    let mut high = card(1, "Overrated");
    high.performance = scores(Some(14.0), Some(-3.0));
    let study = study_of(vec![Stage { cards: vec![high.clone()], ..Stage::default() }], MapKind::Typical);
    let scene = scene_of(&study);
    assert!(has_text(&scene, Role::Card(CardId(1)), "−3"), "the value is printed as it is");
    assert!(has_text(&scene, Role::Card(CardId(1)), "off scale"));
    assert!(has_text(&scene, Role::Card(CardId(1)), "+17"), "the gap is computed from the real values");
    assert!(scene.texts().any(|(run, role)| role == Role::Chrome && run.text.starts_with("Off scale")));

    let felt = Card { emotion: Emotion { elicited: Some(3.0), desired: Some(-2.5) }, ..card(2, "Beyond") };
    let study =
        study_of(vec![Stage { id: StageId(1), cards: vec![felt], ..Stage::default() }], MapKind::Typical);
    let scene = scene_of(&study);
    assert!(has_text(&scene, Role::Stage(StageId(1)), "+3 off scale"), "emotion above the band is marked");
    assert!(has_text(&scene, Role::Stage(StageId(1)), "−2.5 off scale"), "emotion below the band is marked");
    assert_clean(&scene);

    let study = study_of(vec![Stage { cards: vec![high], ..Stage::default() }], MapKind::Performance);
    let scene = scene_of(&study);
    assert!(has_text(&scene, Role::Card(CardId(1)), "14"));
    let arrows = scene
        .items
        .iter()
        .filter(|item| {
            item.role == Role::Card(CardId(1))
                && matches!(&item.shape, Shape::Polygon { points, fill: Some(fill), .. } if points.len() == 3 && *fill == style::INK)
        })
        .count();
    assert_eq!(arrows, 2, "both gauge dots carry an off-scale arrow");
    for letter in ["R", "A", "G"] {
        assert!(!has_text(&scene, Role::Card(CardId(1)), letter), "an off-scale score gets no status");
    }
    assert_clean(&scene);
}

#[test]
fn stage_metrics_print_value_against_target_with_a_mark() {
    let stage = Stage {
        id: StageId(1),
        name: "Onboarding".to_owned(),
        metrics: vec![
            Metric {
                name: "Revenue".to_owned(),
                value: Some(1.2e9),
                target: Some(1.5e9),
                unit: "EUR".to_owned(),
                ..Metric::default()
            },
            Metric {
                name: "Tickets".to_owned(),
                value: Some(12_500.0),
                target: Some(20_000.0),
                higher_is_better: false,
                ..Metric::default()
            },
        ],
        cards: vec![card(1, "Kick-off")],
        ..Stage::default()
    };
    let study = study_of(vec![stage], MapKind::Typical);
    let scene = scene_of(&study);
    assert!(scene.texts().any(|(run, _)| run.text == "Stage metrics"));
    let stage_text = |text: &str| has_text(&scene, Role::Stage(StageId(1)), text);
    assert!(stage_text("1.2 bn EUR (target at least 1.5 bn EUR)"));
    assert!(stage_text("12,500 (target at most 20,000)"));
    let fills = |colour| {
        scene.items.iter().filter(move |item| {
            item.role == Role::Stage(StageId(1))
                && matches!(&item.shape,
                    Shape::Circle { fill: Some(f), .. } | Shape::Rect { fill: Some(f), .. } if *f == colour)
        })
    };
    assert_eq!(fills(style::STATUS_RED).count(), 1, "one missed mark");
    assert_eq!(fills(style::STATUS_GREEN).count(), 1, "one met mark");
    assert!(scene.texts().any(|(run, _)| run.text == "Stage metric meets its target"));
    assert!(scene.texts().any(|(run, _)| run.text == "Stage metric misses its target"));
    assert_clean(&scene);
}

fn recommendation(text: &str, priority: Priority, status: Status) -> Recommendation {
    Recommendation {
        text: text.to_owned(),
        priority,
        status,
        owner: Some(OwnerId(1)),
        ..Recommendation::default()
    }
}

#[test]
fn recommendations_are_a_numbered_plan_keyed_to_cards() {
    let mut invoice = card(5, "Receives first invoice");
    invoice.recommendations = vec![Recommendation {
        due: Some("2026-03-01".parse().unwrap()),
        ..recommendation("Name a contact on the invoice", Priority::High, Status::Agreed)
    }];
    let stages = vec![
        Stage {
            id: StageId(1),
            recommendations: vec![
                recommendation("Low and proposed", Priority::Low, Status::Proposed),
                recommendation("High and done", Priority::High, Status::Done),
            ],
            cards: vec![invoice],
            ..Stage::default()
        },
        Stage {
            id: StageId(2),
            recommendations: vec![recommendation("Medium", Priority::Medium, Status::Proposed)],
            cards: vec![card(6, "Renews")],
            ..Stage::default()
        },
    ];
    for kind in [MapKind::Typical, MapKind::Tactical, MapKind::Performance] {
        let study = study_of(stages.clone(), kind);
        let scene = scene_of(&study);
        let first_stage = texts_of(&scene, Role::Stage(StageId(1)));
        let order: Vec<&str> = ["Name a contact on the invoice", "High and done", "Low and proposed"]
            .into_iter()
            .filter(|text| first_stage.iter().any(|run| run.text == *text))
            .collect();
        assert_eq!(order.len(), 3, "every recommendation prints on a {kind:?} map");
        let y = |text: &str| first_stage.iter().find(|run| run.text == text).unwrap().origin.y;
        assert!(y("Name a contact on the invoice") < y("High and done"), "agreed before done");
        assert!(y("High and done") < y("Low and proposed"), "high before low");
        for (number, text) in
            [("1", "Name a contact on the invoice"), ("2", "High and done"), ("3", "Low and proposed")]
        {
            let key = first_stage.iter().find(|run| run.text == number).expect("numbered");
            assert!((key.origin.y - y(text)).abs() < size::BODY, "number {number} sits on its line");
        }
        assert!(has_text(&scene, Role::Stage(StageId(2)), "4"), "numbers run across the map");
        let joined = first_stage.iter().map(|run| run.text.as_str()).collect::<Vec<_>>().join(" ");
        assert!(joined.contains("Customer success · Agreed · due 2026-03-01"), "{joined}");
        assert!(
            joined.contains("due 2026-03-01 Receives first invoice"),
            "the card it fixes follows on a line of its own: {joined}"
        );
        assert!(has_text(&scene, Role::Card(CardId(5)), "1"), "the card carries its recommendation's number");
        assert!(!has_text(&scene, Role::Card(CardId(6)), "4"), "a stage recommendation keys no card");
        let done = first_stage.iter().find(|run| run.text == "High and done").unwrap();
        assert_eq!(done.colour, style::SECONDARY, "done is muted");
        assert_clean(&scene);
    }
}

fn elicited_points(scene: &Scene) -> usize {
    scene
        .items
        .iter()
        .filter(|item| {
            matches!(item.role, Role::Stage(_))
                && matches!(&item.shape, Shape::Circle { fill: Some(f), .. } if *f == style::ELICITED)
        })
        .count()
}

fn elicited_runs(scene: &Scene) -> usize {
    scene
        .items
        .iter()
        .filter(|item| matches!(&item.shape, Shape::Line { stroke, .. } if stroke.colour == style::ELICITED && stroke.width > 2.0))
        .count()
}

#[test]
fn the_emotion_curve_has_a_point_per_touchpoint_and_breaks_at_unknowns() {
    let felt = |id, value: Option<f32>| Card {
        emotion: Emotion { elicited: value, desired: None },
        ..card(id, "Touchpoint")
    };
    let stages = vec![
        Stage {
            id: StageId(1),
            cards: vec![felt(1, Some(-1.0)), felt(2, Some(1.0)), felt(3, None)],
            ..Stage::default()
        },
        Stage { id: StageId(2), cards: vec![felt(4, Some(0.5)), felt(5, Some(2.0))], ..Stage::default() },
        // A stage with its own emotion and none on its cards still shows.
        Stage {
            id: StageId(3),
            emotion: Emotion { elicited: Some(-0.5), desired: None },
            cards: vec![felt(6, None)],
            ..Stage::default()
        },
    ];
    let study = study_of(stages, MapKind::Typical);
    let scene = scene_of(&study);
    assert_eq!(elicited_points(&scene), 5, "four known touchpoints and one stage of its own");
    // Two runs on the curve (the unknown third touchpoint breaks it) and the legend's sample.
    assert_eq!(elicited_runs(&scene), 2 + 1, "the unknown third touchpoint breaks the line");
    let card_x = |id| scene.card_rect(CardId(id)).unwrap();
    let points: Vec<f32> = scene
        .items
        .iter()
        .filter_map(|item| match (&item.shape, item.role) {
            (Shape::Circle { centre, fill: Some(f), .. }, Role::Stage(_)) if *f == style::ELICITED => {
                Some(centre.x)
            }
            _ => None,
        })
        .collect();
    for (x, id) in points.iter().zip([1, 2, 4, 5]) {
        let rect = card_x(id);
        assert!(rect.min.x <= *x && *x <= rect.max.x, "the point of card {id} lies over its card");
    }
    assert!(points.windows(2).all(|w| w[0] < w[1]), "points run left to right in journey order");
    let means = scene
        .items
        .iter()
        .filter(|item| matches!(&item.shape, Shape::Rect { fill: Some(f), .. } if *f == style::EMOTION_MEAN))
        .count();
    assert_eq!(means, 3 + 1, "a band per stage, and one in the legend");
}

#[test]
fn a_mermaid_journey_keeps_its_task_scores_on_the_poster() {
    let text = "journey\n  title Onboarding\n  section Sign up\n    Fill in the form: 2: Buyer\n    Confirm the email: 4: Buyer\n  section First use\n    Import data: 1: Buyer\n";
    let journey = wayline::interop::mermaid::parse(text).unwrap();
    let (study, _) = wayline::interop::mermaid::to_study(&journey);
    let scene = scene_of(&study);
    assert_eq!(elicited_points(&scene), 3, "one point per task");
    assert_clean(&scene);
}

#[test]
fn long_legend_labels_never_overlap_the_next_row() {
    let long = "A very long owner name that the legend has to wrap onto several lines ".repeat(4);
    let owners: Vec<Owner> = (1..=8)
        .map(|i| Owner {
            id: OwnerId(i),
            name: format!("{i} {long}"),
            colour: Colour::for_owner_index(i as usize),
            ..Owner::default()
        })
        .collect();
    let cards: Vec<Card> = (1..=8)
        .map(|i| Card { accountable: Some(OwnerId(i)), owners: vec![OwnerId(i)], ..card(i, "Step") })
        .collect();
    for kind in [MapKind::Typical, MapKind::Tactical] {
        let mut study = study_of(vec![Stage { cards: cards.clone(), ..Stage::default() }], kind);
        study.owners = owners.clone();
        let scene = scene_of(&study);
        let legend: Vec<_> =
            scene.regions.iter().filter(|r| r.layer == Layer::Labels && r.role == Role::Chrome).collect();
        for (i, a) in legend.iter().enumerate() {
            for b in &legend[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{:?} overlaps {:?} on a {kind:?} map", a.rect, b.rect);
            }
        }
    }
}

#[test]
fn pale_owner_colours_get_an_outline() {
    let owned = Card { accountable: Some(OwnerId(1)), owners: vec![OwnerId(1)], ..card(1, "Owned") };
    let study = study_of(vec![Stage { cards: vec![owned], ..Stage::default() }], MapKind::Typical);
    let scene = scene_of(&study);
    let pale = Colour::rgb(0xFF, 0xFF, 0xE0);
    let shapes: Vec<_> = scene
        .items
        .iter()
        .filter_map(|item| match &item.shape {
            Shape::Rect { fill: Some(f), stroke, .. } if *f == pale => Some((item.role, *stroke)),
            _ => None,
        })
        .collect();
    assert_eq!(shapes.len(), 3, "the card's bar, its chip and the legend chip");
    for (role, stroke) in shapes {
        let stroke = stroke.unwrap_or_else(|| panic!("{role:?} has no outline"));
        assert!(stroke.colour.contrast_ratio(Colour::rgb(0xFF, 0xFF, 0xFF)) >= 3.0);
    }
}

#[test]
fn the_title_block_says_state_kind_and_sources() {
    let mut study =
        study_of(vec![Stage { cards: vec![card(1, "One")], ..Stage::default() }], MapKind::Typical);
    study.maps[0].state = wayline::model::MapState::Future;
    study.maps[0].description = "Survey n=212, workshops 3–4 March".to_owned();
    let scene = scene_of(&study);
    assert!(scene.texts().any(|(run, _)| run.text == "FUTURE STATE" && run.weight == Weight::Bold));
    assert!(scene.texts().any(|(run, _)| run.text == "Typical map"));
    assert!(scene.texts().any(|(run, _)| run.text == "Survey n=212, workshops 3–4 March"));
}

#[test]
fn example_maps_keep_every_text_at_the_floor_and_apart() {
    for template in &wayline::templates::TEMPLATES {
        let study = template.study().unwrap();
        for map in &study.maps {
            let scene = layout(&study, map, FontMeasure::shared(), &LayoutOptions::default());
            assert_clean(&scene);
        }
    }
}

mod common;

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 32, ..proptest::prelude::ProptestConfig::default() })]

    #[test]
    fn generated_studies_print_no_non_numbers_and_keep_the_floor(study in common::study()) {
        for map in &study.maps {
            let scene = layout(&study, map, FontMeasure::shared(), &LayoutOptions::default());
            for (run, _) in scene.texts() {
                proptest::prop_assert!(run.size >= size::SMALL - 0.01, "{:?} at {} pt", run.text, run.size);
                let numeric_nan = run.text.split_whitespace().any(|word| word == "NaN" || word == "inf" || word == "-inf");
                proptest::prop_assert!(!numeric_nan, "{:?}", run.text);
            }
        }
    }
}

/// A study whose first map's cards (each given a detail) are detailed by a second, tactical map
/// with `steps`.
fn detailed(kind: MapKind, touchpoints: Vec<Card>, steps: Vec<Card>) -> Study {
    let mut study = study_of(vec![Stage { id: StageId(1), cards: touchpoints, ..Stage::default() }], kind);
    study.maps[0].id = wayline::model::MapId(1);
    study.maps.push(JourneyMap {
        id: wayline::model::MapId(2),
        title: "Steps".to_owned(),
        kind: MapKind::Tactical,
        stages: vec![Stage { id: StageId(2), cards: steps, ..Stage::default() }],
        ..JourneyMap::default()
    });
    study
}

#[test]
fn a_rollup_prints_beside_the_stated_score_and_never_a_non_number() {
    let step = |id: u32, internal: Option<f32>, customer: Option<f32>| Card {
        performance: scores(internal, customer),
        importance: scores(Some(f32::NAN), Some(f32::INFINITY)),
        emotion: Emotion { elicited: Some(f32::NAN), desired: None },
        ..card(id, &format!("Step {id}"))
    };
    let steps = vec![
        step(10, Some(f32::NAN), Some(f32::NEG_INFINITY)),
        step(11, Some(9.0), Some(4.0)),
        step(12, Some(-3.0), Some(7.0)),
        step(13, Some(8.0), Some(42.0)),
    ];
    let detail = Some(wayline::model::MapId(2));
    let mut agrees = card(1, "Agrees");
    agrees.performance = scores(Some(8.5), Some(5.0));
    agrees.detail = detail;
    // Close in the customer view (5.5 against 5.5) but 3 below its steps internally (8.5).
    let mut internal_only = card(2, "Only the team disagrees");
    internal_only.performance = scores(Some(5.5), Some(5.5));
    internal_only.detail = detail;
    let mut broken = card(3, "Broken numbers");
    broken.performance = scores(Some(f32::NAN), Some(f32::INFINITY));
    broken.detail = detail;
    for kind in [MapKind::Typical, MapKind::Performance] {
        let study =
            detailed(kind, vec![agrees.clone(), internal_only.clone(), broken.clone()], steps.clone());
        let scene = scene_of(&study);
        for (run, _) in scene.texts() {
            let lower = run.text.to_lowercase();
            assert!(!lower.contains("nan") && !lower.contains("inf"), "{:?} on a {kind:?} map", run.text);
        }
        assert!(!svg_of(&study).contains("NaN"));
        let card_texts = |id: u32| -> Vec<&str> {
            texts_of(&scene, Role::Card(CardId(id))).iter().map(|run| run.text.as_str()).collect()
        };
        // Customer: 4 and 7 weigh 1 each (their importance is not a number): 5.5.
        for id in [1, 3] {
            let texts = card_texts(id);
            assert!(texts.windows(3).any(|w| w == ["Steps", "5.5", "4–7"]), "{texts:?} on a {kind:?} map");
            assert!(!texts.contains(&"Internal steps"), "{texts:?}");
        }
        let texts = card_texts(2);
        assert!(texts.windows(3).any(|w| w == ["Internal steps", "8.5", "8–9"]), "{texts:?}");
        let flags: Vec<CardId> = scene
            .items
            .iter()
            .filter(|i| matches!(&i.shape, Shape::Polygon { fill: Some(f), .. } if *f == style::REVIEW))
            .filter_map(|i| if let Role::Card(id) = i.role { Some(id) } else { None })
            .collect();
        assert_eq!(flags, vec![CardId(2)], "only the internal view differs by 2 or more, on card 2");
        assert_clean(&scene);
    }
}
