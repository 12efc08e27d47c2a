//! Erasing a conversation that is archived, whole or in part (one that
//! came back after it was archived is in both places). Three steps, each
//! safe to repeat:
//!
//! 1. [`erase`]: one transaction that erases what D1 holds of it; puts
//!    its archived rows back, the rollups held (they still count them);
//!    erases again, so the triggers take them out of the figures and
//!    review items as they would any erased row; and marks its chunks'
//!    entries `erased`, so that a repeat puts nothing back twice.
//! 2. (the Worker) each chunk that holds it is written again without its
//!    lines ([`without`]), read back and checked: a tombstone is not
//!    erasure.
//! 3. [`forget`]: its entry for that chunk deleted.

use serde_json::Value;

use super::day_object::Line;
use crate::{Param, Statement};

/// `?1` site, `?2` conversation: the chunks that hold it (`day`,
/// `chunk`), and whether step 1 has run (`erased`).
pub const ARCHIVED_IN: &str = "SELECT day, chunk, erased FROM archived_conversations \
     WHERE site_key = ?1 AND conversation_id = ?2 ORDER BY day, chunk";

/// The lines of `lines` that belong to `conversation_id`.
pub fn of_conversation<'a>(lines: &'a [Line], conversation_id: &str) -> Vec<&'a Line> {
    lines
        .iter()
        .filter(|line| belongs(line, conversation_id))
        .collect()
}

fn belongs(line: &Line, conversation_id: &str) -> bool {
    line.row.get("conversation_id").and_then(Value::as_str) == Some(conversation_id)
}

/// `lines` without those of `conversation_id`; `None` when none of them
/// was its (nothing to write again).
pub fn without(lines: Vec<Line>, conversation_id: &str) -> Option<Vec<Line>> {
    let before = lines.len();
    let kept: Vec<Line> = lines
        .into_iter()
        .filter(|line| !belongs(line, conversation_id))
        .collect();
    (kept.len() < before).then_some(kept)
}

/// Step 1: the statements of one transaction, given the conversation's
/// archived `lines` (from every chunk that holds it). Their changes,
/// summed, say whether D1 held anything of it.
pub fn erase(site_key: &str, conversation_id: &str, lines: &[Line]) -> Vec<Statement> {
    let (site, id) = (Param::text(site_key), Param::text(conversation_id));
    let unerased = "EXISTS (SELECT 1 FROM archived_conversations WHERE site_key = ?1 \
         AND conversation_id = ?2 AND erased = 0)";
    let mut statements = crate::erasure::erase(site_key, conversation_id);
    statements.push(Statement::new(
        format!("INSERT INTO rollups_deferred (deferred) SELECT 1 WHERE {unerased}"),
        vec![site.clone(), id.clone()],
    ));
    statements.extend(super::restore_while_held(site_key, lines));
    statements.push(Statement::new("DELETE FROM rollups_deferred", vec![]));
    statements.extend(crate::erasure::erase(site_key, conversation_id));
    statements.push(Statement::new(
        "UPDATE archived_conversations SET erased = 1 WHERE site_key = ?1 AND conversation_id = ?2",
        vec![site, id],
    ));
    statements
}

/// Step 3: the conversation's entry for one chunk, once the chunk's
/// object no longer holds it.
pub fn forget(site_key: &str, conversation_id: &str, day: &str, chunk: i64) -> Statement {
    Statement::new(
        "DELETE FROM archived_conversations WHERE site_key = ?1 AND conversation_id = ?2 \
           AND day = ?3 AND chunk = ?4 AND erased = 1",
        vec![
            Param::text(site_key),
            Param::text(conversation_id),
            Param::text(day),
            Param::Int(chunk),
        ],
    )
}

/// A chunk written again: its new size and checksum, kept only if no
/// later writing of the same chunk was recorded first (`?7`, the time of
/// this writing, later than the one recorded).
pub fn rewritten(
    site_key: &str,
    (day, chunk): (&str, i64),
    written: &super::Written,
    at: i64,
) -> Statement {
    let count = |value: usize| Param::Int(i64::try_from(value).unwrap_or(i64::MAX));
    Statement::new(
        "UPDATE archive_chunks SET rows = ?4, bytes = ?5, sha256 = ?6, written_at = ?7 \
         WHERE site_key = ?1 AND day = ?2 AND chunk = ?3 AND state = 'kept' AND written_at < ?7",
        vec![
            Param::text(site_key),
            Param::text(day),
            Param::Int(chunk),
            count(written.rows),
            count(written.bytes),
            Param::text(&written.sha256),
            Param::Int(at),
        ],
    )
}

/// A chunk left with no row: its entry, once its object is deleted.
pub fn emptied(site_key: &str, day: &str, chunk: i64) -> Statement {
    Statement::new(
        "DELETE FROM archive_chunks WHERE site_key = ?1 AND day = ?2 AND chunk = ?3 \
           AND state = 'kept'",
        vec![Param::text(site_key), Param::text(day), Param::Int(chunk)],
    )
}
