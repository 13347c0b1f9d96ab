//! Swimlane maps (tactical and performance): compact lanes that print legibly on A1, and
//! connectors that route locally without crossing cards.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::app::{drag, harness, study};
use egui::{Key, Modifiers};

use wayline::export::{Orientation, Page, Paper};
use wayline::layout::{FontMeasure, Layer, LayoutOptions, Point, Rect, Role, Scene, Shape, layout};
use wayline::model::{
    Card, CardId, Colour, JourneyMap, Link, LinkId, LinkKind, MapId, MapKind, Owner, OwnerId, OwnerKind,
    Stage, StageId, Study, ViewScores,
};

/// A small deterministic generator (a linear congruential one), so the maps are the same in
/// every run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from((self.0 >> 33) % sides as u64).unwrap()
    }
}

const TITLES: [&str; 6] = [
    "Books the pickup",
    "Checks the customs documents for the shipment",
    "Calls the customer",
    "Confirms the delivery window and the unloading slot with the receiver",
    "Invoices",
    "Escalates a missed pickup to the depot",
];

/// How the generated steps are handed between owners.
#[derive(Clone, Copy, Debug)]
enum Hands {
    /// Round-robin-ish: each step moves one to three lanes on (wrapping round), as work passes
    /// down a chain of teams and back to the first.
    Chain,
    /// Any owner for any step.
    Random,
}

/// Where the generated extra links go.
#[derive(Clone, Copy, Debug)]
enum Reach {
    /// Skips forward over one to three steps and loops back one or two steps, as rework and
    /// shortcuts do.
    Local,
    /// From any step to any other.
    Anywhere,
}

/// The shape of a generated map.
#[derive(Clone, Copy, Debug)]
struct Shape_ {
    kind: MapKind,
    hands: Hands,
    links: usize,
    reach: Reach,
}

/// A map of 30 steps over 5 or 6 stages in 8 lanes, with owners and `links` extra links drawn by a
/// seeded generator.
fn generated(seed: u64, shape: Shape_) -> Study {
    let Shape_ { kind, hands, links, reach } = shape;
    // Five or six stages, by seed.
    let (steps, stages, lanes): (usize, usize, usize) = (30, 5 + usize::from(seed.is_multiple_of(2)), 8);
    let mut dice = Dice(seed);
    let owners: Vec<Owner> = (1..=lanes)
        .map(|i| Owner {
            id: OwnerId(u32::try_from(i).unwrap()),
            name: format!("Team {i}"),
            kind: OwnerKind::Department,
            colour: Colour::OWNER_PALETTE[i % Colour::OWNER_PALETTE.len()],
            ..Owner::default()
        })
        .collect();
    let mut cards = Vec::new();
    let mut owner = 0;
    for i in 0..steps {
        owner = match hands {
            Hands::Chain => (owner + dice.roll(3)) % lanes + 1,
            Hands::Random => dice.roll(lanes) + 1,
        };
        let scores = |dice: &mut Dice| {
            let score = |d: &mut Dice| Some(1.0 + d.roll(7) as f32);
            ViewScores { internal: score(dice), customer: score(dice) }
        };
        cards.push(Card {
            id: CardId(u32::try_from(i).unwrap() + 1),
            title: TITLES[dice.roll(TITLES.len())].to_owned(),
            channel: "Phone".to_owned(),
            accountable: Some(OwnerId(u32::try_from(owner).unwrap())),
            owners: vec![OwnerId(u32::try_from(owner).unwrap())],
            performance: if kind == MapKind::Performance { scores(&mut dice) } else { ViewScores::default() },
            ..Card::default()
        });
    }
    let per_stage = steps.div_ceil(stages);
    let mut stage_list = Vec::new();
    for (s, chunk) in cards.chunks(per_stage).enumerate() {
        stage_list.push(Stage {
            id: StageId(u32::try_from(s).unwrap() + 1),
            name: format!("Stage {}", s + 1),
            cards: chunk.to_vec(),
            ..Stage::default()
        });
    }
    let mut link_list = Vec::new();
    for i in 0..links {
        let from = dice.roll(steps);
        let to = match reach {
            Reach::Anywhere => dice.roll(steps),
            Reach::Local if i % 2 == 0 => from + 2 + dice.roll(3),
            Reach::Local => from.saturating_sub(1 + dice.roll(2)),
        };
        if from == to || to >= steps {
            continue;
        }
        link_list.push(Link {
            id: LinkId(u32::try_from(i).unwrap() + 1),
            from: CardId(u32::try_from(from).unwrap() + 1),
            to: CardId(u32::try_from(to).unwrap() + 1),
            kind: if i % 3 == 0 { LinkKind::Dependency } else { LinkKind::Flow },
            ..Link::default()
        });
    }
    Study {
        owners,
        maps: vec![JourneyMap {
            id: MapId(1),
            title: "Generated lane map".to_owned(),
            kind,
            stages: stage_list,
            links: link_list,
            ..JourneyMap::default()
        }],
        ..Study::default()
    }
}

