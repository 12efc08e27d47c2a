//! `message_ratings`: the current thumb on each assistant message, written
//! by ingest and read back for the site owner. Its columns are listed once,
//! in [`COLUMNS`], with what each is written from and read back as: a new
//! field on a thumb is one entry here (and a migration).

use protocol::{EventHeader, MessageFeedback, MessageRating};
use std::sync::OnceLock;

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

use super::busy;
use super::ingest::SAME_EVENT;
use super::{millis, opt_text, text};

/// The thumb's own columns, in the order [`values`] gives them: each
/// column's name, and the expression that reads it back under the name
/// [`MessageRating`]'s JSON gives it.
const COLUMNS: [(&str, &str); 8] = [
    ("message_id", "message_id"),
    ("rating", "rating"),
    ("at", "at"),
    ("locale", "locale"),
    ("reason", "reason"),
    // Stored as JSON text; read back as the array it holds.
    ("tags", "json(tags)"),
    ("question", "question"),
    ("answer", "answer"),
];

/// What each of [`COLUMNS`] is written from.
fn values(header: &EventHeader, feedback: &MessageFeedback) -> Result<[JsValue; 8]> {
    Ok([
        text(&feedback.message_id),
        text(feedback.rating.as_str()),
        millis(header.at),
        text(&header.locale),
        opt_text(feedback.reason.as_deref()),
        text(&serde_json::to_string(&feedback.tags)?),
        opt_text(feedback.question.as_deref()),
        opt_text(feedback.answer.as_deref()),
    ])
}

/// The upsert of one thumb: `?1` site, `?2` event id, `?3` body, `?4`
/// conversation, then [`COLUMNS`]. The latest thumb by event time wins
/// (the event id breaks ties), and only when the stored event with this
/// id is this very event.
fn upsert_sql() -> &'static str {
    // Built once per isolate from the column list; every 👍/👎 uses it.
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(build_upsert_sql)
}

fn build_upsert_sql() -> String {
    let names: Vec<&str> = COLUMNS.iter().map(|(name, _)| *name).collect();
    let placeholders: Vec<String> = (5..5 + COLUMNS.len()).map(|n| format!("?{n}")).collect();
    let updates: Vec<String> = names
        .iter()
        .map(|name| format!("{name} = excluded.{name}"))
        .collect();
    format!(
        "INSERT INTO message_ratings (site_key, event_id, conversation_id, {names}) \
         SELECT ?1, ?2, ?4, {placeholders} WHERE {SAME_EVENT} \
         ON CONFLICT (site_key, conversation_id, message_id) DO UPDATE SET \
           event_id = excluded.event_id, {updates} \
         WHERE excluded.at > message_ratings.at \
            OR (excluded.at = message_ratings.at AND excluded.event_id > message_ratings.event_id)",
        names = names.join(", "),
        placeholders = placeholders.join(", "),
        updates = updates.join(", "),
    )
}

/// The statement storing `feedback`, given the parameters every write of
/// an event shares (`?1` site, `?2` event id, `?3` body, `?4` conversation).
pub fn upsert(
    db: &D1Database,
    shared: &[JsValue],
    header: &EventHeader,
    feedback: &MessageFeedback,
) -> Result<D1PreparedStatement> {
    let mut params = shared.to_vec();
    params.extend(values(header, feedback)?);
    db.prepare(upsert_sql()).bind(&params)
}

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
    static SQL: OnceLock<String> = OnceLock::new();
    let sql = SQL.get_or_init(|| {
        let fields: Vec<String> = COLUMNS
            .iter()
            .map(|(name, read)| format!("'{name}', {read}"))
            .collect();
        format!(
            "SELECT json_object({}) AS json FROM message_ratings \
             WHERE site_key = ?1 AND conversation_id = ?2 ORDER BY at, message_id",
            fields.join(", ")
        )
    });
    let rows = busy::all(
        &db.prepare(sql.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_upsert_names_each_column_once_with_its_own_placeholder() {
        let sql = upsert_sql();
        assert!(sql.contains(
            "(site_key, event_id, conversation_id, message_id, rating, at, locale, reason, tags, question, answer)"
        ), "{sql}");
        assert!(
            sql.contains("SELECT ?1, ?2, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12 WHERE"),
            "{sql}"
        );
        assert!(sql.contains("answer = excluded.answer WHERE"), "{sql}");
    }
}
