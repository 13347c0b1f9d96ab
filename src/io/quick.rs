//! A quick reader for the RON that Wayline writes: the canonical layout of a study file
//! (structs in parentheses without names, lists, unit enum variants, strings with the usual
//! escapes, plain decimal numbers, `None`, `Some(…)` and implicit `Some`). It reads such a file
//! several times faster than the general RON reader, which spends most of a large study's load
//! skipping indentation one character at a time.
//!
//! It is only a shortcut: anything outside that subset (comments, raw strings, named structs,
//! other extensions, hexadecimal or special numbers, any error at all) makes it give up, and the
//! caller reads the text with the `ron` crate, which then also words every error. What it does
//! accept it reads exactly as `ron` does: the same escapes, numbers parsed by the same standard
//! functions, the same `implicit_some` rules.

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};
use std::fmt;

/// Why the quick reader gave up; never shown, since the general reader then takes over.
#[derive(Debug)]
pub(crate) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the quick subset")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

/// Reads a `T` from `text`, or gives up.
pub(crate) fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T> {
    let mut reader = Reader { bytes: text.as_bytes(), text, at: 0 };
    reader.extensions()?;
    let value = T::deserialize(&mut reader)?;
    reader.skip_space()?;
    if reader.at == reader.bytes.len() { Ok(value) } else { Err(GiveUp) }
}

struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    at: usize,
}

impl<'de> Reader<'de> {
    /// Skips spaces, tabs and line breaks; gives up at a comment or other Unicode white space,
    /// which only hand-written files have.
    fn skip_space(&mut self) -> Result<()> {
        while let Some(&byte) = self.bytes.get(self.at) {
            match byte {
                b' ' | b'\n' | b'\r' | b'\t' => self.at += 1,
                b'/' => return Err(GiveUp),
                byte if byte >= 0x80 => return Err(GiveUp),
                _ => break,
            }
        }
        Ok(())
    }

    /// The next byte after white space, not consumed.
    fn peek(&mut self) -> Result<u8> {
        self.skip_space()?;
        self.bytes.get(self.at).copied().ok_or(GiveUp)
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek()? == byte {
            self.at += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// Consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> Result<bool> {
        if self.peek()? == byte {
            self.at += 1;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// `#![enable(implicit_some)]` at the top, which changes nothing as it is always on for
    /// studies; any other extension changes how the file reads, so the quick reader gives up.
    fn extensions(&mut self) -> Result<()> {
        while self.peek().ok() == Some(b'#') {
            let rest = &self.text[self.at..];
            let Some(inner) = rest.strip_prefix("#![enable(") else { return Err(GiveUp) };
            let end = inner.find(")]").ok_or(GiveUp)?;
            if inner[..end].split(',').any(|name| name.trim() != "implicit_some") {
                return Err(GiveUp);
            }
            self.at += "#![enable(".len() + end + 2;
        }
        Ok(())
    }

    /// A plain ASCII identifier (no raw identifiers), not followed by more identifier text.
    fn identifier(&mut self) -> Result<&'de str> {
        self.skip_space()?;
        let start = self.at;
        let first = *self.bytes.get(start).ok_or(GiveUp)?;
        if !(first.is_ascii_alphabetic() || first == b'_') {
            return Err(GiveUp);
        }
        let mut end = start + 1;
        while self.bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
            end += 1;
        }
        match self.bytes.get(end) {
            Some(b'#' | b'"') => return Err(GiveUp), // a raw identifier or string
            Some(byte) if *byte >= 0x80 => return Err(GiveUp), // a Unicode identifier
            _ => {}
        }
        self.at = end;
        Ok(&self.text[start..end])
    }

    /// Consumes the identifier `word` if it comes next as a whole identifier.
    fn eat_word(&mut self, word: &str) -> Result<bool> {
        self.skip_space()?;
        let rest = &self.bytes[self.at..];
        let after = rest.get(word.len());
        if rest.starts_with(word.as_bytes())
            && !after.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b >= 0x80)
        {
            self.at += word.len();
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// A double-quoted string: borrowed when it has no escapes.
    fn string(&mut self) -> Result<Text<'de>> {
        self.expect(b'"')?;
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            let offset =
                self.bytes[self.at..].iter().position(|b| *b == b'"' || *b == b'\\').ok_or(GiveUp)?;
            self.at += offset;
            if self.bytes[self.at] == b'"' {
                let tail = &self.text[run..self.at];
                self.at += 1;
                return Ok(match owned {
                    None => Text::Borrowed(tail),
                    Some(mut text) => {
                        text.push_str(tail);
                        Text::Owned(text)
                    }
                });
            }
            let text = owned.get_or_insert_with(String::new);
            text.push_str(&self.text[run..self.at]);
            self.at += 1;
            let escaped = *self.bytes.get(self.at).ok_or(GiveUp)?;
            self.at += 1;
            match escaped {
                b'\'' => text.push('\''),
                b'"' => text.push('"'),
                b'\\' => text.push('\\'),
                b'n' => text.push('\n'),
                b'r' => text.push('\r'),
                b't' => text.push('\t'),
                b'0' => text.push('\0'),
                b'u' => text.push(self.unicode_escape()?),
                _ => return Err(GiveUp),
            }
            run = self.at;
        }
    }

