//! The collector's operational rules on workerd with local D1: CORS with
//! several origins, dedup under concurrent resends, client clock skew,
//! rate limits per site and per client (the retention sweep is in
//! `worker_retention.rs`).
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::time::Duration;

use e2e::{Stack, envelope, now_ms, one_thumb, thumb_event, unique};
use futures_util::{StreamExt, stream};
use serde_json::json;

const DAY: i64 = 24 * 3_600_000;

fn stack() -> Stack {
    Stack::from_env().unwrap()
}

#[tokio::test]
async fn each_allowed_origin_gets_exactly_its_own_origin_back() {
    let stack = stack();
    let site = stack.named_site("inbox").unwrap();
    let collector = stack.collector();
    for origin in [
        "https://inbox.shop.example",
        "https://www.inbox.shop.example",
    ] {
        let body = envelope(&site.key, vec![]);
        let answer = collector.post(&body, origin).await.unwrap();
        assert_eq!(answer.status, 200, "{origin}");
        assert_eq!(answer.header("access-control-allow-origin"), Some(origin));
        assert!(answer.header("vary").unwrap().contains("Origin"));
        let preflight = collector.preflight(origin).await.unwrap();
        assert_eq!(
            preflight.header("access-control-allow-origin"),
            Some(origin)
        );
    }
    let refused = collector
        .post(
            &envelope(&site.key, vec![]),
            "https://inbox.shop.example.evil.example",
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 403);
    assert_eq!(refused.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn concurrent_resends_of_one_event_store_it_once() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let body = one_thumb(&stack.site.key, &conversation, "down");
    let answers: Vec<_> = stream::iter(0..10)
        .map(|_| collector.post(&body, &stack.page_origin))
        .buffer_unordered(10)
        .collect()
        .await;
    let (mut accepted, mut duplicates) = (0, 0);
    for answer in answers {
        let answer = answer.unwrap();
        assert_eq!(answer.status, 200, "{}", answer.body);
        accepted += answer.body["accepted"].as_u64().unwrap();
        duplicates += answer.body["duplicates"].as_u64().unwrap();
    }
    assert_eq!((accepted, duplicates), (1, 9));
    assert_eq!(
        collector.ratings(&stack.site, &conversation).await.unwrap(),
        e2e::thumbs(&[("m1", "down")])
    );
}

#[tokio::test]
async fn a_slow_client_clock_is_corrected_and_far_off_times_are_refused() {
    let (stack, collector, conversation) = e2e::fresh().unwrap();
    let skew = 3_600_000; // the client's clock runs an hour slow
    let client_now = now_ms() - skew;
    let body = json!({
        "site_key": stack.site.key,
        "sent_at": client_now,
        "events": [
            thumb_event(&unique("ev"), &conversation, "m1", "up", client_now - 1_000),
            thumb_event(&unique("ev"), &conversation, "m2", "up", client_now - 8 * DAY),
            thumb_event(&unique("ev"), &conversation, "m3", "up", client_now + 2 * DAY),
        ],
    });
    let answer = collector.post(&body, &stack.page_origin).await.unwrap();
    assert_eq!(answer.body["accepted"], 1, "{}", answer.body);
    let codes: Vec<_> = answer.body["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["index"].as_u64().unwrap(),
                r["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            (1, "timestamp_out_of_range".to_string()),
            (2, "timestamp_out_of_range".to_string())
        ]
    );
    let detail = collector
        .conversation(&stack.site.key, Some(&stack.site.secret), &conversation)
        .await
        .unwrap();
    let stored_at = detail.body["messages"][0]["at"].as_i64().unwrap();
    let expected = now_ms() - 1_000;
    assert!(
        (stored_at - expected).abs() < 10_000,
        "stored {stored_at}, expected about {expected}"
    );
}

#[tokio::test]
async fn a_burst_on_one_site_is_limited_while_another_site_is_not() {
    let stack = stack();
    let burst = stack.named_site("burst").unwrap();
    let collector = stack.collector();
    let body = envelope(&burst.key, vec![]).to_string();
    // The limiter counts in fixed windows, so a burst may straddle two:
    // keep sending (bounded) until a refusal shows up.
    let mut limited = Vec::new();
    let mut sent = 0;
    while limited.is_empty() && sent < 5_000 {
        let answers: Vec<_> = stream::iter(0..100)
            .map(|_| collector.post_raw(body.clone(), None, Some(&burst.secret)))
            .buffer_unordered(32)
            .collect()
            .await;
        sent += 100;
        limited.extend(
            answers
                .into_iter()
                .map(Result::unwrap)
                .filter(|answer| answer.status == 429),
        );
    }
    assert!(
        !limited.is_empty(),
        "{sent} requests in a burst were never limited"
    );
    assert!(
        sent > 1_000,
        "limited after only {sent} requests; the limit is 1000 per 10 s"
    );
    assert_eq!(limited[0].code(), "rate_limited");
    assert_eq!(limited[0].header("retry-after"), Some("10"));

    let other = stack.other_site.clone();
    let answer = collector
        .post_raw(
            envelope(&other.key, vec![]).to_string(),
            None,
            Some(&other.secret),
        )
        .await
        .unwrap();
    assert_eq!(
        answer.status, 200,
        "another site is unaffected: {}",
        answer.body
    );
}

#[tokio::test]
async fn one_noisy_browser_is_limited_while_other_browsers_are_not() {
    let stack = stack();
    let site = stack.named_site("client_burst").unwrap();
    let origin = "https://client-burst.shop.example";
    let http = e2e::http_client();
    let send = |ip: &'static str| {
        let http = http.clone();
        let url = format!("{}/v1/events", stack.worker_url);
        let body = envelope(&site.key, vec![]).to_string();
        async move {
            let response = http
                .post(url)
                .header("Origin", origin)
                .header("CF-Connecting-IP", ip)
                .header("Content-Type", "text/plain")
                .body(body)
                .send()
                .await
                .unwrap();
            let retry_after = response
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_string());
            (response.status().as_u16(), retry_after)
        }
    };
    // The limiter counts in fixed windows, so a burst may straddle two:
    // keep sending (bounded) until a refusal shows up.
    let mut limited = Vec::new();
    let mut sent = 0;
    while limited.is_empty() && sent < 1_000 {
        let noisy: Vec<_> = stream::iter(0..50)
            .map(|_| send("203.0.113.9"))
            .buffer_unordered(16)
            .collect()
            .await;
        sent += 50;
        limited.extend(noisy.into_iter().filter(|(status, _)| *status == 429));
    }
    assert!(
        !limited.is_empty(),
        "{sent} requests from one browser were never limited"
    );
    assert!(
        sent > 120,
        "limited after only {sent} requests; the limit is 120 a minute"
    );
    assert_eq!(limited[0].1.as_deref(), Some("60"));
    let (status, _) = send("203.0.113.10").await;
    assert_eq!(
        status, 200,
        "another browser of the same site is unaffected"
    );
}

