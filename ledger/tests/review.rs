//! Review (#31), natively against SQLite with the Worker's migrations:
//! which feedback opens an item, which closes it, what a review writes,
//! and that erasure and retention take items with their conversation.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use common::{SITE, T0, answer, database, one, run, store, thumb};
use ledger::Statement;
use ledger::review::{QueueFilter, ReviewCursor, Reviewer, item, page, write};
use protocol::review::{Review, ReviewRow, ReviewState};
use rusqlite::{Connection, params_from_iter};

/// The rows `statement` reads, as items.
fn read(conn: &Connection, statement: &Statement) -> Vec<protocol::review::ReviewItem> {
    let mut prepared = conn.prepare(&statement.sql).unwrap();
    let rows = prepared
        .query_map(params_from_iter(common::values(&statement.params)), |row| {
            Ok(ReviewRow {
                item_id: row.get(0)?,
                conversation_id: row.get(1)?,
                message_id: row.get(2)?,
                opened_at: row.get(3)?,
                state: row.get(4)?,
                note: row.get(5)?,
                labels: row.get(6)?,
                reviewed_by: row.get(7)?,
                reviewed_at: row.get(8)?,
                version: row.get(9)?,
            })
        })
        .unwrap();
    rows.map(|row| row.unwrap().item()).collect()
}

/// The open items the Overview reads (kept by triggers) against a count.
fn assert_open_counted(conn: &Connection) {
    let kept: i64 = one(
        conn,
        "SELECT coalesce(sum(open), 0) FROM review_open_counts",
    );
    let counted: i64 = one(
        conn,
        "SELECT count(*) FROM review_items WHERE state = 'open'",
    );
    assert_eq!(kept, counted);
}

fn queue(conn: &Connection, state: Option<ReviewState>) -> Vec<String> {
    assert_open_counted(conn);
    let filter = QueueFilter { state, label: None };
    read(conn, &page(SITE, &filter, None, 100))
        .into_iter()
        .map(|item| item.item_id)
        .collect()
}

fn review(state: &str, labels: &[&str]) -> Review {
    let site: Vec<String> = protocol::review::DEFAULT_LABELS
        .iter()
        .map(|label| label.to_string())
        .collect();
    let labels: Vec<String> = labels.iter().map(|label| format!("{label:?}")).collect();
    Review::from_json(
        &format!(
            r#"{{"state": "{state}", "note": "seen", "labels": [{}]}}"#,
            labels.join(",")
        ),
        &site,
    )
    .unwrap()
}

#[test]
fn a_thumbs_down_and_a_low_answer_open_items_and_praise_opens_none() {
    let mut conn = database();
    store(
        &mut conn,
        &[
            thumb("ev_d", "c_1", "m_1", "down", T0),
            thumb("ev_u", "c_1", "m_2", "up", T0 + 1),
            answer("ev_low", "c_1", 2, T0 + 2),
            answer("ev_ok", "c_2", 3, T0 + 3),
        ],
        T0 + 10,
    );
    // Newest first: the answer, then the 👎.
    assert_eq!(queue(&conn, None), ["ev_low", "ev_d"]);
    assert_eq!(queue(&conn, Some(ReviewState::Open)), ["ev_low", "ev_d"]);
    let items = read(&conn, &item(SITE, "ev_d"));
    assert_eq!(items[0].message_id.as_deref(), Some("m_1"));
    assert_eq!(items[0].opened_at, T0);
    assert_eq!(read(&conn, &item(SITE, "ev_low"))[0].message_id, None);
}

#[test]
fn feedback_taken_back_closes_an_open_item_but_keeps_a_reviewed_one() {
    let mut conn = database();
    store(
        &mut conn,
        &[
            thumb("ev_1", "c_1", "m_1", "down", T0),
            thumb("ev_2", "c_1", "m_2", "down", T0),
        ],
        T0 + 10,
    );
    let reviewer = Reviewer {
        name: "owner",
        at: T0 + 20,
    };
    let written = read(
        &conn,
        &write(SITE, "ev_2", 1, &review("reviewed", &["tone"]), &reviewer),
    );
    assert_eq!(written.len(), 1);
    // Both shoppers change their minds.
    store(
        &mut conn,
        &[
            thumb("ev_3", "c_1", "m_1", "up", T0 + 30),
            thumb("ev_4", "c_1", "m_2", "up", T0 + 30),
        ],
        T0 + 40,
    );
    assert_eq!(queue(&conn, None), ["ev_2"], "the reviewed one stays");
    // A 👎 again on the message whose item closed opens a new one.
    store(
        &mut conn,
        &[thumb("ev_5", "c_1", "m_1", "down", T0 + 50)],
        T0 + 60,
    );
    assert_eq!(queue(&conn, Some(ReviewState::Open)), ["ev_5"]);
    // An answer amended from 1 to 4 closes its open item.
    store(&mut conn, &[answer("ev_a", "c_9", 1, T0)], T0 + 1);
    assert!(queue(&conn, None).contains(&"ev_a".to_string()));
    store(&mut conn, &[answer("ev_b", "c_9", 4, T0 + 5)], T0 + 6);
    assert!(!queue(&conn, None).contains(&"ev_a".to_string()));
}

