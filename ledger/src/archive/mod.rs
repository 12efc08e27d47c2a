//! Raw rows past a site's hot window, moved to R2 (#35, migration 0021).
//!
//! A conversation is *hot* while its last activity is within the site's
//! `hot_days`, and while it has an open review item. Past that, the daily
//! sweep moves it whole (its row, its thumbs, its events) into an object
//! of R2, in chunks of about [`CHUNK_ROWS`] rows of one site and one UTC
//! day ([`day_object`]). A chunk goes in five steps, each safe to repeat:
//!
//! 1. [`candidates`]: the site's oldest cold conversations, of which
//!    [`take_chunk`] keeps the first day's, up to the chunk's size;
//! 2. [`rows_sql`]: their rows, each as one JSON object;
//! 3. [`begin`]: the chunk recorded as `writing`, numbered after the
//!    day's last;
//! 4. (the Worker) the object written to R2 and read back, its row count
//!    and checksum compared ([`day_object::verify`]);
//! 5. [`commit`]: in one transaction, the rows deleted, each
//!    conversation's chunk recorded, the chunk marked `kept`. It does
//!    nothing when a conversation changed since step 2 (new activity moves
//!    its `last_at`: an event more than 7 days old is refused, and a site
//!    keeps at least 7 hot days).
//!
//! A run that fails after step 3 abandons its chunk at once
//! ([`abandon`]: marked, its object deleted, its row forgotten); one that
//! died leaves it `writing`, and a run an hour later ([`LEASE_MS`],
//! [`unfinished`]) abandons it. The rollups keep counting the archived rows, and review
//! items stay: the commit holds their triggers back.

pub mod day_object;
pub mod erasure;
pub mod expiry;
pub mod reading;
pub mod text;

use crate::json_rows::JsonRows;
use crate::{Param, Statement};

/// The tables whose rows leave with a conversation, in the order an
/// object lists them.
pub const TABLES: [&str; 3] = ["conversations", "message_ratings", "events"];

/// Rows a chunk holds, about: whole conversations are added while the
/// total stays within it (a first conversation may exceed it alone).
/// Measured (BENCHMARKS.md, "The archive"): runs of 20 chunks of about
/// 4,600 rows each left workerd restarting the Worker after the answer,
/// most likely its memory; runs of chunks of about 3,100 rows did not.
pub const CHUNK_ROWS: usize = 3_000;

/// A conversation with more rows than this stays in D1 (a chunk could not
/// be read back within the Worker's memory), and the sweep says so.
pub const MAX_CONVERSATION_ROWS: usize = 50_000;

/// Bytes a chunk holds, about (its rows' text, and a few hundred bytes a
/// row): whole conversations are added while the total stays within it.
pub const CHUNK_BYTES: usize = 4 * 1024 * 1024;

/// A conversation of more bytes than this stays in D1, as one of more
/// than [`MAX_CONVERSATION_ROWS`] rows does: a Worker holds a chunk a few
/// times over while it writes and reads it back, within 128 MB.
pub const MAX_CONVERSATION_BYTES: usize = 8 * 1024 * 1024;

/// Conversations [`candidates`] reads at most, per chunk.
pub const CANDIDATES: u32 = 2_000;

/// How long a chunk may stay `writing` before a later run takes it for
/// one that never finished (a run lasts seconds; see the Worker's bound).
pub const LEASE_MS: i64 = 3_600_000;

/// The days `hot_days` may be, and a site's when its settings have none.
pub use protocol::site_config::{DEFAULT_HOT_DAYS, HOT_DAYS};

/// Why an archived object cannot be written or read back.
#[derive(Debug)]
pub enum ArchiveError {
    /// A line is not JSON, or not what the format says.
    Json(serde_json::Error),
    /// Compressing or decompressing failed.
    Io(std::io::Error),
    /// A line names a table or columns the format does not hold.
    Format(String),
    /// More rows or bytes than an object may hold.
    TooLarge(String),
    /// What was read back is not what was written.
    Mismatch(String),
}

impl std::fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArchiveError::Json(err) => write!(f, "an archived line is not valid: {err}"),
            ArchiveError::Io(err) => write!(f, "an archived object did not (de)compress: {err}"),
            ArchiveError::Format(what) => write!(f, "an archived object is not readable: {what}"),
            ArchiveError::TooLarge(what) => write!(f, "an archived object is too large: {what}"),
            ArchiveError::Mismatch(what) => {
                write!(f, "an archived object read back differs: {what}")
            }
        }
    }
}

