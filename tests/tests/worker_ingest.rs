//! The collector on workerd with a real local D1: what it stores, what it
//! refuses, and that a refusal stores nothing.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use e2e::{Refused, Stack, envelope, now_ms, one_thumb, thumb_event, unique};
use protocol::limits::{MAX_BODY_BYTES, MAX_EVENTS_PER_REQUEST};
use serde_json::{Value, json};

fn stack() -> Stack {
    Stack::from_env().unwrap()
}

#[tokio::test]
async fn a_valid_thumb_is_stored_and_read_back_by_the_site_owner() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let body = json!({
        "site_key": stack.site.key,
        "sent_at": now_ms(),
        "events": [thumb_event(&unique("ev"), &conversation, "m1", "up", now_ms())],
    });
    let answer = collector.post(&body, &stack.page_origin).await.unwrap();
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["accepted"], 1);
    assert_eq!(answer.body["duplicates"], 0);
    assert_eq!(answer.body["rejected"], json!([]));
    assert_eq!(
        answer.header("access-control-allow-origin"),
        Some(stack.page_origin.as_str())
    );

    let read = collector
        .conversation(&stack.site.key, Some(&stack.site.secret), &conversation)
        .await
        .unwrap();
    assert_eq!(read.status, 200);
    assert_eq!(read.body["conversation_id"], conversation.as_str());
    let messages = read.body["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0]["message_id"], "m1");
    assert_eq!(messages[0]["rating"], "up");
    assert_eq!(messages[0]["locale"], "en-US");
}

#[tokio::test]
async fn requests_refused_whole_get_their_status_and_code_and_store_nothing() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let page = Some(stack.page_origin.as_str());
    let thumb = one_thumb(&stack.site.key, &conversation, "up").to_string();
    let events = |count: usize| -> Vec<Value> {
        (0..count)
            .map(|n| {
                thumb_event(
                    &unique(&format!("ev{n}")),
                    &conversation,
                    "m1",
                    "up",
                    now_ms(),
                )
            })
            .collect()
    };
    let refused = |what, body, origin, (status, code), mentions| Refused {
        what,
        body,
        origin,
        status,
        code,
        mentions,
    };
    let cases = [
        refused(
            "a body cut short",
            thumb[..thumb.len() - 2].to_string(),
            page,
            (400, "invalid_json"),
            "JSON",
        ),
        refused(
            "`sent_at` as text",
            json!({"site_key": stack.site.key, "sent_at": "now", "events": events(1)}).to_string(),
            page,
            (400, "invalid_envelope"),
            "sent_at",
        ),
        refused(
            "a site key no site has",
            envelope("pk_nobody_has_this", events(1)).to_string(),
            page,
            (401, "unknown_site"),
            "",
        ),
        // Still valid JSON, just too big: trailing whitespace past 64 KiB.
        refused(
            "a body over the size limit",
            format!("{thumb}{}", " ".repeat(MAX_BODY_BYTES)),
            page,
            (413, "payload_too_large"),
            "",
        ),
        refused(
            "more events than one request may carry",
            envelope(&stack.site.key, events(MAX_EVENTS_PER_REQUEST + 1)).to_string(),
            page,
            (400, "too_many_events"),
            "",
        ),
        refused(
            "a page on an origin no site allows",
            thumb.clone(),
            Some("https://evil.example"),
            (403, "origin_not_allowed"),
            "",
        ),
        // Another site's allowed origin does not open this site either.
        refused(
            "a page on another site's origin",
            thumb.clone(),
            Some("https://other-shop.example"),
            (403, "origin_not_allowed"),
            "",
        ),
        refused(
            "a server request without the secret",
            thumb.clone(),
            None,
            (401, "unauthorized"),
            "",
        ),
    ];
    for case in &cases {
        collector
            .check_refused(case, &stack.site, &conversation)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn server_to_server_requests_need_the_site_secret() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let body = one_thumb(&stack.site.key, &conversation, "up").to_string();
    let anonymous = collector.post_raw(body.clone(), None, None).await.unwrap();
    assert_eq!(anonymous.status, 401);
    assert_eq!(anonymous.code(), "unauthorized");
    let wrong = collector
        .post_raw(body.clone(), None, Some(&stack.other_site.secret))
        .await
        .unwrap();
    assert_eq!(wrong.status, 401);
    // Not even the conversation's row: the secret is checked inside the
    // write's own transaction, before anything is created.
    let read = collector
        .conversation(&stack.site.key, Some(&stack.site.secret), &conversation)
        .await
        .unwrap();
    assert_eq!((read.status, read.code()), (404, "not_found"));
    // A batch whose every event is refused still needs the secret.
    let mut invalid = thumb_event(&unique("ev"), &conversation, "m1", "meh", now_ms());
    invalid["type"] = "no_such_type".into();
    let refused_only = envelope(&stack.site.key, vec![invalid]).to_string();
    let wrong = collector
        .post_raw(refused_only, None, Some(&stack.other_site.secret))
        .await
        .unwrap();
    assert_eq!(wrong.status, 401, "{}", wrong.body);
    let signed = collector
        .post_raw(body, None, Some(&stack.site.secret))
        .await
        .unwrap();
    assert_eq!(signed.status, 200, "{}", signed.body);
    assert_eq!(signed.body["accepted"], 1, "{}", signed.body);
    assert_eq!(
        collector.ratings(&stack.site, &conversation).await.unwrap(),
        e2e::thumbs(&[("m1", "up")])
    );
}

