//! `site_copy`: each site's own wording, per locale.

use serde::Deserialize;
use worker::{D1Database, Result};

use super::busy;
use super::{millis, text};

#[derive(Deserialize)]
struct CopyRow {
    ftl: String,
}

/// Stores `ftl` as `site_key`'s wording for `locale`, replacing any.
pub async fn save(
    db: &D1Database,
    site_key: &str,
    locale: &str,
    ftl: &str,
    now: i64,
) -> Result<()> {
    busy::run(&db.prepare(
        "INSERT INTO site_copy (site_key, locale, ftl, updated_at) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (site_key, locale) DO UPDATE SET ftl = excluded.ftl, updated_at = excluded.updated_at",
    )
    .bind(&[text(site_key), text(locale), text(ftl), millis(now)])?)
    .await?;
    Ok(())
}

/// The wording `site_key` stored for `locale`, if any.
pub async fn find(db: &D1Database, site_key: &str, locale: &str) -> Result<Option<String>> {
    Ok(busy::first::<CopyRow>(
        &db.prepare("SELECT ftl FROM site_copy WHERE site_key = ?1 AND locale = ?2")
            .bind(&[text(site_key), text(locale)])?,
    )
    .await?
    .map(|row| row.ftl))
}
