//! Negative feedback reaches the site's webhook through a queue, signed
//! with the site's webhook secret (`t=…,v1=…`); local receivers on loopback
//! check the signature, hang, or fail. The Worker runs with a 1.5 s
//! timeout per POST and retries 1 s apart (`xtask/src/test.rs`).
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::receiver::{Inbox, Received, accept_request, answer, receive};
use e2e::{Stack, csat_event, now_ms, thumb_event, unique};
use protocol::secret::{
    SIGNATURE_HEADER, WEBHOOK_TOLERANCE_SECONDS, WebhookRefusal, hash_secret, verify_webhook,
};
use protocol::{EventId, WebhookBody, WebhookFailures};
use serde_json::{Value, json};
use tokio::io::AsyncReadExt;
use tokio::net::TcpListener;

/// Whether `received` is signed with `secret`, by the receiver's check.
fn verify(received: &Received, secret: &str) -> Result<(), WebhookRefusal> {
    verify_webhook(
        secret,
        received.header(SIGNATURE_HEADER).unwrap_or(""),
        &received.body,
        now_ms() / 1_000,
        WEBHOOK_TOLERANCE_SECONDS,
    )
}

/// Runs the README's `verify-webhook.mjs` block in Node on each case
/// (secret, header, body, now in seconds); what it answered for each.
fn readme_verifier(cases: &[(&str, &str, &[u8], i64)]) -> Vec<bool> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let (_, after_marker) = readme
        .split_once("<!-- verify-webhook.mjs")
        .expect("the README's verifying example has moved");
    let (_, block) = after_marker.split_once("```js\n").unwrap();
    let (module, _) = block.split_once("```").unwrap();
    let dir = std::env::temp_dir().join(unique("verify-webhook"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("verify-webhook.mjs"), module).unwrap();
    std::fs::write(
        dir.join("run.mjs"),
        "import { verifyFeedbackWebhook } from './verify-webhook.mjs';\n\
         const cases = JSON.parse(process.argv[2]);\n\
         console.log(JSON.stringify(cases.map(([secret, header, body, now]) =>\n\
           verifyFeedbackWebhook(secret, header, Buffer.from(body), now))));\n",
    )
    .unwrap();
    let cases: Vec<Value> = cases
        .iter()
        .map(|(secret, header, body, now)| json!([secret, header, body, now]))
        .collect();
    let output = std::process::Command::new("node")
        .arg(dir.join("run.mjs"))
        .arg(Value::from(cases).to_string())
        .output()
        .expect("node runs the README's example");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        output.status.success(),
        "the README's example failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The ids of the events a webhook body carries.
fn event_ids(body: &[u8]) -> Vec<String> {
    let body: WebhookBody<EventId> = serde_json::from_slice(body).unwrap();
    body.events.into_iter().map(|event| event.id).collect()
}

#[tokio::test]
async fn thumbs_down_and_low_csat_are_posted_signed_and_praise_is_not() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("webhook").unwrap();
    let receiver = stack.webhook_receiver("webhook").unwrap();
    let listener = TcpListener::bind(("127.0.0.1", receiver.port))
        .await
        .unwrap();
    let conversation = unique("c");
    let now = now_ms();

    // Praise only: nothing is posted.
    stack
        .collector()
        .send_all(
            &site,
            vec![thumb_event(&unique("ev"), &conversation, "m1", "up", now)],
        )
        .await
        .unwrap();
    // Nothing is waited for here: had the 👍 been posted, its webhook would
    // be sent before the next request's and be the first one received
    // below, whose events must then be exactly the 👎 and the low CSAT.

    let down_id = unique("ev");
    let low_id = unique("ev");
    stack
        .collector()
        .send_all(
            &site,
            vec![
                // With where the answer came from (#30): the body carries it.
                {
                    let mut down = thumb_event(&down_id, &conversation, "m2", "down", now + 1);
                    down["role"] = json!("agent");
                    down["meta"] = json!({"trace_id": "tr-1", "model": "gpt-4o"});
                    down["page"] = json!("/shoes");
                    // Personal data is redacted before the webhook (#32).
                    down["reason"] = json!("mail me at jane@example.com");
                    down
                },
                csat_event(
                    "csat_response",
                    &low_id,
                    &conversation,
                    now + 2,
                    json!({"mode": "thumbs", "score": 1, "context": {"variant": "b"}, "handed_over": true,
                           "comment": "call 030 1234567"}),
                ),
                csat_event(
                    "csat_offered",
                    &unique("ev"),
                    &conversation,
                    now,
                    json!({"mode": "thumbs"}),
                ),
            ],
        )
        .await
        .unwrap();
    let received = tokio::time::timeout(Duration::from_secs(15), async {
        receive(&listener).await.unwrap()
    })
    .await
    .expect("the webhook was not called");

    // Signed with the site's own webhook secret, over the time and the
    // body; not with the site secret's hash, as it once was.
    assert_eq!(verify(&received, &receiver.signing_secret), Ok(()));
    assert_eq!(
        verify(&received, &hash_secret(&site.secret)),
        Err(WebhookRefusal::Mismatch)
    );
    let payload: Value = serde_json::from_slice(&received.body).unwrap();
    assert_eq!(payload["site_key"], site.key.as_str());
    assert_eq!(event_ids(&received.body), vec![down_id, low_id]);
    let events = payload["events"].as_array().unwrap();
    assert_eq!(events[0]["role"], "agent");
    assert_eq!(
        events[0]["meta"],
        json!({"model": "gpt-4o", "trace_id": "tr-1"})
    );
    assert_eq!(events[0]["page"], "/shoes");
    assert_eq!(events[1]["context"], json!({"variant": "b"}));
    assert_eq!(events[1]["handed_over"], true);
    assert_eq!(events[0]["reason"], "mail me at [email]");
    assert_eq!(events[1]["comment"], "call [phone]");

    // The README's Node example accepts this delivery, and refuses it
    // tampered with, replayed later, re-dated, or under another secret.
    let secret = receiver.signing_secret.as_str();
    let header = received.header(SIGNATURE_HEADER).unwrap();
    let body = received.body.as_slice();
    let now = now_ms() / 1_000;
    let mut tampered = body.to_vec();
    tampered[body.len() / 2] ^= 1;
    let (time, signature) = header.split_once(",v1=").unwrap();
    let sent_at: i64 = time.trim_start_matches("t=").parse().unwrap();
    let redated = format!("t={now_plus},v1={signature}", now_plus = sent_at + 400);
    assert_eq!(
        readme_verifier(&[
            (secret, header, body, now),
            (secret, header, body, sent_at + 299),
            (secret, header, &tampered, now),
            (secret, header, body, sent_at + 301),
            (secret, &redated, body, sent_at + 400),
            ("whsec_someone_else", header, body, now),
            (secret, "", body, now),
        ]),
        [true, true, false, false, false, false, false]
    );
}

