//! `sites` and `site_origins`: who may send feedback, from where, with
//! what settings.

use serde::Deserialize;
use worker::{D1Database, Result};

use super::busy;
use super::text;

/// A `sites` row as stored.
#[derive(Deserialize)]
pub struct SiteRow {
    /// Public key.
    pub site_key: String,
    /// Hex SHA-256 of the secret.
    pub secret_hash: String,
    /// The settings, as JSON text.
    pub config: String,
    /// What webhook bodies are signed with.
    pub webhook_secret: Option<String>,
}

/// The site with this public key, if any.
pub async fn find(db: &D1Database, site_key: &str) -> Result<Option<SiteRow>> {
    busy::first::<SiteRow>(
        &db.prepare(
            "SELECT site_key, secret_hash, config, webhook_secret FROM sites WHERE site_key = ?1",
        )
        .bind(&[text(site_key)])?,
    )
    .await
}

/// Whether `site_key` lists `origin` among its allowed origins.
pub async fn allows_origin(db: &D1Database, site_key: &str, origin: &str) -> Result<bool> {
    Ok(busy::first::<serde_json::Value>(
        &db.prepare("SELECT 1 AS found FROM site_origins WHERE site_key = ?1 AND origin = ?2")
            .bind(&[text(site_key), text(origin)])?,
    )
    .await?
    .is_some())
}

/// Whether any site lists `origin`.
pub async fn origin_known(db: &D1Database, origin: &str) -> Result<bool> {
    Ok(busy::first::<serde_json::Value>(
        &db.prepare("SELECT 1 AS found FROM site_origins WHERE origin = ?1 LIMIT 1")
            .bind(&[text(origin)])?,
    )
    .await?
    .is_some())
}
