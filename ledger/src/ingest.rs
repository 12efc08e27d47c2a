//! The statements of one request's batch, in the order they run in one
//! transaction, and the reads around it. These are the rules that decide
//! what is stored:
//!
//! - an event id is stored once; every other write of an event applies
//!   only when the stored event with that id is this very event
//!   ([`same_event`]), so a reused id with other content changes nothing;
//! - a server's batch writes nothing unless the secret it showed is the
//!   site's, read in the same transaction;
//! - a conversation's span only widens; its first locale and the copy
//!   version its prompt was worded with are the first seen;
//! - a message's thumb is the latest by event time (`ratings`), and a
//!   conversation's counts are recounted from its messages' thumbs;
//! - a conversation is handed over once any of its events says a human
//!   agent took part: a satisfaction event's `handed_over`, or a thumb on
//!   an agent's message; its context is the first given, unless the CSAT
//!   answer kept brings another; its page is the first satisfaction
//!   event's;
//! - a CSAT answer is judged by when the collector received it: the first
//!   opens a 30-minute amend window, the latest received is kept;
//! - a bad-news event of a site with a webhook is owed a delivery
//!   (`webhook_outbox`), written with the event;
//! - the rollups of the rows a batch of 20 events or more changes are kept
//!   once per batch ([`crate::rollups`]), around its writes; a smaller
//!   batch leaves them to the triggers.
//!
//! The events, the thumbs, the hand-overs by thumbs, the deliveries owed
//! and the recounts are each one statement for the whole batch, their rows
//! in one parameter ([`crate::json_rows`]): every statement costs the local
//! stack about as much as a plain insert, whatever it does. The
//! satisfaction events stay one statement each, because each reads the row
//! the one before it left.

use std::collections::{BTreeMap, BTreeSet};

use protocol::{CSAT_AMEND_WINDOW_MS, ConversationContext, Event, EventKind, RatedRole};

use crate::json_rows::{JsonRows, column};
use crate::rollups::{BRACKET_FROM, Bracket, Touched};
use crate::{Param, Statement, ratings};

/// Who sent a batch, and so what its writes must check.
#[derive(Clone, Copy, Debug)]
pub enum Sender<'a> {
    /// A page from an origin the site allows (checked before the batch).
    Page,
    /// A server without `Origin`: the hex SHA-256 of the bearer token it
    /// showed. The batch checks it against the site's stored hash inside its
    /// own transaction, so a rotated secret stops writes at once at no extra
    /// database read. (Equality on the hashes: timing can reveal at most how
    /// much of the guess's SHA-256 matches, which says nothing of the secret.)
    Server {
        /// `protocol::secret::hash_secret` of the presented token.
        secret_hash: &'a str,
    },
}

impl Sender<'_> {
    /// The guard's parameter: NULL for pages, the presented hash for servers.
    fn guard_param(self) -> Param {
        match self {
            Sender::Page => Param::Null,
            Sender::Server { secret_hash } => Param::text(secret_hash),
        }
    }
}

/// One request's events, as they are written.
#[derive(Clone, Copy, Debug)]
pub struct Batch<'a> {
    /// The site they belong to.
    pub site_key: &'a str,
    /// Who sent them.
    pub sender: Sender<'a>,
    /// When the collector received them (unix ms).
    pub received_at: i64,
    /// Whether bad-news events are owed a webhook delivery (the site has a
    /// webhook).
    pub owes_webhooks: bool,
}

/// The statements of a batch, and where to read what they did.
#[derive(Debug, Clone)]
pub struct Plan {
    /// In the order they run, in one transaction.
    pub statements: Vec<Statement>,
    /// For a server's batch, the statement whose one row says (`valid`,
    /// 1 or 0) whether its secret is the site's; nothing was written
    /// when it is 0.
    pub secret_check: Option<usize>,
    /// The statement that inserts the events, when there are any: its rows
    /// (`event_id`) are the events it stored, so the batch's new ones.
    pub inserted: Option<usize>,
}

/// The condition every row-creating write carries: the sender is a page, or
/// `?{param}` is the site's (`?1`) current secret hash.
pub(crate) fn sender_may_write(param: usize) -> String {
    format!(
        "(?{param} IS NULL OR EXISTS \
         (SELECT 1 FROM sites WHERE site_key = ?1 AND secret_hash = ?{param}))"
    )
}

