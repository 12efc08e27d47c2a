//! Retention over the archive (#35), natively against SQLite with the
//! Worker's migrations: an archived chunk past its site's retention is
//! put back and deleted by the sweep's own statements, which leaves the
//! figures, the review items and the rows exactly as a site that never
//! archived is left; archived text past the text retention is blanked as
//! D1's is, from the one list of text columns.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::archiving::{DAY, KEPT, archive_all, conversation, review, snapshot};
use common::{SITE, T0, migrated, one, run_rows};
use ledger::archive::day_object::Line;
use ledger::archive::{self, erasure, expiry, text};
use rusqlite::Connection;
use serde_json::{Value, json};

/// A shop of 20 days, two conversations a day, each reviewed, with the
/// settings `config`.
fn shop(config: &Value) -> Connection {
    let mut conn = migrated();
    common::site_with(&conn, SITE, config);
    for day in 0..20 {
        for n in 0..2 {
            let c = format!("c_{day:02}_{n}");
            conversation(&mut conn, &c, T0 + day * DAY + n * 1000);
            review(&conn, &c);
        }
    }
    conn
}

/// Runs the retention sweep's deletes at `now` until each deletes no more.
fn sweep(conn: &Connection, now: i64) {
    for sql in ledger::retention::statements() {
        while conn.execute(&sql, [now]).unwrap() > 0 {}
    }
}