impl std::error::Error for ArchiveError {}

impl From<serde_json::Error> for ArchiveError {
    fn from(err: serde_json::Error) -> Self {
        ArchiveError::Json(err)
    }
}

impl From<std::io::Error> for ArchiveError {
    fn from(err: std::io::Error) -> Self {
        ArchiveError::Io(err)
    }
}

/// Every column of an archived table but `site_key`: the site move's
/// list, which a test holds to the migrations.
pub fn columns(table: &str) -> Option<Vec<&'static str>> {
    crate::moving::tables()
        .into_iter()
        .filter(|moved| TABLES.contains(&moved.name))
        .find(|moved| moved.name == table)
        .map(|moved| moved.columns)
}

/// Whether `line` is a row of an archived table with exactly its columns.
fn check_line(line: &day_object::Line) -> Result<(), ArchiveError> {
    let Some(columns) = columns(&line.table) else {
        return Err(ArchiveError::Format(format!(
            "the table {:?} is not archived",
            line.table
        )));
    };
    let same = line.row.len() == columns.len()
        && columns.iter().all(|column| line.row.contains_key(*column));
    if !same {
        let keys: Vec<&String> = line.row.keys().collect();
        return Err(ArchiveError::Format(format!(
            "a row of {} has the columns {keys:?}, not {columns:?}",
            line.table
        )));
    }
    Ok(())
}

/// Where a chunk is in the bucket: by site, then day, then chunk, so a
/// site's or a day's objects share a prefix.
pub fn object_key(site_key: &str, day: &str, chunk: i64) -> String {
    format!("{site_key}/{day}/{chunk:04}.ndjson.gz")
}

/// Each site's hot days from its stored settings (alias `s`): 90 when
/// unset; `NULL`, which leaves the site alone, when the settings are not a
/// JSON object or `hot_days` is not a whole number in [`HOT_DAYS`].
fn hot_days() -> String {
    format!(
        "CASE \
           WHEN json_valid(s.config) = 0 THEN NULL \
           WHEN json_type(s.config) IS NOT 'object' THEN NULL \
           WHEN json_type(s.config, '$.hot_days') IS NULL THEN {DEFAULT_HOT_DAYS} \
           WHEN json_type(s.config, '$.hot_days') = 'integer' \
             AND json_extract(s.config, '$.hot_days') BETWEEN {} AND {} \
             THEN json_extract(s.config, '$.hot_days') \
         END",
        HOT_DAYS.start(),
        HOT_DAYS.end()
    )
}

/// The sites with a conversation past their hot window (`?1` now, unix ms;
/// at most `?2` sites) and no export reading them
/// ([`reading::hold`]): `site_key`, and `cutoff`, the time before which a
/// conversation's last activity makes it cold.
pub fn due_sites() -> String {
    format!(
        "WITH hot AS (SELECT s.site_key, ?1 - ({}) * 86400000 AS cutoff FROM sites s) \
         SELECT h.site_key, h.cutoff FROM hot h WHERE h.cutoff IS NOT NULL \
           AND NOT EXISTS (SELECT 1 FROM export_holds e \
             WHERE e.site_key = h.site_key AND e.until > ?1) \
           AND EXISTS (SELECT 1 FROM conversations x \
             WHERE x.site_key = h.site_key AND x.last_at < h.cutoff AND {}) \
         ORDER BY h.site_key LIMIT ?2",
        hot_days(),
        no_open_item("h.site_key")
    )
}

/// No open review item in conversation `x` of site `site`. (The `+`
/// keeps SQLite on the items' primary key, by conversation: by the state's
/// index it would read every open item of the site for each
/// conversation, 53 s for 2,000 candidates of a site with 28,000 open
/// items.)
fn no_open_item(site: &str) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM review_items i WHERE i.site_key = {site} \
           AND i.conversation_id = x.conversation_id AND +i.state = 'open')"
    )
}

/// A cold conversation, as [`candidates`] reads it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Candidate {
    /// Its id.
    pub conversation_id: String,
    /// Its last activity (unix ms), which the commit finds unchanged.
    pub last_at: i64,
    /// The UTC day of that, `YYYY-MM-DD`.
    pub day: String,
    /// Its row, thumbs and events.
    pub rows: i64,
    /// Their size, about: their text, and 300 bytes a row.
    pub bytes: i64,
}

