//! Review (#31) on workerd with local D1: 👎s and low answers open items,
//! a review key marks one reviewed, a second reviewer holding the old
//! version gets 412, the inbox and the Overview see it, and bad reviews
//! are refused field by field.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use e2e::{Answer, Collector, SiteAccess, Stack, csat_event, now_ms, thumb_event, unique};
use reqwest::Method;
use serde_json::{Value, json};

async fn call(
    collector: &Collector,
    method: Method,
    site: &SiteAccess,
    path: &str,
    token: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> Answer {
    collector
        .site_request(method, &site.key, path, Some(token), headers, body)
        .await
        .unwrap()
}

/// The ids of the queue's items for `query`, in the order given.
async fn queue(collector: &Collector, site: &SiteAccess, token: &str, query: &str) -> Vec<String> {
    let answer = call(
        collector,
        Method::GET,
        site,
        &format!("review?{query}"),
        token,
        &[],
        None,
    )
    .await;
    assert_eq!(answer.status, 200, "{query}: {}", answer.body);
    answer.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["item_id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn thumbs_down_open_items_that_a_reviewer_closes_once() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("review").unwrap();
    let collector = stack.collector();
    let made = call(
        &collector,
        Method::POST,
        &site,
        "keys",
        &site.secret,
        &[],
        Some(&json!({"name": "Sam, support", "scope": "review"})),
    )
    .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let sam = made.body["secret"].as_str().unwrap().to_string();

    let at = now_ms() - 60 * 60 * 1000;
    let (c1, c2) = (unique("c"), unique("c"));
    let (down, low) = (unique("ev"), unique("ev"));
    collector
        .send_all(
            &site,
            vec![
                thumb_event(&down, &c1, "m1", "down", at),
                thumb_event(&unique("ev"), &c1, "m2", "up", at),
                csat_event(
                    "csat_offered",
                    &unique("ev"),
                    &c2,
                    at,
                    json!({"mode": "scale5"}),
                ),
                csat_event(
                    "csat_response",
                    &low,
                    &c2,
                    at + 1_000,
                    json!({"mode": "scale5", "score": 2}),
                ),
            ],
        )
        .await
        .unwrap();

    // The site's labels come with the queue, for a reviewer's picker.
    let first = call(&collector, Method::GET, &site, "review", &sam, &[], None).await;
    assert_eq!(
        first.body["labels"],
        json!(["knowledge missing", "wrong answer", "tone", "bug", "fixed"])
    );
    // Newest first: the low answer, then the 👎; praise opens nothing.
    assert_eq!(
        queue(&collector, &site, &sam, "state=open").await,
        [low.clone(), down.clone()]
    );
    assert!(
        queue(&collector, &site, &sam, "state=reviewed")
            .await
            .is_empty()
    );

    // Sam reviews the 👎; the reviewer is named, the labels kept in the
    // site's order.
    let review = json!({"state": "reviewed", "note": "Added the Austria rates.",
                        "labels": ["fixed", "knowledge missing"]});
    let put = |token: &str, version: &str, body: Value| {
        let collector = &collector;
        let site = &site;
        let path = format!("review/{down}");
        let (token, version) = (token.to_string(), version.to_string());
        async move {
            call(
                collector,
                Method::PUT,
                site,
                &path,
                &token,
                &[("If-Match", version.as_str())],
                Some(&body),
            )
            .await
        }
    };
    let reviewed = put(&sam, "\"1\"", review.clone()).await;
    assert_eq!(reviewed.status, 200, "{}", reviewed.body);
    assert_eq!(reviewed.body["state"], "reviewed");
    assert_eq!(reviewed.body["reviewed_by"], "Sam, support");
    assert_eq!(
        reviewed.body["labels"],
        json!(["knowledge missing", "fixed"])
    );
    assert_eq!(reviewed.body["version"], 2);
    // The owner, holding version 1 as well, is told, and nothing changes.
    let stale = put(&site.secret, "\"1\"", json!({"state": "open"})).await;
    assert_eq!(
        (stale.status, stale.code()),
        (412, "stale_review"),
        "{}",
        stale.body
    );
    assert_eq!(
        queue(&collector, &site, &sam, "state=reviewed&label=fixed").await,
        std::slice::from_ref(&down)
    );
    assert!(
        queue(&collector, &site, &sam, "label=tone")
            .await
            .is_empty()
    );

    // The conversation shows its item; the inbox its state, and filters by it.
    let detail = call(
        &collector,
        Method::GET,
        &site,
        &format!("conversations/{c1}"),
        &sam,
        &[],
        None,
    )
    .await;
    assert_eq!(detail.status, 200, "{}", detail.body);
    assert_eq!(detail.body["review"][0]["note"], "Added the Austria rates.");
    let inbox = |query: &'static str| {
        let collector = &collector;
        let site = &site;
        let sam = sam.clone();
        async move {
            let answer = call(
                collector,
                Method::GET,
                site,
                &format!("conversations?{query}"),
                &sam,
                &[],
                None,
            )
            .await;
            assert_eq!(answer.status, 200, "{query}: {}", answer.body);
            answer.body["conversations"].as_array().unwrap().clone()
        }
    };
    let reviewed_rows = inbox("review=reviewed").await;
    assert_eq!(reviewed_rows.len(), 1);
    assert_eq!(reviewed_rows[0]["conversation_id"], json!(c1));
    assert_eq!(reviewed_rows[0]["review"], "reviewed");
    let open_rows = inbox("review=open").await;
    assert_eq!(open_rows.len(), 1);
    assert_eq!(open_rows[0]["conversation_id"], json!(c2));
    assert_eq!(inbox("label=knowledge%20missing").await.len(), 1);

    // The Overview: one open, one reviewed in the period, and the wait.
    let overview = call(
        &collector,
        Method::GET,
        &site,
        "overview",
        &site.secret,
        &[],
        None,
    )
    .await;
    assert_eq!(overview.body["review"]["open"], 1, "{}", overview.body);
    assert_eq!(overview.body["review"]["reviewed"], 1);
    let waited = overview.body["review"]["median_wait_ms"].as_i64().unwrap();
    assert!(waited >= 60 * 60 * 1000 - 5_000, "{waited}");

    // A review key reads conversations and reviews, and nothing else.
    for path in [
        "overview",
        "export?format=ndjson",
        "settings",
        "keys",
        "gaps",
        "compare",
    ] {
        let answer = call(&collector, Method::GET, &site, path, &sam, &[], None).await;
        assert_eq!(
            (answer.status, answer.code()),
            (403, "out_of_scope"),
            "{path}"
        );
    }

    // Bad reviews: each field named, nothing changed.
    let many: Vec<String> = (0..21).map(|n| format!("l{n}")).collect();
    for (body, field) in [
        (json!({"state": "reviewed", "labels": many}), "labels"),
        (json!({"state": "reviewed", "labels": ["great"]}), "labels"),
        (json!({"state": "done"}), "state"),
        (
            json!({"state": "reviewed", "note": "x".repeat(1_001)}),
            "note",
        ),
    ] {
        let refused = put(&sam, "\"2\"", body).await;
        assert_eq!(
            (refused.status, refused.code()),
            (422, "invalid_review"),
            "{}",
            refused.body
        );
        assert!(
            refused.body["errors"][field].is_string(),
            "{field}: {}",
            refused.body
        );
    }
    // Bodies past the collector's limit are refused before they are read:
    // a megabyte's note, ten thousand labels.
    let labels: Vec<String> = (0..10_000).map(|n| format!("label {n}")).collect();
    for body in [
        json!({"state": "reviewed", "note": "x".repeat(1 << 20)}),
        json!({"state": "reviewed", "labels": labels}),
    ] {
        let huge = put(&sam, "\"2\"", body).await;
        assert_eq!(
            (huge.status, huge.code()),
            (413, "payload_too_large"),
            "{}",
            huge.body
        );
    }
    let unversioned = call(
        &collector,
        Method::PUT,
        &site,
        &format!("review/{down}"),
        &sam,
        &[],
        Some(&review),
    )
    .await;
    assert_eq!(unversioned.status, 428);
    let nowhere = call(
        &collector,
        Method::PUT,
        &site,
        "review/ev_nobody",
        &sam,
        &[("If-Match", "\"1\"")],
        Some(&review),
    )
    .await;
    assert_eq!(nowhere.status, 404);
    assert_eq!(
        queue(&collector, &site, &sam, "state=reviewed").await,
        std::slice::from_ref(&down),
        "still one, as Sam left it"
    );

    // Erasing the conversation takes its item.
    let erased = collector.erase(&site, &c1).await.unwrap();
    assert_eq!(erased.status, 200);
    assert!(
        queue(&collector, &site, &sam, "state=reviewed")
            .await
            .is_empty()
    );
}
