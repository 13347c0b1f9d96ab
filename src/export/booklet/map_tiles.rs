//! A map too large for a booklet page at a legible size, cut into pages the way a reader
//! follows it: a few stages at a time (cut between stage columns, never through one), each
//! run top to bottom in page-high parts cut in the gutters between cards and rows (never
//! through a card or a line of text). The row headers on the left are repeated on every page,
//! like a spreadsheet's frozen column, and pages below the spine repeat it, so every page
//! says which stages and rows it shows.

use super::maps::MapPage;
use crate::export::pdf::Placed;
use crate::layout::style::MARGIN;
use crate::layout::{Layer, Rect, Role, Scene};
use crate::model::CardId;
use std::sync::Arc;

/// The room between a repeated spine and the part of the map below it, in points.
const SPINE_GAP: f32 = 6.0;
/// The frozen column of row headers is repeated only while it takes at most this share of a
/// page's width; a wider one would leave too little room for the stages.
const MAX_FROZEN_SHARE: f32 = 0.3;

/// Where the stages lie across a scene: each chevron's left and right edge, and the spine's
/// top and bottom, in map units.
struct Spine {
    columns: Vec<(f32, f32)>,
    top: f32,
    bottom: f32,
}

impl Spine {
    fn of(scene: &Scene) -> Option<Self> {
        let chevrons: Vec<Rect> = scene
            .regions
            .iter()
            .filter(|r| r.layer == Layer::Stages && matches!(r.role, Role::Stage(_)))
            .map(|r| r.rect)
            .collect();
        let top = chevrons.iter().map(|r| r.min.y).fold(f32::INFINITY, f32::min);
        let bottom = chevrons.iter().map(|r| r.max.y).fold(f32::NEG_INFINITY, f32::max);
        // One spine only: a scene already in rows of stages has several.
        let one_row =
            chevrons.iter().all(|r| r.min.y < bottom && r.max.y > top && r.min.y - top < r.height());
        if chevrons.is_empty() || !one_row {
            return None;
        }
        let mut columns: Vec<(f32, f32)> = chevrons.iter().map(|r| (r.min.x, r.max.x)).collect();
        columns.sort_by(|a, b| a.0.total_cmp(&b.0));
        Some(Self { columns, top, bottom })
    }

    /// Where a page starting at stage `index` begins: halfway across the gutter before it.
    fn cut_before(&self, index: usize) -> f32 {
        f32::midpoint(self.columns[index - 1].1, self.columns[index].0)
    }
}

/// Where a scene's map lies top to bottom, and the room on the first page, in points.
struct Rows {
    top: f32,
    bottom: f32,
    first_room: f32,
}

/// The column of row headers left of the stages, repeated on pages of later stages: its left
/// edge and width in map units.
#[derive(Clone, Copy)]
struct Frozen {
    left: f32,
    width: f32,
}

/// A rectangle of the scene on one page, and the stages it shows.
struct Tile {
    x: (f32, f32),
    y: (f32, f32),
    stages: (usize, usize),
    /// Cards that reach into the tile but show whole on another page.
    hidden: Vec<CardId>,
}