    /// The `{…}` of a `\u{…}` escape: one to six hexadecimal digits naming a character.
    fn unicode_escape(&mut self) -> Result<char> {
        if self.bytes.get(self.at) != Some(&b'{') {
            return Err(GiveUp);
        }
        self.at += 1;
        let mut code: u32 = 0;
        let mut digits = 0;
        while digits < 6 {
            let byte = *self.bytes.get(self.at).ok_or(GiveUp)?;
            if byte == b'}' {
                break;
            }
            let digit = char::from(byte).to_digit(16).ok_or(GiveUp)?;
            code = (code << 4) | digit;
            digits += 1;
            self.at += 1;
        }
        if digits == 0 || self.bytes.get(self.at) != Some(&b'}') {
            return Err(GiveUp);
        }
        self.at += 1;
        char::from_u32(code).ok_or(GiveUp)
    }

    /// A number as written: an optional minus, digits, and for `float` an optional fraction and
    /// exponent. Anything else a number may be in RON (a plus sign, underscores, other bases,
    /// suffixes, `inf`, `NaN`) makes the quick reader give up.
    fn number(&mut self, float: bool) -> Result<&'de str> {
        self.skip_space()?;
        let start = self.at;
        let mut end = start;
        let digits = |bytes: &[u8], mut end: usize| {
            let from = end;
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            (end > from).then_some(end)
        };
        if self.bytes.get(end) == Some(&b'-') {
            end += 1;
        }
        end = digits(self.bytes, end).ok_or(GiveUp)?;
        if float {
            if self.bytes.get(end) == Some(&b'.') {
                end = digits(self.bytes, end + 1).ok_or(GiveUp)?;
            }
            if matches!(self.bytes.get(end), Some(b'e' | b'E')) {
                end += 1;
                if matches!(self.bytes.get(end), Some(b'+' | b'-')) {
                    end += 1;
                }
                end = digits(self.bytes, end).ok_or(GiveUp)?;
            }
        }
        // RON would read on through any of these, so the number is not a plain one.
        if self
            .bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-'))
        {
            return Err(GiveUp);
        }
        self.at = end;
        Ok(&self.text[start..end])
    }

    fn parse<T: std::str::FromStr>(&mut self, float: bool) -> Result<T> {
        self.number(float)?.parse().map_err(|_| GiveUp)
    }

    /// After an element of a list or struct: a comma, or the closing `close`.
    fn separator(&mut self, close: u8) -> Result<bool> {
        if self.eat(b',')? {
            Ok(true)
        } else if self.peek()? == close {
            Ok(false)
        } else {
            Err(GiveUp)
        }
    }
}

/// A string read from the file.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Text<'de> {
    fn visit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Text::Borrowed(text) => visitor.visit_borrowed_str(text),
            Text::Owned(text) => visitor.visit_string(text),
        }
    }
}

