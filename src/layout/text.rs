//! Measuring and wrapping text with the bundled fonts' metrics.
//!
//! Widths come from the fonts' own advance widths (kerning and shaping are left out, which errs
//! on the wide side, so measured text never spills out of the box it was measured for). Each
//! character is measured with the first bundled face that has it: Inter, then the fallbacks
//! for Arabic, Hebrew, Thai, Devanagari and CJK ([`crate::fonts::FALLBACKS`]), the same order
//! every painter falls back in. Characters no bundled face has (emoji, rarer scripts) get
//! generous estimates for their script, so their boxes are big enough too, and
//! [`uncovered_chars`] lists them so an export can say so.
//!
//! Right-to-left text ([`is_right_to_left`]) is measured the same way; the builder aligns it to
//! the right of its box and the painters isolate each run so mixed text keeps its order.

use super::scene::{Scene, Shape, Weight};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// The font's ascender, as a fraction of the font size (Inter: 1984 / 2048).
pub const ASCENT: f32 = 0.969;
/// The font's descender below the baseline, as a fraction of the font size (Inter: 494 / 2048).
pub const DESCENT: f32 = 0.242;
/// Distance between baselines of wrapped lines, as a multiple of the font size.
pub const LINE_HEIGHT: f32 = 1.3;

/// Measures the advance width of a line of text.
pub trait TextMeasure {
    /// The width of `text` set on one line at `size` in `weight`.
    fn width(&self, text: &str, size: f32, weight: Weight) -> f32;
}

/// Advance widths per character of a chain of faces, in ems. The first face's widths are read
/// into a table for Latin-1 (most text, looked up without hashing) and a map for the rest; the
/// fallback faces' widths are read into a map of their own the first time a character beyond
/// the first face turns up, so text the first face covers never pays for the large CJK face.
struct Advances {
    latin: [Option<f32>; 256],
    by_char: HashMap<char, f32>,
    fallbacks: Vec<Face>,
    fallback_by_char: OnceLock<HashMap<char, f32>>,
    /// The widest space of all the faces: renderers set the spaces inside a run of fallback
    /// text with the fallback face's space, which can be wider than the first face's.
    widest_space: f32,
}

/// A fallback face and its size of an em in font units.
struct Face {
    face: ttf_parser::Face<'static>,
    per_em: f32,
}

impl Face {
    fn parse(data: &'static [u8]) -> Option<Self> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let per_em = f32::from(face.units_per_em());
        Some(Self { face, per_em })
    }

    /// The advance of `ch`, if the face has it (a character mapped to the missing glyph is not
    /// really there, as in [`read_all`]).
    fn advance(&self, ch: char) -> Option<f32> {
        let glyph = self.face.glyph_index(ch).filter(|glyph| glyph.0 != 0)?;
        self.face.glyph_hor_advance(glyph).map(|advance| f32::from(advance) / self.per_em)
    }
}

impl Advances {
    /// The advances of `first`, then of `fallbacks` for characters it lacks, earlier faces
    /// winning where several have a character.
    fn from_fonts(first: &'static [u8], fallbacks: &[&'static [u8]]) -> Self {
        let mut by_char = HashMap::new();
        let first = Face::parse(first);
        if let Some(first) = &first {
            read_all(&mut by_char, first);
        }
        let mut latin = [None; 256];
        for (code, slot) in latin.iter_mut().enumerate() {
            *slot = u8::try_from(code).ok().and_then(|b| by_char.get(&char::from(b)).copied());
        }
        let fallbacks: Vec<Face> = fallbacks.iter().filter_map(|data| Face::parse(data)).collect();
        let widest_space =
            first.iter().chain(&fallbacks).filter_map(|face| face.advance(' ')).fold(0.0, f32::max);
        Self { latin, by_char, fallbacks, fallback_by_char: OnceLock::new(), widest_space }
    }

    /// The fallback faces' advances, read on first use.
    fn fallback_by_char(&self) -> &HashMap<char, f32> {
        self.fallback_by_char.get_or_init(|| {
            let mut by_char = HashMap::new();
            for face in &self.fallbacks {
                read_all(&mut by_char, face);
            }
            by_char
        })
    }

    /// The advance of `ch` in the first face that has it, and whether that is a fallback face.
    fn get(&self, ch: char) -> (Option<f32>, bool) {
        match u8::try_from(u32::from(ch)) {
            Ok(byte) => (self.latin[usize::from(byte)], false),
            Err(_) => match self.by_char.get(&ch) {
                Some(advance) => (Some(*advance), false),
                None => (self.fallback_by_char().get(&ch).copied(), true),
            },
        }
    }

    fn em_width(&self, text: &str) -> f32 {
        let mut width = 0.0;
        let mut spaces = 0_u16;
        let mut beyond_first_face = false;
        for ch in text.chars() {
            if ch == ' ' {
                spaces = spaces.saturating_add(1);
                continue;
            }
            let (advance, fallback) = self.get(ch);
            beyond_first_face |= fallback;
            width += advance.unwrap_or_else(|| fallback_em_width(ch));
        }
        let space = self.latin[usize::from(b' ')].unwrap_or(0.25);
        let space = if beyond_first_face { space.max(self.widest_space) } else { space };
        width + f32::from(spaces) * space
    }
}

