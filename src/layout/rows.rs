//! Pieces shared by every map kind's body: row headers, the spine of stage chevrons, the
//! customer-goal row, the stage metrics row and the recommendations row (the numbered action
//! plan).

use super::builder::{Builder, Paragraph};
use super::figures::{self, Figure};
use super::geometry::{Point, Rect};
use super::markers;
use super::scene::{Anchor, Label, Layer, Role, Stroke, Weight};
use super::style::{self, ROW_HEADER, UNIT, size};
use super::used::Used;
use crate::analysis::{Action, MetricStatus, metric_status};
use crate::model::{JourneyMap, Metric, Priority, Stage, Status, Study};
use crate::words;

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
        let chevron = Rect::from_xywh(left, top, right - left, height);
        builder.region(chevron, role, Layer::Stages);
        let title = if stage.name.trim().is_empty() { "Untitled stage" } else { stage.name.trim() };
        builder.label(Label {
            role,
            rect: chevron,
            title: title.to_owned(),
            channel: String::new(),
            owner: String::new(),
            accent: None,
        });
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

/// One recommendation of the plan, measured.
struct PlannedItem {
    number: usize,
    priority: Priority,
    done: bool,
    text: Paragraph,
    byline: Paragraph,
    /// The title of the card it fixes, drawn after a vector arrow (a paragraph of its own, so
    /// a title in another script is never set in one run with Latin text or the arrow).
    card: Paragraph,
}

/// The room the arrow before a card's title takes.
const CARD_ARROW: f32 = 3.0 * UNIT;

/// How far an item's first line sits below the top of its badge (a recommendation's number,
/// a metric's mark; both [`figures::ROW`] tall), so the line's middle meets the badge's.
const TEXT_OFFSET: f32 = figures::ROW / 2.0 - size::BODY * 0.55;

