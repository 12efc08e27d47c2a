//! Writing a batch of validated events: one D1 batch (one transaction) per
//! request, so a request's events are stored all together or not at all.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use protocol::csat::check_amend_window;
use protocol::{CSAT_AMEND_WINDOW_MS, Event, EventKind, IngestReport, Rejection};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result, console_warn};

use super::busy;
use super::{int, millis, opt_text, text};

/// Who sent a batch, and so what its writes must check.
#[derive(Clone, Copy)]
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
    fn guard_param(self) -> JsValue {
        match self {
            Sender::Page => JsValue::NULL,
            Sender::Server { secret_hash } => text(secret_hash),
        }
    }
}

/// The condition every row-creating write carries: the sender is a page, or
/// `?{param}` is the site's (`?1`) current secret hash.
fn sender_may_write(param: usize) -> String {
    format!(
        "(?{param} IS NULL OR EXISTS \
         (SELECT 1 FROM sites WHERE site_key = ?1 AND secret_hash = ?{param}))"
    )
}

/// Whether a server's presented hash (`?2`) is the site's (`?1`) secret,
/// read in the same transaction as the guarded writes.
const SECRET_STILL_VALID: &str =
    "SELECT EXISTS (SELECT 1 FROM sites WHERE site_key = ?1 AND secret_hash = ?2) AS valid";

#[derive(Deserialize)]
struct Valid {
    valid: i64,
}

/// Inserts an event once; a second insert of the same id changes nothing.
/// Every other write of the event checks that this insert stored it
/// (`SAME_EVENT`), so guarding it and the conversation rows guards them all.
fn insert_event() -> String {
    format!(
        "INSERT INTO events \
           (site_key, event_id, type, conversation_id, at, received_at, locale, body) \
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE {} \
         ON CONFLICT (site_key, event_id) DO NOTHING",
        sender_may_write(9)
    )
}

/// Type-specific writes apply only when the stored event with this id is
/// this very event (`?1` site, `?2` event id, `?3` body), so a reused id
/// with other content can never rewrite state.
pub(super) const SAME_EVENT: &str =
    "EXISTS (SELECT 1 FROM events WHERE site_key = ?1 AND event_id = ?2 AND body = ?3)";

/// Conversations created or widened by one statement (4 parameters each,
/// plus the site and the sender's guard; D1 binds at most 100 per statement).
const TOUCH_ROWS: usize = 24;

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
         ON CONFLICT (site_key, conversation_id) DO UPDATE SET \
           first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)",
        values.join(", "),
        sender_may_write(2 + rows * 4)
    )
}

