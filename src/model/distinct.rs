//! Colours for new owners that are told apart from every colour a study already uses.
//!
//! Distance is measured in Oklab, where equal distances look about equally different. The
//! first choice is the owner palette in its order (colour-blind safe); once every palette
//! colour is taken or too close to one in use, the next colour is the candidate farthest from
//! all colours in use, from a spread of hues, lightnesses and chromas. Every colour handed out
//! has at least [`MIN_CONTRAST_ON_PAPER`] against white, so chips, bars and lane bands show on
//! paper.
//!
//! Differences are given as ΔE in Oklab ([`delta_e`]): the Euclidean distance of the Oklab
//! coordinates times 100, so lightness runs 0–100 as in CIELAB and a difference of 1 is about
//! the smallest a careful eye sees side by side.

use super::Colour;
use std::collections::HashSet;

/// Owner colours closer than this ΔE (in Oklab, see [`delta_e`]) look alike on a poster: a
/// reader cannot tell the owners apart by colour.
pub const NEAR_IDENTICAL: f32 = 10.0;

/// The contrast against white (WCAG ratio) an owner colour needs, so a chip, bar or lane band
/// in it shows on paper (WCAG's 3:1 for graphics).
pub const MIN_CONTRAST_ON_PAPER: f64 = 3.0;

/// Palette colours closer than this (in Oklab units) to a colour in use are passed over.
const CLOSE: f32 = NEAR_IDENTICAL / 100.0;

/// How different two colours look: ΔE in Oklab, the Euclidean distance of their Oklab
/// coordinates times 100 (0 for the same colour; black to white is 100).
#[must_use]
pub fn delta_e(a: Colour, b: Colour) -> f32 {
    Lab::of(a).distance(Lab::of(b)) * 100.0
}

/// The Oklab coordinates of `colour`: lightness (0–1), then a (green–red) and b (blue–yellow).
#[must_use]
pub(crate) fn oklab(colour: Colour) -> [f32; 3] {
    let lab = Lab::of(colour);
    [lab.l, lab.a, lab.b]
}

/// ΔE in Oklab between two colours given by their Oklab coordinates ([`oklab`]).
#[must_use]
pub(crate) fn oklab_delta_e(a: [f32; 3], b: [f32; 3]) -> f32 {
    Lab { l: a[0], a: a[1], b: a[2] }.distance(Lab { l: b[0], a: b[1], b: b[2] }) * 100.0
}

/// Whether `colour` shows on white paper as a chip, bar or band.
#[must_use]
pub fn shows_on_paper(colour: Colour) -> bool {
    colour.contrast_ratio(Colour::rgb(0xFF, 0xFF, 0xFF)) >= MIN_CONTRAST_ON_PAPER
}

/// A colour in Oklab coordinates.
#[derive(Clone, Copy, Debug)]
struct Lab {
    l: f32,
    a: f32,
    b: f32,
}

fn linear(channel: u8) -> f32 {
    let c = f32::from(channel) / 255.0;
    if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
}

fn gamma(channel: f32) -> u8 {
    let c = channel.clamp(0.0, 1.0);
    let c = if c <= 0.003_130_8 { c * 12.92 } else { 1.055 * c.powf(1.0 / 2.4) - 0.055 };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 0..=255")]
    let byte = (c * 255.0).round().clamp(0.0, 255.0) as u8;
    byte
}

#[allow(clippy::many_single_char_names, reason = "the colour science's own names: r, g, b, l, m, s")]
impl Lab {
    fn of(colour: Colour) -> Self {
        let (r, g, b) = (linear(colour.r), linear(colour.g), linear(colour.b));
        let l = (0.412_221_46 * r + 0.536_332_55 * g + 0.051_445_995 * b).cbrt();
        let m = (0.211_903_5 * r + 0.680_699_5 * g + 0.107_396_96 * b).cbrt();
        let s = (0.088_302_46 * r + 0.281_718_85 * g + 0.629_978_7 * b).cbrt();
        Self {
            l: 0.210_454_26 * l + 0.793_617_8 * m - 0.004_072_047 * s,
            a: 1.977_998_5 * l - 2.428_592_2 * m + 0.450_593_7 * s,
            b: 0.025_904_037 * l + 0.782_771_77 * m - 0.808_675_77 * s,
        }
    }

