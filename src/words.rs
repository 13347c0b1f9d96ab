//! Counting words for the interface and the command line ("1 stage", "2 stages", never
//! "1 stages"), and numbers for print: thousands separated, large values compact, never NaN.

/// `count` and the noun, plural only when needed ("1 warning", "3 warnings", "0 errors").
#[must_use]
pub fn count(count: usize, singular: &str) -> String {
    if count == 1 { format!("1 {singular}") } else { format!("{count} {}", plural(singular)) }
}

/// `n` with a comma between thousands: 100000 → "100,000".
#[must_use]
pub fn thousands(n: usize) -> String {
    grouped(&n.to_string())
}

/// A measured value for print: `None` when it is not a finite number, so NaN and infinity
/// never reach the page. Large values are compact ("1.2 bn", "3.4 m"), values from ten
/// thousand up get thousands separators ("12,500"), smaller ones keep up to two decimals
/// ("4.35", "18"), and absurdly large ones go scientific ("6.9e33"); negatives take a true
/// minus sign.
#[must_use]
pub fn figure(value: f64) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let sign = if value < 0.0 && value.abs() >= 0.005 { "−" } else { "" };
    let size = value.abs();
    let body = if size >= 1e15 {
        // Beyond what any business measures: keep it short rather than a row of digits.
        format!("{size:.1e}")
    } else if size >= 1e12 {
        format!("{} tn", scaled(size / 1e12))
    } else if size >= 1e9 {
        format!("{} bn", scaled(size / 1e9))
    } else if size >= 1e6 {
        format!("{} m", scaled(size / 1e6))
    } else if size >= 1e4 {
        whole_with_thousands(size)
    } else {
        trimmed(size, 2)
    };
    Some(format!("{sign}{body}"))
}

/// A value with a unit for print ("1.2 bn EUR", "6.5 h"), or `None` when not finite.
#[must_use]
pub fn figure_with_unit(value: f64, unit: &str) -> Option<String> {
    let number = figure(value)?;
    let unit = unit.trim();
    Some(if unit.is_empty() { number } else { format!("{number} {unit}") })
}

/// A score for print with at most one decimal ("4.5", "8"), or `None` when not finite.
#[must_use]
pub fn score(value: f32) -> Option<String> {
    let value = f64::from(value);
    if !value.is_finite() {
        return None;
    }
    if value.abs() >= 1e4 {
        return figure(value);
    }
    let mut text = String::with_capacity(8);
    if value < 0.0 && value.abs() >= 0.05 {
        text.push('−');
    }
    if !push_exactly(&mut text, value.abs(), 1) {
        text.push_str(&trimmed_by_format(value.abs(), 1));
    }
    Some(text)
}

/// A signed difference for print with at most one decimal ("+2.5", "−1", "0"), or `None`
/// when not finite.
#[must_use]
pub fn signed(value: f32) -> Option<String> {
    let mut text = score(value)?;
    if !(text.starts_with('−') || text == "0") {
        text.insert(0, '+');
    }
    Some(text)
}

/// A mantissa of a compact figure: one decimal, or none from a hundred up ("1.2", "340").
fn scaled(value: f64) -> String {
    if value >= 100.0 { whole_with_thousands(value) } else { trimmed(value, 1) }
}

/// `value` rounded to a whole number, thousands separated.
fn whole_with_thousands(value: f64) -> String {
    let rounded = value.round();
    // Whole numbers below 2^53 are exact in an f64: their digits need no float formatting.
    let digits = if (0.0..EXACT_WHOLE).contains(&rounded) {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a whole number in 0..2^53"
        )]
        let whole = rounded as u64;
        whole.to_string()
    } else {
        format!("{rounded:.0}")
    };
    grouped(&digits)
}

/// The largest f64 below which every whole number is exact.
const EXACT_WHOLE: f64 = 9_007_199_254_740_992.0;

