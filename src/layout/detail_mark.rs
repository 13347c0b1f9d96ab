//! The mark of a card that another map details: a small stack of two sheets with an arrow into
//! the front one (a vector shape, so it prints in black and white), beside the detail map's
//! title, on the card's last row. The canvas hit-tests its region (Ctrl+click opens the map);
//! on a poster it tells the reader which map to turn to.

use super::builder::{Builder, Paragraph};
use super::geometry::{Point, Rect};
use super::scene::{Anchor, Layer, Role, Stroke, Weight};
use super::style::{self, CARD_PADDING, MARKER, UNIT, size};
use super::used::Used;
use crate::model::{Card, Study};

/// The gap between the card's row above and the mark's row.
const GAP: f32 = 1.5 * UNIT;

/// A card's detail mark, measured and ready to draw at the bottom of its card.
pub(crate) struct DetailMark {
    label: Paragraph,
    card: crate::model::CardId,
}

impl DetailMark {
    /// The mark of `card`, when it has a detail map that exists; `text_width` is the width the
    /// card's text may take.
    pub fn prepare(
        builder: &Builder<'_>,
        study: &Study,
        card: &Card,
        text_width: f32,
        used: &mut Used,
    ) -> Option<Self> {
        let map = card.detail.and_then(|id| study.map(id))?;
        used.detail = true;
        let title = if map.title.trim().is_empty() { "an untitled map" } else { map.title.trim() };
        let label = builder
            .paragraph(
                &format!("Detailed in “{title}”"),
                size::BODY,
                Weight::Regular,
                text_width - MARKER - UNIT,
            )
            .at_most(builder.measure, 1);
        Some(Self { label, card: card.id })
    }

    /// The height the mark adds to its card, its gap included.
    pub fn height(&self) -> f32 {
        GAP + self.label.height().max(MARKER)
    }

    /// Draws the mark on the last row of the card `rect`, from `left`.
    pub fn draw(&self, builder: &mut Builder<'_>, rect: Rect, left: f32) {
        let role = Role::Card(self.card);
        let row = self.label.height().max(MARKER);
        let top = rect.max.y - CARD_PADDING - row;
        icon(builder, Point::new(left, top + (row.min(size::BODY * 1.3) - MARKER) / 2.0), MARKER, role);
        let text_left = left + MARKER + UNIT;
        builder.place(&self.label, text_left, top, style::SECONDARY, Anchor::Start, role);
        let width = MARKER + UNIT + self.label.width();
        builder.region(Rect::from_xywh(left, top, width, row), Role::DetailMark(self.card), Layer::Marks);
    }
}

/// The mark itself in the square with top-left `at` and side `side`: a sheet behind, a sheet in
/// front, and an arrow pointing into the front one ("this opens another map").
pub(crate) fn icon(builder: &mut Builder<'_>, at: Point, side: f32, role: Role) {
    let sheet = side * 0.72;
    let offset = side - sheet;
    let back = Rect::from_xywh(at.x + offset, at.y, sheet, sheet);
    let front = Rect::from_xywh(at.x, at.y + offset, sheet, sheet);
    let outline = Stroke::solid(1.0, style::INK);
    builder.rect(back, 0.75, Some(style::TINT), Some(outline), role);
    builder.rect(front, 0.75, Some(style::PAPER), Some(outline), role);
    let c = front.centre();
    let arm = sheet * 0.28;
    builder.polygon(
        vec![
            Point::new(c.x + arm, c.y),
            Point::new(c.x - arm * 0.7, c.y - arm),
            Point::new(c.x - arm * 0.7, c.y + arm),
        ],
        Some(style::INK),
        None,
        role,
    );
}
