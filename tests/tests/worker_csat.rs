//! Conversation CSAT and richer thumbs on workerd with local D1: the
//! PolyAI-named fields, amendments and the 30-minute lock, reasons, tags,
//! excerpts, text cleaning, and the widget's public config.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use e2e::{Stack, csat_event, envelope, now_ms, sql_text, thumb_event, unique};
use serde_json::{Value, json};

const MINUTE: i64 = 60_000;

fn stack() -> Stack {
    Stack::from_env().unwrap()
}

async fn detail(stack: &Stack, conversation: &str) -> Value {
    let answer = stack
        .collector()
        .conversation(&stack.site.key, Some(&stack.site.secret), conversation)
        .await
        .unwrap();
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body
}

#[tokio::test]
async fn an_offered_then_answered_prompt_fills_the_csat_fields() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let now = now_ms();
    let body = envelope(
        &stack.site.key,
        vec![
            csat_event(
                "csat_offered",
                &unique("ev"),
                &conversation,
                now - 2_000,
                json!({"mode": "scale5"}),
            ),
            csat_event(
                "csat_response",
                &unique("ev"),
                &conversation,
                now - 1_000,
                json!({"mode": "scale5", "score": 2, "comment": "Took too long", "completed": true}),
            ),
        ],
    );
    let answer = collector.post(&body, &stack.page_origin).await.unwrap();
    assert_eq!(
        (answer.status, answer.body["accepted"].as_u64()),
        (200, Some(2)),
        "{}",
        answer.body
    );

    let detail = detail(&stack, &conversation).await;
    let csat = &detail["csat"];
    assert_eq!(csat["CSAT_OFFERED"], true);
    assert_eq!(csat["CSAT_ACCEPTED"], true);
    assert_eq!(csat["CSAT_DENIED"], false);
    assert_eq!(csat["CSAT_SCORE"], 2);
    assert_eq!(csat["CSAT_FREE_FEEDBACK"], "Took too long");
    assert_eq!(csat["CSAT_COMPLETED"], true);
    assert_eq!(detail["satisfaction"], "negative");
    assert_eq!(detail["csat_mode"], "scale5");
}

#[tokio::test]
async fn a_dismissed_prompt_is_denied() {
    let stack = stack();
    let conversation = unique("c");
    let body = envelope(
        &stack.site.key,
        vec![csat_event(
            "csat_dismissed",
            &unique("ev"),
            &conversation,
            now_ms(),
            json!({"mode": "thumbs"}),
        )],
    );
    assert_eq!(
        stack
            .collector()
            .post(&body, &stack.page_origin)
            .await
            .unwrap()
            .status,
        200
    );
    let detail = detail(&stack, &conversation).await;
    assert_eq!(detail["csat"]["CSAT_OFFERED"], true);
    assert_eq!(detail["csat"]["CSAT_DENIED"], true);
    assert_eq!(detail["csat"]["CSAT_ACCEPTED"], false);
    assert_eq!(detail["csat"]["CSAT_SCORE"], Value::Null);
    assert_eq!(detail["satisfaction"], "unknown");
}

/// A `csat_response` envelope for `conversation` with event time `at`.
fn answer(stack: &Stack, conversation: &str, at: i64, score: u8, comment: &str) -> Value {
    envelope(
        &stack.site.key,
        vec![csat_event(
            "csat_response",
            &unique("ev"),
            conversation,
            at,
            json!({"mode": "scale5", "score": score, "comment": comment}),
        )],
    )
}

/// Moves the moment the collector received `conversation`'s first answer
/// `minutes` further into the past, as if that much time had gone by.
fn let_time_pass(stack: &Stack, conversation: &str, minutes: i64) {
    stack
        .d1_execute_for(
            &stack.site.key,
            &format!(
                "UPDATE conversations SET csat_answered_at = csat_answered_at - {} \
             WHERE site_key = {} AND conversation_id = {}",
                minutes * MINUTE,
                sql_text(&stack.site.key),
                sql_text(conversation)
            ),
        )
        .unwrap();
}

