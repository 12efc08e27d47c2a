//! A window of whole local days in a time zone, as unix-millisecond bounds.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The granularity the collector aggregates at before days are formed:
/// 15 minutes divides every real-world UTC offset, so each bucket falls in
/// exactly one local day whatever the zone.
pub const BUCKET_MS: i64 = 15 * 60 * 1000;

/// Longest window, in days.
pub const MAX_DAYS: u64 = 366;

/// Default window length, in days, when no `from` is given.
pub const DEFAULT_DAYS: u64 = 30;

/// Local days `first..=last` in `tz`, covering `[from_ms, to_ms)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First local day.
    pub first: NaiveDate,
    /// Last local day (inclusive).
    pub last: NaiveDate,
    /// The zone the days are in.
    pub tz: Tz,
    /// Start of `first` in `tz`, unix ms.
    pub from_ms: i64,
    /// Start of the day after `last` in `tz`, unix ms (exclusive).
    pub to_ms: i64,
}

/// Whether `name` is an IANA time zone this crate knows.
pub fn is_time_zone(name: &str) -> bool {
    name.parse::<Tz>().is_ok()
}

/// The instant a local day starts. Where midnight does not exist (a DST
/// jump at 00:00) the day starts at the first instant that does.
fn day_start(tz: Tz, day: NaiveDate) -> i64 {
    let mut time = day.and_time(NaiveTime::MIN);
    for _ in 0..8 {
        if let Some(start) = tz.from_local_datetime(&time).earliest() {
            return start.timestamp_millis();
        }
        time += chrono::Duration::minutes(30);
    }
    // No zone skips four hours; fall back to UTC midnight rather than fail.
    time.and_utc().timestamp_millis()
}

fn parse_day(name: &str, value: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| format!("`{name}` must be a date like 2026-11-21, not {value:?}"))
}

impl Window {
    /// The days `first..=last` in `tz`.
    pub fn days(first: NaiveDate, last: NaiveDate, tz: Tz) -> Result<Self, String> {
        if last < first {
            return Err(format!("`to` ({last}) is before `from` ({first})"));
        }
        let span = (last - first).num_days().unsigned_abs() + 1;
        if span > MAX_DAYS {
            return Err(format!("a window is at most {MAX_DAYS} days, not {span}"));
        }
        let after = last
            .checked_add_days(Days::new(1))
            .ok_or_else(|| format!("`to` ({last}) is out of range"))?;
        Ok(Self {
            first,
            last,
            tz,
            from_ms: day_start(tz, first),
            to_ms: day_start(tz, after),
        })
    }

    /// Reads the query parameters `from`, `to` (local dates, inclusive) and
    /// `tz` (an IANA name). Defaults: UTC, the 30 days ending today.
    pub fn parse(
        from: Option<&str>,
        to: Option<&str>,
        tz: Option<&str>,
        now_ms: i64,
    ) -> Result<Self, String> {
        let tz: Tz = match tz {
            None | Some("") => Tz::UTC,
            Some(name) => name.parse().map_err(|_| {
                format!("`tz` must be an IANA time zone such as Europe/Berlin, not {name:?}")
            })?,
        };
        let today = DateTime::<Utc>::from_timestamp_millis(now_ms)
            .ok_or_else(|| "the server clock is out of range".to_string())?
            .with_timezone(&tz)
            .date_naive();
        let last = match to {
            None | Some("") => today,
            Some(value) => parse_day("to", value)?,
        };
        let first = match from {
            None | Some("") => last
                .checked_sub_days(Days::new(DEFAULT_DAYS - 1))
                .ok_or_else(|| "`to` is out of range".to_string())?,
            Some(value) => parse_day("from", value)?,
        };
        Self::days(first, last, tz)
    }

    /// The `count` local days ending on this window's last day ("the
    /// last 7 days"), 1 to [`MAX_DAYS`].
    pub fn last_days(&self, count: u64) -> Result<Self, String> {
        if !(1..=MAX_DAYS).contains(&count) {
            return Err(format!("`days` must be 1 to {MAX_DAYS}, not {count}"));
        }
        let first = self
            .last
            .checked_sub_days(Days::new(count - 1))
            .ok_or_else(|| "`days` reaches out of range".to_string())?;
        Self::days(first, self.last, self.tz)
    }

    /// How many local days the window holds.
    pub fn len_days(&self) -> u64 {
        (self.last - self.first).num_days().unsigned_abs() + 1
    }

    /// The same number of days immediately before this window.
    pub fn previous(&self) -> Self {
        let length = Days::new(self.len_days());
        let last = self.first.pred_opt().unwrap_or(self.first);
        let first = self.first.checked_sub_days(length).unwrap_or(last);
        Self::days(first, last, self.tz).unwrap_or(*self)
    }

    /// Every local day of the window, in order.
    pub fn each_day(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let last = self.last;
        self.first.iter_days().take_while(move |day| *day <= last)
    }

    /// The local day an instant falls on.
    pub fn day_of(&self, at_ms: i64) -> Option<NaiveDate> {
        DateTime::<Utc>::from_timestamp_millis(at_ms)
            .map(|at| at.with_timezone(&self.tz).date_naive())
    }
}