/// Sends one 👎 to `site` server to server; its event id.
async fn send_thumbs_down(stack: &Stack, site: &e2e::SiteAccess, conversation: &str) -> String {
    let id = unique("ev");
    stack
        .collector()
        .send_all(
            site,
            vec![thumb_event(&id, conversation, "m1", "down", now_ms())],
        )
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn a_receiver_that_hangs_is_abandoned_and_tried_again_while_the_feedback_is_already_stored() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("webhook_slow").unwrap();
    let receiver = stack.webhook_receiver("webhook_slow").unwrap();
    let listener = TcpListener::bind(("127.0.0.1", receiver.port))
        .await
        .unwrap();
    let conversation = unique("c");
    let down_id = send_thumbs_down(&stack, &site, &conversation).await;

    // The first POST arrives and is not answered.
    let (mut hanging, first) = tokio::time::timeout(Duration::from_secs(15), async {
        accept_request(&listener).await.unwrap()
    })
    .await
    .expect("the webhook was not called");
    let first_arrived = std::time::Instant::now();
    // Meanwhile the 👎 is stored and the owner can read it.
    assert_eq!(
        stack
            .collector()
            .ratings(&site, &conversation)
            .await
            .unwrap(),
        e2e::thumbs(&[("m1", "down")])
    );

    // The collector gives up on it: it closes the connection.
    let mut rest = [0u8; 64];
    let closed = tokio::time::timeout(Duration::from_secs(10), hanging.read(&mut rest))
        .await
        .expect("the collector kept waiting on a receiver that never answers");
    assert!(
        matches!(closed, Ok(0) | Err(_)),
        "the collector sent more on the abandoned connection: {closed:?}"
    );
    // And tries again, with the same body, signed afresh.
    let second = tokio::time::timeout(Duration::from_secs(15), async {
        receive(&listener).await.unwrap()
    })
    .await
    .expect("the webhook was not tried again");
    assert!(
        first_arrived.elapsed() >= Duration::from_millis(1_400),
        "the retry came before the first POST's 1.5 s timeout and 1 s backoff"
    );
    assert_eq!(second.body, first.body);
    assert_eq!(event_ids(&second.body), vec![down_id]);
    assert_eq!(verify(&first, &receiver.signing_secret), Ok(()));
    assert_eq!(verify(&second, &receiver.signing_secret), Ok(()));
}

