//! The Compare section's read on workerd with local D1: two models with
//! known shares, a person against the assistant, and the daily series,
//! read back as exact counts and 95% Wilson intervals.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use analytics::compare::{Comparison, wilson};
use e2e::{Stack, csat_event, now_ms, thumb_event, unique};
use serde_json::{Value, json};

/// A thumb on message `message` rated `rating`, written by `role`, with `meta`.
fn rated(
    conversation: &str,
    message: &str,
    rating: &str,
    role: &str,
    meta: Value,
    at: i64,
) -> Value {
    let mut event = thumb_event(&unique("ev"), conversation, message, rating, at);
    event["role"] = json!(role);
    event["meta"] = meta;
    event["page"] = json!("/shoes");
    event
}

#[tokio::test]
async fn two_models_compare_with_exact_counts_and_intervals() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("compare").unwrap();
    let collector = stack.collector();
    let at = now_ms() - 60 * 60 * 1000;
    let mut events = Vec::new();
    // gpt-4o: 70 👍 and 30 👎 over 100 answers; o3: 4 👍 and 3 👎.
    for n in 0..100 {
        let rating = if n < 70 { "up" } else { "down" };
        let meta = json!({"model": "gpt-4o", "prompt_version": 12});
        events.push(rated(
            &format!("c{}", n / 10),
            &format!("m{n}"),
            rating,
            "assistant",
            meta,
            at,
        ));
    }
    // o3 answers in German, on another page.
    for n in 0..7 {
        let rating = if n < 4 { "up" } else { "down" };
        let mut event = rated(
            "c_o3",
            &format!("o{n}"),
            rating,
            "assistant",
            json!({"model": "o3"}),
            at,
        );
        event["locale"] = json!("de");
        event["page"] = json!("/boots");
        events.push(event);
    }
    // A person's answer, 👎, and a handed-over conversation that answers 5.
    events.push(rated(
        "c_h",
        "h1",
        "down",
        "agent",
        json!({"agent": "sam"}),
        at,
    ));
    let handed = json!({"mode": "scale5", "context": {"variant": "b"}, "handed_over": true});
    events.push(csat_event(
        "csat_offered",
        &unique("ev"),
        "c_h",
        at,
        handed.clone(),
    ));
    let mut answer = handed;
    answer["score"] = json!(5);
    events.push(csat_event(
        "csat_response",
        &unique("ev"),
        "c_h",
        at + 1,
        answer,
    ));
    // The assistant's conversation answers 1.
    let plain = json!({"mode": "scale5", "context": {"variant": "a"}, "score": 1});
    events.push(csat_event(
        "csat_offered",
        &unique("ev"),
        "c_o3",
        at,
        json!({"mode": "scale5", "context": {"variant": "a"}}),
    ));
    events.push(csat_event(
        "csat_response",
        &unique("ev"),
        "c_o3",
        at + 1,
        plain,
    ));
    for chunk in events.chunks(20) {
        collector.send_all(&site, chunk.to_vec()).await.unwrap();
    }

    let read = |query: &'static str| {
        let collector = &collector;
        let site = &site;
        async move {
            let (status, body) = collector
                .owner_get(site, &format!("compare?{query}"))
                .await
                .unwrap();
            assert_eq!(status, 200, "{query}: {body}");
            serde_json::from_str::<Comparison>(&body).unwrap()
        }
    };
    let models = read("dimension=key:model&series=gpt-4o,o3").await;
    assert_eq!(models.dimension, "key:model");
    let values: Vec<&str> = models.rows.iter().map(|row| row.value.as_str()).collect();
    assert_eq!(values, ["o3", "gpt-4o"], "by 👎 share, highest first");
    let o3 = &models.rows[0];
    assert_eq!((o3.ratings, o3.few), (7, true));
    assert_eq!(o3.down, wilson(3, 7));
    assert_eq!(o3.up, wilson(4, 7));
    let gpt = &models.rows[1];
    assert_eq!((gpt.ratings, gpt.few), (100, false));
    assert_eq!(gpt.down, wilson(30, 100));
    assert_eq!(gpt.up, wilson(70, 100));
    let down = gpt.down.unwrap();
    assert!(
        (down.low - 0.218_949).abs() < 1e-5 && (down.high - 0.395_849).abs() < 1e-5,
        "{down:?}"
    );
    for dimension in [
        "key:agent",
        "key:model",
        "key:prompt_version",
        "key:variant",
        "locale",
        "page",
        "role",
    ] {
        assert!(
            models.dimensions.iter().any(|seen| seen == dimension),
            "{dimension} in {:?}",
            models.dimensions
        );
    }
    // The daily series of both, in the window's days; the thumbs are today's.
    assert_eq!(models.series.len(), 2);
    let total = |at: usize| -> (u64, u64) {
        models.series[at]
            .days
            .iter()
            .fold((0, 0), |(up, down), day| (up + day.up, down + day.down))
    };
    assert_eq!((total(0), total(1)), ((70, 30), (4, 3)));

    // The assistant against a person: thumbs by who wrote the answer,
    // satisfaction by whether the conversation was handed over.
    let roles = read("dimension=role").await;
    let row = |value: &str| {
        roles
            .rows
            .iter()
            .find(|row| row.value == value)
            .unwrap()
            .clone()
    };
    let (assistant, agent) = (row("assistant"), row("agent"));
    assert_eq!((assistant.ratings, agent.ratings), (107, 1));
    assert_eq!((assistant.offered, agent.offered), (1, 1));
    assert_eq!(
        (assistant.csat_average, agent.csat_average),
        (Some(1.0), Some(5.0))
    );
    assert_eq!(agent.response_rate, wilson(1, 1));

    let variants = read("dimension=key:variant").await;
    let b = variants.rows.iter().find(|row| row.value == "b").unwrap();
    assert_eq!((b.ratings, b.offered, b.csat_average), (0, 1, Some(5.0)));

    // "Open in inbox": the conversations with that value.
    let inbox = |query: &'static str| {
        let collector = &collector;
        let site = &site;
        async move {
            let (status, body) = collector
                .owner_get(site, &format!("conversations?{query}"))
                .await
                .unwrap();
            assert_eq!(status, 200, "{query}: {body}");
            let page: Value = serde_json::from_str(&body).unwrap();
            let mut ids: Vec<String> = page["conversations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|row| row["conversation_id"].as_str().unwrap().to_string())
                .collect();
            ids.sort();
            ids
        }
    };
    assert_eq!(inbox("meta.model=o3").await, ["c_o3"]);
    assert_eq!(
        inbox("meta.prompt_version=12").await.len(),
        10,
        "a number matches its text"
    );
    assert_eq!(inbox("meta.variant=b").await, ["c_h"], "a context value");
    assert_eq!(inbox("role=agent").await, ["c_h"]);
    assert_eq!(inbox("handed_over=true").await, ["c_h"]);
    assert_eq!(inbox("handed_over=false&meta.model=o3").await, ["c_o3"]);
    assert!(inbox("role=agent&meta.model=o3").await.is_empty());
    assert_eq!(inbox("locale=de").await, ["c_o3"]);
    assert_eq!(inbox("page=%2Fboots").await, ["c_o3"]);
    assert_eq!(inbox("page=/shoes").await.len(), 11, "c0–c9 and c_h");
    assert!(inbox("page=/boots&role=agent").await.is_empty());
    let german = read("dimension=locale").await;
    let de = german.rows.iter().find(|row| row.value == "de").unwrap();
    assert_eq!((de.ratings, de.up.unwrap().count), (7, 4));

    // The Overview's "AI and people" card: one conversation each side.
    let (status, body) = collector.owner_get(&site, "overview?days=7").await.unwrap();
    assert_eq!(status, 200, "{body}");
    let overview: analytics::Overview = serde_json::from_str(&body).unwrap();
    let card = overview.hand_over;
    assert_eq!((card.assistant.offered, card.assistant.answered), (1, 1));
    assert_eq!(
        (card.assistant.average, card.person.average),
        (Some(1.0), Some(5.0))
    );
    let (share, expected) = (card.handed_over.unwrap(), wilson(1, 2).unwrap());
    assert_eq!((share.count, share.of), (1, 2));
    assert!((share.low - expected.low).abs() < 1e-12 && (share.high - expected.high).abs() < 1e-12);
    let (status, csv) = collector
        .owner_get(&site, "export?format=csv&handed_over=true")
        .await
        .unwrap();
    assert_eq!(status, 200);
    assert_eq!(csv.lines().count(), 2, "the header and c_h: {csv}");
    let row = csv.lines().nth(1).unwrap();
    assert!(row.starts_with("c_h,"), "{csv}");
    // handed_over, then the context as one JSON object (CSV-quoted).
    assert!(
        row.contains(",true,\"{\"\"variant\"\":\"\"b\"\"}\","),
        "{row}"
    );

    for bad in [
        "conversations?meta.Model=x",
        "conversations?role=system",
        "conversations?meta.a=1&meta.b=2",
        "conversations?locale=x%20y",
        "conversations?page=shoes",
    ] {
        let (status, body) = collector.owner_get(&site, bad).await.unwrap();
        assert_eq!(status, 400, "{bad}: {body}");
    }

    for bad in ["dimension=key:Model", "dimension=model", "series=a,b,c"] {
        let (status, body) = collector
            .owner_get(&site, &format!("compare?{bad}"))
            .await
            .unwrap();
        assert_eq!(status, 400, "{bad}: {body}");
        assert!(body.contains("invalid_field"), "{body}");
    }
    let (status, _) = collector
        .owner_get(
            &e2e::SiteAccess {
                key: site.key.clone(),
                secret: "wrong".into(),
            },
            "compare",
        )
        .await
        .unwrap();
    assert_eq!(status, 401);
}
