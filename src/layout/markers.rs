//! Vector markers: flags, handoffs, statuses, priorities. Each pairs its colour with a shape or
//! a letter, so a black-and-white print or a colour-blind reader loses nothing.

use super::builder::Builder;
use super::geometry::{Point, Rect};
use super::scene::{Anchor, Role, Stroke, Weight};
use super::style;
use crate::analysis::MetricStatus;
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
    /// A brown hourglass.
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
/// `at.y`. High is filled, medium outlined, low outlined thinly in grey: the weight of the badge
/// ranks the priorities in any print, and the letter names them.
pub fn priority(builder: &mut Builder<'_>, priority: Priority, at: Point, size: f32, role: Role) {
    let colour = priority_colour(priority);
    let square = Rect::from_xywh(at.x, at.y - size / 2.0, size, size);
    let letter_colour = match priority {
        Priority::High => {
            builder.rect(square, size * 0.2, Some(colour), None, role);
            style::PAPER
        }
        Priority::Medium | Priority::Low => {
            let width = size * if priority == Priority::Medium { 0.14 } else { 0.08 };
            // The stroke is centred on the outline: inset it so the badge keeps its size.
            let inset = Rect::from_xywh(
                square.min.x + width / 2.0,
                square.min.y + width / 2.0,
                size - width,
                size - width,
            );
            builder.rect(inset, size * 0.2, Some(style::PAPER), Some(Stroke::solid(width, colour)), role);
            colour
        }
    };
    let letter = &priority.label()[..1];
    let baseline = at.y + size * 0.62 * 0.36;
    builder.text(
        Point::new(at.x + size / 2.0, baseline),
        letter,
        size * 0.62,
        Weight::Bold,
        letter_colour,
        Anchor::Middle,
        role,
    );
}

/// The colour of a priority badge's fill (high) or outline and letter (medium, low).
pub fn priority_colour(priority: Priority) -> Colour {
    match priority {
        Priority::High | Priority::Medium => style::PRIORITY,
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

/// The mark of a value off its scale: an ink arrowhead with its tip at `tip`, pointing off
/// the end of the axis along `direction` (a unit vector: (1, 0) for a value above a
/// left-to-right scale).
pub fn off_scale(builder: &mut Builder<'_>, tip: Point, direction: (f32, f32), size: f32, role: Role) {
    let (dx, dy) = direction;
    let back = Point::new(tip.x - dx * size * 0.8, tip.y - dy * size * 0.8);
    let (nx, ny) = (-dy * size / 2.0, dx * size / 2.0);
    let points = vec![tip, Point::new(back.x + nx, back.y + ny), Point::new(back.x - nx, back.y - ny)];
    builder.polygon(points, Some(style::INK), None, role);
}

/// A metric's status against its target, centred on `at`: met is a green circle with a tick,
/// missed a red square with a cross, unknown a hollow grey circle with a question mark.
pub fn metric_status(builder: &mut Builder<'_>, status: MetricStatus, at: Point, size: f32, role: Role) {
    let r = size / 2.0;
    let white = style::PAPER;
    match status {
        MetricStatus::Met => {
            builder.circle(at, r, Some(style::STATUS_GREEN), None, role);
            let tick = vec![
                Point::new(at.x - r * 0.5, at.y + r * 0.02),
                Point::new(at.x - r * 0.12, at.y + r * 0.4),
                Point::new(at.x + r * 0.52, at.y - r * 0.38),
            ];
            builder.line(tick, Stroke::solid(size * 0.14, white), role);
        }
        MetricStatus::Missed => {
            let square = Rect::from_xywh(at.x - r, at.y - r, size, size);
            builder.rect(square, size * 0.15, Some(style::STATUS_RED), None, role);
            let arm = r * 0.45;
            for (dx, dy) in [(arm, arm), (arm, -arm)] {
                let points = vec![Point::new(at.x - dx, at.y - dy), Point::new(at.x + dx, at.y + dy)];
                builder.line(points, Stroke::solid(size * 0.14, white), role);
            }
        }
        MetricStatus::Unknown => {
            builder.circle(
                at,
                r * 0.92,
                Some(white),
                Some(Stroke::solid(size * 0.1, style::SECONDARY)),
                role,
            );
            builder.text(
                Point::new(at.x, at.y + size * 0.62 * 0.36),
                "?",
                size * 0.62,
                Weight::Bold,
                style::SECONDARY,
                Anchor::Middle,
                role,
            );
        }
    }
}

/// The badge of a finished recommendation's priority: the letter in grey on an outlined
/// square, quieter than [`priority`] because the work is done.
pub fn priority_done(builder: &mut Builder<'_>, priority: Priority, at: Point, size: f32, role: Role) {
    let rect = Rect::from_xywh(at.x, at.y - size / 2.0, size, size);
    builder.rect(
        rect,
        size * 0.2,
        Some(style::PAPER),
        Some(Stroke::solid(size * 0.08, style::SECONDARY)),
        role,
    );
    let letter = &priority.label()[..1];
    builder.text(
        Point::new(at.x + size / 2.0, at.y + size * 0.62 * 0.36),
        letter,
        (size * 0.62).max(style::size::SMALL),
        Weight::Bold,
        style::SECONDARY,
        Anchor::Middle,
        role,
    );
}
