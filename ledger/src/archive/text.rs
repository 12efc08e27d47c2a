//! Text past a site's text retention, in archived chunks (#35, migration
//! 0022): the sweep blanks a chunk's text columns as its own statements
//! blank D1's ([`crate::retention::blank_text`], from the one list of
//! them), writes the chunk again over the version it read, reads it back
//! and checks it, and then records it ([`blanked`]), once per chunk.
//!
//! A chunk's text is due when its whole day is past the site's text
//! retention: every row in it (a thumb is never later than its
//! conversation's last activity) is then past it too.

use super::Written;
use super::day_object::Line;
use crate::{Param, Statement};

/// `?1` now (unix ms), `?2` at most: kept chunks whose text is not yet
/// blanked and whose day is past their site's text retention
/// (`site_key`, `day`, `chunk`), oldest first.
pub fn due() -> String {
    format!(
        "SELECT c.site_key, c.day, c.chunk FROM archive_chunks c JOIN sites s \
           ON s.site_key = c.site_key \
         WHERE c.state = 'kept' AND c.text_blanked = 0 AND ({days}) IS NOT NULL \
           AND c.day < strftime('%Y-%m-%d', (?1 - ({days}) * 86400000) / 1000, 'unixepoch') \
         ORDER BY c.day, c.site_key, c.chunk LIMIT ?2",
        days = crate::retention::TEXT_RETENTION_DAYS
    )
}

/// Blanks the text of every line; whether any line held some.
pub fn blank(lines: &mut [Line]) -> bool {
    let mut changed = false;
    for line in lines {
        changed |= crate::retention::blank_text(&line.table, &mut line.row);
    }
    changed
}

/// The chunk recorded as blanked: with its new size and checksum when it
/// was written again at `at` (unless a later writing was recorded first),
/// or as it is when it held no text.
pub fn blanked(
    site_key: &str,
    (day, chunk): (&str, i64),
    written: Option<(&Written, i64)>,
) -> Statement {
    let site = || vec![Param::text(site_key), Param::text(day), Param::Int(chunk)];
    let Some((written, at)) = written else {
        return Statement::new(
            "UPDATE archive_chunks SET text_blanked = 1 \
             WHERE site_key = ?1 AND day = ?2 AND chunk = ?3 AND state = 'kept'",
            site(),
        );
    };
    let count = |value: usize| Param::Int(i64::try_from(value).unwrap_or(i64::MAX));
    let mut params = site();
    params.extend([
        count(written.rows),
        count(written.bytes),
        Param::text(&written.sha256),
        Param::Int(at),
    ]);
    Statement::new(
        "UPDATE archive_chunks SET rows = ?4, bytes = ?5, sha256 = ?6, written_at = ?7, \
           text_blanked = 1 \
         WHERE site_key = ?1 AND day = ?2 AND chunk = ?3 AND state = 'kept' AND written_at < ?7",
        params,
    )
}
