//! Time as the product counts it: "today" is the date in Sweden
//! (Europe/Stockholm), whatever the server's own time zone.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// Where the time comes from: the system clock in production, a fixed
/// clock in tests.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// The current moment.
    fn now(&self) -> DateTime<Utc>;

    /// Today's date in Sweden.
    fn today(&self) -> NaiveDate {
        swedish_date(self.now())
    }
}

/// The date in Sweden at a moment (*svensk tid*).
pub fn swedish_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&chrono_tz::Europe::Stockholm).date_naive()
}

/// The local time in Sweden at a moment.
pub fn swedish_time(t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&chrono_tz::Europe::Stockholm).naive_local()
}

/// A clock that always says the same moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedClock(pub DateTime<Utc>);

impl FixedClock {
    /// Noon (Swedish summer or winter time alike) on a date.
    pub fn on(date: NaiveDate) -> FixedClock {
        FixedClock(date.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc())
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn just_after_midnight_in_sweden_is_already_tomorrow() {
        // 23:30 UTC on 14 January is 00:30 on 15 January in Stockholm (winter, UTC+1).
        let winter = Utc
            .with_ymd_and_hms(2025, 1, 14, 23, 30, 0)
            .single()
            .expect("time");
        assert_eq!(
            swedish_date(winter),
            NaiveDate::from_ymd_opt(2025, 1, 15).expect("date")
        );
        // 22:30 UTC on 14 June is 00:30 on 15 June (summer, UTC+2).
        let summer = Utc
            .with_ymd_and_hms(2025, 6, 14, 22, 30, 0)
            .single()
            .expect("time");
        assert_eq!(
            swedish_date(summer),
            NaiveDate::from_ymd_opt(2025, 6, 15).expect("date")
        );
        let before = Utc
            .with_ymd_and_hms(2025, 6, 14, 21, 30, 0)
            .single()
            .expect("time");
        assert_eq!(
            swedish_date(before),
            NaiveDate::from_ymd_opt(2025, 6, 14).expect("date")
        );
    }

    #[test]
    fn a_fixed_clock_gives_its_date() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 29).expect("date");
        assert_eq!(FixedClock::on(d).today(), d);
    }
}