macro_rules! number {
    ($method:ident, $visit:ident, $float:expr) => {
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.$visit(self.parse($float)?)
        }
    };
}

macro_rules! give_up {
    ($($method:ident),*) => {
        $(fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
            Err(GiveUp)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    number!(deserialize_i8, visit_i8, false);
    number!(deserialize_i16, visit_i16, false);
    number!(deserialize_i32, visit_i32, false);
    number!(deserialize_i64, visit_i64, false);
    number!(deserialize_u8, visit_u8, false);
    number!(deserialize_u16, visit_u16, false);
    number!(deserialize_u32, visit_u32, false);
    number!(deserialize_u64, visit_u64, false);
    number!(deserialize_f32, visit_f32, true);
    number!(deserialize_f64, visit_f64, true);

    give_up!(
        deserialize_any,
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_ignored_any
    );

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.eat_word("true")? {
            visitor.visit_bool(true)
        } else if self.eat_word("false")? {
            visitor.visit_bool(false)
        } else {
            Err(GiveUp)
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // As RON reads it with `implicit_some`: `None`, `Some(value)`, or the value alone.
        if self.eat_word("None")? {
            return visitor.visit_none();
        }
        if self.eat_word("Some")? {
            self.expect(b'(')?;
            let value = visitor.visit_some(&mut *self)?;
            self.eat(b',')?;
            self.expect(b')')?;
            return Ok(value);
        }
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_space()?;
        if !self.bytes[self.at..].starts_with(b"()") {
            return Err(GiveUp);
        }
        self.at += 2;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        // RON writes a newtype struct as `(value)` or `Name(value)`; the model's newtypes are
        // transparent and never come here.
        Err(GiveUp)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        let value = visitor.visit_seq(Elements { reader: self, close: b']', first: true })?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_seq(Elements { reader: self, close: b')', first: true })?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'{')?;
        let value =
            visitor.visit_map(Entries { reader: self, close: b'}', first: true, struct_fields: false })?;
        self.expect(b'}')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // The canonical file writes no struct names; a named struct is left to RON, which
        // checks the name.
        self.expect(b'(')?;
        let value =
            visitor.visit_map(Entries { reader: self, close: b')', first: true, struct_fields: true })?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }
}

/// The elements of a list or tuple, comma separated, a trailing comma allowed.
struct Elements<'r, 'de> {
    reader: &'r mut Reader<'de>,
    close: u8,
    first: bool,
}

impl<'de> SeqAccess<'de> for Elements<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.first && !self.reader.separator(self.close)? {
            return Ok(None);
        }
        self.first = false;
        if self.reader.peek()? == self.close {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// The fields of a struct (`name: value`) or the entries of a map (`key: value`).
struct Entries<'r, 'de> {
    reader: &'r mut Reader<'de>,
    close: u8,
    first: bool,
    /// Keys are field names (identifiers) rather than values.
    struct_fields: bool,
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.first && !self.reader.separator(self.close)? {
            return Ok(None);
        }
        self.first = false;
        if self.reader.peek()? == self.close {
            return Ok(None);
        }
        let key = if self.struct_fields {
            let name = self.reader.identifier()?;
            seed.deserialize(de::value::BorrowedStrDeserializer::<GiveUp>::new(name))?
        } else {
            seed.deserialize(&mut *self.reader)?
        };
        self.reader.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.reader)
    }
}

impl<'de> EnumAccess<'de> for &mut Reader<'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.identifier()?;
        let value = seed.deserialize(de::value::BorrowedStrDeserializer::<GiveUp>::new(name))?;
        Ok((value, self))
    }
}

