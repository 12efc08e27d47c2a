//! Alerts (#31 §3) on workerd with local D1 and its queues: a rule set
//! in Settings fires once when the scheduled run finds it holding, to the
//! signed webhook as `{"site_key", "alert"}` and to a chat-ops receiver in
//! Slack's format, stays quiet while it keeps holding, and resolves once;
//! the daily digest goes out once a local day from 09:00 in the site's
//! time zone, with yesterday against the day before and the top gaps.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::receiver::{Inbox, Received};
use e2e::{SiteAccess, Stack, now_ms, thumb_event, unique};
use protocol::secret::{SIGNATURE_HEADER, WEBHOOK_TOLERANCE_SECONDS, verify_webhook};
use serde_json::{Value, json};

/// The next request `inbox` got, within a minute.
async fn next(inbox: &mut Inbox) -> Received {
    inbox.next(Duration::from_secs(60)).await.unwrap()
}

/// The next alert the site's webhook gets, past feedback deliveries
/// (the 👎s themselves go to the same webhook), with its signature checked.
async fn next_alert(inbox: &mut Inbox, secret: &str) -> Value {
    loop {
        let received = next(inbox).await;
        verify_webhook(
            secret,
            received.header(SIGNATURE_HEADER).unwrap(),
            &received.body,
            now_ms() / 1_000,
            WEBHOOK_TOLERANCE_SECONDS,
        )
        .unwrap();
        let body: Value = serde_json::from_slice(&received.body).unwrap();
        if body.get("alert").is_some() {
            return body;
        }
        assert!(body["events"].is_array(), "{body}");
    }
}

/// A chat-ops message, checked against Slack's documented blocks: a
/// `header` holds `plain_text` of at most 150 characters, a `section`
/// text of at most 3,000, a `context` at most 10 elements, and every
/// text object is `plain_text` or `mrkdwn`.
fn slack_shaped(body: &Value) {
    let object = body.as_object().unwrap();
    assert!(
        object.keys().all(|key| key == "text" || key == "blocks"),
        "{body}"
    );
    assert!(!body["text"].as_str().unwrap().is_empty());
    let text_object = |text: &Value| {
        let kind = text["type"].as_str().unwrap();
        assert!(kind == "plain_text" || kind == "mrkdwn", "{text}");
        text["text"].as_str().unwrap().chars().count()
    };
    let blocks = body["blocks"].as_array().unwrap();
    assert!(!blocks.is_empty() && blocks.len() <= 50, "{body}");
    for block in blocks {
        match block["type"].as_str().unwrap() {
            "header" => {
                assert_eq!(block["text"]["type"], "plain_text", "{block}");
                assert!(text_object(&block["text"]) <= 150, "{block}");
            }
            "section" => assert!(text_object(&block["text"]) <= 3_000, "{block}"),
            "context" => {
                let elements = block["elements"].as_array().unwrap();
                assert!(!elements.is_empty() && elements.len() <= 10, "{block}");
                for element in elements {
                    text_object(element);
                }
            }
            "divider" => assert_eq!(block.as_object().unwrap().len(), 1, "{block}"),
            other => unreachable!("{other} is not a block this product writes: {block}"),
        }
    }
}

async fn scheduled_alerts(stack: &Stack) {
    let trigger = reqwest::get(format!(
        "{}/__scheduled?cron=*/15+*+*+*+*",
        stack.worker_url
    ))
    .await
    .unwrap();
    assert!(trigger.status().is_success());
}

async fn thumbs(stack: &Stack, site: &SiteAccess, ratings: &[&str]) {
    let conversation = unique("c");
    let at = now_ms() - 60_000;
    let events = ratings
        .iter()
        .enumerate()
        .map(|(n, rating)| thumb_event(&unique("ev"), &conversation, &format!("m{n}"), rating, at))
        .collect();
    stack.collector().send_all(site, events).await.unwrap();
}

