//! Connectors on typical maps, measured on the scene: every link stays close to the straight
//! line between its cards (detour ≤ 3), no line crosses a card, no two lines share a line,
//! crossings between lines stay few, and handoff marks cover no arrowhead, label or other mark.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]
#![allow(clippy::cast_possible_truncation, reason = "generated counts and ids are small")]

use std::collections::BTreeMap;
use wayline::bench::Random;
use wayline::layout::{FontMeasure, Layer, LayoutOptions, Point, Rect, Role, Scene, Shape, layout};
use wayline::model::{
    Card, CardId, Colour, JourneyMap, Link, LinkId, LinkKind, MapKind, Owner, OwnerId, Stage, StageId, Study,
};

/// What the scene shows of one link.
#[derive(Default)]
struct Drawn {
    /// The line, ending at the arrowhead's tip.
    path: Vec<Point>,
    arrowhead: Option<Rect>,
    /// Handoff marks (the break in the line, grown to the mark's reach).
    marks: Vec<Rect>,
    /// Label pills and note badges.
    pills: Vec<Rect>,
}

const MARK_REACH: f32 = 4.0;

fn bounds(points: &[Point]) -> Rect {
    points.iter().fold(Rect { min: points[0], max: points[0] }, |r, p| r.union(&Rect { min: *p, max: *p }))
}

fn connectors(scene: &Scene) -> BTreeMap<u32, Drawn> {
    let mut drawn: BTreeMap<u32, Drawn> = BTreeMap::new();
    for item in &scene.items {
        let Role::Link(LinkId(id)) = item.role else { continue };
        let link = drawn.entry(id).or_default();
        match &item.shape {
            Shape::Line { points, .. } if link.path.is_empty() => link.path.clone_from(points),
            Shape::Polygon { points, .. } if points.len() == 3 && link.arrowhead.is_none() => {
                link.arrowhead = Some(bounds(points));
                if let Some(last) = link.path.last_mut() {
                    *last = points[0];
                }
            }
            Shape::Polygon { points, .. } if points.len() == 4 => {
                // Grown to the mark's reach, less a hair for rounding.
                let centre = bounds(points).centre();
                let reach = MARK_REACH - 0.05;
                link.marks.push(Rect::from_xywh(
                    centre.x - reach,
                    centre.y - reach,
                    2.0 * reach,
                    2.0 * reach,
                ));
            }
            Shape::Rect { rect, .. } => link.pills.push(*rect),
            _ => {}
        }
    }
    drawn
}

fn length(path: &[Point]) -> f32 {
    path.windows(2).map(|p| (p[1].x - p[0].x).hypot(p[1].y - p[0].y)).sum()
}

/// Routed length over the straight distance between the two ends.
fn detour(path: &[Point]) -> f32 {
    let (a, b) = (path[0], path[path.len() - 1]);
    length(path) / (b.x - a.x).hypot(b.y - a.y).max(1.0)
}

/// Whether a segment passes through the inside of a rectangle (touching its edge is fine).
fn crosses(a: Point, b: Point, rect: &Rect) -> bool {
    let inner = rect.expand(-0.5);
    let segment =
        Rect { min: Point::new(a.x.min(b.x), a.y.min(b.y)), max: Point::new(a.x.max(b.x), a.y.max(b.y)) };
    segment.min.x < inner.max.x
        && segment.max.x > inner.min.x
        && segment.min.y < inner.max.y
        && segment.max.y > inner.min.y
}

/// Crossings between two orthogonal polylines, and lengths along which they share a line.
fn meet(p: &[Point], q: &[Point]) -> (usize, f32) {
    let mut crossings = 0;
    let mut shared = 0.0;
    for s in p.windows(2) {
        for t in q.windows(2) {
            let (s_h, t_h) = ((s[0].y - s[1].y).abs() < 0.01, (t[0].y - t[1].y).abs() < 0.01);
            let (s_v, t_v) = ((s[0].x - s[1].x).abs() < 0.01, (t[0].x - t[1].x).abs() < 0.01);
            let between = |v: f32, a: f32, b: f32| v > a.min(b) + 0.01 && v < a.max(b) - 0.01;
            if s_h && t_v && between(t[0].x, s[0].x, s[1].x) && between(s[0].y, t[0].y, t[1].y)
                || s_v && t_h && between(s[0].x, t[0].x, t[1].x) && between(t[0].y, s[0].y, s[1].y)
            {
                crossings += 1;
            }
            let overlap = |a0: f32, a1: f32, b0: f32, b1: f32| {
                (a0.max(a1).min(b0.max(b1)) - a0.min(a1).max(b0.min(b1))).max(0.0)
            };
            if s_h && t_h && (s[0].y - t[0].y).abs() < 0.5 {
                shared += overlap(s[0].x, s[1].x, t[0].x, t[1].x);
            }
            if s_v && t_v && (s[0].x - t[0].x).abs() < 0.5 {
                shared += overlap(s[0].y, s[1].y, t[0].y, t[1].y);
            }
        }
    }
    (crossings, shared)
}

