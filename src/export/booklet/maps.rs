//! A map on booklet pages, with the poster's strategies: the whole map on one page (landscape
//! or portrait, whichever prints larger) when its smallest text stays at 8 pt or more; else
//! the sheets the poster's fitting plans (rows of stages, or stages split across pages), each
//! on a page; else tiles of the map cut at a scale that keeps the text at 8 pt, each tile a
//! page, "part n of m".

use super::flow::{MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP, MIN_PT};
use super::map_tiles;
use crate::export::fit::{self, smallest_text};
use crate::export::pdf::Placed;
use crate::export::{Fit, Orientation, Paper};
use crate::layout::style::MARGIN;
use crate::layout::{FontMeasure, LayoutOptions, Rect, Scene, layout, title_and_legend};
use crate::model::{JourneyMap, Study};
use std::sync::Arc;

/// One page of a map.
#[derive(Clone, Debug)]
pub struct MapPage {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The map's parts on it: one, or with the spine and the row headers repeated.
    pub layers: Vec<Placed>,
    /// The stages it shows, first and last (from 0), when the map is cut between stages.
    pub stages: Option<(usize, usize)>,
    /// The lowest point the map's parts reach on the page, in points from the top.
    pub bottom: f32,
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
    tiles(study, map, &whole, paper)
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
                layers: vec![Placed {
                    scene: scene.clone(),
                    scale,
                    offset: (area.min.x + (area.width() - scene.width * scale) / 2.0, area.min.y),
                    clip: None,
                }],
                stages: None,
                bottom: area.min.y + scene.height * scale,
            })
            .collect(),
    )
}

/// The room between the title block, the map's parts and the legend, in points.
const GAP: f32 = 10.0;

/// The map cut into pages at the scale that sets its smallest text at 8 pt, in the orientation
/// that needs fewer pages: between stages and in the gutters where it has a single spine, under
/// a title block and over a legend set to the page's width; else the whole poster in plain
/// page-sized tiles.
fn tiles(study: &Study, map: &JourneyMap, whole: &Arc<Scene>, paper: Paper) -> Vec<MapPage> {
    let measure = FontMeasure::shared();
    let options = LayoutOptions { title_block: false, legend: false, ..LayoutOptions::default() };
    let body = Arc::new(layout(study, map, measure, &options));
    let cut = |(w, h): (f32, f32)| {
        let area = content(w, h);
        let mut scale = legible_scale(&[&body]);
        let mut furniture = title_and_legend(study, map, measure, area.width() / scale + 2.0 * MARGIN);
        let smaller = legible_scale(&[&body, &furniture.0, &furniture.1]);
        if smaller > scale {
            scale = smaller;
            furniture = title_and_legend(study, map, measure, area.width() / scale + 2.0 * MARGIN);
        }
        let (title, legend) = (Arc::new(furniture.0), Arc::new(furniture.1));
        let title_height = (title.height - 2.0 * MARGIN) * scale;
        let Some(mut pages) = map_tiles::gutter_tiles(&body, scale, (w, h), area, title_height + GAP) else {
            return plain_tiles(whole, legible_scale(&[whole]), (w, h), area);
        };
        let furniture_layer = |scene: &Arc<Scene>, top: f32| {
            let height = ((scene.height - 2.0 * MARGIN) * scale).min(area.max.y - top);
            Placed {
                scene: scene.clone(),
                scale,
                offset: (area.min.x - MARGIN * scale, top - MARGIN * scale),
                clip: Some(Rect::from_xywh(area.min.x, top, area.width(), height)),
            }
        };
        if let Some(first) = pages.first_mut() {
            first.layers.insert(0, furniture_layer(&title, area.min.y));
        }
        let legend_height = (legend.height - 2.0 * MARGIN) * scale;
        match pages.last_mut() {
            Some(last) if last.bottom + GAP + legend_height <= area.max.y => {
                last.layers.push(furniture_layer(&legend, last.bottom + GAP));
            }
            _ => pages.push(MapPage {
                width: w,
                height: h,
                layers: vec![furniture_layer(&legend, area.min.y)],
                stages: None,
                bottom: area.min.y + legend_height,
            }),
        }
        pages
    };
    turns(paper).into_iter().map(cut).min_by_key(Vec::len).unwrap_or_default()
}

/// The scale that sets the smallest text of `scenes` at 8 pt.
fn legible_scale(scenes: &[&Scene]) -> f32 {
    let smallest = scenes.iter().map(|scene| smallest_text(scene)).fold(f32::INFINITY, f32::min);
    if smallest.is_finite() && smallest > 0.0 { MIN_PT / smallest } else { 1.0 }
}

/// Page-sized tiles left to right, then top to bottom, those with nothing on them left out.
fn plain_tiles(scene: &Arc<Scene>, scale: f32, size: (f32, f32), area: Rect) -> Vec<MapPage> {
    let across = (scene.width * scale / area.width()).ceil().max(1.0);
    let down = (scene.height * scale / area.height()).ceil().max(1.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "small positive counts")]
    let (across, down) = (across as usize, down as usize);
    let mut pages = Vec::new();
    for row in 0..down {
        for column in 0..across {
            #[allow(clippy::cast_precision_loss, reason = "small counts")]
            let (dx, dy) = (column as f32 * area.width(), row as f32 * area.height());
            let tile = Rect::from_xywh(dx / scale, dy / scale, area.width() / scale, area.height() / scale);
            if !scene.items.iter().any(|item| item_bounds(&item.shape).overlaps(&tile)) {
                continue;
            }
            pages.push(MapPage {
                width: size.0,
                height: size.1,
                layers: vec![Placed {
                    scene: scene.clone(),
                    scale,
                    offset: (area.min.x - dx, area.min.y - dy),
                    clip: Some(area),
                }],
                stages: None,
                bottom: area.max.y,
            });
        }
    }
    pages
}

/// The box a shape covers, in map units (its outline ignored: a hair does not make a tile).
pub(super) fn item_bounds(shape: &crate::layout::Shape) -> Rect {
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
