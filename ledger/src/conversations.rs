//! Reading conversations for the site owner: the inbox's pages and the
//! conversations export's, with the inbox's filters written once as SQL
//! on the conversation `c`. The Worker binds them for D1
//! (`edge-worker/src/store/conversations.rs`); an archived chunk's rows
//! are read by the same statements (`archive::reading`).

use protocol::{Cursor, FeedbackFilter, InboxFilter};

use crate::{Param, Statement};

/// The columns a `protocol::ConversationRow` is read from.
pub const CONVERSATION_COLUMNS: &str = "conversation_id, first_at, last_at, locale, csat_mode, \
     csat_offered_at, csat_dismissed_at, csat_score, csat_comment, csat_completed, \
     thumbs_up, thumbs_down, handed_over, context, page";

/// What the inbox shows of each conversation's rated messages (the
/// conversation is `c`): the question before its first thumbed-down
/// answer, or before its first rated one (stored only when the site keeps
/// text), and the reason tags of its thumbs-downs. Both read the rated
/// messages by their primary key's prefix.
const INBOX_COLUMNS: &str = "\
     (SELECT r.question FROM message_ratings r \
       WHERE r.site_key = c.site_key AND r.conversation_id = c.conversation_id \
         AND r.question IS NOT NULL \
       ORDER BY r.rating = 'down' DESC, r.at, r.message_id LIMIT 1) AS excerpt, \
     (SELECT json_group_array(DISTINCT t.value) \
       FROM message_ratings r, json_each(CASE WHEN json_valid(r.tags) THEN r.tags END) t \
       WHERE r.site_key = c.site_key AND r.conversation_id = c.conversation_id \
         AND r.rating = 'down') AS reason_tags, \
     (SELECT iif(count(*) = 0, NULL, iif(sum(i.state = 'open') > 0, 'open', 'reviewed')) \
       FROM review_items i \
       WHERE i.site_key = c.site_key AND i.conversation_id = c.conversation_id) AS review";

/// The inbox's filters as SQL on the conversation `c`, with their
/// parameters numbered from `?{first}`: who wrote a rated message, the
/// hand-over, the language and the page (the conversation's or a rated
/// message's), and one provenance value (a rated message's meta or the
/// conversation's context; numbers compare as the text SQLite writes).
/// An item is read by its conversation (the `+` keeps SQLite off the
/// index by state, which would read every open item of the site).
fn filter_sql(filter: &InboxFilter, first: usize) -> String {
    let feedback = match filter.feedback {
        None => "",
        Some(FeedbackFilter::Upvote) => "AND csat_score >= 4",
        Some(FeedbackFilter::Downvote) => "AND csat_score <= 2",
        Some(FeedbackFilter::Neutral) => "AND csat_score = 3",
        Some(FeedbackFilter::Unknown) => "AND csat_score IS NULL",
    };
    let (role, handed_over, key, value) = (first, first + 1, first + 2, first + 3);
    let (locale, page, review, label) = (first + 4, first + 5, first + 6, first + 7);
    let items = "SELECT 1 FROM review_items i \
         WHERE i.site_key = c.site_key AND i.conversation_id = c.conversation_id";
    let rated = "SELECT 1 FROM message_ratings r \
         WHERE r.site_key = c.site_key AND r.conversation_id = c.conversation_id";
    format!(
        "{feedback} \
         AND (?{role} IS NULL OR EXISTS ({rated} AND r.role = ?{role} AND r.rating IN ('up', 'down'))) \
         AND (?{handed_over} IS NULL OR c.handed_over = ?{handed_over}) \
         AND (?{locale} IS NULL OR c.locale = ?{locale} \
           OR EXISTS ({rated} AND r.locale = ?{locale})) \
         AND (?{page} IS NULL OR c.page = ?{page} OR EXISTS ({rated} AND r.page = ?{page})) \
         AND (?{review} IS NULL \
           OR (?{review} = 'open' AND EXISTS ({items} AND +i.state = 'open')) \
           OR (?{review} = 'reviewed' AND EXISTS ({items}) \
             AND NOT EXISTS ({items} AND +i.state = 'open'))) \
         AND (?{label} IS NULL \
           OR EXISTS ({items} AND EXISTS (SELECT 1 FROM json_each(i.labels) l WHERE l.value = ?{label}))) \
         AND (?{key} IS NULL \
           OR CAST(json_extract(c.context, '$.' || ?{key}) AS TEXT) = ?{value} \
           OR EXISTS ({rated} AND CAST(json_extract(r.meta, '$.' || ?{key}) AS TEXT) = ?{value}))"
    )
}

