//! Sites spread over two D1 databases (`DATABASES = "DB,DB_1"`) on workerd
//! with local D1: one site placed in each, every read and write path on
//! each (ingest, reads, export, gaps, copy, settings, erasure, retention),
//! the rows in the site's own database and none in the other, and neither
//! site reachable with the other's secret. The queue consumer's side is in
//! `worker_queue.rs`.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::{
    DATABASES, SiteAccess, Stack, csat_event, eventually, now_ms, sql_text, thumb_event, unique,
};
use reqwest::Method;
use serde_json::{Value, json};

const DAY: i64 = 24 * 3_600_000;

/// The rows of the site's `conversations` in each database: events,
/// conversations, thumbs.
fn rows_per_database(stack: &Stack, site_key: &str, conversations: &[&str]) -> Vec<[i64; 3]> {
    let ours = format!(
        "site_key = {} AND conversation_id IN ({})",
        sql_text(site_key),
        conversations
            .iter()
            .map(|id| sql_text(id))
            .collect::<Vec<_>>()
            .join(", ")
    );
    stack
        .d1_execute_everywhere(&format!(
            "SELECT (SELECT count(*) FROM events WHERE {ours}) AS events, \
               (SELECT count(*) FROM conversations WHERE {ours}) AS conversations, \
               (SELECT count(*) FROM message_ratings WHERE {ours}) AS ratings"
        ))
        .unwrap()
        .iter()
        .map(|rows| {
            let count = |name: &str| rows[0][name].as_i64().unwrap();
            [count("events"), count("conversations"), count("ratings")]
        })
        .collect()
}

async fn owner(stack: &Stack, site: &SiteAccess, method: Method, path: &str) -> (u16, Value) {
    let answer = stack
        .collector()
        .site_request(method, &site.key, path, Some(&site.secret), &[], None)
        .await
        .unwrap();
    (answer.status, answer.body)
}

