//! The aggregates behind the Compare section, read in one D1 batch from
//! the rollups per dimension and value that ingest keeps (migration 0016).
//! A window of local days always starts and ends on a 15-minute bucket
//! (every time zone's offset is a multiple of 15 minutes), so the rollups
//! count it exactly.

use analytics::Window;
use analytics::compare::{Dimension, ValueBucket, ValueCounts};
use serde::Deserialize;
use worker::{D1Database, Result};

use super::busy;
use super::{millis, text};

/// Dimensions listed at most: a site names its own keys.
pub const MAX_DIMENSIONS: u32 = 200;

/// Each value's thumbs in `[?3, ?4)` under dimension `?2`.
const THUMBS: &str = "SELECT value, sum(up) AS up, sum(down) AS down FROM thumb_compare_rollups \
     WHERE site_key = ?1 AND dimension = ?2 AND bucket_ms >= ?3 AND bucket_ms < ?4 GROUP BY value";

/// Each value's satisfaction in `[?3, ?4)` under dimension `?2`.
const CSAT: &str = "SELECT value, sum(offered) AS offered, sum(answered) AS answered, \
       sum(score_sum) AS score_sum FROM csat_compare_rollups \
     WHERE site_key = ?1 AND dimension = ?2 AND bucket_ms >= ?3 AND bucket_ms < ?4 GROUP BY value";

/// The thumbs of the values in the JSON array `?5`, per bucket.
const SERIES: &str = "SELECT value, bucket_ms AS start_ms, up, down FROM thumb_compare_rollups \
     WHERE site_key = ?1 AND dimension = ?2 AND bucket_ms >= ?3 AND bucket_ms < ?4 \
       AND value IN (SELECT value FROM json_each(?5))";

/// The dimensions with something in `[?2, ?3)`, in order: each found by
/// one seek of the rollups' key from the one before (not a scan of every
/// bucket), at most `?4`.
const DIMENSIONS: &str = "WITH RECURSIVE seen(dimension, n) AS ( \
       SELECT min(dimension), 1 FROM (SELECT min(dimension) AS dimension FROM thumb_compare_rollups \
         WHERE site_key = ?1 UNION ALL SELECT min(dimension) FROM csat_compare_rollups WHERE site_key = ?1) \
       UNION ALL \
       SELECT (SELECT min(next) FROM ( \
           SELECT min(dimension) AS next FROM thumb_compare_rollups WHERE site_key = ?1 AND dimension > seen.dimension \
           UNION ALL SELECT min(dimension) FROM csat_compare_rollups WHERE site_key = ?1 AND dimension > seen.dimension)), \
         n + 1 \
       FROM seen WHERE seen.dimension IS NOT NULL AND n < ?4) \
     SELECT dimension FROM seen WHERE dimension IS NOT NULL AND ( \
       EXISTS (SELECT 1 FROM thumb_compare_rollups t WHERE t.site_key = ?1 \
         AND t.dimension = seen.dimension AND t.bucket_ms >= ?2 AND t.bucket_ms < ?3) \
       OR EXISTS (SELECT 1 FROM csat_compare_rollups c WHERE c.site_key = ?1 \
         AND c.dimension = seen.dimension AND c.bucket_ms >= ?2 AND c.bucket_ms < ?3)) \
     ORDER BY dimension";

/// What the Compare section is computed from.
#[derive(Debug, Default)]
pub struct CompareCounts {
    /// Each value's thumbs and satisfaction, values from either side.
    pub values: Vec<ValueCounts>,
    /// The asked-for values' thumbs per bucket.
    pub buckets: Vec<ValueBucket>,
    /// Every dimension with something in the window.
    pub dimensions: Vec<String>,
}

#[derive(Deserialize)]
struct Thumbs {
    value: String,
    up: u64,
    down: u64,
}

#[derive(Deserialize)]
struct Csat {
    value: String,
    offered: u64,
    answered: u64,
    score_sum: u64,
}

#[derive(Deserialize)]
struct DimensionRow {
    dimension: String,
}

/// Reads `dimension`'s values in `window`, the buckets of `series`, and
/// which dimensions the window has.
pub async fn read(
    db: &D1Database,
    site_key: &str,
    window: &Window,
    dimension: &Dimension,
    series: &[String],
) -> Result<CompareCounts> {
    let name = dimension.as_text();
    let bounded = |sql: &str| {
        db.prepare(sql).bind(&[
            text(site_key),
            text(&name),
            millis(window.from_ms),
            millis(window.to_ms),
        ])
    };
    let results = busy::batch(
        db,
        vec![
            bounded(THUMBS)?,
            bounded(CSAT)?,
            db.prepare(SERIES).bind(&[
                text(site_key),
                text(&name),
                millis(window.from_ms),
                millis(window.to_ms),
                text(&serde_json::to_string(series)?),
            ])?,
            db.prepare(DIMENSIONS).bind(&[
                text(site_key),
                millis(window.from_ms),
                millis(window.to_ms),
                super::int(MAX_DIMENSIONS),
            ])?,
        ],
    )
    .await?;
    let rows = |at: usize| {
        results
            .get(at)
            .ok_or_else(|| worker::Error::RustError("a read of the batch is missing".into()))
    };
    let mut values: std::collections::BTreeMap<String, ValueCounts> = Default::default();
    for thumbs in rows(0)?.results::<Thumbs>()? {
        let entry = values.entry(thumbs.value.clone()).or_default();
        entry.value = thumbs.value;
        entry.up = thumbs.up;
        entry.down = thumbs.down;
    }
    for csat in rows(1)?.results::<Csat>()? {
        let entry = values.entry(csat.value.clone()).or_default();
        entry.value = csat.value;
        entry.offered = csat.offered;
        entry.answered = csat.answered;
        entry.score_sum = csat.score_sum;
    }
    Ok(CompareCounts {
        values: values.into_values().collect(),
        buckets: rows(2)?.results::<ValueBucket>()?,
        dimensions: rows(3)?
            .results::<DimensionRow>()?
            .into_iter()
            .map(|row| row.dimension)
            .collect(),
    })
}