/// Whether a server's presented hash (`?2`) is the site's (`?1`) secret,
/// read in the same transaction as the guarded writes.
const SECRET_STILL_VALID: &str =
    "SELECT EXISTS (SELECT 1 FROM sites WHERE site_key = ?1 AND secret_hash = ?2) AS valid";

/// Inserts the batch's events (`?2`: rows of id, type, conversation,
/// time, locale, body), received at `?3`, each once: an id already stored
/// changes nothing. Its rows are the ids it stored. Every other write of an
/// event checks that this insert stored it ([`same_event`]), so guarding
/// it (the sender's guard is `?4`) and the conversation rows guards them
/// all.
fn insert_events() -> String {
    format!(
        "INSERT INTO events \
           (site_key, event_id, type, conversation_id, at, received_at, locale, body) \
         SELECT ?1, {}, {}, {}, {}, ?3, {}, {} FROM json_each(?2) AS r WHERE {} \
         ON CONFLICT (site_key, event_id) DO NOTHING RETURNING event_id",
        column(0),
        column(1),
        column(2),
        column(3),
        column(4),
        column(5),
        sender_may_write(4)
    )
}

/// Whether the stored event of site `?1` with id `id` is this very event,
/// with body `body` (SQL expressions). Every write of an event but its
/// insert applies only then, so a reused id with other content can never
/// rewrite state.
pub fn same_event(id: &str, body: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM events WHERE site_key = ?1 AND event_id = {id} AND body = {body})"
    )
}

/// Conversations created or widened by one statement (4 parameters each,
/// plus the site and the sender's guard; D1 binds at most 100 per statement).
const TOUCH_ROWS: usize = 24;

/// How two spans of one conversation meet: the earliest first time, the
/// latest last time (the site move merges with the same rule).
pub const WIDEN_SPAN: &str =
    "first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)";

/// Creates conversations on their first event and widens their time spans,
/// `rows` of them at once: `(conversation, first_at, last_at, locale)` per
/// row, with the site bound once as `?1` and the sender's guard last.
fn touch_conversations(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|row| {
            let base = 2 + row * 4;
            format!("(?{}, ?{}, ?{}, ?{})", base, base + 1, base + 2, base + 3)
        })
        .collect();
    format!(
        "INSERT INTO conversations (site_key, conversation_id, first_at, last_at, locale) \
         SELECT ?1, column1, column2, column3, column4 FROM (VALUES {}) WHERE {} \
         ON CONFLICT (site_key, conversation_id) DO UPDATE SET {WIDEN_SPAN}",
        values.join(", "),
        sender_may_write(2 + rows * 4)
    )
}

/// Each conversation's time span and first locale within a batch.
fn spans(events: &[Event]) -> BTreeMap<&str, (i64, i64, &str)> {
    let mut spans: BTreeMap<&str, (i64, i64, &str)> = BTreeMap::new();
    for event in events {
        let header = &event.header;
        spans
            .entry(header.conversation_id.as_str())
            .and_modify(|(first, last, locale)| {
                if header.at < *first {
                    *first = header.at;
                    *locale = &header.locale;
                }
                *last = (*last).max(header.at);
            })
            .or_insert((header.at, header.at, &header.locale));
    }
    spans
}

/// Sets the copy version the prompt was worded with (`?{version}`) and its
/// locale (`?{locale}`) if the conversation has none yet: the first event
/// naming one decides. Both read the row as it was before the update.
fn first_copy_version(version: usize, locale: usize) -> String {
    format!(
        "csat_copy_locale = CASE WHEN csat_copy_version IS NULL AND ?{version} IS NOT NULL \
           THEN ?{locale} ELSE csat_copy_locale END, \
         csat_copy_version = coalesce(csat_copy_version, ?{version})"
    )
}

/// A copy version parameter: the number, or NULL.
fn copy_version(version: Option<u32>) -> Param {
    version.map_or(Param::Null, |version| Param::Int(i64::from(version)))
}

