//! Sites: who may send feedback, from which origins, and who may read it.

use protocol::secret::{bearer_token, secret_matches};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, Request, Result};

/// A registered site, as much of it as a request needs.
#[derive(Debug, Deserialize)]
pub struct Site {
    /// Public key (`pk_...`).
    pub site_key: String,
    /// Hex SHA-256 of the secret.
    secret_hash: String,
}

impl Site {
    /// Looks a site up by its public key.
    pub async fn find(db: &D1Database, site_key: &str) -> Result<Option<Site>> {
        db.prepare("SELECT site_key, secret_hash FROM sites WHERE site_key = ?1")
            .bind(&[JsValue::from_str(site_key)])?
            .first::<Site>(None)
            .await
    }

    /// Whether pages from `origin` may send events for this site.
    pub async fn allows_origin(&self, db: &D1Database, origin: &str) -> Result<bool> {
        let row = db
            .prepare("SELECT 1 AS found FROM site_origins WHERE site_key = ?1 AND origin = ?2")
            .bind(&[JsValue::from_str(&self.site_key), JsValue::from_str(origin)])?
            .first::<serde_json::Value>(None)
            .await?;
        Ok(row.is_some())
    }

    /// Whether the request carries this site's secret as a bearer token.
    pub fn is_authorized(&self, req: &Request) -> Result<bool> {
        let header = req.headers().get("Authorization")?;
        Ok(header
            .as_deref()
            .and_then(bearer_token)
            .is_some_and(|secret| secret_matches(secret, &self.secret_hash)))
    }
}