/// [`filter_sql`]'s parameters, in order.
fn filter_params(filter: &InboxFilter) -> [Param; 8] {
    let (key, value) = match &filter.meta {
        Some((key, value)) => (Param::text(key), Param::text(value)),
        None => (Param::Null, Param::Null),
    };
    [
        Param::opt_text(filter.role.map(|role| role.as_str())),
        filter.handed_over.map_or(Param::Null, |handed_over| {
            Param::Int(i64::from(handed_over))
        }),
        key,
        value,
        Param::opt_text(filter.locale.as_deref()),
        Param::opt_text(filter.page.as_deref()),
        Param::opt_text(filter.review.map(|review| review.as_str())),
        Param::opt_text(filter.label.as_deref()),
    ]
}

/// Up to `limit` conversations of `site_key` last active in
/// `[from_ms, to_ms)`, most recent first, after `cursor`, with what the
/// inbox shows of them.
pub fn page(
    site_key: &str,
    (from_ms, to_ms): (i64, i64),
    filter: &InboxFilter,
    cursor: Option<&Cursor>,
    limit: u32,
) -> Statement {
    let sql = format!(
        "SELECT {CONVERSATION_COLUMNS}, {INBOX_COLUMNS} FROM conversations c \
         WHERE site_key = ?1 AND last_at >= ?2 AND last_at < ?3 {filter} \
           AND (?4 IS NULL OR last_at < ?4 OR (last_at = ?4 AND conversation_id < ?5)) \
         ORDER BY last_at DESC, conversation_id DESC LIMIT ?6",
        filter = filter_sql(filter, 7)
    );
    let mut params = vec![
        Param::text(site_key),
        Param::Int(from_ms),
        Param::Int(to_ms),
        cursor.map_or(Param::Null, |cursor| Param::Int(cursor.last_at)),
        Param::opt_text(cursor.map(|cursor| cursor.conversation_id.as_str())),
        Param::Int(i64::from(limit)),
    ];
    params.extend(filter_params(filter));
    Statement::new(sql, params)
}

/// Up to `limit` conversations of `site_key` last active in
/// `[from_ms, to_ms)` that match `filter`, in conversation id order, after
/// the id `after`: the export's pages. The order is by what never
/// changes, so a conversation updated while an export runs is neither
/// skipped nor repeated. (The `+` keeps SQLite on the primary key, which
/// gives that order, rather than the activity index.)
pub fn export_page(
    site_key: &str,
    (from_ms, to_ms): (i64, i64),
    filter: &InboxFilter,
    after: Option<&str>,
    limit: u32,
) -> Statement {
    let sql = format!(
        "SELECT {CONVERSATION_COLUMNS} FROM conversations c \
         WHERE site_key = ?1 AND (?4 IS NULL OR conversation_id > ?4) \
           AND +last_at >= ?2 AND +last_at < ?3 {filter} \
         ORDER BY conversation_id LIMIT ?5",
        filter = filter_sql(filter, 6)
    );
    let mut params = vec![
        Param::text(site_key),
        Param::Int(from_ms),
        Param::Int(to_ms),
        Param::opt_text(after),
        Param::Int(i64::from(limit)),
    ];
    params.extend(filter_params(filter));
    Statement::new(sql, params)
}
