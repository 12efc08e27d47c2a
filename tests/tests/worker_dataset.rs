//! Rated answers as a dataset (#31 §2) on workerd with local D1: the
//! export parses line by line, matches the inbox's counts, carries the
//! review and the meta, narrows by each filter, carries no text for a
//! site that keeps none, and pages and fails as the conversations export
//! does.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use e2e::{SiteAccess, Stack, csat_event, now_ms, thumb_event, unique};
use reqwest::Method;
use serde_json::{Value, json};

/// A thumb with the fields a host page gives it.
fn thumb(conversation: &str, message: &str, rating: &str, at: i64, extra: Value) -> Value {
    let mut event = thumb_event(&unique("ev"), conversation, message, rating, at);
    if let (Some(event), Value::Object(extra)) = (event.as_object_mut(), extra) {
        event.extend(extra);
    }
    event
}

/// `GET export?{query}` with the site's secret: the status, the
/// `Feedback-Text-Kept` header and the body.
async fn export(
    stack: &Stack,
    site: &SiteAccess,
    query: &str,
    fault: Option<&str>,
) -> (u16, Option<String>, String) {
    let mut request = e2e::http_client()
        .get(format!(
            "{}/v1/sites/{}/export?{query}",
            stack.worker_url, site.key
        ))
        .bearer_auth(&site.secret);
    if let Some(fault) = fault {
        request = request.header("X-Local-Fault", fault);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let kept = response
        .headers()
        .get("Feedback-Text-Kept")
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);
    (status, kept, response.text().await.unwrap())
}

/// The lines of a whole rated-answers export for `query`.
async fn lines(stack: &Stack, site: &SiteAccess, query: &str) -> Vec<Value> {
    let (status, _, body) = export(
        stack,
        site,
        &format!("kind=rated_answers&format=jsonl&{query}"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{query}: {body}");
    e2e::ndjson_records(&body).unwrap()
}

/// The inbox's thumbs for `query`, summed over its conversations: (👍, 👎).
async fn inbox_thumbs(stack: &Stack, site: &SiteAccess, query: &str) -> (u64, u64) {
    let (status, body) = stack
        .collector()
        .owner_get(site, &format!("conversations?limit=100&{query}"))
        .await
        .unwrap();
    assert_eq!(status, 200, "{query}: {body}");
    let page: Value = serde_json::from_str(&body).unwrap();
    assert!(page["next_cursor"].is_null(), "one page holds them");
    page["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .fold((0, 0), |(up, down), row| {
            (
                up + row["thumbs_up"].as_u64().unwrap(),
                down + row["thumbs_down"].as_u64().unwrap(),
            )
        })
}

#[tokio::test]
async fn rated_answers_parse_line_by_line_match_the_inbox_and_carry_review_and_meta() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("dataset").unwrap();
    let collector = stack.collector();
    let at = now_ms() - 60 * 60 * 1000;
    let (a, b, c) = (unique("c"), unique("c"), unique("c"));
    let down = thumb(
        &a,
        "m1",
        "down",
        at,
        json!({
            "question": "Do you ship to Austria?", "answer": "We ship within Germany only.",
            "reason": "You do ship there", "page": "/faq",
            "meta": {"model": "gpt-4o", "prompt_version": 7, "trace_id": "tr_1"},
        }),
    );
    let down_id = down["id"].as_str().unwrap().to_string();
    collector
        .send_all(
            &site,
            vec![
                down,
                thumb(
                    &a,
                    "m2",
                    "up",
                    at + 1,
                    json!({"meta": {"model": "gpt-4o-mini"}}),
                ),
                thumb(&b, "m1", "down", at + 2, json!({"role": "agent"})),
                thumb(&c, "m1", "up", at + 3, json!({})),
                // Taken back: no line, and no thumb in the inbox.
                thumb(&c, "m1", "none", at + 4, json!({})),
                thumb(&c, "m2", "up", at + 5, json!({})),
                csat_event(
                    "csat_response",
                    &unique("ev"),
                    &b,
                    at + 6,
                    json!({"mode": "scale5", "score": 1, "context": {"arm": "b"},
                           "handed_over": true}),
                ),
            ],
        )
        .await
        .unwrap();
    let reviewed = collector
        .site_request(
            Method::PUT,
            &site.key,
            &format!("review/{down_id}"),
            Some(&site.secret),
            &[("If-Match", "\"1\"")],
            Some(&json!({"state": "reviewed", "note": "Added Austria.",
                         "labels": ["knowledge missing", "fixed"]})),
        )
        .await
        .unwrap();
    assert_eq!(reviewed.status, 200, "{}", reviewed.body);

    // Every line is a JSON object; the file ends with its count.
    let (status, kept, body) = export(&stack, &site, "kind=rated_answers&format=jsonl", None).await;
    assert_eq!((status, kept.as_deref()), (200, Some("true")));
    let all = e2e::ndjson_records(&body).unwrap();
    let (up, down) = inbox_thumbs(&stack, &site, "").await;
    assert_eq!(all.len() as u64, up + down, "{body}");
    assert_eq!((up, down), (2, 2));
    let scores: Vec<u64> = all
        .iter()
        .map(|line| line["score"].as_u64().unwrap())
        .collect();
    assert_eq!(
        scores.iter().filter(|score| **score == 1).count() as u64,
        up
    );

    let line = all
        .iter()
        .find(|line| line["metadata"]["conversation_id"] == a.as_str() && line["score"] == 0)
        .unwrap();
    assert_eq!(line["input"], "Do you ship to Austria?");
    assert_eq!(line["output"], "We ship within Germany only.");
    assert_eq!(line["comment"], "You do ship there");
    let metadata = &line["metadata"];
    assert_eq!(
        metadata["meta"],
        json!({"model": "gpt-4o", "prompt_version": 7, "trace_id": "tr_1"})
    );
    assert_eq!(metadata["message_id"], "m1");
    // The collector corrects the page's clock by the batch's send time.
    let rated_at = metadata["at"].as_i64().unwrap();
    assert!((rated_at - at).abs() < 60_000, "{rated_at} against {at}");
    assert_eq!(metadata["role"], "assistant");
    assert_eq!(metadata["page"], "/faq");
    assert_eq!(metadata["review_state"], "reviewed");
    assert_eq!(
        metadata["review_labels"],
        json!(["knowledge missing", "fixed"])
    );
    assert_eq!(metadata["review_note"], "Added Austria.");
    // No `expectedOutput`: Langfuse takes the line as an item to judge.
    assert!(line.get("expectedOutput").is_none());

    // Each filter, against the inbox where the inbox counts the same.
    assert_eq!(lines(&stack, &site, "rating=down").await.len() as u64, down);
    assert_eq!(lines(&stack, &site, "rating=up").await.len() as u64, up);
    let model = lines(&stack, &site, "meta.model=gpt-4o").await;
    assert_eq!(model.len(), 1);
    assert_eq!(model[0]["metadata"]["meta"]["trace_id"], "tr_1");
    assert_eq!(lines(&stack, &site, "meta.trace_id=tr_1").await.len(), 1);
    let arm = lines(&stack, &site, "meta.arm=b").await;
    assert_eq!(arm.len(), 1, "the conversation's context");
    assert_eq!(arm[0]["metadata"]["role"], "agent");
    let reviewed = lines(&stack, &site, "review=reviewed&label=fixed").await;
    assert_eq!(reviewed.len(), 1);
    assert_eq!(lines(&stack, &site, "review=open").await.len(), 1);
    assert!(lines(&stack, &site, "label=tone").await.is_empty());
    assert_eq!(
        lines(&stack, &site, "role=agent").await.len() as u64,
        inbox_thumbs(&stack, &site, "role=agent").await.1
    );
    // The period: nothing was rated last year.
    assert!(
        lines(&stack, &site, "from=2025-01-01&to=2025-01-31")
            .await
            .is_empty()
    );

    // Bad queries are refused before anything streams, naming the field.
    for (query, named) in [
        ("kind=everything", "`kind`"),
        ("kind=rated_answers&format=csv", "`format` must be jsonl"),
        ("kind=rated_answers&rating=meh", "`rating`"),
        ("kind=rated_answers&after=c_1", "`after`"),
        ("kind=rated_answers&review=done", "`review`"),
    ] {
        let (status, _, body) = export(&stack, &site, query, None).await;
        assert_eq!(status, 400, "{query}: {body}");
        assert!(body.contains(named), "{query}: {body}");
    }
}