impl<'de> VariantAccess<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    fn unit_variant(self) -> Result<()> {
        // A unit variant is its name alone; `Name(…)` after it is left to RON.
        if self.peek().ok() == Some(b'(') { Err(GiveUp) } else { Ok(()) }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(GiveUp)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Study;

    fn both(text: &str) -> (Option<Study>, Option<Study>) {
        let quick = from_str::<Study>(text).ok();
        let options =
            ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        (quick, options.from_str::<Study>(text).ok())
    }

    #[test]
    fn reads_written_studies_as_ron_does() {
        let mut studies: Vec<Study> =
            crate::templates::TEMPLATES.iter().filter_map(|template| template.study().ok()).collect();
        studies.push(crate::bench::generate_study(300));
        for study in studies {
            let text = crate::io::to_ron_string(&study).unwrap_or_default();
            let (quick, ron) = both(&text);
            assert!(quick.is_some(), "the quick reader reads what Wayline writes");
            assert_eq!(quick, ron);
        }
    }

    #[test]
    fn gives_up_on_what_it_does_not_read_and_agrees_on_the_rest() {
        let base = "#![enable(implicit_some)]\n(format_version: 1, meta: (title: VALUE), maps: [])";
        let cases = [
            ("\"plain\"", true),
            ("\"tab\\tquote\\\" apostrophe\\' \\u{93e} back\\\\slash\"", true),
            ("\"multi\nline\"", true),
            ("r\"raw\"", false),
            ("\"bad \\q escape\"", false),
            ("\"\\u{d800}\"", false),
            ("\"unterminated", false),
        ];
        for (value, quick_reads) in cases {
            let text = base.replace("VALUE", value);
            let (quick, ron) = both(&text);
            assert_eq!(quick.is_some(), quick_reads, "{value}");
            if quick.is_some() {
                assert_eq!(quick, ron, "{value}");
            }
        }
        for text in [
            "(format_version: 1) // a comment",
            "Study(format_version: 1)",
            "(format_version: +1)",
            "(format_version: 0x1)",
            "(format_version: 1_0)",
            "#![enable(unwrap_newtypes)] (format_version: 1)",
            "(format_version: 1, unknown: 2)",
            "(format_version: 1) trailing",
        ] {
            assert!(from_str::<Study>(text).is_err(), "{text}");
        }
    }

    #[test]
    fn whatever_it_reads_from_damaged_files_ron_reads_the_same() {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % below as u64).unwrap_or(0)
        };
        let edits: &[&[u8]] = &[
            b"", b" ", b",", b"(", b")", b"[", b"]", b"\"", b"\\", b"1", b".", b"-", b"e", b"None", b"Some(",
            b":", b"x",
        ];
        for round in 0..600 {
            let template = &crate::templates::TEMPLATES[round % crate::templates::TEMPLATES.len()];
            let mut bytes = template.text.as_bytes().to_vec();
            for _ in 0..=next(3) {
                let at = next(bytes.len());
                let cut = next(3);
                let end = (at + cut).min(bytes.len());
                bytes.splice(at..end, edits[next(edits.len())].iter().copied());
            }
            let Ok(text) = std::str::from_utf8(&bytes) else { continue };
            let (quick, ron) = both(text);
            if quick.is_some() {
                assert_eq!(quick, ron, "round {round}");
            }
        }
    }

    #[test]
    fn numbers_and_options_read_as_ron_reads_them() {
        let card = |scores: &str| {
            format!(
                "(format_version: 1, maps: [(id: 1, stages: [(id: 1, cards: [(id: 1, importance: {scores})])])])"
            )
        };
        for scores in [
            "(internal: 7.5, customer: Some(3))",
            "(internal: None, customer: -2.25e1)",
            "(internal: 1e-3, customer: 9.999999999)",
            "(internal: Some(4.0,), customer: 0.1)",
            "(internal: 12345678901234567890.5)",
        ] {
            let (quick, ron) = both(&card(scores));
            assert!(quick.is_some(), "{scores}");
            assert_eq!(quick, ron, "{scores}");
        }
        for scores in
            ["(internal: inf)", "(internal: NaN)", "(internal: 1.)", "(internal: .5)", "(internal: 1.5.2)"]
        {
            assert!(from_str::<Study>(&card(scores)).is_err(), "{scores}");
        }
    }
}
