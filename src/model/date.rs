//! Calendar dates as the file stores them: `"YYYY-MM-DD"`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date (no time of day, no time zone), written `"YYYY-MM-DD"` in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

const ISO_DATE: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

impl Date {
    /// The date for a year, month (1–12) and day, if it exists in the calendar.
    #[must_use]
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day).ok().map(Self)
    }

    /// Today's date in UTC.
    #[must_use]
    pub fn today() -> Self {
        Self(time::OffsetDateTime::now_utc().date())
    }

    /// The year.
    #[must_use]
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    #[must_use]
    pub fn month(self) -> u8 {
        self.0.month().into()
    }

    /// The day of the month, 1–31.
    #[must_use]
    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// The same day `months` later, moved back to the month's last day where it has fewer
    /// days (31 January + 1 month = 28 or 29 February). Saturates at the calendar's end.
    #[must_use]
    pub fn add_months(self, months: u32) -> Self {
        let total = i64::from(self.year()) * 12 + i64::from(self.month()) - 1 + i64::from(months);
        let Ok(year) = i32::try_from(total.div_euclid(12)) else {
            return Self(time::Date::MAX);
        };
        // `rem_euclid(12)` is in 0..12, so the month is in 1..=12.
        let month = u8::try_from(total.rem_euclid(12) + 1).unwrap_or(12);
        let Ok(month) = time::Month::try_from(month) else {
            return Self(time::Date::MAX);
        };
        let day = self.day().min(month.length(year));
        time::Date::from_calendar_date(year, month, day).map_or(Self(time::Date::MAX), Self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }
}

/// Why a date string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {0:?}: expected a calendar date written \"YYYY-MM-DD\"")]
pub struct DateParseError(pub String);

impl FromStr for Date {
    type Err = DateParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        time::Date::parse(text.trim(), ISO_DATE).map(Self).map_err(|_| DateParseError(text.to_owned()))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d: Date = "2026-02-28".parse().unwrap();
        assert_eq!(d, Date::from_ymd(2026, 2, 28).unwrap());
        assert_eq!(d.to_string(), "2026-02-28");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in ["2026-02-30", "2026-13-01", "26-1-1", "", "yesterday", "2026-1-1"] {
            assert!(bad.parse::<Date>().is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn adding_months_clamps_to_month_end() {
        let d = Date::from_ymd(2026, 8, 31).unwrap();
        assert_eq!(d.add_months(6), Date::from_ymd(2027, 2, 28).unwrap());
        assert_eq!(d.add_months(0), d);
        assert_eq!(Date::from_ymd(2024, 1, 31).unwrap().add_months(1).day(), 29);
    }
}