fn scene_of(study: &Study, map: &JourneyMap) -> Scene {
    layout(study, map, FontMeasure::shared(), &LayoutOptions::default())
}

/// The size the smallest text of the scene prints at on A1.
fn smallest_on_a1(scene: &Scene) -> f32 {
    let smallest = scene.texts().map(|(run, _)| run.size).fold(f32::INFINITY, f32::min);
    Page::place(scene.width, scene.height, Paper::A1, Orientation::Auto).scale * smallest
}

fn regions(scene: &Scene, layer: Layer) -> impl Iterator<Item = (Rect, Role)> + '_ {
    scene.regions.iter().filter(move |r| r.layer == layer).map(|r| (r.rect, r.role))
}

/// The share of the lanes' area that cards cover.
fn coverage(scene: &Scene) -> f32 {
    let area = |r: &Rect| r.width() * r.height();
    let cards: f32 = regions(scene, Layer::Cards).map(|(r, _)| area(&r)).sum();
    let lanes: f32 = regions(scene, Layer::Lanes).map(|(r, _)| area(&r)).sum();
    cards / lanes
}

/// Every connector's polyline, with the cards it joins: the longest line drawn for each flow
/// arrow and link (the shorter ones are its marks).
fn connectors(scene: &Scene, map: &JourneyMap) -> Vec<(Vec<Point>, CardId, CardId, bool)> {
    let mut found: Vec<(Role, Vec<Point>, CardId, CardId)> = Vec::new();
    for item in &scene.items {
        let Shape::Line { points, .. } = &item.shape else { continue };
        let (from, to) = match item.role {
            Role::Flow(from, to) => (from, to),
            Role::Link(id) => match map.links.iter().find(|l| l.id == id) {
                Some(link) => (link.from, link.to),
                None => continue,
            },
            _ => continue,
        };
        match found.iter_mut().find(|f| f.0 == item.role) {
            Some(existing) if length(&existing.1) < length(points) => existing.1.clone_from(points),
            Some(_) => {}
            None => found.push((item.role, points.clone(), from, to)),
        }
    }
    found
        .into_iter()
        .map(|(role, points, from, to)| (points, from, to, matches!(role, Role::Flow(..))))
        .collect()
}