/// What a satisfaction event says of its conversation, from its context
/// (`?{context}`, JSON), whether it was handed over (`?{handed_over}`, 0
/// or 1) and its page (`?{page}`): handed over once any event says so; the
/// first context given stays, unless `replace_context` (an SQL condition:
/// the answer kept) brings another; the page of the first event naming one.
fn conversation_context(
    context: usize,
    handed_over: usize,
    page: usize,
    replace_context: &str,
) -> String {
    format!(
        "handed_over = max(handed_over, ?{handed_over}), \
         context = iif(?{context} <> '{{}}' AND (context = '{{}}' OR {replace_context}), ?{context}, context), \
         page = coalesce(page, ?{page})"
    )
}

/// A thumb on a human agent's message marks its conversation handed over,
/// whether or not it is the thumb kept: a fact of the events stored, so it
/// ends the same in any order. `?2`: rows of event id, conversation, body.
fn agents_rated() -> String {
    format!(
        "UPDATE conversations SET handed_over = 1 \
         WHERE site_key = ?1 AND handed_over = 0 AND conversation_id IN \
           (SELECT {} FROM json_each(?2) AS r WHERE {})",
        column(1),
        same_event(&column(0), &column(2))
    )
}

/// A conversation's context parameters: its JSON, handed over, the page.
fn context_params(
    about: &ConversationContext,
    page: Option<&str>,
) -> Result<[Param; 3], serde_json::Error> {
    Ok([
        Param::Text(serde_json::to_string(&about.context)?),
        Param::Int(i64::from(about.handed_over)),
        Param::opt_text(page),
    ])
}

fn csat_offered() -> String {
    format!(
        "UPDATE conversations SET \
           csat_offered_at = min(coalesce(csat_offered_at, ?5), ?5), \
           csat_mode = coalesce(csat_mode, ?6), \
           {}, {} \
         WHERE site_key = ?1 AND conversation_id = ?4 AND {}",
        first_copy_version(7, 8),
        conversation_context(9, 10, 11, "0"),
        same_event("?2", "?3"),
    )
}

fn csat_dismissed() -> String {
    format!(
        "UPDATE conversations SET \
           csat_dismissed_at = min(coalesce(csat_dismissed_at, ?5), ?5), \
           csat_offered_at = min(coalesce(csat_offered_at, ?5), ?5), \
           csat_mode = coalesce(csat_mode, ?6) \
         WHERE site_key = ?1 AND conversation_id = ?4 AND {}",
        same_event("?2", "?3")
    )
}

/// Whether an answer received at `received`, given at `at`, with event id
/// `id` (SQL expressions) is newer than the conversation's stored answer:
/// the latest received, then the latest by event time, then the greatest
/// id. The site move merges copies of a conversation by the same rule.
pub fn newer_answer(received: &str, at: &str, id: &str) -> String {
    format!(
        "(csat_received_at IS NULL OR {received} > csat_received_at \
         OR ({received} = csat_received_at AND ({at} > csat_at \
           OR ({at} = csat_at AND {id} > csat_event_id))))"
    )
}

/// Records an answer, judged by when the collector first received it (its
/// `events` row, written earlier in the same batch): the first one
/// received opens the 30-minute amend window (and implies an offer);
/// the answer's content is stored if it is the latest received (within
/// one request, the latest by event time, then by event id). The shopper's
/// clock (`?5`, the event time) decides neither; it is kept for reporting.
/// Every SET expression reads the row as it was before the update, so the
/// window and the "latest" test see the same state. Each answer is the
/// whole answer so far (score and comment).
fn csat_answer() -> String {
    // When the collector first received this very event: a resend of an
    // answer stored long ago keeps its own time, so it can neither
    // outrank a later amendment nor reopen the window.
    let received = "(SELECT received_at FROM events WHERE site_key = ?1 AND event_id = ?2)";
    let newer = newer_answer(received, "?5", "?2");
    format!(
        "UPDATE conversations SET \
           csat_answered_at = min(coalesce(csat_answered_at, {received}), {received}), \
           csat_offered_at = min(coalesce(csat_offered_at, ?5), ?5), \
           csat_mode = CASE WHEN {newer} THEN ?6 ELSE csat_mode END, \
           csat_score = CASE WHEN {newer} THEN ?7 ELSE csat_score END, \
           csat_comment = CASE WHEN {newer} THEN ?8 ELSE csat_comment END, \
           csat_completed = max(csat_completed, ?9), \
           csat_event_id = CASE WHEN {newer} THEN ?2 ELSE csat_event_id END, \
           csat_at = CASE WHEN {newer} THEN ?5 ELSE csat_at END, \
           csat_received_at = CASE WHEN {newer} THEN {received} ELSE csat_received_at END, \
           {copy}, {about} \
         WHERE site_key = ?1 AND conversation_id = ?4 AND {same} \
           AND (csat_answered_at IS NULL OR {received} <= csat_answered_at + {CSAT_AMEND_WINDOW_MS})",
        same = same_event("?2", "?3"),
        copy = first_copy_version(10, 11),
        about = conversation_context(12, 13, 14, &newer),
    )
}

