//! Which bundled face sets each character, in the order the layout measures with: Inter, then
//! the script fallbacks ([`crate::fonts::FALLBACKS`]). Characters no face has stay with Inter,
//! whose missing glyph marks them, as the export's warning about uncovered characters says.
//! The PDF painter sets each piece in its face; the SVG writer names the face of each piece,
//! so a renderer shapes a run of Devanagari or Arabic whole in the face that has it.

use crate::layout::Weight;
use std::sync::OnceLock;

/// A bundled face: Inter (0) or a fallback (1 + its index in [`crate::fonts::FALLBACKS`]), in a
/// weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FaceKey {
    /// 0 for Inter, else 1 + the fallback's index.
    pub chain_index: usize,
    /// Bold or regular (a fallback without bold uses its regular face).
    pub bold: bool,
}

impl FaceKey {
    /// The face's family name, as the SVG names it.
    #[must_use]
    pub fn family(self) -> &'static str {
        match self.chain_index {
            0 => crate::fonts::FAMILY,
            n => crate::fonts::FALLBACKS.get(n - 1).map_or(crate::fonts::FAMILY, |f| f.family),
        }
    }

    /// The face's font file.
    #[must_use]
    pub fn data(self) -> &'static [u8] {
        match self.chain_index {
            0 if self.bold => crate::fonts::BOLD,
            0 => crate::fonts::REGULAR,
            n => crate::fonts::FALLBACKS.get(n - 1).map_or(crate::fonts::REGULAR, |f| f.face(self.bold)),
        }
    }
}

/// The regular faces, parsed once, for their character maps (bold faces cover the same
/// characters, except the CJK fallback, which has one face for both).
fn chain() -> &'static [Option<ttf_parser::Face<'static>>] {
    static CHAIN: OnceLock<Vec<Option<ttf_parser::Face<'static>>>> = OnceLock::new();
    CHAIN.get_or_init(|| {
        std::iter::once(crate::fonts::REGULAR)
            .chain(crate::fonts::FALLBACKS.iter().map(|fallback| fallback.regular))
            .map(|data| ttf_parser::Face::parse(data, 0).ok())
            .collect()
    })
}

/// The index in the chain of the first face that has `ch` (0, Inter, when none has it).
fn chain_index(ch: char) -> usize {
    if u32::from(ch) < 0x250 {
        return 0;
    }
    chain()
        .iter()
        .position(|face| face.as_ref().and_then(|f| f.glyph_index(ch)).is_some_and(|glyph| glyph.0 != 0))
        .unwrap_or(0)
}

/// Every face parsed once (regular, then bold, per chain index), for glyph ids and advances.
fn parsed_faces() -> &'static [Option<ttf_parser::Face<'static>>] {
    static FACES: OnceLock<Vec<Option<ttf_parser::Face<'static>>>> = OnceLock::new();
    FACES.get_or_init(|| {
        (0..=crate::fonts::FALLBACKS.len())
            .flat_map(|chain_index| [false, true].map(|bold| FaceKey { chain_index, bold }))
            .map(|key| ttf_parser::Face::parse(key.data(), 0).ok())
            .collect()
    })
}

/// The parsed face of `key`.
#[must_use]
pub fn parsed(key: FaceKey) -> Option<&'static ttf_parser::Face<'static>> {
    parsed_faces().get(key.chain_index * 2 + usize::from(key.bold))?.as_ref()
}

/// Whether `ch` is of a script whose letters reorder or stack around one another (Indic
/// scripts, Thai, Lao, Tibetan, Myanmar, Khmer): set without a shaper, it reads wrong.
#[must_use]
pub fn reorders(ch: char) -> bool {
    matches!(u32::from(ch), 0x0900..=0x0DFF | 0x0E00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// Whether `text` needs a shaper to read right: joining scripts (Arabic), scripts whose vowels
/// reorder or stack (Devanagari, Thai), right-to-left text and combining marks. Everything else
/// (Latin, Greek, Cyrillic, CJK, Hangul) is set glyph by glyph with the advances the layout
/// measured, which is exact and much faster than shaping each line.
#[must_use]
pub fn needs_shaping(text: &str) -> bool {
    text.chars().any(|ch| {
        reorders(ch)
            || matches!(u32::from(ch),
            0x0300..=0x036F // combining marks
            | 0x0590..=0x08FF // Hebrew, Arabic, Syriac, Thaana, NKo…
            | 0x200C..=0x200F // joiners and direction marks
            | 0x202A..=0x202E | 0x2066..=0x2069 // bidi embeddings and isolates
            | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF) // presentation forms
    })
}

/// `text` cut into pieces each set in one face, in logical order. Spaces and marks that every
/// face has stay in the piece they are in, so a piece of Arabic keeps its spaces.
#[must_use]
pub fn segments(text: &str, weight: Weight) -> Vec<(FaceKey, String)> {
    let bold = weight == Weight::Bold;
    let mut pieces: Vec<(FaceKey, String)> = Vec::new();
    for ch in text.chars().filter(|ch| !ch.is_control()) {
        let neutral = ch.is_whitespace() || ch.is_ascii_punctuation() || ch.is_ascii_digit();
        let key = FaceKey { chain_index: chain_index(ch), bold };
        match pieces.last_mut() {
            Some((last, piece)) if *last == key || (neutral && last.chain_index != 0) => piece.push(ch),
            _ => pieces.push((key, ch.to_string())),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_scripts_that_join_reorder_or_run_right_to_left_are_shaped() {
        for plain in ["Onboarding — 12 %", "Straße", "Доставка", "配送センター", "배송"] {
            assert!(!needs_shaping(plain), "{plain}");
        }
        for shaped in ["شحن", "משלוח", "डिलीवरी", "การจัดส่ง", "e\u{301}"]
        {
            assert!(needs_shaping(shaped), "{shaped}");
        }
        let inter = parsed(FaceKey { chain_index: 0, bold: true });
        assert!(inter.is_some_and(|face| face.glyph_index('W').is_some()));
    }

    #[test]
    fn latin_is_one_piece_and_scripts_fall_back() {
        assert_eq!(segments("Onboarding call", Weight::Regular).len(), 1);
        let mixed = segments("Call 电话 now", Weight::Bold);
        assert_eq!(mixed.len(), 3, "{mixed:?}");
        assert_eq!(mixed[0].0.chain_index, 0);
        assert_eq!(mixed[1].0.chain_index, crate::fonts::FALLBACKS.len());
        assert_eq!(mixed.iter().map(|(_, text)| text.as_str()).collect::<String>(), "Call 电话 now");
        let hebrew = segments("שלום עולם", Weight::Regular);
        assert_eq!(hebrew.len(), 1, "a space inside a script stays with it");
    }
}