/// Each conversation's time span and first locale within a batch.
fn spans(events: &[(usize, Event)]) -> BTreeMap<&str, (i64, i64, &str)> {
    let mut spans: BTreeMap<&str, (i64, i64, &str)> = BTreeMap::new();
    for (_, event) in events {
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
fn copy_version(version: Option<u32>) -> JsValue {
    version.map_or(JsValue::NULL, int)
}

fn csat_offered() -> String {
    format!(
        "UPDATE conversations SET \
           csat_offered_at = min(coalesce(csat_offered_at, ?5), ?5), \
           csat_mode = coalesce(csat_mode, ?6), \
           {} \
         WHERE site_key = ?1 AND conversation_id = ?4 AND {SAME_EVENT}",
        first_copy_version(7, 8)
    )
}

fn csat_dismissed() -> String {
    format!(
        "UPDATE conversations SET \
           csat_dismissed_at = min(coalesce(csat_dismissed_at, ?5), ?5), \
           csat_offered_at = min(coalesce(csat_offered_at, ?5), ?5), \
           csat_mode = coalesce(csat_mode, ?6) \
         WHERE site_key = ?1 AND conversation_id = ?4 AND {SAME_EVENT}"
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
    let newer = format!(
        "(csat_received_at IS NULL OR {received} > csat_received_at \
         OR ({received} = csat_received_at AND (?5 > csat_at OR (?5 = csat_at AND ?2 > csat_event_id))))"
    );
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
           {copy} \
         WHERE site_key = ?1 AND conversation_id = ?4 AND {SAME_EVENT} \
           AND (csat_answered_at IS NULL OR {received} <= csat_answered_at + {CSAT_AMEND_WINDOW_MS})",
        copy = first_copy_version(10, 11)
    )
}

/// Recounts a conversation's thumbs from its messages' current state.
const RECOUNT_THUMBS: &str = "UPDATE conversations SET \
     thumbs_up = (SELECT count(*) FROM message_ratings m \
                  WHERE m.site_key = ?1 AND m.conversation_id = ?2 AND m.rating = 'up'), \
     thumbs_down = (SELECT count(*) FROM message_ratings m \
                    WHERE m.site_key = ?1 AND m.conversation_id = ?2 AND m.rating = 'down') \
     WHERE site_key = ?1 AND conversation_id = ?2";

#[derive(Deserialize)]
struct FirstAnswer {
    conversation_id: String,
    csat_answered_at: Option<i64>,
}

/// When the collector received each batch conversation's first answer,
/// before the batch.
async fn first_answers(
    db: &D1Database,
    site_key: &str,
    events: &[(usize, Event)],
) -> Result<HashMap<String, i64>> {
    let ids: BTreeSet<&str> = events
        .iter()
        .filter(|(_, event)| matches!(event.kind, EventKind::CsatResponse(_)))
        .map(|(_, event)| event.header.conversation_id.as_str())
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let ids = serde_json::to_string(&ids)?;
    let rows = busy::all(
        &db.prepare(
            "SELECT conversation_id, csat_answered_at FROM conversations \
             WHERE site_key = ?1 AND conversation_id IN (SELECT value FROM json_each(?2))",
        )
        .bind(&[text(site_key), text(&ids)])?,
    )
    .await?
    .results::<FirstAnswer>()?;
    Ok(rows
        .into_iter()
        .filter_map(|row| Some((row.conversation_id, row.csat_answered_at?)))
        .collect())
}

/// Refuses CSAT answers received after their conversation's amend window
/// closed (30 minutes after the collector received its first answer),
/// keeping the rest. Every answer of one request is received at the same
/// `received_at`, so they stand or fall together.
async fn enforce_csat_lock(
    db: &D1Database,
    site_key: &str,
    events: Vec<(usize, Event)>,
    rejected: &mut Vec<Rejection>,
    received_at: i64,
) -> Result<Vec<(usize, Event)>> {
    let first = first_answers(db, site_key, &events).await?;
    let mut locked = BTreeSet::new();
    for (index, event) in &events {
        if !matches!(event.kind, EventKind::CsatResponse(_)) {
            continue;
        }
        let conversation = &event.header.conversation_id;
        if let Err(err) = check_amend_window(first.get(conversation).copied(), received_at) {
            locked.insert(*index);
            rejected.push(err.at_index(*index));
        }
    }
    rejected.sort_by_key(|rejection| rejection.index);
    Ok(events
        .into_iter()
        .filter(|(index, _)| !locked.contains(index))
        .collect())
}

/// What a batch did: the answer for the client, and every event the
/// database holds now (for the webhooks they are owed, and for the
/// database a moving site goes to).
pub struct Saved {
    /// `{accepted, duplicates, rejected}`.
    pub report: IngestReport,
    /// The events stored now or before: all but the refused.
    pub kept: Vec<Event>,
}

/// How one request's events are written.
#[derive(Clone, Copy)]
pub struct Write<'a> {
    /// The site they belong to.
    pub site_key: &'a str,
    /// Who sent them.
    pub sender: Sender<'a>,
    /// When the collector received them (unix ms).
    pub received_at: i64,
    /// Whether bad-news events are owed a webhook delivery (the site has a
    /// webhook), recorded in the events' own batch (`webhook_outbox`).
    pub owes_webhooks: bool,
    /// A local fault (`crate::faults`): the batch commits and its first
    /// answer is lost.
    pub lose_first_answer: bool,
}

/// Stores validated events for `write.site_key` and reports how many were
/// new; `None`, with nothing written, when a server's secret is not (or no
/// longer) the site's.
pub async fn save_events(
    db: &D1Database,
    write: Write<'_>,
    events: Vec<(usize, Event)>,
    mut rejected: Vec<Rejection>,
) -> Result<Option<Saved>> {
    let Write {
        site_key,
        sender,
        received_at,
        ..
    } = write;
    let events = enforce_csat_lock(db, site_key, events, &mut rejected, received_at).await?;
    let mut statements: Vec<D1PreparedStatement> = Vec::with_capacity(events.len() * 2 + 9);
    // A server's secret is read first, in the batch's own transaction.
    if let Sender::Server { secret_hash } = sender {
        statements.push(
            db.prepare(SECRET_STILL_VALID)
                .bind(&[text(site_key), text(secret_hash)])?,
        );
    }
    // Conversations first: the type-specific statements update their rows.
    let spans: Vec<_> = spans(&events).into_iter().collect();
    for chunk in spans.chunks(TOUCH_ROWS) {
        let mut params = vec![text(site_key)];
        for (conversation, (first, last, locale)) in chunk {
            params.extend([
                text(conversation),
                millis(*first),
                millis(*last),
                text(locale),
            ]);
        }
        params.push(sender.guard_param());
        statements.push(db.prepare(touch_conversations(chunk.len())).bind(&params)?);
    }
    let mut insert_positions = Vec::with_capacity(events.len());
    let mut rated_conversations = BTreeSet::new();
    for (_, event) in &events {
        let header = &event.header;
        let body = serde_json::to_string(event)?;
        insert_positions.push(statements.len());
        statements.push(db.prepare(insert_event()).bind(&[
            text(site_key),
            text(&header.id),
            text(event.kind.type_name()),
            text(&header.conversation_id),
            millis(header.at),
            millis(received_at),
            text(&header.locale),
            text(&body),
            sender.guard_param(),
        ])?);
        if write.owes_webhooks && event.is_bad_news() {
            statements.push(super::webhook_outbox::owe(
                db,
                site_key,
                &header.id,
                &body,
                received_at,
            )?);
        }
        // ?1 site, ?2 event id, ?3 body, ?4 conversation: shared by every statement
        // below; ?5 on are the type's own (for CSAT: ?5 at, ?6 mode, ...).
        let mut params = vec![
            text(site_key),
            text(&header.id),
            text(&body),
            text(&header.conversation_id),
        ];
        match &event.kind {
            EventKind::MessageFeedback(feedback) => {
                rated_conversations.insert(header.conversation_id.as_str());
                statements.push(super::ratings::upsert(db, &params, header, feedback)?);
            }
            EventKind::CsatOffered(offered) => {
                params.extend([
                    millis(header.at),
                    text(offered.mode.as_str()),
                    copy_version(offered.copy_version),
                    text(&header.locale),
                ]);
                statements.push(db.prepare(csat_offered()).bind(&params)?);
            }
            EventKind::CsatDismissed(dismissed) => {
                params.extend([millis(header.at), text(dismissed.mode.as_str())]);
                statements.push(db.prepare(csat_dismissed()).bind(&params)?);
            }
            EventKind::CsatResponse(answer) => {
                params.extend([
                    millis(header.at),
                    text(answer.mode.as_str()),
                    int(u32::from(answer.score)),
                    opt_text(answer.comment.as_deref()),
                    int(u32::from(answer.completed)),
                    copy_version(answer.copy_version),
                    text(&header.locale),
                ]);
                statements.push(db.prepare(csat_answer()).bind(&params)?);
            }
        }
    }
    for conversation in &rated_conversations {
        statements.push(
            db.prepare(RECOUNT_THUMBS)
                .bind(&[text(site_key), text(conversation)])?,
        );
    }

    let mut report = IngestReport {
        rejected,
        ..IngestReport::default()
    };
    let mut kept = Vec::with_capacity(events.len());
    if statements.is_empty() {
        return Ok(Some(Saved { report, kept }));
    }
    let busy::Batched { results, retried } =
        busy::batch_counted(db, statements, write.lose_first_answer).await?;
    if matches!(sender, Sender::Server { .. }) {
        let valid = match results.first() {
            Some(result) => result.results::<Valid>()?,
            None => Vec::new(),
        };
        if valid.first().is_none_or(|row| row.valid != 1) {
            return Ok(None);
        }
    }
    let mut found = Vec::new();
    for (position, (_, event)) in insert_positions.into_iter().zip(events) {
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
            found.push(event.header.id.clone());
        }
        kept.push(event);
    }
    // A try whose answer was lost may have stored the events the last try
    // found: those received at this request's own time are its own.
    let own = if retried && !found.is_empty() {
        received_now(db, site_key, &found, received_at).await?
    } else {
        0
    };
    report.accepted += own;
    report.duplicates += found.len() - own;
    Ok(Some(Saved { report, kept }))
}