/// A conversation's thumbs counted from its messages' current thumbs, for
/// the conversations `which` selects (an SQL condition on
/// `conversations`; `?1` is the site where it names one).
pub fn recount_thumbs(which: &str) -> String {
    let count = |rating: &str| {
        format!(
            "(SELECT count(*) FROM message_ratings m WHERE m.site_key = conversations.site_key \
               AND m.conversation_id = conversations.conversation_id AND m.rating = '{rating}')"
        )
    };
    format!(
        "UPDATE conversations SET thumbs_up = {}, thumbs_down = {} WHERE {which}",
        count("up"),
        count("down")
    )
}

/// Records events of site `?1` (`?2`: rows of event id, body) as owed a
/// webhook delivery, received at `?3`, each only when the stored event with
/// its id is this very event; written once: a retried batch finds the row,
/// queued or not, and leaves it.
fn owe_deliveries() -> String {
    format!(
        "INSERT INTO webhook_outbox (site_key, event_id, stored_at) \
         SELECT ?1, {}, ?3 FROM json_each(?2) AS r WHERE {} \
         ON CONFLICT (site_key, event_id) DO NOTHING",
        column(0),
        same_event(&column(0), &column(1))
    )
}

/// The rows `events` may change whose counts the rollups hold.
fn touched(events: &[Event]) -> Touched<'_> {
    let mut touched = Touched::default();
    for event in events {
        let conversation = event.header.conversation_id.as_str();
        match &event.kind {
            EventKind::MessageFeedback(feedback) => {
                touched
                    .messages
                    .insert((conversation, feedback.message_id.as_str()));
                // A thumb on an agent's message hands the conversation over.
                if feedback.role == RatedRole::Agent {
                    touched.conversations.insert(conversation);
                }
            }
            EventKind::CsatOffered(_)
            | EventKind::CsatDismissed(_)
            | EventKind::CsatResponse(_) => {
                touched.conversations.insert(conversation);
            }
        }
    }
    touched
}