#[tokio::test]
async fn a_site_that_keeps_no_text_exports_lines_without_it_and_says_so() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("dataset_plain").unwrap();
    let conversation = unique("c");
    stack
        .collector()
        .send_all(
            &site,
            vec![thumb(
                &conversation,
                "m1",
                "down",
                now_ms() - 60_000,
                json!({"question": "Where?", "answer": "There.", "reason": "vague"}),
            )],
        )
        .await
        .unwrap();
    let (status, kept, body) = export(&stack, &site, "kind=rated_answers", None).await;
    assert_eq!((status, kept.as_deref()), (200, Some("false")));
    let all = e2e::ndjson_records(&body).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["input"], Value::Null);
    assert_eq!(all[0]["output"], Value::Null);
    assert_eq!(all[0]["comment"], "vague", "the reason is not excerpt text");
}

#[tokio::test]
async fn a_dataset_export_pages_fails_half_way_in_its_last_line_and_resumes_after_it() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("dataset_pages").unwrap();
    let collector = stack.collector();
    let at = now_ms() - 60_000;
    // 600 rated messages: more than one page (500) of the stream.
    let conversations: Vec<String> = (0..60).map(|_| unique("d")).collect();
    for chunk in conversations.chunks(10) {
        let events = chunk
            .iter()
            .flat_map(|conversation| {
                (0..10).map(move |n| thumb(conversation, &format!("m{n}"), "down", at, json!({})))
            })
            .collect();
        collector.send_all(&site, events).await.unwrap();
    }
    let mut keys: Vec<String> = conversations
        .iter()
        .flat_map(|conversation| (0..10).map(move |n| format!("{conversation}/m{n}")))
        .collect();
    keys.sort();

    let (_, _, failed) = export(
        &stack,
        &site,
        "kind=rated_answers",
        Some("fail-export-second-page"),
    )
    .await;
    assert!(e2e::ndjson_records(&failed).is_err(), "taken as whole");
    let end: Value = serde_json::from_str(failed.lines().last().unwrap()).unwrap();
    assert_eq!(end["complete"], false, "{end}");
    assert_eq!(end["rows"], 500, "{end}");
    assert_eq!(end["after"], keys[499].as_str(), "{end}");
    assert!(
        end["error"]
            .as_str()
            .unwrap()
            .contains("after 500 rated answers")
    );

    // Resuming after the last line sent gives the rest, once each.
    let rest = lines(
        &stack,
        &site,
        &format!("after={}", end["after"].as_str().unwrap()),
    )
    .await;
    let first: Vec<Value> = failed
        .lines()
        .take(500)
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let got: Vec<String> = first
        .iter()
        .chain(&rest)
        .map(|line| {
            format!(
                "{}/{}",
                line["metadata"]["conversation_id"].as_str().unwrap(),
                line["metadata"]["message_id"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(got, keys);
    // A whole export holds them all.
    assert_eq!(lines(&stack, &site, "").await.len(), 600);
}
