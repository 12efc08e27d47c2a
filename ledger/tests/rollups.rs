//! The Overview's 15-minute rollups (migration 0010) and the Compare
//! section's, per dimension and value (0016), natively: after
//! random ingest (thumbs given, changed and cleared; prompts offered,
//! answered, amended and dismissed), after erasure and after the
//! retention sweep, every bucket equals a recount from the raw rows.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{SITE, answer, database, dismissed, offered, one, run, store, thumb};
use ledger::Statement;
use proptest::prelude::*;
use protocol::Event;
use rusqlite::Connection;

const MINUTE: i64 = 60_000;
const DAY: i64 = 24 * 60 * MINUTE;
/// "Now" for the test: the site keeps one day (`database()`).
const NOW: i64 = 1_800_000_000_000;

/// A thumb's dimensions and values, one row each, from `message_ratings`.
const THUMB_DIMENSIONS: &str = "\
    SELECT r.at, r.rating, 'key:' || j.key AS dimension, CAST(j.value AS TEXT) AS value \
      FROM message_ratings r, json_each(r.meta) j WHERE substr(j.key, -3) <> '_id' \
    UNION ALL SELECT at, rating, 'locale', locale FROM message_ratings \
    UNION ALL SELECT at, rating, 'page', page FROM message_ratings WHERE page IS NOT NULL \
    UNION ALL SELECT at, rating, 'role', role FROM message_ratings";

/// A conversation's dimensions and values, one row each, from `conversations`.
const CSAT_DIMENSIONS: &str = "\
    SELECT c.csat_offered_at AS o, c.csat_score AS s, 'key:' || j.key AS dimension, \
      CAST(j.value AS TEXT) AS value FROM conversations c, json_each(c.context) j \
      WHERE substr(j.key, -3) <> '_id' \
    UNION ALL SELECT csat_offered_at, csat_score, 'locale', locale FROM conversations \
    UNION ALL SELECT csat_offered_at, csat_score, 'page', page FROM conversations WHERE page IS NOT NULL \
    UNION ALL SELECT csat_offered_at, csat_score, 'role', iif(handed_over, 'agent', 'assistant') \
      FROM conversations";

/// The Compare rollups beside a recount from the rows, as JSON text.
fn compare_and_recount(conn: &Connection) -> [String; 4] {
    let text = |sql: String| one::<String>(conn, &sql);
    [
        text(
            "SELECT json_group_array(json_array(dimension, value, bucket_ms, up, down)) FROM \
               (SELECT * FROM thumb_compare_rollups ORDER BY dimension, value, bucket_ms)"
                .to_string(),
        ),
        text(format!(
            "SELECT json_group_array(json_array(dimension, value, b, u, d)) FROM \
               (SELECT dimension, value, (at / 900000) * 900000 AS b, sum(rating = 'up') AS u, \
                  sum(rating = 'down') AS d FROM ({THUMB_DIMENSIONS}) \
                WHERE rating IN ('up', 'down') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3)"
        )),
        text(
            "SELECT json_group_array(json_array(dimension, value, bucket_ms, offered, answered, \
               score_sum, positive, negative)) FROM \
               (SELECT * FROM csat_compare_rollups ORDER BY dimension, value, bucket_ms)"
                .to_string(),
        ),
        text(format!(
            "SELECT json_group_array(json_array(dimension, value, b, n, a, t, p, m)) FROM \
               (SELECT dimension, value, (o / 900000) * 900000 AS b, count(*) AS n, \
                  sum(s IS NOT NULL) AS a, sum(coalesce(s, 0)) AS t, sum(coalesce(s >= 4, 0)) AS p, \
                  sum(coalesce(s <= 2, 0)) AS m FROM ({CSAT_DIMENSIONS}) \
                WHERE o IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3)"
        )),
    ]
}

/// The rollups beside a recount from the rows, as JSON text.
fn rollups_and_recount(conn: &Connection) -> [String; 4] {
    let csat = "offered, accepted, denied, completed, score_1, score_2, score_3, score_4, score_5";
    let text = |sql: String| one::<String>(conn, &sql);
    [
        text(format!(
            "SELECT json_group_array(json_array(bucket_ms, {csat})) FROM \
               (SELECT * FROM csat_rollups ORDER BY bucket_ms)"
        )),
        text(
            "SELECT json_group_array(json_array(b, n, a, d, c, s1, s2, s3, s4, s5)) FROM \
               (SELECT (csat_offered_at / 900000) * 900000 AS b, count(*) AS n, \
                  sum(csat_score IS NOT NULL) AS a, \
                  sum(csat_dismissed_at IS NOT NULL AND csat_score IS NULL) AS d, \
                  sum(csat_completed) AS c, sum(csat_score IS 1) AS s1, sum(csat_score IS 2) AS s2, \
                  sum(csat_score IS 3) AS s3, sum(csat_score IS 4) AS s4, sum(csat_score IS 5) AS s5 \
                FROM conversations WHERE csat_offered_at IS NOT NULL GROUP BY 1 ORDER BY 1)"
                .to_string(),
        ),
        text(
            "SELECT json_group_array(json_array(bucket_ms, up, down)) FROM \
               (SELECT * FROM thumb_rollups ORDER BY bucket_ms)"
                .to_string(),
        ),
        text(
            "SELECT json_group_array(json_array(b, u, d)) FROM \
               (SELECT (at / 900000) * 900000 AS b, sum(rating = 'up') AS u, sum(rating = 'down') AS d \
                FROM message_ratings WHERE rating IN ('up', 'down') GROUP BY 1 ORDER BY 1)"
                .to_string(),
        ),
    ]
}