/// Sends an empty batch for `site_key` as a browser at `ip` on `origin`
/// (`None`: server to server, without a secret); the status.
async fn send_as(
    http: &reqwest::Client,
    stack: &Stack,
    site_key: &str,
    origin: Option<&str>,
    ip: &str,
) -> u16 {
    let mut request = http
        .post(format!("{}/v1/events", stack.worker_url))
        .header("CF-Connecting-IP", ip)
        .header("Content-Type", "text/plain")
        .body(envelope(site_key, vec![]).to_string());
    if let Some(origin) = origin {
        request = request.header("Origin", origin);
    }
    request.send().await.unwrap().status().as_u16()
}

/// Sends as `ip` until one answer is a 429 (at most `cap` requests); how
/// many were sent.
async fn until_limited(
    http: &reqwest::Client,
    stack: &Stack,
    site_key: &str,
    origin: Option<&str>,
    ip: &str,
    cap: usize,
) -> usize {
    let mut sent = 0;
    while sent < cap {
        let answers: Vec<u16> = stream::iter(0..25)
            .map(|_| send_as(http, stack, site_key, origin, ip))
            .buffer_unordered(8)
            .collect()
            .await;
        sent += answers.len();
        if answers.contains(&429) {
            return sent;
        }
    }
    panic!("{sent} requests from {ip} were never limited");
}