/// Every path, on the site placed in `binding`.
async fn every_path_works_in(stack: &Stack, binding: &str) {
    let site = stack.named_site(&format!("in_{binding}")).unwrap();
    let collector = stack.collector();
    assert_eq!(stack.database_of(&site.key).unwrap(), binding);

    // Ingest: today's conversation, and one that ended three days ago.
    let (today, old) = (unique("c_today"), unique("c_old"));
    let now = now_ms();
    let mut down = thumb_event(&unique("ev"), &today, "m1", "down", now - 60_000);
    down["question"] = json!("Do you ship to Iceland?");
    collector
        .send_all(
            &site,
            vec![
                down,
                csat_event(
                    "csat_offered",
                    &unique("ev"),
                    &today,
                    now - 50_000,
                    json!({"mode": "scale5"}),
                ),
                csat_event(
                    "csat_response",
                    &unique("ev"),
                    &today,
                    now - 40_000,
                    json!({"mode": "scale5", "score": 4}),
                ),
                thumb_event(&unique("ev"), &old, "m1", "up", now - 3 * DAY),
            ],
        )
        .await
        .unwrap();
    let index = DATABASES.iter().position(|name| *name == binding).unwrap();
    let placed = rows_per_database(stack, &site.key, &[&today, &old]);
    for (other, rows) in placed.iter().enumerate() {
        let expected = if other == index { [4, 2, 2] } else { [0, 0, 0] };
        assert_eq!(*rows, expected, "{binding}'s site in {}", DATABASES[other]);
    }

    // Reads.
    let (status, overview) = owner(stack, &site, Method::GET, "overview?tz=UTC").await;
    assert_eq!(status, 200, "{overview}");
    assert_eq!(overview["current"]["csat"]["offered"], 1, "{overview}");
    assert_eq!(overview["current"]["csat"]["accepted"], 1, "{overview}");
    assert_eq!(overview["current"]["thumbs"]["down"], 1, "{overview}");
    assert_eq!(overview["current"]["thumbs"]["up"], 1, "{overview}");
    let (status, list) = owner(stack, &site, Method::GET, "conversations?limit=50").await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["conversations"].as_array().unwrap().len(), 2, "{list}");
    let detail = collector
        .conversation(&site.key, Some(&site.secret), &today)
        .await
        .unwrap();
    assert_eq!(detail.status, 200);
    assert_eq!(detail.body["csat"]["CSAT_SCORE"], 4);
    let (status, export) = collector
        .owner_get(&site, "export?format=ndjson")
        .await
        .unwrap();
    assert_eq!(status, 200);
    assert!(export.contains(&today) && export.contains(&old), "{export}");
    let (status, gaps) = owner(stack, &site, Method::GET, "gaps").await;
    assert_eq!(status, 200, "{gaps}");
    // The one thumbs-down with a question is read (a gap needs more).
    assert_eq!(gaps["considered"], 1, "{gaps}");

    // Copy and settings.
    let ftl = format!("csat-title = Wie war es bei {binding}?\n");
    collector.store_copy(&site, "de", &ftl).await.unwrap();
    let copy = collector.site_copy(&site.key, "de").await.unwrap();
    assert!(
        copy.contains(&format!("Wie war es bei {binding}?")),
        "{copy}"
    );
    let saved = collector
        .set_setting(&site, "shop_name", json!(format!("Shop in {binding}")))
        .await
        .unwrap();
    assert_eq!(saved.status, 200, "{}", saved.body);
    let config = collector.site_config(&site.key, None).await.unwrap();
    assert_eq!(config.body["shop_name"], format!("Shop in {binding}"));

    // Erasure.
    let erased = collector.erase(&site, &today).await.unwrap();
    assert!(erased.status < 300, "{}", erased.status);
    let gone = collector
        .conversation(&site.key, Some(&site.secret), &today)
        .await
        .unwrap();
    assert_eq!(gone.status, 404);

    // Retention (one day for this site): the sweep reaches every database.
    let trigger = reqwest::get(format!("{}/__scheduled?cron=17+3+*+*+*", stack.worker_url))
        .await
        .unwrap();
    assert!(trigger.status().is_success(), "{}", trigger.status());
    let swept = eventually(
        "the old conversation to be swept",
        Duration::from_secs(20),
        || {
            let collector = collector.clone();
            let (site, old) = (site.clone(), old.clone());
            async move {
                let read = collector
                    .conversation(&site.key, Some(&site.secret), &old)
                    .await?;
                Ok((read.status == 404).then_some(()))
            }
        },
    )
    .await;
    assert!(swept.is_ok(), "{swept:?}");
    assert_eq!(
        rows_per_database(stack, &site.key, &[&today, &old])
            .iter()
            .map(|rows| rows.iter().sum::<i64>())
            .sum::<i64>(),
        0,
        "nothing of {binding}'s site is left anywhere"
    );
}

// One test, in this order: the site-wide figures above count exactly what
// this file sent, so nothing else may send to these sites meanwhile.
#[tokio::test]
async fn every_path_works_on_each_database_and_their_sites_stay_apart() {
    let stack = Stack::from_env().unwrap();
    for binding in DATABASES {
        every_path_works_in(&stack, binding).await;
    }
    sites_in_different_databases_cannot_reach_each_other(&stack).await;
}

async fn sites_in_different_databases_cannot_reach_each_other(stack: &Stack) {
    let (first, second) = (
        stack.named_site("in_DB").unwrap(),
        stack.named_site("in_DB_1").unwrap(),
    );
    assert_ne!(
        stack.database_of(&first.key).unwrap(),
        stack.database_of(&second.key).unwrap()
    );
    let collector = stack.collector();
    let conversation = unique("c_private");
    collector
        .send_all(
            &second,
            vec![thumb_event(
                &unique("ev"),
                &conversation,
                "m1",
                "down",
                now_ms(),
            )],
        )
        .await
        .unwrap();
    // The other site's secret opens nothing of this site's ...
    let (status, _) = collector
        .owner_get(
            &SiteAccess {
                key: second.key.clone(),
                secret: first.secret.clone(),
            },
            "overview?tz=UTC",
        )
        .await
        .unwrap();
    assert_eq!(status, 401);
    // ... and its own routes do not find this site's conversation.
    let read = collector
        .conversation(&first.key, Some(&first.secret), &conversation)
        .await
        .unwrap();
    assert_eq!(read.status, 404);
    let read = collector
        .conversation(&second.key, Some(&second.secret), &conversation)
        .await
        .unwrap();
    assert_eq!(read.status, 200);
}
