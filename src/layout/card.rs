//! The face of a card: title, channel, accountable owner, flags, its numbers (customer
//! performance, importance, the perception gap, the recommendations that fix it), and on
//! tactical and performance maps its duration, performance gauge and status.

use super::builder::{Builder, Paragraph};
use super::figures::{Figure, FigureRows};
use super::geometry::{Point, Rect};
use super::markers::{self, Marker, Rag};
use super::scene::{Anchor, Label, Layer, Role, Stroke, Weight};
use super::style::{self, CARD_PADDING, CARD_WIDTH, MARKER, OWNER_BAR, UNIT, size};
use super::used::Used;
use crate::analysis;
use crate::model::scales::SCORE_RANGE;
use crate::model::{Card, Colour, MapKind, Study};
use crate::words;

/// The side of the R/A/G status disc: large enough for its letter at the text floor.
const RAG: f32 = 4.5 * UNIT;

/// The gauge's height: a 1–10 axis with the internal and customer dots.
const GAUGE: f32 = 4.0 * UNIT;

/// A card measured and ready to draw.
pub(crate) struct CardFace {
    role: Role,
    title: Paragraph,
    channel: Paragraph,
    owner: Paragraph,
    owner_colour: Option<Colour>,
    details: Paragraph,
    markers: Vec<Marker>,
    rag: Option<Rag>,
    gauge: Option<(Option<f32>, Option<f32>)>,
    figures: FigureRows,
    /// The whole texts of the face, for painters that set them at another size.
    texts: [String; 3],
    detail_mark: Option<super::detail_mark::DetailMark>,
    /// The card's height.
    pub height: f32,
}

fn inner_width() -> f32 {
    CARD_WIDTH - OWNER_BAR - 2.0 * CARD_PADDING
}

fn finite(value: Option<f32>) -> Option<f32> {
    value.filter(|v| v.is_finite())
}

impl CardFace {
    /// Measures `card`, showing `keys`: the numbers of the recommendations that fix it.
    pub fn prepare(
        builder: &Builder<'_>,
        study: &Study,
        kind: MapKind,
        card: &Card,
        keys: &[usize],
        used: &mut Used,
    ) -> Self {
        let markers = Marker::for_flags(card.flags);
        used.markers.extend(markers.iter().copied());
        let performance = kind == MapKind::Performance;
        let (internal, customer) = (finite(card.performance.internal), finite(card.performance.customer));
        // The status reads the customer's view where known, else the internal one; a value off
        // the scale has no honest status, so it gets none (its figure says "off scale").
        let rag = customer.or(internal).filter(|v| performance && SCORE_RANGE.contains(v)).map(Rag::of_score);
        used.rag.extend(rag);
        let marker_space =
            markers.len() as f32 * (MARKER + UNIT) + if rag.is_some() { RAG + UNIT } else { 0.0 };
        let marker_height = if rag.is_some() {
            RAG
        } else if markers.is_empty() {
            0.0
        } else {
            MARKER
        };
        let title_text = if card.title.trim().is_empty() { "Untitled" } else { card.title.as_str() };
        let title =
            builder.paragraph(title_text, size::CARD_TITLE, Weight::Bold, inner_width() - marker_space);
        let channel = if card.channel.trim().is_empty() {
            Paragraph::empty()
        } else {
            builder.shared_paragraph(&card.channel, size::BODY, Weight::Regular, inner_width())
        };
        let accountable =
            card.accountable.or_else(|| card.owners.first().copied()).and_then(|id| study.owner(id));
        let (owner, owner_colour, owner_text) = match accountable {
            Some(owner) => {
                used.owners.insert(owner.id);
                let others = card.owners.iter().filter(|id| **id != owner.id).count();
                let text = if others == 0 { owner.name.clone() } else { format!("{} +{others}", owner.name) };
                let chip = 2.5 * UNIT;
                (
                    builder.shared_paragraph(&text, size::BODY, Weight::Regular, inner_width() - chip - UNIT),
                    Some(owner.colour),
                    text,
                )
            }
            None => (Paragraph::empty(), None, String::new()),
        };
        let mut detail_lines = Vec::new();
        if kind != MapKind::Typical
            && let Some(duration) = card.duration.filter(|d| d.amount.is_finite())
        {
            detail_lines.push(format!("Takes {duration}"));
        }
        if performance {
            for metric in card.metrics.iter().take(2) {
                detail_lines.push(metric_line(metric));
            }
        }
        let details = if detail_lines.is_empty() {
            Paragraph::empty()
        } else {
            builder.shared_paragraph(&detail_lines.join("\n"), size::BODY, Weight::Regular, inner_width())
        };
        let gauge =
            (performance && (internal.is_some() || customer.is_some())).then_some((internal, customer));
        used.gauge |= gauge.is_some();
        let figures = FigureRows::set(builder, figures(study, card, performance, keys, used), inner_width());
        used.off_scale |= figures.any_off_scale();

        let gap = 1.5 * UNIT;
        let mut height = CARD_PADDING + title.height().max(marker_height);
        for block in [&channel, &owner, &details] {
            if !block.is_empty() {
                height += gap + block.height();
            }
        }
        if gauge.is_some() {
            height += gap + GAUGE;
        }
        if !figures.is_empty() {
            height += gap + figures.height;
        }
        let detail_mark = super::detail_mark::DetailMark::prepare(builder, study, card, inner_width(), used);
        height += detail_mark.as_ref().map_or(0.0, super::detail_mark::DetailMark::height);
        height += CARD_PADDING;
        Self {
            role: Role::Card(card.id),
            title,
            channel,
            owner,
            owner_colour,
            details,
            markers,
            rag,
            gauge,
            figures,
            texts: [title_text.to_owned(), card.channel.trim().to_owned(), owner_text],
            detail_mark,
            height,
        }
    }

