//! The Compare section: for each value of one dimension (a model, a prompt
//! version, a variant, a page, a locale, the assistant against a person),
//! its thumbs and its satisfaction in the window. Each share comes with
//! its count and a 95% Wilson interval, so that a value with 7 ratings
//! does not outrank one with 7,000; values are sorted by 👎 share, and one
//! with fewer than [`FEW_RATINGS`] ratings is marked. A daily series shows
//! up to two values side by side.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::window::Window;

/// Fewer ratings than this and a value's shares are marked as uncertain.
pub const FEW_RATINGS: u64 = 30;

/// Values a daily series shows at most.
pub const MAX_SERIES: usize = 2;

/// The normal quantile for a two-sided 95% interval.
const Z_95: f64 = 1.959_963_984_540_054;

/// What the comparison is by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dimension {
    /// A provenance key: a thumb's message `meta`, a conversation's `context`.
    Key(String),
    /// The shopper's locale.
    Locale,
    /// The page's path.
    Page,
    /// The assistant against a person (thumbs by who wrote the message;
    /// satisfaction by whether the conversation was handed over).
    Role,
}

impl Dimension {
    /// `key:<name>`, `locale`, `page` or `role`, as the rollups store it;
    /// `None` for anything else. A key's name keeps the rules of `meta`,
    /// and one ending in `_id` is not compared (`meta::is_compared`).
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "locale" => Some(Self::Locale),
            "page" => Some(Self::Page),
            "role" => Some(Self::Role),
            _ => {
                let name = text.strip_prefix("key:")?;
                protocol::meta::is_compared(name).then(|| Self::Key(name.to_string()))
            }
        }
    }

    /// The inbox's filter for one value of this dimension ("Open in
    /// inbox"): the conversations where the value was seen; `None` for a
    /// role that is not one.
    pub fn inbox_filter(&self, value: &str) -> Option<protocol::InboxFilter> {
        let mut filter = protocol::InboxFilter::default();
        match self {
            Self::Key(name) => filter.meta = Some((name.clone(), value.to_string())),
            Self::Locale => filter.locale = Some(value.to_string()),
            Self::Page => filter.page = Some(value.to_string()),
            Self::Role => {
                filter.role = Some(match value {
                    "assistant" => protocol::event::RatedRole::Assistant,
                    "agent" => protocol::event::RatedRole::Agent,
                    _ => return None,
                });
            }
        }
        Some(filter)
    }

    /// The stored name.
    pub fn as_text(&self) -> String {
        match self {
            Self::Key(name) => format!("key:{name}"),
            Self::Locale => "locale".into(),
            Self::Page => "page".into(),
            Self::Role => "role".into(),
        }
    }
}

/// A share of a count: how many of how many, and its 95% Wilson interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// How many.
    pub count: u64,
    /// Of how many.
    pub of: u64,
    /// `count / of`.
    pub share: f64,
    /// The interval's lower end.
    pub low: f64,
    /// The interval's upper end.
    pub high: f64,
}

/// `count` of `of` with its 95% Wilson score interval; `None` of nothing.
pub fn wilson(count: u64, of: u64) -> Option<Share> {
    if of == 0 {
        return None;
    }
    let count = count.min(of);
    // Counts are far below 2^52, where f64 is exact.
    #[allow(clippy::cast_precision_loss)]
    let (k, n) = (count as f64, of as f64);
    let p = k / n;
    let z2 = Z_95 * Z_95;
    let denominator = 1.0 + z2 / n;
    let center = (p + z2 / (2.0 * n)) / denominator;
    let half = Z_95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    Some(Share {
        count,
        of,
        share: p,
        // Exactly 0 and 1 at the ends, where rounding would leave a hair.
        low: if count == 0 {
            0.0
        } else {
            (center - half).max(0.0)
        },
        high: if count == of {
            1.0
        } else {
            (center + half).min(1.0)
        },
    })
}

/// One value's counts in the window, as the store sums its buckets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ValueCounts {
    /// The value, as text.
    pub value: String,
    /// Messages whose current thumb is 👍.
    pub up: u64,
    /// Messages whose current thumb is 👎.
    pub down: u64,
    /// Conversations offered the satisfaction prompt.
    pub offered: u64,
    /// Of them, answered.
    pub answered: u64,
    /// The answers' scores, summed.
    pub score_sum: u64,
}

