//! Writing a batch of validated events: one D1 batch (one transaction) per
//! request, so a request's events are stored all together or not at all.
//! The statements and the rules in them are the `ledger` crate's, tested
//! natively against SQLite; this binds them for D1 and reads what they did.

use std::collections::{BTreeSet, HashMap};

use ledger::ingest::{Batch, Plan};
use protocol::csat::check_amend_window;
use protocol::{Event, EventKind, IngestReport, Rejection};
use serde::Deserialize;
use worker::{D1Database, Result, console_warn};

use super::{bind, busy};

pub use ledger::ingest::Sender;

#[derive(Deserialize)]
struct Valid {
    valid: i64,
}

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
    let ids: Vec<&str> = events
        .iter()
        .filter(|(_, event)| matches!(event.kind, EventKind::CsatResponse(_)))
        .map(|(_, event)| event.header.conversation_id.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let read = ledger::ingest::first_answers(site_key, &ids);
    let rows = busy::all(&bind(db, &read)?)
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
) -> Result<Vec<Event>> {
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
        .map(|(_, event)| event)
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
        owes_webhooks,
        lose_first_answer,
    } = write;
    let events = enforce_csat_lock(db, site_key, events, &mut rejected, received_at).await?;
    let batch = Batch {
        site_key,
        sender,
        received_at,
        owes_webhooks,
    };
    let Plan {
        statements,
        secret_check,
        inserted,
    } = ledger::ingest::plan(&batch, &events)?;
    let mut report = IngestReport {
        rejected,
        ..IngestReport::default()
    };
    if statements.is_empty() {
        return Ok(Some(Saved {
            report,
            kept: Vec::new(),
        }));
    }
    let statements = statements
        .iter()
        .map(|statement| bind(db, statement))
        .collect::<Result<Vec<_>>>()?;
    let busy::Batched { results, retried } =
        busy::batch_counted(db, statements, lose_first_answer).await?;
    if let Some(check) = secret_check {
        let valid = match results.get(check) {
            Some(result) => result.results::<Valid>()?,
            None => Vec::new(),
        };
        if valid.first().is_none_or(|row| row.valid != 1) {
            return Ok(None);
        }
    }
    // The ids the insert stored: each a new event, counted once.
    let mut new_ids: BTreeSet<String> = match inserted.and_then(|at| results.get(at)) {
        Some(result) => result
            .results::<NewEvent>()?
            .into_iter()
            .map(|row| row.event_id)
            .collect(),
        None => BTreeSet::new(),
    };
    let mut found = Vec::new();
    for event in &events {
        if new_ids.remove(&event.header.id) {
            report.accepted += 1;
        } else {
            found.push(event.header.id.as_str());
        }
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
    Ok(Some(Saved {
        report,
        kept: events,
    }))
}

/// A row of the events' insert: an event it stored.
#[derive(Deserialize)]
struct NewEvent {
    event_id: String,
}

#[derive(Deserialize)]
struct Count {
    n: usize,
}

/// How many of `ids` the database holds as received at `received_at`.
async fn received_now(
    db: &D1Database,
    site_key: &str,
    ids: &[&str],
    received_at: i64,
) -> Result<usize> {
    let read = ledger::ingest::received_at(site_key, ids, received_at);
    let count = busy::first::<Count>(&bind(db, &read)?).await?;
    Ok(count.map_or(0, |count| count.n.min(ids.len())))
}

/// While `site_key` moves (`databases::moving_to`), writes what its own
/// database `db` holds of a batch's events to `next` as well, with the
/// same time of receipt: the rules are idempotent and commutative, so
/// these writes and the move's copy of the older rows meet in the same
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
    let read = ledger::ingest::stored_events(site_key, ids);
    let rows = busy::all(&bind(db, &read)?).await?.results::<Body>()?;
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
