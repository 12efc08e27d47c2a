//! The site move's tables and merge rules, natively: every table and
//! column of a site's rows (read from the migrations) is copied, and a
//! copy of the old database meets the feedback written to both during the
//! move in the very state the old database holds, whatever arrived when.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::collections::BTreeSet;

use common::{SITE, T0, answer, database, dismissed, dump, event, migrated, offered, store, thumb};
use ledger::moving::{Merge, tables};
use proptest::prelude::*;
use protocol::Event;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, params_from_iter};
use serde_json::json;

#[test]
fn every_table_and_column_of_a_sites_rows_is_moved() {
    let conn = migrated();
    let mut names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // The rollups and the open review counts are kept by the new
    // database's triggers; the placements are the directory itself; an
    // export's hold on the archive is the old database's, for its own
    // reads (no archive runs on a moving site).
    names.retain(|name| {
        !name.ends_with("_rollups")
            && !["review_open_counts", "site_placements", "export_holds"].contains(&name.as_str())
    });
    let mut with_site = BTreeSet::new();
    for name in names {
        let columns: BTreeSet<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{name}')"))
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        if !columns.contains("site_key") {
            continue;
        }
        let table = tables().into_iter().find(|table| table.name == name);
        let table = table.unwrap_or_else(|| panic!("the move does not copy {name}"));
        let moved: BTreeSet<String> = table.columns.iter().map(|c| c.to_string()).collect();
        let stored: BTreeSet<String> = columns.into_iter().filter(|c| c != "site_key").collect();
        assert_eq!(moved, stored, "the columns of {name} the move copies");
        // The move deletes a site's rows from the old database in rowid
        // batches (`cargo xtask site move`): a moved table has a rowid.
        assert!(
            conn.prepare(&format!("SELECT rowid FROM {name} LIMIT 0"))
                .is_ok(),
            "{name} is WITHOUT ROWID, so a move could not delete its rows"
        );
        with_site.insert(name);
    }
    let moved: BTreeSet<String> = tables().iter().map(|t| t.name.to_string()).collect();
    assert_eq!(moved, with_site);
}

/// Copies every row of [`SITE`] from `from` into `to`, as `cargo xtask
/// site move` does (with bound values instead of literals), then recounts
/// the conversations' thumbs.
fn copy(from: &Connection, to: &Connection) {
    for table in tables() {
        let columns = table.columns.join(", ");
        let mut read = from
            .prepare(&format!(
                "SELECT {columns} FROM {} WHERE site_key = ?1",
                table.name
            ))
            .unwrap();
        let rows: Vec<Vec<Sql>> = read
            .query_map([SITE], |row| {
                (0..table.columns.len()).map(|i| row.get(i)).collect()
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let marks: Vec<String> = (2..table.columns.len() + 2)
            .map(|n| format!("?{n}"))
            .collect();
        let sql = match table.merge {
            Merge::Absent => continue,
            _ => format!(
                "INSERT INTO {} (site_key, {columns}) VALUES (?1, {}) {}",
                table.name,
                marks.join(", "),
                table.on_conflict()
            ),
        };
        for row in rows {
            let mut values = vec![Sql::Text(SITE.to_string())];
            values.extend(row);
            to.execute(&sql, params_from_iter(values)).unwrap();
        }
    }
    let ids: Vec<String> = from
        .prepare("SELECT conversation_id FROM conversations WHERE site_key = ?1")
        .unwrap()
        .query_map([SITE], |row| row.get::<_, String>(0))
        .unwrap()
        .map(|id| format!("'{}'", id.unwrap()))
        .collect();
    if !ids.is_empty() {
        to.execute(
            &ledger::moving::recount_thumbs(&format!("'{SITE}'"), &ids.join(", ")),
            [],
        )
        .unwrap();
    }
}

/// One of the random events of a conversation.
fn events() -> impl Strategy<Value = Vec<Event>> {
    prop::collection::vec((0..6u8, 0..2usize, 0..3usize, 0..40i64, 1..=5u8), 1..30).prop_map(
        |raw| {
            raw.into_iter()
                .enumerate()
                .map(|(n, (kind, conversation, message, at, score))| {
                    let (id, c, at) = (
                        format!("e{n:03}"),
                        format!("c{conversation}"),
                        T0 + at * 1_000,
                    );
                    let rating = ["up", "down", "none"][message % 3];
                    // Provenance that differs from event to event: a role,
                    // a page, meta and context, and a hand-over.
                    let page = format!("/p{}", n % 3);
                    let arm = ["a", "b", "c"][n % 3];
                    let handed_over = n % 4 == 0;
                    let role = ["assistant", "agent"][n % 2];
                    match kind {
                        0 => thumb(&id, &c, &format!("m{message}"), rating, at),
                        1 => event(json!({
                            "id": id, "type": "message_feedback", "conversation_id": c,
                            "at": at, "locale": "en-US", "message_id": format!("m{message}"),
                            "rating": rating, "role": role,
                            "page": page, "meta": {"model": arm},
                        })),
                        2 if n % 2 == 0 => offered(&id, &c, at),
                        2 => event(json!({
                            "id": id, "type": "csat_offered", "conversation_id": c,
                            "at": at, "locale": "de", "mode": "scale5", "page": page,
                            "context": {"variant": arm}, "handed_over": handed_over,
                        })),
                        3 => dismissed(&id, &c, at),
                        _ if n % 2 == 0 => answer(&id, &c, score, at),
                        _ => event(json!({
                            "id": id, "type": "csat_response", "conversation_id": c,
                            "at": at, "locale": "en-US", "mode": "scale5", "score": score,
                            "page": page, "context": {"variant": arm}, "handed_over": handed_over,
                        })),
                    }
                })
                .collect()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The old database takes every request; the new one takes the
    /// requests of the move's window too, as the Worker writes them (what
    /// the old one stored, at the same time of receipt). The copy of the
    /// old database's rows then leaves the new one holding what the old
    /// one holds, table by table.
    #[test]
    fn the_copy_meets_what_was_written_during_the_move_in_the_old_databases_state(
        sent in events(),
        cuts in prop::collection::vec(1..5usize, 1..8),
        during in any::<prop::sample::Index>(),
    ) {
        let mut batches: Vec<&[Event]> = Vec::new();
        let mut at = 0;
        for size in cuts.iter().cycle() {
            if at >= sent.len() {
                break;
            }
            let end = (at + size).min(sent.len());
            batches.push(&sent[at..end]);
            at = end;
        }
        // The move began before batch `from`: those were written twice.
        let from = during.index(batches.len() + 1);
        let (mut old, mut new) = (database(), database());
        for (n, batch) in batches.iter().enumerate() {
            let received = T0 + n as i64 * 60_000;
            store(&mut old, batch, received);
            if n >= from {
                store(&mut new, batch, received);
            }
        }
        copy(&old, &new);
        for table in [
            "events",
            "message_ratings",
            "conversations",
            "csat_rollups",
            "thumb_rollups",
            "thumb_compare_rollups",
            "csat_compare_rollups",
            "review_items",
            "review_open_counts",
        ] {
            prop_assert_eq!(dump(&new, table), dump(&old, table), "{}", table);
        }
    }
}
