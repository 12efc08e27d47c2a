//! Named keys (`site_keys`): only a hash of each secret is stored.

use protocol::AccessKey;
use protocol::access::{MAX_KEYS, MAX_LISTED_KEYS, RevokedCursor};
use serde::Deserialize;
use worker::{D1Database, Result};

use super::audit::AuditRow;
use super::{busy, changed, int, millis, text};

/// A `site_keys` row.
#[derive(Debug, Clone, Deserialize)]
pub struct KeyRow {
    /// Its id (`key_…`).
    pub key_id: String,
    /// Its name.
    pub name: String,
    /// `wording` or `read`.
    pub scope: String,
    /// Hex SHA-256 of its secret.
    pub secret_hash: String,
    /// Unix ms.
    pub created_at: i64,
    /// Unix ms, when revoked.
    pub revoked_at: Option<i64>,
}

impl KeyRow {
    /// As the owner sees it (`None` for a scope no version wrote).
    pub fn shown(self) -> Option<AccessKey> {
        Some(AccessKey {
            scope: protocol::Scope::parse(&self.scope)?,
            id: self.key_id,
            name: self.name,
            created_at: self.created_at,
            revoked_at: self.revoked_at,
        })
    }
}

const COLUMNS: &str = "key_id, name, scope, secret_hash, created_at, revoked_at";

/// The site's keys that work (not revoked).
pub async fn live(db: &D1Database, site_key: &str) -> Result<Vec<KeyRow>> {
    busy::all(
        &db.prepare(format!(
            "SELECT {COLUMNS} FROM site_keys WHERE site_key = ?1 AND revoked_at IS NULL LIMIT ?2"
        ))
        .bind(&[text(site_key), int(MAX_KEYS as u32)])?,
    )
    .await?
    .results::<KeyRow>()
}

/// The site's keys for its list: every live one (there are at most
/// [`MAX_KEYS`]), then the latest revoked ones, newest first within each,
/// [`MAX_LISTED_KEYS`] in all. However many keys were revoked since, a
/// live key is always listed.
pub async fn all(db: &D1Database, site_key: &str) -> Result<Vec<KeyRow>> {
    busy::all(
        &db.prepare(format!(
            "SELECT {COLUMNS} FROM site_keys WHERE site_key = ?1 \
             ORDER BY revoked_at IS NOT NULL, created_at DESC, key_id LIMIT ?2"
        ))
        .bind(&[text(site_key), int(MAX_LISTED_KEYS as u32)])?,
    )
    .await?
    .results::<KeyRow>()
}

#[derive(Deserialize)]
struct Count {
    count: u32,
}

/// How many of the site's keys were revoked.
pub async fn revoked_count(db: &D1Database, site_key: &str) -> Result<u32> {
    Ok(busy::first::<Count>(
        &db.prepare(
            "SELECT count(*) AS count FROM site_keys WHERE site_key = ?1 AND revoked_at IS NOT NULL",
        )
        .bind(&[text(site_key)])?,
    )
    .await?
    .map_or(0, |found| found.count))
}

/// Up to `limit` of the site's revoked keys, most recently revoked first
/// (then by id, descending), after `before` when given.
pub async fn revoked(
    db: &D1Database,
    site_key: &str,
    before: Option<&RevokedCursor>,
    limit: usize,
) -> Result<Vec<KeyRow>> {
    let limit = int(u32::try_from(limit).unwrap_or(u32::MAX));
    let statement = match before {
        None => db
            .prepare(format!(
                "SELECT {COLUMNS} FROM site_keys WHERE site_key = ?1 AND revoked_at IS NOT NULL \
                 ORDER BY revoked_at DESC, key_id DESC LIMIT ?2"
            ))
            .bind(&[text(site_key), limit])?,
        Some(cursor) => db
            .prepare(format!(
                "SELECT {COLUMNS} FROM site_keys WHERE site_key = ?1 AND revoked_at IS NOT NULL \
                 AND (revoked_at < ?2 OR (revoked_at = ?2 AND key_id < ?3)) \
                 ORDER BY revoked_at DESC, key_id DESC LIMIT ?4"
            ))
            .bind(&[
                text(site_key),
                millis(cursor.revoked_at),
                text(&cursor.key_id),
                limit,
            ])?,
    };
    busy::all(&statement).await?.results::<KeyRow>()
}

/// The key `key_id`, live or revoked.
pub async fn find(db: &D1Database, site_key: &str, key_id: &str) -> Result<Option<KeyRow>> {
    busy::first::<KeyRow>(
        &db.prepare(format!(
            "SELECT {COLUMNS} FROM site_keys WHERE site_key = ?1 AND key_id = ?2"
        ))
        .bind(&[text(site_key), text(key_id)])?,
    )
    .await
}

/// Stores a new key and its audit entry together, unless the site has
/// [`MAX_KEYS`] live ones already; whether it was stored. (A batch
/// retried after a lost answer finds the key there: that counts as
/// stored.)
pub async fn create(
    db: &D1Database,
    site_key: &str,
    key: &KeyRow,
    audit: &AuditRow,
) -> Result<bool> {
    let results = busy::batch(
        db,
        vec![
            db.prepare(
                "INSERT INTO site_keys (site_key, key_id, name, scope, secret_hash, created_at) \
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6 \
                 WHERE (SELECT count(*) FROM site_keys WHERE site_key = ?1 AND revoked_at IS NULL) < ?7 \
                   AND NOT EXISTS (SELECT 1 FROM site_keys WHERE site_key = ?1 AND key_id = ?2)",
            )
            .bind(&[
                text(site_key),
                text(&key.key_id),
                text(&key.name),
                text(&key.scope),
                text(&key.secret_hash),
                millis(key.created_at),
                int(MAX_KEYS as u32),
            ])?,
            audit.insert_if(
                db,
                site_key,
                "EXISTS (SELECT 1 FROM site_keys WHERE site_key = ?1 AND key_id = ?6)",
                &key.key_id,
            )?,
        ],
    )
    .await;
    match results {
        Ok(results) if changed(results.first()) => Ok(true),
        outcome => {
            let stored = find(db, site_key, &key.key_id)
                .await?
                .is_some_and(|found| found.secret_hash == key.secret_hash);
            match outcome {
                Err(err) if !stored => Err(err),
                _ => Ok(stored),
            }
        }
    }
}

/// Revokes a key (it opens nothing from now on) and records it; whether
/// a live key with that id was there.
pub async fn revoke(
    db: &D1Database,
    site_key: &str,
    key_id: &str,
    now: i64,
    audit: &AuditRow,
) -> Result<bool> {
    let results = busy::batch(
        db,
        vec![
            audit.insert_if(
                db,
                site_key,
                "EXISTS (SELECT 1 FROM site_keys WHERE site_key = ?1 AND key_id = ?6 AND revoked_at IS NULL)",
                key_id,
            )?,
            db.prepare(
                "UPDATE site_keys SET revoked_at = ?3 \
                 WHERE site_key = ?1 AND key_id = ?2 AND revoked_at IS NULL",
            )
            .bind(&[text(site_key), text(key_id), millis(now)])?,
        ],
    )
    .await?;
    Ok(changed(results.get(1)))
}