/// Reads the advance of every character `face` maps into `by_char`.
fn read_all(by_char: &mut HashMap<char, f32>, face: &Face) {
    let Some(table) = face.face.tables().cmap else { return };
    for subtable in table.subtables {
        if !subtable.is_unicode() {
            continue;
        }
        subtable.codepoints(|code| {
            let advance = subtable
                .glyph_index(code)
                .filter(|glyph| glyph.0 != 0)
                .and_then(|glyph| face.face.glyph_hor_advance(glyph));
            if let (Some(ch), Some(advance)) = (char::from_u32(code), advance) {
                by_char.entry(ch).or_insert(f32::from(advance) / face.per_em);
            }
        });
    }
}

/// Whether `ch` has no width and no ink of its own: combining marks (drawn on their base),
/// joiners, direction marks and isolates, variation selectors, control characters.
fn draws_nothing(ch: char) -> bool {
    matches!(u32::from(ch),
        0x0300..=0x036F | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFE00..=0xFE0F
        | 0xE0100..=0xE01EF)
        || ch.is_control()
}

/// A generous width, in ems, for a character the bundled font does not have.
fn fallback_em_width(ch: char) -> f32 {
    let code = u32::from(ch);
    let wide = matches!(code,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    let emoji = matches!(code, 0x2600..=0x27BF | 0x1F000..=0x1FAFF);
    if draws_nothing(ch) {
        0.0
    } else if emoji {
        1.3
    } else if wide {
        1.05
    } else {
        0.75
    }
}

/// Text measurement with the bundled faces: Inter regular and bold, then the fallbacks.
pub struct FontMeasure {
    regular: Advances,
    bold: Advances,
}

impl FontMeasure {
    /// The measurer shared by the whole program (the font tables are read once).
    #[must_use]
    pub fn shared() -> &'static FontMeasure {
        static SHARED: OnceLock<FontMeasure> = OnceLock::new();
        SHARED.get_or_init(|| {
            let chain = |inter: &'static [u8], bold: bool| {
                let fallbacks: Vec<&'static [u8]> =
                    crate::fonts::FALLBACKS.iter().map(|fallback| fallback.face(bold)).collect();
                Advances::from_fonts(inter, &fallbacks)
            };
            FontMeasure {
                regular: chain(crate::fonts::REGULAR, false),
                bold: chain(crate::fonts::BOLD, true),
            }
        })
    }

    /// Whether a bundled face draws `ch` in `weight`, or `ch` draws nothing anyway (spaces,
    /// joiners, direction marks, variation selectors), so it needs no font.
    #[must_use]
    pub fn covers(&self, ch: char, weight: Weight) -> bool {
        let advances = match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        advances.get(ch).0.is_some() || ch.is_whitespace() || draws_nothing(ch)
    }
}

impl TextMeasure for FontMeasure {
    fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        let advances = match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        advances.em_width(text) * size
    }
}

/// Every character of the scene's text that no bundled face draws: the painters show these
/// with whatever the system has, or as a missing-glyph box, and their widths are estimates.
#[must_use]
pub fn uncovered_chars(scene: &Scene) -> BTreeSet<char> {
    let measure = FontMeasure::shared();
    let mut uncovered = BTreeSet::new();
    for item in &scene.items {
        if let Shape::Text(run) = &item.shape {
            uncovered.extend(run.text.chars().filter(|ch| !measure.covers(*ch, run.weight)));
        }
    }
    uncovered
}

/// One warning naming every character of the scenes (the sheets of one export) no bundled face
/// draws (at most the first dozen, then a count), or `None` when the bundled faces draw
/// everything.
#[must_use]
pub fn uncovered_warning<'a>(scenes: impl IntoIterator<Item = &'a Scene>) -> Option<String> {
    const SHOWN: usize = 12;
    let uncovered: BTreeSet<char> = scenes.into_iter().flat_map(uncovered_chars).collect();
    if uncovered.is_empty() {
        return None;
    }
    let mut listed: Vec<String> =
        uncovered.iter().take(SHOWN).map(|ch| format!("{ch} (U+{:04X})", u32::from(*ch))).collect();
    if uncovered.len() > SHOWN {
        listed.push(format!("and {} more", uncovered.len() - SHOWN));
    }
    Some(format!(
        "no bundled font has {}: {}; they print in a font of this computer if it has one (another computer may differ) or as empty boxes, and their widths are estimates",
        if uncovered.len() == 1 { "this character" } else { "these characters" },
        listed.join(", ")
    ))
}

