//! A clock that tests move forward by hand, for lifetimes and expiry.

use std::sync::Mutex;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use samverka_app::Clock;

/// A clock standing still until [`TestClock::advance`] moves it.
#[derive(Debug)]
pub struct TestClock(Mutex<DateTime<Utc>>);

impl TestClock {
    /// Standing at a moment.
    pub fn at(t: DateTime<Utc>) -> TestClock {
        TestClock(Mutex::new(t))
    }

    /// Standing at 10:00 UTC on a day.
    pub fn on(day: NaiveDate) -> TestClock {
        TestClock::at(day.and_hms_opt(10, 0, 0).unwrap().and_utc())
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        let mut t = self.0.lock().unwrap();
        *t += by;
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}
