//! The exports over the archive (#35), natively against SQLite with the
//! Worker's migrations: a shop's conversations are exported page by page
//! before and after most of them move to archived chunks, with the
//! Worker's phases (the chunks by day and chunk, then D1's hot rows) and
//! its cursors, and each filter gives the same rows, each once. A
//! conversation whose erasure is under way is in neither.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::collections::BTreeMap;

use common::archiving::{DAY, archive_all};
use common::{SITE, T0, event, migrated, one, run_rows, store};
use ledger::Statement;
use ledger::archive::day_object::Line;
use ledger::archive::erasure;
use ledger::archive::reading::{self, Phase, Slice};
use protocol::dataset::{AnswerCursor, DatasetFilter, RatedAnswerRow};
use protocol::export_cursor::ExportCursor;
use protocol::read_api::InboxFilter;
use rusqlite::Connection;
use rusqlite::params_from_iter;
use rusqlite::types::Value as Sql;
use serde_json::json;

/// Now, for the archive: 30 hot days, so conversations of the first 70
/// days are cold.
const NOW: i64 = T0 + 100 * DAY;

/// Rows of a statement, each as its cells' text.
fn rows(conn: &Connection, statement: &Statement) -> Vec<Vec<Sql>> {
    let mut prepared = conn.prepare(&statement.sql).unwrap();
    let columns = prepared.column_count();
    prepared
        .query_map(params_from_iter(common::values(&statement.params)), |row| {
            (0..columns).map(|at| row.get::<_, Sql>(at)).collect()
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn text(value: &Sql) -> String {
    match value {
        Sql::Text(text) => text.clone(),
        other => panic!("not text: {other:?}"),
    }
}

/// A shop of 90 days, four conversations a day, each different: three
/// languages (a thumb's not always its conversation's), some thumbs by
/// an agent, two models in a thumb's meta, a
/// page, a hand-over, every score, text; every review item reviewed (so
/// the cold ones move), some labelled.
fn shop(conn: &mut Connection) {
    common::site_with(conn, SITE, &json!({ "hot_days": 30 }));
    for day in 0..90 {
        for n in 0..4 {
            let i = day * 4 + n;
            let c = format!("c_{i:04}");
            let at = T0 + day * DAY + n * 1000;
            let locale = ["de", "fr", "en-US"][(i % 3) as usize];
            // A thumb in another language than its conversation's.
            let up_locale = if i % 6 == 0 { "it" } else { locale };
            let mut down = json!({
                "id": format!("{c}_down"), "type": "message_feedback", "conversation_id": c,
                "at": at + 1, "locale": locale, "message_id": "m2", "rating": "down",
                "reason": "zu vage", "question": format!("Frage {i}?"), "answer": "Nein.",
                "meta": { "model": format!("m{}", i % 2) },
            });
            if i % 4 == 0 {
                down["role"] = json!("agent");
            }
            if i % 5 == 0 {
                down["page"] = json!("/cart");
            }
            store(
                conn,
                &[
                    event(json!({
                        "id": format!("{c}_up"), "type": "message_feedback",
                        "conversation_id": c, "at": at, "locale": up_locale,
                        "message_id": "m1", "rating": "up",
                    })),
                    event(down),
                    event(json!({
                        "id": format!("{c}_a"), "type": "csat_response", "conversation_id": c,
                        "at": at + 2, "locale": locale, "mode": "scale5",
                        "score": 1 + i % 5, "comment": format!("Kommentar {i}"),
                        "handed_over": i % 7 == 0, "context": { "arm": format!("a{}", i % 3) },
                    })),
                ],
                at + 3,
            );
        }
    }
    conn.execute(
        "UPDATE review_items SET state = 'reviewed', reviewed_by = 'owner', reviewed_at = ?1, \
         labels = iif(rowid % 3 = 0, '[\"wrong answer\"]', '[]')",
        [T0],
    )
    .unwrap();
}

/// What an export is of, as the Worker's kinds.
#[derive(Clone, Copy)]
enum Kind<'a> {
    Conversations(&'a InboxFilter),
    Answers(&'a DatasetFilter),
}

impl Kind<'_> {
    /// A page of D1's rows (or, wrapped, a slice's) after `key`: each row
    /// as text, and its key.
    fn page(
        self,
        conn: &Connection,
        window: (i64, i64),
        key: Option<&str>,
        limit: u32,
        slice: Option<&Slice>,
    ) -> Vec<(String, String)> {
        let statement = match self {
            Kind::Conversations(filter) => {
                ledger::conversations::export_page(SITE, window, filter, key, limit)
            }
            Kind::Answers(filter) => {
                let after = key.map(|key| AnswerCursor::parse(key).unwrap());
                ledger::dataset::page(SITE, window, filter, after.as_ref(), limit)
            }
        };
        let statement = match slice {
            Some(slice) => reading::over_slice(statement, slice),
            None => statement,
        };
        rows(conn, &statement)
            .into_iter()
            .map(|cells| match self {
                Kind::Conversations(_) => (format!("{cells:?}"), text(&cells[0])),
                Kind::Answers(_) => {
                    let json = text(&cells[0]);
                    let row: RatedAnswerRow = serde_json::from_str(&json).unwrap();
                    let key = AnswerCursor {
                        conversation_id: row.conversation_id,
                        message_id: row.message_id,
                    }
                    .encode();
                    (json, key)
                }
            })
            .collect()
    }

    fn slice(self, lines: &[Line], key: Option<&str>) -> Slice {
        match self {
            Kind::Conversations(filter) => reading::conversations_slice(lines, key, filter),
            Kind::Answers(_) => {
                let after = key.map(|key| AnswerCursor::parse(key).unwrap());
                reading::ratings_slice(lines, after.as_ref())
            }
        }
    }

    /// The window's end as the chunks are chosen: by last activity for
    /// conversations, none for thumbs.
    fn until(self, window: (i64, i64)) -> Option<i64> {
        match self {
            Kind::Conversations(_) => Some(window.1),
            Kind::Answers(_) => None,
        }
    }
}

/// An export read as the Worker reads it, `limit` rows a page, each page
/// ending on a cursor that is written and read back as `after=` would be:
/// the rows in the file's order.
fn export(
    conn: &Connection,
    objects: &BTreeMap<(String, i64), Vec<Line>>,
    kind: Kind<'_>,
    window: (i64, i64),
    limit: u32,
) -> Vec<String> {
    let check = |_: &str| Ok(());
    let mut cursor: Option<ExportCursor> = None;
    let mut file = Vec::new();
    for _ in 0..10_000 {
        let hot_key = match reading::phase(cursor.as_ref()) {
            Phase::Hot(key) => key.map(str::to_string),
            Phase::Archive { from, after, key } => {
                let next = rows(
                    conn,
                    &reading::next_chunk(SITE, (window.0, kind.until(window)), from, after),
                );
                match next.first() {
                    None => None,
                    Some(found) => {
                        let (day, chunk) = (
                            text(&found[0]),
                            match found[1] {
                                Sql::Integer(chunk) => chunk,
                                _ => panic!(),
                            },
                        );
                        let key = key.filter(|_| from == Some((day.as_str(), chunk)));
                        let slice = kind.slice(&objects[&(day.clone(), chunk)], key);
                        let page = kind.page(conn, window, key, limit, Some(&slice));
                        let last = page.last().map(|(_, key)| key.clone());
                        let next = reading::resume(
                            (&day, chunk),
                            &slice,
                            (page.len(), limit as usize),
                            last,
                        );
                        file.extend(page.into_iter().map(|(row, _)| row));
                        cursor = Some(ExportCursor::parse(&next.encode(), check).unwrap());
                        continue;
                    }
                }
            }
        };
        let page = kind.page(conn, window, hot_key.as_deref(), limit, None);
        let full = page.len() == limit as usize;
        if let Some((_, key)) = page.last() {
            cursor = Some(ExportCursor::Hot(key.clone()));
        }
        file.extend(page.into_iter().map(|(row, _)| row));
        if !full {
            return file;
        }
    }
    panic!("the export did not end");
}

fn sorted(mut rows: Vec<String>) -> Vec<String> {
    rows.sort();
    rows
}

fn inbox(query: &[(&str, &str)]) -> InboxFilter {
    let map: BTreeMap<&str, &str> = query.iter().copied().collect();
    InboxFilter::parse(|name| map.get(name).copied(), map.keys().copied()).unwrap()
}

const FILTERS: [&[(&str, &str)]; 11] = [
    &[("locale", "de")],
    &[],
    &[("locale", "fr")],
    &[("locale", "it")],
    &[("role", "agent")],
    &[("handed_over", "true")],
    &[("page", "/cart")],
    &[("meta.model", "m1")],
    &[("feedback", "downvote")],
    &[("review", "reviewed"), ("label", "wrong answer")],
    &[("meta.arm", "a1"), ("locale", "fr")],
];

/// Both kinds of export, with each filter, over three windows: the whole
/// shop, one reaching from the archive into the hot rows, and one of hot
/// rows only.
fn every_export(
    conn: &Connection,
    objects: &BTreeMap<(String, i64), Vec<Line>>,
) -> Vec<Vec<String>> {
    let windows = [
        (T0, T0 + 90 * DAY),
        (T0 + 20 * DAY, T0 + 80 * DAY),
        (T0 + 75 * DAY, T0 + 90 * DAY),
    ];
    let mut files = Vec::new();
    for window in windows {
        for query in FILTERS {
            let filter = inbox(query);
            let answers = DatasetFilter {
                inbox: filter.clone(),
                rating: None,
            };
            files.push(export(
                conn,
                objects,
                Kind::Conversations(&filter),
                window,
                7,
            ));
            files.push(export(conn, objects, Kind::Answers(&answers), window, 7));
        }
    }
    files
}

#[test]
fn every_export_gives_the_same_rows_once_before_and_after_the_archive() {
    let mut conn = migrated();
    shop(&mut conn);
    let before = every_export(&conn, &BTreeMap::new());
    let archived = archive_all(&mut conn, NOW);
    let objects: BTreeMap<(String, i64), Vec<Line>> = archived
        .into_iter()
        .map(|(begun, lines)| ((begun.chunk.day.clone(), begun.number), lines))
        .collect();
    assert_eq!(objects.len(), 70, "one chunk a day");
    assert_eq!(one::<i64>(&conn, "SELECT count(*) FROM conversations"), 80);
    let after = every_export(&conn, &objects);
    for (at, (before, after)) in before.iter().zip(&after).enumerate() {
        assert!(!before.is_empty(), "export {at} is empty");
        assert_eq!(sorted(after.clone()), sorted(before.clone()), "export {at}");
    }
    assert!(before.iter().map(Vec::len).sum::<usize>() > 1000);
}

#[test]
fn a_conversation_whose_erasure_is_under_way_is_in_no_export() {
    let mut conn = migrated();
    shop(&mut conn);
    let archived = archive_all(&mut conn, NOW);
    let lines: Vec<Line> = archived
        .iter()
        .flat_map(|(_, lines)| lines.clone())
        .collect();
    let objects: BTreeMap<(String, i64), Vec<Line>> = archived
        .into_iter()
        .map(|(begun, lines)| ((begun.chunk.day.clone(), begun.number), lines))
        .collect();
    let all = InboxFilter::default();
    let window = (T0, T0 + 90 * DAY);
    let listed = |conn: &Connection| export(conn, &objects, Kind::Conversations(&all), window, 50);
    assert!(listed(&conn).iter().any(|row| row.contains("c_0010")));

    // Step 1 of its erasure ran; its chunk is not yet written again.
    let of_it: Vec<Line> = erasure::of_conversation(&lines, "c_0010")
        .into_iter()
        .cloned()
        .collect();
    run_rows(&mut conn, &erasure::erase(SITE, "c_0010", &of_it));
    let rows = listed(&conn);
    assert!(!rows.iter().any(|row| row.contains("c_0010")));
    assert_eq!(rows.len(), 359);
    let answers = DatasetFilter::default();
    let lines = export(&conn, &objects, Kind::Answers(&answers), window, 50);
    assert!(!lines.iter().any(|line| line.contains("c_0010")));
    assert_eq!(lines.len(), 2 * 359);
}
