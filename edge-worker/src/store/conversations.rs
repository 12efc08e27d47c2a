//! Reading conversations for the site owner.

use protocol::{ConversationRow, MessageRating, Rating};
use serde::Deserialize;
use worker::{D1Database, Result};

use super::text;

/// The columns a [`ConversationRow`] is read from.
pub const CONVERSATION_COLUMNS: &str = "conversation_id, first_at, last_at, locale, csat_mode, \
     csat_offered_at, csat_dismissed_at, csat_score, csat_comment, csat_completed, \
     thumbs_up, thumbs_down";

/// One conversation's row, if it exists.
pub async fn find(
    db: &D1Database,
    site_key: &str,
    conversation_id: &str,
) -> Result<Option<ConversationRow>> {
    db.prepare(format!(
        "SELECT {CONVERSATION_COLUMNS} FROM conversations \
         WHERE site_key = ?1 AND conversation_id = ?2"
    ))
    .bind(&[text(site_key), text(conversation_id)])?
    .first::<ConversationRow>(None)
    .await
}

#[derive(Deserialize)]
struct RatingRow {
    message_id: String,
    rating: Rating,
    at: i64,
    locale: String,
    reason: Option<String>,
    tags: String,
    question: Option<String>,
    answer: Option<String>,
}

/// The current thumbs of every rated message in one conversation, oldest first.
pub async fn ratings(
    db: &D1Database,
    site_key: &str,
    conversation_id: &str,
) -> Result<Vec<MessageRating>> {
    let rows = db
        .prepare(
            "SELECT message_id, rating, at, locale, reason, tags, question, answer \
             FROM message_ratings WHERE site_key = ?1 AND conversation_id = ?2 \
             ORDER BY at, message_id",
        )
        .bind(&[text(site_key), text(conversation_id)])?
        .all()
        .await?
        .results::<RatingRow>()?;
    Ok(rows
        .into_iter()
        .map(|row| MessageRating {
            message_id: row.message_id,
            rating: row.rating,
            at: row.at,
            locale: row.locale,
            reason: row.reason,
            // Written by us from a Vec<String>; an unreadable value reads as no tags.
            tags: serde_json::from_str(&row.tags).unwrap_or_default(),
            question: row.question,
            answer: row.answer,
        })
        .collect())
}
