//! The retention sweep on workerd with local D1: what is older than a
//! site's `retention_days` goes, in every table that holds shopper text or
//! ids; nothing is left behind whose conversation is gone; a site whose
//! stored settings cannot be read is skipped, and the others are swept.
//! Past a site's `text_retention_days`, its text is blanked and its
//! ratings stay.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::time::Duration;

use e2e::{Stack, eventually, now_ms, sql_text, thumb_event, unique};

const DAY: i64 = 24 * 3_600_000;

fn stack() -> Stack {
    Stack::from_env().unwrap()
}

/// Runs the Worker's cron handler (the retention sweep) once.
async fn sweep(stack: &Stack) {
    let trigger = reqwest::get(format!("{}/__scheduled?cron=17+3+*+*+*", stack.worker_url))
        .await
        .unwrap();
    assert!(trigger.status().is_success(), "{}", trigger.status());
}

#[tokio::test]
async fn the_retention_sweep_deletes_conversations_older_than_the_sites_retention() {
    let stack = stack();
    let site = stack.named_site("retention").unwrap(); // retention_days = 1
    let collector = stack.collector();
    let (old, recent) = (unique("old"), unique("recent"));
    collector
        .send_all(
            &site,
            vec![
                thumb_event(&unique("ev"), &old, "m1", "down", now_ms() - 2 * DAY),
                thumb_event(&unique("ev"), &recent, "m1", "up", now_ms() - 60_000),
            ],
        )
        .await
        .unwrap();
    let read = |conversation: String| {
        let collector = stack.collector();
        let site = site.clone();
        async move {
            collector
                .conversation(&site.key, Some(&site.secret), &conversation)
                .await
                .unwrap()
                .status
        }
    };
    assert_eq!(read(old.clone()).await, 200);

    sweep(&stack).await;
    let gone = eventually(
        "the old conversation to be swept",
        Duration::from_secs(10),
        || {
            let read = read(old.clone());
            async move { Ok((read.await == 404).then_some(())) }
        },
    )
    .await;
    assert!(gone.is_ok(), "{gone:?}");
    assert_eq!(read(recent).await, 200, "recent feedback stays");
}

/// Plants, straight into D1, a conversation of `site_key` last active at
/// `at`, with a 👎 and an event that both carry shopper text; without the
/// conversation's own row when `orphan` (what an interrupted sweep or an
/// older collector could leave).
fn plant(stack: &Stack, site_key: &str, conversation: &str, at: i64, orphan: bool) {
    let (site, id) = (sql_text(site_key), sql_text(conversation));
    let text = sql_text(&format!("shopper text of {conversation}"));
    let body = sql_text(&format!(
        "{{\"reason\":\"shopper text of {conversation}\"}}"
    ));
    let mut sql = format!(
        "INSERT INTO message_ratings (site_key, conversation_id, message_id, rating, at, event_id, \
           locale, reason, question, answer) \
         VALUES ({site}, {id}, 'm1', 'down', {at}, {event}, 'en-US', {text}, {text}, {text}); \
         INSERT INTO events (site_key, event_id, type, conversation_id, at, received_at, locale, body) \
         VALUES ({site}, {event}, 'message_feedback', {id}, {at}, {at}, 'en-US', {body});",
        event = sql_text(&unique("ev")),
    );
    if !orphan {
        sql.push_str(&format!(
            " INSERT INTO conversations (site_key, conversation_id, first_at, last_at, locale, \
               csat_comment, thumbs_down) VALUES ({site}, {id}, {at}, {at}, 'en-US', {text}, 1);"
        ));
    }
    stack.d1_execute_for(site_key, &sql).unwrap();
}

/// How many rows of each table (ratings, events, conversations) belong to
/// `conversation`, and how many hold its text anywhere.
fn left_of(stack: &Stack, site_key: &str, conversation: &str) -> [i64; 4] {
    let (site, id) = (sql_text(site_key), sql_text(conversation));
    let text = sql_text(&format!("%shopper text of {conversation}%"));
    let rows = stack
        .d1_execute_for(site_key, &format!(
            "SELECT \
               (SELECT count(*) FROM message_ratings WHERE site_key = {site} AND conversation_id = {id}) AS ratings, \
               (SELECT count(*) FROM events WHERE site_key = {site} AND conversation_id = {id}) AS events, \
               (SELECT count(*) FROM conversations WHERE site_key = {site} AND conversation_id = {id}) AS conversations, \
               (SELECT count(*) FROM message_ratings WHERE reason LIKE {text} OR question LIKE {text} OR answer LIKE {text}) \
               + (SELECT count(*) FROM events WHERE body LIKE {text}) \
               + (SELECT count(*) FROM conversations WHERE csat_comment LIKE {text}) AS texts"
        ))
        .unwrap();
    let count = |name: &str| rows[0][name].as_i64().unwrap();
    [
        count("ratings"),
        count("events"),
        count("conversations"),
        count("texts"),
    ]
}

