//! Maps wider than the paper: on fixed paper a map whose smallest text would print below 9 pt
//! is wrapped into rows or split across pages; nothing prints inside the 8 mm margin; text
//! below 6 pt is refused unless forced; PNG beyond the pixel limit is refused with advice; the
//! parallel PNG render is the one-piece render.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::cli::{example, wayline};
use wayline::cli::ExitStatus;
use wayline::export::fit::{Plan, plan};
use wayline::export::paper::{PRINT_MARGIN_MM, PT_PER_MM};
use wayline::export::{
    Arrangement, ExportError, ExportFormat, Fit, Orientation, Paper, PosterFormat, PosterSettings,
    export_map, png, poster,
};
use wayline::layout::{Rect, Role, Scene, Shape};
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

#[test]
fn probe() {
    for (s, c) in [(12, 3), (20, 4), (40, 4)] {
        let study = wide_study(s, c);
        for paper in [Paper::A3, Paper::A1, Paper::A0] {
            for fit in Fit::ALL {
                let r = plan(&study, &study.maps[0], paper, Orientation::Auto, fit, true);
                match r {
                    Ok(p) => eprintln!(
                        "{s}x{c} {paper} {fit}: {:?} {:.1} pt {:?}",
                        p.arrangement, p.smallest_pt, p.warnings
                    ),
                    Err(e) => eprintln!("{s}x{c} {paper} {fit}: {e}"),
                }
            }
        }
    }
    if let Ok(path) = std::env::var("WIDE_STUDY") {
        wayline::io::save_study(&wide_study(20, 4), std::path::Path::new(&path)).unwrap();
    }
}