/// One row of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareRow {
    /// The value.
    pub value: String,
    /// Thumbs given (👍 + 👎).
    pub ratings: u64,
    /// 👍 share, with its interval; `None` without ratings.
    pub up: Option<Share>,
    /// 👎 share, with its interval; `None` without ratings.
    pub down: Option<Share>,
    /// Conversations offered the satisfaction prompt.
    pub offered: u64,
    /// Average score of the answers; `None` without answers.
    pub csat_average: Option<f64>,
    /// Answered of offered, with its interval; `None` when none was offered.
    pub response_rate: Option<Share>,
    /// Fewer than [`FEW_RATINGS`] ratings: its shares say little yet.
    pub few: bool,
}

impl CompareRow {
    /// The row of one value's counts.
    pub fn of(counts: &ValueCounts) -> Self {
        let ratings = counts.up + counts.down;
        #[allow(clippy::cast_precision_loss)]
        let csat_average =
            (counts.answered > 0).then(|| counts.score_sum as f64 / counts.answered as f64);
        Self {
            value: counts.value.clone(),
            ratings,
            up: wilson(counts.up, ratings),
            down: wilson(counts.down, ratings),
            offered: counts.offered,
            csat_average,
            response_rate: wilson(counts.answered, counts.offered),
            few: ratings < FEW_RATINGS,
        }
    }
}

/// The comparison's rows: by 👎 share, highest first (values without
/// thumbs last), then by ratings, most first, then by value.
pub fn rows(counts: &[ValueCounts]) -> Vec<CompareRow> {
    let mut rows: Vec<CompareRow> = counts.iter().map(CompareRow::of).collect();
    rows.sort_by(|a, b| {
        let share = |row: &CompareRow| row.down.map(|down| down.share);
        share(b)
            .partial_cmp(&share(a))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(b.ratings.cmp(&a.ratings))
            .then(a.value.cmp(&b.value))
    });
    rows
}

/// One value's thumbs in one 15-minute bucket, for the daily series.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ValueBucket {
    /// The value.
    pub value: String,
    /// Bucket start, unix ms.
    pub start_ms: i64,
    /// 👍 in it.
    pub up: u64,
    /// 👎 in it.
    pub down: u64,
}

/// One local day of a value's series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesDay {
    /// The local date, `YYYY-MM-DD`.
    pub date: String,
    /// 👍 that day.
    pub up: u64,
    /// 👎 that day.
    pub down: u64,
}

/// One value's daily series over the window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// The value.
    pub value: String,
    /// Every day of the window, in order, days without thumbs included.
    pub days: Vec<SeriesDay>,
}

