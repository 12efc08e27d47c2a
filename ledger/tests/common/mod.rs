//! What the native rule tests share: a database with the Worker's own
//! migrations, statements run as D1 runs a batch, and events.
// Each test binary uses its own part of this.
#![allow(dead_code)]

pub mod archiving;

use ledger::Statement;
use ledger::ingest::{Batch, Sender, plan};
pub use ledger::sqlite::values;
use protocol::Event;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, params_from_iter};
use serde_json::json;

pub const SITE: &str = "pk_rules";
pub const SECRET_HASH: &str = "a1b2";
pub const T0: i64 = 1_800_000_000_000;

/// A database with every migration applied, in order, and no site.
pub fn migrated() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    let applied = ledger::sqlite::migrate(&conn);
    assert!(matches!(applied, Ok(count) if count >= 13), "{applied:?}");
    conn
}

/// Registers site `key` with the stored settings `config`.
pub fn site_with(conn: &Connection, key: &str, config: &serde_json::Value) {
    conn.execute(
        "INSERT INTO sites (site_key, secret_hash, created_at, config, config_updated_at) \
         VALUES (?1, 'h', 0, ?2, 0)",
        [key, &config.to_string()],
    )
    .unwrap();
}

/// A migrated database with one site, [`SITE`].
pub fn database() -> Connection {
    let conn = migrated();
    conn.execute(
        "INSERT INTO sites (site_key, secret_hash, created_at, config, config_updated_at) \
         VALUES (?1, ?2, 0, '{\"retention_days\": 1}', 0)",
        [SITE, SECRET_HASH],
    )
    .unwrap();
    conn
}

/// What one statement of a batch gave back.
#[derive(Debug, Default)]
pub struct Ran {
    /// The rows it changed.
    pub changed: i64,
    /// Its rows' first column, as text (a read's, or a write's `RETURNING`).
    pub rows: Vec<Sql>,
}

impl Ran {
    /// The first column of the first row, as a number (0 when none).
    pub fn first(&self) -> i64 {
        match self.rows.first() {
            Some(Sql::Integer(n)) => *n,
            _ => 0,
        }
    }
}

/// Runs `statements` in one transaction, as D1 runs a batch: per
/// statement, what it changed and the rows it gave back.
pub fn run_rows(conn: &mut Connection, statements: &[Statement]) -> Vec<Ran> {
    let tx = conn.transaction().unwrap();
    let mut out = Vec::new();
    for statement in statements {
        let mut prepared = tx.prepare(&statement.sql).unwrap();
        let params = params_from_iter(values(&statement.params));
        let mut rows = Vec::new();
        let mut cursor = prepared.query(params).unwrap();
        while let Some(row) = cursor.next().unwrap() {
            rows.push(row.get::<_, Sql>(0).unwrap());
        }
        drop(cursor);
        // The statement's own changes, not its triggers' (as D1 counts).
        let changed = if prepared.readonly() {
            0
        } else {
            i64::try_from(tx.changes()).unwrap()
        };
        out.push(Ran { changed, rows });
    }
    tx.commit().unwrap();
    out
}

/// Runs `statements` in one transaction, as D1 runs a batch: what each
/// changed, or the first column of a read's first row.
pub fn run(conn: &mut Connection, statements: &[Statement]) -> Vec<i64> {
    run_rows(conn, statements)
        .into_iter()
        .map(|ran| {
            if ran.rows.is_empty() {
                ran.changed
            } else {
                ran.first()
            }
        })
        .collect()
}

/// Stores `events` as `sender`, received at `received_at`: how many were
/// new; `None` when a server's secret was refused.
pub fn store_as(
    conn: &mut Connection,
    events: &[Event],
    received_at: i64,
    sender: Sender<'_>,
    owes_webhooks: bool,
) -> Option<usize> {
    let batch = Batch {
        site_key: SITE,
        sender,
        received_at,
        owes_webhooks,
    };
    let plan = plan(&batch, events).unwrap();
    let results = run_rows(conn, &plan.statements);
    if let Some(check) = plan.secret_check
        && results[check].first() != 1
    {
        return None;
    }
    Some(plan.inserted.map_or(0, |at| results[at].rows.len()))
}

/// Stores `events` as a page would send them: how many were new.
pub fn store(conn: &mut Connection, events: &[Event], received_at: i64) -> usize {
    store_as(conn, events, received_at, Sender::Page, false).unwrap_or_default()
}

pub fn event(value: serde_json::Value) -> Event {
    Event::from_json(&value).unwrap()
}

pub fn thumb(id: &str, conversation: &str, message: &str, rating: &str, at: i64) -> Event {
    event(json!({
        "id": id, "type": "message_feedback", "conversation_id": conversation,
        "at": at, "locale": "en-US", "message_id": message, "rating": rating,
    }))
}

pub fn answer(id: &str, conversation: &str, score: u8, at: i64) -> Event {
    event(json!({
        "id": id, "type": "csat_response", "conversation_id": conversation,
        "at": at, "locale": "en-US", "mode": "scale5", "score": score,
    }))
}

pub fn offered(id: &str, conversation: &str, at: i64) -> Event {
    event(json!({
        "id": id, "type": "csat_offered", "conversation_id": conversation,
        "at": at, "locale": "de", "mode": "scale5",
    }))
}

pub fn dismissed(id: &str, conversation: &str, at: i64) -> Event {
    event(json!({
        "id": id, "type": "csat_dismissed", "conversation_id": conversation,
        "at": at, "locale": "en-US", "mode": "scale5",
    }))
}

pub fn one<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str) -> T {
    conn.query_row(sql, [], |row| row.get(0)).unwrap()
}

/// Every row of `table` as text, sorted, for comparing two databases.
pub fn dump(conn: &Connection, table: &str) -> Vec<String> {
    let mut statement = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
    let columns = statement.column_count();
    let mut rows: Vec<String> = statement
        .query_map([], |row| {
            let mut cells = Vec::new();
            for index in 0..columns {
                let value: Sql = row.get(index)?;
                cells.push(format!("{value:?}"));
            }
            Ok(cells.join(" | "))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows.sort();
    rows
}
