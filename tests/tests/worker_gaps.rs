//! Recommendations → knowledge gaps: thumbs-downs on similar shopper
//! questions come back as one ranked gap with its conversations.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use e2e::{Stack, now_ms, thumb_event, unique};
use serde_json::{Value, json};

fn rated(conversation: &str, rating: &str, question: &str, at: i64) -> Value {
    let mut event = thumb_event(&unique("ev"), conversation, "m1", rating, at);
    event["question"] = json!(question);
    event["answer"] = json!("An answer the shopper did not like.");
    event
}

#[tokio::test]
async fn repeated_thumbs_down_on_similar_questions_surface_as_one_gap() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("gaps").unwrap();
    let collector = stack.collector();
    let now = now_ms();
    let (c1, c2, c3, c4, c5) = (
        unique("c"),
        unique("c"),
        unique("c"),
        unique("c"),
        unique("c"),
    );
    collector
        .send_all(
            &site,
            vec![
                rated(
                    &c1,
                    "down",
                    "How long does delivery take to Austria?",
                    now - 50_000,
                ),
                rated(&c2, "down", "delivery to Austria: how long?", now - 40_000),
                rated(&c3, "down", "How long is delivery to Austria", now - 30_000),
                rated(
                    &c4,
                    "up",
                    "How long does delivery to Austria take?",
                    now - 20_000,
                ),
                rated(&c5, "down", "Can I pay by invoice?", now - 10_000),
            ],
        )
        .await
        .unwrap();

    let (status, body) = collector.owner_get(&site, "gaps").await.unwrap();
    assert_eq!(status, 200, "{body}");
    let answer: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        answer["considered"], 4,
        "thumbs-downs with a question: {answer}"
    );
    let gaps = answer["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 1, "a one-off is not a gap: {answer}");
    let gap = &gaps[0];
    assert_eq!(gap["count"], 3);
    assert_eq!(gap["conversation_ids"], json!([c3, c2, c1]));
    assert!(
        gap["question"].as_str().unwrap().contains("Austria"),
        "{gap}"
    );
    // Event times are corrected by the client's clock skew (a few ms here).
    let latest = gap["latest_at"].as_i64().unwrap();
    assert!((latest - (now - 30_000)).abs() < 5_000, "{latest}");

    for bad in ["gaps?limit=0", "gaps?limit=lots", "gaps?tz=Mars/Olympus"] {
        let (status, body) = collector.owner_get(&site, bad).await.unwrap();
        assert_eq!(status, 400, "{bad}: {body}");
    }
    let (status, _) = collector
        .owner_get(&stack.other_site, &format!("../{}/gaps", site.key))
        .await
        .unwrap();
    assert_eq!(status, 401, "another site's secret reads nothing");
}

#[tokio::test]
async fn the_answer_says_truncated_only_when_more_thumbs_downs_exist_than_were_read() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("gaps_limit").unwrap();
    let collector = stack.collector();
    let now = now_ms();
    let questions = [
        "How long does delivery take to Austria?",
        "Can I pay by invoice?",
        "Do the Trail Runners run small?",
    ];
    // Exactly as many as one answer reads (5,000), in batches of 100.
    for batch in 0..50 {
        let events = (0..100)
            .map(|i| {
                let n = batch * 100 + i;
                rated(
                    &unique("c"),
                    "down",
                    questions[n % questions.len()],
                    now - 60_000 - n as i64,
                )
            })
            .collect();
        collector.send_all(&site, events).await.unwrap();
    }
    let gaps = || async {
        let (status, body) = collector.owner_get(&site, "gaps").await.unwrap();
        assert_eq!(status, 200, "{body}");
        serde_json::from_str::<Value>(&body).unwrap()
    };
    let exactly = gaps().await;
    assert_eq!(exactly["considered"], 5_000);
    assert_eq!(exactly["truncated"], false, "none left unread");

    collector
        .send_all(
            &site,
            vec![rated(&unique("c"), "down", questions[0], now - 1_000)],
        )
        .await
        .unwrap();
    let one_more = gaps().await;
    assert_eq!(one_more["considered"], 5_000);
    assert_eq!(one_more["truncated"], true, "one left unread");
}