/// The pages of `scene` at `scale` on pages of `size` points whose content area is `area`,
/// the first `reserved` points of the first page's area left free (for the title block):
/// `None` when the scene has no single spine to cut along. The scene's margins are left out.
pub fn gutter_tiles(
    scene: &Arc<Scene>,
    scale: f32,
    size: (f32, f32),
    area: Rect,
    reserved: f32,
) -> Option<Vec<MapPage>> {
    let spine = Spine::of(scene)?;
    let origin = (MARGIN.min(spine.columns[0].0), MARGIN.min(spine.top));
    let frozen = spine.columns[0].0;
    let frozen =
        if (frozen - origin.0) * scale <= MAX_FROZEN_SHARE * area.width() { frozen } else { origin.0 };
    let blocked = blocked_spans(scene, &spine);
    let frozen = Frozen { left: origin.0, width: frozen - origin.0 };
    let rows = Rows { top: origin.1, bottom: scene.height - MARGIN, first_room: area.height() - reserved };
    let right = scene.width - MARGIN;
    let mut tiles = Vec::new();
    let (mut first, mut start) = (0, origin.0);
    while first < spine.columns.len() && start < right - 0.5 {
        let room = (area.width() / scale - if start > origin.0 { frozen.width } else { 0.0 }).max(1.0);
        let mut last = first;
        while last + 1 < spine.columns.len() && spine.columns[last + 1].1 - start <= room {
            last += 1;
        }
        let (end, next) = if spine.columns[last].1 - start <= room {
            // Whole stages: the run ends in the gutter after the last of them.
            let end = if last + 1 == spine.columns.len() { right } else { spine.cut_before(last + 1) };
            (end.min(start + room), last + 1)
        } else {
            // A stage wider than a page is cut between its columns of cards.
            (clean_cut(&blocked.across, start, start + room).unwrap_or(start + room), first)
        };
        column_tiles(
            &rows,
            &spine,
            &blocked.down,
            frozen,
            (start, end),
            (first, last),
            scale,
            area,
            &mut tiles,
        );
        (first, start) = (next, end);
    }
    let pages = tiles
        .iter()
        .filter(|tile| has_content(scene, tile))
        .enumerate()
        .map(|(index, tile)| {
            let area = if index == 0 {
                Rect::from_xywh(area.min.x, area.min.y + reserved, area.width(), area.height() - reserved)
            } else {
                area
            };
            place(scene, &spine, frozen, tile, scale, size, area)
        })
        .collect();
    Some(pages)
}

/// The rows of pages of one run of stages, top to bottom. A page ends in a gutter that runs
/// across the whole run; where cards of neighbouring stages are staggered and none does, it
/// ends at the page's foot and the cards that would be cut move whole to the next page.
#[allow(clippy::too_many_arguments, reason = "one run's geometry")]
fn column_tiles(
    rows: &Rows,
    spine: &Spine,
    blocked: &[Span],
    frozen: Frozen,
    x: (f32, f32),
    stages: (usize, usize),
    scale: f32,
    area: Rect,
    tiles: &mut Vec<Tile>,
) {
    let spans: Vec<&Span> = blocked
        .iter()
        .filter(|span| {
            let meets = |from: f32, to: f32| span.right > from && span.left < to;
            meets(x.0, x.1) || (x.0 > frozen.left && meets(frozen.left, frozen.left + frozen.width))
        })
        .collect();
    let down = |keep: &dyn Fn(&Span) -> bool| {
        let mut spans: Vec<(f32, f32)> =
            spans.iter().filter(|s| keep(s)).map(|span| (span.top, span.bottom)).collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        merge(spans)
    };
    let everything = down(&|_| true);
    let fixed = down(&|span| span.card.is_none() && !span.minor);
    let run_start = tiles.len();
    let mut y = rows.top;
    while y < rows.bottom - 0.5 {
        let repeated = if y > spine.top { (spine.bottom - spine.top) + SPINE_GAP / scale } else { 0.0 };
        let page = if tiles.is_empty() { rows.first_room } else { area.height() };
        let room = (page / scale - repeated).max(1.0);
        let limit = y + room;
        let (end, next) = if limit >= rows.bottom {
            (rows.bottom, rows.bottom)
        } else {
            let clean = clean_cut(&everything, y, limit);
            // The cards the page's foot would cut, moved to the next page.
            let moved = spans
                .iter()
                .filter(|span| span.card.is_some() && span.top < limit && span.bottom > limit)
                .map(|span| span.top)
                .fold(f32::INFINITY, f32::min);
            let movable =
                moved.is_finite() && clean_cut(&fixed, y, limit) == Some(limit) && moved > y + 0.25 * room;
            match clean {
                Some(cut) if cut >= limit => (limit, limit),
                Some(cut) if !movable || cut >= moved => (cut, cut),
                // The next page starts above the moved cards, and above any line beside them.
                _ if movable => {
                    let above = fixed.iter().find(|(top, bottom)| *top < moved && *bottom > moved);
                    (limit, above.map_or(moved, |(top, _)| top.max(y + 1.0)))
                }
                _ => (limit, limit),
            }
        };
        tiles.push(Tile { x, y: (y, end), stages, hidden: Vec::new() });
        y = next;
    }
    // Each card shows on the first page that holds it whole, and on no other.
    let run = &mut tiles[run_start..];
    for span in &spans {
        let Some(card) = span.card else { continue };
        let whole = |t: &Tile| span.top >= t.y.0 - 0.01 && span.bottom <= t.y.1 + 0.01;
        let Some(home) = run.iter().position(whole) else { continue };
        for (index, tile) in run.iter_mut().enumerate() {
            if index != home && span.top < tile.y.1 && span.bottom > tile.y.0 {
                tile.hidden.push(card);
            }
        }
    }
}

