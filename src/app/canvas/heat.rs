//! The heat-map overlay: each card tinted by the team's flags, the computed heat, the customer
//! performance or the performance gap, with a legend in the corner; where the computed heat and
//! the team's flags disagree, a mark on the card. An overlay: never part of the study or the
//! exports.

use crate::analysis::{MapAnalysis, in_view_customer};
use crate::app::paint::colour;
use crate::layout::{Scene, style};
use crate::model::{Colour, JourneyMap};
use egui::emath::TSTransform;
use egui::{Color32, Painter, Pos2, Rect};

/// What the overlay shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum HeatOverlay {
    /// No overlay.
    #[default]
    None,
    /// The flags the team set.
    Flags,
    /// The heat computed from the scores.
    Computed,
    /// Customer performance on a red–green scale.
    Performance,
    /// Internal − customer performance.
    Gap,
}

impl HeatOverlay {
    /// Every choice, as menus list them.
    pub const ALL: [HeatOverlay; 5] = [Self::None, Self::Flags, Self::Computed, Self::Performance, Self::Gap];

    /// The choice's name in sentence case.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "No heat map",
            Self::Flags => "Team's flags",
            Self::Computed => "Computed heat",
            Self::Performance => "Customer performance",
            Self::Gap => "Performance gap",
        }
    }
}

fn tint(c: Colour, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r, c.g, c.b, alpha)
}

/// A colour from red (1) through amber to green (10).
fn performance_colour(score: f32) -> Color32 {
    let t = ((score - 1.0) / 9.0).clamp(0.0, 1.0);
    let (low, mid, high) = (style::PAIN, style::STATUS_AMBER, style::DELIGHT);
    let mix = |a: u8, b: u8, t: f32| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "between two bytes")]
        let v = (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        v
    };
    let (a, b, t) = if t < 0.5 { (low, mid, t * 2.0) } else { (mid, high, (t - 0.5) * 2.0) };
    Color32::from_rgba_unmultiplied(mix(a.r, b.r, t), mix(a.g, b.g, t), mix(a.b, b.b, t), 90)
}

/// The tint of one card, and whether its computed heat and flags disagree.
fn card_tint(overlay: HeatOverlay, card: &crate::model::Card, analysis: &MapAnalysis) -> Option<Color32> {
    let computed = analysis.card(card.id).map(|c| c.heat).unwrap_or_default();
    let marks = |pain: bool, delight: bool, truth: bool| {
        if pain {
            Some(tint(style::PAIN, 80))
        } else if truth {
            Some(tint(style::TRUTH, 70))
        } else if delight {
            Some(tint(style::DELIGHT, 80))
        } else {
            None
        }
    };
    match overlay {
        HeatOverlay::None => None,
        HeatOverlay::Flags => {
            marks(card.flags.pain_point, card.flags.moment_of_delight, card.flags.moment_of_truth)
        }
        HeatOverlay::Computed => marks(computed.pain, computed.delight, computed.moment_of_truth),
        HeatOverlay::Performance => in_view_customer(card.performance).map(performance_colour),
        HeatOverlay::Gap => analysis.card(card.id).and_then(|c| c.gaps.performance).map(|gap| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 30..=120")]
            let alpha = (30.0 + gap.abs() / 4.0 * 90.0).clamp(30.0, 120.0) as u8;
            if gap >= 0.0 { tint(style::PAIN, alpha) } else { tint(style::ELICITED, alpha) }
        }),
    }
}

