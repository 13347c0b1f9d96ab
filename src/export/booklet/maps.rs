//! A map on booklet pages, with the poster's strategies: the whole map on one page (landscape
//! or portrait, whichever prints larger) when its smallest text stays at 8 pt or more; else
//! the sheets the poster's fitting plans (rows of stages, or stages split across pages), each
//! on a page; else tiles of the map cut at a scale that keeps the text at 8 pt, each tile a
//! page, "part n of m".

use super::flow::{MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP, MIN_PT};
use crate::export::fit::{self, smallest_text};
use crate::export::pdf::Placed;
use crate::export::{Fit, Orientation, Paper};
use crate::layout::{FontMeasure, LayoutOptions, Rect, Scene, layout};
use crate::model::{JourneyMap, Study};
use std::sync::Arc;

/// One page of a map.
#[derive(Clone, Debug)]
pub struct MapPage {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The map's part on it.
    pub placed: Placed,
}

/// The page sizes of `paper`, landscape then portrait, in points.
fn turns(paper: Paper) -> [(f32, f32); 2] {
    let (short, long) = paper.size_mm().unwrap_or((210.0, 297.0));
    let pt = crate::export::paper::PT_PER_MM;
    [(long * pt, short * pt), (short * pt, long * pt)]
}

/// The area a map may use on a page of `width` × `height`.
fn content(width: f32, height: f32) -> Rect {
    Rect::from_xywh(MARGIN_SIDE, MARGIN_TOP, width - 2.0 * MARGIN_SIDE, height - MARGIN_TOP - MARGIN_BOTTOM)
}

/// The scale that fits `scene` in `area` (never above 1: a map is not blown up).
fn fit_scale(scene: &Scene, area: Rect) -> f32 {
    (area.width() / scene.width.max(1.0)).min(area.height() / scene.height.max(1.0)).min(1.0)
}

/// The pages `map` prints on, on `paper`.
#[must_use]
pub fn map_pages(study: &Study, map: &JourneyMap, paper: Paper) -> Vec<MapPage> {
    let measure = FontMeasure::shared();
    let whole = Arc::new(layout(study, map, measure, &LayoutOptions::default()));
    if let Some(pages) = on_pages(std::slice::from_ref(&whole), paper) {
        return pages;
    }
    // The poster's own rows or pages of stages, when they keep the text legible; the search
    // for a larger paper is left out (a booklet's paper is fixed), and so is its cost.
    if let Some(plan) = fit::arranged(study, map, paper, Orientation::Auto, Fit::Auto) {
        let planned: Vec<Arc<Scene>> = plan.sheets.into_iter().map(|sheet| Arc::new(sheet.scene)).collect();
        if let Some(pages) = on_pages(&planned, paper) {
            return pages;
        }
    }
    tiles(std::slice::from_ref(&whole), paper)
}

/// Each scene on one page at one common scale, all turned the way that prints largest, when
/// that keeps the text at 8 pt.
fn on_pages(scenes: &[Arc<Scene>], paper: Paper) -> Option<Vec<MapPage>> {
    let smallest = scenes.iter().map(|s| smallest_text(s)).fold(f32::INFINITY, f32::min);
    let (turn, scale) = turns(paper)
        .into_iter()
        .map(|(w, h)| {
            let area = content(w, h);
            ((w, h), scenes.iter().map(|s| fit_scale(s, area)).fold(f32::INFINITY, f32::min))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    if !smallest.is_finite() || smallest * scale < MIN_PT - 0.005 {
        return None;
    }
    let area = content(turn.0, turn.1);
    Some(
        scenes
            .iter()
            .map(|scene| MapPage {
                width: turn.0,
                height: turn.1,
                placed: Placed {
                    scene: scene.clone(),
                    scale,
                    offset: (area.min.x + (area.width() - scene.width * scale) / 2.0, area.min.y),
                    clip: None,
                },
            })
            .collect(),
    )
}

/// Each scene cut into page-sized tiles at the scale that sets its smallest text at 8 pt, in
/// the orientation that needs fewer pages; tiles left to right, then top to bottom.
fn tiles(scenes: &[Arc<Scene>], paper: Paper) -> Vec<MapPage> {
    let mut pages = Vec::new();
    for scene in scenes {
        let smallest = smallest_text(scene);
        let scale = if smallest.is_finite() && smallest > 0.0 { MIN_PT / smallest } else { 1.0 };
        let count = |(w, h): (f32, f32)| {
            let area = content(w, h);
            let across = (scene.width * scale / area.width()).ceil().max(1.0);
            let down = (scene.height * scale / area.height()).ceil().max(1.0);
            (across, down)
        };
        let Some(turn) = turns(paper).into_iter().min_by(|a, b| {
            let (ca, cb) = (count(*a), count(*b));
            (ca.0 * ca.1).total_cmp(&(cb.0 * cb.1))
        }) else {
            continue;
        };
        let area = content(turn.0, turn.1);
        let (across, down) = count(turn);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "small positive counts")]
        let (across, down) = (across as usize, down as usize);
        for row in 0..down {
            for column in 0..across {
                #[allow(clippy::cast_precision_loss, reason = "small counts")]
                let (dx, dy) = (column as f32 * area.width(), row as f32 * area.height());
                // A tile with nothing of the map on it (beside a short column, say) is left out.
                let tile =
                    Rect::from_xywh(dx / scale, dy / scale, area.width() / scale, area.height() / scale);
                if !scene.items.iter().any(|item| item_bounds(&item.shape).overlaps(&tile)) {
                    continue;
                }
                pages.push(MapPage {
                    width: turn.0,
                    height: turn.1,
                    placed: Placed {
                        scene: scene.clone(),
                        scale,
                        offset: (area.min.x - dx, area.min.y - dy),
                        clip: Some(area),
                    },
                });
            }
        }
    }
    pages
}

/// The box a shape covers, in map units (its outline ignored: a hair does not make a tile).
fn item_bounds(shape: &crate::layout::Shape) -> Rect {
    match shape {
        crate::layout::Shape::Rect { rect, fill, .. }
            if fill.is_some_and(|c| c == crate::layout::style::PAPER) =>
        {
            // The white page background covers every tile; it does not count as content.
            Rect::from_xywh(rect.min.x, rect.min.y, 0.0, 0.0)
        }
        other => crate::export::pdf::paint::bounds(other),
    }
}
