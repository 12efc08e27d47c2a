//! The thumbs-downs knowledge gaps are found in.

use analytics::Downvote;
use serde::Deserialize;
use worker::{D1Database, Result};

use super::busy;
use super::{int, millis, text};

#[derive(Deserialize)]
struct DownvoteRow {
    conversation_id: String,
    question: String,
    at: i64,
}

/// The latest `limit` thumbs-downs in `[from_ms, to_ms)` that came with the
/// shopper's question (sites that keep excerpts), latest first.
pub async fn downvotes(
    db: &D1Database,
    site_key: &str,
    (from_ms, to_ms): (i64, i64),
    limit: u32,
) -> Result<Vec<Downvote>> {
    let rows = busy::all(
        &db.prepare(
            "SELECT conversation_id, question, at FROM message_ratings \
             WHERE site_key = ?1 AND at >= ?2 AND at < ?3 AND rating = 'down' \
               AND question IS NOT NULL AND question != '' \
             ORDER BY at DESC LIMIT ?4",
        )
        .bind(&[text(site_key), millis(from_ms), millis(to_ms), int(limit)])?,
    )
    .await?
    .results::<DownvoteRow>()?;
    Ok(rows
        .into_iter()
        .map(|row| Downvote {
            conversation_id: row.conversation_id,
            question: row.question,
            at: row.at,
        })
        .collect())
}
