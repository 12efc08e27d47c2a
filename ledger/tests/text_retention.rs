//! Text's own retention (#32 §2) against real SQLite with the Worker's
//! migrations: past `text_retention_days`, the sweep blanks a thumb's
//! question, answer and reason and a satisfaction answer's comment, in
//! the rows and in the raw events, and keeps every rating, score, rollup
//! and review item; newer text stays; a site without the setting keeps
//! its text as long as the rest.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use common::{SITE, T0, dump, event, migrated, one, store};
use rusqlite::Connection;
use serde_json::{Value, json};

const DAY: i64 = 86_400_000;

fn site(conn: &Connection, key: &str, config: Value) {
    common::site_with(conn, key, &config);
}

/// A 👎 with text and a low answer with a comment, in conversation `c`.
fn with_text(conn: &mut Connection, c: &str, at: i64) {
    store(
        conn,
        &[
            event(json!({
                "id": format!("{c}_t"), "type": "message_feedback", "conversation_id": c,
                "at": at, "locale": "en-US", "message_id": "m1", "rating": "down",
                "reason": "too vague", "question": "Do they run small?", "answer": "No.",
            })),
            event(json!({
                "id": format!("{c}_a"), "type": "csat_response", "conversation_id": c,
                "at": at + 1, "locale": "en-US", "mode": "scale5", "score": 1,
                "comment": "not helpful",
            })),
        ],
        at + 2,
    );
}

/// Runs the text statements at `now` until each blanks nothing more;
/// how many rows each blanked in all.
fn sweep_text(conn: &Connection, now: i64) -> Vec<usize> {
    ledger::retention::text_statements()
        .iter()
        .map(|sql| {
            let mut total = 0;
            loop {
                let changed = conn.execute(sql, [now]).unwrap();
                total += changed;
                if changed < ledger::retention::CHUNK as usize {
                    break total;
                }
            }
        })
        .collect()
}

/// The text a conversation still holds, in its rows and its events.
fn text_of(conn: &Connection, c: &str) -> (Vec<Option<String>>, Option<String>, String) {
    let rating: Vec<Option<String>> = conn
        .query_row(
            "SELECT reason, question, answer FROM message_ratings WHERE conversation_id = ?1",
            [c],
            |row| Ok(vec![row.get(0)?, row.get(1)?, row.get(2)?]),
        )
        .unwrap();
    let comment: Option<String> = conn
        .query_row(
            "SELECT csat_comment FROM conversations WHERE conversation_id = ?1",
            [c],
            |row| row.get(0),
        )
        .unwrap();
    let bodies: Vec<String> = conn
        .prepare("SELECT body FROM events WHERE conversation_id = ?1 ORDER BY event_id")
        .unwrap()
        .query_map([c], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (rating, comment, bodies.join("\n"))
}

#[test]
fn text_past_its_days_is_blanked_and_ratings_scores_and_rollups_stay() {
    let mut conn = migrated();
    site(
        &conn,
        SITE,
        json!({"retention_days": 365, "text_retention_days": 90}),
    );
    with_text(&mut conn, "c_old", T0);
    with_text(&mut conn, "c_new", T0 + 60 * DAY);
    let kept_tables = [
        "thumb_rollups",
        "csat_rollups",
        "review_items",
        "thumb_compare_rollups",
    ];
    let before: Vec<Vec<String>> = kept_tables.iter().map(|t| dump(&conn, t)).collect();
    let now = T0 + 100 * DAY;
    assert_eq!(sweep_text(&conn, now), [1, 1, 2]);

    let (rating, comment, bodies) = text_of(&conn, "c_old");
    assert_eq!(rating, [None, None, None]);
    assert_eq!(comment, None);
    for gone in ["too vague", "run small", "\"No.\"", "not helpful"] {
        assert!(!bodies.contains(gone), "{bodies}");
    }
    // The rating and the score are kept, in the rows and the events.
    assert!(
        bodies.contains("\"rating\":\"down\"") && bodies.contains("\"score\":1"),
        "{bodies}"
    );
    assert_eq!(
        one::<String>(
            &conn,
            "SELECT rating FROM message_ratings WHERE conversation_id = 'c_old'"
        ),
        "down"
    );
    assert_eq!(
        one::<i64>(
            &conn,
            "SELECT csat_score FROM conversations WHERE conversation_id = 'c_old'"
        ),
        1
    );
    let after: Vec<Vec<String>> = kept_tables.iter().map(|t| dump(&conn, t)).collect();
    assert_eq!(after, before, "rollups and review items stay as they were");

    // Newer text stays; and an event stored blank reads back as an event.
    let (rating, comment, _) = text_of(&conn, "c_new");
    assert_eq!(rating[0].as_deref(), Some("too vague"));
    assert_eq!(comment.as_deref(), Some("not helpful"));
    let body: String = one(&conn, "SELECT body FROM events WHERE event_id = 'c_old_t'");
    assert!(protocol::Event::from_json(&serde_json::from_str(&body).unwrap()).is_ok());
    // A second sweep finds nothing more.
    assert_eq!(sweep_text(&conn, now), [0, 0, 0]);
}

#[test]
fn a_site_without_text_retention_or_with_a_bad_one_keeps_its_text() {
    let mut conn = migrated();
    site(&conn, SITE, json!({"retention_days": 365}));
    with_text(&mut conn, "c_1", T0);
    for (key, config) in [
        ("pk_bad_days", json!({"text_retention_days": 0})),
        ("pk_text_days", json!({"text_retention_days": "90"})),
        ("pk_not_json", json!("not an object")),
    ] {
        site(&conn, key, config);
    }
    assert_eq!(sweep_text(&conn, T0 + 400 * DAY), [0, 0, 0]);
    let (rating, comment, _) = text_of(&conn, "c_1");
    assert_eq!(rating[1].as_deref(), Some("Do they run small?"));
    assert_eq!(comment.as_deref(), Some("not helpful"));
}