/// The statements that store `events` (validated, their amend windows
/// checked) for `batch.site_key`, in order: a server's secret check,
/// the touched rows' counts out of the rollups, the conversations' spans,
/// the events, the deliveries they are owed, the thumbs and the hand-overs
/// they make, each satisfaction event in order, the rated conversations'
/// thumb counts, and the touched rows' counts back into the rollups.
pub fn plan(batch: &Batch<'_>, events: &[Event]) -> Result<Plan, serde_json::Error> {
    let Batch {
        site_key,
        sender,
        received_at,
        owes_webhooks,
    } = *batch;
    let site = || Param::text(site_key);
    let mut statements = Vec::with_capacity(events.len() / 2 + 24);
    // A server's secret is read first, in the batch's own transaction.
    let secret_check = match sender {
        Sender::Server { secret_hash } => {
            statements.push(Statement::new(
                SECRET_STILL_VALID,
                vec![site(), Param::text(secret_hash)],
            ));
            Some(0)
        }
        Sender::Page => None,
    };
    let rollups = if events.len() >= BRACKET_FROM {
        touched(events).bracket(site_key, sender.guard_param())
    } else {
        Bracket::default()
    };
    statements.extend(rollups.before);
    // Conversations first: the type-specific statements update their rows.
    let spans: Vec<_> = spans(events).into_iter().collect();
    for chunk in spans.chunks(TOUCH_ROWS) {
        let mut params = vec![site()];
        for (conversation, (first, last, locale)) in chunk {
            params.extend([
                Param::text(conversation),
                Param::Int(*first),
                Param::Int(*last),
                Param::text(locale),
            ]);
        }
        params.push(sender.guard_param());
        statements.push(Statement::new(touch_conversations(chunk.len()), params));
    }
    let mut stored = JsonRows::default();
    let mut owed = JsonRows::default();
    let mut thumbs = JsonRows::default();
    let mut agents = JsonRows::default();
    let mut rated = BTreeSet::new();
    let mut satisfaction = Vec::new();
    for event in events {
        let header = &event.header;
        let body = serde_json::to_string(event)?;
        stored.push(vec![
            Param::text(&header.id),
            Param::text(event.kind.type_name()),
            Param::text(&header.conversation_id),
            Param::Int(header.at),
            Param::text(&header.locale),
            Param::text(&body),
        ]);
        if owes_webhooks && event.is_bad_news() {
            owed.push(vec![Param::text(&header.id), Param::text(&body)]);
        }
        // Event id, conversation, body: what every row-set of a thumb
        // starts with.
        let own = vec![
            Param::text(&header.id),
            Param::text(&header.conversation_id),
            Param::text(&body),
        ];
        // ?1 site, ?2 event id, ?3 body, ?4 conversation: shared by every
        // satisfaction statement; ?5 on are the type's own.
        let mut params = vec![
            site(),
            Param::text(&header.id),
            Param::text(&body),
            Param::text(&header.conversation_id),
        ];
        let sql = match &event.kind {
            EventKind::MessageFeedback(feedback) => {
                rated.insert(header.conversation_id.as_str());
                if feedback.role == RatedRole::Agent {
                    agents.push(own.clone());
                }
                let mut row = own;
                row.extend(ratings::values(header, feedback)?);
                thumbs.push(row);
                continue;
            }
            EventKind::CsatOffered(offered) => {
                params.extend([
                    Param::Int(header.at),
                    Param::text(offered.mode.as_str()),
                    copy_version(offered.copy_version),
                    Param::text(&header.locale),
                ]);
                params.extend(context_params(&offered.about, header.page.as_deref())?);
                csat_offered()
            }
            EventKind::CsatDismissed(dismissed) => {
                params.extend([Param::Int(header.at), Param::text(dismissed.mode.as_str())]);
                csat_dismissed()
            }
            EventKind::CsatResponse(answer) => {
                params.extend([
                    Param::Int(header.at),
                    Param::text(answer.mode.as_str()),
                    Param::Int(i64::from(answer.score)),
                    Param::opt_text(answer.comment.as_deref()),
                    Param::Int(i64::from(answer.completed)),
                    copy_version(answer.copy_version),
                    Param::text(&header.locale),
                ]);
                params.extend(context_params(&answer.about, header.page.as_deref())?);
                csat_answer()
            }
        };
        satisfaction.push(Statement::new(sql, params));
    }
    let inserted = (!stored.is_empty()).then(|| {
        statements.push(Statement::new(
            insert_events(),
            vec![
                site(),
                stored.param(),
                Param::Int(received_at),
                sender.guard_param(),
            ],
        ));
        statements.len() - 1
    });
    if !owed.is_empty() {
        statements.push(Statement::new(
            owe_deliveries(),
            vec![site(), owed.param(), Param::Int(received_at)],
        ));
    }
    if !thumbs.is_empty() {
        statements.push(Statement::new(
            ratings::upsert_rows_sql(),
            vec![site(), thumbs.param()],
        ));
    }
    if !agents.is_empty() {
        statements.push(Statement::new(agents_rated(), vec![site(), agents.param()]));
    }
    statements.extend(satisfaction);
    if !rated.is_empty() {
        let rated: Vec<&str> = rated.into_iter().collect();
        // Guarded too: a refused server's batch changes no row, not even
        // to the counts it already has.
        let which = format!(
            "site_key = ?1 AND conversation_id IN (SELECT value FROM json_each(?2)) AND {}",
            sender_may_write(3)
        );
        statements.push(Statement::new(
            recount_thumbs(&which),
            vec![site(), id_list(&rated), sender.guard_param()],
        ));
    }
    statements.extend(rollups.after);
    Ok(Plan {
        statements,
        secret_check,
        inserted,
    })
}

