//! `message_ratings` read back for the site owner. The columns, the
//! upsert ingest writes a thumb with and the read are built from one list,
//! `ledger::ratings::COLUMNS`.

use protocol::MessageRating;
use serde::Deserialize;
use worker::{D1Database, Result};

use super::busy;
use super::text;

#[derive(Deserialize)]
struct JsonRow {
    json: String,
}

/// The current thumbs of every rated message in one conversation, oldest first.
pub async fn of_conversation(
    db: &D1Database,
    site_key: &str,
    conversation_id: &str,
) -> Result<Vec<MessageRating>> {
    let rows = busy::all(
        &db.prepare(ledger::ratings::of_conversation_sql())
            .bind(&[text(site_key), text(conversation_id)])?,
    )
    .await?
    .results::<JsonRow>()?;
    // Written by ingest from checked events: a row that does not read is
    // a fault, not shopper input.
    rows.iter()
        .map(|row| serde_json::from_str(&row.json).map_err(worker::Error::from))
        .collect()
}