impl PlannedItem {
    /// The item's height: its badges, or its text and byline, whichever is taller.
    fn height(&self) -> f32 {
        let card = if self.card.is_empty() { 0.0 } else { UNIT / 2.0 + self.card.height() };
        (TEXT_OFFSET + self.text.height() + UNIT + self.byline.height() + card).max(figures::ROW)
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
    items: Vec<PlannedItem>,
    /// The width of the number slot, so the texts of a list align.
    key_width: f32,
    pub height: f32,
}

/// The side of a priority badge or metric mark: large enough for a letter at the text floor.
const BADGE: f32 = figures::ROW;
const ITEM_GAP: f32 = 2.5 * UNIT;

/// The byline of a recommendation: owner, status and due date, as in "Customer success ·
/// Agreed · due 2026-03-01".
fn byline(study: &Study, action: &Action<'_>) -> String {
    let recommendation = action.recommendation;
    let mut parts: Vec<String> = Vec::new();
    if let Some(owner) = recommendation.owner.and_then(|id| study.owner(id)) {
        parts.push(owner.name.clone());
    }
    parts.push(recommendation.status.label().to_owned());
    if let Some(due) = recommendation.due {
        parts.push(format!("due {due}"));
    }
    parts.join(" · ")
}

/// The title of the card a recommendation fixes, if it is a card's.
fn card_title<'m>(map: &'m JourneyMap, action: &Action<'_>) -> Option<&'m str> {
    // The card is on the action's stage: looking there keeps a long plan linear.
    let id = action.card?;
    let card = map.stage(action.stage)?.cards.iter().find(|card| card.id == id)?;
    Some(if card.title.trim().is_empty() { "Untitled" } else { card.title.as_str() })
}

/// Measures a stage's part of the action plan (see [`crate::analysis::action_plan`]) for a
/// column `width` wide.
pub(crate) fn recommendations(
    builder: &Builder<'_>,
    study: &Study,
    map: &JourneyMap,
    actions: &[Action<'_>],
    width: f32,
    used: &mut Used,
) -> RecommendationList {
    let key_width = actions.iter().map(|a| Figure::key(a.number).width(builder)).fold(0.0, f32::max);
    let text_width = width - BADGE - key_width - 3.0 * UNIT;
    let mut items = Vec::new();
    let mut height: f32 = 0.0;
    for action in actions {
        used.priorities = true;
        used.keys = true;
        let recommendation = action.recommendation;
        let done = recommendation.status == Status::Done;
        used.done |= done;
        let text = builder.paragraph(&recommendation.text, size::BODY, Weight::Regular, text_width);
        let byline = builder.paragraph(&byline(study, action), size::SMALL, Weight::Regular, text_width);
        let card = card_title(map, action).map_or_else(Paragraph::empty, |title| {
            builder.paragraph(title, size::SMALL, Weight::Regular, text_width - CARD_ARROW)
        });
        if !items.is_empty() {
            height += ITEM_GAP;
        }
        let item = PlannedItem {
            number: action.number,
            priority: recommendation.priority,
            done,
            text,
            byline,
            card,
        };
        height += item.height();
        items.push(item);
    }
    RecommendationList { items, key_width, height }
}

/// Draws a measured list with its top-left at (`x`, `top`): each item's number, its priority
/// badge (outlined when done), its text (muted when done) and its byline.
pub(crate) fn place_recommendations(
    builder: &mut Builder<'_>,
    list: &RecommendationList,
    x: f32,
    top: f32,
    role: Role,
) {
    let mut y = top;
    for item in &list.items {
        let middle = y + figures::ROW / 2.0;
        Figure::key(item.number).draw(builder, x, y, role);
        let badge_x = x + list.key_width + UNIT;
        if item.done {
            markers::priority_done(builder, item.priority, Point::new(badge_x, middle), BADGE, role);
        } else {
            markers::priority(builder, item.priority, Point::new(badge_x, middle), BADGE, role);
        }
        let text_x = badge_x + BADGE + 2.0 * UNIT;
        let block = item.height();
        let width =
            text_x - x + item.text.width().max(item.byline.width()).max(CARD_ARROW + item.card.width());
        builder.region(Rect::from_xywh(x, y, width, block), role, Layer::Labels);
        let colour = if item.done { style::SECONDARY } else { style::INK };
        let text_top = y + TEXT_OFFSET;
        builder.place(&item.text, text_x, text_top, colour, Anchor::Start, role);
        let byline_top = text_top + item.text.height() + UNIT;
        builder.place(&item.byline, text_x, byline_top, style::SECONDARY, Anchor::Start, role);
        if !item.card.is_empty() {
            let card_top = byline_top + item.byline.height() + UNIT / 2.0;
            card_arrow(builder, text_x, card_top + size::SMALL * 0.6, role);
            builder.place(&item.card, text_x + CARD_ARROW, card_top, style::SECONDARY, Anchor::Start, role);
        }
        y += block + ITEM_GAP;
    }
}

/// A small arrow pointing at the card a recommendation fixes, its shaft centred on `y`.
fn card_arrow(builder: &mut Builder<'_>, x: f32, y: f32, role: Role) {
    let (tip, head) = (x + CARD_ARROW - UNIT, 0.9 * UNIT);
    builder.line(
        vec![Point::new(x, y), Point::new(tip - head, y)],
        crate::layout::Stroke::solid(1.0, style::SECONDARY),
        role,
    );
    builder.polygon(
        vec![
            Point::new(tip, y),
            Point::new(tip - head, y - head * 0.6),
            Point::new(tip - head, y + head * 0.6),
        ],
        Some(style::SECONDARY),
        None,
        role,
    );
}

/// One stage metric, measured: its status, its name and its figures.
struct MetricItem {
    status: MetricStatus,
    name: Paragraph,
    figures: Paragraph,
}

/// A stage's metrics measured for its column.
pub(crate) struct MetricList {
    items: Vec<MetricItem>,
    pub height: f32,
}

/// A metric's figures: "18 % (target 25 %)"; unknown or non-finite values are left out.
fn metric_figures(metric: &Metric) -> String {
    let shown = |v: Option<f64>| v.and_then(|v| words::figure_with_unit(v, &metric.unit));
    let direction = if metric.higher_is_better { "at least" } else { "at most" };
    match (shown(metric.value), shown(metric.target)) {
        (Some(value), Some(target)) => format!("{value} (target {direction} {target})"),
        (Some(value), None) => format!("{value} (no target)"),
        (None, Some(target)) => format!("No value yet (target {direction} {target})"),
        (None, None) => "No value or target yet".to_owned(),
    }
}

/// Measures a stage's metrics, value against target, for a column `width` wide.
pub(crate) fn stage_metrics(
    builder: &Builder<'_>,
    metrics: &[Metric],
    width: f32,
    used: &mut Used,
) -> MetricList {
    let text_width = width - BADGE - 1.5 * UNIT;
    let mut items = Vec::new();
    let mut height: f32 = 0.0;
    for metric in metrics {
        let status = metric_status(metric);
        used.add_metric_status(status);
        let name = if metric.name.trim().is_empty() { "Unnamed metric" } else { metric.name.as_str() };
        let name = builder.paragraph(name, size::BODY, Weight::Regular, text_width);
        let figures = builder.paragraph(&metric_figures(metric), size::BODY, Weight::Bold, text_width);
        if !items.is_empty() {
            height += ITEM_GAP;
        }
        height += (TEXT_OFFSET + name.height() + UNIT + figures.height()).max(BADGE);
        items.push(MetricItem { status, name, figures });
    }
    MetricList { items, height }
}

/// Draws measured metrics with their top-left at (`x`, `top`).
pub(crate) fn place_metrics(builder: &mut Builder<'_>, list: &MetricList, x: f32, top: f32, role: Role) {
    let mut y = top;
    for item in &list.items {
        markers::metric_status(
            builder,
            item.status,
            Point::new(x + BADGE / 2.0, y + BADGE / 2.0),
            BADGE,
            role,
        );
        let text_x = x + BADGE + 1.5 * UNIT;
        let block = (TEXT_OFFSET + item.name.height() + UNIT + item.figures.height()).max(BADGE);
        builder.region(
            Rect::from_xywh(x, y, BADGE + 1.5 * UNIT + item.name.width().max(item.figures.width()), block),
            role,
            Layer::Labels,
        );
        let name_top = y + TEXT_OFFSET;
        builder.place(&item.name, text_x, name_top, style::INK, Anchor::Start, role);
        builder.place(
            &item.figures,
            text_x,
            name_top + item.name.height() + UNIT,
            style::INK,
            Anchor::Start,
            role,
        );
        y += block + ITEM_GAP;
    }
}

/// Padding between the stage rows.
const PAD: f32 = 3.0 * UNIT;

/// The rows under a map's body, each only when some stage has something for it: the stage
/// metrics (value against target) and the recommendations as a numbered action plan.
pub(crate) struct StageRows {
    metrics: Option<Vec<MetricList>>,
    plan: Option<Vec<RecommendationList>>,
    /// The rows' height, from the top they are drawn at to the bottom padding.
    pub height: f32,
}

fn tallest<T>(lists: Option<&Vec<T>>, height: impl Fn(&T) -> f32) -> Option<f32> {
    lists.map(|lists| lists.iter().map(height).fold(0.0, f32::max))
}

impl StageRows {
    /// Measures the rows for `map`'s stages over `spans`, with `plan` from
    /// [`crate::analysis::action_plan`].
    pub fn measure(
        builder: &Builder<'_>,
        study: &Study,
        map: &JourneyMap,
        plan: &[Vec<Action<'_>>],
        spans: &[Span],
        used: &mut Used,
    ) -> Self {
        let width = |span: &Span| span.right - span.left - 4.0 * UNIT;
        let metrics = map.stages.iter().any(|s| !s.metrics.is_empty()).then(|| {
            map.stages
                .iter()
                .zip(spans)
                .map(|(s, span)| stage_metrics(builder, &s.metrics, width(span), used))
                .collect()
        });
        let plan = plan.iter().any(|actions| !actions.is_empty()).then(|| {
            plan.iter()
                .zip(spans)
                .map(|(actions, span)| recommendations(builder, study, map, actions, width(span), used))
                .collect()
        });
        let mut height = 0.0;
        for row in [
            tallest(metrics.as_ref(), |l: &MetricList| l.height),
            tallest(plan.as_ref(), |l: &RecommendationList| l.height),
        ]
        .into_iter()
        .flatten()
        {
            height += 2.0 * PAD + row;
        }
        if height > 0.0 {
            height += PAD;
        }
        Self { metrics, plan, height }
    }

    /// Draws the rows from `top` across a body `width` wide.
    pub fn draw(&self, builder: &mut Builder<'_>, stages: &[Stage], spans: &[Span], top: f32, width: f32) {
        let mut y = top;
        if let Some(lists) = &self.metrics {
            y += 2.0 * PAD;
            rule(builder, y - PAD, width);
            header(builder, "Stage metrics", y);
            for ((stage, span), list) in stages.iter().zip(spans).zip(lists) {
                place_metrics(builder, list, span.left + 2.0 * UNIT, y, Role::Stage(stage.id));
            }
            y += lists.iter().map(|l| l.height).fold(0.0, f32::max);
        }
        if let Some(lists) = &self.plan {
            y += 2.0 * PAD;
            rule(builder, y - PAD, width);
            header(builder, "Recommendations", y);
            for ((stage, span), list) in stages.iter().zip(spans).zip(lists) {
                place_recommendations(builder, list, span.left + 2.0 * UNIT, y, Role::Stage(stage.id));
            }
        }
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
