//! The aggregates behind the Overview, read in one D1 batch.

use analytics::{BUCKET_MS, CsatTotals, ScoreBucket, ThumbsTotals, Window};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, D1Result, Result};

use super::{millis, text};

/// CSAT counts of conversations offered the prompt in `[?2, ?3)`.
const CSAT_TOTALS: &str = "SELECT count(*) AS offered, \
       coalesce(sum(csat_score IS NOT NULL), 0) AS accepted, \
       coalesce(sum(csat_dismissed_at IS NOT NULL AND csat_score IS NULL), 0) AS denied, \
       coalesce(sum(csat_completed), 0) AS completed, \
       coalesce(sum(csat_score = 1), 0) AS s1, coalesce(sum(csat_score = 2), 0) AS s2, \
       coalesce(sum(csat_score = 3), 0) AS s3, coalesce(sum(csat_score = 4), 0) AS s4, \
       coalesce(sum(csat_score = 5), 0) AS s5 \
     FROM conversations WHERE site_key = ?1 AND csat_offered_at >= ?2 AND csat_offered_at < ?3";

/// Messages whose current thumb was given in `[?2, ?3)`.
const THUMBS_TOTALS: &str = "SELECT coalesce(sum(rating = 'up'), 0) AS up, \
       coalesce(sum(rating = 'down'), 0) AS down \
     FROM message_ratings WHERE site_key = ?1 AND at >= ?2 AND at < ?3";

fn score_buckets_sql() -> String {
    format!(
        "SELECT (csat_offered_at / {BUCKET_MS}) * {BUCKET_MS} AS start_ms, \
           count(*) AS rated, sum(csat_score) AS score_sum \
         FROM conversations WHERE site_key = ?1 AND csat_offered_at >= ?2 AND csat_offered_at < ?3 \
           AND csat_score IS NOT NULL \
         GROUP BY 1"
    )
}

#[derive(Deserialize)]
struct CsatRow {
    offered: u64,
    accepted: u64,
    denied: u64,
    completed: u64,
    s1: u64,
    s2: u64,
    s3: u64,
    s4: u64,
    s5: u64,
}

#[derive(Deserialize)]
struct ThumbsRow {
    up: u64,
    down: u64,
}

#[derive(Deserialize)]
struct BucketRow {
    start_ms: i64,
    rated: u64,
    score_sum: u64,
}

/// Everything the Overview needs for a window and the period before it.
pub struct OverviewData {
    /// CSAT counts in the window.
    pub csat: CsatTotals,
    /// Thumbs in the window.
    pub thumbs: ThumbsTotals,
    /// Rated conversations per 15 minutes in the window.
    pub buckets: Vec<ScoreBucket>,
    /// CSAT counts in the previous period.
    pub previous_csat: CsatTotals,
    /// Thumbs in the previous period.
    pub previous_thumbs: ThumbsTotals,
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

fn csat(row: Option<CsatRow>) -> CsatTotals {
    row.map_or_else(CsatTotals::default, |row| CsatTotals {
        offered: row.offered,
        accepted: row.accepted,
        denied: row.denied,
        completed: row.completed,
        distribution: [row.s1, row.s2, row.s3, row.s4, row.s5],
    })
}

fn thumbs(row: Option<ThumbsRow>) -> ThumbsTotals {
    row.map_or_else(ThumbsTotals::default, |row| ThumbsTotals {
        up: row.up,
        down: row.down,
    })
}

/// Reads the window's and the previous period's aggregates.
pub async fn read(db: &D1Database, site_key: &str, window: &Window) -> Result<OverviewData> {
    let previous = window.previous();
    let results = db
        .batch(vec![
            bounded(db, CSAT_TOTALS, site_key, window)?,
            bounded(db, THUMBS_TOTALS, site_key, window)?,
            bounded(db, &score_buckets_sql(), site_key, window)?,
            bounded(db, CSAT_TOTALS, site_key, &previous)?,
            bounded(db, THUMBS_TOTALS, site_key, &previous)?,
        ])
        .await?;
    let buckets = match results.get(2) {
        Some(result) => result.results::<BucketRow>()?,
        None => Vec::new(),
    };
    Ok(OverviewData {
        csat: csat(first(results.first())?),
        thumbs: thumbs(first(results.get(1))?),
        buckets: buckets
            .into_iter()
            .map(|row| ScoreBucket {
                start_ms: row.start_ms,
                rated: row.rated,
                score_sum: row.score_sum,
            })
            .collect(),
        previous_csat: csat(first(results.get(3))?),
        previous_thumbs: thumbs(first(results.get(4))?),
    })
}
