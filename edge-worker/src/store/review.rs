//! Review items (migration 0017) read and written for the review routes,
//! by the statements of `ledger::review`.

use ledger::review::{QueueFilter, ReviewCursor, Reviewer};
use protocol::review::{Review, ReviewItem, ReviewRow};
use worker::{D1Database, Result};

use super::{bind, busy};

async fn items(db: &D1Database, statement: &ledger::Statement) -> Result<Vec<ReviewItem>> {
    let rows = busy::all(&bind(db, statement)?)
        .await?
        .results::<ReviewRow>()?;
    Ok(rows.into_iter().map(ReviewRow::item).collect())
}

/// Up to `limit` items of the queue after `cursor`, newest first.
pub async fn page(
    db: &D1Database,
    site_key: &str,
    filter: &QueueFilter,
    cursor: Option<&ReviewCursor>,
    limit: u32,
) -> Result<Vec<ReviewItem>> {
    items(db, &ledger::review::page(site_key, filter, cursor, limit)).await
}

/// One item, by id.
pub async fn item(db: &D1Database, site_key: &str, item_id: &str) -> Result<Option<ReviewItem>> {
    Ok(items(db, &ledger::review::item(site_key, item_id))
        .await?
        .into_iter()
        .next())
}

/// The items of one conversation, oldest first.
pub async fn of_conversation(
    db: &D1Database,
    site_key: &str,
    conversation_id: &str,
) -> Result<Vec<ReviewItem>> {
    items(
        db,
        &ledger::review::of_conversation(site_key, conversation_id),
    )
    .await
}

/// Writes `review` if the item is still at `version`: the item as stored,
/// or `None` when it is gone or changed since.
pub async fn write(
    db: &D1Database,
    site_key: &str,
    item_id: &str,
    version: u32,
    review: &Review,
    reviewer: &Reviewer<'_>,
) -> Result<Option<ReviewItem>> {
    Ok(items(
        db,
        &ledger::review::write(site_key, item_id, version, review, reviewer),
    )
    .await?
    .into_iter()
    .next())
}