#[tokio::test]
async fn a_rule_fires_once_to_the_webhook_and_the_chat_and_resolves_once() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("alerts").unwrap();
    let collector = stack.collector();
    // Both receivers listen all along, as real ones do: a delivery
    // waiting on a test busy elsewhere would time out and be sent again.
    let mut hook = Inbox::bind().await.unwrap();
    let mut chat = Inbox::bind().await.unwrap();
    let (hook_port, chat_port) = (hook.port(), chat.port());

    // The owner sets a rule: more than half 👎 over the last hour, with at
    // least four ratings; alerts to the webhook and to chat.
    let saved = collector
        .set_settings(
            &site,
            [
                ("webhook_url", json!(format!("http://127.0.0.1:{hook_port}/hook"))),
                ("shop_name", json!("Trail & <Peak>")),
                (
                    "alerts",
                    json!({
                        "rules": [{"kind": "thumbs_down_share", "hours": 1, "percent": 50, "min_ratings": 4}],
                        "to_webhook": true,
                        "chat_url": format!("http://127.0.0.1:{chat_port}/services/T0/B0/x"),
                        "daily_digest": false,
                    }),
                ),
            ],
        )
        .await
        .unwrap();
    assert_eq!(saved.status, 200, "{}", saved.body);

    // Four 👎 and one 👍: 80% of five.
    thumbs(&stack, &site, &["down", "down", "down", "down", "up"]).await;
    scheduled_alerts(&stack).await;
    let secret = stack.webhook_secret("alerts").unwrap();
    let fired = next_alert(&mut hook, &secret).await;
    assert_eq!(fired["site_key"], site.key.as_str());
    let alert = &fired["alert"];
    assert_eq!(alert["state"], "firing", "{fired}");
    assert_eq!(
        (alert["value"].as_f64(), alert["count"].as_u64()),
        (Some(80.0), Some(5))
    );
    assert_eq!(alert["rule"]["kind"], "thumbs_down_share");
    assert_eq!(
        alert["text"],
        "The 👎 share over the last hour is 80% (5 ratings), above 50%."
    );
    let message: Value = serde_json::from_slice(&next(&mut chat).await.body).unwrap();
    slack_shaped(&message);
    assert_eq!(
        message["blocks"][0]["text"]["text"],
        "Alert for Trail & <Peak>"
    );
    assert!(
        message["text"]
            .as_str()
            .unwrap()
            .contains("80% (5 ratings)"),
        "{message}"
    );

    // Still holding: the next run owes nothing. Then six 👍 bring the
    // share to 4 of 11: the run after resolves it, once, and the resolve
    // is the next thing either receiver gets (a second firing would have
    // been queued before it).
    scheduled_alerts(&stack).await;
    thumbs(&stack, &site, &["up"; 6]).await;
    scheduled_alerts(&stack).await;
    let resolved = next_alert(&mut hook, &secret).await;
    assert_eq!(resolved["alert"]["state"], "resolved", "{resolved}");
    assert_eq!(resolved["alert"]["count"], 11);
    let message: Value = serde_json::from_slice(&next(&mut chat).await.body).unwrap();
    slack_shaped(&message);
    assert_eq!(
        message["blocks"][0]["text"]["text"],
        "Resolved for Trail & <Peak>"
    );
    let states = stack
        .d1_execute_for(
            &site.key,
            &format!(
                "SELECT holding, owed FROM alert_states WHERE site_key = {}",
                e2e::sql_text(&site.key)
            ),
        )
        .unwrap();
    assert_eq!(states, [json!({"holding": 0, "owed": null})]);
}