/// `?1` site, `?2` cutoff: the site's cold conversations without an open
/// review item, oldest last activity first, at most [`CANDIDATES`], each
/// with its rows counted.
pub fn candidates() -> String {
    format!(
        "WITH cold AS (SELECT x.conversation_id, x.last_at, \
             length(coalesce(x.csat_comment, '')) + length(x.context) \
               + length(coalesce(x.page, '')) AS text FROM conversations x \
           WHERE x.site_key = ?1 AND x.last_at < ?2 AND {} \
           ORDER BY x.last_at, x.conversation_id LIMIT {CANDIDATES}), \
         sized AS (SELECT c.conversation_id, c.last_at, c.text, \
           (SELECT count(*) FROM message_ratings m WHERE m.site_key = ?1 \
              AND m.conversation_id = c.conversation_id) AS ratings, \
           (SELECT coalesce(sum(length(coalesce(m.reason, '')) + length(coalesce(m.question, '')) \
              + length(coalesce(m.answer, '')) + length(coalesce(m.meta, '')) \
              + length(coalesce(m.page, ''))), 0) FROM message_ratings m \
              WHERE m.site_key = ?1 AND m.conversation_id = c.conversation_id) AS rating_text, \
           (SELECT count(*) FROM events e WHERE e.site_key = ?1 \
              AND e.conversation_id = c.conversation_id) AS events, \
           (SELECT coalesce(sum(length(e.body)), 0) FROM events e WHERE e.site_key = ?1 \
              AND e.conversation_id = c.conversation_id) AS event_text \
           FROM cold c) \
         SELECT conversation_id, last_at, \
           strftime('%Y-%m-%d', last_at / 1000, 'unixepoch') AS day, \
           1 + ratings + events AS rows, \
           text + rating_text + event_text + 300 * (1 + ratings + events) AS bytes \
         FROM sized ORDER BY last_at, conversation_id",
        no_open_item("?1")
    )
}

/// A chunk to write: the first candidates of the first day, whole
/// conversations while their rows stay within [`CHUNK_ROWS`] (the first
/// always), and the conversations too large to archive, which are left.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chunk {
    /// The UTC day they all last saw activity on.
    pub day: String,
    /// The conversations it takes.
    pub conversations: Vec<Candidate>,
    /// Conversations of more than [`MAX_CONVERSATION_ROWS`] rows, passed over.
    pub too_large: Vec<Candidate>,
}

impl Chunk {
    /// Rows in it.
    pub fn rows(&self) -> usize {
        self.conversations
            .iter()
            .map(|conversation| usize::try_from(conversation.rows).unwrap_or(0))
            .sum()
    }

    /// The conversations' ids, as one parameter.
    pub fn ids(&self) -> Param {
        let mut rows = JsonRows::default();
        for conversation in &self.conversations {
            rows.push(vec![Param::text(&conversation.conversation_id)]);
        }
        rows.param()
    }

    /// Each conversation's id, last activity and rows, as one parameter:
    /// what the commit finds unchanged.
    fn as_read(&self) -> Param {
        let mut rows = JsonRows::default();
        for conversation in &self.conversations {
            rows.push(vec![
                Param::text(&conversation.conversation_id),
                Param::Int(conversation.last_at),
                Param::Int(conversation.rows),
            ]);
        }
        rows.param()
    }
}

/// The chunk `candidates` (in [`candidates`]' order) make.
pub fn take_chunk(candidates: Vec<Candidate>) -> Chunk {
    let mut chunk = Chunk::default();
    let (mut rows, mut bytes) = (0usize, 0usize);
    for candidate in candidates {
        if !chunk.day.is_empty() && candidate.day != chunk.day {
            break;
        }
        let size = usize::try_from(candidate.rows).unwrap_or(usize::MAX);
        let weight = usize::try_from(candidate.bytes).unwrap_or(usize::MAX);
        if size > MAX_CONVERSATION_ROWS || weight > MAX_CONVERSATION_BYTES {
            chunk.too_large.push(candidate);
            continue;
        }
        let over =
            rows.saturating_add(size) > CHUNK_ROWS || bytes.saturating_add(weight) > CHUNK_BYTES;
        if !chunk.conversations.is_empty() && over {
            break;
        }
        rows = rows.saturating_add(size);
        bytes = bytes.saturating_add(weight);
        chunk.day.clone_from(&candidate.day);
        chunk.conversations.push(candidate);
    }
    chunk
}

