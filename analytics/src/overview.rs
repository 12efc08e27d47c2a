//! The Overview: a window's figures, its daily CSAT series and the
//! comparison with the previous period of the same length.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::compare::{Share, wilson};
use crate::figures::{CsatFigures, CsatTotals, ThumbsFigures, ThumbsTotals};
use crate::window::Window;

/// Rated conversations in one 15-minute bucket (see [`crate::BUCKET_MS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct ScoreBucket {
    /// Bucket start, unix ms (a multiple of the bucket size).
    pub start_ms: i64,
    /// Conversations scored in it.
    pub rated: u64,
    /// Sum of their scores.
    pub score_sum: u64,
}

/// One period's counts, as the store reads them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PeriodCounts {
    /// CSAT counts of the conversations offered the prompt in it.
    pub csat: CsatTotals,
    /// Thumbs given in it.
    pub thumbs: ThumbsTotals,
}

/// Satisfaction counts of one side of a hand-over: the conversations the
/// assistant handled alone, or those a person took over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoleCounts {
    /// Conversations offered the prompt.
    pub offered: u64,
    /// Of them, answered.
    pub answered: u64,
    /// The answers' scores, summed.
    pub score_sum: u64,
}

/// The window's satisfaction counts split by hand-over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HandOverCounts {
    /// Conversations the assistant handled alone.
    pub assistant: RoleCounts,
    /// Conversations handed over to a person.
    pub person: RoleCounts,
}

/// The review queue's counts for the Overview.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewCounts {
    /// Items open now.
    pub open: u64,
    /// Items reviewed in the window.
    pub reviewed: u64,
    /// The middle one or two of their waits (review time minus the time
    /// of the 👎 or answer), in ms.
    pub middle_waits_ms: Vec<i64>,
}

/// The Overview's review figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewFigures {
    /// Items open now.
    pub open: u64,
    /// Items reviewed in the period.
    pub reviewed: u64,
    /// The median time from a 👎 or low answer to its review, in ms, of
    /// the items reviewed in the period; `None` with none.
    pub median_wait_ms: Option<i64>,
}

impl ReviewFigures {
    /// The figures from the counts.
    pub fn of(counts: &ReviewCounts) -> Self {
        let middle = &counts.middle_waits_ms;
        let median_wait_ms = match middle.as_slice() {
            [one] => Some(*one),
            [low, high] => Some(low + (high - low) / 2),
            _ => None,
        };
        Self {
            open: counts.open,
            reviewed: counts.reviewed,
            median_wait_ms: median_wait_ms.filter(|_| counts.reviewed > 0),
        }
    }
}

/// Everything the Overview is computed from: a window's counts and its
/// rated conversations per bucket, and the previous period's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverviewCounts {
    /// The window.
    pub current: PeriodCounts,
    /// Rated conversations per 15 minutes in the window.
    pub buckets: Vec<ScoreBucket>,
    /// The period of the same length before it.
    pub previous: PeriodCounts,
    /// The window's satisfaction with and without a person.
    pub hand_over: HandOverCounts,
    /// The review queue.
    pub review: ReviewCounts,
}

/// One side of a hand-over's satisfaction.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RoleCsat {
    /// Conversations offered the prompt.
    pub offered: u64,
    /// Of them, answered.
    pub answered: u64,
    /// The answers' average score; `None` without answers.
    pub average: Option<f64>,
}

impl RoleCsat {
    fn of(counts: &RoleCounts) -> Self {
        // Counts are far below 2^52, where f64 is exact.
        #[allow(clippy::cast_precision_loss)]
        let average =
            (counts.answered > 0).then(|| counts.score_sum as f64 / counts.answered as f64);
        Self {
            offered: counts.offered,
            answered: counts.answered,
            average,
        }
    }
}

/// The Overview's "With a person" card: satisfaction of conversations the
/// assistant handled alone against those handed over to a person, and how
/// many were handed over. Counted over the conversations offered the
/// prompt in the window, as every satisfaction figure is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandOver {
    /// The assistant alone.
    pub assistant: RoleCsat,
    /// Handed over to a person.
    pub person: RoleCsat,
    /// Conversations handed over, of all offered the prompt, with its 95%
    /// interval; `None` when none was offered.
    pub handed_over: Option<Share>,
}

impl HandOver {
    /// The card's figures from the window's counts.
    pub fn of(counts: &HandOverCounts) -> Self {
        let offered = counts.assistant.offered + counts.person.offered;
        Self {
            assistant: RoleCsat::of(&counts.assistant),
            person: RoleCsat::of(&counts.person),
            handed_over: wilson(counts.person.offered, offered),
        }
    }
}

/// One day of "Customer satisfaction over time".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayPoint {
    /// The local date, `YYYY-MM-DD`.
    pub date: String,
    /// Conversations rated that day.
    pub rated: u64,
    /// Their average score; `None` on a day with none.
    pub average: Option<f64>,
}

