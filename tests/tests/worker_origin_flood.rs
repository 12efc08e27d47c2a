//! A flood of made-up `Origin`s from one client: each origin no isolate
//! remembers costs the client a lookup from its budget (20 a minute)
//! before any database is read, so after the first few the flood costs no
//! reads at all, while a real site's shopper keeps being answered.
//!
//! Alone in its test binary: it counts the D1 calls the Worker's isolate
//! makes (`X-Local-D1-Calls`, on every answer of a Worker that honours
//! local faults), which other tests running beside it would add to.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use e2e::{Stack, envelope, now_ms, thumb_event, unique};

/// Flooding requests sent in all, in rounds between two shopper requests.
const FLOOD: usize = 5_000;
const ROUND: usize = 100;

/// The isolate's D1 calls so far, as an answer tells them.
fn d1_calls(response: &reqwest::Response) -> u64 {
    response
        .headers()
        .get("x-local-d1-calls")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse().ok())
        .expect("the Worker counts its D1 calls (LOCAL_FAULTS)")
}

#[tokio::test]
async fn a_flood_of_made_up_origins_costs_no_reads_and_a_real_shopper_keeps_being_answered() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("origin_flood").unwrap();
    let shop = "https://origin-flood.shop.example";
    let http = e2e::http_client();
    let events = format!("{}/v1/events", stack.worker_url);
    let (flooder, shopper) = ("198.51.100.77", "203.0.113.77");

    let mut reads_per_round = Vec::new();
    let mut refused_at_once = 0;
    let (mut shopper_sent, mut shopper_answered) = (0, 0);
    for round in 0..FLOOD / ROUND {
        let (mut first, mut last) = (None, 0);
        for n in 0..ROUND {
            // Preflights and refused batches, each from an origin no site has.
            let origin = format!("https://{}.flood.example", unique("o"));
            let request = if n % 2 == 0 {
                http.request(reqwest::Method::OPTIONS, &events)
                    .header("Access-Control-Request-Method", "POST")
            } else {
                http.post(&events).body("{}")
            };
            let response = request
                .header("Origin", &origin)
                .header("CF-Connecting-IP", flooder)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            assert!(
                [400, 403, 422, 429].contains(&status),
                "round {round}: a flooding request got {status}"
            );
            if status == 429 {
                refused_at_once += 1;
            }
            let calls = d1_calls(&response);
            first.get_or_insert(calls);
            last = calls;
        }
        // The calls the round's requests after its first one made.
        reads_per_round.push(last - first.unwrap_or(last));

        let conversation = unique("c");
        let response = http
            .post(&events)
            .header("Origin", shop)
            .header("CF-Connecting-IP", shopper)
            .body(
                envelope(
                    &site.key,
                    vec![thumb_event(
                        &unique("ev"),
                        &conversation,
                        "m1",
                        "up",
                        now_ms(),
                    )],
                )
                .to_string(),
            )
            .send()
            .await
            .unwrap();
        shopper_sent += 1;
        if response.status() == 200 {
            shopper_answered += 1;
        }
    }

    // What BENCHMARKS.md records ("A flood of made-up origins"); shown by
    // `cargo xtask test --e2e-only a_flood_of_made_up_origins`.
    let reads: u64 = reads_per_round.iter().sum();
    let later: u64 = reads_per_round[1..].iter().sum();
    println!(
        "D1 calls per flooding request: {:.4} over all {FLOOD}, {:.4} after the first {ROUND} \
         (first round: {}); flooding requests answered 429 without a lookup: {refused_at_once}; \
         the real shopper's requests answered: {shopper_answered} of {shopper_sent} ({:.1} %)",
        reads as f64 / FLOOD as f64,
        later as f64 / (FLOOD - ROUND) as f64,
        reads_per_round[0],
        100.0 * f64::from(shopper_answered) / f64::from(shopper_sent),
    );
    assert!(
        reads_per_round[0] > 0,
        "the first lookups read the databases"
    );
    assert_eq!(
        reads_per_round[1..].iter().sum::<u64>(),
        0,
        "D1 calls per round of {ROUND}: {reads_per_round:?}"
    );
    assert!(refused_at_once > 0, "the flooder was never refused");
    assert_eq!(
        shopper_answered, shopper_sent,
        "the real shopper was refused"
    );
}
