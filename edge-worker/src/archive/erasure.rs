//! Erasing a conversation that is archived (`ledger::archive::erasure`):
//! its rows put back and erased with D1's in one transaction, so the
//! figures lose it as they lose any erased conversation; then each chunk
//! that held it written again without it, read back and checked, and only
//! then its entry forgotten. Each step is safe to repeat, so an erasure
//! that failed half-way finishes when it is asked again.

use ledger::archive::erasure;
use ledger::archive::object_key;
use worker::{Bucket, D1Database, Env, Result};

use super::objects::{self, Rewritten};
use crate::store;
use crate::store::archive as archived;

/// Erases `conversation_id` of `site_key` from D1 and from every chunk of
/// the archive that holds it; whether anything of it was stored.
pub async fn erase(
    env: &Env,
    db: &D1Database,
    site_key: &str,
    conversation_id: &str,
) -> Result<bool> {
    let chunks = archived::archived_in(db, site_key, conversation_id).await?;
    if chunks.is_empty() {
        return store::conversations::erase(db, site_key, conversation_id).await;
    }
    let bucket = super::bucket(env)?;
    if chunks.iter().any(|chunk| chunk.erased == 0) {
        let mut lines = Vec::new();
        for chunk in &chunks {
            let key = object_key(site_key, &chunk.day, chunk.chunk);
            if let Some(stored) = objects::read(&bucket, &key).await? {
                lines.extend(
                    erasure::of_conversation(&stored.decoded.lines, conversation_id)
                        .into_iter()
                        .cloned(),
                );
            }
        }
        archived::erase(db, site_key, conversation_id, &lines).await?;
    }
    for chunk in &chunks {
        write_without(
            db,
            &bucket,
            site_key,
            (&chunk.day, chunk.chunk),
            conversation_id,
        )
        .await?;
        let forget = erasure::forget(site_key, conversation_id, &chunk.day, chunk.chunk);
        archived::run(db, &forget).await?;
    }
    Ok(true)
}

/// Writes chunk `(day, chunk)` again without `conversation_id`'s lines
/// (deletes it when nothing else is left), unless another writing of it
/// came first, in which case it reads it again.
async fn write_without(
    db: &D1Database,
    bucket: &Bucket,
    site_key: &str,
    (day, chunk): (&str, i64),
    conversation_id: &str,
) -> Result<()> {
    let key = object_key(site_key, day, chunk);
    let rewritten = objects::rewrite(bucket, &key, |lines| {
        erasure::without(lines, conversation_id)
    })
    .await?;
    match rewritten {
        Rewritten::Unchanged => Ok(()),
        // No object left (an erasure that stopped after deleting one it
        // emptied): its row goes too.
        Rewritten::Gone | Rewritten::Emptied => {
            archived::run(db, &erasure::emptied(site_key, day, chunk)).await
        }
        Rewritten::Written(written, uploaded) => {
            let record = erasure::rewritten(site_key, (day, chunk), &written, uploaded);
            archived::run(db, &record).await
        }
    }
}