/// Something that must not be cut, in map units, and the card it is, if it is one.
struct Span {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    card: Option<CardId>,
    /// A link's label: kept whole where a page can end in a gutter, else cut rather than
    /// keeping a card from moving whole to the next page.
    minor: bool,
}

/// What must not be cut.
struct Blocked {
    /// By a cut across the page: cards, stage headers, labels and every line of text.
    down: Vec<Span>,
    /// By a cut down the page, left to right: the cards.
    across: Vec<(f32, f32)>,
}

fn blocked_spans(scene: &Scene, spine: &Spine) -> Blocked {
    let regions = scene
        .regions
        .iter()
        .filter(|r| matches!(r.layer, Layer::Cards | Layer::Stages | Layer::Labels))
        .map(|r| (r.rect, r.role));
    // A card's lines lie within its box.
    let texts = scene
        .texts()
        .filter(|(_, role)| !matches!(role, Role::Card(_)))
        .map(|(run, role)| (run.bounds(), role));
    let down: Vec<Span> = regions
        .chain(texts)
        .map(|(r, role)| Span {
            left: r.min.x,
            right: r.max.x,
            top: r.min.y,
            bottom: r.max.y,
            card: if let Role::Card(card) = role { Some(card) } else { None },
            minor: matches!(role, Role::Link(_) | Role::Flow(..)),
        })
        .collect();
    // Across a stage, the rows' lines (its goal, say) run its whole width and are cut anyway.
    let mut across: Vec<(f32, f32)> = down
        .iter()
        .filter(|span| span.card.is_some() && (span.top >= spine.bottom || span.bottom <= spine.top))
        .map(|span| (span.left, span.right))
        .collect();
    across.sort_by(|a, b| a.0.total_cmp(&b.0));
    Blocked { down, across: merge(across) }
}

