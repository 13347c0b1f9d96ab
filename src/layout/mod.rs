//! The layout: a pure function from a study's map to a [`Scene`], every element positioned in
//! map units (1 unit = 1 pt at 100 %) with its style. The canvas, hit-testing and every export
//! read the scene; nothing else computes geometry.
//!
//! Text is measured with the bundled font ([`text::FontMeasure`]); labels wrap and cards and
//! rows grow to fit, so nothing overflows or overlaps.

mod builder;
mod card;
mod chrome;
mod clearance;
mod detail_mark;
mod elsewhere;
mod emotion;
mod figures;
pub mod geometry;
mod grid;
mod lanes;
mod markers;
pub mod matrix;
pub mod panel;
mod route_plan;
mod routing;
mod rows;
pub mod scene;
pub mod style;
pub mod text;
mod typical;
mod used;

pub use geometry::{Point, Rect};
pub use scene::{Anchor, Item, Label, Layer, Region, Role, Scene, Shape, Stroke, TextRun, Weight};
pub use text::{FontMeasure, TextMeasure};

use crate::model::{JourneyMap, MapKind, Study};
use builder::Builder;
use std::fmt::Write as _;
use std::ops::Range;
use style::{MARGIN, UNIT, size};

/// What to include around the map's body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayoutOptions {
    /// The title block at the top.
    pub title_block: bool,
    /// The legend and the footer at the bottom.
    pub legend: bool,
    /// When the map is split across pages: which part this sheet is, said under the title.
    pub part: Option<Part>,
    /// The analysis printed under the map (none by default).
    pub panel: panel::Panel,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self { title_block: true, legend: true, part: None, panel: panel::Panel::default() }
    }
}

/// One sheet of a map split across pages: which part it is and which stages it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// This part's number, from 1.
    pub number: usize,
    /// How many parts the map is split into.
    pub count: usize,
    /// The first stage shown, as an index into the whole map's stages.
    pub first_stage: usize,
    /// One past the last stage shown.
    pub end_stage: usize,
    /// How many stages the whole map has.
    pub total_stages: usize,
}

/// The narrowest a poster gets, so the title block has room on a map with one stage.
const MIN_BODY_WIDTH: f32 = 200.0 * UNIT;

/// The space between two bands of a map wrapped into rows.
const BAND_GAP: f32 = 12.0 * UNIT;

/// Lays out `map` of `study` as a scene.
#[must_use]
pub fn layout(study: &Study, map: &JourneyMap, measure: &dyn TextMeasure, options: &LayoutOptions) -> Scene {
    layout_captioned(study, map, map, measure, options, "")
}

/// Lays out part `index` of `map` split across sheets by `ranges` of stages: its stages under
/// a caption that says which part it is and names the links to other parts.
#[must_use]
pub fn layout_part(
    study: &Study,
    map: &JourneyMap,
    measure: &dyn TextMeasure,
    ranges: &[Range<usize>],
    index: usize,
) -> Scene {
    let range = ranges.get(index).cloned().unwrap_or(0..map.stages.len());
    let part = Part {
        number: index + 1,
        count: ranges.len(),
        first_stage: range.start,
        end_stage: range.end,
        total_stages: map.stages.len(),
    };
    let options = LayoutOptions { part: Some(part), ..LayoutOptions::default() };
    let elsewhere = elsewhere::links_elsewhere(map, ranges, index, "part");
    layout_captioned(study, &stage_range(map, range), map, measure, &options, &elsewhere)
}

/// The analysis `panel` of the whole `map` on a sheet of its own, under the title block and a
/// caption, `width` map units wide (at least the narrowest poster): the last sheet of a map
/// split across pages, where a part is too narrow for it.
#[must_use]
pub fn layout_panel_sheet(
    study: &Study,
    map: &JourneyMap,
    measure: &dyn TextMeasure,
    panel: panel::Panel,
    parts: usize,
    width: f32,
) -> Scene {
    let caption = Caption {
        badge: "Whole map".to_owned(),
        detail: format!("All {} stages, printed on parts 1–{parts}", map.stages.len()),
    };
    let empty = Body { scene: Scene::default(), width, height: 0.0 };
    let options = LayoutOptions { legend: false, panel, ..LayoutOptions::default() };
    compose(study, map, map, measure, &options, vec![(Some(caption), empty)], &used::Used::default())
}

/// [`layout`], with `extra` added to the part's caption; `whole` is the map `map` is a part
/// of, which the analysis panel speaks for.
fn layout_captioned(
    study: &Study,
    map: &JourneyMap,
    whole: &JourneyMap,
    measure: &dyn TextMeasure,
    options: &LayoutOptions,
    extra: &str,
) -> Scene {
    let mut used = used::Used::default();
    let body = body(study, map, measure, &mut used);
    let caption = options.part.map(|part| {
        // `map` holds only this part's stages: its first is the whole map's `first_stage`.
        let names: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
        let mut detail = stages_caption(&names, part.first_stage, part.end_stage, part.total_stages);
        if part.number > 1 {
            let _ = write!(detail, " · continued from part {}", part.number - 1);
        }
        if part.number < part.count {
            let _ = write!(detail, " · continues on part {}", part.number + 1);
        }
        detail.push_str(extra);
        Caption { badge: format!("Part {} of {}", part.number, part.count), detail }
    });
    compose(study, map, whole, measure, options, vec![(caption, body)], &used)
}

