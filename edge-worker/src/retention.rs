//! The daily retention sweep (cron trigger): deletes what is older than
//! each site's `retention_days`. Conversations go whole (with their thumbs
//! and CSAT) once their latest activity is older; raw events go by time.

use worker::{D1Database, Date, Result};

use crate::store::millis;

/// Rows deleted per statement, so one sweep never holds the writer long.
const CHUNK: u32 = 5_000;
/// Statements per table per sweep; the next day's sweep continues.
const MAX_ROUNDS: u32 = 40;

const DAY_MS: &str = "86400000";

fn cutoff(alias: &str) -> String {
    format!("?1 - coalesce(json_extract({alias}.config, '$.retention_days'), 365) * {DAY_MS}")
}

fn statements() -> [String; 3] {
    let sites = "JOIN sites s ON s.site_key = x.site_key";
    [
        format!(
            "DELETE FROM message_ratings WHERE rowid IN (SELECT m.rowid FROM message_ratings m \
             JOIN conversations x ON x.site_key = m.site_key AND x.conversation_id = m.conversation_id \
             {sites} WHERE x.last_at < {} LIMIT {CHUNK})",
            cutoff("s")
        ),
        format!(
            "DELETE FROM conversations WHERE rowid IN (SELECT x.rowid FROM conversations x {sites} \
             WHERE x.last_at < {} LIMIT {CHUNK})",
            cutoff("s")
        ),
        format!(
            "DELETE FROM events WHERE rowid IN (SELECT x.rowid FROM events x {sites} \
             WHERE x.at < {} LIMIT {CHUNK})",
            cutoff("s")
        ),
    ]
}

/// Runs one sweep; returns how many rows it deleted.
pub async fn sweep(db: &D1Database) -> Result<usize> {
    let now = Date::now().as_millis() as i64;
    let mut deleted = 0;
    for sql in statements() {
        for _ in 0..MAX_ROUNDS {
            let changes = db
                .prepare(&sql)
                .bind(&[millis(now)])?
                .run()
                .await?
                .meta()?
                .and_then(|meta| meta.changes)
                .unwrap_or(0);
            deleted += changes;
            if changes < CHUNK as usize {
                break;
            }
        }
    }
    Ok(deleted)
}