#[tokio::test]
async fn an_answer_can_be_amended_for_thirty_minutes_then_it_is_locked() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let send = |score: u8, comment: &str| {
        let body = answer(&stack, &conversation, now_ms(), score, comment);
        let collector = &collector;
        let origin = stack.page_origin.clone();
        async move { collector.post(&body, &origin).await.unwrap() }
    };
    let first = send(2, "").await;
    assert_eq!(first.body["accepted"], 1, "{}", first.body);
    let_time_pass(&stack, &conversation, 29);
    let amended = send(4, "Sorted in the end").await;
    assert_eq!(amended.body["accepted"], 1, "{}", amended.body);
    let detail_after_amend = detail(&stack, &conversation).await;
    assert_eq!(detail_after_amend["csat"]["CSAT_SCORE"], 4);
    assert_eq!(
        detail_after_amend["csat"]["CSAT_FREE_FEEDBACK"],
        "Sorted in the end"
    );

    let_time_pass(&stack, &conversation, 2);
    let late = send(1, "changed my mind").await;
    assert_eq!(late.status, 200);
    assert_eq!(late.body["accepted"], 0);
    assert_eq!(late.body["rejected"][0]["code"], "csat_locked");
    let unchanged = detail(&stack, &conversation).await;
    assert_eq!(unchanged["csat"]["CSAT_SCORE"], 4);
}

#[tokio::test]
async fn a_backdated_amendment_is_judged_by_when_it_arrives() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let first = collector
        .post(
            &answer(&stack, &conversation, now_ms(), 2, ""),
            &stack.page_origin,
        )
        .await
        .unwrap();
    assert_eq!(first.body["accepted"], 1, "{}", first.body);
    let_time_pass(&stack, &conversation, 31);
    // The event claims to come from a minute after the first answer; it
    // arrives 31 minutes after it.
    let backdated = answer(&stack, &conversation, now_ms() - 30 * MINUTE, 5, "all good");
    let late = collector
        .post(&backdated, &stack.page_origin)
        .await
        .unwrap();
    assert_eq!(late.body["accepted"], 0, "{}", late.body);
    assert_eq!(late.body["rejected"][0]["code"], "csat_locked");
    assert_eq!(detail(&stack, &conversation).await["csat"]["CSAT_SCORE"], 2);
}

#[tokio::test]
async fn the_answer_received_last_is_kept_whatever_its_clock_says() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let now = now_ms();
    collector
        .post(
            &answer(&stack, &conversation, now, 5, ""),
            &stack.page_origin,
        )
        .await
        .unwrap();
    // Received later, though its clock says it came first.
    collector
        .post(
            &answer(&stack, &conversation, now - 10_000, 1, ""),
            &stack.page_origin,
        )
        .await
        .unwrap();
    assert_eq!(detail(&stack, &conversation).await["csat"]["CSAT_SCORE"], 1);
    // Within one request, all received at once, the event times order them.
    let other = unique("c");
    let both = envelope(
        &stack.site.key,
        vec![
            csat_event(
                "csat_response",
                &unique("ev"),
                &other,
                now,
                json!({"mode": "scale5", "score": 4}),
            ),
            csat_event(
                "csat_response",
                &unique("ev"),
                &other,
                now - 10_000,
                json!({"mode": "scale5", "score": 3}),
            ),
        ],
    );
    let stored = collector.post(&both, &stack.page_origin).await.unwrap();
    assert_eq!(stored.body["accepted"], 2, "{}", stored.body);
    assert_eq!(detail(&stack, &other).await["csat"]["CSAT_SCORE"], 4);
}

#[tokio::test]
async fn thumbs_keep_reason_tags_and_excerpts_cleaned_and_verbatim() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let mut event = thumb_event(&unique("ev"), &conversation, "m1", "down", now_ms());
    event["reason"] = json!("  Wrong size\r\nchart \u{0007}'; DROP TABLE events; -- 👎 ");
    event["tags"] = json!(["too_long", "wrong_answer"]);
    event["question"] = json!("Do they run <b>small</b>?");
    event["answer"] = json!("No.");
    let answer = collector
        .post(&envelope(&stack.site.key, vec![event]), &stack.page_origin)
        .await
        .unwrap();
    assert_eq!(answer.body["accepted"], 1, "{}", answer.body);
    let detail = detail(&stack, &conversation).await;
    let message = &detail["messages"][0];
    assert_eq!(
        message["reason"],
        "Wrong size\nchart '; DROP TABLE events; -- 👎"
    );
    assert_eq!(message["tags"], json!(["too_long", "wrong_answer"]));
    assert_eq!(message["question"], "Do they run <b>small</b>?");
    assert_eq!(message["answer"], "No.");
    assert_eq!(detail["thumbs_down"], 1);
    assert_eq!(detail["thumbs_up"], 0);
}

