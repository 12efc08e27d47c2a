//! A site's settings as its owner edits them (`sites.config`, its
//! `site_origins` and `settings_etag`), the secret's rotation, and the
//! audit list (`settings_audit`).

use protocol::{AuditEntry, Change};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Result};

use super::busy;
use super::keys::changed;
use super::{int, millis, text};

/// Audit entries a site's list shows at most (the newest).
pub const AUDIT_LISTED: u32 = 100;

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

/// An audit entry to be written with the change it records.
pub struct AuditRow {
    /// Unix ms.
    pub at: i64,
    /// `owner` or `key_… (name)`.
    pub actor: String,
    /// `settings`, `key_created`, `key_revoked` or `secret_rotated`.
    pub action: &'static str,
    /// What changed (never a secret).
    pub changes: Vec<Change>,
}

impl AuditRow {
    /// The INSERT of this entry, run only where `guard` (SQL using `?1`,
    /// the site, and `?6`, `guard_value`) holds, so it is written exactly
    /// when the change in the same batch is; and only once, should the
    /// batch be retried after an answer that was lost.
    pub fn insert_if(
        &self,
        db: &D1Database,
        site_key: &str,
        guard: &str,
        guard_value: &str,
    ) -> Result<D1PreparedStatement> {
        db.prepare(format!(
            "INSERT INTO settings_audit (site_key, at, actor, action, changes) \
             SELECT ?1, ?2, ?3, ?4, ?5 WHERE {guard} AND NOT EXISTS \
               (SELECT 1 FROM settings_audit WHERE site_key = ?1 AND at = ?2 \
                  AND actor = ?3 AND action = ?4 AND changes = ?5)"
        ))
        .bind(&[
            text(site_key),
            millis(self.at),
            text(&self.actor),
            text(self.action),
            text(&serde_json::to_string(&self.changes)?),
            text(guard_value),
        ])
    }
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

#[derive(Deserialize)]
struct AuditFields {
    at: i64,
    actor: String,
    action: String,
    changes: String,
}

/// The site's latest audit entries, newest first.
pub async fn audit(db: &D1Database, site_key: &str) -> Result<Vec<AuditEntry>> {
    let rows = busy::all(
        &db.prepare(
            "SELECT at, actor, action, changes FROM settings_audit \
             WHERE site_key = ?1 ORDER BY at DESC, rowid DESC LIMIT ?2",
        )
        .bind(&[text(site_key), int(AUDIT_LISTED)])?,
    )
    .await?
    .results::<AuditFields>()?;
    Ok(rows
        .into_iter()
        .map(|row| AuditEntry {
            at: row.at,
            actor: row.actor,
            action: row.action,
            // Written by this module from `Change`s: what does not read is
            // shown as no change rather than failing the list.
            changes: serde_json::from_str(&row.changes).unwrap_or_default(),
        })
        .collect())
}
