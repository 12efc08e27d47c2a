//! The ingest rules, run natively against SQLite (which D1 is) with the
//! Worker's own migrations: each rule on its own, and a random test of
//! thumbs and CSAT answers arriving in any order and any batches against
//! a model of what must be stored.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::collections::BTreeMap;

use common::{SECRET_HASH, SITE, T0, answer, database, event, one, store, store_as, thumb};
use ledger::ingest::Sender;
use ledger::rollups::BRACKET_FROM;
use proptest::prelude::*;
use protocol::Event;

#[test]
fn an_event_is_stored_once_and_a_reused_id_with_other_content_changes_nothing() {
    let mut conn = database();
    assert_eq!(
        store(&mut conn, &[thumb("e1", "c1", "m1", "up", T0)], T0),
        1
    );
    assert_eq!(
        store(&mut conn, &[thumb("e1", "c1", "m1", "up", T0)], T0 + 5),
        0
    );
    // The same id, another rating and a later time: a duplicate, ignored.
    assert_eq!(
        store(
            &mut conn,
            &[thumb("e1", "c1", "m1", "down", T0 + 9)],
            T0 + 9
        ),
        0
    );
    assert_eq!(
        one::<String>(&conn, "SELECT rating FROM message_ratings"),
        "up"
    );
    assert_eq!(one::<i64>(&conn, "SELECT thumbs_up FROM conversations"), 1);
    assert_eq!(
        one::<i64>(&conn, "SELECT thumbs_down FROM conversations"),
        0
    );
    assert_eq!(one::<i64>(&conn, "SELECT received_at FROM events"), T0);
}

#[test]
fn a_server_whose_secret_is_not_the_sites_writes_nothing() {
    let mut conn = database();
    let events = [thumb("e1", "c1", "m1", "down", T0)];
    let wrong = Sender::Server {
        secret_hash: "beef",
    };
    assert_eq!(store_as(&mut conn, &events, T0, wrong, true), None);
    for table in [
        "events",
        "conversations",
        "message_ratings",
        "webhook_outbox",
    ] {
        assert_eq!(
            one::<i64>(&conn, &format!("SELECT count(*) FROM {table}")),
            0,
            "{table}"
        );
    }
    let right = Sender::Server {
        secret_hash: SECRET_HASH,
    };
    assert_eq!(store_as(&mut conn, &events, T0, right, true), Some(1));
}

/// A batch large enough to keep its own rollups (`ledger::rollups`) from a
/// server whose secret is refused: not one row changes, not even a rollup
/// taken out and put back, although its thumbs are on stored messages.
#[test]
fn a_refused_servers_large_batch_changes_not_a_single_row() {
    let mut conn = database();
    let thumbs = |prefix: &str, rating: &str, at: i64| -> Vec<Event> {
        (0..BRACKET_FROM)
            .map(|n| thumb(&format!("{prefix}{n}"), "c1", &format!("m{n}"), rating, at))
            .collect()
    };
    let right = Sender::Server {
        secret_hash: SECRET_HASH,
    };
    let first = thumbs("e", "down", T0);
    assert_eq!(
        store_as(&mut conn, &first, T0, right, false),
        Some(BRACKET_FROM)
    );
    let changes = conn.total_changes();
    let wrong = Sender::Server {
        secret_hash: "beef",
    };
    assert_eq!(
        store_as(&mut conn, &thumbs("f", "up", T0 + 1), T0 + 5, wrong, false),
        None
    );
    assert_eq!(conn.total_changes(), changes);
    let down: i64 = one(&conn, "SELECT sum(down) FROM thumb_rollups");
    assert_eq!(down, i64::try_from(BRACKET_FROM).unwrap());
}

#[test]
fn bad_news_is_owed_one_delivery_and_praise_none() {
    let mut conn = database();
    let events = [
        thumb("e1", "c1", "m1", "down", T0),
        thumb("e2", "c1", "m2", "up", T0),
        answer("e3", "c1", 2, T0 + 1),
    ];
    store_as(&mut conn, &events, T0, Sender::Page, true);
    // The batch again, as after a lost answer: still one row each.
    store_as(&mut conn, &events, T0, Sender::Page, true);
    let owed: String = one(
        &conn,
        "SELECT group_concat(event_id, ',') FROM (SELECT event_id FROM webhook_outbox \
         WHERE queued_at IS NULL ORDER BY rowid)",
    );
    assert_eq!(owed, "e1,e3");
    // A site without a webhook owes nothing.
    let mut quiet = database();
    store_as(&mut quiet, &events, T0, Sender::Page, false);
    assert_eq!(one::<i64>(&quiet, "SELECT count(*) FROM webhook_outbox"), 0);
}