#[tokio::test]
async fn tags_outside_the_sites_list_are_refused() {
    let stack = stack();
    let conversation = unique("c");
    let mut event = thumb_event(&unique("ev"), &conversation, "m1", "down", now_ms());
    event["tags"] = json!(["rude"]);
    let answer = stack
        .collector()
        .post(&envelope(&stack.site.key, vec![event]), &stack.page_origin)
        .await
        .unwrap();
    assert_eq!(answer.body["accepted"], 0);
    assert_eq!(answer.body["rejected"][0]["field"], "tags");
    assert!(
        answer.body["rejected"][0]["message"]
            .as_str()
            .unwrap()
            .contains("rude")
    );
}

#[tokio::test]
async fn sites_that_do_not_store_text_get_no_excerpts_stored() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let mut event = thumb_event(&unique("ev"), &conversation, "m1", "down", now_ms());
    event["question"] = json!("What is my order status?");
    event["answer"] = json!("Shipped.");
    event["reason"] = json!("Not shipped");
    let body = envelope(&stack.other_site.key, vec![event]).to_string();
    let answer = collector
        .post_raw(body, None, Some(&stack.other_site.secret))
        .await
        .unwrap();
    assert_eq!(answer.body["accepted"], 1, "{}", answer.body);
    let read = collector
        .conversation(
            &stack.other_site.key,
            Some(&stack.other_site.secret),
            &conversation,
        )
        .await
        .unwrap();
    let message = &read.body["messages"][0];
    assert_eq!(message["question"], Value::Null);
    assert_eq!(message["answer"], Value::Null);
    assert_eq!(message["reason"], "Not shipped");
}

#[tokio::test]
async fn lone_surrogates_from_a_cut_emoji_are_repaired_not_refused() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let mut event = thumb_event(&unique("ev"), &conversation, "m1", "down", now_ms());
    event["reason"] = json!("PLACEHOLDER");
    let body = envelope(&stack.site.key, vec![event])
        .to_string()
        .replace("PLACEHOLDER", r"cut emoji \ud83d");
    let answer = collector
        .post_raw(body, Some(&stack.page_origin), None)
        .await
        .unwrap();
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["accepted"], 1);
    assert_eq!(
        detail(&stack, &conversation).await["messages"][0]["reason"],
        "cut emoji \u{FFFD}"
    );
}

#[tokio::test]
async fn an_unknown_conversation_is_a_404() {
    let stack = stack();
    let answer = stack
        .collector()
        .conversation(&stack.site.key, Some(&stack.site.secret), &unique("c"))
        .await
        .unwrap();
    assert_eq!((answer.status, answer.code()), (404, "not_found"));
}

#[tokio::test]
async fn the_widget_config_is_public_and_revalidates_with_its_etag() {
    let stack = stack();
    let collector = stack.collector();
    let answer = collector.site_config(&stack.site.key, None).await.unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["csat_enabled"], true);
    assert_eq!(answer.body["csat_mode"], "thumbs");
    assert_eq!(
        answer.body["reason_tags"],
        json!(["wrong_answer", "too_long", "not_relevant"])
    );
    assert_eq!(answer.body["store_text"], true);
    assert!(answer.body.get("webhook_url").is_none());
    assert!(answer.body.get("retention_days").is_none());
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
    let etag = answer.header("etag").unwrap().to_string();
    let again = collector
        .site_config(&stack.site.key, Some(&etag))
        .await
        .unwrap();
    assert_eq!(again.status, 304);
    let other = collector
        .site_config(&stack.other_site.key, Some(&etag))
        .await
        .unwrap();
    assert_eq!(other.status, 200, "another site's config has another ETag");
    let unknown = collector
        .site_config("pk_nobody_has_this", None)
        .await
        .unwrap();
    assert_eq!((unknown.status, unknown.code()), (401, "unknown_site"));
}

#[tokio::test]
async fn a_resent_answer_does_not_undo_a_later_one() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    // The outbox resends what it is not sure arrived (a beacon, a lost
    // answer): the same event, received again later.
    let first = answer(&stack, &conversation, now_ms(), 2, "slow");
    collector.post(&first, &stack.page_origin).await.unwrap();
    let amended = answer(&stack, &conversation, now_ms(), 4, "sorted");
    collector.post(&amended, &stack.page_origin).await.unwrap();
    let resent = collector.post(&first, &stack.page_origin).await.unwrap();
    assert_eq!(resent.body["duplicates"], 1, "{}", resent.body);
    let detail = detail(&stack, &conversation).await;
    assert_eq!(detail["csat"]["CSAT_SCORE"], 4);
    assert_eq!(detail["csat"]["CSAT_FREE_FEEDBACK"], "sorted");
}