/// Whether `text` reads right to left: its first strongly directional character is Hebrew,
/// Arabic or another right-to-left script (Unicode's rule for a paragraph's base direction,
/// with the scripts' blocks standing in for the full bidi classes).
#[must_use]
pub fn is_right_to_left(text: &str) -> bool {
    text.chars().find_map(strong_direction).is_some_and(|rtl| rtl)
}

/// Whether any letter of `text` is of a right-to-left script.
#[must_use]
pub fn has_right_to_left(text: &str) -> bool {
    text.chars().any(|ch| strong_direction(ch) == Some(true))
}

/// `Some(true)` for a strong right-to-left character, `Some(false)` for a strong left-to-right
/// one (a letter of any other script), `None` for digits, punctuation, marks and spaces.
fn strong_direction(ch: char) -> Option<bool> {
    let rtl = matches!(u32::from(ch),
        0x0590..=0x08FF // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic supplements
        | 0xFB1D..=0xFDFF // Hebrew and Arabic presentation forms A
        | 0xFE70..=0xFEFF // Arabic presentation forms B
        | 0x1_0800..=0x1_0FFF // historic right-to-left scripts
        | 0x1_E800..=0x1_EFFF); // Mende Kikakui, Adlam, Arabic mathematical symbols
    if rtl && ch.is_alphabetic() {
        Some(true)
    } else if ch.is_alphabetic() {
        Some(false)
    } else {
        None
    }
}

/// Text as it can be drawn: control characters (which no font draws and XML cannot hold)
/// removed, tabs as spaces, line breaks normalised to `\n`. Borrowed when there is nothing to
/// change, as for almost all text.
#[must_use]
pub fn displayable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|ch| ch.is_control() && ch != '\n') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.replace("\r\n", "\n")
            .chars()
            .filter_map(|ch| match ch {
                '\n' => Some('\n'),
                '\t' | '\r' => Some(' '),
                ch if ch.is_control() => None,
                ch => Some(ch),
            })
            .collect(),
    )
}

/// [`displayable`] on one line: line breaks become spaces too.
#[must_use]
pub fn displayable_line(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    displayable(text).replace('\n', " ")
}

/// A wrapped line and its measured width.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    /// The line's text.
    pub text: String,
    /// Its measured width.
    pub width: f32,
}

/// Breaks `text` into lines no wider than `max_width`: at spaces where possible, inside a word
/// only when the word alone is too wide. Explicit line breaks are kept; nothing is dropped.
#[must_use]
pub fn wrap(measure: &dyn TextMeasure, text: &str, size: f32, weight: Weight, max_width: f32) -> Vec<Line> {
    let text = displayable(text);
    let space = measure.width(" ", size, weight);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        // Beyond Latin-1 a space may be set in a fallback face, wider than the first face's
        // space alone: such lines are measured whole, as they will be drawn.
        let whole_lines = paragraph.chars().any(|ch| u32::from(ch) > 0xFF);
        let mut current = String::new();
        let mut current_width = 0.0;
        for word in paragraph.split_whitespace() {
            let word_width = measure.width(word, size, weight);
            let joined_width = if current.is_empty() {
                0.0
            } else if whole_lines {
                measure.width(&format!("{current} {word}"), size, weight)
            } else {
                current_width + space + word_width
            };
            if !current.is_empty() && joined_width <= max_width {
                current.push(' ');
                current.push_str(word);
                current_width = joined_width;
                continue;
            }
            if !current.is_empty() {
                lines.push(Line { text: std::mem::take(&mut current), width: current_width });
            }
            if word_width <= max_width {
                word.clone_into(&mut current);
                current_width = word_width;
            } else {
                let mut pieces = break_word(measure, word, size, weight, max_width);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                current_width = last.width;
                current = last.text;
            }
        }
        lines.push(Line { text: current, width: current_width });
    }
    // A blank paragraph at the end draws nothing; keep at least one line for layout.
    while lines.len() > 1 && lines.last().is_some_and(|l| l.text.is_empty()) {
        lines.pop();
    }
    lines
}

/// Splits one word that is wider than `max_width` into pieces that fit (at least one cluster
/// each, so even a single glyph wider than the box makes progress). A piece never ends inside a
/// cluster: a letter stays with the marks and vowel signs written on or around it, and the
/// consonants of a conjunct stay together, so a break in a Thai or Hindi word leaves no mark
/// on its own.
fn break_word(measure: &dyn TextMeasure, word: &str, size: f32, weight: Weight, max_width: f32) -> Vec<Line> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut width = 0.0;
    for cluster in clusters(word) {
        let cluster_width = measure.width(cluster, size, weight);
        if !current.is_empty() && width + cluster_width > max_width {
            pieces.push(Line { text: std::mem::take(&mut current), width });
            width = 0.0;
        }
        current.push_str(cluster);
        width += cluster_width;
    }
    pieces.push(Line { text: current, width });
    pieces
}