    /// Draws the card with its top-left corner at `at`.
    pub fn draw(&self, builder: &mut Builder<'_>, at: Point) {
        let role = self.role;
        let rect = Rect::from_xywh(at.x, at.y, CARD_WIDTH, self.height);
        builder.region(rect, role, Layer::Cards);
        let [title, channel, owner] = self.texts.clone();
        builder.label(Label { role, rect, title, channel, owner, accent: self.owner_colour });
        builder.rect(rect, UNIT, Some(style::PAPER), Some(Stroke::solid(0.75, style::RULE)), role);
        let bar_colour = self.owner_colour.unwrap_or(style::RULE);
        builder.rect(
            Rect::from_xywh(at.x, at.y, OWNER_BAR, self.height),
            0.0,
            Some(bar_colour),
            Some(Stroke::solid(0.5, style::OWNER_OUTLINE)),
            role,
        );

        let left = at.x + OWNER_BAR + CARD_PADDING;
        let right = at.x + CARD_WIDTH - CARD_PADDING;
        let mut marker_x = right - MARKER;
        if let Some(rag) = self.rag {
            markers::status(
                builder,
                rag,
                Point::new(right - RAG / 2.0, at.y + CARD_PADDING + RAG / 2.0),
                RAG,
                role,
            );
            marker_x -= RAG + UNIT;
        }
        for marker in self.markers.iter().rev() {
            markers::draw(builder, *marker, Point::new(marker_x, at.y + CARD_PADDING), MARKER, role);
            marker_x -= MARKER + UNIT;
        }

        let gap = 1.5 * UNIT;
        let mut y = at.y + CARD_PADDING;
        let marker_height = if self.rag.is_some() {
            RAG
        } else if self.markers.is_empty() {
            0.0
        } else {
            MARKER
        };
        y += builder.place(&self.title, left, y, style::INK, Anchor::Start, role).max(marker_height);
        if !self.channel.is_empty() {
            y += gap;
            y += builder.place(&self.channel, left, y, style::SECONDARY, Anchor::Start, role);
        }
        if !self.owner.is_empty() {
            y += gap;
            let chip = 2.5 * UNIT;
            if let Some(colour) = self.owner_colour {
                let chip_top = y + (size::BODY - chip) / 2.0;
                builder.rect(
                    Rect::from_xywh(left, chip_top, chip, chip),
                    0.5,
                    Some(colour),
                    Some(Stroke::solid(0.75, style::OWNER_OUTLINE)),
                    role,
                );
            }
            y += builder.place(&self.owner, left + chip + UNIT, y, style::INK, Anchor::Start, role);
        }
        if !self.details.is_empty() {
            y += gap;
            y += builder.place(&self.details, left, y, style::SECONDARY, Anchor::Start, role);
        }
        if let Some((internal, customer)) = self.gauge {
            y += gap;
            draw_gauge(builder, Rect::from_xywh(left, y, right - left, GAUGE), internal, customer, role);
            y += GAUGE;
        }
        if !self.figures.is_empty() {
            y += gap;
            self.figures.draw(builder, left, y, role);
        }
        if let Some(mark) = &self.detail_mark {
            mark.draw(builder, rect, left);
        }
    }
}

