//! A site's settings as its owner edits them (`sites.config`, its
//! `site_origins` and `settings_etag`) and the secret's rotation, each
//! written with its audit entry (`audit`).

use serde::Deserialize;
use worker::{D1Database, Result};

use super::audit::AuditRow;
use super::{busy, changed, text};

/// The stored settings.
#[derive(Debug, Deserialize)]
pub struct SettingsRow {
    /// `sites.config`, JSON text.
    pub config: String,
    /// The settings' version (their ETag).
    pub settings_etag: Option<String>,
    /// The allowed origins, a JSON array in order.
    pub origins: String,
}

/// A site's settings, if the site exists.
pub async fn read(db: &D1Database, site_key: &str) -> Result<Option<SettingsRow>> {
    busy::first::<SettingsRow>(
        &db.prepare(
            "SELECT config, settings_etag, \
               (SELECT json_group_array(origin) FROM \
                  (SELECT origin FROM site_origins WHERE site_key = ?1 ORDER BY origin)) AS origins \
             FROM sites WHERE site_key = ?1",
        )
        .bind(&[text(site_key)])?,
    )
    .await
}

/// Writes new settings if they are still at version `old_etag`, with
/// `new_etag` as their version and the audit entry, all or nothing;
/// whether they were (`false`: someone changed them meanwhile).
pub async fn save(
    db: &D1Database,
    site_key: &str,
    (old_etag, new_etag): (&str, &str),
    config: &str,
    origins: &[String],
    audit: &AuditRow,
) -> Result<bool> {
    // The first statement moves the version on only from `old_etag`; every
    // later one runs only if the version is now this request's own (a
    // random value no other writer has).
    let mine = "EXISTS (SELECT 1 FROM sites WHERE site_key = ?1 AND settings_etag = ?6)";
    let origins = serde_json::to_string(origins)?;
    let statements = vec![
        db.prepare(
            "UPDATE sites SET config = ?2, settings_etag = ?3 \
             WHERE site_key = ?1 AND settings_etag = ?4",
        )
        .bind(&[text(site_key), text(config), text(new_etag), text(old_etag)])?,
        db.prepare(format!(
            "DELETE FROM site_origins WHERE site_key = ?1 AND {}",
            mine.replace("?6", "?2")
        ))
        .bind(&[text(site_key), text(new_etag)])?,
        db.prepare(format!(
            "INSERT OR IGNORE INTO site_origins (site_key, origin) \
             SELECT ?1, value FROM json_each(?3) WHERE {}",
            mine.replace("?6", "?2")
        ))
        .bind(&[text(site_key), text(new_etag), text(&origins)])?,
        audit.insert_if(db, site_key, mine, new_etag)?,
    ];
    let outcome = busy::batch(db, statements).await;
    if let Ok(results) = &outcome
        && changed(results.first())
    {
        return Ok(true);
    }
    // Not changed, or no answer: stored if the version is now this
    // request's own (a retried batch that had been applied finds that).
    let mine = read(db, site_key)
        .await?
        .and_then(|row| row.settings_etag)
        .is_some_and(|etag| etag == new_etag);
    match outcome {
        Err(err) if !mine => Err(err),
        _ => Ok(mine),
    }
}

/// Replaces the site's secret (its hash) with `new_hash` if it is still
/// `old_hash`, and records it; whether it did (`false`: another rotation
/// came first, and its secret is the one that works). The old secret opens
/// nothing from the moment this returns.
pub async fn rotate_secret(
    db: &D1Database,
    site_key: &str,
    (old_hash, new_hash): (&str, &str),
    audit: &AuditRow,
) -> Result<bool> {
    let outcome = busy::batch(
        db,
        vec![
            db.prepare(
                "UPDATE sites SET secret_hash = ?2 WHERE site_key = ?1 AND secret_hash = ?3",
            )
            .bind(&[text(site_key), text(new_hash), text(old_hash)])?,
            audit.insert_if(
                db,
                site_key,
                "EXISTS (SELECT 1 FROM sites WHERE site_key = ?1 AND secret_hash = ?6)",
                new_hash,
            )?,
        ],
    )
    .await;
    if let Ok(results) = &outcome
        && changed(results.first())
    {
        return Ok(true);
    }
    let stored = busy::first::<serde_json::Value>(
        &db.prepare("SELECT 1 AS found FROM sites WHERE site_key = ?1 AND secret_hash = ?2")
            .bind(&[text(site_key), text(new_hash)])?,
    )
    .await?
    .is_some();
    match outcome {
        Err(err) if !stored => Err(err),
        _ => Ok(stored),
    }
}