    fn to_colour(self) -> Colour {
        let l = (self.l + 0.396_337_78 * self.a + 0.215_803_76 * self.b).powi(3);
        let m = (self.l - 0.105_561_346 * self.a - 0.063_854_17 * self.b).powi(3);
        let s = (self.l - 0.089_484_18 * self.a - 1.291_485_5 * self.b).powi(3);
        Colour::rgb(
            gamma(4.076_741_7 * l - 3.307_711_6 * m + 0.230_969_94 * s),
            gamma(-1.268_438 * l + 2.609_757_4 * m - 0.341_319_38 * s),
            gamma(-0.004_196_086_3 * l - 0.703_418_6 * m + 1.707_614_7 * s),
        )
    }

    fn distance(self, other: Self) -> f32 {
        ((self.l - other.l).powi(2) + (self.a - other.a).powi(2) + (self.b - other.b).powi(2)).sqrt()
    }
}

/// The lightness and chroma (Oklab) of the generated candidates, each at 36 hues: medium to
/// dark, from greyish to as vivid as sRGB allows, so many colours fit apart in the range that
/// shows on paper.
const CANDIDATE_LEVELS: [(f32, f32); 10] = [
    (0.62, 0.15),
    (0.54, 0.13),
    (0.46, 0.11),
    (0.66, 0.12),
    (0.40, 0.08),
    (0.58, 0.19),
    (0.50, 0.17),
    (0.34, 0.05),
    (0.62, 0.06),
    (0.42, 0.15),
];

/// Hands out owner colours distinct from the ones in use and from each other.
#[derive(Clone, Debug)]
pub struct DistinctColours {
    /// Candidates with their distance to the nearest colour in use.
    candidates: Vec<(Colour, Lab, f32)>,
    used: HashSet<Colour>,
    palette: usize,
    /// Where the walk over all colours (past the candidates) has got to.
    walk: u32,
    /// Candidates not handed out or in use yet, so that a study with thousands of owners does
    /// not scan the taken ones again for every new colour.
    free: usize,
}

impl DistinctColours {
    /// A source of colours distinct from `used`.
    #[must_use]
    pub fn new(used: impl IntoIterator<Item = Colour>) -> Self {
        let mut candidates: Vec<(Colour, Lab, f32)> =
            Colour::OWNER_PALETTE.iter().map(|c| (*c, Lab::of(*c), f32::INFINITY)).collect();
        // Medium to dark lightness with enough chroma to tell hues apart; candidates too pale
        // to show on paper are left out (light yellows and cyans at these lightnesses).
        for step in 0..36_u8 {
            let hue = f32::from(step) * 10.0_f32.to_radians();
            for (l, chroma) in CANDIDATE_LEVELS {
                let colour = Lab { l, a: chroma * hue.cos(), b: chroma * hue.sin() }.to_colour();
                if shows_on_paper(colour) {
                    candidates.push((colour, Lab::of(colour), f32::INFINITY));
                }
            }
        }
        let free = candidates.len();
        let mut source =
            Self { candidates, used: HashSet::new(), palette: Colour::OWNER_PALETTE.len(), walk: 0, free };
        for colour in used {
            source.mark_used(colour);
        }
        source
    }

    fn mark_used(&mut self, colour: Colour) {
        if !self.used.insert(colour) {
            return;
        }
        if self.free == 0 {
            // Past the candidates, distances no longer decide anything.
            return;
        }
        let lab = Lab::of(colour);
        let mut free = 0;
        for candidate in &mut self.candidates {
            candidate.2 = candidate.2.min(candidate.1.distance(lab));
            free += usize::from(candidate.2 > 0.0);
        }
        self.free = free;
    }