/// One period's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodFigures {
    /// First local day.
    pub from: String,
    /// Last local day (inclusive).
    pub to: String,
    /// CSAT.
    pub csat: CsatFigures,
    /// Thumbs.
    pub thumbs: ThumbsFigures,
}

/// Current minus previous; `None` where either side has no value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deltas {
    /// Change of the average score, in points.
    pub csat_average: Option<f64>,
    /// Change of the response rate.
    pub response_rate: Option<f64>,
    /// Change of the net score.
    pub net_score: Option<f64>,
    /// Change of the 👍 count.
    pub thumbs_up: i64,
    /// Change of the 👎 count.
    pub thumbs_down: i64,
    /// Change of the 👍 share.
    pub thumbs_up_share: Option<f64>,
    /// Change of the 👎 share.
    pub thumbs_down_share: Option<f64>,
}

/// `GET /v1/sites/{site_key}/overview`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// The time zone days are counted in.
    pub tz: String,
    /// The window asked for.
    pub current: PeriodFigures,
    /// Average CSAT per local day of the window, every day present.
    pub daily: Vec<DayPoint>,
    /// The same number of days just before.
    pub previous: PeriodFigures,
    /// Current minus previous.
    pub deltas: Deltas,
    /// The window's satisfaction with and without a person.
    pub hand_over: HandOver,
    /// The review queue: open now, reviewed in the period, median wait.
    pub review: ReviewFigures,
}

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn difference(current: Option<f64>, previous: Option<f64>) -> Option<f64> {
    Some(current? - previous?)
}

fn count_change(current: u64, previous: u64) -> i64 {
    i64::try_from(current).unwrap_or(i64::MAX) - i64::try_from(previous).unwrap_or(i64::MAX)
}

/// The daily average series: every local day of `window`, fed by the
/// buckets that start inside it.
pub fn daily_average(window: &Window, buckets: &[ScoreBucket]) -> Vec<DayPoint> {
    let mut days: BTreeMap<NaiveDate, (u64, u64)> =
        window.each_day().map(|day| (day, (0, 0))).collect();
    for bucket in buckets {
        if bucket.start_ms < window.from_ms || bucket.start_ms >= window.to_ms {
            continue;
        }
        if let Some(totals) = window
            .day_of(bucket.start_ms)
            .and_then(|day| days.get_mut(&day))
        {
            totals.0 += bucket.rated;
            totals.1 += bucket.score_sum;
        }
    }
    days.into_iter()
        .map(|(day, (rated, score_sum))| DayPoint {
            date: day_text(day),
            rated,
            average: (rated > 0).then(|| score_sum as f64 / rated as f64),
        })
        .collect()
}

fn period(window: &Window, csat: &CsatTotals, thumbs: &ThumbsTotals) -> PeriodFigures {
    PeriodFigures {
        from: day_text(window.first),
        to: day_text(window.last),
        csat: csat.figures(),
        thumbs: thumbs.figures(),
    }
}

