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
mod emotion;
mod figures;
pub mod geometry;
mod grid;
mod lanes;
mod markers;
pub mod matrix;
mod route_plan;
mod routing;
mod rows;
pub mod scene;
pub mod style;
pub mod text;
mod typical;
mod used;

pub use geometry::{Point, Rect};
pub use scene::{Anchor, Item, Layer, Region, Role, Scene, Shape, Stroke, TextRun, Weight};
pub use text::{FontMeasure, TextMeasure};

use crate::model::{JourneyMap, MapKind, Study};
use builder::Builder;
use style::{MARGIN, UNIT};

/// What to include around the map's body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayoutOptions {
    /// The title block at the top.
    pub title_block: bool,
    /// The legend and the footer at the bottom.
    pub legend: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self { title_block: true, legend: true }
    }
}

/// The narrowest a poster gets, so the title block has room on a map with one stage.
const MIN_BODY_WIDTH: f32 = 200.0 * UNIT;

/// Lays out `map` of `study` as a scene.
#[must_use]
pub fn layout(study: &Study, map: &JourneyMap, measure: &dyn TextMeasure, options: &LayoutOptions) -> Scene {
    let mut used = used::Used::default();
    let mut body = Builder::new(measure);
    let (body_width, body_height) = match map.kind {
        _ if map.stages.is_empty() => rows::empty_body(&mut body),
        MapKind::Typical => typical::body(&mut body, study, map, &mut used),
        MapKind::Tactical | MapKind::Performance => lanes::body(&mut body, study, map, &mut used),
    };
    let width = body_width.max(MIN_BODY_WIDTH);

    let mut builder = Builder::new(measure);
    builder.rect(Rect::from_xywh(0.0, 0.0, 0.0, 0.0), 0.0, None, None, Role::Chrome);
    builder.scene.items.clear();
    let mut y = MARGIN;
    if options.title_block {
        y += chrome::title_block(&mut builder, study, map, MARGIN, y, width) + 6.0 * UNIT;
    }
    let body_scene = body.finish(body_width, body_height, style::size::BODY);
    builder.scene.items.extend(body_scene.items.into_iter().map(|item| translate_item(item, MARGIN, y)));
    builder.scene.regions.extend(body_scene.regions.into_iter().map(|mut region| {
        region.rect = translate_rect(region.rect, MARGIN, y);
        region
    }));
    y += body_height;
    if options.legend {
        y += 6.0 * UNIT;
        y += chrome::legend(&mut builder, study, &used, MARGIN, y, width);
        y += 6.0 * UNIT;
        y += chrome::footer(&mut builder, study, MARGIN, y, width);
    }
    builder.finish(width + 2.0 * MARGIN, y + MARGIN, style::size::BODY)
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