#[tokio::test]
async fn a_receiver_that_keeps_failing_is_retried_with_backoff_then_recorded_for_the_owner() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("webhook_down").unwrap();
    let receiver = stack.webhook_receiver("webhook_down").unwrap();
    let listener = TcpListener::bind(("127.0.0.1", receiver.port))
        .await
        .unwrap();
    // Every POST gets a 500; the receiver notes when each one came.
    let (arrivals_tx, mut arrivals) = tokio::sync::mpsc::unbounded_channel();
    let failing = tokio::spawn(async move {
        loop {
            let (socket, received) = accept_request(&listener).await.unwrap();
            answer(socket, "500 Internal Server Error").await.unwrap();
            if arrivals_tx
                .send((std::time::Instant::now(), received.body))
                .is_err()
            {
                break;
            }
        }
    });
    let conversation = unique("c");
    let down_id = send_thumbs_down(&stack, &site, &conversation).await;

    let collector = stack.collector();
    let failures = e2e::eventually(
        "the failed delivery to be recorded",
        Duration::from_secs(120),
        || async {
            let (status, body) = collector.owner_get(&site, "webhook/failures").await?;
            anyhow::ensure!(status == 200, "webhook/failures answered {status}: {body}");
            let failures: WebhookFailures = serde_json::from_str(&body)?;
            Ok((!failures.failures.is_empty()).then_some(failures))
        },
    )
    .await
    .unwrap();
    failing.abort();

    let mut times = Vec::new();
    while let Ok((at, body)) = arrivals.try_recv() {
        assert_eq!(event_ids(&body), vec![down_id.clone()]);
        times.push(at);
    }
    // The first try and the 12 retries `wrangler.toml` allows, each after
    // the 1 s backoff the tests configure.
    assert_eq!(times.len(), 13, "tries before the dead-letter queue");
    for pair in times.windows(2) {
        assert!(
            pair[1] - pair[0] >= Duration::from_millis(900),
            "a retry came {:?} after the try before it",
            pair[1] - pair[0]
        );
    }
    assert_eq!(failures.failures.len(), 1);
    let failure = &failures.failures[0];
    assert_eq!(failure.event_ids, vec![down_id]);
    assert!(failure.failed_at >= failure.queued_at);
    // The feedback itself was never at risk.
    assert_eq!(
        collector.ratings(&site, &conversation).await.unwrap(),
        e2e::thumbs(&[("m1", "down")])
    );
    // Only the owner reads the failures.
    let other = stack.named_site("webhook").unwrap();
    let stranger = e2e::SiteAccess {
        key: site.key.clone(),
        secret: other.secret,
    };
    let (status, _) = collector
        .owner_get(&stranger, "webhook/failures")
        .await
        .unwrap();
    assert_eq!(status, 401);
}

/// Sends one 👎 to `site` server to server, asking the collector for
/// `fault` (`edge-worker/src/faults.rs`); its event id and the report.
async fn send_thumbs_down_with_fault(
    stack: &Stack,
    site: &e2e::SiteAccess,
    conversation: &str,
    fault: &str,
) -> (String, Value) {
    let id = unique("ev");
    let body = e2e::envelope(
        &site.key,
        vec![thumb_event(&id, conversation, "m1", "down", now_ms())],
    );
    let response = e2e::http_client()
        .post(format!("{}/v1/events", stack.worker_url))
        .bearer_auth(&site.secret)
        .header("X-Local-Fault", fault)
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    (id, response.json().await.unwrap())
}

/// Receives deliveries, answering each 204, until one carries `wanted`;
/// every event id received on the way, each once.
async fn receive_until(listener: &TcpListener, wanted: &str) -> std::collections::BTreeSet<String> {
    let mut ids = std::collections::BTreeSet::new();
    let found = tokio::time::timeout(Duration::from_secs(30), async {
        while !ids.contains(wanted) {
            ids.extend(event_ids(&receive(listener).await.unwrap().body));
        }
    })
    .await;
    assert!(found.is_ok(), "no delivery carried {wanted}; got {ids:?}");
    ids
}

/// Waits until the outbox row of `event_id` is marked queued (the mark
/// follows the queue's acceptance, which the delivery may overtake).
async fn marked_queued(stack: &Stack, site: &e2e::SiteAccess, event_id: &str) {
    e2e::eventually(
        "the outbox row marked queued",
        Duration::from_secs(10),
        || async {
            Ok(outbox_queued_at(stack, site, event_id)
                .is_i64()
                .then_some(()))
        },
    )
    .await
    .unwrap();
}