fn assert_exact(conn: &Connection, when: &str) -> Result<(), TestCaseError> {
    let [csat, csat_recount, thumbs, thumbs_recount] = rollups_and_recount(conn);
    prop_assert_eq!(csat, csat_recount, "CSAT rollups {}", when);
    let counted = thumbs_recount != "[]";
    prop_assert_eq!(thumbs, thumbs_recount, "thumb rollups {}", when);
    let [thumbs, thumbs_recount, csat, csat_recount] = compare_and_recount(conn);
    // Every counted thumb counts under its locale and role at least.
    prop_assert_eq!(counted, thumbs != "[]", "{}", when);
    prop_assert_eq!(thumbs, thumbs_recount, "thumb Compare rollups {}", when);
    prop_assert_eq!(csat, csat_recount, "CSAT Compare rollups {}", when);
    Ok(())
}

/// One conversation: when it starts, and per event a kind and a step.
type Plan = (i64, Vec<(u8, u8, i64)>);

fn conversations() -> impl Strategy<Value = Vec<Plan>> {
    prop::collection::vec(
        (
            0..3 * DAY,
            prop::collection::vec((0..8u8, 0..5u8, 1..9 * MINUTE), 1..7),
        ),
        1..25,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn rollups_equal_a_recount_after_ingest_amendment_erasure_and_retention(
        plans in conversations(),
        erase_every in 2..6usize,
        cuts in prop::collection::vec(1..40usize, 1..4),
    ) {
        let mut first: Vec<Event> = Vec::new();
        let mut later: Vec<Event> = Vec::new();
        let mut n = 0;
        let mut id = || {
            n += 1;
            format!("e{n:04}")
        };
        for (c, (age, steps)) in plans.iter().enumerate() {
            let conversation = format!("c{c}");
            let mut at = NOW - age - 3 * 60 * MINUTE;
            for (kind, pick, step) in steps {
                at += step;
                let rating = ["up", "down", "none"][usize::from(*pick % 3)];
                let event = match kind {
                    0..=2 => thumb(&id(), &conversation, &format!("m{}", pick % 3), rating, at),
                    3 => offered(&id(), &conversation, at),
                    4 => dismissed(&id(), &conversation, at),
                    _ => answer(&id(), &conversation, pick + 1, at),
                };
                // Provenance that changes with the amendments too: a
                // thumb's meta, role and page; an offer's and an answer's
                // context, hand-over and page.
                let odd = usize::from(*kind % 2);
                let (model, role, variant) = (["a", "b"][odd], ["assistant", "agent"][odd], ["x", "y"][odd]);
                let provenance = match (kind, pick % 2) {
                    (0..=2, 0) => Some(serde_json::json!({
                        // `trace_id` is kept but not compared (0017).
                        "meta": {"model": model, "turn": pick, "trace_id": id()},
                        "role": role,
                        "page": format!("/p{}", kind % 2),
                    })),
                    (3 | 5..=7, 0) => Some(serde_json::json!({
                        "context": {"variant": variant, "session_id": conversation},
                        "handed_over": *kind == 7,
                        "page": "/cart",
                    })),
                    _ => None,
                };
                let event = match provenance {
                    Some(extra) => {
                        let mut value = serde_json::to_value(&event).unwrap();
                        value.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
                        common::event(value)
                    }
                    None => event,
                };
                // Amendments (a changed thumb, a changed answer) come later.
                if *kind == 2 || *kind == 7 {
                    later.push(event);
                } else {
                    first.push(event);
                }
            }
        }
        let mut conn = database();
        let mut received = NOW - 10 * MINUTE;
        for events in [&first, &later] {
            let mut at = 0;
            for size in cuts.iter().cycle() {
                if at >= events.len() {
                    break;
                }
                let end = (at + size).min(events.len());
                store(&mut conn, &events[at..end], received);
                received += 1_000;
                at = end;
            }
        }
        assert_exact(&conn, "after ingest and amendment")?;

        for c in (0..plans.len()).step_by(erase_every) {
            run(&mut conn, &ledger::erasure::erase(SITE, &format!("c{c}")));
        }
        assert_exact(&conn, "after erasure")?;

        let sweep: Vec<Statement> = ledger::retention::statements()
            .into_iter()
            .map(|sql| Statement::new(sql, vec![ledger::Param::Int(NOW)]))
            .collect();
        run(&mut conn, &sweep);
        let left: i64 = one(
            &conn,
            &format!("SELECT count(*) FROM conversations WHERE last_at < {}", NOW - DAY),
        );
        prop_assert_eq!(left, 0);
        let orphans: i64 = one(
            &conn,
            "SELECT count(*) FROM message_ratings m WHERE NOT EXISTS (SELECT 1 FROM conversations x \
             WHERE x.site_key = m.site_key AND x.conversation_id = m.conversation_id)",
        );
        prop_assert_eq!(orphans, 0);
        assert_exact(&conn, "after the retention sweep")?;
    }
}