#[derive(Deserialize)]
struct Count {
    n: usize,
}

/// How many of `ids` the database holds as received at `received_at`.
async fn received_now(
    db: &D1Database,
    site_key: &str,
    ids: &[String],
    received_at: i64,
) -> Result<usize> {
    let count = busy::first::<Count>(
        &db.prepare(
            "SELECT count(*) AS n FROM events WHERE site_key = ?1 AND received_at = ?2              AND event_id IN (SELECT value FROM json_each(?3))",
        )
        .bind(&[
            text(site_key),
            millis(received_at),
            text(&serde_json::to_string(ids)?),
        ])?,
    )
    .await?;
    Ok(count.map_or(0, |count| count.n.min(ids.len())))
}

/// While `site_key` moves (`databases::moving_to`), writes what its own
/// database `db` holds of a batch's events to `next` as well, with the
/// same time of receipt: the rules above are idempotent and commutative,
/// so these writes and the move's copy of the older rows meet in the same
/// state, whichever lands first. What goes is what `db` stored, read back:
/// a resend that reuses an event id with another body (a corrected `at`)
/// is a duplicate in `db`, and `next` gets the body `db` kept, so both
/// databases keep the same time (README, "Moving a site"). Only events
/// the site's database accepted come here (its secret was checked there),
/// and its amend window is never stricter than `next`'s, which has seen no
/// more answers.
pub async fn save_for_move(
    db: &D1Database,
    next: &D1Database,
    site_key: &str,
    kept: &[Event],
    received_at: i64,
) -> Result<()> {
    if kept.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = kept.iter().map(|event| event.header.id.as_str()).collect();
    let events: Vec<(usize, Event)> = stored_events(db, site_key, &ids)
        .await?
        .into_iter()
        .enumerate()
        .collect();
    let write = Write {
        site_key,
        sender: Sender::Page,
        received_at,
        // The site's own database owes the deliveries.
        owes_webhooks: false,
        lose_first_answer: false,
    };
    save_events(next, write, events, Vec::new()).await?;
    Ok(())
}