#[test]
fn an_answer_past_its_amend_window_does_not_change_the_kept_one() {
    let mut conn = database();
    store(&mut conn, &[answer("a1", "c1", 2, T0)], T0);
    store(
        &mut conn,
        &[answer("a2", "c1", 4, T0 + 60_000)],
        T0 + 60_000,
    );
    assert_eq!(one::<i64>(&conn, "SELECT csat_score FROM conversations"), 4);
    // 30 minutes after the first answer was received, the window is shut.
    let late = T0 + protocol::CSAT_AMEND_WINDOW_MS + 1;
    store(&mut conn, &[answer("a3", "c1", 1, late)], late);
    assert_eq!(one::<i64>(&conn, "SELECT csat_score FROM conversations"), 4);
    assert_eq!(
        one::<i64>(&conn, "SELECT csat_answered_at FROM conversations"),
        T0
    );
}

/// A batch's rows travel as one JSON parameter (`ledger::json_rows`): text
/// with quotes, backslashes, line breaks and any script comes out exactly
/// as it went in, so the stored body is the event's own and its thumb
/// still finds it (`same_event`).
#[test]
fn text_of_any_kind_is_stored_exactly_and_its_writes_still_apply() {
    let mut conn = database();
    let odd = "say \"hi\" \\ back\nnext line: ü, العربية, 日本語, 👍, end";
    let rated = event(serde_json::json!({
        "id": "e1", "type": "message_feedback", "conversation_id": "c1", "at": T0,
        "locale": "en-US", "message_id": "m1", "rating": "down", "reason": "other",
        "question": odd, "meta": {"model": odd},
    }));
    let answered = event(serde_json::json!({
        "id": "e2", "type": "csat_response", "conversation_id": "c1", "at": T0 + 1,
        "locale": "en-US", "mode": "scale5", "score": 2, "comment": odd,
    }));
    assert_eq!(store(&mut conn, &[rated.clone(), answered.clone()], T0), 2);
    for (id, sent) in [("e1", &rated), ("e2", &answered)] {
        let body: String = one(
            &conn,
            &format!("SELECT body FROM events WHERE event_id = '{id}'"),
        );
        assert_eq!(body, serde_json::to_string(sent).unwrap());
    }
    let (question, meta): (String, String) = conn
        .query_row(
            "SELECT question, meta FROM message_ratings WHERE message_id = 'm1'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!(question, odd);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&meta).unwrap(),
        serde_json::json!({"model": odd})
    );
    let comment: String = one(&conn, "SELECT csat_comment FROM conversations");
    assert_eq!(comment, odd);
    // Sent again, the same batch is found, not stored twice.
    assert_eq!(store(&mut conn, &[rated, answered], T0 + 10), 0);
}

#[test]
fn a_thumbs_meta_is_kept_with_it_and_read_back_whole_by_the_read_api() {
    let mut conn = database();
    let rated = |id: &str, rating: &str, at: i64, meta: serde_json::Value| {
        event(serde_json::json!({
            "id": id, "type": "message_feedback", "conversation_id": "c1", "at": at,
            "locale": "en-US", "message_id": "m1", "rating": rating, "meta": meta,
        }))
    };
    let read = |conn: &rusqlite::Connection| -> Vec<protocol::MessageRating> {
        let mut statement = conn
            .prepare(ledger::ratings::of_conversation_sql())
            .unwrap();
        statement
            .query_map([SITE, "c1"], |row| row.get::<_, String>(0))
            .unwrap()
            .map(|json| serde_json::from_str(&json.unwrap()).unwrap())
            .collect()
    };
    let first = serde_json::json!({"model": "gpt-4o", "prompt_version": 12});
    store(&mut conn, &[rated("e1", "down", T0, first.clone())], T0);
    let kept = read(&conn);
    assert_eq!(kept.len(), 1);
    assert_eq!(serde_json::to_value(&kept[0].feedback.meta).unwrap(), first);
    // The later thumb's meta replaces it with the rest of the thumb; a
    // thumb with none reads back as none.
    store(
        &mut conn,
        &[rated(
            "e2",
            "up",
            T0 + 5,
            serde_json::json!({"model": "o3"}),
        )],
        T0 + 5,
    );
    assert_eq!(
        read(&conn)[0].feedback.meta.get("model").unwrap().to_text(),
        "o3"
    );
    store(&mut conn, &[thumb("e3", "c1", "m1", "up", T0 + 9)], T0 + 9);
    assert!(read(&conn)[0].feedback.meta.is_empty());
}

