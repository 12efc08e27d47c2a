//! The period every section shows: the last 7, 30 or 90 days, or a custom
//! range of dates; counted in the site's time zone by the collector.

// A date is `YYYY-MM-DD`, what `<input type=date>` gives.
use protocol::read_api::is_date;

/// A window of days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Period {
    /// The last N days, today included.
    Last(u32),
    /// From one local date to another, both included (`YYYY-MM-DD`).
    Custom {
        /// First day.
        from: String,
        /// Last day.
        to: String,
    },
}

impl Default for Period {
    fn default() -> Self {
        Self::Last(30)
    }
}

impl Period {
    /// A custom range, if both are dates and `from` is not after `to`.
    pub fn custom(from: &str, to: &str) -> Option<Self> {
        // ISO dates order as text.
        (is_date(from) && is_date(to) && from <= to).then(|| Self::Custom {
            from: from.to_string(),
            to: to.to_string(),
        })
    }

    /// The query parameters the read API takes for this period.
    pub fn query(&self) -> String {
        match self {
            Self::Last(days) => format!("days={days}"),
            Self::Custom { from, to } => format!("from={from}&to={to}"),
        }
    }

    /// The period whose [`query`](Self::query) is `query`, read back; how
    /// a section that is a wasm of its own is told the dashboard's period.
    pub fn from_query(query: &str) -> Option<Self> {
        if let Some(days) = query.strip_prefix("days=") {
            // Digits alone: `u32`'s parser also takes a leading `+`.
            return days
                .bytes()
                .all(|byte| byte.is_ascii_digit())
                .then(|| days.parse().ok())
                .flatten()
                .filter(|days| *days > 0)
                .map(Self::Last);
        }
        let (from, to) = query.strip_prefix("from=")?.split_once("&to=")?;
        Self::custom(from, to)
    }

    /// The value of the period `<select>` that shows this period.
    pub fn choice(&self) -> String {
        match self {
            Self::Last(days) => days.to_string(),
            Self::Custom { .. } => "custom".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_become_the_read_apis_query() {
        assert_eq!(Period::Last(7).query(), "days=7");
        assert_eq!(
            Period::custom("2026-01-01", "2026-01-31").unwrap().query(),
            "from=2026-01-01&to=2026-01-31"
        );
        assert_eq!(Period::default().choice(), "30");
    }

    #[test]
    fn a_query_reads_back_as_its_period() {
        for period in [
            Period::Last(7),
            Period::Last(90),
            Period::custom("2026-01-01", "2026-01-31").unwrap(),
        ] {
            assert_eq!(Period::from_query(&period.query()), Some(period));
        }
        for bad in [
            "",
            "days=",
            "days=0",
            "days=+7",
            "days=-1",
            "days=7x",
            "weeks=2",
            "from=2026-01-02&to=2026-01-01",
            "from=2026-01-01",
            "to=2026-01-01&from=2026-01-01",
        ] {
            assert_eq!(Period::from_query(bad), None, "{bad}");
        }
    }

    #[test]
    fn custom_ranges_need_two_dates_in_order() {
        assert!(Period::custom("2026-02-01", "2026-02-01").is_some());
        assert!(Period::custom("2026-02-02", "2026-02-01").is_none());
        assert!(Period::custom("2026-2-1", "2026-02-01").is_none());
        assert!(Period::custom("", "2026-02-01").is_none());
        assert!(Period::custom("2026-02-01&x=1", "2026-02-01").is_none());
    }
}
