//! Colours as the file stores them: `"#RRGGBB"`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An opaque sRGB colour, written `"#RRGGBB"` in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Colour {
    /// Red channel, 0–255.
    pub r: u8,
    /// Green channel, 0–255.
    pub g: u8,
    /// Blue channel, 0–255.
    pub b: u8,
}

impl Colour {
    /// A colour from its three channels.
    #[must_use]
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }

    /// The default owner colours, in the order new owners receive them. The base is the
    /// Okabe–Ito qualitative set, which stays distinguishable for colour-blind readers, keeping
    /// the colours that show on white paper (3:1 contrast or more: blue, vermillion, bluish
    /// green, reddish purple); its orange, sky blue and yellow are too pale for chips and bars
    /// on paper and its black is the ink, so an olive, a violet, a brick red and a neutral grey
    /// take their places. Every pair is at least 13 apart (ΔE in Oklab), and each owner's
    /// name is printed beside its colour anyway.
    pub const OWNER_PALETTE: [Colour; 8] = [
        Colour::rgb(0x00, 0x72, 0xB2), // blue
        Colour::rgb(0xD5, 0x5E, 0x00), // vermillion
        Colour::rgb(0x00, 0x9E, 0x73), // bluish green
        Colour::rgb(0xCC, 0x79, 0xA7), // reddish purple
        Colour::rgb(0x8A, 0x80, 0x00), // olive
        Colour::rgb(0x80, 0x60, 0xC8), // violet
        Colour::rgb(0xA6, 0x3D, 0x40), // brick red
        Colour::rgb(0x7B, 0x87, 0x94), // grey
    ];

    /// The default colour for the `index`-th owner of a study.
    #[must_use]
    pub fn for_owner_index(index: usize) -> Self {
        Self::OWNER_PALETTE[index % Self::OWNER_PALETTE.len()]
    }

    /// Relative luminance as defined by WCAG 2.x, from 0 (black) to 1 (white).
    #[must_use]
    pub fn relative_luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        }
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// The WCAG contrast ratio between two colours, from 1 to 21.
    #[must_use]
    pub fn contrast_ratio(self, other: Colour) -> f64 {
        let (a, b) = (self.relative_luminance(), other.relative_luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

impl Default for Colour {
    fn default() -> Self {
        Self::OWNER_PALETTE[0]
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

/// Why a colour string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid colour {0:?}: expected \"#RRGGBB\" (six hexadecimal digits)")]
pub struct ColourParseError(pub String);

impl FromStr for Colour {
    type Err = ColourParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || ColourParseError(text.to_owned());
        let hex = text.trim().strip_prefix('#').ok_or_else(err)?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(err());
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| err());
        Ok(Self::rgb(channel(0)?, channel(2)?, channel(4)?))
    }
}

impl Serialize for Colour {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hex() {
        let c: Colour = "#1f2933".parse().unwrap();
        assert_eq!(c, Colour::rgb(0x1F, 0x29, 0x33));
        assert_eq!(c.to_string(), "#1F2933");
    }

    #[test]
    fn rejects_malformed_colours() {
        for bad in ["", "#", "1F2933", "#1F293", "#1F29333", "#GG0000", "#ééé", "#+1+2+3"] {
            assert!(bad.parse::<Colour>().is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn contrast_of_black_on_white_is_21() {
        let ratio = Colour::rgb(0, 0, 0).contrast_ratio(Colour::rgb(255, 255, 255));
        assert!((ratio - 21.0).abs() < 1e-9);
    }
}
