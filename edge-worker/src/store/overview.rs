//! The aggregates behind the Overview, read in one D1 batch from the
//! 15-minute rollups that ingest keeps (migration 0010).

use analytics::{
    BUCKET_MS, CsatTotals, HandOverCounts, OverviewCounts, PeriodCounts, ReviewCounts, RoleCounts,
    ScoreBucket, Window,
};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, D1Result, Result};

use super::busy;
use super::{millis, text};

/// CSAT counts of conversations offered the prompt in `[?2, ?3)`, as an
/// [`CsatTotals`] in JSON (its score distribution is an array), from the
/// rollups (migration 0010): exact for a window on bucket boundaries.
const CSAT_TOTALS: &str = "SELECT json_object('offered', coalesce(sum(offered), 0), \
       'accepted', coalesce(sum(accepted), 0), 'denied', coalesce(sum(denied), 0), \
       'completed', coalesce(sum(completed), 0), \
       'distribution', json_array(coalesce(sum(score_1), 0), coalesce(sum(score_2), 0), \
         coalesce(sum(score_3), 0), coalesce(sum(score_4), 0), coalesce(sum(score_5), 0))) AS json \
     FROM csat_rollups WHERE site_key = ?1 AND bucket_ms >= ?2 AND bucket_ms < ?3";

/// Messages whose current thumb was given in `[?2, ?3)`, from the rollups.
const THUMBS_TOTALS: &str = "SELECT coalesce(sum(up), 0) AS up, coalesce(sum(down), 0) AS down \
     FROM thumb_rollups WHERE site_key = ?1 AND bucket_ms >= ?2 AND bucket_ms < ?3";

/// Rated conversations per bucket in `[?2, ?3)`, from the rollups.
const SCORE_BUCKETS: &str = "SELECT bucket_ms AS start_ms, accepted AS rated, \
       score_1 + 2 * score_2 + 3 * score_3 + 4 * score_4 + 5 * score_5 AS score_sum \
     FROM csat_rollups WHERE site_key = ?1 AND bucket_ms >= ?2 AND bucket_ms < ?3 AND accepted > 0";

/// Satisfaction of conversations offered the prompt in `[?2, ?3)`, by
/// whether a person took over (`agent`) or not (`assistant`), from the
/// rollups per dimension (migration 0016).
const HAND_OVER: &str = "SELECT value, sum(offered) AS offered, sum(answered) AS answered, \
       sum(score_sum) AS score_sum FROM csat_compare_rollups \
     WHERE site_key = ?1 AND dimension = 'role' AND bucket_ms >= ?2 AND bucket_ms < ?3 GROUP BY value";

/// Review items open now, as the triggers of migration 0018 count them
/// (`?2`, `?3` unused: the queue has no window).
const OPEN_ITEMS: &str = "SELECT coalesce((SELECT open FROM review_open_counts \
       WHERE site_key = ?1), 0) AS n WHERE ?2 IS NOT NULL AND ?3 IS NOT NULL";

/// Items reviewed in `[?2, ?3)`.
const REVIEWED_ITEMS: &str = "SELECT count(*) AS n FROM review_items \
     WHERE site_key = ?1 AND reviewed_at >= ?2 AND reviewed_at < ?3";

/// The middle one (odd count) or two (even) of their waits, by the index
/// on `(site_key, reviewed_at)`.
const MIDDLE_WAITS: &str = "WITH waits AS (SELECT reviewed_at - opened_at AS wait_ms \
       FROM review_items WHERE site_key = ?1 AND reviewed_at >= ?2 AND reviewed_at < ?3) \
     SELECT wait_ms FROM waits ORDER BY wait_ms \
     LIMIT 2 - (SELECT count(*) FROM waits) % 2 OFFSET (SELECT (count(*) - 1) / 2 FROM waits)";

/// The same figures counted from the rows, for a window that does
/// not start and end on bucket boundaries (no time zone today has one).
mod rows {
    use analytics::BUCKET_MS;

    pub const CSAT_TOTALS: &str = "SELECT json_object('offered', count(*), \
           'accepted', coalesce(sum(csat_score IS NOT NULL), 0), \
           'denied', coalesce(sum(csat_dismissed_at IS NOT NULL AND csat_score IS NULL), 0), \
           'completed', coalesce(sum(csat_completed), 0), \
           'distribution', json_array(coalesce(sum(csat_score = 1), 0), \
             coalesce(sum(csat_score = 2), 0), coalesce(sum(csat_score = 3), 0), \
             coalesce(sum(csat_score = 4), 0), coalesce(sum(csat_score = 5), 0))) AS json \
         FROM conversations WHERE site_key = ?1 AND csat_offered_at >= ?2 AND csat_offered_at < ?3";

    pub const THUMBS_TOTALS: &str = "SELECT coalesce(sum(rating = 'up'), 0) AS up, \
           coalesce(sum(rating = 'down'), 0) AS down \
         FROM message_ratings WHERE site_key = ?1 AND at >= ?2 AND at < ?3";