/// `word` cut into clusters: each starts at a character that may begin a line piece and runs
/// up to the next.
fn clusters(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let mut previous = first;
        let end = chars
            .find(|&(_, ch)| {
                let starts = !joins_previous(ch) && !joins_next(previous);
                previous = ch;
                starts
            })
            .map_or(rest.len(), |(index, _)| index);
        let (cluster, tail) = rest.split_at(end);
        rest = tail;
        Some(cluster)
    })
}

/// Whether `ch` is written on or beside the character before it and must not start a line:
/// combining marks, the vowel signs and marks of Thai, Devanagari, Arabic and Hebrew, joiners
/// and variation selectors.
fn joins_previous(ch: char) -> bool {
    matches!(u32::from(ch),
        0x0300..=0x036F // combining diacritical marks
        | 0x0591..=0x05C7 // Hebrew points and accents
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED // Arabic marks
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963 // Devanagari signs
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E // Thai vowels above and below, tone marks
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF // more combining marks
        | 0x200C | 0x200D // zero-width non-joiner and joiner
        | 0x3099 | 0x309A // kana voicing marks
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xE0100..=0xE01EF) // variation selectors, half marks
}

/// Whether the character after `ch` belongs with it: after a virama (a Devanagari conjunct) or
/// a zero-width joiner.
fn joins_next(ch: char) -> bool {
    matches!(ch, '\u{094D}' | '\u{200D}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_with_the_bundled_font() {
        let measure = FontMeasure::shared();
        let narrow = measure.width("iiii", 10.0, Weight::Regular);
        let wide = measure.width("MMMM", 10.0, Weight::Regular);
        assert!(narrow > 0.0 && wide > narrow * 2.0);
        assert!(measure.width("Bold", 10.0, Weight::Bold) > measure.width("Bold", 10.0, Weight::Regular));
        assert!(
            (measure.width("ab", 20.0, Weight::Regular) - 2.0 * measure.width("ab", 10.0, Weight::Regular))
                .abs()
                < 1e-3
        );
    }

    #[test]
    fn wraps_at_spaces_and_keeps_every_word() {
        let measure = FontMeasure::shared();
        let text = "Receives the first invoice and checks every line against the shipments";
        let lines = wrap(measure, text, 10.0, Weight::Regular, 120.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= 120.0));
        let joined: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn breaks_words_longer_than_the_line() {
        let measure = FontMeasure::shared();
        let word = "x".repeat(500);
        let lines = wrap(measure, &word, 10.0, Weight::Regular, 50.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| l.width <= 50.0));
        assert_eq!(lines.iter().map(|l| l.text.len()).sum::<usize>(), 500);
    }

    #[test]
    fn scripts_outside_the_font_are_measured_not_dropped() {
        let measure = FontMeasure::shared();
        assert!(measure.width("客户旅程", 10.0, Weight::Regular) >= 40.0);
        assert!(measure.width("🚚", 10.0, Weight::Regular) > 10.0);
        let lines = wrap(measure, "客户旅程地图客户旅程地图", 10.0, Weight::Regular, 45.0);
        assert_eq!(lines.iter().map(|l| l.text.chars().count()).sum::<usize>(), 12);
    }

    #[test]
    fn words_break_between_clusters_only() {
        let measure = FontMeasure::shared();
        // Thai: consonants with vowels above and tone marks; Hindi: conjuncts and vowel signs.
        for word in ["ตรวจสอบใบแจ้งหนี้และเอกสารการขนส่งทุกฉบับ", "ग्राहकसेवाटीमसेसंपर्ककरताहै"]
        {
            let lines = wrap(measure, word, 12.0, Weight::Bold, 40.0);
            assert!(lines.len() > 2, "{word}");
            assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<String>(), word);
            for line in &lines[1..] {
                let first = line.text.chars().next().unwrap();
                assert!(!joins_previous(first), "{:?} starts with a mark", line.text);
            }
            for line in &lines {
                assert!(!line.text.ends_with('\u{094D}'), "{:?} ends inside a conjunct", line.text);
            }
        }
        assert_eq!(clusters("कि्षa").collect::<Vec<_>>(), ["कि्ष", "a"]);
    }

    #[test]
    fn control_characters_are_removed_and_breaks_kept() {
        assert_eq!(displayable("a\u{0}b\tc\r\nd\u{1b}"), "ab c\nd");
        let lines = wrap(FontMeasure::shared(), "one\ntwo", 10.0, Weight::Regular, 500.0);
        assert_eq!(lines.len(), 2);
    }
}