fn segment_crosses_rect(a: Point, b: Point, rect: &Rect) -> bool {
    // Connectors are orthogonal or straight; sample the segment finely inside the shrunk rect.
    let inner = Rect {
        min: Point::new(rect.min.x + 0.5, rect.min.y + 0.5),
        max: Point::new(rect.max.x - 0.5, rect.max.y - 0.5),
    };
    (0..=200).any(|i| {
        let t = i as f32 / 200.0;
        let p = Point::new(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
        p.x > inner.min.x && p.x < inner.max.x && p.y > inner.min.y && p.y < inner.max.y
    })
}

/// Whether two segments cross at a point inside both (touching ends do not count).
fn segments_cross(a: (Point, Point), b: (Point, Point)) -> bool {
    let cross = |o: Point, p: Point, q: Point| (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
    let (d1, d2) = (cross(b.0, b.1, a.0), cross(b.0, b.1, a.1));
    let (d3, d4) = (cross(a.0, a.1, b.0), cross(a.0, a.1, b.1));
    d1 * d2 < -1e-3 && d3 * d4 < -1e-3
}

fn length(points: &[Point]) -> f32 {
    points.windows(2).map(|w| ((w[1].x - w[0].x).powi(2) + (w[1].y - w[0].y).powi(2)).sqrt()).sum()
}

struct Report {
    links: usize,
    crossings: usize,
    /// Crossings between two flow arrows.
    between_flows: usize,
    worst_detour: f32,
}

/// Checks that no connector crosses a card other than its two ends' and measures detours and
/// crossings.
fn check_routes(scene: &Scene, map: &JourneyMap) -> Report {
    let cards: Vec<(Rect, CardId)> = regions(scene, Layer::Cards)
        .filter_map(|(r, role)| match role {
            Role::Card(id) => Some((r, id)),
            _ => None,
        })
        .collect();
    let lines = connectors(scene, map);
    let mut worst_detour: f32 = 1.0;
    for (points, from, to, _) in &lines {
        for w in points.windows(2) {
            for (rect, id) in &cards {
                assert!(
                    !segment_crosses_rect(w[0], w[1], rect),
                    "the connector {from}→{to} {points:?} crosses card {id} {rect:?}"
                );
            }
        }
        // The line stops at the arrowhead's base; the arrowhead adds at most its length.
        let (start, end) = (points[0], points[points.len() - 1]);
        let straight = ((end.x - start.x).powi(2) + (end.y - start.y).powi(2)).sqrt();
        if straight > 20.0 {
            let detour = length(points) / straight;
            assert!(detour <= 3.0, "the connector {from}→{to} {points:?} has a detour of {detour:.2}");
            worst_detour = worst_detour.max(detour);
        }
    }
    let (mut crossings, mut between_flows) = (0, 0);
    for (i, (a, .., a_flow)) in lines.iter().enumerate() {
        for (b, .., b_flow) in &lines[i + 1..] {
            for sa in a.windows(2) {
                for sb in b.windows(2) {
                    if segments_cross((sa[0], sa[1]), (sb[0], sb[1])) {
                        crossings += 1;
                        between_flows += usize::from(*a_flow && *b_flow);
                    }
                }
            }
        }
    }
    Report { links: lines.len(), crossings, between_flows, worst_detour }
}

/// The size the body text of a scene prints at on A1 as one piece.
fn body_on_a1(scene: &Scene) -> f32 {
    Page::place(scene.width, scene.height, Paper::A1, Orientation::Auto).scale * scene.body_text_size
}

/// The size the smallest text of a map prints at when exported on A1 as a user does (the
/// default fit: one piece, else rows of stages, else pages).
fn exported_on_a1(study: &wayline::model::Study, map: &wayline::model::JourneyMap) -> f32 {
    wayline::export::fit::plan(study, map, Paper::A1, Orientation::Auto, wayline::export::Fit::Auto, false)
        .map_or(0.0, |plan| plan.smallest_pt)
}

#[test]
fn a_thirty_step_eight_lane_map_is_compact_and_legible_on_a1() {
    // Sixteen maps: each must print its body text at 9 pt or more on A1 and cover nearly a
    // quarter of its lanes with cards, and together they must cover a quarter.
    let mut failures = Vec::new();
    let mut coverages = Vec::new();
    for kind in [MapKind::Tactical, MapKind::Performance] {
        for seed in 1..=8 {
            let shape = Shape_ { kind, hands: Hands::Chain, links: 0, reach: Reach::Local };
            let study = generated(seed, shape);
            let map = &study.maps[0];
            let scene = scene_of(&study, map);
            let owners: std::collections::HashSet<_> = map.cards().map(|c| c.accountable).collect();
            assert_eq!(regions(&scene, Layer::Lanes).count(), owners.len(), "one lane per owner");
            let (covered, printed) = (coverage(&scene), exported_on_a1(&study, map));
            println!(
                "{kind:?} seed {seed}: cards cover {:.0} % of the lanes, smallest text {printed:.1} pt exported on A1 \
                 ({:.1} pt in one piece)",
                covered * 100.0,
                smallest_on_a1(&scene)
            );
            coverages.push(covered);
            if covered < 0.24 || printed < 9.0 {
                failures.push(format!("{kind:?} seed {seed}: {:.1} %, {printed:.2} pt", covered * 100.0));
            }
        }
    }
    let mean = coverages.iter().sum::<f32>() / coverages.len() as f32;
    println!("cards cover {:.1} % of the lanes on average", mean * 100.0);
    assert!(failures.is_empty(), "below 24 % coverage or 9 pt: {failures:?}");
    assert!(mean >= 0.25, "cards cover {:.1} % on average", mean * 100.0);
}

#[test]
fn owners_drawn_at_random_still_share_columns() {
    // Work handed at random between eight teams stacks less; the numbers are reported, and
    // the map must still beat one column per step by far.
    for kind in [MapKind::Tactical, MapKind::Performance] {
        for seed in 1..=8 {
            let study = generated(seed, Shape_ { kind, hands: Hands::Random, links: 0, reach: Reach::Local });
            let scene = scene_of(&study, &study.maps[0]);
            let columns = {
                let mut lefts: Vec<f32> = regions(&scene, Layer::Cards).map(|(r, _)| r.min.x).collect();
                lefts.sort_by(f32::total_cmp);
                lefts.dedup_by(|a, b| (*a - *b).abs() < 0.5);
                lefts.len()
            };
            println!(
                "{kind:?} seed {seed}: {columns} columns for 30 steps, cards cover {:.0} %, body {:.1} pt on A1",
                coverage(&scene) * 100.0,
                body_on_a1(&scene)
            );
            assert!(columns <= 16, "{kind:?} seed {seed}: {columns} columns");
        }
    }
}

#[test]
fn the_bundled_lane_maps_print_at_nine_points_on_a1() {
    // Exported as a user does: in one piece when that keeps every text at 9 pt, else wrapped
    // into rows of stages.
    let mut failures = Vec::new();
    for name in ["logistics", "saas", "starter"] {
        let study = wayline::templates::find(name).unwrap().study().unwrap();
        for map in study.maps.iter().filter(|m| m.kind != MapKind::Typical) {
            let scene = scene_of(&study, map);
            let printed = exported_on_a1(&study, map);
            println!(
                "{name} “{}”: body {printed:.1} pt on A1 (smallest text {:.1} pt), cards cover {:.0} %, {:.0} × {:.0}",
                map.title,
                smallest_on_a1(&scene),
                coverage(&scene) * 100.0,
                scene.width,
                scene.height
            );
            if printed < 9.0 {
                failures.push(format!("{name} “{}”: {printed:.2} pt", map.title));
            }
        }
    }
    assert!(failures.is_empty(), "too small on A1: {failures:?}");
}

#[test]
fn connectors_cross_no_card_and_take_short_routes() {
    // Every link of every map keeps off cards and within a detour of 3 (checked in
    // `check_routes`). Crossings are counted: with local links (skips and loops back, as rework
    // and shortcuts do) a map has fewer crossings than connectors on the whole, and never more
    // than a quarter over; links from anywhere to anywhere are only reported.
    let mut failures = Vec::new();
    for reach in [Reach::Local, Reach::Anywhere] {
        let (mut connectors, mut crossings) = (0, 0);
        for kind in [MapKind::Tactical, MapKind::Performance] {
            for hands in [Hands::Chain, Hands::Random] {
                for seed in 1..=8 {
                    let study = generated(seed, Shape_ { kind, hands, links: 8, reach });
                    let map = &study.maps[0];
                    let report = check_routes(&scene_of(&study, map), map);
                    connectors += report.links;
                    crossings += report.crossings;
                    println!(
                        "{kind:?} {hands:?} {reach:?} seed {seed}: {} connectors, {} crossings ({} between flows)",
                        report.links, report.crossings, report.between_flows
                    );
                    if matches!(reach, Reach::Local) && report.crossings * 4 > report.links * 5 {
                        failures
                            .push(format!("{kind:?} {hands:?} seed {seed}: {} crossings", report.crossings));
                    }
                }
            }
        }
        println!("links {reach:?}: {connectors} connectors, {crossings} crossings in all");
        if matches!(reach, Reach::Local) {
            assert!(crossings <= connectors, "{crossings} crossings for {connectors} connectors");
        }
    }
    assert!(failures.is_empty(), "more crossings than connectors: {failures:?}");
}

#[test]
fn the_bundled_lane_maps_route_around_their_cards() {
    let study = wayline::templates::find("logistics").unwrap().study().unwrap();
    for map in study.maps.iter().filter(|m| m.kind != MapKind::Typical) {
        let report = check_routes(&scene_of(&study, map), map);
        println!(
            "“{}”: {} connectors, {} crossings, worst detour {:.2}",
            map.title, report.links, report.crossings, report.worst_detour
        );
        assert!(report.crossings <= report.links);
    }
}

/// The logistics study with its tactical map shown first, and the lanes of that map.
fn tactical_first() -> (Study, Vec<(Rect, Option<OwnerId>)>) {
    let mut study = common::app::template("logistics");
    let tactical = study.maps.iter().position(|m| m.kind == MapKind::Tactical).unwrap();
    let map = study.maps.remove(tactical);
    study.maps.insert(0, map);
    let scene = scene_of(&study, &study.maps[0]);
    let lanes = regions(&scene, Layer::Lanes)
        .filter_map(|(rect, role)| match role {
            Role::Lane(owner) => Some((rect, owner)),
            _ => None,
        })
        .collect();
    (study, lanes)
}

#[test]
fn dragging_a_lane_header_reorders_the_lanes_in_one_undo_step() {
    let (before, lanes) = tactical_first();
    let mut harness = harness(before.clone());
    let (first, owner) = lanes[0];
    let grab = harness.state_mut().map_to_screen(Point::new(first.min.x + 20.0, first.min.y + 12.0)).unwrap();
    let below_third = lanes[2].0;
    let drop =
        harness.state_mut().map_to_screen(Point::new(first.min.x + 20.0, below_third.max.y - 4.0)).unwrap();
    drag(&mut harness, grab, drop);
    let after = study(&harness);
    let shown = after.maps[0].lanes(|id| after.owner(id).is_some());
    assert_eq!(shown[2], owner, "the first lane now third: {shown:?}");
    assert_eq!(shown[..2], [lanes[1].1, lanes[2].1]);
    // One undo step puts the map back as it was, lane order and all.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(study(&harness), before);
}

#[test]
fn a_lane_moves_down_from_its_header_menu() {
    let (before, lanes) = tactical_first();
    let mut harness = harness(before);
    let (first, owner) = lanes[0];
    let header =
        harness.state_mut().map_to_screen(Point::new(first.min.x + 20.0, first.min.y + 12.0)).unwrap();
    harness.hover_at(header);
    harness.run_ok();
    for pressed in [true, false] {
        let button = egui::PointerButton::Secondary;
        harness.event(egui::Event::PointerButton {
            pos: header,
            button,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run_ok();
    common::app::click(&mut harness, "Move lane down");
    let after = study(&harness);
    let shown = after.maps[0].lanes(|id| after.owner(id).is_some());
    assert_eq!(shown[..2], [lanes[1].1, owner], "{shown:?}");
}

#[test]
fn a_saved_lane_order_survives_a_round_trip_and_an_empty_one_is_not_written() {
    let (mut study, lanes) = tactical_first();
    let plain = wayline::io::format::to_ron_string(&study).unwrap();
    assert!(!plain.contains("lane_order"), "files without a lane order save as before");
    let order: Vec<OwnerId> = lanes.iter().rev().filter_map(|(_, owner)| *owner).collect();
    study.maps[0].lane_order.clone_from(&order);
    let text = wayline::io::format::to_ron_string(&study).unwrap();
    let back = wayline::io::format::parse_study(&text, "map.journey.ron").unwrap();
    assert_eq!(back.maps[0].lane_order, order);
    let scene = scene_of(&back, &back.maps[0]);
    let shown: Vec<Option<OwnerId>> = regions(&scene, Layer::Lanes)
        .filter_map(|(_, role)| match role {
            Role::Lane(owner) => Some(owner),
            _ => None,
        })
        .collect();
    let expected: Vec<Option<OwnerId>> = order.iter().map(|o| Some(*o)).collect();
    assert_eq!(shown[..expected.len()], expected[..], "the lanes follow the saved order");
}

#[test]
fn the_handoff_row_counts_what_the_analysis_counts() {
    let study = common::app::template("logistics");
    for map in study.maps.iter().filter(|m| m.kind != MapKind::Typical) {
        let scene = scene_of(&study, map);
        let counts = wayline::analysis::handoffs_per_stage(map, &wayline::analysis::handoffs(map));
        let printed: Vec<&str> = scene
            .texts()
            .filter(|(run, _)| run.text.ends_with("handoff") || run.text.ends_with("handoffs"))
            .map(|(run, _)| run.text.as_str())
            .collect();
        let expected: Vec<String> = counts
            .iter()
            .map(|n| if *n == 0 { "No handoffs".to_owned() } else { wayline::words::count(*n, "handoff") })
            .collect();
        assert_eq!(printed, expected, "{}", map.title);
        assert!(scene.texts().any(|(run, _)| run.text == "Handoffs"), "the row has its header");
    }
}

#[test]
fn every_bundled_map_with_lanes_lays_out_without_overlaps() {
    for name in ["logistics", "saas", "starter"] {
        let study = common::app::template(name);
        for map in study.maps.iter().filter(|m| m.kind != MapKind::Typical) {
            let scene = scene_of(&study, map);
            for layer in [Layer::Cards, Layer::Lanes, Layer::Labels] {
                let found: Vec<(Rect, Role)> = regions(&scene, layer).collect();
                for (i, (a, ra)) in found.iter().enumerate() {
                    for (b, rb) in &found[i + 1..] {
                        assert!(!(ra != rb && a.overlaps(b)), "{name}: {ra:?} overlaps {rb:?}");
                    }
                }
            }
        }
    }
}