    /// The next colour: the first palette colour far enough from every colour in use, else
    /// the candidate farthest from all of them. Never a colour already in use.
    pub fn next_colour(&mut self) -> Colour {
        let palette = self.candidates[..self.palette].iter().find(|c| c.2 >= CLOSE).map(|c| c.0);
        let farthest = (self.free > 0)
            .then(|| {
                self.candidates
                    .iter()
                    .filter(|c| c.2 > 0.0 && !self.used.contains(&c.0))
                    .max_by(|a, b| a.2.total_cmp(&b.2))
                    .map(|c| c.0)
            })
            .flatten();
        let colour = palette.or(farthest).unwrap_or_else(|| self.unused_fallback());
        self.mark_used(colour);
        colour
    }

    /// `colour` itself when it is clearly apart from every colour in use (an owner brought in
    /// from another study keeps its colour), else the next distinct colour.
    pub fn keep_or_next(&mut self, colour: Colour) -> Colour {
        let lab = Lab::of(colour);
        let clear = self.used.iter().all(|used| Lab::of(*used).distance(lab) >= CLOSE);
        if clear {
            self.mark_used(colour);
            colour
        } else {
            self.next_colour()
        }
    }

    /// With every candidate taken (hundreds of owners), the next colour not in use and dark
    /// enough to show on paper, from a walk over every sRGB colour in a scrambled order:
    /// multiplying by an odd number is a permutation of the 2^24 colours, so the walk hands out
    /// each colour at most once, and since most colours are dark enough it finds one within a
    /// few steps more than there are colours in use.
    fn unused_fallback(&mut self) -> Colour {
        loop {
            self.walk = self.walk.wrapping_add(1);
            let rgb = (self.walk.wrapping_mul(0x009E_3779) ^ 0x0055_AA55) & 0x00FF_FFFF;
            let [_, r, g, b] = rgb.to_be_bytes();
            let colour = Colour::rgb(r, g, b);
            if !self.used.contains(&colour) && shows_on_paper(colour) {
                return colour;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_comes_first_in_its_order() {
        let mut source = DistinctColours::new([]);
        let first: Vec<Colour> = (0..8).map(|_| source.next_colour()).collect();
        assert_eq!(first, Colour::OWNER_PALETTE);
    }

    #[test]
    fn new_colours_are_never_in_use_and_keep_apart() {
        let used = [Colour::OWNER_PALETTE[0], Colour::OWNER_PALETTE[3], Colour::rgb(0xD6, 0x60, 0x02)];
        let mut source = DistinctColours::new(used);
        let mut all: Vec<Colour> = used.to_vec();
        for _ in 0..40 {
            let colour = source.next_colour();
            assert!(!all.contains(&colour), "{colour} handed out twice");
            all.push(colour);
        }
        // The vermillion is taken by a near twin, so the palette's vermillion is skipped.
        assert!(!all[3..].contains(&Colour::OWNER_PALETTE[1]));
        // The first dozen new colours stay clearly apart from each other and from those in use.
        for (i, a) in all[..15].iter().enumerate() {
            for b in &all[..i] {
                assert!(Lab::of(*a).distance(Lab::of(*b)) > 0.05, "{a} is too close to {b}");
            }
        }
    }

    #[test]
    fn tens_of_thousands_of_owners_still_get_unused_colours() {
        let mut source = DistinctColours::new([Colour::rgb(0, 0, 0), Colour::rgb(255, 255, 255)]);
        let mut seen = HashSet::from([Colour::rgb(0, 0, 0), Colour::rgb(255, 255, 255)]);
        for _ in 0..30_000 {
            let colour = source.next_colour();
            assert!(shows_on_paper(colour), "{colour} is too pale");
            assert!(seen.insert(colour));
        }
    }

    #[test]
    fn delta_e_is_zero_for_one_colour_and_100_from_black_to_white() {
        let blue = Colour::OWNER_PALETTE[0];
        assert!(delta_e(blue, blue).abs() < 1e-3);
        assert!((delta_e(Colour::rgb(0, 0, 0), Colour::rgb(255, 255, 255)) - 100.0).abs() < 0.1);
    }

    #[test]
    fn oklab_round_trips() {
        for colour in Colour::OWNER_PALETTE {
            assert_eq!(Lab::of(colour).to_colour(), colour);
        }
    }
}
