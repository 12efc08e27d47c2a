//! Ingest behind a Cloudflare Queue (`wrangler dev --env queue`): requests
//! are validated and answered 202, the consumer writes them to D1, a
//! resent event is still stored once, and many requests merged by the
//! queue are written whole, in several D1 batches.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use e2e::{
    Collector, QUEUE_WRITE_WITHIN, SiteAccess, csat_event, envelope, eventually, now_ms,
    thumb_event, unique,
};
use serde_json::{Value, json};

/// The queue Worker, and its site in the database `DB` (`""`) or `DB_1`
/// (`"_1"`).
fn queue_stack(database: &str) -> (Collector, SiteAccess) {
    let var = |name: &str| std::env::var(name).unwrap();
    (
        Collector::at(&var("E2E_QUEUE_WORKER_URL")),
        SiteAccess {
            key: var(&format!("E2E_QUEUE_SITE{database}_KEY")),
            secret: var(&format!("E2E_QUEUE_SITE{database}_SECRET")),
        },
    )
}

#[tokio::test]
async fn queued_events_reach_d1_and_a_resend_is_stored_once() {
    queued_round_trip("").await;
}

#[tokio::test]
async fn a_thousand_queued_events_at_once_are_each_stored_once_and_counted_right() {
    let (collector, site) = queue_stack("");
    let conversations: Vec<String> = (0..10).map(|_| unique("c")).collect();
    let now = now_ms();
    // Ten full requests at once, which the queue hands over together: each
    // conversation has ten thumbs in every request, so each spans every
    // D1 batch the consumer writes them in.
    let requests = (0..10).map(|request| {
        let events = conversations
            .iter()
            .flat_map(|conversation| {
                (0..10).map(move |k| {
                    let message = request * 10 + k;
                    let rating = if message % 2 == 0 { "up" } else { "down" };
                    thumb_event(
                        &unique("ev"),
                        conversation,
                        &format!("m{message}"),
                        rating,
                        now,
                    )
                })
            })
            .collect();
        let body = envelope(&site.key, events).to_string();
        let (collector, site) = (&collector, &site);
        async move { collector.post_raw(body, None, Some(&site.secret)).await }
    });
    for answer in futures_util::future::join_all(requests).await {
        let answer = answer.unwrap();
        assert_eq!(answer.status, 202, "{}", answer.body);
        assert_eq!(answer.body["accepted"], 100);
    }
    for conversation in &conversations {
        let read = eventually("every thumb to be written", QUEUE_WRITE_WITHIN, || {
            let (collector, site) = (&collector, &site);
            async move {
                let read = collector
                    .conversation(&site.key, Some(&site.secret), conversation)
                    .await?;
                let stored = read.body["messages"].as_array().map_or(0, Vec::len);
                Ok((read.status == 200 && stored == 100).then_some(read.body))
            }
        })
        .await
        .unwrap();
        assert_eq!(
            (read["thumbs_up"].clone(), read["thumbs_down"].clone()),
            (json!(50), json!(50)),
            "{conversation}"
        );
    }
}

#[tokio::test]
async fn queued_events_reach_the_second_database_too() {
    queued_round_trip("_1").await;
}

/// Queued events of the site in `database` reach D1, and a resend is
/// stored once.
async fn queued_round_trip(database: &str) {
    let (collector, site) = queue_stack(database);
    let conversation = unique("c");
    let event_id = unique("ev");
    let now = now_ms();
    let first = envelope(
        &site.key,
        vec![
            thumb_event(&event_id, &conversation, "m1", "down", now),
            csat_event(
                "csat_response",
                &unique("ev"),
                &conversation,
                now + 1,
                json!({"mode": "scale5", "score": 4}),
            ),
            thumb_event(&unique("ev"), &conversation, "m2", "sideways", now),
        ],
    );
    let answer = collector
        .post_raw(first.to_string(), None, Some(&site.secret))
        .await
        .unwrap();
    assert_eq!(answer.status, 202, "{}", answer.body);
    assert_eq!(answer.body["accepted"], 2);
    assert_eq!(
        answer.body["rejected"][0]["field"], "rating",
        "validation still answers at once"
    );

    let detail = eventually(
        "the consumer to write the queued events",
        QUEUE_WRITE_WITHIN,
        || {
            let collector = &collector;
            let site = &site;
            let conversation = conversation.clone();
            async move {
                let read = collector
                    .conversation(&site.key, Some(&site.secret), &conversation)
                    .await?;
                Ok((read.status == 200 && read.body["csat"]["CSAT_SCORE"] == 4)
                    .then_some(read.body))
            }
        },
    )
    .await
    .unwrap();
    assert_eq!(detail["messages"][0]["rating"], "down");

    // The same event id again, claiming another rating: the first write
    // stands. A marker in the same request (one queue message, written in
    // one go) shows when the consumer has handled the resend, whatever
    // order the queue delivers messages in.
    let marker = unique("c");
    let resent = envelope(
        &site.key,
        vec![
            thumb_event(&event_id, &conversation, "m1", "up", now + 5),
            thumb_event(&unique("ev"), &marker, "m1", "up", now + 5),
        ],
    );
    let answer = collector
        .post_raw(resent.to_string(), None, Some(&site.secret))
        .await
        .unwrap();
    assert_eq!(answer.status, 202);
    eventually(
        "the consumer to pass the resend",
        QUEUE_WRITE_WITHIN,
        || {
            let collector = &collector;
            let site = &site;
            let marker = marker.clone();
            async move {
                let read = collector
                    .conversation(&site.key, Some(&site.secret), &marker)
                    .await?;
                Ok((read.status == 200).then_some(()))
            }
        },
    )
    .await
    .unwrap();
    let read = collector
        .conversation(&site.key, Some(&site.secret), &conversation)
        .await
        .unwrap();
    let ratings: Vec<Value> = read.body["messages"].as_array().unwrap().clone();
    assert_eq!(ratings.len(), 1);
    assert_eq!(ratings[0]["rating"], "down");
    assert_eq!(read.body["thumbs_down"], 1);
}
