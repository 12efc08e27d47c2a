//! `cargo xtask site move` while feedback keeps arriving: every event sent
//! before, during and after the move is in the new database afterwards,
//! the owner's data came along, the old database holds nothing of the
//! site, and the owner's changes were refused (409) only while it moved.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use e2e::{
    Collector, SiteAccess, Stack, envelope, eventually, now_ms, scale5_answered, scale5_offered,
    site_cli, sql_text, thumb_event, unique,
};
use reqwest::Method;
use serde_json::{Value, json};

const ORIGIN: &str = "https://moving.shop.example";

/// What the sender got stored.
#[derive(Default, Debug)]
struct Sent {
    events: u64,
    conversations: u64,
    up: u64,
    down: u64,
    answers: u64,
}

/// Sends one batch until the collector takes it, as the widget's outbox
/// and a server would: a failure is sent again (a duplicate is harmless).
async fn deliver(collector: &Collector, site: &SiteAccess, events: Vec<Value>, as_page: bool) {
    let count = events.len() as u64;
    let body = envelope(&site.key, events).to_string();
    for attempt in 0..30u64 {
        let answer = if as_page {
            collector.post_raw(body.clone(), Some(ORIGIN), None).await
        } else {
            collector
                .post_raw(body.clone(), None, Some(&site.secret))
                .await
        };
        if let Ok(answer) = answer
            && answer.status == 200
        {
            let taken = answer.body["accepted"].as_u64().unwrap_or(0)
                + answer.body["duplicates"].as_u64().unwrap_or(0);
            assert_eq!(taken, count, "{}", answer.body);
            return;
        }
        tokio::time::sleep(Duration::from_millis(200 * (attempt + 1))).await;
    }
    panic!("a batch was refused 30 times");
}

/// Batch `n`: a new conversation with a thumb, a 1–5 prompt and its answer.
fn batch(n: u64, sent: &mut Sent) -> Vec<Value> {
    let conversation = unique("c_move");
    let at = now_ms() - 1_000;
    let rating = if n.is_multiple_of(3) { "down" } else { "up" };
    sent.events += 3;
    sent.conversations += 1;
    sent.answers += 1;
    if rating == "up" {
        sent.up += 1;
    } else {
        sent.down += 1;
    }
    vec![
        thumb_event(&unique("ev"), &conversation, "m1", rating, at),
        scale5_offered(&conversation, at),
        scale5_answered(
            &conversation,
            at + 1,
            u8::try_from(n % 5 + 1).unwrap(),
            Some(&format!("n°{n}: l'été ☀ \"fine\"")),
            true,
        ),
    ]
}