#[test]
fn a_conversation_is_handed_over_by_any_event_that_says_so_and_keeps_its_first_context_and_page() {
    let mut conn = database();
    let csat = |id: &str, kind: &str, at: i64, extra: serde_json::Value| {
        let mut value = serde_json::json!({
            "id": id, "type": kind, "conversation_id": "c1", "at": at,
            "locale": "en-US", "mode": "scale5", "score": 4,
        });
        value
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        event(value)
    };
    let row = |conn: &rusqlite::Connection| -> (i64, String, Option<String>) {
        conn.query_row(
            "SELECT handed_over, context, page FROM conversations WHERE conversation_id = 'c1'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .unwrap()
    };
    store(
        &mut conn,
        &[csat(
            "o1",
            "csat_offered",
            T0,
            serde_json::json!({"context": {"variant": "a"}, "page": "/cart"}),
        )],
        T0,
    );
    assert_eq!(
        row(&conn),
        (0, r#"{"variant":"a"}"#.into(), Some("/cart".into()))
    );
    // Another offer neither replaces the context nor the page.
    store(
        &mut conn,
        &[csat(
            "o2",
            "csat_offered",
            T0 + 1,
            serde_json::json!({"context": {"variant": "b"}, "page": "/help"}),
        )],
        T0 + 1,
    );
    assert_eq!(row(&conn).1, r#"{"variant":"a"}"#);
    // The answer kept brings its own, and says a human took part.
    store(
        &mut conn,
        &[csat(
            "r1",
            "csat_response",
            T0 + 2,
            serde_json::json!({"context": {"variant": "c"}, "handed_over": true}),
        )],
        T0 + 2,
    );
    assert_eq!(
        row(&conn),
        (1, r#"{"variant":"c"}"#.into(), Some("/cart".into()))
    );
    // A later answer without handed_over does not undo it.
    store(
        &mut conn,
        &[csat("r2", "csat_response", T0 + 3, serde_json::json!({}))],
        T0 + 3,
    );
    assert_eq!(row(&conn).0, 1);

    // A thumb on an agent's message hands over its conversation, even when
    // a later thumb on the message is the one kept.
    let agent = |id: &str, at: i64, role: &str| {
        event(serde_json::json!({
            "id": id, "type": "message_feedback", "conversation_id": "c2", "at": at,
            "locale": "en-US", "message_id": "m1", "rating": "down", "role": role,
        }))
    };
    store(&mut conn, &[agent("t2", T0 + 5, "assistant")], T0 + 5);
    assert_eq!(
        one::<i64>(
            &conn,
            "SELECT handed_over FROM conversations WHERE conversation_id = 'c2'"
        ),
        0
    );
    store(&mut conn, &[agent("t1", T0, "agent")], T0 + 6);
    assert_eq!(
        one::<i64>(
            &conn,
            "SELECT handed_over FROM conversations WHERE conversation_id = 'c2'"
        ),
        1
    );
    assert_eq!(
        one::<String>(
            &conn,
            "SELECT role FROM message_ratings WHERE conversation_id = 'c2'"
        ),
        "assistant"
    );
}

/// One thumb of the random test: which message, which rating, when.
#[derive(Debug, Clone)]
struct Thumb {
    conversation: usize,
    message: usize,
    rating: &'static str,
    at: i64,
}

fn thumbs() -> impl Strategy<Value = Vec<Thumb>> {
    prop::collection::vec(
        (
            0..2usize,
            0..3usize,
            prop::sample::select(vec!["up", "down", "none"]),
            0..50i64,
        ),
        1..25,
    )
    .prop_map(|raw| {
        raw.into_iter()
            .map(|(conversation, message, rating, at)| Thumb {
                conversation,
                message,
                rating,
                at: T0 + at * 1_000,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Thumbs sent in any order, in any batches, some sent twice: each
    /// message keeps its latest thumb by event time (then id), and each
    /// conversation's counts are those of its messages' thumbs.
    #[test]
    fn thumbs_in_any_order_and_batches_end_as_the_latest_and_count_right(
        sent in thumbs(),
        order in any::<prop::sample::Index>(),
        cuts in prop::collection::vec(1..5usize, 1..10),
        resend in any::<prop::sample::Index>(),
    ) {
        let events: Vec<(String, &Thumb)> =
            sent.iter().enumerate().map(|(n, thumb)| (format!("e{n:03}"), thumb)).collect();
        // What must be stored: per message, the greatest (at, id).
        let mut latest: BTreeMap<(usize, usize), (i64, &str, &str)> = BTreeMap::new();
        for (id, thumb) in &events {
            let key = (thumb.conversation, thumb.message);
            let candidate = (thumb.at, id.as_str(), thumb.rating);
            if latest.get(&key).is_none_or(|kept| (kept.0, kept.1) < (candidate.0, candidate.1)) {
                latest.insert(key, candidate);
            }
        }
        // Arrival: rotated by a random amount, one event sent twice, cut
        // into batches of random sizes.
        let mut arrival: Vec<Event> = events
            .iter()
            .map(|(id, t)| thumb(id, &format!("c{}", t.conversation), &format!("m{}", t.message), t.rating, t.at))
            .collect();
        let turn = order.index(arrival.len());
        arrival.rotate_left(turn);
        let again = arrival[resend.index(arrival.len())].clone();
        arrival.push(again);
        let mut conn = database();
        let mut at = 0;
        for (n, size) in cuts.iter().cycle().enumerate() {
            if at >= arrival.len() {
                break;
            }
            let end = (at + size).min(arrival.len());
            store(&mut conn, &arrival[at..end], T0 + n as i64);
            at = end;
        }
        for ((conversation, message), (_, id, rating)) in &latest {
            let stored: (String, String) = conn.query_row(
                "SELECT event_id, rating FROM message_ratings WHERE conversation_id = ?1 AND message_id = ?2",
                [format!("c{conversation}"), format!("m{message}")],
                |row| Ok((row.get(0)?, row.get(1)?)),
            ).unwrap();
            prop_assert_eq!(stored, ((*id).to_string(), (*rating).to_string()));
        }
        for conversation in 0..2usize {
            let count = |wanted: &str| latest.iter()
                .filter(|((c, _), (_, _, rating))| *c == conversation && *rating == wanted)
                .count() as i64;
            let stored: Option<(i64, i64)> = conn.query_row(
                "SELECT thumbs_up, thumbs_down FROM conversations WHERE conversation_id = ?1",
                [format!("c{conversation}")],
                |row| Ok((row.get(0)?, row.get(1)?)),
            ).ok();
            if let Some(stored) = stored {
                prop_assert_eq!(stored, (count("up"), count("down")));
            }
        }
        let total: i64 = one(&conn, "SELECT count(*) FROM events");
        prop_assert_eq!(total, events.len() as i64);
    }

    /// CSAT answers of one conversation received in any order within the
    /// amend window: the one received last is kept (within one batch, the
    /// latest by event time, then id), and the window opened with the
    /// first received.
    #[test]
    fn the_answer_received_last_is_kept(
        scores in prop::collection::vec((1..=5u8, 0..100i64), 1..8),
        cuts in prop::collection::vec(1..4usize, 1..6),
    ) {
        let answers: Vec<Event> = scores
            .iter()
            .enumerate()
            .map(|(n, (score, at))| answer(&format!("a{n}"), "c1", *score, T0 + at * 1_000))
            .collect();
        let mut conn = database();
        let mut at = 0;
        let mut kept = None;
        for (n, size) in cuts.iter().cycle().enumerate() {
            if at >= answers.len() {
                break;
            }
            let end = (at + size).min(answers.len());
            let batch = &answers[at..end];
            store(&mut conn, batch, T0 + n as i64 * 1_000);
            // Within a batch, the latest by event time, then id.
            kept = batch
                .iter()
                .max_by_key(|event| (event.header.at, event.header.id.clone()))
                .map(|event| event.header.id.clone());
            at = end;
        }
        prop_assert_eq!(
            one::<String>(&conn, "SELECT csat_event_id FROM conversations"),
            kept.unwrap()
        );
        prop_assert_eq!(one::<i64>(&conn, "SELECT csat_answered_at FROM conversations"), T0);
    }
}
