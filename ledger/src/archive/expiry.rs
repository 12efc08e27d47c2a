//! An archived chunk past its site's retention (#35): its rows go as D1's
//! rows go, with their figures. Three steps, each safe to repeat:
//!
//! 1. [`expire`]: one transaction that puts the chunk's rows back into D1
//!    with the rollups held (they still count them), only while the
//!    chunk is `kept`; marks it `abandoned`; and forgets its
//!    conversations' entries. The retention sweep's own statements then
//!    delete those rows, past the site's retention, and their triggers
//!    take them out of the figures as they take any expired row.
//! 2. (the Worker) its object deleted;
//! 3. [`super::forget`]: its row deleted. A Worker that stops after step 1
//!    leaves an `abandoned` chunk, which the next archive run deletes
//!    ([`super::unfinished`]).
//!
//! A chunk expires when its whole day is past the site's retention: the
//! day before the one of the cutoff. A conversation whose erasure is
//! under way is not put back (its figures are already gone).

use super::day_object::Line;
use crate::{Param, Statement};

/// `?1` now (unix ms), `?2` at most: kept chunks whose day is past their
/// site's retention (`site_key`, `day`, `chunk`, and `written_at`, which
/// [`expire`] finds unchanged), oldest first. A site whose settings the
/// sweep cannot read is left, as the sweep leaves it.
pub fn expired() -> String {
    format!(
        "SELECT c.site_key, c.day, c.chunk, c.written_at FROM archive_chunks c JOIN sites s \
           ON s.site_key = c.site_key \
         WHERE c.state = 'kept' AND ({days}) IS NOT NULL \
           AND c.day < strftime('%Y-%m-%d', (?1 - ({days}) * 86400000) / 1000, 'unixepoch') \
         ORDER BY c.day, c.site_key, c.chunk LIMIT ?2",
        days = crate::retention::RETENTION_DAYS
    )
}

/// Step 1: the statements of one transaction, given the chunk's `lines`
/// as read after it was listed with `written` (its `written_at`). Nothing
/// happens when the chunk was written again since (an erasure, text
/// blanked): the lines read may be older than the object, and the next
/// sweep reads it again.
pub fn expire(
    site_key: &str,
    (day, chunk): (&str, i64),
    written: i64,
    lines: &[Line],
) -> Vec<Statement> {
    let as_listed = || {
        vec![
            Param::text(site_key),
            Param::text(day),
            Param::Int(chunk),
            Param::Int(written),
        ]
    };
    let unchanged = "EXISTS (SELECT 1 FROM archive_chunks WHERE site_key = ?1 AND day = ?2 \
         AND chunk = ?3 AND state = 'kept' AND written_at = ?4)";
    let mut statements = vec![Statement::new(
        format!("INSERT INTO rollups_deferred (deferred) SELECT 1 WHERE {unchanged}"),
        as_listed(),
    )];
    statements.extend(super::restore_while_held(site_key, lines));
    statements.push(Statement::new("DELETE FROM rollups_deferred", vec![]));
    statements.push(Statement::new(
        format!(
            "DELETE FROM archived_conversations WHERE site_key = ?1 AND day = ?2 AND chunk = ?3 \
               AND {unchanged}"
        ),
        as_listed(),
    ));
    // Last, as the statements before look for it kept.
    statements.push(Statement::new(
        "UPDATE archive_chunks SET state = 'abandoned' \
         WHERE site_key = ?1 AND day = ?2 AND chunk = ?3 AND state = 'kept' AND written_at = ?4",
        as_listed(),
    ));
    statements
}