/// The outbox row of `event_id`: when it was queued (`null` while owed).
fn outbox_queued_at(stack: &Stack, site: &e2e::SiteAccess, event_id: &str) -> Value {
    let rows = stack
        .d1_execute_for(
            &site.key,
            &format!(
                "SELECT queued_at FROM webhook_outbox WHERE site_key = {} AND event_id = {}",
                e2e::sql_text(&site.key),
                e2e::sql_text(event_id)
            ),
        )
        .unwrap();
    assert_eq!(rows.len(), 1, "one outbox row for {event_id}: {rows:?}");
    rows[0]["queued_at"].clone()
}

#[tokio::test]
async fn a_thumbs_down_is_delivered_from_what_is_stored_after_a_lost_answer_or_a_request_that_ended_first()
 {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("webhook_retry").unwrap();
    let receiver = stack.webhook_receiver("webhook_retry").unwrap();
    let listener = TcpListener::bind(("127.0.0.1", receiver.port))
        .await
        .unwrap();

    // D1 commits the batch and its answer is lost: the retry finds the
    // 👎 stored. The report still counts it as this request's, and the
    // delivery it is owed still goes out, once per event id.
    let conversation = unique("c");
    let (lost_id, report) =
        send_thumbs_down_with_fault(&stack, &site, &conversation, "lose-batch-answer").await;
    assert_eq!(report["accepted"], 1, "{report}");
    assert_eq!(report["duplicates"], 0, "{report}");
    let received = receive_until(&listener, &lost_id).await;
    assert_eq!(received, [lost_id.clone()].into());
    marked_queued(&stack, &site, &lost_id).await;

    // The request ends before it queues anything: the 👎 is owed in the
    // database, and the sweep queues it once it is a minute old.
    let (owed_id, report) =
        send_thumbs_down_with_fault(&stack, &site, &conversation, "skip-webhook-queue").await;
    assert_eq!(report["accepted"], 1, "{report}");
    assert_eq!(outbox_queued_at(&stack, &site, &owed_id), Value::Null);
    stack
        .d1_execute_for(
            &site.key,
            &format!(
                "UPDATE webhook_outbox SET stored_at = stored_at - 120000 WHERE event_id = {}",
                e2e::sql_text(&owed_id)
            ),
        )
        .unwrap();
    let trigger = reqwest::get(format!("{}/__scheduled?cron=*/2+*+*+*+*", stack.worker_url))
        .await
        .unwrap();
    assert!(trigger.status().is_success());
    let received = receive_until(&listener, &owed_id).await;
    // An earlier delivery may come again; nothing else does.
    assert!(
        received.iter().all(|id| *id == owed_id || *id == lost_id),
        "{received:?}"
    );
    marked_queued(&stack, &site, &owed_id).await;
}

/// A shop whose webhook names a host that does not resolve: workerd
/// fails that fetch with an error the consumer's invocation does not
/// survive whole, and the local Queue then hands back every message of
/// the batch, delivered ones too. The other shops' receivers must still
/// get each delivery once.
#[tokio::test]
async fn a_webhook_whose_host_does_not_resolve_costs_no_other_shop_a_second_delivery() {
    let stack = Stack::from_env().unwrap();
    let unresolvable = stack.named_site("webhook_unresolvable").unwrap();
    let neighbour = stack.named_site("webhook_neighbour").unwrap();
    let receiver = stack.webhook_receiver("webhook_neighbour").unwrap();
    let mut inbox = Inbox::listen(receiver.port).await.unwrap();
    let mut received = Vec::new();
    let mut receive_until = async |wanted: &str, received: &mut Vec<String>| loop {
        let delivery = inbox.next(Duration::from_secs(60)).await.unwrap();
        verify(&delivery, &receiver.signing_secret).unwrap();
        let ids = event_ids(&delivery.body);
        let done = ids.iter().any(|id| id == wanted);
        received.extend(ids);
        if done {
            return;
        }
    };

    // Both at once, so their deliveries reach the consumer together.
    let (here, there) = (unique("c"), unique("c"));
    let (first, _) = tokio::join!(
        send_thumbs_down(&stack, &neighbour, &here),
        send_thumbs_down(&stack, &unresolvable, &there),
    );
    receive_until(&first, &mut received).await;
    // A copy of the first is queued again when that batch ends, before
    // the third is sent (after the second has arrived): everything up to
    // the third is everything the receiver will get.
    let second = send_thumbs_down(&stack, &neighbour, &unique("c")).await;
    receive_until(&second, &mut received).await;
    let third = send_thumbs_down(&stack, &neighbour, &unique("c")).await;
    receive_until(&third, &mut received).await;
    assert_eq!(received, [first, second, third], "a delivery came twice");
}