/// The title block and the legend (with the footer) of `map` as two scenes `width` map units
/// wide, for a page that shows the map in parts under one title and over one legend: the
/// booklet, where the poster's own are wider than a page. The legend lists what the whole map
/// uses.
#[must_use]
pub fn title_and_legend(
    study: &Study,
    map: &JourneyMap,
    measure: &dyn TextMeasure,
    width: f32,
) -> (Scene, Scene) {
    let mut used = used::Used::default();
    let _ = body(study, map, measure, &mut used);
    let width = (width - 2.0 * MARGIN).max(40.0 * UNIT);
    let mut title = Builder::new(measure);
    let height = chrome::title_block(&mut title, study, map, MARGIN, MARGIN, width);
    let title = title.finish(width + 2.0 * MARGIN, height + 2.0 * MARGIN, size::BODY);
    let mut legend = Builder::new(measure);
    let mut y = MARGIN;
    y += chrome::legend(&mut legend, study, &used, MARGIN, y, width);
    y += 6.0 * UNIT;
    y += chrome::footer(&mut legend, study, MARGIN, y, width);
    (title, legend.finish(width + 2.0 * MARGIN, y + MARGIN, size::BODY))
}

/// Lays out `map` wrapped into bands, one per range of stages, stacked top to bottom under one
/// title block and above one legend: a wide map printed as rows, each with its own spine. Links
/// between cards of different bands cannot be drawn (each band is the map cut to its stages);
/// each band's caption names them.
/// With fewer than two ranges this is [`layout`].
#[must_use]
pub fn layout_bands(
    study: &Study,
    map: &JourneyMap,
    measure: &dyn TextMeasure,
    ranges: &[Range<usize>],
    options: &LayoutOptions,
) -> Scene {
    if ranges.len() < 2 {
        return layout(study, map, measure, options);
    }
    let mut used = used::Used::default();
    let total = map.stages.len();
    let bands = ranges
        .iter()
        .enumerate()
        .map(|(index, range)| {
            let part = stage_range(map, range.clone());
            let body = body(study, &part, measure, &mut used);
            let names: Vec<&str> = part.stages.iter().map(|s| s.name.as_str()).collect();
            let mut detail = stages_caption(&names, range.start, range.end, total);
            if index > 0 {
                detail.push_str(" · continued from the row above");
            }
            if index + 1 < ranges.len() {
                let _ = write!(detail, " · continues in row {}", index + 2);
            }
            detail.push_str(&elsewhere::links_elsewhere(map, ranges, index, "row"));
            let badge = format!("Row {} of {}", index + 1, ranges.len());
            (Some(Caption { badge, detail }), body)
        })
        .collect();
    compose(study, map, map, measure, options, bands, &used)
}

/// A copy of `map` with only the stages in `range` (clamped to the map), and the links whose
/// two ends are both on those stages.
#[must_use]
pub fn stage_range(map: &JourneyMap, range: Range<usize>) -> JourneyMap {
    let end = range.end.min(map.stages.len());
    let start = range.start.min(end);
    let stages = map.stages[start..end].to_vec();
    let kept = |id| stages.iter().any(|stage| stage.cards.iter().any(|card| card.id == id));
    let links = map.links.iter().filter(|link| kept(link.from) && kept(link.to)).cloned().collect();
    JourneyMap { stages, links, ..map.clone() }
}

/// "Stages 8–14 of 20: Onboarding to Renewal", for stages `first..end` of a map of `total`
/// whose names (of those stages only) are `names`.
fn stages_caption(names: &[&str], first: usize, end: usize, total: usize) -> String {
    let name = |offset: usize| {
        names.get(offset).map(|n| n.trim()).filter(|n| !n.is_empty()).unwrap_or("Unnamed stage")
    };
    let last = end.saturating_sub(1).max(first);
    if first == last {
        format!("Stage {} of {total}: {}", first + 1, name(0))
    } else {
        format!("Stages {}–{} of {total}: {} to {}", first + 1, last + 1, name(0), name(last - first))
    }
}

/// A body laid out on its own: the scene at the origin and its size.
struct Body {
    scene: Scene,
    width: f32,
    height: f32,
}

fn body(study: &Study, map: &JourneyMap, measure: &dyn TextMeasure, used: &mut used::Used) -> Body {
    let mut body = Builder::new(measure);
    let (width, height) = match map.kind {
        _ if map.stages.is_empty() => rows::empty_body(&mut body),
        MapKind::Typical => typical::body(&mut body, study, map, used),
        MapKind::Tactical | MapKind::Performance => lanes::body(&mut body, study, map, used),
    };
    Body { scene: body.finish(width, height, size::BODY), width, height }
}

