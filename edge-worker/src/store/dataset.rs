//! Rated answers read for the dataset export, by `ledger::dataset`.

use protocol::dataset::{AnswerCursor, DatasetFilter, RatedAnswer, RatedAnswerRow};
use serde::Deserialize;
use worker::{D1Database, Result};

use super::{bind, busy};

#[derive(Deserialize)]
struct JsonRow {
    json: String,
}

/// Up to `limit` rated answers rated in `bounds`, after `after`, in the
/// order of their key.
pub async fn page(
    db: &D1Database,
    site_key: &str,
    bounds: (i64, i64),
    filter: &DatasetFilter,
    after: Option<&AnswerCursor>,
    limit: u32,
) -> Result<Vec<RatedAnswer>> {
    let statement = ledger::dataset::page(site_key, bounds, filter, after, limit);
    let rows = busy::all(&bind(db, &statement)?)
        .await?
        .results::<JsonRow>()?;
    // Written by ingest from checked events: a row that does not read is
    // a fault, not shopper input.
    let mut lines = Vec::with_capacity(rows.len());
    for row in rows {
        let row: RatedAnswerRow = serde_json::from_str(&row.json)?;
        lines.extend(row.line());
    }
    Ok(lines)
}