#[tokio::test]
async fn the_sweep_leaves_no_orphan_and_no_text_and_skips_sites_it_cannot_read() {
    let stack = stack();
    let site = stack.named_site("retention").unwrap(); // retention_days = 1
    let (now, old) = (now_ms(), now_ms() - 2 * DAY);

    // This site: an expired conversation, thumbs and events left without
    // their conversation (recent ones), and a recent conversation.
    let (expired, orphaned, kept) = (unique("c_expired"), unique("c_orphan"), unique("c_kept"));
    plant(&stack, &site.key, &expired, old, false);
    plant(&stack, &site.key, &orphaned, now, true);
    plant(&stack, &site.key, &kept, now - 60_000, false);
    // Records of webhook deliveries that failed, long ago and just now.
    let (failed_long_ago, failed_now) = (unique("ev_failed_old"), unique("ev_failed_new"));
    stack
        .d1_execute_for(
            &site.key,
            &format!(
                "INSERT INTO webhook_failures (site_key, queued_at, failed_at, event_ids) VALUES \
             ({site}, {old}, {old}, {long_ago}), ({site}, {now}, {now}, {just_now})",
                site = sql_text(&site.key),
                long_ago = sql_text(&format!("[\"{failed_long_ago}\"]")),
                just_now = sql_text(&format!("[\"{failed_now}\"]")),
            ),
        )
        .unwrap();
    let failures_of = |event: &str| {
        stack
            .d1_execute_for(
                &site.key,
                &format!(
                    "SELECT count(*) AS n FROM webhook_failures WHERE event_ids LIKE {}",
                    sql_text(&format!("%{event}%"))
                ),
            )
            .unwrap()[0]["n"]
            .as_i64()
            .unwrap()
    };

    // Two sites whose stored settings an older collector or a hand edit
    // broke: not JSON at all, and `retention_days` as text (which SQL
    // would read as 0 days, deleting everything at once).
    let mut broken = Vec::new();
    for (name, config) in [
        ("unreadable", "{not json"),
        ("text_days", "{\"retention_days\":\"abc\"}"),
    ] {
        let key = unique(&format!("pk_{name}"));
        stack
            .d1_execute(&format!(
                "INSERT INTO sites (site_key, secret_hash, created_at, config, config_updated_at) \
                 VALUES ({}, 'x', 0, {}, 0)",
                sql_text(&key),
                sql_text(config)
            ))
            .unwrap();
        let conversation = unique("c_broken");
        plant(&stack, &key, &conversation, old, false);
        broken.push((key, conversation));
    }

    sweep(&stack).await;
    let swept = eventually("the sweep to finish", Duration::from_secs(20), || {
        let done = left_of(&stack, &site.key, &expired) == [0, 0, 0, 0]
            && left_of(&stack, &site.key, &orphaned) == [0, 0, 0, 0]
            && failures_of(&failed_long_ago) == 0;
        async move { Ok(done.then_some(())) }
    })
    .await;
    assert!(
        swept.is_ok(),
        "expired {:?}, orphaned {:?}",
        left_of(&stack, &site.key, &expired),
        left_of(&stack, &site.key, &orphaned)
    );
    assert_eq!(
        left_of(&stack, &site.key, &kept),
        [1, 1, 1, 3],
        "recent feedback stays, text and all"
    );
    assert_eq!(failures_of(&failed_now), 1, "a recent failure stays");
    for (key, conversation) in &broken {
        assert_eq!(
            left_of(&stack, key, conversation),
            [1, 1, 1, 3],
            "{key} is skipped, not swept with a guessed retention"
        );
    }
}

#[tokio::test]
async fn text_past_the_sites_text_retention_is_blanked_and_its_ratings_stay() {
    let stack = stack();
    let site = stack.named_site("text_retention").unwrap(); // text_retention_days = 1
    let collector = stack.collector();
    let (old, recent) = (unique("old"), unique("recent"));
    let with_text = |id: &str, conversation: &str, at: i64| {
        let mut thumb = thumb_event(id, conversation, "m1", "down", at);
        thumb["question"] = serde_json::json!("Do they run small?");
        thumb["answer"] = serde_json::json!("No, true to size.");
        thumb["reason"] = serde_json::json!("my feet say otherwise");
        thumb
    };
    collector
        .send_all(
            &site,
            vec![
                with_text(&unique("ev"), &old, now_ms() - 2 * DAY),
                with_text(&unique("ev"), &recent, now_ms() - 60_000),
            ],
        )
        .await
        .unwrap();
    let read = |conversation: String| {
        let collector = stack.collector();
        let site = site.clone();
        async move {
            let read = collector
                .conversation(&site.key, Some(&site.secret), &conversation)
                .await
                .unwrap();
            assert_eq!(read.status, 200, "{}", read.body);
            read.body.to_string()
        }
    };
    assert!(read(old.clone()).await.contains("my feet say otherwise"));
    sweep(&stack).await;
    let blanked = eventually(
        "the old text to be blanked",
        Duration::from_secs(10),
        || {
            let read = read(old.clone());
            async move {
                let body = read.await;
                Ok((!body.contains("my feet")).then_some(body))
            }
        },
    )
    .await
    .unwrap();
    for gone in ["run small", "true to size"] {
        assert!(!blanked.contains(gone), "{blanked}");
    }
    assert!(blanked.contains("\"down\""), "the rating stays: {blanked}");
    let raw = stack
        .d1_execute_for(
            &site.key,
            &format!(
                "SELECT body FROM events WHERE site_key = {} AND conversation_id = {}",
                sql_text(&site.key),
                sql_text(&old)
            ),
        )
        .unwrap();
    let body = raw[0]["body"].as_str().unwrap();
    assert!(
        !body.contains("my feet") && body.contains("\"rating\":\"down\""),
        "{body}"
    );
    let kept = read(recent).await;
    assert!(
        kept.contains("my feet say otherwise") && kept.contains("Do they run small?"),
        "{kept}"
    );
}
