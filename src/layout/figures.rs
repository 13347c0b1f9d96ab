//! The numbers on a card, set as short figures in rows that wrap at the card's width: the
//! customer's performance on a tinted chip, importance with a small meter, the perception gap
//! as a signed badge, and the numbers of the recommendations that fix the card. Values are
//! bold (they are the point), labels quiet; a value off its scale says so in words.

use super::builder::Builder;
use super::geometry::{Point, Rect};
use super::scene::{Anchor, Role, Stroke, Weight};
use super::style::{self, UNIT, size};
use crate::model::Colour;
use crate::model::scales::SCORE_RANGE;
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
        }
    }

    fn padding(&self) -> f32 {
        if self.look == Look::Plain { 0.0 } else { 0.75 * UNIT }
    }

    /// The widths of the figure's label and value as set.
    fn measure(&self, builder: &Builder<'_>) -> Measured {
        let measure = builder.measure;
        Measured {
            label: if self.label.is_empty() {
                0.0
            } else {
                measure.width(&self.label, size::SMALL, Weight::Regular)
            },
            value: measure.width(&self.value, size::BODY, Weight::Bold),
        }
    }

    /// The figure's width as set.
    pub fn width(&self, builder: &Builder<'_>) -> f32 {
        self.width_of(self.measure(builder), builder)
    }

    fn width_of(&self, parts: Measured, builder: &Builder<'_>) -> f32 {
        let mut width = 2.0 * self.padding() + parts.value;
        if !self.label.is_empty() {
            width += parts.label + PART_GAP;
        }
        if self.meter.is_some() {
            width += PART_GAP + METER;
        }
        if self.off_scale {
            width += PART_GAP + builder.measure.width(OFF_SCALE, size::SMALL, Weight::Regular);
        }
        width
    }

    /// Draws the figure with its top-left at (`x`, `top`); returns its width.
    pub fn draw(&self, builder: &mut Builder<'_>, x: f32, top: f32, role: Role) -> f32 {
        let parts = self.measure(builder);
        self.draw_measured(builder, parts, x, top, role)
    }

    /// [`Figure::draw`] with the widths of its parts already measured.
    fn draw_measured(&self, builder: &mut Builder<'_>, parts: Measured, x: f32, top: f32, role: Role) -> f32 {
        let width = self.width_of(parts, builder);
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
        if !self.label.is_empty() {
            let label = &self.label;
            builder.measured_text(
                Point::new(cursor, baseline),
                label,
                (size::SMALL, Weight::Regular, parts.label),
                label_colour,
                Anchor::Start,
                role,
            );
            cursor += parts.label + PART_GAP;
        }
        builder.measured_text(
            Point::new(cursor, baseline),
            &self.value,
            (size::BODY, Weight::Bold, parts.value),
            value_colour,
            Anchor::Start,
            role,
        );
        cursor += parts.value;
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
            builder.text(
                Point::new(cursor, baseline),
                OFF_SCALE,
                size::SMALL,
                Weight::Regular,
                style::PAIN,
                Anchor::Start,
                role,
            );
        }
        width
    }
}

/// The measured widths of a figure's label (0 without one) and value.
#[derive(Clone, Copy, Debug, Default)]
struct Measured {
    label: f32,
    value: f32,
}

/// Figures placed in rows.
#[derive(Debug, Default)]
pub(crate) struct FigureRows {
    placed: Vec<(Figure, Measured, f32, usize)>,
    /// The rows' total height; 0 when there are no figures.
    pub height: f32,
}

impl FigureRows {
    /// Sets `figures` left to right in rows no wider than `width`.
    pub fn set(builder: &Builder<'_>, figures: Vec<Figure>, width: f32) -> Self {
        let mut placed = Vec::with_capacity(figures.len());
        let (mut x, mut row) = (0.0, 0);
        for figure in figures {
            let parts = figure.measure(builder);
            let figure_width = figure.width_of(parts, builder);
            if x > 0.0 && x + figure_width > width {
                x = 0.0;
                row += 1;
            }
            placed.push((figure, parts, x, row));
            x += figure_width + SPACING;
        }
        let rows = placed.last().map_or(0, |p| p.3 + 1);
        let height = if rows == 0 { 0.0 } else { rows as f32 * ROW + (rows - 1) as f32 * ROW_GAP };
        Self { placed, height }
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
        for (figure, parts, x, row) in &self.placed {
            figure.draw_measured(builder, *parts, left + x, top + *row as f32 * (ROW + ROW_GAP), role);
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
