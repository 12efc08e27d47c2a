//! D1 reads and writes for feedback events. Every value is a bound parameter.

use protocol::{Event, EventKind, IngestReport, MessageRating, Rejection};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

/// Inserts an event once; a second insert of the same id changes nothing.
const INSERT_EVENT: &str = "INSERT INTO events \
     (site_key, event_id, type, conversation_id, at, received_at, locale, body) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
     ON CONFLICT (site_key, event_id) DO NOTHING";

/// Moves a message's thumbs state to this event's rating if the event is the
/// latest for that message (ties broken by event id, so arrival order never
/// matters). Applies only when the stored event with this id is this very
/// event, so a reused id with other content cannot rewrite the state.
const UPSERT_RATING: &str = "INSERT INTO message_ratings \
     (site_key, conversation_id, message_id, rating, at, event_id, locale) \
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 \
     WHERE EXISTS (SELECT 1 FROM events WHERE site_key = ?1 AND event_id = ?6 AND body = ?8) \
     ON CONFLICT (site_key, conversation_id, message_id) DO UPDATE SET \
       rating = excluded.rating, at = excluded.at, \
       event_id = excluded.event_id, locale = excluded.locale \
     WHERE excluded.at > message_ratings.at \
        OR (excluded.at = message_ratings.at AND excluded.event_id > message_ratings.event_id)";

fn text(value: &str) -> JsValue {
    JsValue::from_str(value)
}

/// Unix milliseconds as a JS number (exact below 2^53, i.e. for 285,000 years).
fn millis(value: i64) -> JsValue {
    JsValue::from_f64(value as f64)
}

/// Stores a batch of validated events for `site_key` in one D1 batch
/// (one transaction) and reports how many were new.
pub async fn save_events(
    db: &D1Database,
    site_key: &str,
    events: &[Event],
    rejected: Vec<Rejection>,
    received_at: i64,
) -> Result<IngestReport> {
    let mut statements: Vec<D1PreparedStatement> = Vec::with_capacity(events.len() * 2);
    let mut insert_positions = Vec::with_capacity(events.len());
    for event in events {
        let header = &event.header;
        let body = serde_json::to_string(event)?;
        insert_positions.push(statements.len());
        statements.push(db.prepare(INSERT_EVENT).bind(&[
            text(site_key),
            text(&header.id),
            text(event.kind.type_name()),
            text(&header.conversation_id),
            millis(header.at),
            millis(received_at),
            text(&header.locale),
            text(&body),
        ])?);
        match &event.kind {
            EventKind::MessageFeedback(feedback) => {
                statements.push(db.prepare(UPSERT_RATING).bind(&[
                    text(site_key),
                    text(&header.conversation_id),
                    text(&feedback.message_id),
                    text(feedback.rating.as_str()),
                    millis(header.at),
                    text(&header.id),
                    text(&header.locale),
                    text(&body),
                ])?);
            }
        }
    }

    let mut report = IngestReport {
        rejected,
        ..IngestReport::default()
    };
    if statements.is_empty() {
        return Ok(report);
    }
    let results = db.batch(statements).await?;
    for position in insert_positions {
        let inserted = results
            .get(position)
            .map(|result| result.meta())
            .transpose()?
            .flatten()
            .and_then(|meta| meta.changes)
            .unwrap_or(0);
        if inserted > 0 {
            report.accepted += 1;
        } else {
            report.duplicates += 1;
        }
    }
    Ok(report)
}

/// The current thumbs of every rated message in one conversation, oldest first.
pub async fn conversation_ratings(
    db: &D1Database,
    site_key: &str,
    conversation_id: &str,
) -> Result<Vec<MessageRating>> {
    db.prepare(
        "SELECT message_id, rating, at, locale FROM message_ratings \
         WHERE site_key = ?1 AND conversation_id = ?2 ORDER BY at, message_id",
    )
    .bind(&[text(site_key), text(conversation_id)])?
    .all()
    .await?
    .results::<MessageRating>()
}
