//! The visual language of maps on paper and on screen: one palette, one type scale, one grid.
//! Every colour and size a map uses is named here.

use crate::model::Colour;

/// Ink: text and lines.
pub const INK: Colour = Colour::rgb(0x1F, 0x29, 0x33);
/// Secondary text.
pub const SECONDARY: Colour = Colour::rgb(0x52, 0x60, 0x6D);
/// Hairlines, card borders.
pub const RULE: Colour = Colour::rgb(0xCB, 0xD2, 0xD9);
/// The spine: stage header fill (white text on it).
pub const SPINE: Colour = Colour::rgb(0x24, 0x3B, 0x53);
/// Text on the spine.
pub const ON_SPINE: Colour = Colour::rgb(0xFF, 0xFF, 0xFF);
/// Alternate stage column tint.
pub const TINT: Colour = Colour::rgb(0xF5, 0xF7, 0xFA);
/// Paper.
pub const PAPER: Colour = Colour::rgb(0xFF, 0xFF, 0xFF);
/// Pain point: red, a triangle with "!".
pub const PAIN: Colour = Colour::rgb(0xC6, 0x28, 0x28);
/// Moment of delight: green, a circle with a smile.
pub const DELIGHT: Colour = Colour::rgb(0x2E, 0x7D, 0x32);
/// Moment of truth: purple, a diamond.
pub const TRUTH: Colour = Colour::rgb(0x6A, 0x1B, 0x9A);
/// Bottleneck: a dark brown hourglass, its own hue, apart from the amber status and the red of
/// pain points.
pub const BOTTLENECK: Colour = Colour::rgb(0x5D, 0x40, 0x37);
/// Elicited emotion: a solid blue line.
pub const ELICITED: Colour = Colour::rgb(0x15, 0x65, 0xC0);
/// Desired emotion: a dashed grey line.
pub const DESIRED: Colour = Colour::rgb(0x7B, 0x87, 0x94);
/// Status red (R).
pub const STATUS_RED: Colour = Colour::rgb(0xC6, 0x28, 0x28);
/// Status amber (A): the only meaning amber has on a map.
pub const STATUS_AMBER: Colour = Colour::rgb(0x9A, 0x5B, 0x00);
/// Status green (G).
pub const STATUS_GREEN: Colour = Colour::rgb(0x2E, 0x7D, 0x32);
/// Handoff marks: quiet, in the connectors' own colour, because a handoff is a fact about the
/// line it sits on (its shape tells it apart), not an alarm.
pub const HANDOFF: Colour = CONNECTOR;
/// The bar between the internal and the customer score on a gauge: the perception gap. A
/// magenta no marker or status uses, so the gap reads as its own quantity.
pub const GAP_BAR: Colour = Colour::rgb(0xB0, 0x20, 0x8F);
/// Priority badges: one dark hue, filled for high, outlined for medium; low is outlined in
/// [`SECONDARY`]. The letter (H, M, L) is on every badge, and the red, amber and green of the
/// statuses keep their one meaning.
pub const PRIORITY: Colour = Colour::rgb(0x24, 0x3B, 0x53);
/// Marked for review (stated and rolled-up performance differ): a teal pennant, a hue no other
/// mark uses.
pub const REVIEW: Colour = Colour::rgb(0x00, 0x6E, 0x6E);
/// Connectors between cards.
pub const CONNECTOR: Colour = Colour::rgb(0x52, 0x60, 0x6D);

/// Customer performance tints on cards, a diverging scale light enough for ink text on it:
/// low (1) a pale red, the scale's middle a pale grey, high (10) a pale green. Labels on
/// them are set in ink, not the secondary grey.
pub const PERFORMANCE_LOW: Colour = Colour::rgb(0xF4, 0xBD, 0xB5);
/// The middle of the performance tint scale.
pub const PERFORMANCE_MID: Colour = Colour::rgb(0xEE, 0xF0, 0xF3);
/// The top of the performance tint scale.
pub const PERFORMANCE_HIGH: Colour = Colour::rgb(0xBC, 0xE0, 0xBF);
/// A stage's mean emotion: a pale band of the elicited blue behind the curve.
pub const EMOTION_MEAN: Colour = Colour::rgb(0xC9, 0xDD, 0xF2);
/// Recommendation numbers: white on the spine's navy, keyed between cards and the plan.
pub const KEY: Colour = Colour::rgb(0x24, 0x3B, 0x53);
/// The thin outline around owner colours (chips, bars), so pale colours show on white.
pub const OWNER_OUTLINE: Colour = Colour::rgb(0x7B, 0x87, 0x94);

