//! Archiving as the Worker does it, for the archive's tests: a site with
//! a hot window, conversations with thumbs, text and review items, and
//! chunks found, read, encoded, begun and committed, the bucket played by
//! the objects' bytes in memory.
// A failed unwrap in a test is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::BTreeMap;

use ledger::archive::day_object::{self, Header};
use ledger::archive::{self, Candidate, Chunk, Written};
use rusqlite::Connection;
use rusqlite::types::Value as Sql;
use serde_json::json;

use super::{SITE, T0, dump, event, run_rows, store, thumb};

pub const DAY: i64 = 86_400_000;

/// The figures and the review items: what archiving must not change.
pub const KEPT: [&str; 6] = [
    "csat_rollups",
    "thumb_rollups",
    "csat_compare_rollups",
    "thumb_compare_rollups",
    "review_items",
    "review_open_counts",
];

pub fn site(conn: &Connection, hot_days: Option<u32>) {
    let config = match hot_days {
        Some(days) => json!({ "hot_days": days }),
        None => json!({}),
    };
    super::site_with(conn, SITE, &config);
}

/// A conversation at `at`: a 👍, a 👎 with text, and an answer of 2 with a
/// comment (so it has two review items).
pub fn conversation(conn: &mut Connection, c: &str, at: i64) {
    store(
        conn,
        &[
            thumb(&format!("{c}_up"), c, "m1", "up", at),
            event(json!({
                "id": format!("{c}_down"), "type": "message_feedback", "conversation_id": c,
                "at": at + 1, "locale": "de", "message_id": "m2", "rating": "down",
                "reason": "zu \"vage\"\nzweite Zeile", "question": "Läuft es klein aus?",
                "answer": "Nein.", "tags": ["wrong_answer"],
            })),
            event(json!({
                "id": format!("{c}_a"), "type": "csat_response", "conversation_id": c,
                "at": at + 2, "locale": "de", "mode": "scale5", "score": 2,
                "comment": "nicht hilfreich",
            })),
        ],
        at + 3,
    );
}

/// Marks every review item of `c` reviewed.
pub fn review(conn: &Connection, c: &str) {
    conn.execute(
        "UPDATE review_items SET state = 'reviewed', note = 'seen', reviewed_by = 'owner', \
         reviewed_at = ?2 WHERE site_key = ?1 AND conversation_id = ?3",
        rusqlite::params![SITE, T0, c],
    )
    .unwrap();
}

pub fn snapshot(conn: &Connection, tables: &[&str]) -> BTreeMap<String, Vec<String>> {
    tables
        .iter()
        .map(|table| (table.to_string(), dump(conn, table)))
        .collect()
}

pub fn rows_of(conn: &Connection, table: &str, conversation: &str) -> i64 {
    conn.query_row(
        &format!("SELECT count(*) FROM {table} WHERE site_key = ?1 AND conversation_id = ?2"),
        [SITE, conversation],
        |row| row.get(0),
    )
    .unwrap()
}

/// The first chunk due at `now`, as the Worker finds it.
pub fn due_chunk(conn: &Connection, now: i64) -> Option<Chunk> {
    let mut sites = conn.prepare(&archive::due_sites()).unwrap();
    let cutoff: Option<i64> = sites
        .query_map(rusqlite::params![now, 10], |row| row.get::<_, i64>(1))
        .unwrap()
        .map(Result::unwrap)
        .next();
    let cutoff = cutoff?;
    let mut read = conn.prepare(&archive::candidates()).unwrap();
    let candidates: Vec<Candidate> = read
        .query_map(rusqlite::params![SITE, cutoff], |row| {
            Ok(Candidate {
                conversation_id: row.get(0)?,
                last_at: row.get(1)?,
                day: row.get(2)?,
                rows: row.get(3)?,
                bytes: row.get(4)?,
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    Some(archive::take_chunk(candidates))
}

/// The chunk's rows as the Worker reads them: table and JSON text.
pub fn chunk_rows(conn: &Connection, chunk: &Chunk) -> Vec<(&'static str, String)> {
    let ledger::Param::Text(ids) = chunk.ids() else {
        unreachable!()
    };
    let mut rows = Vec::new();
    for table in archive::TABLES {
        let sql = archive::rows_sql(table).unwrap();
        let mut read = conn.prepare(&sql).unwrap();
        let found: Vec<String> = read
            .query_map(rusqlite::params![SITE, ids], |row| row.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.extend(found.into_iter().map(|json| (table, json)));
    }
    rows
}

/// Steps 1–4 of a chunk: found, read, encoded, begun. The object's key,
/// bytes and what was written.
pub struct Begun {
    pub chunk: Chunk,
    pub number: i64,
    pub header: Header,
    pub encoded: day_object::Encoded,
}

pub fn begin(conn: &mut Connection, now: i64) -> Option<Begun> {
    let chunk = due_chunk(conn, now)?;
    if chunk.conversations.is_empty() {
        return None;
    }
    let rows = chunk_rows(conn, &chunk);
    let borrowed: Vec<(&str, &str)> = rows.iter().map(|(t, j)| (*t, j.as_str())).collect();
    let mut header = Header {
        format: day_object::FORMAT,
        site_key: SITE.into(),
        day: chunk.day.clone(),
        chunk: 0,
    };
    let ran = run_rows(conn, &[archive::begin(SITE, &chunk.day, (0, now), now)]);
    let Some(Sql::Integer(number)) = ran[0].rows.first() else {
        panic!("no chunk number: {:?}", ran[0].rows)
    };
    header.chunk = *number;
    let encoded = day_object::encode(&header, &borrowed).unwrap();
    Some(Begun {
        chunk,
        number: *number,
        header,
        encoded,
    })
}

impl Begun {
    pub fn written(&self) -> Written {
        Written {
            rows: self.encoded.rows,
            bytes: self.encoded.bytes.len(),
            sha256: self.encoded.sha256.clone(),
        }
    }
}

pub fn state(conn: &Connection, begun: &Begun) -> String {
    conn.query_row(
        archive::STATE,
        rusqlite::params![SITE, begun.chunk.day, begun.number],
        |row| row.get(0),
    )
    .unwrap()
}

/// Archives every cold conversation at `now`, as the Worker would: the
/// objects read back, by chunk.
pub fn archive_all(conn: &mut Connection, now: i64) -> Vec<(Begun, Vec<day_object::Line>)> {
    let mut archived = Vec::new();
    while let Some(begun) = begin(conn, now) {
        let read = day_object::verify(&begun.encoded.bytes, &begun.header, &begun.encoded).unwrap();
        run_rows(
            conn,
            &archive::commit(SITE, begun.number, &begun.chunk, &begun.written()),
        );
        archived.push((begun, read.lines));
    }
    archived
}
