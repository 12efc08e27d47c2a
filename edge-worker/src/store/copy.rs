//! `site_copy` (each site's live wording, per locale) and
//! `site_copy_versions` (every save of it).

use protocol::copy_versions::{CopyVersion, CopyVersionText, MAX_LISTED_VERSIONS, VersionPrompts};
use serde::Deserialize;
use worker::{D1Database, Result};

use super::busy;
use super::{int, millis, text};

#[derive(Deserialize)]
struct CopyRow {
    ftl: String,
}

#[derive(Deserialize)]
struct LiveRow {
    ftl: String,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct PromptsRow {
    version: u32,
    offered: u64,
    answered: u64,
    completed: u64,
}

#[derive(Deserialize)]
struct VersionRow {
    version: u32,
    saved_at: i64,
    saved_by: String,
    ftl: Option<String>,
}

impl VersionRow {
    fn about(&self) -> CopyVersion {
        CopyVersion {
            version: self.version,
            saved_at: self.saved_at,
            saved_by: self.saved_by.clone(),
        }
    }
}

#[derive(Deserialize)]
struct Added {
    version: u32,
}

/// Stores `ftl` as `site_key`'s wording for `locale` (replacing the live
/// text) and keeps it as the next version, saved by `saved_by`; in one
/// batch. Saving the text the latest version already has adds no version
/// (so a save tried again after a lost answer adds none either). The
/// version it added, if it added one.
pub async fn save(
    db: &D1Database,
    site_key: &str,
    locale: &str,
    ftl: &str,
    now: i64,
    saved_by: &str,
) -> Result<Option<u32>> {
    let live = db
        .prepare(
            "INSERT INTO site_copy (site_key, locale, ftl, updated_at) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (site_key, locale) DO UPDATE SET ftl = excluded.ftl, updated_at = excluded.updated_at",
        )
        .bind(&[text(site_key), text(locale), text(ftl), millis(now)])?;
    let version = db
        .prepare(
            "INSERT INTO site_copy_versions (site_key, locale, version, ftl, saved_at, saved_by) \
             SELECT ?1, ?2, coalesce(max(version), 0) + 1, ?3, ?4, ?5 \
               FROM site_copy_versions WHERE site_key = ?1 AND locale = ?2 \
             HAVING NOT EXISTS (SELECT 1 FROM site_copy_versions l \
               WHERE l.site_key = ?1 AND l.locale = ?2 AND l.ftl = ?3 \
                 AND l.version = (SELECT max(version) FROM site_copy_versions \
                                  WHERE site_key = ?1 AND locale = ?2)) \
             RETURNING version",
        )
        .bind(&[
            text(site_key),
            text(locale),
            text(ftl),
            millis(now),
            text(saved_by),
        ])?;
    let results = busy::batch(db, vec![live, version]).await?;
    Ok(match results.get(1) {
        Some(added) => added.results::<Added>()?.first().map(|row| row.version),
        None => None,
    })
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

/// The wording `site_key` stored for `locale` and the version it is (none
/// for wording stored before versions were kept), if any.
pub async fn find_live(
    db: &D1Database,
    site_key: &str,
    locale: &str,
) -> Result<Option<(String, Option<u32>)>> {
    Ok(busy::first::<LiveRow>(
        &db.prepare(
            // The newest version (a primary-key lookup), if the live text is
            // its text: wording stored before versions were kept has none.
            "SELECT c.ftl AS ftl, v.version AS version FROM site_copy c \
             LEFT JOIN site_copy_versions v ON v.site_key = c.site_key AND v.locale = c.locale \
               AND v.version = (SELECT max(version) FROM site_copy_versions \
                                WHERE site_key = ?1 AND locale = ?2) \
               AND v.ftl = c.ftl \
             WHERE c.site_key = ?1 AND c.locale = ?2",
        )
        .bind(&[text(site_key), text(locale)])?,
    )
    .await?
    .map(|row| (row.ftl, row.version)))
}

/// Per version of `site_key`'s wording for `locale`: the satisfaction
/// prompts worded with it, and how many were answered and completed.
pub async fn prompts(db: &D1Database, site_key: &str, locale: &str) -> Result<Vec<VersionPrompts>> {
    let rows = busy::all(
        &db.prepare(
            "SELECT csat_copy_version AS version, count(*) AS offered, \
                    count(csat_answered_at) AS answered, sum(csat_completed) AS completed \
             FROM conversations \
             WHERE site_key = ?1 AND csat_copy_locale = ?2 AND csat_copy_version IS NOT NULL \
             GROUP BY csat_copy_version ORDER BY csat_copy_version DESC LIMIT ?3",
        )
        .bind(&[text(site_key), text(locale), int(MAX_LISTED_VERSIONS)])?,
    )
    .await?
    .results::<PromptsRow>()?;
    Ok(rows
        .into_iter()
        .map(|row| VersionPrompts {
            version: row.version,
            offered: row.offered,
            answered: row.answered,
            completed: row.completed,
        })
        .collect())
}

/// The saved versions of `site_key`'s wording for `locale`, newest first
/// (at most [`MAX_LISTED_VERSIONS`]).
pub async fn versions(db: &D1Database, site_key: &str, locale: &str) -> Result<Vec<CopyVersion>> {
    let rows = busy::all(
        &db.prepare(
            "SELECT version, saved_at, saved_by, NULL AS ftl FROM site_copy_versions \
             WHERE site_key = ?1 AND locale = ?2 ORDER BY version DESC LIMIT ?3",
        )
        .bind(&[text(site_key), text(locale), int(MAX_LISTED_VERSIONS)])?,
    )
    .await?
    .results::<VersionRow>()?;
    Ok(rows.iter().map(VersionRow::about).collect())
}

/// Version `version` of `site_key`'s wording for `locale`, with its text.
pub async fn version(
    db: &D1Database,
    site_key: &str,
    locale: &str,
    version: u32,
) -> Result<Option<CopyVersionText>> {
    Ok(busy::first::<VersionRow>(
        &db.prepare(
            "SELECT version, saved_at, saved_by, ftl FROM site_copy_versions \
             WHERE site_key = ?1 AND locale = ?2 AND version = ?3",
        )
        .bind(&[text(site_key), text(locale), int(version)])?,
    )
    .await?
    .map(|row| CopyVersionText {
        about: row.about(),
        ftl: row.ftl.unwrap_or_default(),
    }))
}
