//! Pieces shared by every map kind's body: row headers, the spine of stage chevrons, the
//! customer-goal row, and the stage recommendations row.

use super::builder::{Builder, Paragraph};
use super::geometry::{Point, Rect};
use super::markers;
use super::scene::{Anchor, Layer, Role, Stroke, Weight};
use super::style::{self, ROW_HEADER, UNIT, size};
use super::used::Used;
use crate::model::{JourneyMap, Recommendation, Stage, Study};

/// Horizontal extent of one stage on the spine.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Span {
    pub left: f32,
    pub right: f32,
}

/// The depth of a chevron's tip and notch.
const TIP: f32 = 4.0 * UNIT;
/// The gap between neighbouring chevrons.
const CHEVRON_GAP: f32 = 1.5 * UNIT;

/// A row header in the left column; returns its height.
pub(crate) fn header(builder: &mut Builder<'_>, text: &str, top: f32) -> f32 {
    let paragraph = builder.paragraph(text, size::HEADING, Weight::Bold, ROW_HEADER - 3.0 * UNIT);
    let rect = Rect::from_xywh(0.0, top, ROW_HEADER - 3.0 * UNIT, paragraph.height());
    builder.region(rect, Role::Chrome, Layer::Labels);
    builder.place(&paragraph, 0.0, top, style::SECONDARY, Anchor::Start, Role::Chrome)
}

/// A hairline across the body at `y`.
pub(crate) fn rule(builder: &mut Builder<'_>, y: f32, width: f32) {
    builder.line(
        vec![Point::new(0.0, y), Point::new(width, y)],
        Stroke::solid(0.75, style::RULE),
        Role::Chrome,
    );
}

/// Stage names measured for their chevrons.
pub(crate) fn spine_names(builder: &Builder<'_>, stages: &[Stage], spans: &[Span]) -> Vec<Paragraph> {
    stages
        .iter()
        .zip(spans)
        .map(|(stage, span)| {
            let name = if stage.name.trim().is_empty() { "Untitled stage" } else { stage.name.as_str() };
            let width = span.right - span.left - 2.0 * TIP - 2.0 * UNIT;
            builder.paragraph(name, size::STAGE, Weight::Bold, width)
        })
        .collect()
}

/// The height the spine needs for these names.
pub(crate) fn spine_height(names: &[Paragraph]) -> f32 {
    let tallest = names.iter().map(Paragraph::height).fold(0.0, f32::max);
    (tallest + 6.0 * UNIT).max(14.0 * UNIT)
}

/// Draws the spine: one chevron per stage, in order.
pub(crate) fn spine(
    builder: &mut Builder<'_>,
    stages: &[Stage],
    spans: &[Span],
    names: &[Paragraph],
    top: f32,
    height: f32,
) {
    for (index, ((stage, span), name)) in stages.iter().zip(spans).zip(names).enumerate() {
        let role = Role::Stage(stage.id);
        let (left, right) = (span.left + CHEVRON_GAP / 2.0, span.right - CHEVRON_GAP / 2.0);
        let (bottom, middle) = (top + height, top + height / 2.0);
        // The notch vertex comes first: the chevron is star-shaped from it, so painters may
        // fill it as a fan from the first point (see `Shape::Polygon`).
        let mut points = if index > 0 { vec![Point::new(left + TIP, middle)] } else { Vec::new() };
        points.extend([
            Point::new(left, top),
            Point::new(right - TIP, top),
            Point::new(right, middle),
            Point::new(right - TIP, bottom),
            Point::new(left, bottom),
        ]);
        builder.region(Rect::from_xywh(left, top, right - left, height), role, Layer::Stages);
        builder.polygon(points, Some(style::SPINE), None, role);
        let centre = f32::midpoint(left, right) + if index > 0 { TIP / 2.0 } else { 0.0 } - TIP / 2.0;
        let text_top = top + (height - name.height()) / 2.0;
        builder.place(name, centre, text_top, style::ON_SPINE, Anchor::Middle, role);
    }
}

/// Customer goals measured for their columns.
pub(crate) fn goals(builder: &Builder<'_>, stages: &[Stage], spans: &[Span]) -> Vec<Paragraph> {
    stages
        .iter()
        .zip(spans)
        .map(|(stage, span)| {
            builder.paragraph(&stage.goal, size::BODY, Weight::Regular, span.right - span.left - 4.0 * UNIT)
        })
        .collect()
}

