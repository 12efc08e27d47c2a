//! `cargo xtask site move pk_… --to DB_1`: moves one site's rows to
//! another of the collector's databases, losing nothing that arrives
//! meanwhile (README "Moving a site").
//!
//! 1. The placement row is marked `moving_to` the new database. From then
//!    on the Worker writes the site's feedback to both databases and
//!    refuses the owner's changes (409 `site_moving`).
//! 2. After the Worker's placement cache has run out, every isolate knows,
//!    and the site's old database no longer changes but for feedback, which
//!    the new one gets too. Its rows are copied with the merge rules ingest
//!    uses (below), so the copy and the feedback written meanwhile meet in
//!    the same state, whichever lands first. The tables, their columns and
//!    the merge rules are `ledger::moving`'s, tested natively.
//! 3. The placement flips to the new database, and once every isolate has
//!    seen that, the old database's rows of the site are deleted.
//!
//! Each step can be run again: a move that stopped half-way is finished by
//! the same command.
//!
//! `wrangler d1 execute` takes no bound parameters, so every value read
//! from a row goes back as a hex literal (`CAST(X'…' AS TEXT)`) or as an
//! integer: no text from a shopper is ever spliced into SQL as text.

use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use protocol::databases::PLACEMENT_CACHE_MS;
use protocol::ids::check_id;
use serde_json::Value;

use ledger::moving::{Merge, Table, tables};

use crate::worker_dev::D1;

/// Rows read and written per `wrangler d1 execute`.
const PAGE_ROWS: usize = 1_000;

/// Conversations whose thumbs one statement counts.
const RECOUNTED_PER_STATEMENT: usize = 250;

/// Rows deleted per statement when a database gives up a site.
const DELETE_ROWS: usize = 5_000;

/// How long the move waits after changing a placement row: the Worker's
/// placement cache, and time for requests that read it just before.
pub fn settle_time() -> Duration {
    Duration::from_millis(u64::from(PLACEMENT_CACHE_MS) + 5_000)
}

/// Thumbs of the conversations in `ids` (an SQL list), counted from the
/// thumbs the new database holds, as ingest counts them.
fn recount_thumbs(site: &str, ids: &str) -> String {
    format!("{};\n", ledger::moving::recount_thumbs(site, ids))
}

/// A text as an SQL literal that holds any character: its UTF-8 bytes in hex.
fn text_literal(value: &str) -> String {
    let hex: String = value.bytes().map(|byte| format!("{byte:02X}")).collect();
    format!("CAST(X'{hex}' AS TEXT)")
}

/// A value of a row wrangler returned, as an SQL literal.
fn literal(value: &Value) -> Result<String> {
    match value {
        Value::Null => Ok("NULL".to_string()),
        Value::String(text) => Ok(text_literal(text)),
        Value::Number(number) => number
            .as_i64()
            .map(|int| int.to_string())
            .ok_or_else(|| anyhow!("a non-integer number in a site's rows: {number}")),
        other => bail!("an unexpected value in a site's rows: {other}"),
    }
}

/// Reads `table`'s next page of `site`'s rows in `from`, after `after` (the
/// last page's key values, `rowid` for a table without a key).
fn page(from: &D1, table: &Table, site: &str, after: Option<&[Value]>) -> Result<Vec<Value>> {
    let keyed = !table.key.is_empty();
    let key: Vec<&str> = if keyed {
        table.key.to_vec()
    } else {
        vec!["rowid"]
    };
    let mut columns: Vec<&str> = table.columns.to_vec();
    if !keyed {
        columns.push("rowid AS page_rowid");
    }
    let after_sql = match after {
        Some(values) => {
            let values: Vec<String> = values.iter().map(literal).collect::<Result<_>>()?;
            format!(" AND ({}) > ({})", key.join(", "), values.join(", "))
        }
        None => String::new(),
    };
    from.run_file(&format!(
        "SELECT {} FROM {} WHERE site_key = {site}{after_sql} ORDER BY {} LIMIT {PAGE_ROWS};",
        columns.join(", "),
        table.name,
        key.join(", "),
    ))
}

/// The most row values written in one statement: D1 takes statements up
/// to 100 KB, the merge rule included (local D1 refused 95 KB).
const MAX_STATEMENT_BYTES: usize = 50_000;