/// Sends batches, by page and by server in turn, until `stop`; then
/// `after` more.
async fn keep_sending(
    collector: Collector,
    site: SiteAccess,
    stop: Arc<AtomicBool>,
    after: u64,
) -> Sent {
    let mut sent = Sent::default();
    let mut n = 0;
    let mut left_after_stop = after;
    loop {
        if stop.load(Ordering::SeqCst) {
            if left_after_stop == 0 {
                return sent;
            }
            left_after_stop -= 1;
        }
        let events = batch(n, &mut sent);
        deliver(&collector, &site, events, n.is_multiple_of(2)).await;
        n += 1;
        // A steady stream, not a flood: the copy must catch up with it.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// `SELECT count(*)` of the site's rows in `table` on `binding`.
fn rows(stack: &Stack, binding: &str, table: &str, site: &SiteAccess) -> u64 {
    stack
        .d1_execute_on(
            binding,
            &format!(
                "SELECT count(*) AS n FROM {table} WHERE site_key = {}",
                sql_text(&site.key)
            ),
        )
        .unwrap()[0]["n"]
        .as_u64()
        .unwrap()
}

async fn owner(collector: &Collector, site: &SiteAccess, method: Method, path: &str) -> Value {
    let answer = collector
        .site_request(method, &site.key, path, Some(&site.secret), &[], None)
        .await
        .unwrap();
    assert_eq!(answer.status, 200, "{path}: {}", answer.body);
    answer.body
}

#[tokio::test]
async fn a_site_moves_to_another_database_while_feedback_keeps_arriving_and_loses_nothing() {
    let stack = Stack::from_env().unwrap();
    let collector = stack.collector();
    let site = stack.named_site("moving").unwrap();
    assert_eq!(stack.database_of(&site.key).unwrap(), "DB");

    // Before: feedback, and everything an owner keeps.
    let mut before = Sent::default();
    let planted = batch(1, &mut before);
    let commented = planted[0]["conversation_id"].as_str().unwrap().to_string();
    collector.send_all(&site, planted).await.unwrap();
    // A 👍 sent before the move, and sent again during it with the same
    // id and a corrected time: both databases keep the first.
    let (resent_id, resent_conversation) = (unique("ev"), unique("c_resent"));
    let resent = |at: i64| {
        vec![thumb_event(
            &resent_id,
            &resent_conversation,
            "m1",
            "up",
            at,
        )]
    };
    let first_at = now_ms() - 60_000;
    collector.send_all(&site, resent(first_at)).await.unwrap();
    before.events += 1;
    before.conversations += 1;
    before.up += 1;
    // Its time as stored (on the collector's clock).
    let stored_at = stack
        .d1_execute_on(
            "DB",
            &format!(
                "SELECT at FROM events WHERE site_key = {} AND event_id = {}",
                sql_text(&site.key),
                sql_text(&resent_id)
            ),
        )
        .unwrap()[0]["at"]
        .as_i64()
        .unwrap();
    let ftl = "csat-title = Wie war es bei uns?\n";
    collector.store_copy(&site, "de", ftl).await.unwrap();
    let key = collector
        .site_request(
            Method::POST,
            &site.key,
            "keys",
            Some(&site.secret),
            &[],
            Some(&json!({"name": "Marie", "scope": "wording"})),
        )
        .await
        .unwrap();
    assert!(key.status < 300, "{}", key.body);
    let saved = collector
        .set_setting(&site, "shop_name", json!("Moving Outdoor Shop"))
        .await
        .unwrap();
    assert_eq!(saved.status, 200, "{}", saved.body);

    // The move, with feedback arriving all along.
    let stop = Arc::new(AtomicBool::new(false));
    let sender = tokio::spawn(keep_sending(
        collector.clone(),
        site.clone(),
        stop.clone(),
        20,
    ));
    let key_to_move = site.key.clone();
    let mover = tokio::task::spawn_blocking(move || {
        site_cli(&["move", &key_to_move, "--to", "DB_1"]).unwrap()
    });

    // While it moves, the owner's changes wait (409, Retry-After), and so
    // do the command line's. An If-Match that never matches changes
    // nothing before then: 412 until the Worker knows of the move.
    let refused = eventually(
        "the owner's change refused",
        Duration::from_secs(150),
        || {
            let collector = collector.clone();
            let site = site.clone();
            async move {
                let answer = collector
                    .put_settings(&site, &json!({}), Some("\"never-matches\""))
                    .await?;
                Ok((answer.status == 409).then_some(answer))
            }
        },
    )
    .await;
    let refused = match refused {
        Ok(refused) => refused,
        Err(err) => {
            let moved = mover.await.unwrap();
            panic!(
                "{err}; the move printed:\n{}\n{}",
                String::from_utf8_lossy(&moved.stdout),
                String::from_utf8_lossy(&moved.stderr)
            );
        }
    };
    assert_eq!(refused.code(), "site_moving", "{}", refused.body);
    assert_eq!(refused.header("retry-after"), Some("60"));
    // The Worker writes to both databases now: the resend, a duplicate in
    // the old one, reaches the new one as the old one stored it.
    deliver(&collector, &site, resent(first_at + 5_000), false).await;
    let cli = site_cli(&["set", &site.key, "shop_name=Elsewhere"]).unwrap();
    assert!(!cli.status.success());
    assert!(
        String::from_utf8_lossy(&cli.stderr).contains("is moving to DB_1"),
        "{}",
        String::from_utf8_lossy(&cli.stderr)
    );
    // Reads go on meanwhile.
    owner(&collector, &site, Method::GET, "overview?tz=UTC").await;

    let moved = mover.await.unwrap();
    let said = String::from_utf8_lossy(&moved.stdout);
    assert!(
        moved.status.success(),
        "{said}\n{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    assert!(said.contains("now lives in DB_1"), "{said}");
    stop.store(true, Ordering::SeqCst);
    let during = sender.await.unwrap();
    assert!(during.conversations > 40, "{during:?}");

    // Everything sent is in the new database, counted once.
    assert_eq!(stack.database_of(&site.key).unwrap(), "DB_1");
    let events = before.events + during.events;
    let conversations = before.conversations + during.conversations;
    assert_eq!(rows(&stack, "DB_1", "events", &site), events);
    assert_eq!(rows(&stack, "DB_1", "conversations", &site), conversations);
    assert_eq!(
        rows(&stack, "DB_1", "message_ratings", &site),
        conversations
    );
    let overview = owner(&collector, &site, Method::GET, "overview?tz=UTC").await;
    let current = &overview["current"];
    assert_eq!(current["thumbs"]["up"], before.up + during.up, "{overview}");
    assert_eq!(
        current["thumbs"]["down"],
        before.down + during.down,
        "{overview}"
    );
    assert_eq!(
        current["csat"]["accepted"],
        before.answers + during.answers,
        "{overview}"
    );
    // The new database's rollups, kept by its triggers, agree with its rows.
    let recount = stack
        .d1_execute_on(
            "DB_1",
            &format!(
                "SELECT (SELECT sum(up) FROM thumb_rollups WHERE site_key = {key}) AS up, \
                   (SELECT sum(thumbs_up) FROM conversations WHERE site_key = {key}) AS counted, \
                   (SELECT sum(accepted) FROM csat_rollups WHERE site_key = {key}) AS accepted",
                key = sql_text(&site.key)
            ),
        )
        .unwrap();
    assert_eq!(recount[0]["up"], before.up + during.up, "{recount:?}");
    assert_eq!(recount[0]["counted"], before.up + during.up, "{recount:?}");
    assert_eq!(
        recount[0]["accepted"],
        before.answers + during.answers,
        "{recount:?}"
    );

    // The resent 👍 kept its first time, as the old database did.
    let resent = stack
        .d1_execute_on(
            "DB_1",
            &format!(
                "SELECT e.at AS event_at, m.at AS thumb_at FROM events e \
                 JOIN message_ratings m ON m.site_key = e.site_key AND m.event_id = e.event_id \
                 WHERE e.site_key = {} AND e.event_id = {}",
                sql_text(&site.key),
                sql_text(&resent_id)
            ),
        )
        .unwrap();
    assert_eq!(resent.len(), 1, "{resent:?}");
    assert_eq!(resent[0]["event_at"], stored_at, "{resent:?}");
    assert_eq!(resent[0]["thumb_at"], stored_at, "{resent:?}");

    // The shopper's text came through unchanged.
    let detail = collector
        .conversation(&site.key, Some(&site.secret), &commented)
        .await
        .unwrap();
    assert_eq!(detail.status, 200, "{}", detail.body);
    assert_eq!(
        detail.body["csat"]["CSAT_FREE_FEEDBACK"], "n°1: l'été ☀ \"fine\"",
        "{}",
        detail.body
    );

    // The owner's data came along: wording, keys, settings, their audit.
    assert!(
        collector
            .site_copy(&site.key, "de")
            .await
            .unwrap()
            .contains("Wie war es bei uns?")
    );
    let keys = owner(&collector, &site, Method::GET, "keys").await;
    assert!(keys.to_string().contains("Marie"), "{keys}");
    let audit = owner(&collector, &site, Method::GET, "settings/audit").await;
    assert!(audit.to_string().contains("shop_name"), "{audit}");
    let read = owner(&collector, &site, Method::GET, "settings").await;
    assert_eq!(read["settings"]["shop_name"], "Moving Outdoor Shop");

    // The old database holds nothing of the site, its rollups included.
    for table in [
        "sites",
        "site_origins",
        "site_keys",
        "settings_audit",
        "site_copy",
        "site_copy_versions",
        "webhook_failures",
        "webhook_outbox",
        "events",
        "message_ratings",
        "conversations",
        "thumb_rollups",
        "csat_rollups",
    ] {
        assert_eq!(rows(&stack, "DB", table, &site), 0, "{table} in DB");
    }

    // And the owner may change the site again.
    let saved = collector
        .set_setting(&site, "shop_name", json!("Moved Outdoor Shop"))
        .await
        .unwrap();
    assert_eq!(saved.status, 200, "{}", saved.body);
}
