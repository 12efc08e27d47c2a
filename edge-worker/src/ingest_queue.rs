//! Ingest behind a Cloudflare Queue, for traffic past what one D1 writer
//! takes (`wrangler dev --env queue` / `wrangler deploy --env queue`):
//! the request validates and enqueues; the consumer merges up to 100
//! queued requests per site, and writes them in D1 batches of at most
//! [`EVENTS_PER_WRITE`] events.

use std::collections::BTreeMap;

use protocol::{Event, IngestReport};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use worker::{Env, Message, MessageBatch, Result, RouteContext, console_error, console_warn};

use crate::sites::Site;
use crate::store;
use crate::webhook;

/// The binding requests are enqueued on.
const QUEUE: &str = crate::bindings::INGEST_QUEUE;

/// Most events one D1 batch of the consumer writes: five full requests.
/// A hundred merged requests (10,000 events, some 20,000 statements) in
/// one transaction could pass D1's 30 s per query and fail every retry.
const EVENTS_PER_WRITE: usize = 5 * protocol::limits::MAX_EVENTS_PER_REQUEST;

/// `events` cut, in order, into runs of at most `per_write` (at least 1).
fn writes<T>(events: Vec<T>, per_write: usize) -> Vec<Vec<T>> {
    let mut events = events.into_iter().peekable();
    let mut writes = Vec::new();
    while events.peek().is_some() {
        writes.push(events.by_ref().take(per_write.max(1)).collect());
    }
    writes
}

/// One request's validated events, as queued.
#[derive(Debug, Serialize, Deserialize)]
pub struct QueuedBatch {
    /// The site they belong to.
    pub site_key: String,
    /// The validated events as a JSON array (times already on the server
    /// clock). Text, because queue messages cross into JavaScript, where
    /// JSON objects would become `Map`s and lose their keys.
    pub events: String,
    /// When the collector received the request (unix ms); CSAT answers are
    /// judged by it. Absent in messages queued by an older Worker.
    #[serde(default)]
    pub received_at: Option<i64>,
}

/// Whether this deployment ingests through the queue (`INGEST_MODE`).
pub fn enabled<D>(ctx: &RouteContext<D>) -> bool {
    ctx.var(crate::bindings::INGEST_MODE)
        .is_ok_and(|mode| mode.to_string() == "queue")
}

/// Enqueues `events` for `site_key`; the answer counts them as accepted
/// (duplicates are found by the consumer, and are as harmless there).
pub async fn enqueue<D>(
    ctx: &RouteContext<D>,
    site_key: &str,
    events: Vec<(usize, Event)>,
    rejected: Vec<protocol::Rejection>,
    received_at: i64,
) -> Result<IngestReport> {
    let accepted = events.len();
    if accepted > 0 {
        let events: Vec<&Event> = events.iter().map(|(_, event)| event).collect();
        let events = serde_json::to_string(&events)?;
        ctx.env
            .queue(QUEUE)?
            .send(QueuedBatch {
                site_key: site_key.to_string(),
                events,
                received_at: Some(received_at),
            })
            .await?;
    }
    Ok(IngestReport {
        accepted,
        duplicates: 0,
        rejected,
    })
}

/// The consumer: writes queued requests, per site in batches of at most
/// [`EVENTS_PER_WRITE`] events. A failure returns an error, so the Queue
/// retries the whole batch (writes are idempotent by event id).
pub async fn consume<T>(batch: MessageBatch<T>, env: Env) -> Result<()> {
    let now = worker::Date::now().as_millis() as i64;
    // Per site: the events, and the latest time one of their requests was
    // received. The requests merged into one write were received within
    // the queue's batch timeout of each other; judging their CSAT answers
    // by the latest of those times never lets a late amendment in.
    let mut by_site: BTreeMap<String, (Vec<(usize, Event)>, i64)> = BTreeMap::new();
    for raw in batch.raw_iter() {
        // Queued by this Worker: only a change of the message's shape makes
        // one unreadable, and it must not hold up the others.
        let queued = match Message::<QueuedBatch>::try_from(raw) {
            Ok(message) => message.into_body(),
            Err(err) => {
                console_error!("dropping an unreadable queued request: {err}");
                continue;
            }
        };
        let (events, received_at) = by_site.entry(queued.site_key).or_insert((Vec::new(), 0));
        *received_at = (*received_at).max(queued.received_at.unwrap_or(now));
        let values: Vec<Value> = serde_json::from_str(&queued.events)?;
        for value in &values {
            match Event::from_json(value) {
                Ok(event) => events.push((events.len(), event)),
                // Queued by this Worker, so this only happens across a
                // protocol change; the event is dropped, loudly.
                Err(err) => console_warn!("dropping a queued event: {}", err.message),
            }
        }
    }
    for (site_key, (mut events, received_at)) in by_site {
        let db = store::databases::for_site(&env, &site_key).await?;
        let Some(site) = Site::find(&db, &site_key).await? else {
            console_warn!("dropping queued events of deleted site {site_key}");
            continue;
        };
        // Redacted when they were queued; again here, for what a collector
        // from before redaction queued (a second pass changes nothing).
        if let Some(redactor) = site.config.redaction.redactor() {
            for (_, event) in &mut events {
                protocol::redact::redact_event(&redactor, event);
            }
        }
        for events in writes(events, EVENTS_PER_WRITE) {
            save(&env, &db, &site, events, received_at, now).await?;
        }
    }
    batch.ack_all();
    Ok(())
}

/// Writes one run of `site`'s queued events to `db` (and, while the site
/// moves, to the database it moves to), then queues their webhooks.
async fn save(
    env: &Env,
    db: &worker::D1Database,
    site: &Site,
    events: Vec<(usize, Event)>,
    received_at: i64,
    now: i64,
) -> Result<()> {
    let write = store::ingest::Write {
        site_key: &site.site_key,
        // A server's secret was checked when its request was queued.
        sender: store::ingest::Sender::Page,
        received_at,
        owes_webhooks: site.config.webhook_url.is_some(),
        lose_first_answer: false,
    };
    let Some(saved) = store::ingest::save_events(db, write, events, Vec::new()).await? else {
        return Ok(());
    };
    if let Some(next) = store::databases::moving_to(env, &site.site_key).await? {
        // An error here retries the batch; the site's database then
        // finds duplicates, and this write lands.
        store::ingest::save_for_move(db, &next, &site.site_key, &saved.kept, received_at).await?;
    }
    webhook::outbox::queue_owed(env, db, site, &saved.kept, now).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::writes;

    #[test]
    fn merged_requests_are_written_in_runs_of_bounded_size() {
        assert_eq!(writes(Vec::<u8>::new(), 3), Vec::<Vec<u8>>::new());
        assert_eq!(
            writes(vec![1, 2, 3, 4, 5, 6, 7], 3),
            [vec![1, 2, 3], vec![4, 5, 6], vec![7]]
        );
        assert_eq!(
            writes(vec![1, 2], 0),
            [vec![1], vec![2]],
            "never stuck at 0"
        );
        let many = writes((0..10_000).collect(), super::EVENTS_PER_WRITE);
        assert_eq!(many.len(), 20);
        assert!(many.iter().all(|run| run.len() == super::EVENTS_PER_WRITE));
    }
}