#[tokio::test]
async fn one_flooding_browser_does_not_lock_the_other_shoppers_of_its_site_out() {
    let stack = stack();
    let site = stack.named_site("flood").unwrap();
    let origin = "https://flood.shop.example";
    let http = e2e::http_client();
    let flooding = std::sync::atomic::AtomicBool::new(true);
    // One browser sends 3,000 requests as fast as it can: far past its own
    // 120 a minute, and, counted against the site, past the site's 1,000
    // per 10 s.
    let flood = async {
        let answers: Vec<u16> = stream::iter(0..3_000)
            .map(|_| send_as(&http, &stack, &site.key, Some(origin), "203.0.113.50"))
            .buffer_unordered(32)
            .collect()
            .await;
        flooding.store(false, std::sync::atomic::Ordering::Relaxed);
        answers
    };
    // Meanwhile another shopper of the same site keeps sending.
    let shopper = async {
        let mut answers = Vec::new();
        while flooding.load(std::sync::atomic::Ordering::Relaxed) {
            answers.push(send_as(&http, &stack, &site.key, Some(origin), "203.0.113.51").await);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        answers
    };
    let (flood, shopper) = tokio::join!(flood, shopper);
    let refused = flood.iter().filter(|status| **status == 429).count();
    assert!(
        refused > 2_000,
        "the flood was refused only {refused} times out of 3,000"
    );
    assert!(
        shopper.len() >= 5,
        "the other shopper sent only {} requests during the flood",
        shopper.len()
    );
    assert!(
        shopper.iter().all(|status| *status == 200),
        "the other shopper was refused during the flood: {shopper:?}"
    );
    let server = stack
        .collector()
        .post_raw(
            envelope(&site.key, vec![]).to_string(),
            None,
            Some(&site.secret),
        )
        .await
        .unwrap();
    assert_eq!(server.status, 200, "the site's own server: {}", server.body);
}

#[tokio::test]
async fn an_ipv6_browser_counts_by_its_64_and_unknown_keys_are_limited_too() {
    let stack = stack();
    let site = stack.named_site("client_v6").unwrap();
    let origin = "https://client-v6.shop.example";
    let http = e2e::http_client();
    until_limited(
        &http,
        &stack,
        &site.key,
        Some(origin),
        "2001:db8:0:1::1",
        1_000,
    )
    .await;
    assert_eq!(
        send_as(
            &http,
            &stack,
            &site.key,
            Some(origin),
            "2001:db8:0:1:ffff::2"
        )
        .await,
        429,
        "another address in the same /64 is the same client"
    );
    assert_eq!(
        send_as(&http, &stack, &site.key, Some(origin), "2001:db8:0:2::1").await,
        200,
        "the next /64 is another client"
    );

    // A key no site has, sent without Origin: refused (401), and a client
    // that keeps trying is limited like any other.
    let nobody = "pk_nobody_floods_this";
    assert_eq!(
        send_as(&http, &stack, nobody, None, "203.0.113.60").await,
        401
    );
    until_limited(&http, &stack, nobody, None, "203.0.113.60", 1_000).await;
    assert_eq!(
        send_as(&http, &stack, nobody, None, "203.0.113.61").await,
        401,
        "other clients still get the plain refusal"
    );

    // From a page, with a new made-up key each time: still one budget.
    let mut statuses = Vec::new();
    while !statuses.contains(&429) && statuses.len() < 1_000 {
        let key = unique("pk_made_up");
        statuses.push(send_as(&http, &stack, &key, Some(origin), "203.0.113.62").await);
    }
    assert!(
        statuses.contains(&429),
        "{} made-up keys from one browser were never limited",
        statuses.len()
    );
    assert!(
        statuses.len() > 100,
        "limited after {} requests",
        statuses.len()
    );
}