/// A fixed-offset zone where it is now between 10:00 and 20:59, and its
/// offset from UTC in hours: a digest is due there today.
fn zone_past_nine() -> (String, i64) {
    let hour = now_ms().rem_euclid(86_400_000) / 3_600_000;
    let offset = (10..=20)
        .map(|local| local - hour)
        .map(|offset| if offset > 14 { offset - 24 } else { offset })
        .find(|offset| (-12..=14).contains(offset))
        .unwrap();
    // `Etc/GMT-3` is three hours ahead of UTC (the POSIX sign).
    let zone = match offset {
        0 => "Etc/GMT".to_string(),
        ahead if ahead > 0 => format!("Etc/GMT-{ahead}"),
        behind => format!("Etc/GMT+{}", -behind),
    };
    (zone, offset)
}

#[tokio::test]
async fn the_daily_digest_goes_out_once_from_nine_in_the_sites_time_zone() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("alerts_digest").unwrap();
    let collector = stack.collector();
    let mut chat = Inbox::bind().await.unwrap();
    let chat_port = chat.port();
    let (zone, offset) = zone_past_nine();

    // The site keeps text (for the gaps) before anything is sent.
    let saved = collector
        .set_settings(
            &site,
            [("time_zone", json!(zone)), ("store_text", json!(true))],
        )
        .await
        .unwrap();
    assert_eq!(saved.status, 200, "{}", saved.body);

    // Yesterday, local time: three 👎 (two on the same question) and a 👍.
    const DAY: i64 = 86_400_000;
    let local_now = now_ms() + offset * 3_600_000;
    let local_midnight = local_now - local_now.rem_euclid(DAY);
    let yesterday_noon = local_midnight - DAY / 2 - offset * 3_600_000;
    let conversation = unique("c");
    let rated = |message: &str, rating: &str, question: &str| {
        let mut event = thumb_event(
            &unique("ev"),
            &conversation,
            message,
            rating,
            yesterday_noon,
        );
        event["question"] = json!(question);
        event["answer"] = json!("Only within Germany.");
        event
    };
    collector
        .send_all(
            &site,
            vec![
                rated("m1", "down", "Do you ship to <Austria>?"),
                rated("m2", "down", "Do you ship to <Austria>?"),
                rated("m3", "down", "Where is my order?"),
                rated("m4", "up", "Do you sell gift cards?"),
            ],
        )
        .await
        .unwrap_or_else(|err| panic!("{err}"));

    // Then the digest, once yesterday is stored: any run from now on
    // (another test's too) writes it whole.
    let saved = collector
        .set_setting(
            &site,
            "alerts",
            json!({
                "rules": [],
                "chat_url": format!("http://127.0.0.1:{chat_port}/services/T0/B0/y"),
                "daily_digest": true,
            }),
        )
        .await
        .unwrap();
    assert_eq!(saved.status, 200, "{}", saved.body);
    scheduled_alerts(&stack).await;
    let message: Value = serde_json::from_slice(&next(&mut chat).await.body).unwrap();
    slack_shaped(&message);
    let header = message["blocks"][0]["text"]["text"].as_str().unwrap();
    assert!(
        header.starts_with(&format!("Daily digest for {}: ", site.key)),
        "{header}"
    );
    let figures = message["blocks"][1]["text"]["text"].as_str().unwrap();
    assert!(
        figures.starts_with("*Ratings*: 4 (👍 1, 👎 3; 75% 👎) — the day before: 0"),
        "{figures}"
    );
    let gaps = message["blocks"][3]["text"]["text"].as_str().unwrap();
    assert_eq!(
        gaps, "*Top knowledge gaps*\n1. “Do you ship to &lt;Austria&gt;?” (2 👎)",
        "a question asked once is no gap"
    );

    // The run after finds today's digest sent: it writes none.
    let sent = |stack: &Stack| {
        stack
            .d1_execute_for(
                &site.key,
                &format!(
                    "SELECT since FROM alert_states WHERE site_key = {} AND rule = 'digest'",
                    e2e::sql_text(&site.key)
                ),
            )
            .unwrap()
    };
    let first = sent(&stack);
    assert_eq!(first.len(), 1, "{first:?}");
    scheduled_alerts(&stack).await;
    assert_eq!(sent(&stack), first);
}