/// Paints the overlay over the cards of `scene`.
pub(super) fn draw(
    painter: &Painter,
    overlay: HeatOverlay,
    map: &JourneyMap,
    analysis: &MapAnalysis,
    scene: &Scene,
    screen_from_map: TSTransform,
    viewport: Rect,
) {
    if overlay == HeatOverlay::None {
        return;
    }
    let show_disagreement = matches!(overlay, HeatOverlay::Flags | HeatOverlay::Computed);
    for card in map.cards() {
        let Some(r) = scene.card_rect(card.id) else { continue };
        let on_screen = screen_from_map
            .mul_rect(Rect::from_min_max(Pos2::new(r.min.x, r.min.y), Pos2::new(r.max.x, r.max.y)));
        if !viewport.intersects(on_screen) {
            continue;
        }
        if let Some(fill) = card_tint(overlay, card, analysis) {
            painter.rect_filled(on_screen, 3.0 * screen_from_map.scaling, fill);
        }
        if show_disagreement && analysis.card(card.id).is_some_and(|c| c.flags_disagree) {
            let radius = (6.0 * screen_from_map.scaling).clamp(4.0, 10.0);
            let centre = on_screen.right_top() + egui::vec2(-radius - 2.0, radius + 2.0);
            disagreement_mark(painter, centre, radius);
        }
    }
    legend(painter, overlay, viewport);
}

/// A not-equal sign in a ring, drawn as lines so no font needs the glyph.
fn disagreement_mark(painter: &Painter, centre: Pos2, radius: f32) {
    let ink = egui::Stroke::new((radius / 5.0).max(1.0), colour(style::INK));
    painter.circle(centre, radius, Color32::WHITE, ink);
    let (w, gap) = (radius * 0.5, radius * 0.22);
    for dy in [-gap, gap] {
        painter.line_segment([centre + egui::vec2(-w, dy), centre + egui::vec2(w, dy)], ink);
    }
    painter.line_segment(
        [centre + egui::vec2(-w * 0.5, radius * 0.55), centre + egui::vec2(w * 0.5, -radius * 0.55)],
        ink,
    );
}

/// A small key in the canvas's bottom-left corner.
fn legend(painter: &Painter, overlay: HeatOverlay, viewport: Rect) {
    let entries: Vec<(Color32, &str)> = match overlay {
        HeatOverlay::None => return,
        HeatOverlay::Flags | HeatOverlay::Computed => vec![
            (tint(style::PAIN, 80), "Pain"),
            (tint(style::TRUTH, 70), "Moment of truth"),
            (tint(style::DELIGHT, 80), "Delight"),
            (Color32::WHITE, "Ringed: flags and scores disagree"),
        ],
        HeatOverlay::Performance => {
            vec![
                (performance_colour(1.0), "1 poor"),
                (performance_colour(5.5), "5.5"),
                (performance_colour(10.0), "10 excellent"),
            ]
        }
        HeatOverlay::Gap => vec![
            (tint(style::PAIN, 110), "We rate ourselves higher"),
            (tint(style::ELICITED, 110), "Customers rate us higher"),
        ],
    };
    let font = egui::FontId::proportional(12.0);
    let row = 18.0;
    #[allow(clippy::cast_precision_loss, reason = "a handful of legend rows")]
    let height = row * (entries.len() as f32 + 1.0) + 8.0;
    let rect = Rect::from_min_size(
        viewport.left_bottom() + egui::vec2(12.0, -height - 12.0),
        egui::vec2(220.0, height),
    );
    painter.rect_filled(rect, 4.0, Color32::from_white_alpha(235));
    painter.rect_stroke(rect, 4.0, egui::Stroke::new(1.0, colour(style::RULE)), egui::StrokeKind::Inside);
    let ink = colour(style::INK);
    painter.text(
        rect.left_top() + egui::vec2(8.0, 6.0),
        egui::Align2::LEFT_TOP,
        overlay.label(),
        font.clone(),
        ink,
    );
    for (index, (fill, label)) in entries.iter().enumerate() {
        #[allow(clippy::cast_precision_loss, reason = "a handful of legend rows")]
        let y = rect.top() + 6.0 + row * (index as f32 + 1.0);
        let swatch = Rect::from_min_size(Pos2::new(rect.left() + 8.0, y + 2.0), egui::vec2(14.0, 12.0));
        painter.rect_filled(swatch, 2.0, Color32::WHITE);
        painter.rect_filled(swatch, 2.0, *fill);
        painter.rect_stroke(
            swatch,
            2.0,
            egui::Stroke::new(0.5, colour(style::RULE)),
            egui::StrokeKind::Inside,
        );
        painter.text(Pos2::new(swatch.right() + 6.0, y), egui::Align2::LEFT_TOP, *label, font.clone(), ink);
    }
}
