//! Archived chunks past their site's retention (`ledger::archive::expiry`),
//! and archived text past its text retention (`ledger::archive::text`):
//! the daily sweep's part in R2, run before its statements in D1, which
//! then delete the rows an expired chunk put back, with their figures.
//! A chunk that fails is logged and left for the next sweep; the others
//! go on.

use ledger::archive::{expiry, object_key, text};
use serde::Deserialize;
use worker::{Bucket, D1Database, Env, Result, console_error};

use super::objects::{self, Rewritten};
use crate::store::archive as archived;
use crate::store::databases;

/// Chunks one sweep expires, and chunks whose text it blanks, at most.
const MAX_CHUNKS: usize = 40;

/// Chunks listed, at most, of which those of sites another database holds
/// or that are moving are passed over.
const LISTED: u32 = 200;

/// What one sweep did in R2.
#[derive(Debug, Default, Clone, Copy)]
pub struct Swept {
    /// Chunks expired: their rows put back for the sweep to delete.
    pub expired: usize,
    /// Chunks written again with their text blanked.
    pub blanked: usize,
    /// Chunks that failed, left for the next sweep.
    pub failed: usize,
}

/// A chunk the sweep handles.
#[derive(Deserialize)]
struct Due {
    site_key: String,
    day: String,
    chunk: i64,
    /// When it was last written (listed for expiry only).
    #[serde(default)]
    written_at: i64,
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
    let mut done = 0;
    for due in archived::due::<Due>(db, &expiry::expired(), now, LISTED).await? {
        if done >= MAX_CHUNKS || !ours(env, name, &due.site_key).await? {
            continue;
        }
        done += 1;
        match expire(db, bucket, &due).await {
            Ok(()) => swept.expired += 1,
            Err(err) => {
                swept.failed += 1;
                console_error!(
                    "retention: chunk {} of {} for {} is left for the next sweep: {err}",
                    due.chunk,
                    due.site_key,
                    due.day
                );
            }
        }
    }
    let mut done = 0;
    for due in archived::due::<Due>(db, &text::due(), now, LISTED).await? {
        if done >= MAX_CHUNKS || !ours(env, name, &due.site_key).await? {
            continue;
        }
        done += 1;
        match blank(db, bucket, &due).await {
            Ok(true) => swept.blanked += 1,
            Ok(false) => {}
            Err(err) => {
                swept.failed += 1;
                console_error!(
                    "retention: the text of chunk {} of {} for {} is left for the next sweep: {err}",
                    due.chunk,
                    due.site_key,
                    due.day
                );
            }
        }
    }
    Ok(swept)
}

/// One chunk past retention: its rows put back (only if it was not
/// written again since it was listed), then its object and its row gone.
async fn expire(db: &D1Database, bucket: &Bucket, due: &Due) -> Result<()> {
    let key = object_key(&due.site_key, &due.day, due.chunk);
    let lines = match objects::read(bucket, &key).await? {
        Some(stored) => stored.decoded.lines,
        None => {
            // Nothing to put back: the figures keep what they counted.
            console_error!("retention: {key} is not in R2; its entries go");
            Vec::new()
        }
    };
    let at = (due.day.as_str(), due.chunk);
    archived::batch(
        db,
        &expiry::expire(&due.site_key, at, due.written_at, &lines),
    )
    .await?;
    if archived::is_abandoned(db, &due.site_key, at).await? {
        bucket.delete(key).await?;
        archived::forget(db, &due.site_key, &due.day, due.chunk).await?;
    }
    Ok(())
}

/// One chunk's text blanked, written again over the version read, read
/// back and checked, and recorded; whether it held text.
async fn blank(db: &D1Database, bucket: &Bucket, due: &Due) -> Result<bool> {
    let key = object_key(&due.site_key, &due.day, due.chunk);
    let at = (due.day.as_str(), due.chunk);
    let rewritten = objects::rewrite(bucket, &key, |mut lines| {
        text::blank(&mut lines).then_some(lines)
    })
    .await?;
    let (record, held) = match rewritten {
        // No object, or nothing left in it: no text to blank.
        Rewritten::Gone | Rewritten::Emptied | Rewritten::Unchanged => {
            (text::blanked(&due.site_key, at, None), false)
        }
        Rewritten::Written(written, uploaded) => (
            text::blanked(&due.site_key, at, Some((&written, uploaded))),
            true,
        ),
    };
    archived::run(db, &record).await?;
    Ok(held)
}