/// `?1` site, `?2` the chunk's ids ([`Chunk::ids`]): the rows of `table`
/// of those conversations, each as one JSON object in the column `json`,
/// in their key's order. `None` for a table that is not archived.
pub fn rows_sql(table: &str) -> Option<String> {
    let columns = columns(table)?;
    let fields: Vec<String> = columns
        .iter()
        .map(|column| format!("'{column}', {column}"))
        .collect();
    let order = match table {
        "conversations" => "conversation_id",
        "message_ratings" => "conversation_id, message_id",
        _ => "conversation_id, at, event_id",
    };
    Some(format!(
        "SELECT json_object({}) AS json FROM {table} \
         WHERE site_key = ?1 AND conversation_id IN \
           (SELECT json_extract(value, '$[0]') FROM json_each(?2)) \
         ORDER BY {order}",
        fields.join(", ")
    ))
}

/// What [`commit`] records of a chunk's object, read back as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Rows in the object.
    pub rows: usize,
    /// Its size, compressed.
    pub bytes: usize,
    /// SHA-256 of its lines.
    pub sha256: String,
}

/// Records the next chunk of `site_key`'s `day` as `writing`, its
/// conversations' last activity spanning `span` (unix ms); returns its
/// number as `chunk`: after every number the day had, deleted chunks'
/// too (migration 0022), so an export's cursor never names two chunks.
pub fn begin(site_key: &str, day: &str, span: (i64, i64), now: i64) -> Statement {
    Statement::new(
        "INSERT INTO archive_chunks \
           (site_key, day, chunk, state, rows, bytes, sha256, first_at, last_at, written_at) \
         VALUES (?1, ?2, max( \
           (SELECT coalesce(max(chunk), 0) FROM archive_chunks WHERE site_key = ?1 AND day = ?2), \
           (SELECT coalesce(max(last_chunk), 0) FROM archive_days WHERE site_key = ?1 AND day = ?2) \
         ) + 1, 'writing', 0, 0, '', ?3, ?4, ?5) \
         RETURNING chunk",
        vec![
            Param::text(site_key),
            Param::text(day),
            Param::Int(span.0),
            Param::Int(span.1),
            Param::Int(now),
        ],
    )
}

/// The hold the commit's statements look for: taken only while the chunk
/// is `writing` and every conversation's last activity is as read.
const HELD: &str = "EXISTS (SELECT 1 FROM archive_hold)";

/// The statements of one transaction that delete `chunk`'s rows from D1,
/// record where each conversation went, and mark the chunk `kept` with
/// what its object holds; all of them nothing when a conversation changed
/// or the chunk is not `writing`. The rollup and review triggers are held
/// back while they run.
pub fn commit(site_key: &str, chunk_no: i64, chunk: &Chunk, written: &Written) -> Vec<Statement> {
    let count = |value: usize| Param::Int(i64::try_from(value).unwrap_or(i64::MAX));
    let (site, day, no) = (
        Param::text(site_key),
        Param::text(&chunk.day),
        Param::Int(chunk_no),
    );
    let ids = "SELECT json_extract(value, '$[0]') FROM json_each(?4)";
    let open = no_open_item("?1");
    let mut statements = vec![Statement::new(
        format!(
            "INSERT INTO archive_hold (held) SELECT 1 \
             WHERE EXISTS (SELECT 1 FROM archive_chunks WHERE site_key = ?1 AND day = ?2 \
                 AND chunk = ?3 AND state = 'writing') \
               AND NOT EXISTS (SELECT 1 FROM export_holds e WHERE e.site_key = ?1 \
                 AND e.until > (SELECT written_at FROM archive_chunks WHERE site_key = ?1 \
                   AND day = ?2 AND chunk = ?3)) \
               AND NOT EXISTS (SELECT 1 FROM json_each(?4) r \
                 LEFT JOIN conversations x ON x.site_key = ?1 \
                   AND x.conversation_id = json_extract(r.value, '$[0]') \
                 WHERE x.last_at IS NOT json_extract(r.value, '$[1]') \
                   OR 1 + (SELECT count(*) FROM message_ratings m WHERE m.site_key = ?1 \
                          AND m.conversation_id = x.conversation_id) \
                        + (SELECT count(*) FROM events e WHERE e.site_key = ?1 \
                          AND e.conversation_id = x.conversation_id) \
                      IS NOT json_extract(r.value, '$[2]') \
                   OR NOT {open})"
        ),
        vec![site.clone(), day.clone(), no.clone(), chunk.as_read()],
    )];
    statements.push(Statement::new(
        format!("INSERT INTO rollups_deferred (deferred) SELECT 1 WHERE {HELD}"),
        vec![],
    ));
    for table in TABLES.iter().rev() {
        statements.push(Statement::new(
            format!(
                "DELETE FROM {table} WHERE site_key = ?1 AND conversation_id IN ({ids}) AND {HELD}"
            ),
            vec![site.clone(), day.clone(), no.clone(), chunk.ids()],
        ));
    }
    statements.push(Statement::new(
        format!(
            "INSERT INTO archived_conversations (site_key, conversation_id, day, chunk) \
             SELECT ?1, json_extract(r.value, '$[0]'), ?2, ?3 FROM json_each(?4) r \
             WHERE {HELD} ON CONFLICT DO NOTHING"
        ),
        vec![site.clone(), day.clone(), no.clone(), chunk.ids()],
    ));
    statements.push(Statement::new(
        format!(
            "UPDATE archive_chunks SET state = 'kept', rows = ?4, bytes = ?5, sha256 = ?6 \
             WHERE site_key = ?1 AND day = ?2 AND chunk = ?3 AND {HELD}"
        ),
        vec![
            site,
            day,
            no,
            count(written.rows),
            count(written.bytes),
            Param::text(&written.sha256),
        ],
    ));
    statements.push(Statement::new("DELETE FROM rollups_deferred", vec![]));
    statements.push(Statement::new("DELETE FROM archive_hold", vec![]));
    statements
}

