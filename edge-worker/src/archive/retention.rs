//! Archived chunks past their site's retention (`ledger::archive::expiry`),
//! and archived text past its text retention (`ledger::archive::text`):
//! the daily sweep's part in R2, run before its statements in D1, which
//! then delete the rows an expired chunk put back, with their figures.

use ledger::archive::{expiry, object_key, text};
use serde::Deserialize;
use worker::{Bucket, D1Database, Env, Result, console_error};

use super::objects::{self, Rewritten};
use crate::store::archive as archived;
use crate::store::databases;

/// Chunks one sweep expires, and chunks whose text it blanks, at most.
const MAX_CHUNKS: u32 = 40;

/// What one sweep did in R2.
#[derive(Debug, Default, Clone, Copy)]
pub struct Swept {
    /// Chunks expired: their rows put back for the sweep to delete.
    pub expired: usize,
    /// Chunks written again with their text blanked.
    pub blanked: usize,
}

/// A chunk the sweep handles.
#[derive(Deserialize)]
struct Due {
    site_key: String,
    day: String,
    chunk: i64,
}

/// Whether database `name` may change `site_key`'s chunks: it holds the
/// site, and the site is not moving (a move copies where the chunks are).
async fn ours(env: &Env, name: &str, site_key: &str) -> Result<bool> {
    Ok(databases::home_of(env, site_key).await? == name
        && databases::moving_to(env, site_key).await?.is_none())
}

/// Expires the chunks past their site's retention, then blanks the text
/// of those past their site's text retention, at `now`, for the sites
/// database `name` holds.
pub async fn sweep(
    env: &Env,
    (name, db): (&str, &D1Database),
    bucket: &Bucket,
    now: i64,
) -> Result<Swept> {
    let mut swept = Swept::default();
    for due in archived::due::<Due>(db, &expiry::expired(), now, MAX_CHUNKS).await? {
        if !ours(env, name, &due.site_key).await? {
            continue;
        }
        let key = object_key(&due.site_key, &due.day, due.chunk);
        let lines = match objects::read(bucket, &key).await? {
            Some(stored) => stored.decoded.lines,
            None => {
                console_error!("retention: {key} is not in R2; its entries go");
                Vec::new()
            }
        };
        let at = (due.day.as_str(), due.chunk);
        archived::batch(db, &expiry::expire(&due.site_key, at, &lines)).await?;
        bucket.delete(key).await?;
        archived::forget(db, &due.site_key, &due.day, due.chunk).await?;
        swept.expired += 1;
    }
    for due in archived::due::<Due>(db, &text::due(), now, MAX_CHUNKS).await? {
        if !ours(env, name, &due.site_key).await? {
            continue;
        }
        let key = object_key(&due.site_key, &due.day, due.chunk);
        let at = (due.day.as_str(), due.chunk);
        let rewritten = objects::rewrite(bucket, &key, |mut lines| {
            text::blank(&mut lines).then_some(lines)
        })
        .await?;
        let record = match rewritten {
            Rewritten::Gone | Rewritten::Emptied => continue,
            Rewritten::Unchanged => text::blanked(&due.site_key, at, None),
            Rewritten::Written(written, uploaded) => {
                swept.blanked += 1;
                text::blanked(&due.site_key, at, Some((&written, uploaded)))
            }
        };
        archived::run(db, &record).await?;
    }
    Ok(swept)
}
