//! Alerts (#31 §3), natively against SQLite with the Worker's migrations:
//! the one read gives each rule its figures over its own window and the
//! last run's state; a change is written once with the alert it owes,
//! even when two runs race; what is queued is cleared; the state of a
//! removed rule is forgotten.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use common::{SITE, T0, answer, database, offered, one, run, store, thumb};
use ledger::alerts::{CLAIM_MS, Change, claim_owed, evaluate, forget, queued, record};
use rusqlite::{Connection, params_from_iter};
use serde_json::json;

const HOUR: i64 = 3_600_000;

/// (rule kind, amount, count, holding) of every rule, in the read's order.
fn read(conn: &Connection, now: i64) -> Vec<(String, String, i64, i64, Option<i64>)> {
    let statement = evaluate(now);
    let mut prepared = conn.prepare(&statement.sql).unwrap();
    prepared
        .query_map(params_from_iter(common::values(&statement.params)), |row| {
            Ok((
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn set_rules(conn: &Connection, rules: serde_json::Value) {
    let config = json!({"retention_days": 1, "alerts": {"rules": rules, "chat_url": "https://chat.example/x"}});
    conn.execute(
        "UPDATE sites SET config = ?1 WHERE site_key = ?2",
        [config.to_string(), SITE.to_string()],
    )
    .unwrap();
}

fn rules() -> serde_json::Value {
    json!([
        {"kind": "thumbs_down_share", "hours": 1, "percent": 30, "min_ratings": 4},
        {"kind": "csat_below", "hours": 24, "average": 3.5, "min_answers": 2},
        {"kind": "open_items", "count": 2},
    ])
}

#[test]
fn each_rule_reads_its_own_window_and_the_last_runs_state() {
    let mut conn = database();
    set_rules(&conn, rules());
    let now = T0 + 10 * HOUR;
    store(
        &mut conn,
        &[
            // Two hours ago: outside the 1-hour window, inside the 24-hour one.
            thumb("ev_old", "c_0", "m_1", "down", now - 2 * HOUR),
            thumb("ev_1", "c_1", "m_1", "down", now - 10 * 60_000),
            thumb("ev_2", "c_1", "m_2", "down", now - 5 * 60_000),
            thumb("ev_3", "c_2", "m_1", "up", now - 5 * 60_000),
            offered("ev_o1", "c_1", now - 3 * HOUR),
            answer("ev_a1", "c_1", 2, now - 3 * HOUR + 1),
            offered("ev_o2", "c_2", now - 30 * HOUR),
            answer("ev_a2", "c_2", 5, now - 30 * HOUR + 1),
        ],
        now,
    );
    let rows = read(&conn, now);
    assert_eq!(rows.len(), 3, "{rows:?}");
    let row = |kind: &str| rows.iter().find(|row| row.1 == kind).unwrap().clone();
    // 2 of the 3 thumbs of the last hour are down.
    let share = row("thumbs_down_share");
    assert_eq!((share.2, share.3), (2, 3));
    // One answer (2) in 24 hours; the one 30 hours ago is outside.
    assert_eq!((row("csat_below").2, row("csat_below").3), (2, 1));
    // The 👎s of the last hour opened two items; the old one is older.
    assert_eq!((row("open_items").2, row("open_items").3), (2, 2));
    assert!(rows.iter().all(|row| row.4.is_none()), "no run yet");
    // The rule's JSON comes back as the settings hold it.
    let share: serde_json::Value = serde_json::from_str(&row("thumbs_down_share").0).unwrap();
    assert_eq!(share, rules()[0]);
}

#[test]
fn a_change_is_written_once_with_its_alert_even_when_two_runs_race() {
    let mut conn = database();
    set_rules(&conn, json!([{"kind": "open_items", "count": 1}]));
    let rule = read(&conn, T0)[0].0.clone();
    let fire = Change {
        site_key: common::SITE,
        rule: &rule,
        was_holding: false,
        holds: true,
        at: T0,
        owed: Some(r#"{"state":"firing"}"#),
    };
    // Two runs found the same change: the second writes nothing.
    assert_eq!(run(&mut conn, &[record(&fire), record(&fire)]), [1, 0]);
    assert_eq!(read(&conn, T0)[0].4, Some(1));
    // A run claims what is owed; a second run at once gets nothing, and
    // again nothing until the claim lapses a minute later.
    let claim = |conn: &Connection, token: &str, now: i64| -> Vec<(String, String)> {
        let statement = claim_owed(token, now);
        let mut prepared = conn.prepare(&statement.sql).unwrap();
        prepared
            .query_map(params_from_iter(common::values(&statement.params)), |row| {
                Ok((row.get(1)?, row.get(2)?))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let firing = r#"{"state":"firing"}"#;
    assert_eq!(
        claim(&conn, "run_a", T0),
        [(rule.clone(), firing.to_string())]
    );
    assert!(claim(&conn, "run_b", T0 + 1).is_empty(), "claimed by run_a");
    assert_eq!(
        claim(&conn, "run_b", T0 + CLAIM_MS).len(),
        1,
        "run_a's claim lapsed"
    );
    // Run a's clear comes too late: the alert is run b's now.
    assert_eq!(run(&mut conn, &[queued(SITE, &rule, firing, "run_a")]), [0]);
    assert_eq!(run(&mut conn, &[queued(SITE, &rule, firing, "run_b")]), [1]);
    assert!(
        claim(&conn, "run_c", T0 + 10 * CLAIM_MS).is_empty(),
        "nothing owed"
    );

    // A resolve written while an older alert is claimed replaces it, and
    // the old claim's clear leaves it owed.
    let resolve = Change {
        was_holding: true,
        holds: false,
        at: T0 + HOUR,
        owed: Some(r#"{"state":"resolved"}"#),
        ..fire.clone()
    };
    assert_eq!(run(&mut conn, &[record(&resolve)]), [1]);
    assert_eq!(run(&mut conn, &[queued(SITE, &rule, firing, "run_b")]), [0]);
    let owed = claim(&conn, "run_d", T0 + HOUR);
    assert_eq!(
        owed,
        [(rule.clone(), r#"{"state":"resolved"}"#.to_string())]
    );
    // A run that read "holding" before the resolve was written is stale.
    let late_fire = Change {
        at: T0 + 2 * HOUR,
        ..fire.clone()
    };
    assert_eq!(run(&mut conn, &[record(&resolve)]), [0], "already resolved");
    assert_eq!(
        run(&mut conn, &[record(&late_fire)]),
        [1],
        "a new fire after the resolve"
    );

    // The owner removes the rule: its state goes once nothing is owed.
    set_rules(&conn, json!([]));
    assert_eq!(run(&mut conn, &[forget()]), [0], "its alert is still owed");
    claim(&conn, "run_e", T0 + 3 * HOUR);
    run(&mut conn, &[queued(SITE, &rule, firing, "run_e")]);
    assert_eq!(run(&mut conn, &[forget()]), [1]);
    let left: i64 = one(&conn, "SELECT count(*) FROM alert_states");
    assert_eq!(left, 0);
}

#[test]
fn a_digest_is_listed_for_sites_that_want_one_and_recorded_once_a_run() {
    let mut conn = database();
    let list = |conn: &Connection| -> Vec<(String, Option<String>, i64, Option<i64>)> {
        let statement = ledger::alerts::digests();
        let mut prepared = conn.prepare(&statement.sql).unwrap();
        prepared
            .query_map([], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(list(&conn).is_empty(), "the site has no digest");
    let config = json!({"time_zone": "Asia/Tokyo", "store_text": true,
        "alerts": {"chat_url": "https://chat.example/x", "daily_digest": true}});
    conn.execute(
        "UPDATE sites SET config = ?1 WHERE site_key = ?2",
        [config.to_string(), SITE.to_string()],
    )
    .unwrap();
    assert_eq!(
        list(&conn),
        [(SITE.to_string(), Some("Asia/Tokyo".into()), 1, None)]
    );
    let first = ledger::alerts::record_digest(SITE, None, T0, "{\"text\":\"a\"}");
    // Two runs found it due: one records it.
    assert_eq!(run(&mut conn, &[first.clone(), first]), [1, 0]);
    assert_eq!(list(&conn)[0].3, Some(T0));
    let stale = ledger::alerts::record_digest(SITE, None, T0 + 1, "{}");
    let next = ledger::alerts::record_digest(SITE, Some(T0), T0 + 86_400_000, "{}");
    assert_eq!(run(&mut conn, &[stale, next]), [0, 1]);
    // The digest's state is not a rule's: forgetting rules keeps it.
    let statement = claim_owed("run", T0);
    conn.prepare(&statement.sql)
        .unwrap()
        .query_map(params_from_iter(common::values(&statement.params)), |_| {
            Ok(())
        })
        .unwrap()
        .for_each(drop);
    run(
        &mut conn,
        &[queued(SITE, ledger::alerts::DIGEST, "{}", "run")],
    );
    assert_eq!(run(&mut conn, &[forget()]), [0]);
}

#[test]
fn a_firing_never_sent_and_its_resolve_cancel_and_a_mirror_owes_nothing() {
    let mut conn = database();
    set_rules(&conn, json!([{"kind": "open_items", "count": 1}]));
    let rule = read(&conn, T0)[0].0.clone();
    let fire = Change {
        site_key: SITE,
        rule: &rule,
        was_holding: false,
        holds: true,
        at: T0,
        owed: Some("fire"),
    };
    let resolve = Change {
        was_holding: true,
        holds: false,
        at: T0 + HOUR,
        owed: Some("resolve"),
        ..fire.clone()
    };
    // The queue was down: the firing is still owed, unclaimed, when the
    // rule stops holding. Neither is sent.
    assert_eq!(run(&mut conn, &[record(&fire), record(&resolve)]), [1, 1]);
    let owed: Option<String> = one(&conn, "SELECT owed FROM alert_states");
    assert_eq!(owed, None);
    // A moving site's new database keeps the state and owes nothing.
    let mirror = Change {
        owed: None,
        at: T0 + 2 * HOUR,
        ..fire
    };
    assert_eq!(run(&mut conn, &[record(&mirror)]), [1]);
    let state: (i64, Option<String>) = conn
        .query_row("SELECT holding, owed FROM alert_states", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .unwrap();
    assert_eq!(state, (1, None));
}