/// An instant as RFC 3339 UTC with milliseconds, e.g. `2026-11-21T08:40:00.000Z`.
pub fn iso_utc(at_ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(at_ms)
        .map(|at| at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    const HOUR: i64 = 3_600_000;

    #[test]
    fn the_last_n_days_end_on_the_windows_last_day() {
        let now = Utc
            .with_ymd_and_hms(2026, 3, 10, 12, 0, 0)
            .unwrap()
            .timestamp_millis();
        let window = Window::parse(None, None, Some("Europe/Berlin"), now).unwrap();
        let week = window.last_days(7).unwrap();
        assert_eq!(week.first.to_string(), "2026-03-04");
        assert_eq!(week.last.to_string(), "2026-03-10");
        assert_eq!(week.len_days(), 7);
        assert_eq!(window.last_days(1).unwrap().len_days(), 1);
        assert!(window.last_days(0).is_err());
        assert!(window.last_days(367).is_err());
    }

    #[test]
    fn instants_print_as_rfc3339_utc() {
        assert_eq!(iso_utc(1_795_250_400_123), "2026-11-21T08:40:00.123Z");
    }

    #[test]
    fn utc_days_are_24_hours_from_midnight() {
        let window = Window::days(day("2026-11-01"), day("2026-11-02"), Tz::UTC).unwrap();
        assert_eq!(window.from_ms, 1_793_491_200_000); // 2026-11-01T00:00:00Z
        assert_eq!(window.to_ms - window.from_ms, 48 * HOUR);
    }

    #[test]
    fn local_days_follow_the_zone_including_dst() {
        // Berlin leaves summer time on 2026-10-25: that day has 25 hours.
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let window = Window::days(day("2026-10-25"), day("2026-10-25"), berlin).unwrap();
        assert_eq!(window.to_ms - window.from_ms, 25 * HOUR);
        // It starts at 22:00 UTC the evening before.
        assert_eq!(
            window.from_ms,
            Window::days(day("2026-10-24"), day("2026-10-24"), Tz::UTC)
                .unwrap()
                .from_ms
                + 22 * HOUR
        );
    }

    #[test]
    fn a_midnight_that_does_not_exist_starts_the_day_at_the_jump() {
        // Santiago springs forward at 00:00 on 2026-09-06: the day starts at 01:00 local.
        let santiago: Tz = "America/Santiago".parse().unwrap();
        let window = Window::days(day("2026-09-06"), day("2026-09-06"), santiago).unwrap();
        assert_eq!(window.to_ms - window.from_ms, 23 * HOUR);
    }

    #[test]
    fn defaults_are_the_thirty_days_ending_today_in_utc() {
        let now = 1_795_250_400_000; // 2026-11-21T08:40:00Z
        let window = Window::parse(None, None, None, now).unwrap();
        assert_eq!(
            (window.first, window.last),
            (day("2026-10-23"), day("2026-11-21"))
        );
        assert_eq!(window.len_days(), 30);
        // In Tokyo (UTC+9) it is already the 21st too, in Honolulu still the 20th.
        let honolulu = Window::parse(None, None, Some("Pacific/Honolulu"), now).unwrap();
        assert_eq!(honolulu.last, day("2026-11-20"));
    }

    #[test]
    fn the_previous_period_has_the_same_length_and_ends_the_day_before() {
        let window = Window::days(day("2026-11-10"), day("2026-11-16"), Tz::UTC).unwrap();
        let previous = window.previous();
        assert_eq!(
            (previous.first, previous.last),
            (day("2026-11-03"), day("2026-11-09"))
        );
        assert_eq!(previous.to_ms, window.from_ms);
    }

    #[test]
    fn bad_parameters_say_what_is_wrong() {
        let now = 1_795_250_400_000;
        assert!(
            Window::parse(Some("21/11/2026"), None, None, now)
                .unwrap_err()
                .contains("from")
        );
        assert!(
            Window::parse(None, Some("tomorrow"), None, now)
                .unwrap_err()
                .contains("to")
        );
        assert!(
            Window::parse(None, None, Some("Mars/Olympus"), now)
                .unwrap_err()
                .contains("tz")
        );
        assert!(
            Window::parse(Some("2026-11-10"), Some("2026-11-01"), None, now)
                .unwrap_err()
                .contains("before")
        );
        assert!(
            Window::parse(Some("2020-01-01"), Some("2026-01-01"), None, now)
                .unwrap_err()
                .contains("366")
        );
    }

    #[test]
    fn every_bucket_start_falls_in_exactly_one_local_day() {
        let kathmandu: Tz = "Asia/Kathmandu".parse().unwrap(); // UTC+5:45
        let window = Window::days(day("2026-11-20"), day("2026-11-20"), kathmandu).unwrap();
        assert_eq!(window.from_ms % BUCKET_MS, 0);
        assert_eq!(window.day_of(window.from_ms), Some(day("2026-11-20")));
        assert_eq!(window.day_of(window.from_ms - 1), Some(day("2026-11-19")));
    }
}