#[tokio::test]
async fn bad_events_are_refused_one_by_one_and_the_good_ones_kept() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let now = now_ms();
    let unknown_rating = thumb_event(&unique("ev"), &conversation, "m2", "meh", now);
    let mut missing_id = thumb_event("", &conversation, "m3", "up", now);
    missing_id.as_object_mut().unwrap().remove("id");
    let oversize = thumb_event(&unique("ev"), &conversation, &"m".repeat(129), "up", now);
    let body = envelope(
        &stack.site.key,
        vec![
            thumb_event(&unique("ev"), &conversation, "m1", "down", now),
            unknown_rating,
            missing_id,
            oversize,
        ],
    );
    let answer = collector.post(&body, &stack.page_origin).await.unwrap();
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["accepted"], 1);
    let rejected: Vec<(u64, String, String)> = answer.body["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["index"].as_u64().unwrap(),
                r["code"].as_str().unwrap().to_string(),
                r["field"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rejected,
        vec![
            (1, "invalid_field".into(), "rating".into()),
            (2, "missing_field".into(), "id".into()),
            (3, "too_long".into(), "message_id".into()),
        ]
    );
    assert_eq!(
        collector.ratings(&stack.site, &conversation).await.unwrap(),
        e2e::thumbs(&[("m1", "down")])
    );
}

#[tokio::test]
async fn a_resent_event_is_stored_once() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let event = thumb_event(&unique("ev"), &conversation, "m1", "up", now_ms());
    let body = envelope(&stack.site.key, vec![event.clone(), event]);
    let first = collector.post(&body, &stack.page_origin).await.unwrap();
    assert_eq!(
        (
            first.body["accepted"].as_u64(),
            first.body["duplicates"].as_u64()
        ),
        (Some(1), Some(1))
    );
    let again = collector.post(&body, &stack.page_origin).await.unwrap();
    assert_eq!(
        (
            again.body["accepted"].as_u64(),
            again.body["duplicates"].as_u64()
        ),
        (Some(0), Some(2))
    );
}

#[tokio::test]
async fn the_latest_thumb_by_event_time_wins_whatever_the_arrival_order() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let now = now_ms();
    let later = envelope(
        &stack.site.key,
        vec![thumb_event(&unique("ev"), &conversation, "m1", "down", now)],
    );
    let earlier = envelope(
        &stack.site.key,
        vec![thumb_event(
            &unique("ev"),
            &conversation,
            "m1",
            "up",
            now - 5_000,
        )],
    );
    assert_eq!(
        collector
            .post(&later, &stack.page_origin)
            .await
            .unwrap()
            .status,
        200
    );
    assert_eq!(
        collector
            .post(&earlier, &stack.page_origin)
            .await
            .unwrap()
            .status,
        200
    );
    assert_eq!(
        collector.ratings(&stack.site, &conversation).await.unwrap(),
        e2e::thumbs(&[("m1", "down")])
    );
}

#[tokio::test]
async fn the_read_api_needs_this_sites_secret() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    for secret in [
        None,
        Some("sk_wrong"),
        Some(stack.other_site.secret.as_str()),
    ] {
        let answer = collector
            .conversation(&stack.site.key, secret, &conversation)
            .await
            .unwrap();
        assert_eq!(answer.status, 401, "{secret:?}");
        assert_eq!(answer.code(), "unauthorized");
    }
    let unknown = collector
        .conversation(
            "pk_nobody_has_this",
            Some(&stack.site.secret),
            &conversation,
        )
        .await
        .unwrap();
    assert_eq!(unknown.status, 401);
}

#[tokio::test]
async fn preflights_are_answered_only_for_allowed_origins() {
    let stack = stack();
    let collector = stack.collector();
    let allowed = collector.preflight(&stack.page_origin).await.unwrap();
    assert_eq!(allowed.status, 204);
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        Some(stack.page_origin.as_str())
    );
    assert!(allowed.header("vary").unwrap_or("").contains("Origin"));
    let refused = collector.preflight("https://evil.example").await.unwrap();
    assert_eq!(refused.status, 403);
    assert_eq!(refused.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn unknown_routes_and_methods_get_json_errors() {
    let stack = stack();
    let http = e2e::http_client();
    let missing = http
        .get(format!("{}/v1/nothing-here", stack.worker_url))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status().as_u16(), 404);
    let body: serde_json::Value = missing.json().await.unwrap();
    assert_eq!(body["code"], "not_found");
    let wrong_method = http
        .delete(format!("{}/v1/events", stack.worker_url))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_method.status().as_u16(), 405);
    let body: serde_json::Value = wrong_method.json().await.unwrap();
    assert_eq!(body["code"], "method_not_allowed");
}

#[tokio::test]
async fn unknown_event_types_are_refused_one_by_one_naming_the_known_ones() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let mut page_view = thumb_event(&unique("ev"), &conversation, "m1", "up", now_ms());
    page_view["type"] = json!("page_view");
    let answer = collector
        .post(
            &envelope(&stack.site.key, vec![page_view]),
            &stack.page_origin,
        )
        .await
        .unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["rejected"][0]["code"], "unknown_event_type");
    assert!(
        answer.body["rejected"][0]["message"]
            .as_str()
            .unwrap()
            .contains("csat_response")
    );
}

#[tokio::test]
async fn json_bodies_are_taken_like_text_plain_ones() {
    let stack = stack();
    let conversation = unique("c");
    let body = one_thumb(&stack.site.key, &conversation, "down");
    let answer = e2e::http_client()
        .post(format!("{}/v1/events", stack.worker_url))
        .header("Origin", &stack.page_origin)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 200);
    assert_eq!(
        stack
            .collector()
            .ratings(&stack.site, &conversation)
            .await
            .unwrap(),
        e2e::thumbs(&[("m1", "down")])
    );
}
