//! Rated answers read for the dataset export, by `ledger::dataset`.

use ledger::archive::reading::Slice;
use protocol::dataset::{AnswerCursor, DatasetFilter, RatedAnswer, RatedAnswerRow};
use serde::Deserialize;
use worker::{D1Database, Result};

use super::{bind, busy};

#[derive(Deserialize)]
struct JsonRow {
    json: String,
}

/// Up to `limit` rated answers rated in `bounds`, after `after`, in the
/// order of their key: of D1's rows, or of an archived chunk's `slice`.
pub async fn page(
    db: &D1Database,
    site_key: &str,
    (bounds, filter): ((i64, i64), &DatasetFilter),
    (after, slice): (Option<&AnswerCursor>, Option<&Slice>),
    limit: u32,
) -> Result<Vec<RatedAnswer>> {
    let mut statement = ledger::dataset::page(site_key, bounds, filter, after, limit);
    if let Some(slice) = slice {
        statement = ledger::archive::reading::over_slice(statement, slice);
    }
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
