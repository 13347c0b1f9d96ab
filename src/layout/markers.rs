//! Vector markers: flags, handoffs, statuses, priorities. Each pairs its colour with a shape or
//! a letter, so a black-and-white print or a colour-blind reader loses nothing.

use super::builder::Builder;
use super::geometry::{Point, Rect};
use super::scene::{Anchor, Role, Stroke, Weight};
use super::style;
use crate::model::{Colour, Flags, Priority};

/// The kinds of marker a map can show; the legend lists those used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Marker {
    /// A red triangle with "!".
    Pain,
    /// A green circle with a smile.
    Delight,
    /// A purple diamond.
    Truth,
    /// An amber hourglass.
    Bottleneck,
}

impl Marker {
    /// The user's name for the marker, as the legend prints it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pain => "Pain point",
            Self::Delight => "Moment of delight",
            Self::Truth => "Moment of truth",
            Self::Bottleneck => "Bottleneck",
        }
    }

    /// The markers a card's flags call for, in a fixed order.
    pub fn for_flags(flags: Flags) -> Vec<Marker> {
        let mut markers = Vec::new();
        if flags.pain_point {
            markers.push(Self::Pain);
        }
        if flags.moment_of_delight {
            markers.push(Self::Delight);
        }
        if flags.moment_of_truth {
            markers.push(Self::Truth);
        }
        if flags.bottleneck {
            markers.push(Self::Bottleneck);
        }
        markers
    }
}

/// Draws `marker` filling the square with top-left `at` and side `size`.
pub fn draw(builder: &mut Builder<'_>, marker: Marker, at: Point, size: f32, role: Role) {
    let (x, y, s) = (at.x, at.y, size);
    let white = style::PAPER;
    match marker {
        Marker::Pain => {
            let points = vec![Point::new(x + s / 2.0, y), Point::new(x + s, y + s), Point::new(x, y + s)];
            builder.polygon(points, Some(style::PAIN), None, role);
            let bar = Rect::from_xywh(x + s * 0.44, y + s * 0.33, s * 0.12, s * 0.36);
            builder.rect(bar, 0.0, Some(white), None, role);
            builder.circle(Point::new(x + s / 2.0, y + s * 0.82), s * 0.07, Some(white), None, role);
        }
        Marker::Delight => {
            let centre = Point::new(x + s / 2.0, y + s / 2.0);
            builder.circle(centre, s / 2.0, Some(style::DELIGHT), None, role);
            builder.circle(Point::new(x + s * 0.35, y + s * 0.38), s * 0.07, Some(white), None, role);
            builder.circle(Point::new(x + s * 0.65, y + s * 0.38), s * 0.07, Some(white), None, role);
            let smile: Vec<Point> = (0..=8)
                .map(|i| {
                    let angle = std::f32::consts::PI * (0.15 + 0.7 * i as f32 / 8.0);
                    Point::new(
                        centre.x + s * 0.25 * angle.cos(),
                        centre.y + s * 0.05 + s * 0.22 * angle.sin(),
                    )
                })
                .collect();
            builder.line(smile, Stroke::solid(s * 0.09, white), role);
        }
        Marker::Truth => {
            let points = vec![
                Point::new(x + s / 2.0, y),
                Point::new(x + s, y + s / 2.0),
                Point::new(x + s / 2.0, y + s),
                Point::new(x, y + s / 2.0),
            ];
            builder.polygon(points, Some(style::TRUTH), None, role);
            builder.circle(Point::new(x + s / 2.0, y + s / 2.0), s * 0.14, Some(white), None, role);
        }
        Marker::Bottleneck => {
            // Two triangles meeting at the waist: each convex, as painters fill polygons.
            let top = vec![
                Point::new(x + s * 0.1, y),
                Point::new(x + s * 0.9, y),
                Point::new(x + s / 2.0, y + s / 2.0),
            ];
            let bottom = vec![
                Point::new(x + s / 2.0, y + s / 2.0),
                Point::new(x + s * 0.9, y + s),
                Point::new(x + s * 0.1, y + s),
            ];
            builder.polygon(top, Some(style::BOTTLENECK), None, role);
            builder.polygon(bottom, Some(style::BOTTLENECK), None, role);
        }
    }
}