/// Assembles the Overview from the counts of `window` and of
/// `window.previous()`.
pub fn overview(window: &Window, counts: &OverviewCounts) -> Overview {
    let current = period(window, &counts.current.csat, &counts.current.thumbs);
    let previous = period(
        &window.previous(),
        &counts.previous.csat,
        &counts.previous.thumbs,
    );
    let deltas = Deltas {
        csat_average: difference(current.csat.average, previous.csat.average),
        response_rate: difference(current.csat.response_rate, previous.csat.response_rate),
        net_score: difference(current.csat.net_score, previous.csat.net_score),
        thumbs_up: count_change(current.thumbs.up, previous.thumbs.up),
        thumbs_down: count_change(current.thumbs.down, previous.thumbs.down),
        thumbs_up_share: difference(current.thumbs.up_share, previous.thumbs.up_share),
        thumbs_down_share: difference(current.thumbs.down_share, previous.thumbs.down_share),
    };
    Overview {
        tz: window.tz.name().to_string(),
        daily: daily_average(window, &counts.buckets),
        current,
        previous,
        deltas,
        hand_over: HandOver::of(&counts.hand_over),
        review: ReviewFigures::of(&counts.review),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Tz;

    const HOUR: i64 = 3_600_000;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn buckets_land_on_local_days_and_empty_days_have_no_average() {
        let tokyo: Tz = "Asia/Tokyo".parse().unwrap(); // UTC+9, no DST
        let window = Window::days(day("2026-11-01"), day("2026-11-03"), tokyo).unwrap();
        let buckets = [
            // 23:45 local on the 1st: the 1st.
            ScoreBucket {
                start_ms: window.from_ms + 23 * HOUR + 45 * 60_000,
                rated: 2,
                score_sum: 9,
            },
            // 00:00 local on the 2nd (15:00 UTC on the 1st): the 2nd.
            ScoreBucket {
                start_ms: window.from_ms + 24 * HOUR,
                rated: 1,
                score_sum: 1,
            },
            // Just before the window and at its end: ignored.
            ScoreBucket {
                start_ms: window.from_ms - 15 * 60_000,
                rated: 5,
                score_sum: 25,
            },
            ScoreBucket {
                start_ms: window.to_ms,
                rated: 5,
                score_sum: 25,
            },
        ];
        let series = daily_average(&window, &buckets);
        let points: Vec<_> = series
            .iter()
            .map(|p| (p.date.as_str(), p.rated, p.average))
            .collect();
        assert_eq!(
            points,
            [
                ("2026-11-01", 2, Some(4.5)),
                ("2026-11-02", 1, Some(1.0)),
                ("2026-11-03", 0, None)
            ]
        );
    }

    #[test]
    fn an_empty_period_has_no_deltas_but_counts_still_compare() {
        let window = Window::days(day("2026-11-08"), day("2026-11-14"), Tz::UTC).unwrap();
        let csat = CsatTotals {
            offered: 4,
            accepted: 2,
            denied: 1,
            completed: 2,
            distribution: [0, 0, 0, 1, 1],
        };
        let thumbs = ThumbsTotals { up: 6, down: 2 };
        let report = overview(
            &window,
            &OverviewCounts {
                current: PeriodCounts { csat, thumbs },
                ..OverviewCounts::default()
            },
        );
        assert_eq!(report.current.csat.average, Some(4.5));
        assert_eq!(report.previous.from, "2026-11-01");
        assert_eq!(report.previous.to, "2026-11-07");
        assert_eq!(report.deltas.csat_average, None);
        assert_eq!(report.deltas.thumbs_up, 6);
        assert_eq!(report.deltas.thumbs_down, 2);
        assert_eq!(report.daily.len(), 7);
        assert_eq!(report.tz, "UTC");
    }

    #[test]
    fn deltas_are_current_minus_previous() {
        let window = Window::days(day("2026-11-08"), day("2026-11-14"), Tz::UTC).unwrap();
        let now = CsatTotals {
            offered: 10,
            accepted: 5,
            denied: 0,
            completed: 5,
            distribution: [0, 0, 0, 0, 5],
        };
        let before = CsatTotals {
            offered: 10,
            accepted: 4,
            denied: 0,
            completed: 2,
            distribution: [2, 0, 0, 0, 2],
        };
        let report = overview(
            &window,
            &OverviewCounts {
                current: PeriodCounts {
                    csat: now,
                    thumbs: ThumbsTotals { up: 1, down: 3 },
                },
                buckets: Vec::new(),
                previous: PeriodCounts {
                    csat: before,
                    thumbs: ThumbsTotals { up: 2, down: 2 },
                },
                hand_over: HandOverCounts::default(),
                review: ReviewCounts::default(),
            },
        );
        assert_eq!(report.deltas.csat_average, Some(5.0 - 3.0));
        assert_eq!(report.deltas.response_rate, Some(0.5 - 0.2));
        assert_eq!(report.deltas.net_score, Some(1.0 - 0.0));
        assert_eq!(report.deltas.thumbs_up, -1);
        assert_eq!(report.deltas.thumbs_down_share, Some(0.75 - 0.5));
    }

    #[test]
    fn hand_over_splits_satisfaction_and_counts_the_share_handed_over() {
        let window = Window::days(day("2026-11-08"), day("2026-11-14"), Tz::UTC).unwrap();
        let hand_over = HandOverCounts {
            assistant: RoleCounts {
                offered: 30,
                answered: 12,
                score_sum: 54,
            },
            person: RoleCounts {
                offered: 10,
                answered: 4,
                score_sum: 10,
            },
        };
        let report = overview(
            &window,
            &OverviewCounts {
                hand_over,
                ..OverviewCounts::default()
            },
        );
        let card = report.hand_over;
        assert_eq!(card.assistant.average, Some(4.5));
        assert_eq!(card.assistant.answered, 12);
        assert_eq!(card.person.average, Some(2.5));
        assert_eq!(card.person.offered, 10);
        let share = card.handed_over.unwrap();
        assert_eq!((share.count, share.of, share.share), (10, 40, 0.25));
        assert!(share.low < 0.25 && share.high > 0.25);
    }

    #[test]
    fn the_median_wait_is_the_middle_one_or_between_the_middle_two() {
        let figures = |reviewed, middle: &[i64]| {
            ReviewFigures::of(&ReviewCounts {
                open: 4,
                reviewed,
                middle_waits_ms: middle.to_vec(),
            })
        };
        assert_eq!(figures(3, &[60_000]).median_wait_ms, Some(60_000));
        assert_eq!(figures(4, &[60_000, 120_000]).median_wait_ms, Some(90_000));
        assert_eq!(figures(0, &[]).median_wait_ms, None);
        assert_eq!(figures(0, &[]).open, 4);
    }

    #[test]
    fn hand_over_without_prompts_has_no_figures() {
        let card = HandOver::of(&HandOverCounts {
            person: RoleCounts {
                offered: 3,
                answered: 0,
                score_sum: 0,
            },
            ..HandOverCounts::default()
        });
        assert_eq!(card.assistant.average, None);
        assert_eq!(card.person.average, None);
        assert_eq!(card.person.offered, 3);
        assert_eq!(card.handed_over.map(|share| share.share), Some(1.0));
    }
}