/// The card's figures: on performance maps both views of performance (the gauge draws them),
/// elsewhere the customer's on its tint; then customer importance, the perception gap when
/// both views are known, and the numbers of the recommendations that fix the card. A roll-up
/// from a detail map follows the stated performance. Unknown values make no figure.
fn figures(study: &Study, card: &Card, performance: bool, keys: &[usize], used: &mut Used) -> Vec<Figure> {
    let mut list = Vec::new();
    let (internal, customer) = (finite(card.performance.internal), finite(card.performance.customer));
    if performance {
        list.extend(internal.and_then(|v| Figure::score("Internal", v)));
        list.extend(customer.and_then(|v| Figure::score("Customer", v)));
    } else if let Some(figure) = customer.and_then(Figure::performance) {
        used.performance = true;
        list.push(figure);
    }
    list.extend(super::figures::rollup_figures(study, card, used));
    if let Some(figure) = finite(card.importance.customer).and_then(Figure::importance) {
        used.importance = true;
        list.push(figure);
    }
    if let Some(figure) = analysis::card_gaps(card).performance.and_then(Figure::gap) {
        used.gap = true;
        list.push(figure);
    }
    used.keys |= !keys.is_empty();
    list.extend(keys.iter().map(|k| Figure::key(*k)));
    list
}

/// A metric as one line: "First response 6.5 h (target 4 h)"; unknown or non-finite values
/// are left out.
pub(crate) fn metric_line(metric: &crate::model::Metric) -> String {
    let shown = |v: Option<f64>| v.and_then(|v| words::figure_with_unit(v, &metric.unit));
    let name = if metric.name.trim().is_empty() { "Unnamed metric" } else { metric.name.as_str() };
    match (shown(metric.value), shown(metric.target)) {
        (Some(value), Some(target)) => format!("{name} {value} (target {target})"),
        (Some(value), None) => format!("{name} {value}"),
        (None, Some(target)) => format!("{name} target {target}"),
        (None, None) => name.to_owned(),
    }
}

/// A 1–10 axis with the internal view as a hollow dot and the customer view as a filled one;
/// the gap between them is drawn as a thick bar. A value off the scale sits at the axis end
/// with an arrowhead pointing off it (its number, printed below, says how far).
fn draw_gauge(
    builder: &mut Builder<'_>,
    rect: Rect,
    internal: Option<f32>,
    customer: Option<f32>,
    role: Role,
) {
    let y = rect.centre().y;
    let radius = 1.2 * UNIT;
    let (x0, x1) = (rect.min.x + radius, rect.max.x - radius);
    let (low, high) = (*SCORE_RANGE.start(), *SCORE_RANGE.end());
    let x_of = |score: f32| x0 + (score.clamp(low, high) - low) / (high - low) * (x1 - x0);
    builder.line(vec![Point::new(x0, y), Point::new(x1, y)], Stroke::solid(1.0, style::RULE), role);
    for tick in [1.0, 5.5, 10.0] {
        let x = x_of(tick);
        builder.line(
            vec![Point::new(x, y - UNIT * 0.75), Point::new(x, y + UNIT * 0.75)],
            Stroke::solid(0.75, style::RULE),
            role,
        );
    }
    if let (Some(a), Some(b)) = (internal, customer) {
        builder.line(
            vec![Point::new(x_of(a), y), Point::new(x_of(b), y)],
            Stroke::solid(UNIT * 0.9, style::GAP_BAR),
            role,
        );
    }
    for value in [internal, customer].into_iter().flatten().filter(|v| !SCORE_RANGE.contains(v)) {
        let above = value > high;
        let tip = Point::new(if above { x1 + radius + 1.5 * UNIT } else { x0 - radius - 1.5 * UNIT }, y);
        markers::off_scale(builder, tip, (if above { 1.0 } else { -1.0 }, 0.0), radius * 1.6, role);
    }
    if let Some(value) = customer {
        builder.circle(Point::new(x_of(value), y), radius, Some(style::ELICITED), None, role);
    }
    if let Some(value) = internal {
        builder.circle(
            Point::new(x_of(value), y),
            radius,
            Some(style::PAPER),
            Some(Stroke::solid(1.5, style::INK)),
            role,
        );
    }
}

/// Draws the gauge sample for the legend.
pub(crate) fn legend_gauge(builder: &mut Builder<'_>, rect: Rect) {
    draw_gauge(builder, rect, Some(8.0), Some(4.0), Role::Chrome);
}
