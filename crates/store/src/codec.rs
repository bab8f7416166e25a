//! How stored values become domain values and back. Every decoder fails
//! loudly ([`StoreError::Corrupt`]) on a value it cannot read: a bad date or
//! an unknown code never turns silently into a default.

use chrono::NaiveDate;
use samverka_core::code::{Coded, parse_code};

use crate::{Result, StoreError};

/// A stored date (ISO `YYYY-MM-DD` text). Only the exact form is read:
/// queries compare dates as text, so `2025-3-1` would sort and compare wrongly.
pub fn date(column: &str, text: &str) -> Result<NaiveDate> {
    exact_date(text).ok_or_else(|| StoreError::Corrupt(format!("{column}: {text:?} is not a date")))
}

/// `YYYY-MM-DD` with every digit in place, as a real day. Read by hand:
/// pages read thousands of dates, and a format string parsed for each (and
/// the date written back to compare) was a large part of their reading.
fn exact_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(number(&b[0..4])?).ok()?,
        number(&b[5..7])?,
        number(&b[8..10])?,
    )
}

/// A stored date that may be missing.
pub fn opt_date(column: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    text.map(|t| date(column, t)).transpose()
}

/// A date as stored.
pub fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A date that may be missing, as stored.
pub fn opt_date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(date_text)
}

/// A stored code of one of the domain's enums.
pub fn code<T: Coded>(column: &str, text: &str) -> Result<T> {
    parse_code::<T>(text).map_err(|e| StoreError::Corrupt(format!("{column}: {e}")))
}

/// A stored code that may be missing.
pub fn opt_code<T: Coded>(column: &str, text: Option<&str>) -> Result<Option<T>> {
    text.map(|t| code(column, t)).transpose()
}

/// A stored yes/no (0 or 1).
pub fn flag(column: &str, v: i64) -> Result<bool> {
    match v {
        0 => Ok(false),
        1 => Ok(true),
        other => Err(StoreError::Corrupt(format!("{column}: {other} is not 0 or 1"))),
    }
}

/// A stored yes/no/unknown (0, 1 or NULL).
pub fn opt_flag(column: &str, v: Option<i64>) -> Result<Option<bool>> {
    v.map(|x| flag(column, x)).transpose()
}

/// A yes/no as stored.
pub fn flag_value(v: bool) -> i64 {
    i64::from(v)
}

/// A yes/no/unknown as stored.
pub fn opt_flag_value(v: Option<bool>) -> Option<i64> {
    v.map(i64::from)
}

/// A stored JSON document that may be missing.
pub fn opt_json(column: &str, text: Option<&str>) -> Result<Option<serde_json::Value>> {
    text.map(|t| {
        serde_json::from_str(t).map_err(|e| StoreError::Corrupt(format!("{column}: not JSON ({e})")))
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    use samverka_core::governance::MeetingStatus;

    use super::*;

    #[test]
    fn bad_stored_values_are_errors_not_defaults() {
        assert!(matches!(
            date("meetings.held_on", "2025-13-01"),
            Err(StoreError::Corrupt(_))
        ));
        assert!(matches!(
            date("meetings.held_on", "2025-3-1"),
            Err(StoreError::Corrupt(_))
        ));
        assert!(matches!(
            date("meetings.held_on", " 2025-03-01"),
            Err(StoreError::Corrupt(_))
        ));
        assert_eq!(date("d", "2025-03-01").ok(), NaiveDate::from_ymd_opt(2025, 3, 1));
        assert!(matches!(
            code::<MeetingStatus>("meetings.status", "maybe"),
            Err(StoreError::Corrupt(m)) if m.contains("maybe") && m.contains("meetings.status")
        ));
        assert!(matches!(flag("users.disabled", 2), Err(StoreError::Corrupt(_))));
        assert_eq!(code::<MeetingStatus>("s", "held").ok(), Some(MeetingStatus::Held));
        assert_eq!(opt_date("d", None).ok(), Some(None));
    }

    #[test]
    fn only_exact_iso_dates_are_read() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 1);
        assert_eq!(exact_date("2025-03-01"), day);
        assert_eq!(exact_date("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            "2025-3-1",
            "2025-02-30",
            "2025-13-01",
            "2025-03-01 ",
            " 2025-03-01",
            "2025/03/01",
            "+025-03-01",
            "2025-0a-01",
            "20250301",
            "",
            "2025-03-01T00:00",
        ] {
            assert_eq!(exact_date(bad), None, "{bad:?}");
        }
        assert_eq!(
            date_text(NaiveDate::from_ymd_opt(2025, 3, 1).expect("a day")),
            "2025-03-01"
        );
    }
}