/// Bytes of rows one restoring statement binds at most (D1 takes a value
/// of up to 2 MB).
const RESTORE_BYTES: usize = 1_000_000;

/// The statements of one transaction that put archived `lines` of
/// `site_key` back into D1 as they were, for an erasure or retention to
/// delete by the usual path (whose triggers then take them out of the
/// figures). The rollups are held back while they go in: they still count
/// them. A row D1 holds again (a conversation that came back) is left.
pub fn restore(site_key: &str, lines: &[day_object::Line]) -> Vec<Statement> {
    let mut statements = vec![Statement::new(
        "INSERT INTO rollups_deferred (deferred) VALUES (1)",
        vec![],
    )];
    statements.extend(restore_while_held(site_key, lines));
    statements.push(Statement::new("DELETE FROM rollups_deferred", vec![]));
    statements
}

/// The inserts of [`restore`], each writing only while the rollups are
/// held back (so a caller can make the whole restore conditional by
/// holding them only when it should happen).
pub(crate) fn restore_while_held(site_key: &str, lines: &[day_object::Line]) -> Vec<Statement> {
    let mut statements = Vec::new();
    for table in TABLES {
        let Some(columns) = columns(table) else {
            continue;
        };
        let values: Vec<String> = columns
            .iter()
            .map(|column| format!("json_extract(r.value, '$.\"{column}\"')"))
            .collect();
        // A conversation whose erasure has begun is never put back: its
        // figures are already gone.
        let sql = format!(
            "INSERT INTO {table} (site_key, {}) SELECT ?1, {} FROM json_each(?2) r \
             WHERE EXISTS (SELECT 1 FROM rollups_deferred) \
               AND NOT EXISTS (SELECT 1 FROM archived_conversations a WHERE a.site_key = ?1 \
                 AND a.conversation_id = json_extract(r.value, '$.\"conversation_id\"') \
                 AND a.erased = 1) \
             ON CONFLICT DO NOTHING",
            columns.join(", "),
            values.join(", ")
        );
        let mut slice: Vec<&serde_json::Map<String, serde_json::Value>> = Vec::new();
        let mut bytes = 0usize;
        let rows = lines.iter().filter(|line| line.table == table);
        for line in rows {
            let size = serde_json::to_string(&line.row).map_or(0, |text| text.len());
            if !slice.is_empty() && bytes.saturating_add(size) > RESTORE_BYTES {
                statements.push(restoring(&sql, site_key, &slice));
                slice.clear();
                bytes = 0;
            }
            bytes = bytes.saturating_add(size);
            slice.push(&line.row);
        }
        if !slice.is_empty() {
            statements.push(restoring(&sql, site_key, &slice));
        }
    }
    statements
}