/// A run of digits with a comma between thousands.
fn grouped(digits: &str) -> String {
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// `value` (not negative) with at most `decimals` decimals, trailing zeros dropped, and
/// thousands separated.
fn trimmed(value: f64, decimals: usize) -> String {
    trimmed_exactly(value, decimals).unwrap_or_else(|| trimmed_by_format(value, decimals))
}

/// [`trimmed`] through `format!`, which rounds the exact binary value: right for every value.
fn trimmed_by_format(value: f64, decimals: usize) -> String {
    let fixed = format!("{value:.decimals$}");
    let fixed = if fixed.contains('.') { fixed.trim_end_matches('0').trim_end_matches('.') } else { &fixed };
    match fixed.split_once('.') {
        Some((whole, fraction)) => format!("{}.{fraction}", whole_digits(whole)),
        None => whole_digits(fixed),
    }
}

/// [`trimmed`] in whole-number arithmetic, for the common case (values below a million, one or
/// two decimals) where it is provably the same: `None` when the scaled value lies so near a
/// rounding tie that the product's rounding error could tip it, which `format!` then decides.
fn trimmed_exactly(value: f64, decimals: usize) -> Option<String> {
    let mut text = String::with_capacity(12);
    push_exactly(&mut text, value, decimals).then_some(text)
}

/// Appends [`trimmed_exactly`]'s text to `text`; false (appending nothing) where it has none.
fn push_exactly(text: &mut String, value: f64, decimals: usize) -> bool {
    let scale = match decimals {
        0 => 1_u64,
        1 => 10,
        2 => 100,
        _ => return false,
    };
    if !(0.0..1e6).contains(&value) {
        return false;
    }
    #[allow(clippy::cast_precision_loss, reason = "1, 10 or 100")]
    let scaled = value * scale as f64;
    // The product is within 1e-9 of the exact one; away from a tie both round alike.
    if (scaled - scaled.floor() - 0.5).abs() < 1e-6 {
        return false;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a whole number below 1e8")]
    let units = scaled.round() as u64;
    push_digits(text, units / scale, 1, true);
    let mut fraction = units % scale;
    if fraction != 0 {
        let mut width = decimals;
        while fraction.is_multiple_of(10) {
            fraction /= 10;
            width -= 1;
        }
        text.push('.');
        push_digits(text, fraction, width, false);
    }
    true
}

/// Appends the digits of `n`, at least `width` of them (leading zeros), with a comma between
/// thousands when `group` says so.
fn push_digits(text: &mut String, mut n: u64, width: usize, group: bool) {
    let mut digits = [0_u8; 20];
    let mut count = 0;
    while n > 0 || count < width.max(1) {
        digits[count] = b'0' + u8::try_from(n % 10).unwrap_or(0);
        n /= 10;
        count += 1;
    }
    for index in (0..count).rev() {
        text.push(char::from(digits[index]));
        if group && index > 0 && index.is_multiple_of(3) {
            text.push(',');
        }
    }
}

fn whole_digits(digits: &str) -> String {
    if digits.bytes().all(|b| b.is_ascii_digit()) {
        // Digits from formatting a value below a million: group them as they are.
        return grouped(digits);
    }
    digits.parse::<f64>().map_or_else(|_| digits.to_owned(), whole_with_thousands)
}

/// The plural of one of the interface's nouns.
fn plural(singular: &str) -> String {
    match singular {
        "persona" | "stage" | "card" | "link" | "map" | "owner" | "error" | "warning" | "step"
        | "touchpoint" => {
            format!("{singular}s")
        }
        other if other.ends_with('s') || other.ends_with("ch") => format!("{other}es"),
        other => format!("{other}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(100_000), "100,000");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn figures_are_compact_and_separated() {
        use super::{figure, figure_with_unit, score, signed};
        assert_eq!(figure(1.2e9).as_deref(), Some("1.2 bn"));
        assert_eq!(figure_with_unit(1_234_000_000.0, "EUR").as_deref(), Some("1.2 bn EUR"));
        assert_eq!(figure(3_400_000.0).as_deref(), Some("3.4 m"));
        assert_eq!(figure(12_500.0).as_deref(), Some("12,500"));
        assert_eq!(figure(1_250.0).as_deref(), Some("1,250"));
        assert_eq!(figure(4.35).as_deref(), Some("4.35"));
        assert_eq!(figure(18.0).as_deref(), Some("18"));
        assert_eq!(figure(-6.5).as_deref(), Some("−6.5"));
        assert_eq!(figure(-0.0001).as_deref(), Some("0"));
        assert_eq!(figure(250e12).as_deref(), Some("250 tn"));
        assert_eq!(figure(999e12).as_deref(), Some("999 tn"));
        assert_eq!(figure(6.87e33).as_deref(), Some("6.9e33"));
        assert_eq!(figure(-f64::MAX).as_deref(), Some("−1.8e308"));
        assert_eq!(figure(f64::NAN), None);
        assert_eq!(figure(f64::INFINITY), None);
        assert_eq!(figure_with_unit(6.5, " h ").as_deref(), Some("6.5 h"));
        assert_eq!(score(4.5).as_deref(), Some("4.5"));
        assert_eq!(score(8.0).as_deref(), Some("8"));
        assert_eq!(score(f32::NAN), None);
        assert_eq!(signed(2.5).as_deref(), Some("+2.5"));
        assert_eq!(signed(-1.0).as_deref(), Some("−1"));
        assert_eq!(signed(0.0).as_deref(), Some("0"));
        assert_eq!(signed(0.04).as_deref(), Some("0"));
        assert_eq!(signed(-0.04).as_deref(), Some("0"));
    }

    #[test]
    #[allow(clippy::cast_possible_truncation, reason = "scores are f32 values")]
    fn whole_number_arithmetic_matches_formatting() {
        use super::{trimmed_by_format, trimmed_exactly};
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut values: Vec<f64> = (0..200_000).map(|i| f64::from(i) / 1000.0).collect();
        values.extend((0..20_000).map(|i| f64::from(i) * 0.05));
        values.extend((0..20_000).map(|i| f64::from(i) * 0.005 + 990_000.0));
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let unit = (state >> 11) as f64 / (1_u64 << 53) as f64;
            values.push(unit * 10.0);
            values.push(f64::from((unit * 10.0) as f32));
            values.push(unit * 1e6);
        }
        for value in values {
            for decimals in [0, 1, 2] {
                if let Some(fast) = trimmed_exactly(value, decimals) {
                    assert_eq!(fast, trimmed_by_format(value, decimals), "{value} to {decimals} decimals");
                }
            }
        }
    }

    #[test]
    fn singular_only_for_one() {
        assert_eq!(count(1, "stage"), "1 stage");
        assert_eq!(count(0, "warning"), "0 warnings");
        assert_eq!(count(2, "touchpoint"), "2 touchpoints");
        assert_eq!(count(3, "match"), "3 matches");
    }
}