/// How far a handoff mark reaches from its centre, along its line and across it.
pub const HANDOFF_REACH: f32 = 4.0;

/// A handoff mark centred on `at` on a line running along `direction`: the line breaks and
/// two short parallel strokes cross it in `colour` (the line's), a quiet tick that still
/// reads in black and white. Returns the mark's bounds.
pub fn handoff(builder: &mut Builder<'_>, at: Point, direction: Point, colour: Colour, role: Role) -> Rect {
    let length = direction.x.hypot(direction.y);
    let (ux, uy) = if length > f32::EPSILON && length.is_finite() {
        (direction.x / length, direction.y / length)
    } else {
        (1.0, 0.0)
    };
    let (nx, ny) = (-uy, ux);
    let point = |along: f32, across: f32| {
        Point::new(at.x + ux * along + nx * across, at.y + uy * along + ny * across)
    };
    // The break: paper over the line between the strokes.
    let gap = vec![point(-1.4, -1.4), point(1.4, -1.4), point(1.4, 1.4), point(-1.4, 1.4)];
    builder.polygon(gap, Some(style::PAPER), None, role);
    for along in [-1.4, 1.4] {
        let stroke = vec![point(along - 0.9, 3.5), point(along + 0.9, -3.5)];
        builder.line(stroke, Stroke::solid(1.25, colour), role);
    }
    Rect::from_xywh(at.x - HANDOFF_REACH, at.y - HANDOFF_REACH, 2.0 * HANDOFF_REACH, 2.0 * HANDOFF_REACH)
}

/// A red, amber or green status with its letter, centred on `at`.
pub fn status(builder: &mut Builder<'_>, rag: Rag, at: Point, size: f32, role: Role) {
    builder.circle(at, size / 2.0, Some(rag.colour()), None, role);
    let baseline = at.y + size * 0.36 * 0.62 * 1.0;
    builder.text(
        Point::new(at.x, baseline),
        rag.letter(),
        size * 0.62,
        Weight::Bold,
        style::PAPER,
        Anchor::Middle,
        role,
    );
}

/// A priority badge: a rounded square with H, M or L, its left edge at `at.x`, centred on
/// `at.y`.
pub fn priority(builder: &mut Builder<'_>, priority: Priority, at: Point, size: f32, role: Role) {
    let fill = priority_colour(priority);
    builder.rect(Rect::from_xywh(at.x, at.y - size / 2.0, size, size), size * 0.2, Some(fill), None, role);
    let letter = &priority.label()[..1];
    let baseline = at.y + size * 0.62 * 0.36;
    builder.text(
        Point::new(at.x + size / 2.0, baseline),
        letter,
        size * 0.62,
        Weight::Bold,
        style::PAPER,
        Anchor::Middle,
        role,
    );
}

/// The colour of a priority badge.
pub fn priority_colour(priority: Priority) -> Colour {
    match priority {
        Priority::High => style::STATUS_RED,
        Priority::Medium => style::STATUS_AMBER,
        Priority::Low => style::SECONDARY,
    }
}

/// A red / amber / green status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rag {
    /// Performing well (7 or more out of 10).
    Green,
    /// Needs attention (5 to 7).
    Amber,
    /// Failing (below 5).
    Red,
}

impl Rag {
    /// The status of a performance score on the 1–10 scale.
    pub fn of_score(score: f32) -> Rag {
        if score >= 7.0 {
            Rag::Green
        } else if score >= 5.0 {
            Rag::Amber
        } else {
            Rag::Red
        }
    }

    /// R, A or G.
    pub fn letter(self) -> &'static str {
        match self {
            Self::Red => "R",
            Self::Amber => "A",
            Self::Green => "G",
        }
    }

    /// The status colour.
    pub fn colour(self) -> Colour {
        match self {
            Self::Red => style::STATUS_RED,
            Self::Amber => style::STATUS_AMBER,
            Self::Green => style::STATUS_GREEN,
        }
    }

    /// The legend's words for the status.
    pub fn label(self) -> &'static str {
        match self {
            Self::Red => "Red: performance below 5",
            Self::Amber => "Amber: performance 5 to 7",
            Self::Green => "Green: performance 7 or more",
        }
    }
}
