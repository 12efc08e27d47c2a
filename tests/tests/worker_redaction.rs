//! Personal data redacted at the edge (#32 §3), on local workerd with
//! real D1: what a site keeps holds tokens where the shopper wrote an
//! address, a phone, a card or an IBAN, in D1 itself, in the read API and
//! in the export; on the direct route and behind the queue. A site's own
//! patterns remove or keep; turned off, text is kept as written, and what
//! was redacted before stays so. (The webhook's body: `worker_webhook`.)
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::{
    Collector, QUEUE_WRITE_WITHIN, SiteAccess, Stack, csat_event, envelope, eventually, now_ms,
    sql_text, thumb_event, unique,
};
use serde_json::{Value, json};

/// What a shopper and the assistant wrote, with personal data in each
/// field that may hold text.
const QUESTION: &str = "Can you send it to jane.doe@example.com or call +49 30 1234567?";
const ANSWER: &str = "Sure, we will call 030 1234567 tomorrow.";
const REASON: &str = "I paid with 4111 1111 1111 1111 and was charged twice";
const COMMENT: &str = "Refund to DE89 3704 0044 0532 0130 00 please, order ORD-123456";

/// What must never be stored.
const ORIGINALS: [&str; 5] = [
    "jane.doe@example.com",
    "1234567",
    "4111 1111 1111 1111",
    "DE89 3704",
    "0532 0130",
];

/// A 👎 with a question, an answer and a reason, and a low satisfaction
/// answer with a comment, in a new conversation.
fn events(conversation: &str) -> Vec<Value> {
    let now = now_ms();
    let mut down = thumb_event(&unique("ev"), conversation, "m1", "down", now);
    down["question"] = json!(QUESTION);
    down["answer"] = json!(ANSWER);
    down["reason"] = json!(REASON);
    vec![
        down,
        csat_event(
            "csat_response",
            &unique("ev"),
            conversation,
            now + 1,
            json!({"mode": "scale5", "score": 1, "comment": COMMENT}),
        ),
    ]
}

