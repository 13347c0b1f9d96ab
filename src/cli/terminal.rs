//! Text for a terminal. Names, titles, paths and messages come from files the user did not
//! necessarily write: printed raw, an escape sequence in a study's title could move the
//! cursor, rewrite what is on screen, retitle the window or fill the clipboard (OSC 52). Every
//! piece of such text the command line prints goes through [`terminal_safe`].

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal as it is: control characters (C0, DEL and C1, which
/// start escape sequences or move the cursor), the invisible controls of bidirectional text
/// (which make a line read differently from what it holds) and the Unicode line and paragraph
/// separators.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// `text` with every character a terminal would act on shown as an escape instead: `\n`, `\r`
/// and `\t` as such, others as `\u{1b}`. Everything else, including backslashes (as in
/// Windows paths), is left as it is.
#[must_use]
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => safe.push_str("\\n"),
            '\r' => safe.push_str("\\r"),
            '\t' => safe.push_str("\\t"),
            c if is_unsafe(c) => {
                let _ = write!(safe, "\\u{{{:x}}}", u32::from(c));
            }
            c => safe.push(c),
        }
    }
    Cow::Owned(safe)
}

/// JSON text with the characters JSON allows raw in strings but a terminal acts on (DEL, C1,
/// bidirectional controls, line and paragraph separators) written as `\uXXXX` escapes. JSON
/// writers already escape C0 controls; these remain, and only inside strings, where an escape
/// means the same character, so the result is the same JSON value.
#[must_use]
pub fn json_terminal_safe(json: String) -> String {
    if !json.chars().any(is_unsafe) {
        return json;
    }
    let mut safe = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if is_unsafe(c) && c != '\n' {
            // Every character escaped here is in the Basic Multilingual Plane: one `\uXXXX`.
            let _ = write!(safe, "\\u{:04x}", u32::from(c));
        } else {
            safe.push(c);
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidirectional_characters_are_escaped() {
        assert_eq!(terminal_safe("Plain title, ünïcödé ✓"), "Plain title, ünïcödé ✓");
        assert!(matches!(terminal_safe("C:\\studies\\a.journey.ron"), Cow::Borrowed(_)));
        assert_eq!(terminal_safe("a\u{1b}]52;c;SGVsbG8=\u{7}b"), "a\\u{1b}]52;c;SGVsbG8=\\u{7}b");
        assert_eq!(terminal_safe("line\nnext\r\tx"), "line\\nnext\\r\\tx");
        assert_eq!(terminal_safe("\u{9b}31m\u{7f}"), "\\u{9b}31m\\u{7f}");
        assert_eq!(terminal_safe("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(terminal_safe("x\u{2028}y"), "x\\u{2028}y");
    }

    #[test]
    fn json_stays_the_same_value_without_terminal_controls() {
        let value = serde_json::json!({"title": "a\u{1b}[2Jb\u{9b}c\u{7f}d\u{202e}e\u{2029}", "n": 1});
        let text = serde_json::to_string_pretty(&value).unwrap();
        let safe = json_terminal_safe(text);
        assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n'), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