#[test]
fn a_review_is_written_once_per_version_and_says_who_and_when() {
    let mut conn = database();
    store(
        &mut conn,
        &[thumb("ev_1", "c_1", "m_1", "down", T0)],
        T0 + 1,
    );
    let sam = Reviewer {
        name: "sam",
        at: T0 + 100,
    };
    let first = read(
        &conn,
        &write(
            SITE,
            "ev_1",
            1,
            &review("reviewed", &["fixed", "tone"]),
            &sam,
        ),
    );
    // `read` runs the UPDATE … RETURNING, as D1 does.
    assert_eq!(first.len(), 1);
    let item = &first[0];
    assert_eq!(item.state, ReviewState::Reviewed);
    assert_eq!(item.labels, ["tone", "fixed"], "in the site's order");
    assert_eq!(item.note.as_deref(), Some("seen"));
    assert_eq!(
        (item.reviewed_by.as_deref(), item.reviewed_at),
        (Some("sam"), Some(T0 + 100))
    );
    assert_eq!(item.version, 2);
    // A second reviewer holding version 1 changes nothing.
    let stale = read(&conn, &write(SITE, "ev_1", 1, &review("open", &[]), &sam));
    assert!(stale.is_empty());
    assert_eq!(read(&conn, &item_of("ev_1"))[0].version, 2);
    // Opened again: who and when are cleared, the note kept.
    let reopened = read(&conn, &write(SITE, "ev_1", 2, &review("open", &[]), &sam));
    assert_eq!(reopened[0].state, ReviewState::Open);
    assert_eq!(
        (reopened[0].reviewed_by.clone(), reopened[0].reviewed_at),
        (None, None)
    );
    // Labels filter the queue.
    read(
        &conn,
        &write(SITE, "ev_1", 3, &review("reviewed", &["bug"]), &sam),
    );
    let bugs = QueueFilter {
        state: Some(ReviewState::Reviewed),
        label: Some("bug".into()),
    };
    assert_eq!(read(&conn, &page(SITE, &bugs, None, 10)).len(), 1);
    let tone = QueueFilter {
        state: None,
        label: Some("tone".into()),
    };
    assert!(read(&conn, &page(SITE, &tone, None, 10)).is_empty());
}

fn item_of(id: &str) -> Statement {
    item(SITE, id)
}

#[test]
fn the_queue_pages_newest_first_without_gaps_or_repeats() {
    let mut conn = database();
    // Pairs at the same time, so the id breaks the tie.
    let events: Vec<_> = (0..25)
        .map(|n| {
            thumb(
                &format!("ev_{n:02}"),
                "c_1",
                &format!("m_{n}"),
                "down",
                T0 + n / 2,
            )
        })
        .collect();
    store(&mut conn, &events, T0 + 100);
    let mut seen = Vec::new();
    let mut cursor: Option<ReviewCursor> = None;
    for _ in 0..10 {
        let items = read(
            &conn,
            &page(SITE, &QueueFilter::default(), cursor.as_ref(), 7),
        );
        let Some(last) = items.last() else { break };
        cursor = Some(ReviewCursor {
            opened_at: last.opened_at,
            item_id: last.item_id.clone(),
        });
        seen.extend(items.into_iter().map(|item| item.item_id));
    }
    let mut expected: Vec<String> = (0..25).map(|n| format!("ev_{n:02}")).collect();
    expected.reverse();
    assert_eq!(seen, expected);
}

#[test]
fn erasure_and_retention_take_the_items_with_their_conversation() {
    let mut conn = database();
    store(
        &mut conn,
        &[
            thumb("ev_1", "c_1", "m_1", "down", T0),
            answer("ev_2", "c_1", 1, T0 + 1),
            thumb("ev_3", "c_2", "m_1", "down", T0),
        ],
        T0 + 10,
    );
    assert_eq!(one::<i64>(&conn, "SELECT count(*) FROM review_items"), 3);
    run(&mut conn, &ledger::erasure::erase(SITE, "c_1"));
    assert_eq!(queue(&conn, None), ["ev_3"]);
    // Retention: the site keeps one day; a sweep long after removes the rest.
    for sql in ledger::retention::statements() {
        conn.execute(&sql, [T0 + 10 * 86_400_000]).unwrap();
    }
    assert_eq!(one::<i64>(&conn, "SELECT count(*) FROM review_items"), 0);
}