#[derive(Deserialize)]
struct Body {
    body: String,
}

/// The events with these ids as `db` stores them, in the order given.
async fn stored_events(db: &D1Database, site_key: &str, ids: &[&str]) -> Result<Vec<Event>> {
    let rows = busy::all(
        &db.prepare(
            "SELECT e.body FROM json_each(?2) AS wanted \
             JOIN events e ON e.site_key = ?1 AND e.event_id = wanted.value \
             ORDER BY wanted.key",
        )
        .bind(&[text(site_key), text(&serde_json::to_string(ids)?)])?,
    )
    .await?
    .results::<Body>()?;
    // One that does not read back is left to the move's copy.
    Ok(rows
        .iter()
        .filter_map(|row| read_stored(site_key, &row.body))
        .collect())
}

/// An event as stored (`events.body`). Ingest wrote it from a checked
/// event, so one that does not read back (across a protocol change) is a
/// fault: logged, and `None`.
pub fn read_stored(site_key: &str, body: &str) -> Option<Event> {
    let event = serde_json::from_str(body)
        .map_err(|err| err.to_string())
        .and_then(|value| Event::from_json(&value).map_err(|err| err.message));
    event
        .map_err(|err| console_warn!("site {site_key}: a stored event does not read: {err}"))
        .ok()
}