/// The chunks a listing (`?1` now, `?2` at most) gives: day and number.
fn listed(conn: &Connection, sql: &str, now: i64) -> Vec<(String, i64)> {
    let mut statement = conn.prepare(sql).unwrap();
    statement
        .query_map(rusqlite::params![now, 100], |row| {
            assert_eq!(row.get::<_, String>(0)?, SITE);
            Ok((row.get(1)?, row.get(2)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The chunks past retention at `now`: day, number, and when written.
fn expiring(conn: &Connection, now: i64) -> Vec<(String, i64, i64)> {
    let mut statement = conn.prepare(&expiry::expired()).unwrap();
    statement
        .query_map(rusqlite::params![now, 100], |row| {
            Ok((row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    one::<i64>(conn, sql)
}

#[test]
fn an_expired_chunk_leaves_what_a_site_that_never_archived_is_left() {
    let config = json!({ "hot_days": 30, "retention_days": 60 });
    let archived_at = T0 + 50 * DAY;
    let swept_at = T0 + 70 * DAY;

    // A conversation of an expiring day is being erased: its figures are
    // already gone, and it is not put back.
    let mut never = shop(&config);
    run_rows(&mut never, &ledger::erasure::erase(SITE, "c_03_0"));
    sweep(&never, swept_at);

    let mut conn = shop(&config);
    let objects = archive_all(&mut conn, archived_at);
    assert_eq!(objects.len(), 20);
    let lines: Vec<Line> = objects
        .iter()
        .flat_map(|(_, lines)| lines.clone())
        .collect();
    let of_it: Vec<Line> = erasure::of_conversation(&lines, "c_03_0")
        .into_iter()
        .cloned()
        .collect();
    run_rows(&mut conn, &erasure::erase(SITE, "c_03_0", &of_it));

    let lines_of = |day: &str, chunk: i64| {
        objects
            .iter()
            .find(|(begun, _)| begun.chunk.day == day && begun.number == chunk)
            .map(|(_, lines)| lines.clone())
            .unwrap()
    };
    let due = expiring(&conn, swept_at);
    assert_eq!(due.len(), 10, "the days before the cutoff's: {due:?}");

    // A chunk written again after it was listed (an erasure, text
    // blanked) is not put back from what was read: the next sweep reads
    // it again.
    let (day, chunk, written) = &due[0];
    let figures = snapshot(&conn, &KEPT);
    conn.execute(
        "UPDATE archive_chunks SET written_at = written_at + 1 WHERE day = ?1 AND chunk = ?2",
        rusqlite::params![day, chunk],
    )
    .unwrap();
    let stale = expiry::expire(SITE, (day, *chunk), *written, &lines_of(day, *chunk));
    assert!(
        run_rows(&mut conn, &stale)
            .iter()
            .all(|ran| ran.changed == 0)
    );
    assert_eq!(snapshot(&conn, &KEPT), figures);
    let due = expiring(&conn, swept_at);
    for (day, chunk, written) in &due {
        run_rows(
            &mut conn,
            &expiry::expire(SITE, (day, *chunk), *written, &lines_of(day, *chunk)),
        );
    }
    sweep(&conn, swept_at);
    // Asked again (a sweep that stopped before the objects went), after
    // the rows were deleted: nothing is put back twice.
    for (day, chunk, written) in &due {
        run_rows(
            &mut conn,
            &expiry::expire(SITE, (day, *chunk), *written, &lines_of(day, *chunk)),
        );
        run_rows(&mut conn, &[archive::forget(SITE, day, *chunk)]);
    }
    sweep(&conn, swept_at);
    assert_eq!(snapshot(&conn, &KEPT), snapshot(&never, &KEPT));
    for table in archive::TABLES {
        assert_eq!(
            count(&conn, &format!("SELECT count(*) FROM {table}")),
            0,
            "{table}"
        );
    }
    assert_eq!(count(&conn, "SELECT count(*) FROM archive_chunks"), 10);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM archived_conversations"),
        20
    );
    assert!(expiring(&conn, swept_at).is_empty());

    // The rest, put back and swept later, leaves both sites alike again.
    let later = swept_at + 15 * DAY;
    let rest = expiring(&conn, later);
    assert_eq!(rest.len(), 10);
    for (day, chunk, written) in &rest {
        run_rows(
            &mut conn,
            &expiry::expire(SITE, (day, *chunk), *written, &lines_of(day, *chunk)),
        );
    }
    sweep(&conn, later);
    sweep(&never, later);
    assert_eq!(snapshot(&conn, &KEPT), snapshot(&never, &KEPT));
}

#[test]
fn archived_text_past_the_text_retention_is_blanked_as_d1s_is() {
    let config = json!({ "hot_days": 30, "text_retention_days": 40 });
    let archived_at = T0 + 50 * DAY;
    let swept_at = T0 + 50 * DAY;

    // The same shop, not archived, its text swept in D1.
    let never = shop(&config);
    for sql in ledger::retention::text_statements() {
        while never.execute(&sql, [swept_at]).unwrap() > 0 {}
    }

    let mut conn = shop(&config);
    let mut objects = archive_all(&mut conn, archived_at);
    let due = listed(&conn, &text::due(), swept_at);
    assert_eq!(due.len(), 10, "the days before the cutoff's: {due:?}");
    let mut blanked: Vec<Line> = Vec::new();
    for (begun, lines) in &mut objects {
        let is_due = due.contains(&(begun.chunk.day.clone(), begun.number));
        if !is_due {
            continue;
        }
        assert!(text::blank(lines), "it held text");
        assert!(!text::blank(lines), "once blanked, nothing more");
        blanked.extend(lines.iter().cloned());
        let written = archive::Written {
            rows: lines.len(),
            bytes: 1,
            sha256: "new".into(),
        };
        let at = (begun.chunk.day.as_str(), begun.number);
        run_rows(
            &mut conn,
            &[text::blanked(SITE, at, Some((&written, T0 + 60 * DAY)))],
        );
    }
    assert!(listed(&conn, &text::due(), swept_at).is_empty());
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM archive_chunks WHERE sha256 = 'new' AND text_blanked = 1"
        ),
        10
    );

    // Put back, the blanked rows are D1's rows after its own sweep.
    run_rows(&mut conn, &archive::restore(SITE, &blanked));
    let first_days = |conn: &Connection, table: &str| -> Vec<String> {
        let mut statement = conn
            .prepare(&format!(
                "SELECT * FROM {table} WHERE conversation_id < 'c_10' ORDER BY 1, 2, 3"
            ))
            .unwrap();
        let columns = statement.column_count();
        statement
            .query_map([], |row| {
                let mut cells = Vec::new();
                for at in 0..columns {
                    let cell: rusqlite::types::Value = row.get(at)?;
                    // A body's fields, in any order.
                    let cell = match &cell {
                        rusqlite::types::Value::Text(text) if text.starts_with('{') => {
                            serde_json::from_str::<Value>(text)
                                .map_or(format!("{cell:?}"), |v| v.to_string())
                        }
                        _ => format!("{cell:?}"),
                    };
                    cells.push(cell);
                }
                Ok(cells.join(" | "))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    for table in archive::TABLES {
        let rows = first_days(&conn, table);
        assert!(!rows.is_empty(), "{table}");
        assert_eq!(rows, first_days(&never, table), "{table}");
    }
    let text_left = blanked
        .iter()
        .map(|line| serde_json::to_string(&line.row).unwrap())
        .filter(|row| row.contains("nicht hilfreich") || row.contains("klein aus"))
        .count();
    assert_eq!(text_left, 0);
}
