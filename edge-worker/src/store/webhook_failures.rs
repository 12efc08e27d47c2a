//! `webhook_failures`: deliveries that failed every retry, per site.

use protocol::WebhookFailure;
use serde::Deserialize;
use worker::{D1Database, Result};

use super::busy;
use super::{int, millis, text};

/// Records a failed delivery of `event_ids`, once: the same delivery
/// recorded again (a retried message, or the copy of a moving site) adds
/// no second row.
pub async fn record(
    db: &D1Database,
    site_key: &str,
    queued_at: i64,
    failed_at: i64,
    event_ids: &[String],
) -> Result<()> {
    busy::run(
        &db.prepare(
            "INSERT INTO webhook_failures (site_key, queued_at, failed_at, event_ids) \
             SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM webhook_failures \
               WHERE site_key = ?1 AND queued_at = ?2 AND failed_at = ?3 AND event_ids = ?4)",
        )
        .bind(&[
            text(site_key),
            millis(queued_at),
            millis(failed_at),
            text(&serde_json::to_string(event_ids)?),
        ])?,
    )
    .await?;
    Ok(())
}

#[derive(Deserialize)]
struct Row {
    queued_at: i64,
    failed_at: i64,
    event_ids: String,
}

/// The site's latest `limit` failures, newest first.
pub async fn latest(db: &D1Database, site_key: &str, limit: u32) -> Result<Vec<WebhookFailure>> {
    let rows = busy::all(
        &db.prepare(
            "SELECT queued_at, failed_at, event_ids FROM webhook_failures \
             WHERE site_key = ?1 ORDER BY failed_at DESC LIMIT ?2",
        )
        .bind(&[text(site_key), int(limit)])?,
    )
    .await?
    .results::<Row>()?;
    Ok(rows
        .into_iter()
        .map(|row| WebhookFailure {
            queued_at: row.queued_at,
            failed_at: row.failed_at,
            // Written by `record` from a list of strings.
            event_ids: serde_json::from_str(&row.event_ids).unwrap_or_default(),
        })
        .collect())
}
