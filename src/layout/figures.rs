//! The numbers on a card, set as short figures in rows that wrap at the card's width: the
//! customer's performance on a tinted chip, importance with a small meter, the perception gap
//! as a signed badge, the numbers of the recommendations that fix the card, and for a
//! touchpoint with a detail map its steps' rolled-up performance beside the stated one, with a
//! flag when the two differ enough to review and a line naming the weakest step. Values are
//! bold (they are the point), labels quiet; a value off its scale says so in words.

use super::builder::{Builder, Paragraph};
use super::geometry::{Point, Rect};
use super::scene::{Anchor, Role, Stroke, Weight};
use super::style::{self, UNIT, size};
use super::used::Used;
use crate::analysis::{RollUp, View};
use crate::model::scales::SCORE_RANGE;
use crate::model::{Card, Colour, Study};
use crate::words;

/// The height of one row of figures.
pub(crate) const ROW: f32 = 4.5 * UNIT;
/// The space between rows.
const ROW_GAP: f32 = UNIT;
/// The space between figures on a row.
const SPACING: f32 = 1.5 * UNIT;
/// The space between a figure's parts.
const PART_GAP: f32 = 0.75 * UNIT;
/// The width of the importance meter.
const METER: f32 = 3.5 * UNIT;
/// What an off-scale value carries after it.
const OFF_SCALE: &str = "off scale";
/// The side of the review flag.
const FLAG: f32 = 3.0 * UNIT;

/// How a figure is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Look {
    /// Label and value on the paper.
    Plain,
    /// On a chip tinted by the value (customer performance).
    Tint(Colour),
    /// In an outlined badge (the perception gap).
    Badge,
    /// White on a navy square (a recommendation's number).
    Key,
}

/// One figure: a quiet label, a bold value and what marks it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Figure {
    label: String,
    value: String,
    look: Look,
    /// The value lies outside its scale.
    pub off_scale: bool,
    /// A meter's filled fraction (0..1), for a value on its scale.
    meter: Option<f32>,
    /// Quiet text after the value (a roll-up's spread).
    suffix: String,
    /// Led by the review flag.
    review: bool,
    /// A line set under the figure's row (a roll-up's weakest step), closing the row.
    note: Option<String>,
}

fn on_score_scale(value: f32) -> bool {
    SCORE_RANGE.contains(&value)
}

fn mix(a: Colour, b: Colour, t: f32) -> Colour {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a channel in 0..=255")]
    let channel =
        |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t.clamp(0.0, 1.0)).round() as u8;
    Colour::rgb(channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b))
}

/// The tint of a performance score on the diverging scale; the middle tint when off scale,
/// so an impossible value is never coloured as if it were the scale's end.
pub(crate) fn performance_tint(value: f32) -> Colour {
    if !on_score_scale(value) {
        return style::PERFORMANCE_MID;
    }
    let t = (value - SCORE_RANGE.start()) / (SCORE_RANGE.end() - SCORE_RANGE.start());
    if t < 0.5 {
        mix(style::PERFORMANCE_LOW, style::PERFORMANCE_MID, t * 2.0)
    } else {
        mix(style::PERFORMANCE_MID, style::PERFORMANCE_HIGH, (t - 0.5) * 2.0)
    }
}

impl Figure {
    /// A 1–10 score with its label, plain; `None` when the value is not a finite number.
    pub fn score(label: &str, value: f32) -> Option<Self> {
        Some(Self {
            label: label.to_owned(),
            value: words::score(value)?,
            look: Look::Plain,
            off_scale: !on_score_scale(value),
            meter: None,
            suffix: String::new(),
            review: false,
            note: None,
        })
    }

    /// The customer's performance on its tinted chip.
    pub fn performance(value: f32) -> Option<Self> {
        let figure = Self::score("Perf", value)?;
        Some(Self { look: Look::Tint(performance_tint(value)), ..figure })
    }

    /// The customer's importance with a meter.
    pub fn importance(value: f32) -> Option<Self> {
        let figure = Self::score("Imp", value)?;
        let meter = (!figure.off_scale)
            .then(|| (value - SCORE_RANGE.start()) / (SCORE_RANGE.end() - SCORE_RANGE.start()));
        Some(Self { meter, ..figure })
    }

    /// The perception gap (internal minus customer) as a signed badge: the sign and the
    /// badge's outline say what it is, so it needs no label and leaves room for the keys.
    pub fn gap(value: f32) -> Option<Self> {
        Some(Self {
            label: String::new(),
            value: words::signed(value)?,
            look: Look::Badge,
            off_scale: false,
            meter: None,
            suffix: String::new(),
            review: false,
            note: None,
        })
    }

    /// A recommendation's number.
    pub fn key(number: usize) -> Self {
        Self {
            label: String::new(),
            value: number.to_string(),
            look: Look::Key,
            off_scale: false,
            meter: None,
            suffix: String::new(),
            review: false,
            note: None,
        }
    }

