//! The audit list of a site's settings, keys and secret
//! (`settings_audit`): each entry is written in the same batch as the
//! change it records (`settings`, `keys`), and read newest first.

use protocol::{AuditEntry, Change};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Result};

use super::busy;
use super::{int, millis, text};

/// Audit entries a site's list shows at most (the newest).
pub const AUDIT_LISTED: u32 = 100;

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

#[derive(Deserialize)]
struct AuditFields {
    at: i64,
    actor: String,
    action: String,
    changes: String,
}

/// The site's latest audit entries, newest first.
pub async fn latest(db: &D1Database, site_key: &str) -> Result<Vec<AuditEntry>> {
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