/// Whether the straight lines between the ends of two paths cross.
fn straight_cross(first: &[Point], second: &[Point]) -> bool {
    let (a, b) = (first[0], first[first.len() - 1]);
    let (c, d) = (second[0], second[second.len() - 1]);
    let side = |o: Point, e: Point, x: Point| (e.x - o.x) * (x.y - o.y) - (e.y - o.y) * (x.x - o.x);
    side(a, b, c) * side(a, b, d) < 0.0 && side(c, d, a) * side(c, d, b) < 0.0
}

/// What the checks found on one map.
#[derive(Debug, Default)]
struct Report {
    links: usize,
    crossings: usize,
    /// Crossings of straight lines between the same ends: what the links themselves imply.
    straight_crossings: usize,
    worst_detour: f32,
    /// Label pills, note badges and handoff marks on lines.
    on_line: usize,
    /// Labels printed on their line, and labels sent to the legend as numbered notes.
    labels_on_line: usize,
    notes: usize,
}

/// Checks every promise about a map's connectors; returns the counts.
fn check(scene: &Scene) -> Result<Report, String> {
    let drawn = connectors(scene);
    let cards: Vec<Rect> = scene.regions.iter().filter(|r| r.layer == Layer::Cards).map(|r| r.rect).collect();
    let mut report = Report::default();
    for (id, link) in &drawn {
        if link.path.len() < 2 {
            continue;
        }
        report.links += 1;
        let d = detour(&link.path);
        report.worst_detour = report.worst_detour.max(d);
        if d > 3.0 {
            return Err(format!("link {id} takes a detour of {d:.2}: {:?}", link.path));
        }
        for pair in link.path.windows(2) {
            if let Some(card) = cards.iter().find(|c| crosses(pair[0], pair[1], c)) {
                return Err(format!("link {id} crosses the card at {card:?}: {:?}", link.path));
            }
        }
    }
    let all: Vec<(&u32, &Drawn)> = drawn.iter().collect();
    for (id, link) in &all {
        for pill in &link.pills {
            if let Some(card) = cards.iter().find(|c| c.overlaps(pill)) {
                return Err(format!("a label of link {id} at {pill:?} covers the card at {card:?}"));
            }
            if let Some((other, _)) =
                all.iter().find(|(_, theirs)| theirs.arrowhead.is_some_and(|a| a.overlaps(pill)))
            {
                return Err(format!("a label of link {id} at {pill:?} covers the arrowhead of link {other}"));
            }
        }
    }
    for (i, (id, link)) in all.iter().enumerate() {
        for (other, theirs) in &all[i + 1..] {
            let (crossings, shared) = meet(&link.path, &theirs.path);
            report.crossings += crossings;
            report.straight_crossings += usize::from(straight_cross(&link.path, &theirs.path));
            if shared > 1.0 {
                return Err(format!(
                    "links {id} and {other} share {shared:.1} units of line: {:?} / {:?}",
                    link.path, theirs.path
                ));
            }
        }
        for mark in &link.marks {
            for (other, theirs) in &all {
                let own = other == id;
                if theirs.arrowhead.is_some_and(|a| a.overlaps(mark)) {
                    return Err(format!("a handoff mark of link {id} covers the arrowhead of link {other}"));
                }
                if theirs.pills.iter().any(|p| p.overlaps(mark)) {
                    return Err(format!(
                        "a handoff mark {mark:?} of link {id} covers a label of link {other}: {:?} {:?}",
                        theirs.pills, link.path
                    ));
                }
                if !own && theirs.marks.iter().any(|m| m.overlaps(mark)) {
                    return Err(format!(
                        "handoff marks of links {id} and {other} overlap: {:?} {:?} / {:?} {:?}",
                        link.marks, link.path, theirs.marks, theirs.path
                    ));
                }
            }
        }
    }
    for (run, role) in scene.texts() {
        if let Role::Link(_) = role {
            if run.size < 10.0 {
                return Err(format!("link text {:?} at {} units", run.text, run.size));
            }
            if run.text.chars().all(|c| c.is_ascii_digit()) {
                report.notes += 1;
            } else {
                report.labels_on_line += 1;
            }
        }
    }
    report.on_line =
        scene.regions.iter().filter(|r| r.layer == Layer::Labels && matches!(r.role, Role::Link(_))).count();
    Ok(report)
}

const WORDS: &[&str] = &[
    "customer",
    "signs",
    "the",
    "contract",
    "portal",
    "invoice",
    "approves",
    "onboarding",
    "ticket",
    "renewal",
    "demo",
    "procurement",
    "security",
    "review",
    "data",
    "migration",
    "sales",
    "hands",
    "over",
    "waits",
    "weeks",
    "for",
    "a",
    "quote",
];

