//! What is stored decides what is delivered. Ingest writes an outbox row
//! for each bad-news event in the event's own batch
//! (`store::webhook_outbox`); then the request queues the deliveries its
//! events are owed and marks them queued. When the request cannot (the
//! batch's answer was lost and its retry found everything stored, the
//! queue refused, the isolate died), the row stays owed: the request's
//! retry queues it, and so does the sweep, which runs every two minutes
//! ([`SWEEP_CRON`]) over rows still owed a minute after they were stored.
//! So a delivery is queued within about three minutes of its event at the
//! latest. A receiver may get one twice (a claim that lapsed while its
//! holder was still queueing); event ids tell the copies apart.

use std::collections::BTreeMap;

use protocol::Event;
use worker::{D1Database, Env, Result, console_error};

use super::{Delivery, QUEUE};
use crate::sites::Site;
use crate::store;
use crate::store::webhook_outbox::{Claimed, Owed};

/// The cron trigger of the sweep (in `wrangler.toml`'s `[triggers]`).
pub const SWEEP_CRON: &str = "*/2 * * * *";

/// How long after it was stored a row becomes the sweep's: the request
/// that stored it has long finished with it by then.
const SWEEP_AFTER_MS: i64 = 60_000;

/// How long a row may stay owed before the sweep gives it up and records
/// it for the owner as a failed delivery (`GET …/webhook/failures`).
const GIVE_UP_MS: i64 = 24 * 60 * 60 * 1000;

/// Queues the deliveries `site` is owed for `events` (a request's events,
/// stored now or found stored), once each: rows another request or the
/// sweep holds are left to it. Errors are logged: the rows stay owed, and
/// the sweep takes them.
pub async fn queue_owed(env: &Env, db: &D1Database, site: &Site, events: &[Event], now: i64) {
    if site.config.webhook_url.is_none() {
        return;
    }
    let ids: Vec<&str> = events
        .iter()
        .filter(|event| event.is_bad_news())
        .map(|event| event.header.id.as_str())
        .collect();
    if ids.is_empty() {
        return;
    }
    if let Err(err) = queue_ids(env, db, site, &ids, now).await {
        console_error!(
            "site {}: webhook deliveries left for the sweep: {err}",
            site.site_key
        );
    }
}

async fn queue_ids(env: &Env, db: &D1Database, site: &Site, ids: &[&str], now: i64) -> Result<()> {
    let token = crate::random::token("claim_", 16)?;
    let ids_json = serde_json::to_string(ids)?;
    let owed = Owed::Events {
        site_key: &site.site_key,
        ids_json: &ids_json,
    };
    let claimed = store::webhook_outbox::claim(db, owed, &token, now).await?;
    send_claimed(env, db, site, claimed, &token, now).await
}

/// Queues `site`'s claimed rows and marks them queued. Nothing is marked
/// when the queue refuses one: the claim lapses and they are tried again.
async fn send_claimed(
    env: &Env,
    db: &D1Database,
    site: &Site,
    claimed: Vec<Claimed>,
    token: &str,
    now: i64,
) -> Result<()> {
    if claimed.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = claimed.iter().map(|row| row.event_id.as_str()).collect();
    let ids_json = serde_json::to_string(&ids)?;
    // One that does not read back is marked with the rest, so it is not
    // claimed again and again.
    let events: Vec<Event> = claimed
        .iter()
        .filter_map(|row| store::ingest::read_stored(&site.site_key, &row.body))
        .collect();
    let queue = env.queue(QUEUE)?;
    for delivery in Delivery::of(site, &events, now) {
        queue.send(&delivery).await?;
    }
    store::webhook_outbox::mark_queued(db, &site.site_key, &ids_json, token, now).await
}

/// The sweep of one database: queues every row still owed a minute after
/// it was stored, and gives up (recording a failed delivery for the
/// owner) rows owed for a day. How many rows it queued or gave up.
pub async fn sweep(env: &Env, db: &D1Database, now: i64) -> Result<usize> {
    let token = crate::random::token("sweep_", 16)?;
    let claimed =
        store::webhook_outbox::claim(db, Owed::StoredBefore(now - SWEEP_AFTER_MS), &token, now)
            .await?;
    let mut by_site: BTreeMap<String, Vec<Claimed>> = BTreeMap::new();
    for row in claimed {
        by_site.entry(row.site_key.clone()).or_default().push(row);
    }
    let mut handled = 0;
    for (site_key, rows) in by_site {
        let count = rows.len();
        // A site's settings live in its own database, which is this one
        // unless the site is moving away from it.
        let site_db = store::databases::for_site(env, &site_key).await?;
        let site = match Site::find(&site_db, &site_key).await? {
            Some(site) if site.config.webhook_url.is_some() => site,
            // No webhook any more (or no site): nothing is owed.
            _ => {
                let ids: Vec<&str> = rows.iter().map(|row| row.event_id.as_str()).collect();
                let ids_json = serde_json::to_string(&ids)?;
                store::webhook_outbox::mark_queued(db, &site_key, &ids_json, &token, now).await?;
                handled += count;
                continue;
            }
        };
        let oldest = rows.iter().map(|row| row.stored_at).min().unwrap_or(now);
        let ids: Vec<String> = rows.iter().map(|row| row.event_id.clone()).collect();
        match send_claimed(env, db, &site, rows, &token, now).await {
            Ok(()) => handled += count,
            Err(err) if now - oldest > GIVE_UP_MS => {
                console_error!("site {site_key}: webhook deliveries given up after a day: {err}");
                store::webhook_failures::record(db, &site_key, oldest, now, &ids).await?;
                let ids_json = serde_json::to_string(&ids)?;
                store::webhook_outbox::mark_queued(db, &site_key, &ids_json, &token, now).await?;
                handled += count;
            }
            Err(err) => console_error!("site {site_key}: webhook deliveries not queued yet: {err}"),
        }
    }
    Ok(handled)
}

#[cfg(test)]
mod tests {
    use super::SWEEP_CRON;

    #[test]
    fn wrangler_toml_triggers_the_sweep() {
        let config: toml::Table = include_str!("../../wrangler.toml")
            .parse()
            .unwrap_or_default();
        let crons: Vec<&str> = config
            .get("triggers")
            .and_then(|triggers| triggers.get("crons"))
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(toml::Value::as_str)
            .collect();
        assert!(crons.contains(&SWEEP_CRON), "{crons:?}");
        assert!(crons.contains(&crate::alerts::CRON), "{crons:?}");
        assert!(crons.len() >= 2, "the daily retention sweep too: {crons:?}");
    }
}