    /// A roll-up in one view: the steps' weighted mean, tinted like the customer's performance
    /// in the customer view, with the spread after it and the review flag before it. `None`
    /// when no step is scored in the view.
    pub fn rollup(rollup: &RollUp, view: View) -> Option<Self> {
        let steps = rollup.view(view);
        let label = match view {
            View::Customer => "Steps",
            View::Internal => "Internal steps",
        };
        let figure = Self::score(label, steps.mean?)?;
        let look =
            if view == View::Customer { Look::Tint(performance_tint(steps.mean?)) } else { Look::Plain };
        let suffix = match (steps.min.and_then(words::score), steps.max.and_then(words::score)) {
            (Some(min), Some(max)) if min != max => format!("{min}–{max}"),
            _ => String::new(),
        };
        Some(Self { look, suffix, review: rollup.review_in(view), ..figure })
    }

    fn padding(&self) -> f32 {
        if self.look == Look::Plain { 0.0 } else { 0.75 * UNIT }
    }

    /// The figure's width as set.
    pub fn width(&self, builder: &Builder<'_>) -> f32 {
        let measure = builder.measure;
        let mut width = 2.0 * self.padding() + measure.width(&self.value, size::BODY, Weight::Bold);
        if !self.label.is_empty() {
            width += measure.width(&self.label, size::SMALL, Weight::Regular) + PART_GAP;
        }
        if self.meter.is_some() {
            width += PART_GAP + METER;
        }
        if self.off_scale {
            width += PART_GAP + measure.width(OFF_SCALE, size::SMALL, Weight::Regular);
        }
        if !self.suffix.is_empty() {
            width += PART_GAP + measure.width(&self.suffix, size::SMALL, Weight::Regular);
        }
        if self.review {
            width += FLAG + PART_GAP;
        }
        width
    }

    /// Draws the figure with its top-left at (`x`, `top`); returns its width.
    pub fn draw(&self, builder: &mut Builder<'_>, x: f32, top: f32, role: Role) -> f32 {
        let width = self.width(builder);
        let rect = Rect::from_xywh(x, top, width, ROW);
        match self.look {
            Look::Plain => {}
            Look::Tint(fill) => {
                builder.rect(rect, UNIT * 0.75, Some(fill), None, role);
            }
            Look::Badge => builder.rect(
                rect,
                ROW / 2.0,
                Some(style::PAPER),
                Some(Stroke::solid(1.25, style::GAP_BAR)),
                role,
            ),
            Look::Key => builder.rect(rect, UNIT * 0.75, Some(style::KEY), None, role),
        }
        let baseline = top + ROW / 2.0 + size::BODY * 0.36;
        let (label_colour, value_colour) = match self.look {
            Look::Key => (style::ON_SPINE, style::ON_SPINE),
            // The tints are too dark for the secondary grey to keep 4.5:1.
            Look::Tint(_) => (style::INK, style::INK),
            Look::Plain | Look::Badge => (style::SECONDARY, style::INK),
        };
        let mut cursor = x + self.padding();
        if self.review {
            review_flag(builder, Point::new(cursor, top + (ROW - FLAG) / 2.0), FLAG, role);
            cursor += FLAG + PART_GAP;
        }
        if !self.label.is_empty() {
            let label = &self.label;
            cursor += builder.text(
                Point::new(cursor, baseline),
                label,
                size::SMALL,
                Weight::Regular,
                label_colour,
                Anchor::Start,
                role,
            ) + PART_GAP;
        }
        cursor += builder.text(
            Point::new(cursor, baseline),
            &self.value,
            size::BODY,
            Weight::Bold,
            value_colour,
            Anchor::Start,
            role,
        );
        if let Some(fraction) = self.meter {
            cursor += PART_GAP;
            let middle = top + ROW / 2.0;
            let track = Rect::from_xywh(cursor, middle - UNIT / 2.0, METER, UNIT);
            builder.rect(
                track,
                UNIT / 2.0,
                Some(style::PAPER),
                Some(Stroke::solid(0.75, style::SECONDARY)),
                role,
            );
            let filled = Rect::from_xywh(cursor, middle - UNIT / 2.0, METER * fraction.clamp(0.0, 1.0), UNIT);
            builder.rect(filled, UNIT / 2.0, Some(style::SECONDARY), None, role);
            cursor += METER;
        }
        if self.off_scale {
            cursor += PART_GAP;
            cursor += builder.text(
                Point::new(cursor, baseline),
                OFF_SCALE,
                size::SMALL,
                Weight::Regular,
                style::PAIN,
                Anchor::Start,
                role,
            );
        }
        if !self.suffix.is_empty() {
            cursor += PART_GAP;
            builder.text(
                Point::new(cursor, baseline),
                &self.suffix,
                size::SMALL,
                Weight::Regular,
                label_colour,
                Anchor::Start,
                role,
            );
        }
        width
    }
}

/// The review flag filling the square with top-left `at` and side `side`: a pennant on a pole
/// in the review colour, a shape no other mark uses, so it reads in black and white too.
pub(crate) fn review_flag(builder: &mut Builder<'_>, at: Point, side: f32, role: Role) {
    let (x, y, s) = (at.x, at.y, side);
    builder.rect(Rect::from_xywh(x + s * 0.1, y, s * 0.14, s), 0.0, Some(style::REVIEW), None, role);
    let pennant = vec![
        Point::new(x + s * 0.24, y),
        Point::new(x + s, y + s * 0.3),
        Point::new(x + s * 0.24, y + s * 0.6),
    ];
    builder.polygon(pennant, Some(style::REVIEW), None, role);
}

