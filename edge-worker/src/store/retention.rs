//! The daily retention sweep (cron trigger): runs `ledger::retention`'s
//! deletes, then its blanking of text past each site's text retention,
//! each until it changes less than a chunk, and reports the sites
//! it skips (stored settings it cannot read); the others are still swept.

use serde::Deserialize;
use worker::{D1Database, Date, Result, console_error};

use super::busy;
use super::{int, millis};

/// Statements per table per sweep; the next day's sweep continues.
const MAX_ROUNDS: u32 = 40;
/// Skipped sites reported per sweep.
const MAX_REPORTED: u32 = 100;

#[derive(Deserialize)]
struct Skipped {
    site_key: String,
}

/// Reports the sites the sweep skips.
async fn report_skipped(db: &D1Database) -> Result<()> {
    let skipped = busy::all(
        &db.prepare(ledger::retention::skipped())
            .bind(&[int(MAX_REPORTED)])?,
    )
    .await?
    .results::<Skipped>()?;
    for site in skipped {
        console_error!(
            "retention sweep: skipped site {}: its stored settings are not JSON or retention_days is not 1 to 3650 days",
            site.site_key
        );
    }
    Ok(())
}

/// Runs one sweep; returns how many rows it deleted or blanked.
pub async fn sweep(db: &D1Database) -> Result<usize> {
    report_skipped(db).await?;
    let now = Date::now().as_millis() as i64;
    let chunk = ledger::retention::CHUNK as usize;
    let mut deleted = 0;
    let text = ledger::retention::text_statements();
    for sql in ledger::retention::statements().iter().chain(&text) {
        for _ in 0..MAX_ROUNDS {
            let changes = busy::run(&db.prepare(sql.as_str()).bind(&[millis(now)])?)
                .await?
                .meta()?
                .and_then(|meta| meta.changes)
                .unwrap_or(0);
            deleted += changes;
            if changes < chunk {
                break;
            }
        }
    }
    Ok(deleted)
}