/// The daily series of `values` (at most [`MAX_SERIES`], in the order
/// given) from their buckets, in the window's time zone.
pub fn series(window: &Window, values: &[String], buckets: &[ValueBucket]) -> Vec<Series> {
    values
        .iter()
        .take(MAX_SERIES)
        .map(|value| {
            let mut days: BTreeMap<_, (u64, u64)> =
                window.each_day().map(|day| (day, (0, 0))).collect();
            for bucket in buckets.iter().filter(|bucket| bucket.value == *value) {
                if let Some(day) = window.day_of(bucket.start_ms)
                    && let Some((up, down)) = days.get_mut(&day)
                {
                    *up += bucket.up;
                    *down += bucket.down;
                }
            }
            Series {
                value: value.clone(),
                days: days
                    .into_iter()
                    .map(|(day, (up, down))| SeriesDay {
                        date: day.format("%Y-%m-%d").to_string(),
                        up,
                        down,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The answer of `GET /v1/sites/{site_key}/compare`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// What it is by (`key:model`, `locale`, `page`, `role`).
    pub dimension: String,
    /// First local day.
    pub from: String,
    /// Last local day (inclusive).
    pub to: String,
    /// The IANA time zone the days were counted in.
    pub tz: String,
    /// Every dimension with feedback in the window, for the picker.
    pub dimensions: Vec<String>,
    /// One row per value seen in the window.
    pub rows: Vec<CompareRow>,
    /// The daily series asked for.
    pub series: Vec<Series>,
}

#[cfg(test)]
mod tests {
    // A failed unwrap in a test is a failed test.
    #![allow(clippy::unwrap_used, clippy::float_cmp)]

    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn wilson_intervals_match_the_textbook() {
        let seven = wilson(7, 10).unwrap();
        assert!(close(seven.share, 0.7));
        assert!(close(seven.low, 0.396_778_147_461_145_4), "{seven:?}");
        assert!(close(seven.high, 0.892_208_732_593_698_9), "{seven:?}");
        let many = wilson(7_000, 10_000).unwrap();
        assert!(close(many.low, 0.690_942_913_246_264_6), "{many:?}");
        assert!(close(many.high, 0.708_903_487_405_464_7), "{many:?}");
        let none = wilson(0, 7).unwrap();
        assert_eq!(none.low, 0.0);
        assert!(close(none.high, 0.354_330_435_066_687_4));
        assert_eq!(wilson(1, 1).unwrap().high, 1.0);
        assert_eq!(wilson(0, 0), None);
    }

    #[test]
    fn rows_sort_by_the_share_of_thumbs_down_and_mark_values_with_few_ratings() {
        let counts = |value: &str, up, down| ValueCounts {
            value: value.into(),
            up,
            down,
            ..ValueCounts::default()
        };
        let rows = rows(&[
            counts("gpt-4o", 6_000, 1_000),
            counts("o3", 4, 3),
            counts("mini", 700, 300),
            counts("silent", 0, 0),
        ]);
        let order: Vec<&str> = rows.iter().map(|row| row.value.as_str()).collect();
        assert_eq!(order, ["o3", "mini", "gpt-4o", "silent"]);
        assert!(rows[0].few && !rows[1].few && !rows[2].few && rows[3].few);
        // The 7-rating value's interval is wide; the 7,000's narrow.
        let width = |row: &CompareRow| row.down.map(|down| down.high - down.low).unwrap();
        assert!(width(&rows[0]) > 0.5 && width(&rows[2]) < 0.02);
        assert_eq!(rows[3].down, None);
    }

    #[test]
    fn satisfaction_where_it_applies() {
        let row = CompareRow::of(&ValueCounts {
            value: "b".into(),
            offered: 4,
            answered: 3,
            score_sum: 13,
            ..ValueCounts::default()
        });
        assert!(close(row.csat_average.unwrap(), 13.0 / 3.0));
        assert_eq!(row.response_rate.unwrap().count, 3);
        assert_eq!(row.ratings, 0);
        let none = CompareRow::of(&ValueCounts::default());
        assert_eq!((none.csat_average, none.response_rate), (None, None));
    }

    #[test]
    fn dimensions_round_trip_and_refuse_what_a_key_cannot_be() {
        for text in ["key:model", "key:prompt_version", "locale", "page", "role"] {
            assert_eq!(Dimension::parse(text).unwrap().as_text(), text);
        }
        for text in [
            "key:",
            "key:Model",
            "key:a.b",
            "model",
            "",
            "key:a b",
            "key:trace_id",
        ] {
            assert_eq!(Dimension::parse(text), None, "{text}");
        }
    }

    #[test]
    fn each_value_opens_the_inbox_on_its_own_filter() {
        let query = |dimension: &str, value: &str| {
            Dimension::parse(dimension)
                .and_then(|dimension| dimension.inbox_filter(value))
                .map(|filter| filter.to_query())
        };
        assert_eq!(
            query("key:model", "gpt-4o").as_deref(),
            Some("meta.model=gpt-4o&")
        );
        assert_eq!(query("locale", "de").as_deref(), Some("locale=de&"));
        assert_eq!(query("page", "/cart").as_deref(), Some("page=%2Fcart&"));
        assert_eq!(query("role", "agent").as_deref(), Some("role=agent&"));
        assert_eq!(
            query("role", "assistant").as_deref(),
            Some("role=assistant&")
        );
        assert_eq!(query("role", "system"), None);
    }

    #[test]
    fn a_series_counts_each_local_day_and_keeps_empty_ones() {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let window = Window::days(day(28), day(30), "Europe/Berlin".parse().unwrap()).unwrap();
        // 2026-03-28 23:30 UTC is already the 29th in Berlin.
        let at = |text: &str| {
            chrono::DateTime::parse_from_rfc3339(text)
                .unwrap()
                .timestamp_millis()
        };
        let buckets = [
            ValueBucket {
                value: "a".into(),
                start_ms: at("2026-03-28T10:00:00Z"),
                up: 2,
                down: 1,
            },
            ValueBucket {
                value: "a".into(),
                start_ms: at("2026-03-28T23:30:00Z"),
                up: 1,
                down: 0,
            },
            ValueBucket {
                value: "b".into(),
                start_ms: at("2026-03-28T10:00:00Z"),
                up: 5,
                down: 5,
            },
        ];
        let series = series(&window, &["a".into(), "b".into(), "c".into()], &buckets);
        assert_eq!(series.len(), MAX_SERIES);
        let a: Vec<(String, u64, u64)> = series[0]
            .days
            .iter()
            .map(|day| (day.date.clone(), day.up, day.down))
            .collect();
        assert_eq!(
            a,
            [
                ("2026-03-28".into(), 2, 1),
                ("2026-03-29".into(), 1, 0),
                ("2026-03-30".into(), 0, 0)
            ]
        );
        assert_eq!(series[1].days[0].down, 5);
    }
}
