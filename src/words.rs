//! Counting words for the interface and the command line: "1 stage", "2 stages", never "1 stages".

/// `count` and the noun, plural only when needed ("1 warning", "3 warnings", "0 errors").
#[must_use]
pub fn count(count: usize, singular: &str) -> String {
    if count == 1 { format!("1 {singular}") } else { format!("{count} {}", plural(singular)) }
}

/// `n` with a comma between thousands: 100000 → "100,000".
#[must_use]
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
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
    fn singular_only_for_one() {
        assert_eq!(count(1, "stage"), "1 stage");
        assert_eq!(count(0, "warning"), "0 warnings");
        assert_eq!(count(2, "touchpoint"), "2 touchpoints");
        assert_eq!(count(3, "match"), "3 matches");
    }
}
