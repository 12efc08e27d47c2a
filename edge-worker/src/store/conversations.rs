//! Reading conversations for the site owner.

use ledger::archive::reading::Slice;
use protocol::{ConversationRow, Cursor, InboxFilter};
use worker::{D1Database, Result};

use super::busy;
use super::{bind, text};

pub use ledger::conversations::CONVERSATION_COLUMNS;

/// One conversation's row, if it exists.
pub async fn find(
    db: &D1Database,
    site_key: &str,
    conversation_id: &str,
) -> Result<Option<ConversationRow>> {
    busy::first::<ConversationRow>(
        &db.prepare(format!(
            "SELECT {CONVERSATION_COLUMNS} FROM conversations \
             WHERE site_key = ?1 AND conversation_id = ?2"
        ))
        .bind(&[text(site_key), text(conversation_id)])?,
    )
    .await
}

/// Up to `limit` conversations last active in `[from_ms, to_ms)`, most
/// recent first, after `cursor`, with what the inbox shows of them
/// (`ledger::conversations::page`).
pub async fn page(
    db: &D1Database,
    site_key: &str,
    bounds: (i64, i64),
    filter: &InboxFilter,
    cursor: Option<&Cursor>,
    limit: u32,
) -> Result<Vec<ConversationRow>> {
    let statement = ledger::conversations::page(site_key, bounds, filter, cursor, limit);
    busy::all(&bind(db, &statement)?)
        .await?
        .results::<ConversationRow>()
}

/// Up to `limit` conversations last active in `[from_ms, to_ms)`, in
/// conversation id order, after the id `after`: the export's pages
/// (`ledger::conversations::export_page`), of D1's rows or of an archived
/// chunk's `slice`.
pub async fn export_page(
    db: &D1Database,
    site_key: &str,
    (bounds, filter): ((i64, i64), &InboxFilter),
    (after, slice): (Option<&str>, Option<&Slice>),
    limit: u32,
) -> Result<Vec<ConversationRow>> {
    let mut statement = ledger::conversations::export_page(site_key, bounds, filter, after, limit);
    if let Some(slice) = slice {
        statement = ledger::archive::reading::over_slice(statement, slice);
    }
    busy::all(&bind(db, &statement)?)
        .await?
        .results::<ConversationRow>()
}

/// Deletes everything stored about one conversation
/// (`ledger::erasure`); whether it existed.
pub async fn erase(db: &D1Database, site_key: &str, conversation_id: &str) -> Result<bool> {
    let statements = ledger::erasure::erase(site_key, conversation_id)
        .iter()
        .map(|statement| super::bind(db, statement))
        .collect::<Result<Vec<_>>>()?;
    let results = busy::batch(db, statements).await?;
    let mut changed = 0;
    for result in &results {
        changed += result.meta()?.and_then(|meta| meta.changes).unwrap_or(0);
    }
    Ok(changed > 0)
}