/// Type scale in map units (= points at 100 %).
pub mod size {
    /// The map title.
    pub const MAP_TITLE: f32 = 36.0;
    /// The line under the title.
    pub const SUBTITLE: f32 = 14.0;
    /// Stage names on the spine.
    pub const STAGE: f32 = 18.0;
    /// Row headers and section headings.
    pub const HEADING: f32 = 12.0;
    /// Card titles.
    pub const CARD_TITLE: f32 = 12.0;
    /// Body text: channels, owners, goals, recommendations, legend.
    pub const BODY: f32 = 10.0;
    /// Small print: axis labels, bylines, footer. As large as body text, because the 9 pt floor
    /// on paper holds for every piece of text on the sheet; colour and weight set it apart.
    pub const SMALL: f32 = 10.0;
}

/// The grid unit: every gap and margin is a multiple of it.
pub const UNIT: f32 = 4.0;
/// The poster margin.
pub const MARGIN: f32 = 12.0 * UNIT;
/// The width of every card on a map.
pub const CARD_WIDTH: f32 = 48.0 * UNIT;
/// The inner padding of a card.
pub const CARD_PADDING: f32 = 2.5 * UNIT;
/// The owner-colour bar on a card's left edge.
pub const OWNER_BAR: f32 = UNIT;
/// The gap between cards stacked in a column.
pub const CARD_GAP: f32 = 4.0 * UNIT;
/// The gutter between stage columns (before connector tracks are added).
pub const GUTTER: f32 = 10.0 * UNIT;
/// The width of the row-header column on the left.
pub const ROW_HEADER: f32 = 36.0 * UNIT;
/// The size of a flag marker.
pub const MARKER: f32 = 3.5 * UNIT;
/// The spacing of parallel connector tracks in a gutter or channel.
pub const TRACK: f32 = 1.5 * UNIT;

/// Text colour readable on `fill` (WCAG AA, 4.5:1): ink where it is, else white, else black
/// for mid-tones that neither ink nor white can carry.
#[must_use]
pub fn text_on(fill: Colour) -> Colour {
    const BLACK: Colour = Colour::rgb(0, 0, 0);
    [INK, PAPER, BLACK]
        .into_iter()
        .find(|text| text.contrast_ratio(fill) >= 4.5)
        .unwrap_or(if fill.contrast_ratio(BLACK) > fill.contrast_ratio(PAPER) { BLACK } else { PAPER })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_colours_meet_wcag_aa_on_their_fills() {
        let pairs = [
            (INK, PAPER),
            (INK, TINT),
            (SECONDARY, PAPER),
            (SECONDARY, TINT),
            (ON_SPINE, SPINE),
            (PAPER, PAIN),
            (PAPER, DELIGHT),
            (PAPER, TRUTH),
            (PAPER, STATUS_AMBER),
            (PAPER, STATUS_GREEN),
            (PAPER, SECONDARY),
            (INK, PERFORMANCE_LOW),
            (INK, PERFORMANCE_MID),
            (INK, PERFORMANCE_HIGH),
            (PAPER, KEY),
            (PAPER, PRIORITY),
            (PRIORITY, PAPER),
        ];
        for (text, fill) in pairs {
            assert!(text.contrast_ratio(fill) >= 4.5, "{text} on {fill}: {:.2}", text.contrast_ratio(fill));
        }
    }

    #[test]
    fn each_coded_meaning_has_its_own_colour() {
        use crate::model::delta_e;
        let meanings = [
            ("pain", PAIN),
            ("delight", DELIGHT),
            ("truth", TRUTH),
            ("bottleneck", BOTTLENECK),
            ("status amber", STATUS_AMBER),
            ("gap bar", GAP_BAR),
            ("priority", PRIORITY),
            ("elicited", ELICITED),
            ("review", REVIEW),
        ];
        for (i, (name, colour)) in meanings.iter().enumerate() {
            for (other, other_colour) in &meanings[..i] {
                assert!(delta_e(*colour, *other_colour) >= 10.0, "{name} looks like {other}");
            }
        }
        // Amber means one thing: the status.
        for (name, colour) in
            [("handoff", HANDOFF), ("bottleneck", BOTTLENECK), ("gap bar", GAP_BAR), ("priority", PRIORITY)]
        {
            assert_ne!(colour, STATUS_AMBER, "{name} is amber");
        }
    }

    #[test]
    fn text_on_owner_colours_is_readable() {
        for colour in Colour::OWNER_PALETTE {
            assert!(text_on(colour).contrast_ratio(colour) >= 4.5, "{colour}");
        }
    }
}