/// Every stored event body of `conversation`, read from D1 itself.
fn stored_bodies(stack: &Stack, site: &SiteAccess, conversation: &str) -> String {
    let rows = stack
        .d1_execute_for(
            &site.key,
            &format!(
                "SELECT body FROM events WHERE site_key = {} AND conversation_id = {}",
                sql_text(&site.key),
                sql_text(conversation)
            ),
        )
        .unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    rows.iter()
        .map(|row| row["body"].as_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The conversation as the read API gives it.
async fn read(collector: &Collector, site: &SiteAccess, conversation: &str) -> String {
    let read = collector
        .conversation(&site.key, Some(&site.secret), conversation)
        .await
        .unwrap();
    assert_eq!(read.status, 200, "{}", read.body);
    read.body.to_string()
}

/// The rated-answers export of the last day.
async fn exported(stack: &Stack, site: &SiteAccess) -> String {
    e2e::http_client()
        .get(format!(
            "{}/v1/sites/{}/export?kind=rated_answers&format=jsonl&days=1",
            stack.worker_url, site.key
        ))
        .bearer_auth(&site.secret)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

fn assert_redacted(what: &str, text: &str) {
    for original in ORIGINALS {
        assert!(
            !text.contains(original),
            "{what} holds {original:?}: {text}"
        );
    }
    for token in ["[email]", "[phone]", "[card]", "[iban]"] {
        assert!(text.contains(token), "{what} lacks {token}: {text}");
    }
}

#[tokio::test]
async fn a_new_sites_kept_text_is_redacted_in_d1_the_read_api_and_the_export() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("redaction").unwrap();
    let collector = stack.collector();
    let conversation = unique("c");
    collector
        .send_all(&site, events(&conversation))
        .await
        .unwrap();
    assert_redacted("D1", &stored_bodies(&stack, &site, &conversation));
    let api = read(&collector, &site, &conversation).await;
    assert_redacted("the read API", &api);
    // Each field as the shopper wrote it, with a token for what it held.
    assert!(
        api.contains("Can you send it to [email] or call [phone]?"),
        "{api}"
    );
    assert!(
        api.contains("Sure, we will call [phone] tomorrow."),
        "{api}"
    );
    assert!(
        api.contains("I paid with [card] and was charged twice"),
        "{api}"
    );
    assert!(
        api.contains("Refund to [iban] please, order ORD-123456"),
        "{api}"
    );
    let export = exported(&stack, &site).await;
    assert!(export.contains(&conversation), "{export}");
    for original in ORIGINALS {
        assert!(!export.contains(original), "the export holds {original:?}");
    }
}

#[tokio::test]
async fn a_sites_patterns_apply_and_turning_redaction_off_keeps_what_was_redacted() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("redaction_settings").unwrap();
    let collector = stack.collector();
    let saved = collector
        .set_setting(
            &site,
            "redaction",
            json!({"enabled": true, "patterns": [
                {"prefix": "ORD-", "action": "remove"},
                {"prefix": "Kunde", "action": "keep"},
            ]}),
        )
        .await
        .unwrap();
    assert_eq!(saved.status, 200, "{}", saved.body);
    let first = unique("c");
    let mut with_patterns = events(&first);
    with_patterns[0]["reason"] = json!("Kunde 0301234567, call 0301234567");
    collector.send_all(&site, with_patterns).await.unwrap();
    let api = read(&collector, &site, &first).await;
    assert!(api.contains("order ORD-[number]"), "{api}");
    assert!(api.contains("Kunde 0301234567, call [phone]"), "{api}");

    // Off: new text is kept as written; what was stored stays redacted.
    let off = collector
        .set_setting(
            &site,
            "redaction",
            json!({"enabled": false, "patterns": []}),
        )
        .await
        .unwrap();
    assert_eq!(off.status, 200, "{}", off.body);
    // A collector remembers a site's settings for up to 30 seconds (README,
    // "Sites"): new conversations until one is kept as written.
    let kept = eventually(
        "text kept as written once redaction is off",
        Duration::from_secs(45),
        || {
            let (collector, site) = (&collector, &site);
            async move {
                // One new conversation a second, not one per poll.
                tokio::time::sleep(Duration::from_secs(1)).await;
                let second = unique("c");
                collector.send_all(site, events(&second)).await?;
                let kept = read(collector, site, &second).await;
                Ok(kept.contains(QUESTION).then_some(kept))
            }
        },
    )
    .await
    .unwrap();
    assert!(kept.contains(COMMENT) && kept.contains(ANSWER), "{kept}");
    let before = read(&collector, &site, &first).await;
    assert!(before.contains("order ORD-[number]"), "{before}");
    assert!(!before.contains("jane.doe@example.com"), "{before}");

    // A pattern the collector cannot use is refused by name, and changes
    // nothing.
    let refused = collector
        .set_setting(
            &site,
            "redaction",
            json!({"enabled": true, "patterns": [{"prefix": "ORD1", "action": "remove"}]}),
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body["errors"]["redaction.patterns"]
            .as_str()
            .unwrap()
            .starts_with("pattern 1: "),
        "{}",
        refused.body
    );
    let settings = collector.settings(&site).await.unwrap();
    assert_eq!(
        settings.body["settings"]["redaction"]["enabled"], false,
        "{}",
        settings.body
    );
}

#[tokio::test]
async fn text_behind_the_queue_is_redacted_before_d1() {
    let var = |name: &str| std::env::var(name).unwrap();
    let collector = Collector::at(&var("E2E_QUEUE_WORKER_URL"));
    let site = SiteAccess {
        key: var("E2E_QUEUE_SITE_KEY"),
        secret: var("E2E_QUEUE_SITE_SECRET"),
    };
    let conversation = unique("c");
    let answer = collector
        .post_raw(
            envelope(&site.key, events(&conversation)).to_string(),
            None,
            Some(&site.secret),
        )
        .await
        .unwrap();
    assert_eq!(answer.status, 202, "{}", answer.body);
    let stored = eventually(
        "the queued events to be written",
        QUEUE_WRITE_WITHIN,
        || {
            let (collector, site, conversation) = (&collector, &site, &conversation);
            async move {
                let read = collector
                    .conversation(&site.key, Some(&site.secret), conversation)
                    .await?;
                let written = read.status == 200
                    && read.body["messages"]
                        .as_array()
                        .is_some_and(|m| !m.is_empty());
                Ok(written.then(|| read.body.to_string()))
            }
        },
    )
    .await
    .unwrap();
    // The queue's site keeps no question or answer; the reason and the
    // comment are redacted.
    assert!(
        stored.contains("I paid with [card] and was charged twice"),
        "{stored}"
    );
    assert!(stored.contains("Refund to [iban] please"), "{stored}");
    assert!(
        !stored.contains("4111") && !stored.contains("DE89"),
        "{stored}"
    );
}