/// The roll-up figures of a card with a detail map: the customer view's, and the internal
/// view's too when the customer's is unknown or only the internal view calls for review (so
/// the flag always sits on a figure that shows why); the last carries the line naming the
/// weakest step. Records what the legend must explain.
pub(crate) fn rollup_figures(study: &Study, card: &Card, used: &mut Used) -> Vec<Figure> {
    let Some(rollup) = used.rollups.of(study, card) else { return Vec::new() };
    let customer = Figure::rollup(&rollup, View::Customer);
    let internal_needed =
        customer.is_none() || (rollup.review_in(View::Internal) && !rollup.review_in(View::Customer));
    let internal = internal_needed.then(|| Figure::rollup(&rollup, View::Internal)).flatten();
    let first_view = if customer.is_some() { View::Customer } else { View::Internal };
    let mut list: Vec<Figure> = customer.into_iter().chain(internal).collect();
    if let Some(last) = list.last_mut() {
        last.note = weakest_note(study, &rollup, first_view);
    }
    used.rollup |= !list.is_empty();
    used.review |= list.iter().any(|f| f.review);
    list
}

/// The line naming the weakest step in `view` and how many steps were scored: "Weakest of 6
/// steps: Maps bookings in our ERP".
fn weakest_note(study: &Study, rollup: &RollUp, view: View) -> Option<String> {
    let steps = rollup.view(view);
    let title = study.map(rollup.map)?.card(steps.weakest?)?.title.trim();
    let title = if title.is_empty() { "Untitled" } else { title };
    Some(if steps.scored == 1 {
        format!("The one step scored: {title}")
    } else {
        format!("Weakest of {} steps: {title}", steps.scored)
    })
}

/// Figures placed in rows; a figure's note is set under its row, and the next figure starts a
/// new row below the note.
#[derive(Debug, Default)]
pub(crate) struct FigureRows {
    /// Each figure with its left edge and its top, from the rows' top-left.
    placed: Vec<(Figure, f32, f32)>,
    /// The notes with their tops.
    notes: Vec<(Paragraph, f32)>,
    /// The rows' total height, the notes' included; 0 when there are no figures.
    pub height: f32,
}

impl FigureRows {
    /// Sets `figures` left to right in rows no wider than `width`.
    pub fn set(builder: &Builder<'_>, figures: Vec<Figure>, width: f32) -> Self {
        let mut placed = Vec::with_capacity(figures.len());
        let mut notes = Vec::new();
        // `x` is where the next figure goes on the row whose top is `top`; `None` once a note
        // has closed the row.
        let (mut x, mut top, mut bottom) = (Some(0.0), 0.0, 0.0_f32);
        for mut figure in figures {
            let figure_width = figure.width(builder);
            let at = match x {
                Some(x) if x <= 0.0 || x + figure_width <= width => x,
                _ => {
                    top = if placed.is_empty() { 0.0 } else { bottom + ROW_GAP };
                    0.0
                }
            };
            bottom = top + ROW;
            x = Some(at + figure_width + SPACING);
            if let Some(text) = figure.note.take() {
                let note =
                    builder.paragraph(&text, size::SMALL, Weight::Regular, width).at_most(builder.measure, 2);
                let note_top = bottom + ROW_GAP;
                bottom = note_top + note.height();
                notes.push((note, note_top));
                x = None;
            }
            placed.push((figure, at, top));
        }
        Self { placed, notes, height: bottom }
    }

    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.placed.is_empty()
    }

    /// Whether any figure is off its scale.
    pub fn any_off_scale(&self) -> bool {
        self.placed.iter().any(|(f, ..)| f.off_scale)
    }

    /// Draws the rows with their top-left at (`left`, `top`).
    pub fn draw(&self, builder: &mut Builder<'_>, left: f32, top: f32, role: Role) {
        for (figure, x, y) in &self.placed {
            figure.draw(builder, left + x, top + y, role);
        }
        for (note, y) in &self.notes {
            builder.place(note, left, top + y, style::SECONDARY, Anchor::Start, role);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tint_runs_from_red_through_grey_to_green() {
        assert_eq!(performance_tint(1.0), style::PERFORMANCE_LOW);
        assert_eq!(performance_tint(5.5), style::PERFORMANCE_MID);
        assert_eq!(performance_tint(10.0), style::PERFORMANCE_HIGH);
        assert_eq!(performance_tint(14.0), style::PERFORMANCE_MID);
    }

    #[test]
    fn unknown_numbers_make_no_figure() {
        assert!(Figure::score("Perf", f32::NAN).is_none());
        assert!(Figure::gap(f32::INFINITY).is_none());
        assert!(Figure::importance(14.0).is_some_and(|f| f.off_scale && f.meter.is_none()));
    }
}
