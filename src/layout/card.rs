//! The face of a card: title, channel, accountable owner, flags, and on tactical and
//! performance maps its duration, performance gauge and status.

use super::builder::{Builder, Paragraph};
use super::geometry::{Point, Rect};
use super::markers::{self, Marker, Rag};
use super::scene::{Anchor, Layer, Role, Stroke, Weight};
use super::style::{self, CARD_PADDING, CARD_WIDTH, MARKER, OWNER_BAR, UNIT, size};
use super::used::Used;
use crate::model::{Card, Colour, MapKind, Study};

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
    gauge_caption: Paragraph,
    /// The card's height.
    pub height: f32,
}

fn inner_width() -> f32 {
    CARD_WIDTH - OWNER_BAR - 2.0 * CARD_PADDING
}

impl CardFace {
    pub fn prepare(
        builder: &Builder<'_>,
        study: &Study,
        kind: MapKind,
        card: &Card,
        used: &mut Used,
    ) -> Self {
        let markers = Marker::for_flags(card.flags);
        used.markers.extend(markers.iter().copied());
        let performance = kind == MapKind::Performance;
        let rag = if performance {
            card.performance.customer.or(card.performance.internal).map(Rag::of_score)
        } else {
            None
        };
        used.rag.extend(rag);
        let slots = markers.len() + usize::from(rag.is_some());
        let marker_space = if slots == 0 { 0.0 } else { slots as f32 * (MARKER + UNIT) };
        let title_text = if card.title.trim().is_empty() { "Untitled" } else { card.title.as_str() };
        let title =
            builder.paragraph(title_text, size::CARD_TITLE, Weight::Bold, inner_width() - marker_space);
        let channel = if card.channel.trim().is_empty() {
            Paragraph::empty()
        } else {
            builder.paragraph(&card.channel, size::BODY, Weight::Regular, inner_width())
        };
        let accountable =
            card.accountable.or_else(|| card.owners.first().copied()).and_then(|id| study.owner(id));
        let (owner, owner_colour) = match accountable {
            Some(owner) => {
                used.owners.insert(owner.id);
                let others = card.owners.iter().filter(|id| **id != owner.id).count();
                let text = if others == 0 { owner.name.clone() } else { format!("{} +{others}", owner.name) };
                let chip = 2.5 * UNIT;
                (
                    builder.paragraph(&text, size::BODY, Weight::Regular, inner_width() - chip - UNIT),
                    Some(owner.colour),
                )
            }
            None => (Paragraph::empty(), None),
        };
        let mut detail_lines = Vec::new();
        if kind != MapKind::Typical
            && let Some(duration) = card.duration
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
            builder.paragraph(&detail_lines.join("\n"), size::BODY, Weight::Regular, inner_width())
        };
        let gauge = (performance
            && (card.performance.internal.is_some() || card.performance.customer.is_some()))
        .then_some((card.performance.internal, card.performance.customer));
        let gauge_caption = match gauge {
            Some((internal, customer)) => {
                used.gauge = true;
                let show = |v: Option<f32>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"));
                builder.paragraph(
                    &format!("Internal {} · customer {}", show(internal), show(customer)),
                    size::SMALL,
                    Weight::Regular,
                    inner_width(),
                )
            }
            None => Paragraph::empty(),
        };

        let gap = 1.5 * UNIT;
        let mut height = CARD_PADDING + title.height().max(if slots > 0 { MARKER } else { 0.0 });
        for block in [&channel, &owner, &details] {
            if !block.is_empty() {
                height += gap + block.height();
            }
        }
        if gauge.is_some() {
            height += gap + GAUGE + UNIT + gauge_caption.height();
        }
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
            gauge_caption,
            height,
        }
    }

    /// Draws the card with its top-left corner at `at`.
    pub fn draw(&self, builder: &mut Builder<'_>, at: Point) {
        let role = self.role;
        let rect = Rect::from_xywh(at.x, at.y, CARD_WIDTH, self.height);
        builder.region(rect, role, Layer::Cards);
        builder.rect(rect, UNIT, Some(style::PAPER), Some(Stroke::solid(0.75, style::RULE)), role);
        let bar_colour = self.owner_colour.unwrap_or(style::RULE);
        builder.rect(Rect::from_xywh(at.x, at.y, OWNER_BAR, self.height), 0.0, Some(bar_colour), None, role);

        let left = at.x + OWNER_BAR + CARD_PADDING;
        let right = at.x + CARD_WIDTH - CARD_PADDING;
        let mut marker_x = right - MARKER;
        if let Some(rag) = self.rag {
            markers::status(
                builder,
                rag,
                Point::new(marker_x + MARKER / 2.0, at.y + CARD_PADDING + MARKER / 2.0),
                MARKER,
                role,
            );
            marker_x -= MARKER + UNIT;
        }
        for marker in self.markers.iter().rev() {
            markers::draw(builder, *marker, Point::new(marker_x, at.y + CARD_PADDING), MARKER, role);
            marker_x -= MARKER + UNIT;
        }

        let gap = 1.5 * UNIT;
        let mut y = at.y + CARD_PADDING;
        let marker_height = if self.markers.is_empty() && self.rag.is_none() { 0.0 } else { MARKER };
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
                builder.rect(Rect::from_xywh(left, chip_top, chip, chip), 0.5, Some(colour), None, role);
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
            y += GAUGE + UNIT;
            builder.place(&self.gauge_caption, left, y, style::SECONDARY, Anchor::Start, role);
        }
    }
}

/// A metric as one line: "First response 6.5 h (target 4 h)".
fn metric_line(metric: &crate::model::Metric) -> String {
    let number = |v: f64| {
        if (v - v.round()).abs() < 1e-9 { format!("{v:.0}") } else { format!("{v:.1}") }
    };
    let unit = if metric.unit.is_empty() { String::new() } else { format!(" {}", metric.unit) };
    match (metric.value, metric.target) {
        (Some(value), Some(target)) => {
            format!("{} {}{unit} (target {}{unit})", metric.name, number(value), number(target))
        }
        (Some(value), None) => format!("{} {}{unit}", metric.name, number(value)),
        (None, Some(target)) => format!("{} target {}{unit}", metric.name, number(target)),
        (None, None) => metric.name.clone(),
    }
}

/// A 1–10 axis with the internal view as a hollow dot and the customer view as a filled one;
/// the gap between them is drawn as a thick bar.
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
    let x_of = |score: f32| x0 + (score.clamp(1.0, 10.0) - 1.0) / 9.0 * (x1 - x0);
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