/// A JSON array of `ids`, for `json_each`.
fn id_list<S: AsRef<str>>(ids: &[S]) -> Param {
    let ids: Vec<&str> = ids.iter().map(AsRef::as_ref).collect();
    // A list of strings always serializes.
    Param::Text(serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into()))
}

/// The read before a batch with CSAT answers: when the collector received
/// each of these conversations' first answer (`conversation_id`,
/// `csat_answered_at`), to refuse answers past their amend window
/// (`protocol::csat::check_amend_window`).
pub fn first_answers<S: AsRef<str>>(site_key: &str, conversations: &[S]) -> Statement {
    Statement::new(
        "SELECT conversation_id, csat_answered_at FROM conversations \
         WHERE site_key = ?1 AND conversation_id IN (SELECT value FROM json_each(?2))",
        vec![Param::text(site_key), id_list(conversations)],
    )
}

/// The read after a batch that was tried again: how many of `ids` the
/// database holds as received at `received_at` (`n`), which a try whose
/// answer was lost stored for this very request.
pub fn received_at<S: AsRef<str>>(site_key: &str, ids: &[S], received_at: i64) -> Statement {
    Statement::new(
        "SELECT count(*) AS n FROM events WHERE site_key = ?1 AND received_at = ?2 \
         AND event_id IN (SELECT value FROM json_each(?3))",
        vec![Param::text(site_key), Param::Int(received_at), id_list(ids)],
    )
}

/// The events with these ids as stored (`body`), in the order given.
pub fn stored_events<S: AsRef<str>>(site_key: &str, ids: &[S]) -> Statement {
    Statement::new(
        "SELECT e.body FROM json_each(?2) AS wanted \
         JOIN events e ON e.site_key = ?1 AND e.event_id = wanted.value \
         ORDER BY wanted.key",
        vec![Param::text(site_key), id_list(ids)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thumbs(count: usize) -> Vec<Event> {
        (0..count)
            .map(|n| {
                let value = serde_json::json!({
                    "id": format!("e{n}"), "type": "message_feedback", "conversation_id": "c1",
                    "at": 1_800_000_000_000_i64, "locale": "en-US",
                    "message_id": format!("m{n}"), "rating": "up",
                });
                Event::from_json(&value).map_err(|error| format!("{error:?}"))
            })
            .collect::<Result<_, _>>()
            .unwrap_or_default()
    }

    fn brackets(events: &[Event]) -> bool {
        let batch = Batch {
            site_key: "pk_a",
            sender: Sender::Page,
            received_at: 1_800_000_000_000,
            owes_webhooks: false,
        };
        plan(&batch, events).is_ok_and(|plan| {
            plan.statements
                .iter()
                .any(|statement| statement.sql.contains("rollups_deferred"))
        })
    }

    #[test]
    fn only_a_batch_of_twenty_events_or_more_keeps_its_rollups_itself() {
        assert_eq!(thumbs(BRACKET_FROM).len(), BRACKET_FROM);
        assert!(!brackets(&thumbs(1)));
        assert!(!brackets(&thumbs(BRACKET_FROM - 1)));
        assert!(brackets(&thumbs(BRACKET_FROM)));
    }

    #[test]
    fn a_batch_of_thumbs_is_a_few_statements_whatever_its_size() {
        let batch = Batch {
            site_key: "pk_a",
            sender: Sender::Page,
            received_at: 1_800_000_000_000,
            owes_webhooks: false,
        };
        let count = |events: &[Event]| plan(&batch, events).map_or(0, |plan| plan.statements.len());
        // The span, the events, the thumbs, the recount.
        assert_eq!(count(&thumbs(1)), 4);
        assert_eq!(count(&thumbs(BRACKET_FROM - 1)), 4);
        // And the bracket: out, hold; release, in, the emptied buckets.
        assert_eq!(count(&thumbs(100)), 4 + 3 + 1 + 2 + 4);
    }
}
