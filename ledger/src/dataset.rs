//! Rated answers as a dataset (#31 §2): the export's pages, one rated
//! message per row as `protocol::dataset::RatedAnswerRow`'s JSON, in the
//! order of the thumb's key.

use protocol::dataset::{AnswerCursor, DatasetFilter};
use protocol::read_api::FeedbackFilter;

use crate::{Param, Statement};

/// Up to `limit` rated messages of `site_key` rated in `[from_ms, to_ms)`
/// that match `filter`, after `after`, each as one JSON object in the
/// column `json`.
///
/// Each of the inbox's filters reads the rated message where it has the
/// field: who wrote it, its language, its page, its meta (or else the
/// conversation's context, as the inbox does), its own review item. The
/// satisfaction answer and the hand-over are the conversation's. The
/// order is the thumb's key, which the `+` on `at` keeps SQLite on.
pub fn page(
    site_key: &str,
    (from_ms, to_ms): (i64, i64),
    filter: &DatasetFilter,
    after: Option<&AnswerCursor>,
    limit: u32,
) -> Statement {
    let inbox = &filter.inbox;
    let feedback = match inbox.feedback {
        None => "",
        Some(FeedbackFilter::Upvote) => "AND c.csat_score >= 4",
        Some(FeedbackFilter::Downvote) => "AND c.csat_score <= 2",
        Some(FeedbackFilter::Neutral) => "AND c.csat_score = 3",
        Some(FeedbackFilter::Unknown) => "AND c.csat_score IS NULL",
    };
    let sql = format!(
        "SELECT json_object( \
           'conversation_id', r.conversation_id, 'message_id', r.message_id, \
           'rating', r.rating, 'at', r.at, 'locale', r.locale, 'role', r.role, \
           'page', r.page, 'reason', r.reason, 'tags', json(r.tags), \
           'question', r.question, 'answer', r.answer, 'meta', json(r.meta), \
           'review', iif(i.item_id IS NULL, NULL, \
             json_object('state', i.state, 'labels', json(i.labels), 'note', i.note)) \
         ) AS json \
         FROM message_ratings r \
         LEFT JOIN conversations c \
           ON c.site_key = r.site_key AND c.conversation_id = r.conversation_id \
         LEFT JOIN review_items i ON i.site_key = r.site_key \
           AND i.conversation_id = r.conversation_id AND i.message_id = r.message_id \
         WHERE r.site_key = ?1 AND r.rating IN ('up', 'down') \
           AND +r.at >= ?2 AND +r.at < ?3 \
           AND (?4 IS NULL OR r.conversation_id > ?4 \
             OR (r.conversation_id = ?4 AND r.message_id > ?5)) \
           AND (?7 IS NULL OR r.rating = ?7) \
           AND (?8 IS NULL OR r.role = ?8) \
           AND (?9 IS NULL OR c.handed_over = ?9) \
           AND (?10 IS NULL OR r.locale = ?10) \
           AND (?11 IS NULL OR r.page = ?11) \
           AND (?12 IS NULL OR i.state = ?12) \
           AND (?13 IS NULL \
             OR EXISTS (SELECT 1 FROM json_each(i.labels) l WHERE l.value = ?13)) \
           AND (?14 IS NULL \
             OR CAST(json_extract(r.meta, '$.' || ?14) AS TEXT) = ?15 \
             OR CAST(json_extract(c.context, '$.' || ?14) AS TEXT) = ?15) \
           {feedback} \
         ORDER BY r.conversation_id, r.message_id LIMIT ?6"
    );
    let (key, value) = match &inbox.meta {
        Some((key, value)) => (Param::text(key), Param::text(value)),
        None => (Param::Null, Param::Null),
    };
    Statement::new(
        sql,
        vec![
            Param::text(site_key),
            Param::Int(from_ms),
            Param::Int(to_ms),
            Param::opt_text(after.map(|after| after.conversation_id.as_str())),
            Param::opt_text(after.map(|after| after.message_id.as_str())),
            Param::Int(i64::from(limit)),
            Param::opt_text(filter.rating.map(|rating| rating.as_str())),
            Param::opt_text(inbox.role.map(|role| role.as_str())),
            inbox.handed_over.map_or(Param::Null, |handed_over| {
                Param::Int(i64::from(handed_over))
            }),
            Param::opt_text(inbox.locale.as_deref()),
            Param::opt_text(inbox.page.as_deref()),
            Param::opt_text(inbox.review.map(|review| review.as_str())),
            Param::opt_text(inbox.label.as_deref()),
            key,
            value,
        ],
    )
}