/// Draws the goals, each starting at its span's left edge plus padding.
pub(crate) fn place_goals(
    builder: &mut Builder<'_>,
    stages: &[Stage],
    spans: &[Span],
    goals: &[Paragraph],
    top: f32,
) {
    for ((stage, span), goal) in stages.iter().zip(spans).zip(goals) {
        if goal.is_empty() {
            continue;
        }
        let x = span.left + 2.0 * UNIT;
        builder.region(
            Rect::from_xywh(x, top, goal.width(), goal.height()),
            Role::Stage(stage.id),
            Layer::Labels,
        );
        builder.place(goal, x, top, style::INK, Anchor::Start, Role::Stage(stage.id));
    }
}

/// The "Handoffs" row at `top`: per stage the number of handoffs arriving in it (as
/// [`crate::analysis::handoffs`] defines them), in body text, secondary colour. Draws nothing
/// and returns 0 when the map has no handoff; else returns the row's height.
pub(crate) fn handoff_counts(builder: &mut Builder<'_>, map: &JourneyMap, spans: &[Span], top: f32) -> f32 {
    let handoffs = crate::analysis::handoffs(map);
    if handoffs.is_empty() {
        return 0.0;
    }
    let counts = crate::analysis::handoffs_per_stage(map, &handoffs);
    let mut height = header(builder, "Handoffs", top);
    for ((stage, span), count) in map.stages.iter().zip(spans).zip(counts) {
        let text = if count == 0 { "No handoffs".to_owned() } else { crate::words::count(count, "handoff") };
        let paragraph =
            builder.paragraph(&text, size::BODY, Weight::Regular, span.right - span.left - 4.0 * UNIT);
        let x = span.left + 2.0 * UNIT;
        let role = Role::Stage(stage.id);
        builder.region(Rect::from_xywh(x, top, paragraph.width(), paragraph.height()), role, Layer::Labels);
        height = height.max(builder.place(&paragraph, x, top, style::SECONDARY, Anchor::Start, role));
    }
    height
}

/// A measured list of recommendations for one stage.
pub(crate) struct RecommendationList {
    items: Vec<(Recommendation, Paragraph, Paragraph)>,
    pub height: f32,
}

const BADGE: f32 = 3.5 * UNIT;
const ITEM_GAP: f32 = 2.5 * UNIT;

/// Measures a stage's recommendations for a column `width` wide.
pub(crate) fn recommendations(
    builder: &Builder<'_>,
    study: &Study,
    list: &[Recommendation],
    width: f32,
    used: &mut Used,
) -> RecommendationList {
    let text_width = width - BADGE - 1.5 * UNIT;
    let mut items = Vec::new();
    let mut height: f32 = 0.0;
    for recommendation in list {
        used.priorities = true;
        let text = builder.paragraph(&recommendation.text, size::BODY, Weight::Regular, text_width);
        let owner = recommendation.owner.and_then(|id| study.owner(id)).map(|o| o.name.as_str());
        let byline = match owner {
            Some(owner) => format!("{owner} · {}", recommendation.status.label()),
            None => recommendation.status.label().to_owned(),
        };
        let byline = builder.paragraph(&byline, size::SMALL, Weight::Regular, text_width);
        if !items.is_empty() {
            height += ITEM_GAP;
        }
        height += (text.height() + UNIT + byline.height()).max(BADGE);
        items.push((recommendation.clone(), text, byline));
    }
    RecommendationList { items, height }
}

/// Draws a measured list with its top-left at (`x`, `top`).
pub(crate) fn place_recommendations(
    builder: &mut Builder<'_>,
    list: &RecommendationList,
    x: f32,
    top: f32,
    role: Role,
) {
    let mut y = top;
    for (recommendation, text, byline) in &list.items {
        markers::priority(builder, recommendation.priority, Point::new(x, y + size::BODY * 0.5), BADGE, role);
        let text_x = x + BADGE + 1.5 * UNIT;
        let block = text.height() + UNIT + byline.height();
        builder.region(
            Rect::from_xywh(x, y, BADGE + 1.5 * UNIT + text.width().max(byline.width()), block.max(BADGE)),
            role,
            Layer::Labels,
        );
        builder.place(text, text_x, y, style::INK, Anchor::Start, role);
        builder.place(byline, text_x, y + text.height() + UNIT, style::SECONDARY, Anchor::Start, role);
        y += block.max(BADGE) + ITEM_GAP;
    }
}

/// The body of a map with no stages: one line saying so. Returns its size.
pub(crate) fn empty_body(builder: &mut Builder<'_>) -> (f32, f32) {
    let text = "This map has no stages yet: add the first stage of the journey to start its spine";
    let note = builder.paragraph(text, size::SUBTITLE, Weight::Regular, 160.0 * UNIT);
    builder.region(Rect::from_xywh(0.0, 0.0, note.width(), note.height()), Role::Chrome, Layer::Labels);
    builder.place(&note, 0.0, 0.0, style::SECONDARY, Anchor::Start, Role::Chrome);
    (note.width(), note.height() + 4.0 * UNIT)
}