/// Overlapping spans, sorted by their start, merged into one.
fn merge(spans: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let mut merged: Vec<(f32, f32)> = Vec::new();
    for (from, to) in spans {
        match merged.last_mut() {
            Some(last) if from < last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// Where to cut cleanly a run starting at `from` that may reach `to`: at `to`, or just before
/// the blocked span `to` falls in, if that leaves a useful part of the page; `None` when only
/// a cut through something would.
fn clean_cut(merged: &[(f32, f32)], from: f32, to: f32) -> Option<f32> {
    match merged.iter().find(|(start, end)| *start < to && *end > to) {
        None => Some(to),
        Some((start, _)) if *start > from + 0.25 * (to - from) => Some(*start - 1.0),
        Some(_) => None,
    }
}

/// Whether anything of the map but the white page lies on a tile.
fn has_content(scene: &Scene, tile: &Tile) -> bool {
    let rect = Rect::from_xywh(tile.x.0, tile.y.0, tile.x.1 - tile.x.0, tile.y.1 - tile.y.0);
    // Lane bands, stage columns and lines passing through are not worth a page of their own.
    let worth = |item: &crate::layout::Item| {
        !matches!(item.role, Role::Lane(_) | Role::Link(_) | Role::Flow(..))
            && !matches!(item.shape, crate::layout::Shape::Rect { .. })
            && !tile.hidden.iter().any(|card| item.role == Role::Card(*card))
    };
    scene.items.iter().any(|item| worth(item) && super::maps::item_bounds(&item.shape).overlaps(&rect))
}

/// A tile on its page: the repeated spine and row headers where the tile needs them, then
/// the tile itself.
fn place(
    scene: &Arc<Scene>,
    spine: &Spine,
    frozen: Frozen,
    tile: &Tile,
    scale: f32,
    size: (f32, f32),
    area: Rect,
) -> MapPage {
    let frozen_width = if tile.x.0 > frozen.left + 0.5 { frozen.width } else { 0.0 };
    let repeat_spine = tile.y.0 > spine.top;
    let spine_height = if repeat_spine { (spine.bottom - spine.top) * scale + SPINE_GAP } else { 0.0 };
    let left = area.min.x + frozen_width * scale;
    let width = (tile.x.1 - tile.x.0) * scale;
    let height = (tile.y.1 - tile.y.0) * scale;
    let body_top = area.min.y + spine_height;
    let layer =
        |clip: Rect, offset: (f32, f32)| Placed { scene: scene.clone(), scale, offset, clip: Some(clip) };
    let mut layers = Vec::new();
    if repeat_spine {
        let spine_rows = (spine.bottom - spine.top) * scale;
        let offset_y = area.min.y - spine.top * scale;
        layers.push(layer(
            Rect::from_xywh(left, area.min.y, width, spine_rows),
            (left - tile.x.0 * scale, offset_y),
        ));
        if frozen_width > 0.0 {
            let clip = Rect::from_xywh(area.min.x, area.min.y, frozen_width * scale, spine_rows);
            layers.push(layer(clip, (area.min.x - frozen.left * scale, offset_y)));
        }
    }
    let offset_y = body_top - tile.y.0 * scale;
    if frozen_width > 0.0 {
        let clip = Rect::from_xywh(area.min.x, body_top, frozen_width * scale, height);
        layers.push(layer(clip, (area.min.x - frozen.left * scale, offset_y)));
    }
    let body = Placed {
        scene: if tile.hidden.is_empty() { scene.clone() } else { Arc::new(without_hidden(scene, tile)) },
        scale,
        offset: (left - tile.x.0 * scale, offset_y),
        clip: Some(Rect::from_xywh(left, body_top, width, height)),
    };
    layers.push(body);
    MapPage { width: size.0, height: size.1, layers, stages: Some(tile.stages), bottom: body_top + height }
}

/// The part of `scene` on `tile`, without the cards the tile hides.
fn without_hidden(scene: &Scene, tile: &Tile) -> Scene {
    let rect = Rect::from_xywh(tile.x.0, tile.y.0, tile.x.1 - tile.x.0, tile.y.1 - tile.y.0);
    let hidden =
        |role: Role| matches!(role, Role::Card(card) | Role::DetailMark(card) if tile.hidden.contains(&card));
    Scene {
        width: scene.width,
        height: scene.height,
        items: scene
            .items
            .iter()
            .filter(|item| !hidden(item.role) && super::maps::item_bounds(&item.shape).overlaps(&rect))
            .cloned()
            .collect(),
        regions: scene
            .regions
            .iter()
            .filter(|r| !hidden(r.role) && r.rect.overlaps(&rect))
            .copied()
            .collect(),
        labels: scene.labels.iter().filter(|l| !hidden(l.role)).cloned().collect(),
        body_text_size: scene.body_text_size,
    }
}
