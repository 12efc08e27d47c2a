//! `webhook_outbox`: the deliveries a site is owed (migration 0013). A row
//! is written in the same batch as its event (`ledger::ingest`), so what
//! is stored decides what is delivered; whoever queues a row claims it
//! first and marks it queued after (see `crate::webhook::outbox`).

use serde::Deserialize;
use worker::{D1Database, Result};

use super::busy;
use super::{int, millis, text};

/// How long a claim holds: one older than this has lapsed (its holder
/// died, or the queue refused it), and the row may be claimed again.
pub const LEASE_MS: i64 = 60_000;

/// Rows one sweep claims at most, per database.
pub const SWEEP_ROWS: u32 = 500;

/// Which owed rows a claim takes.
pub enum Owed<'a> {
    /// The rows of these events of one site (the request that stored them,
    /// or its retry).
    Events {
        /// The site.
        site_key: &'a str,
        /// The events, as a JSON array of ids.
        ids_json: &'a str,
    },
    /// Any site's rows stored at or before this time (unix ms): the sweep.
    StoredBefore(i64),
}

/// An owed row, claimed, with its stored event.
#[derive(Deserialize)]
pub struct Claimed {
    /// The site it belongs to.
    pub site_key: String,
    /// The event.
    pub event_id: String,
    /// When the event was received (unix ms).
    pub stored_at: i64,
    /// The stored event's JSON.
    pub body: String,
}

/// Claims the owed rows `owed` names that nobody holds (or whose claim
/// has lapsed), under the token `claim` at `now`, and returns them with
/// their stored events, per site and in the order they were stored. A row whose event is
/// gone (erased, or past retention) is not claimed; the retention sweep
/// deletes it.
pub async fn claim(db: &D1Database, owed: Owed<'_>, claim: &str, now: i64) -> Result<Vec<Claimed>> {
    let free = "queued_at IS NULL AND (claimed_at IS NULL OR claimed_at <= ?2 - ?3) \
                AND EXISTS (SELECT 1 FROM events e \
                  WHERE e.site_key = webhook_outbox.site_key AND e.event_id = webhook_outbox.event_id)";
    let mut params = vec![text(claim), millis(now), millis(LEASE_MS)];
    // The read looks where the claim did, so a backlog of rows owed
    // elsewhere costs a request nothing.
    let read = "SELECT o.site_key, o.event_id, o.stored_at, e.body FROM webhook_outbox o \
                JOIN events e ON e.site_key = o.site_key AND e.event_id = o.event_id \
                WHERE o.queued_at IS NULL AND o.claim = ?1";
    let order = "ORDER BY o.site_key, o.rowid";
    let (update, read) = match owed {
        Owed::Events { site_key, ids_json } => {
            params.extend([text(site_key), text(ids_json)]);
            let read = db
                .prepare(format!(
                    "{read} AND o.site_key = ?2 \
                     AND o.event_id IN (SELECT value FROM json_each(?3)) {order}"
                ))
                .bind(&[text(claim), text(site_key), text(ids_json)])?;
            let update = format!(
                "UPDATE webhook_outbox SET claim = ?1, claimed_at = ?2 \
                 WHERE site_key = ?4 AND event_id IN (SELECT value FROM json_each(?5)) AND {free}"
            );
            (update, read)
        }
        Owed::StoredBefore(time) => {
            params.extend([millis(time), int(SWEEP_ROWS)]);
            let read = db.prepare(format!("{read} {order}")).bind(&[text(claim)])?;
            let update = format!(
                "UPDATE webhook_outbox SET claim = ?1, claimed_at = ?2 WHERE rowid IN \
                   (SELECT rowid FROM webhook_outbox WHERE stored_at <= ?4 AND {free} LIMIT ?5)"
            );
            (update, read)
        }
    };
    let results = busy::batch(db, vec![db.prepare(update).bind(&params)?, read]).await?;
    match results.get(1) {
        Some(rows) => rows.results::<Claimed>(),
        None => Ok(Vec::new()),
    }
}

/// Marks `site_key`'s rows of `ids_json` (a JSON array of event ids)
/// held by `claim` as queued at `now`.
pub async fn mark_queued(
    db: &D1Database,
    site_key: &str,
    ids_json: &str,
    claim: &str,
    now: i64,
) -> Result<()> {
    busy::run(
        &db.prepare(
            "UPDATE webhook_outbox SET queued_at = ?4 \
             WHERE site_key = ?1 AND claim = ?3 AND queued_at IS NULL \
               AND event_id IN (SELECT value FROM json_each(?2))",
        )
        .bind(&[text(site_key), text(ids_json), text(claim), millis(now)])?,
    )
    .await?;
    Ok(())
}