/// The statements writing `rows` of `table` into the new database: as few
/// as fit, each row's values as literals.
fn inserts(table: &Table, site: &str, rows: &[Value]) -> Result<String> {
    let name = table.name;
    let columns = table.columns.join(", ");
    let conflict = table.on_conflict();
    let mut sql = String::new();
    let mut tuples: Vec<String> = Vec::new();
    let mut pending = 0;
    let flush = |sql: &mut String, tuples: &mut Vec<String>| {
        if !tuples.is_empty() {
            sql.push_str(&format!(
                "INSERT INTO {name} (site_key, {columns}) VALUES {} {conflict};\n",
                tuples.join(", ")
            ));
            tuples.clear();
        }
    };
    for row in rows {
        let values: Vec<String> = table
            .columns
            .iter()
            .map(|column| literal(row.get(*column).unwrap_or(&Value::Null)))
            .collect::<Result<_>>()?;
        if let Merge::Absent = table.merge {
            // No key to conflict on: a row goes in unless an identical one is there.
            let same: Vec<String> = table
                .columns
                .iter()
                .zip(&values)
                .map(|(column, value)| format!("{column} IS {value}"))
                .collect();
            sql.push_str(&format!(
                "INSERT INTO {name} (site_key, {columns}) SELECT {site}, {} \
                 WHERE NOT EXISTS (SELECT 1 FROM {name} WHERE site_key = {site} AND {});\n",
                values.join(", "),
                same.join(" AND "),
            ));
            continue;
        }
        let tuple = format!("({site}, {})", values.join(", "));
        if pending + tuple.len() > MAX_STATEMENT_BYTES {
            flush(&mut sql, &mut tuples);
            pending = 0;
        }
        pending += tuple.len() + 2;
        tuples.push(tuple);
    }
    flush(&mut sql, &mut tuples);
    Ok(sql)
}

/// How many rows of `site` each table holds in `db`, in [`tables`]' order.
fn counts(db: &D1, site: &str) -> Result<Vec<u64>> {
    let tables = tables();
    let each: Vec<String> = tables
        .iter()
        .enumerate()
        .map(|(index, table)| {
            format!(
                "(SELECT count(*) FROM {} WHERE site_key = {site}) AS n{index}",
                table.name
            )
        })
        .collect();
    let rows = db.run_file(&format!("SELECT {};", each.join(", ")))?;
    let row = rows
        .first()
        .ok_or_else(|| anyhow!("no counts from {}", db.binding()))?;
    tables
        .iter()
        .enumerate()
        .map(|(index, table)| {
            row.get(format!("n{index}"))
                .and_then(Value::as_u64)
                .ok_or_else(|| anyhow!("no count of {} from {}", table.name, db.binding()))
        })
        .collect()
}

/// Copies `site`'s rows of `table` from `from` to `to`, `rows_now` of
/// them when the copy began; the number copied.
fn copy_table(from: &D1, to: &D1, table: &Table, site: &str, rows_now: u64) -> Result<u64> {
    // Pages move forward by key, so this ends; feedback arriving during
    // the copy can add pages, which the bound allows for many times over.
    let most_pages = rows_now / PAGE_ROWS as u64 * 4 + 8;
    let mut after: Option<Vec<Value>> = None;
    let mut copied = 0;
    for _ in 0..most_pages {
        let rows = page(from, table, site, after.as_deref())?;
        let Some(last) = rows.last() else {
            return Ok(copied);
        };
        let mut sql = inserts(table, site, &rows)?;
        if table.name == "conversations" {
            let ids: Vec<String> = rows
                .iter()
                .map(|row| literal(row.get("conversation_id").unwrap_or(&Value::Null)))
                .collect::<Result<_>>()?;
            for chunk in ids.chunks(RECOUNTED_PER_STATEMENT) {
                sql.push_str(&recount_thumbs(site, &chunk.join(", ")));
            }
        }
        to.run_file(&sql)?;
        copied += rows.len() as u64;
        let key_columns: Vec<&str> = if table.key.is_empty() {
            vec!["page_rowid"]
        } else {
            table.key.to_vec()
        };
        after = Some(
            key_columns
                .iter()
                .map(|column| last.get(*column).cloned().unwrap_or(Value::Null))
                .collect(),
        );
        if rows.len() < PAGE_ROWS {
            return Ok(copied);
        }
    }
    bail!(
        "copying {} of {site} went past {most_pages} pages; is feedback arriving faster than it can be copied?",
        table.name
    )
}