    pub const HAND_OVER: &str = "SELECT iif(handed_over, 'agent', 'assistant') AS value, \
           count(*) AS offered, coalesce(sum(csat_score IS NOT NULL), 0) AS answered, \
           coalesce(sum(csat_score), 0) AS score_sum \
         FROM conversations WHERE site_key = ?1 AND csat_offered_at >= ?2 AND csat_offered_at < ?3 \
         GROUP BY 1";

    pub fn score_buckets() -> String {
        format!(
            "SELECT (csat_offered_at / {BUCKET_MS}) * {BUCKET_MS} AS start_ms, \
               count(*) AS rated, sum(csat_score) AS score_sum \
             FROM conversations WHERE site_key = ?1 AND csat_offered_at >= ?2 AND csat_offered_at < ?3 \
               AND csat_score IS NOT NULL \
             GROUP BY 1"
        )
    }
}

/// Whether `window` starts and ends on bucket boundaries, so the rollups
/// count it exactly.
fn on_buckets(window: &Window) -> bool {
    window.from_ms % BUCKET_MS == 0 && window.to_ms % BUCKET_MS == 0
}

/// A row that is one JSON value.
#[derive(Deserialize)]
struct JsonRow {
    json: String,
}

fn bounded(
    db: &D1Database,
    sql: &str,
    site_key: &str,
    window: &Window,
) -> Result<D1PreparedStatement> {
    db.prepare(sql)
        .bind(&[text(site_key), millis(window.from_ms), millis(window.to_ms)])
}

fn first<T: for<'a> Deserialize<'a>>(result: Option<&D1Result>) -> Result<Option<T>> {
    Ok(match result {
        Some(result) => result.results::<T>()?.into_iter().next(),
        None => None,
    })
}

/// A count.
#[derive(Deserialize)]
struct Count {
    n: u64,
}

/// One wait, in ms.
#[derive(Deserialize)]
struct Wait {
    wait_ms: i64,
}

/// One side of a hand-over, as read.
#[derive(Deserialize)]
struct RoleRow {
    value: String,
    offered: u64,
    answered: u64,
    score_sum: u64,
}

fn hand_over(result: Option<&D1Result>) -> Result<HandOverCounts> {
    let mut counts = HandOverCounts::default();
    if let Some(result) = result {
        for row in result.results::<RoleRow>()? {
            let side = RoleCounts {
                offered: row.offered,
                answered: row.answered,
                score_sum: row.score_sum,
            };
            match row.value.as_str() {
                "agent" => counts.person = side,
                _ => counts.assistant = side,
            }
        }
    }
    Ok(counts)
}

fn csat(row: Option<JsonRow>) -> Result<CsatTotals> {
    match row {
        Some(row) => Ok(serde_json::from_str(&row.json)?),
        None => Ok(CsatTotals::default()),
    }
}

/// Reads the window's and the previous period's counts.
pub async fn read(db: &D1Database, site_key: &str, window: &Window) -> Result<OverviewCounts> {
    let previous = window.previous();
    let row_buckets;
    let (csat_sql, thumbs_sql, buckets_sql, hand_over_sql) =
        if on_buckets(window) && on_buckets(&previous) {
            (CSAT_TOTALS, THUMBS_TOTALS, SCORE_BUCKETS, HAND_OVER)
        } else {
            row_buckets = rows::score_buckets();
            (
                rows::CSAT_TOTALS,
                rows::THUMBS_TOTALS,
                row_buckets.as_str(),
                rows::HAND_OVER,
            )
        };
    let results = busy::batch(
        db,
        vec![
            bounded(db, csat_sql, site_key, window)?,
            bounded(db, thumbs_sql, site_key, window)?,
            bounded(db, buckets_sql, site_key, window)?,
            bounded(db, csat_sql, site_key, &previous)?,
            bounded(db, thumbs_sql, site_key, &previous)?,
            bounded(db, hand_over_sql, site_key, window)?,
            bounded(db, OPEN_ITEMS, site_key, window)?,
            bounded(db, REVIEWED_ITEMS, site_key, window)?,
            bounded(db, MIDDLE_WAITS, site_key, window)?,
        ],
    )
    .await?;
    let buckets = match results.get(2) {
        Some(result) => result.results::<ScoreBucket>()?,
        None => Vec::new(),
    };
    Ok(OverviewCounts {
        current: PeriodCounts {
            csat: csat(first(results.first())?)?,
            thumbs: first(results.get(1))?.unwrap_or_default(),
        },
        buckets,
        previous: PeriodCounts {
            csat: csat(first(results.get(3))?)?,
            thumbs: first(results.get(4))?.unwrap_or_default(),
        },
        hand_over: hand_over(results.get(5))?,
        review: ReviewCounts {
            open: first::<Count>(results.get(6))?.map_or(0, |count| count.n),
            reviewed: first::<Count>(results.get(7))?.map_or(0, |count| count.n),
            middle_waits_ms: match results.get(8) {
                Some(result) => result
                    .results::<Wait>()?
                    .into_iter()
                    .map(|wait| wait.wait_ms)
                    .collect(),
                None => Vec::new(),
            },
        },
    })
}
