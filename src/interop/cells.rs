//! What one spreadsheet cell holds, both ways: the guard against formulas, numbers as people
//! type them, and lists of owner names.
//!
//! **Formulas.** Spreadsheets such as Excel run a cell that starts with `=`, `+`, `-` or `@` (and
//! some versions one that starts with a tab or a carriage return) as a formula, which a
//! hostile title can use to run commands (CSV injection). Export writes such a cell with a `'`
//! in front, the prefix spreadsheets themselves use for "this is text", and import removes it.
//! The rule, with `rest` being the cell without its leading `'` and space characters:
//!
//! - a cell is *guarded* when `rest` starts with `=`, `+`, `-`, `@`, tab or carriage return and
//!   the cell is not a plain number (`-1.5` stays a number);
//! - export puts one `'` before a cell that is guarded;
//! - import removes the first `'` of a cell when what follows it is guarded.
//!
//! A cell that already starts with `'` and a formula character (`'=A1`) is therefore written
//! `''=A1` and read back as `'=A1`, and a cell starting with `'` and anything else (`'Tis`) is
//! written and read as it is, so every text survives a round trip exactly.

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text` is a plain decimal number: an optional `-`, digits with at most one `.`, and
/// an optional exponent. Spreadsheets read these as numbers, never as formulas.
fn is_plain_number(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let digits = mantissa.chars().filter(char::is_ascii_digit).count();
    let mantissa_ok = digits > 0
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.')
        && mantissa.matches('.').count() <= 1;
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && e.chars().all(|c| c.is_ascii_digit())
    });
    mantissa_ok && exponent_ok
}

/// Whether a cell needs the `'` guard (see the module's documentation).
fn is_guarded(text: &str) -> bool {
    let rest = text.trim_start_matches(['\'', ' ']);
    rest.starts_with(FORMULA_STARTS) && !is_plain_number(text)
}

/// A cell as export writes it: with a `'` in front when a spreadsheet would run it.
pub(crate) fn guard(text: String) -> String {
    if is_guarded(&text) { format!("'{text}") } else { text }
}

/// A cell as import reads it: without the `'` that [`guard`] adds.
pub(crate) fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if is_guarded(rest) => rest,
        _ => text,
    }
}

/// The text of a number cell as Rust reads numbers: trimmed; a `'` in front (text forced in a
/// spreadsheet) and typographic quotes around it removed; the Unicode minus `−` as `-`; a
/// decimal comma as a point.
fn number_text(text: &str) -> String {
    let mut t = text.trim();
    t = t.strip_prefix('\'').unwrap_or(t).trim();
    for (open, close) in [('“', '”'), ('‘', '’'), ('"', '"')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|i| i.strip_suffix(close)) {
            t = inner.trim();
        }
    }
    t.replace('−', "-").replace(',', ".")
}

/// Why a cell is not the number it should be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// There is no number.
    Missing,
    /// The number is infinite or not a number (`inf`, `NaN`, `1e999`).
    NotFinite,
}

impl NumberError {
    /// The end of a sentence about `text` (as typed).
    pub(crate) fn describe(self, text: &str) -> String {
        match self {
            Self::Missing => format!("`{}` is not a number", text.trim()),
            Self::NotFinite => format!("`{}` is not a finite number", text.trim()),
        }
    }
}

/// Whether `text` (already made ASCII by [`number_text`]) starts with infinity or not-a-number
/// spelled out, which Rust's parser would take as a value.
fn names_a_non_finite(text: &str) -> bool {
    let unsigned = text.trim_start_matches(['-', '+']).to_ascii_lowercase();
    unsigned.starts_with("inf") || unsigned.starts_with("nan")
}

/// A cell holding only a number; `None` when it is empty or a dash (unknown).
pub(crate) fn optional_number(text: &str) -> Result<Option<f64>, NumberError> {
    let t = number_text(text);
    if t.is_empty() || t == "–" || t == "—" || t == "-" {
        return Ok(None);
    }
    if names_a_non_finite(&t) {
        return Err(NumberError::NotFinite);
    }
    let value: f64 = t.parse().map_err(|_| NumberError::Missing)?;
    if value.is_finite() { Ok(Some(value)) } else { Err(NumberError::NotFinite) }
}