fn restoring(
    sql: &str,
    site_key: &str,
    rows: &[&serde_json::Map<String, serde_json::Value>],
) -> Statement {
    // Objects of JSON values always serialize.
    let json = serde_json::to_string(rows).unwrap_or_else(|_| "[]".into());
    Statement::new(sql, vec![Param::text(site_key), Param::Text(json)])
}

/// `?1` site, `?2` day, `?3` chunk: the chunk's state, as `state`.
pub const STATE: &str =
    "SELECT state FROM archive_chunks WHERE site_key = ?1 AND day = ?2 AND chunk = ?3";

/// `?1` now: chunks that never committed (`site_key`, `day`, `chunk`):
/// `writing` for longer than [`LEASE_MS`], or `abandoned`, at most 100.
pub fn unfinished() -> String {
    format!(
        "SELECT site_key, day, chunk FROM archive_chunks \
         WHERE (state = 'writing' AND written_at < ?1 - {LEASE_MS}) OR state = 'abandoned' \
         ORDER BY written_at LIMIT 100"
    )
}

/// Abandoning a chunk that never committed takes three steps, so that a
/// commit and an abandon never both win:
/// 1. this statement marks it `abandoned` unless it is `kept` (a change:
///    the caller may go on; none: it committed, or is gone);
/// 2. the caller deletes its object;
/// 3. [`forget`] deletes its row.
pub fn abandon(site_key: &str, day: &str, chunk: i64) -> Statement {
    Statement::new(
        "UPDATE archive_chunks SET state = 'abandoned' \
         WHERE site_key = ?1 AND day = ?2 AND chunk = ?3 AND state IN ('writing', 'abandoned')",
        vec![Param::text(site_key), Param::text(day), Param::Int(chunk)],
    )
}

/// Forgets an abandoned chunk, once its object is deleted.
pub fn forget(site_key: &str, day: &str, chunk: i64) -> Statement {
    Statement::new(
        "DELETE FROM archive_chunks WHERE site_key = ?1 AND day = ?2 AND chunk = ?3 \
           AND state = 'abandoned'",
        vec![Param::text(site_key), Param::text(day), Param::Int(chunk)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: &str, day: &str, rows: i64) -> Candidate {
        Candidate {
            conversation_id: id.into(),
            last_at: 0,
            day: day.into(),
            rows,
            bytes: rows * 300,
        }
    }

    #[test]
    fn a_chunk_is_one_days_whole_conversations_within_its_size() {
        let chunk = take_chunk(vec![
            candidate("a", "2026-01-01", 2_000),
            candidate("b", "2026-01-01", 1_000),
            candidate("c", "2026-01-01", 1),
        ]);
        assert_eq!(chunk.day, "2026-01-01");
        assert_eq!(chunk.rows(), CHUNK_ROWS);
        assert_eq!(chunk.conversations.len(), 2);

        let chunk = take_chunk(vec![
            candidate("a", "2026-01-01", 7),
            candidate("b", "2026-01-02", 7),
        ]);
        assert_eq!(chunk.conversations.len(), 1, "one day a chunk");
    }

    #[test]
    fn a_large_conversation_starts_a_chunk_alone_and_a_huge_one_is_passed_over() {
        let chunk = take_chunk(vec![
            candidate("huge", "2026-01-01", 50_001),
            candidate("big", "2026-01-01", 9_000),
            candidate("next", "2026-01-01", 1),
        ]);
        assert_eq!(chunk.too_large.len(), 1);
        assert_eq!(chunk.too_large[0].conversation_id, "huge");
        assert_eq!(chunk.conversations.len(), 1);
        assert_eq!(chunk.conversations[0].conversation_id, "big");
        assert_eq!(take_chunk(Vec::new()), Chunk::default());
    }

    #[test]
    fn objects_are_named_by_site_day_and_chunk() {
        assert_eq!(
            object_key("pk_a", "2026-01-02", 3),
            "pk_a/2026-01-02/0003.ndjson.gz"
        );
    }

    #[test]
    fn every_archived_table_has_its_columns_and_no_other_table_does() {
        for table in TABLES {
            assert!(
                columns(table).is_some_and(|columns| columns.len() > 3),
                "{table}"
            );
            assert!(rows_sql(table).is_some());
        }
        assert_eq!(columns("review_items"), None);
        assert_eq!(rows_sql("sites"), None);
    }
}