/// The line above a band or under the title of a part: a badge ("Part 2 of 3") and what the
/// band shows.
struct Caption {
    badge: String,
    detail: String,
}

/// Puts the title block, the bodies (each under its caption), the analysis panel of `whole`
/// (the map `map` is a part of, or `map` itself) and the legend together.
#[allow(clippy::too_many_arguments, reason = "the parts of a sheet, and the map they come from")]
fn compose(
    study: &Study,
    map: &JourneyMap,
    whole: &JourneyMap,
    measure: &dyn TextMeasure,
    options: &LayoutOptions,
    bodies: Vec<(Option<Caption>, Body)>,
    used: &used::Used,
) -> Scene {
    let width = bodies.iter().map(|(_, body)| body.width).fold(MIN_BODY_WIDTH, f32::max);
    let mut builder = Builder::new(measure);
    let mut y = MARGIN;
    if options.title_block {
        y += chrome::title_block(&mut builder, study, map, MARGIN, y, width) + 6.0 * UNIT;
    }
    for (index, (caption, body)) in bodies.into_iter().enumerate() {
        if index > 0 {
            y += BAND_GAP;
        }
        if let Some(caption) = caption {
            y += place_caption(&mut builder, &caption, MARGIN, y, width) + 4.0 * UNIT;
        }
        builder.scene.items.extend(body.scene.items.into_iter().map(|item| translate_item(item, MARGIN, y)));
        builder.scene.regions.extend(body.scene.regions.into_iter().map(|mut region| {
            region.rect = translate_rect(region.rect, MARGIN, y);
            region
        }));
        builder.scene.labels.extend(body.scene.labels.into_iter().map(|mut label| {
            label.rect = translate_rect(label.rect, MARGIN, y);
            label
        }));
        y += body.height;
    }
    if options.panel.any() {
        y += 6.0 * UNIT;
        y += panel::draw(&mut builder, study, whole, options.panel, MARGIN, y, width);
    }
    if options.legend {
        y += 6.0 * UNIT;
        y += chrome::legend(&mut builder, study, used, MARGIN, y, width);
        y += 6.0 * UNIT;
        y += chrome::footer(&mut builder, study, MARGIN, y, width);
    }
    builder.finish(width + 2.0 * MARGIN, y + MARGIN, size::BODY)
}

/// Draws a caption with its top at `top`: the badge in white on the spine colour, then the
/// detail wrapped beside it. Returns its height.
fn place_caption(builder: &mut Builder<'_>, caption: &Caption, left: f32, top: f32, width: f32) -> f32 {
    let text_size = size::SUBTITLE;
    let pad = 2.0 * UNIT;
    let badge_width = builder.measure.width(&caption.badge, text_size, Weight::Bold) + 2.0 * pad;
    let badge_height = text_size * (text::ASCENT + text::DESCENT) + pad;
    let badge = Rect::from_xywh(left, top, badge_width, badge_height);
    builder.rect(badge, badge_height / 2.0, Some(style::SPINE), None, Role::Chrome);
    let baseline = top + pad / 2.0 + text::ASCENT * text_size;
    builder.text(
        Point::new(left + pad, baseline),
        &caption.badge,
        text_size,
        Weight::Bold,
        style::ON_SPINE,
        Anchor::Start,
        Role::Chrome,
    );
    builder.region(badge, Role::Chrome, Layer::Labels);
    let detail_left = left + badge_width + 3.0 * UNIT;
    let detail = builder.paragraph(&caption.detail, text_size, Weight::Regular, width - (detail_left - left));
    let detail_top = top + pad / 2.0;
    builder.region(
        Rect::from_xywh(detail_left, detail_top, detail.width(), detail.height()),
        Role::Chrome,
        Layer::Labels,
    );
    let height =
        builder.place(&detail, detail_left, detail_top, style::SECONDARY, Anchor::Start, Role::Chrome);
    badge_height.max(height + pad / 2.0)
}

fn translate_point(point: Point, dx: f32, dy: f32) -> Point {
    Point::new(point.x + dx, point.y + dy)
}

fn translate_rect(rect: Rect, dx: f32, dy: f32) -> Rect {
    Rect { min: translate_point(rect.min, dx, dy), max: translate_point(rect.max, dx, dy) }
}

fn translate_item(mut item: Item, dx: f32, dy: f32) -> Item {
    match &mut item.shape {
        Shape::Rect { rect, .. } => *rect = translate_rect(*rect, dx, dy),
        Shape::Polygon { points, .. } | Shape::Line { points, .. } => {
            for point in points {
                *point = translate_point(*point, dx, dy);
            }
        }
        Shape::Circle { centre, .. } => *centre = translate_point(*centre, dx, dy),
        Shape::Text(run) => run.origin = translate_point(run.origin, dx, dy),
    }
    item
}