/// A number at the start of `text` and what follows it, trimmed: `6.5 h` → (6.5, "h").
pub(crate) fn leading_number(text: &str) -> Result<(f64, String), NumberError> {
    let t = number_text(text);
    if names_a_non_finite(&t) {
        return Err(NumberError::NotFinite);
    }
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
        .unwrap_or(t.len());
    let value: f64 = t[..split].parse().map_err(|_| NumberError::Missing)?;
    if !value.is_finite() {
        return Err(NumberError::NotFinite);
    }
    Ok((value, t[split..].trim().to_owned()))
}

/// Owner names as one cell, separated by `; `. A `\`, a `;` and a space at either end of a
/// name are written with a `\` in front, so every name comes back exactly as it was.
pub(crate) fn owner_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (index, name) in names.into_iter().enumerate() {
        if index > 0 {
            out.push_str("; ");
        }
        let inner_start = name.len() - name.trim_start().len();
        let inner_end = name.trim_end().len();
        for (at, c) in name.char_indices() {
            let outside = at < inner_start || at >= inner_end;
            if c == '\\' || c == ';' || (outside && c.is_whitespace()) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// The names of an owner list (see [`owner_list`]): separated by `;`, spaces around each
/// removed, empty names skipped. A `\` before anything but `\`, `;` or a space is kept as
/// text, so a typed `DOMAIN\user` stays as it is.
pub(crate) fn parse_owner_list(cell: &str) -> Vec<String> {
    let mut names = Vec::new();
    // Each character with whether it was escaped (an escaped space is part of the name).
    let mut current: Vec<(char, bool)> = Vec::new();
    let finish = |current: &mut Vec<(char, bool)>, names: &mut Vec<String>| {
        let loose = |(c, escaped): &(char, bool)| c.is_whitespace() && !escaped;
        let start = current.iter().position(|p| !loose(p)).unwrap_or(current.len());
        let end = current.iter().rposition(|p| !loose(p)).map_or(start, |e| e + 1);
        let name: String = current[start..end].iter().map(|(c, _)| *c).collect();
        if !name.is_empty() {
            names.push(name);
        }
        current.clear();
    };
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.peek() {
                Some(&next) if next == '\\' || next == ';' || next.is_whitespace() => {
                    current.push((next, true));
                    chars.next();
                }
                _ => current.push(('\\', true)),
            },
            ';' => finish(&mut current, &mut names),
            c => current.push((c, false)),
        }
    }
    finish(&mut current, &mut names);
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_numbers_are_not() {
        for (text, written) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-", "'-"),
            ("- a list", "'- a list"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("  =1+1", "'  =1+1"),
            ("-1.5", "-1.5"),
            ("-2", "-2"),
            ("-1e-3", "-1e-3"),
            ("-1.5 h", "'-1.5 h"),
            ("-inf", "'-inf"),
            ("'=A1", "''=A1"),
            ("''-x", "'''-x"),
            ("'Tis", "'Tis"),
            ("'", "'"),
            ("Plain", "Plain"),
            ("", ""),
        ] {
            assert_eq!(guard(text.to_owned()), written, "{text:?}");
            assert_eq!(unguard(written), text, "{written:?}");
        }
    }

    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(optional_number(" −1,5 "), Ok(Some(-1.5)));
        assert_eq!(optional_number("“7”"), Ok(Some(7.0)));
        assert_eq!(optional_number("‘8.5’"), Ok(Some(8.5)));
        assert_eq!(optional_number("'3"), Ok(Some(3.0)));
        assert_eq!(optional_number("–"), Ok(None));
        assert_eq!(optional_number("inf"), Err(NumberError::NotFinite));
        assert_eq!(optional_number("−Infinity"), Err(NumberError::NotFinite));
        assert_eq!(optional_number("NaN"), Err(NumberError::NotFinite));
        assert_eq!(optional_number("1e999"), Err(NumberError::NotFinite));
        assert_eq!(optional_number("seven"), Err(NumberError::Missing));
        assert_eq!(leading_number("−3 %"), Ok((-3.0, "%".to_owned())));
        assert_eq!(leading_number("1e400 h"), Err(NumberError::NotFinite));
        assert_eq!(leading_number("h"), Err(NumberError::Missing));
    }

    #[test]
    fn owner_names_survive_a_list() {
        let names = ["Sales", " padded ", "R&D; Europe", "a\\b", "ends\\", "\\;", "\nnew line"];
        let cell = owner_list(names);
        assert_eq!(parse_owner_list(&cell), names);
        assert_eq!(parse_owner_list(" Sales ;Support;; DOMAIN\\user "), ["Sales", "Support", "DOMAIN\\user"]);
    }
}