/// Between `least` and `least + spread - 1` random words.
fn words(random: &mut Random, least: usize, spread: usize) -> String {
    let count = least + random.index(spread);
    (0..count).map(|_| WORDS[random.index(WORDS.len())]).collect::<Vec<_>>().join(" ")
}

/// A typical map with random stages, cards of varied height, owners and links, many of them
/// skipping stages or going back.
fn generated(seed: u64, stages: usize, links: usize) -> Study {
    let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let owners: Vec<Owner> = (1..=4)
        .map(|i| Owner {
            id: OwnerId(i),
            name: format!("Team {i}"),
            colour: Colour::rgb(40, 90, 160),
            ..Owner::default()
        })
        .collect();
    let mut next_card = 1;
    let mut all_cards = Vec::new();
    let stages: Vec<Stage> = (0..stages)
        .map(|s| {
            let count = random.index(6);
            let cards = (0..count)
                .map(|_| {
                    let id = CardId(next_card);
                    next_card += 1;
                    all_cards.push(id);
                    let owner = OwnerId(1 + random.index(4) as u32);
                    Card {
                        id,
                        title: words(&mut random, 2, 9),
                        channel: words(&mut random, 0, 3),
                        owners: vec![owner],
                        accountable: (random.index(5) > 0).then_some(owner),
                        ..Card::default()
                    }
                })
                .collect();
            Stage { id: StageId(100 + s as u32), name: format!("Stage {s}"), cards, ..Stage::default() }
        })
        .collect();
    let links = (0..links)
        .filter_map(|l| {
            if all_cards.len() < 2 {
                return None;
            }
            let from = all_cards[random.index(all_cards.len())];
            let to = all_cards[random.index(all_cards.len())];
            let label = match random.index(4) {
                0 => words(&mut random, 1, 12),
                _ => String::new(),
            };
            let kind = if random.index(3) == 0 { LinkKind::Dependency } else { LinkKind::Flow };
            Some(Link { id: LinkId(1000 + l as u32), from, to, kind, label })
        })
        .collect();
    let map = JourneyMap {
        kind: MapKind::Typical,
        title: format!("Generated {seed}"),
        stages,
        links,
        ..JourneyMap::default()
    };
    Study { owners, maps: vec![map], ..Study::default() }
}

fn scene_of(study: &Study, map: &JourneyMap) -> Scene {
    layout(study, map, FontMeasure::shared(), &LayoutOptions::default())
}

#[test]
fn example_typical_maps_route_locally_and_cleanly() {
    for template in &wayline::templates::TEMPLATES {
        let study = template.study().unwrap();
        for map in study.maps.iter().filter(|m| m.kind == MapKind::Typical) {
            let report = check(&scene_of(&study, map))
                .unwrap_or_else(|e| panic!("{} / {}: {e}", template.name, map.title));
            println!("{} / {}: {report:?}", template.name, map.title);
            let bound = 2 * report.straight_crossings + report.links / 4;
            assert!(report.crossings <= bound, "{} / {}: {report:?}", template.name, map.title);
        }
    }
}

#[test]
fn generated_typical_maps_route_locally_and_cleanly() {
    let (mut links, mut crossings, mut straight, mut worst, mut on_line) = (0, 0, 0, 0.0_f32, 0);
    let (mut labels, mut notes) = (0, 0);
    for seed in 0..300 {
        let study = generated(seed, 2 + (seed as usize % 8), seed as usize % 30);
        let report = check(&scene_of(&study, &study.maps[0])).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        links += report.links;
        crossings += report.crossings;
        straight += report.straight_crossings;
        worst = worst.max(report.worst_detour);
        on_line += report.on_line;
        labels += report.labels_on_line;
        notes += report.notes;
    }
    println!(
        "{links} links, {crossings} crossings ({straight} between straight lines), worst detour {worst:.2}, \
         {on_line} labels and marks on lines; {labels} lines of labels printed on lines, {notes} numbered notes"
    );
    // Orthogonal lines around cards cross more than straight ones; the bound catches routes
    // that wander, not the crossings the links themselves imply.
    assert!(
        crossings <= 2 * straight + links / 2,
        "{crossings} crossings for {links} links ({straight} straight)"
    );
}

#[test]
fn a_map_of_many_skip_links_stays_local() {
    let study = generated(7, 8, 40);
    let report = check(&scene_of(&study, &study.maps[0])).unwrap();
    println!("{report:?}");
    assert!(report.crossings <= 2 * report.straight_crossings + report.links / 2, "{report:?}");
    if let Ok(path) = std::env::var("WAYLINE_WRITE_SKIP_MAP") {
        wayline::io::save_study(&study, std::path::Path::new(&path)).unwrap();
    }
}