/// Deletes every row of `site` from `db` (its rollups follow, by trigger).
fn delete_site(db: &D1, site: &str) -> Result<()> {
    let left: u64 = counts(db, site)?.iter().sum();
    let mut sql = String::new();
    // The owner's tables last: `sites` cascades to the others.
    for table in tables().iter().rev() {
        sql.push_str(&format!(
            "DELETE FROM {name} WHERE rowid IN \
               (SELECT rowid FROM {name} WHERE site_key = {site} LIMIT {DELETE_ROWS});\n",
            name = table.name
        ));
    }
    for _ in 0..left / DELETE_ROWS as u64 + 2 {
        db.run_file(&sql)?;
        if counts(db, site)?.iter().all(|count| *count == 0) {
            return Ok(());
        }
    }
    bail!(
        "{site} still has rows in {} after deleting them",
        db.binding()
    )
}

/// Whether `db` holds any row of `site`.
fn holds(db: &D1, site: &str) -> Result<bool> {
    Ok(counts(db, site)?.iter().any(|count| *count > 0))
}

/// A site's placement row: where it lives, and where it is moving.
struct Placement {
    database: String,
    moving_to: Option<String>,
}

fn placement(directory: &D1, site: &str) -> Result<Placement> {
    let rows = directory.run_file(&format!(
        "SELECT database, moving_to FROM site_placements WHERE site_key = {site};"
    ))?;
    let row = rows.first();
    let text = |column: &str| {
        row.and_then(|row| row.get(column))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    Ok(Placement {
        database: text("database").unwrap_or_else(|| protocol::databases::FIRST.to_string()),
        moving_to: text("moving_to"),
    })
}

fn wait(why: &str) {
    let settle = settle_time();
    println!("waiting {} s {why}", settle.as_secs());
    std::thread::sleep(settle);
}

/// Moves `site_key`'s rows to the database `to` (see the module's notes).
pub fn run(d1: &D1, site_key: &str, to: &str) -> Result<()> {
    check_id("site key", site_key).map_err(|err| anyhow!("{}", err.message))?;
    let databases = d1.each()?;
    let Some(target) = databases.iter().find(|db| db.binding() == to) else {
        let names: Vec<&str> = databases.iter().map(|db| db.binding()).collect();
        bail!("no database {to}: DATABASES lists {}", names.join(", "));
    };
    let Some(directory) = databases.first() else {
        bail!("DATABASES lists no database");
    };
    let site = text_literal(site_key);
    let placed = placement(directory, &site)?;
    let Some(home) = databases.iter().find(|db| db.binding() == placed.database) else {
        bail!(
            "{site_key} is placed in {}, which DATABASES does not list",
            placed.database
        );
    };
    if counts(home, &site)?.first() != Some(&1) {
        bail!("no site {site_key} (see `cargo xtask site list`)");
    }
    match placed.moving_to.as_deref() {
        Some(moving) if moving != to => bail!(
            "{site_key} is already moving to {moving}; finish that move first \
             (`cargo xtask site move {site_key} --to {moving}`)"
        ),
        Some(_) => println!("{site_key} is moving to {to} already: finishing that move"),
        None if home.binding() == to => {
            // A move that stopped after its flip leaves rows behind.
            let left: Vec<&D1> = databases
                .iter()
                .filter(|db| db.binding() != to)
                .filter_map(|db| holds(db, &site).map(|held| held.then_some(db)).transpose())
                .collect::<Result<_>>()?;
            if left.is_empty() {
                println!("{site_key} lives in {to} already; nothing to move");
                return Ok(());
            }
            wait("for every Worker to read the site from its new database");
            for db in left {
                println!("removing {site_key}'s rows left in {}", db.binding());
                delete_site(db, &site)?;
            }
            return Ok(());
        }
        None => {
            // Nothing reads or writes the site there yet: rows left by an
            // earlier move are stale.
            if holds(target, &site)? {
                println!("removing {site_key}'s stale rows from {to}");
                delete_site(target, &site)?;
            }
            directory.run_file(&format!(
                "INSERT INTO site_placements (site_key, database, placed_at, moving_to) \
                 VALUES ({site}, {home}, {now}, {to_literal}) \
                 ON CONFLICT (site_key) DO UPDATE SET moving_to = excluded.moving_to;",
                home = text_literal(home.binding()),
                now = super::sites::now_ms()?,
                to_literal = text_literal(to),
            ))?;
            println!(
                "{site_key}: feedback now goes to {} and {to}; the owner's changes wait",
                home.binding()
            );
        }
    }
    wait("for every Worker to write to both databases");
    for (table, rows_now) in tables().iter().zip(counts(home, &site)?) {
        let copied = copy_table(home, target, table, &site, rows_now)?;
        println!("copied {copied} rows of {}", table.name);
    }
    directory.run_file(&format!(
        "UPDATE site_placements SET database = {to_literal}, moving_to = NULL, placed_at = {now} \
         WHERE site_key = {site};",
        to_literal = text_literal(to),
        now = super::sites::now_ms()?,
    ))?;
    println!("{site_key} now lives in {to}");
    wait("for every Worker to read the site from its new database");
    delete_site(home, &site)?;
    println!("removed {site_key}'s rows from {}", home.binding());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_goes_into_sql_as_hex_whatever_it_holds() {
        assert_eq!(text_literal("a'b"), "CAST(X'612762' AS TEXT)");
        assert_eq!(text_literal(""), "CAST(X'' AS TEXT)");
        assert_eq!(
            literal(&serde_json::json!("é\u{0}")).ok().as_deref(),
            Some("CAST(X'C3A900' AS TEXT)")
        );
        assert_eq!(
            literal(&serde_json::json!(1_732_000_000_123_i64))
                .ok()
                .as_deref(),
            Some("1732000000123")
        );
        assert_eq!(literal(&Value::Null).ok().as_deref(), Some("NULL"));
        assert!(literal(&serde_json::json!(1.5)).is_err());
        assert!(literal(&serde_json::json!([1])).is_err());
    }

    #[test]
    fn rows_go_in_as_few_statements_as_fit_under_d1s_limit() {
        let tables = tables();
        let events = tables.iter().find(|table| table.name == "events").unwrap();
        let row = |n: usize| {
            serde_json::json!({"event_id": format!("ev{n}"), "type": "t", "conversation_id": "c",
                "at": 1, "received_at": 2, "locale": "en", "body": "x".repeat(2_000)})
        };
        let rows: Vec<Value> = (0..100).map(row).collect();
        let sql = inserts(events, "'pk'", &rows).unwrap();
        let statements: Vec<&str> = sql.lines().collect();
        // 100 rows of about 4 KB each (hex doubles the body): 9 statements.
        assert_eq!(statements.len(), 9, "{}", statements.len());
        for statement in &statements {
            assert!(
                statement.len() <= MAX_STATEMENT_BYTES,
                "{}",
                statement.len()
            );
            assert!(statement.ends_with("received_at = min(received_at, excluded.received_at);"));
        }
        assert_eq!(
            sql.matches("CAST(X'657630' AS TEXT)").count(),
            1,
            "ev0 once"
        );

        let audit = tables
            .iter()
            .find(|table| table.name == "settings_audit")
            .unwrap();
        let rows = vec![
            serde_json::json!({"at": 1, "actor": "owner", "action": "settings", "changes": "[]"});
            3
        ];
        let sql = inserts(audit, "'pk'", &rows).unwrap();
        assert_eq!(sql.lines().count(), 3);
        assert!(sql.lines().all(|line| line.contains("WHERE NOT EXISTS")));
    }

    #[test]
    fn no_statement_says_end_which_wrangler_takes_for_a_trigger_s() {
        for table in tables() {
            let row = serde_json::json!({"conversation_id": "c"});
            let sql = inserts(&table, "'pk'", &[row]).unwrap() + &recount_thumbs("'pk'", "'c'");
            let words: Vec<&str> = sql
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .collect();
            assert!(
                !words.iter().any(|word| word.eq_ignore_ascii_case("end")),
                "{sql}"
            );
        }
    }
}
