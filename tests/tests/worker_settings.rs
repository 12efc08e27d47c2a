//! The owner's settings on workerd with local D1: read and write with
//! their ETag, every field's problem at once (422), stale and missing
//! `If-Match` (412, 428), the audit list, a test webhook, a new site
//! secret; and named keys: every scope on every route, revocation at once,
//! and an old live key still listed and revocable behind many revoked ones.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::receiver::receive;
use e2e::{Answer, Collector, SiteAccess, Stack};
use protocol::secret::{SIGNATURE_HEADER, WEBHOOK_TOLERANCE_SECONDS, verify_webhook};
use reqwest::Method;
use serde_json::{Value, json};
use tokio::net::TcpListener;

async fn call(
    collector: &Collector,
    method: Method,
    site: &SiteAccess,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Answer {
    collector
        .site_request(method, &site.key, path, token, &[], body)
        .await
        .unwrap()
}

/// `method` on `path` with the owner's secret and no body.
async fn as_owner(collector: &Collector, method: Method, site: &SiteAccess, path: &str) -> Answer {
    call(collector, method, site, path, Some(&site.secret), None).await
}

/// Makes the named key `name` with `scope` on `site`, as its owner: its id
/// and its secret (shown this once).
async fn make_key(
    collector: &Collector,
    site: &SiteAccess,
    name: &str,
    scope: &str,
) -> (String, String) {
    let made = call(
        collector,
        Method::POST,
        site,
        "keys",
        Some(&site.secret),
        Some(&json!({"name": name, "scope": scope})),
    )
    .await;
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(made.body["scope"], scope);
    assert!(made.body["secret"].as_str().unwrap().starts_with("ak_"));
    (
        made.body["id"].as_str().unwrap().to_string(),
        made.body["secret"].as_str().unwrap().to_string(),
    )
}

/// The settings and their ETag, read with the owner's secret.
async fn settings(collector: &Collector, site: &SiteAccess) -> (Value, String) {
    let read = call(
        collector,
        Method::GET,
        site,
        "settings",
        Some(&site.secret),
        None,
    )
    .await;
    assert_eq!(read.status, 200, "{}", read.body);
    let etag = read.header("ETag").unwrap().to_string();
    assert_eq!(etag, format!("\"{}\"", read.body["etag"].as_str().unwrap()));
    (read.body["settings"].clone(), etag)
}

async fn put(
    collector: &Collector,
    site: &SiteAccess,
    settings: &Value,
    etag: Option<&str>,
) -> Answer {
    collector.put_settings(site, settings, etag).await.unwrap()
}

#[tokio::test]
async fn settings_are_written_whole_read_back_and_kept_in_the_audit_list() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("settings").unwrap();
    let collector = stack.collector();
    let (mut current, etag) = settings(&collector, &site).await;
    assert_eq!(current["csat_mode"], "thumbs");
    assert_eq!(
        current["allowed_origins"],
        json!([
            "https://settings.shop.example",
            "https://www.settings.shop.example"
        ])
    );

    current["csat_mode"] = json!("scale5");
    current["retention_days"] = json!(30);
    current["time_zone"] = json!("Europe/Berlin");
    current["reason_tags"] = json!(["wrong_answer", "too_long"]);
    current["csat_sample_percent"] = json!(40);
    current["csat_cooldown_days"] = json!(14);
    current["csat_min_assistant_messages"] = json!(2);
    // Sent in any order, kept sorted (a set of origins).
    current["allowed_origins"] = json!(["https://settings.shop.example", "http://127.0.0.1:9999"]);
    let saved = put(&collector, &site, &current, Some(&etag)).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let new_etag = saved.header("ETag").unwrap().to_string();
    assert_ne!(new_etag, etag);
    current["allowed_origins"] = json!(["http://127.0.0.1:9999", "https://settings.shop.example"]);
    assert_eq!(saved.body["settings"], current);

    let (read_back, read_etag) = settings(&collector, &site).await;
    assert_eq!(read_back, current);
    assert_eq!(read_etag, new_etag);
    // The widget follows: its public config now offers the 1-5 prompt.
    let widget = collector.site_config(&site.key, None).await.unwrap();
    assert_eq!(widget.body["csat_mode"], "scale5", "{}", widget.body);
    assert_eq!(
        (
            &widget.body["csat_sample_percent"],
            &widget.body["csat_cooldown_days"],
            &widget.body["csat_min_assistant_messages"]
        ),
        (&json!(40), &json!(14), &json!(2)),
        "the survey rules are the widget's to apply"
    );
    assert_eq!(
        widget.body["reason_tags"],
        json!(["wrong_answer", "too_long"])
    );
    // And a page on the new origin may send feedback.
    let from_new_origin = collector
        .post(
            &e2e::one_thumb(&site.key, &e2e::unique("c"), "up"),
            "http://127.0.0.1:9999",
        )
        .await
        .unwrap();
    assert_eq!(from_new_origin.status, 200, "{}", from_new_origin.body);

    // Saving the same settings again changes nothing, not even the ETag.
    let same = put(&collector, &site, &current, Some(&new_etag)).await;
    assert_eq!(same.status, 200);
    assert_eq!(same.header("ETag"), Some(new_etag.as_str()));

    let audit = as_owner(&collector, Method::GET, &site, "settings/audit").await;
    assert_eq!(audit.status, 200, "{}", audit.body);
    let entries = audit.body["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{}", audit.body);
    assert_eq!(entries[0]["actor"], "owner");
    assert_eq!(entries[0]["action"], "settings");
    let fields: Vec<&str> = entries[0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| change["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "csat_mode",
            "csat_sample_percent",
            "csat_cooldown_days",
            "csat_min_assistant_messages",
            "reason_tags",
            "retention_days",
            "time_zone",
            "allowed_origins"
        ]
    );
    assert_eq!(
        entries[0]["changes"][5],
        json!({"field": "retention_days", "old": 365, "new": 30})
    );
}

#[tokio::test]
async fn bad_settings_get_every_fields_problem_and_change_nothing() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("settings_bad").unwrap();
    let collector = stack.collector();
    let (before, etag) = settings(&collector, &site).await;
    let mut bad = before.clone();
    bad["retention_days"] = json!(0);
    bad["time_zone"] = json!("Mars/Olympus");
    bad["webhook_url"] = json!("http://169.254.169.254/latest");
    bad["allowed_origins"] = json!(["https://shop.example/checkout"]);
    bad["colour"] = json!("red");
    bad["csat_sample_percent"] = json!(101);
    bad["csat_cooldown_days"] = json!(-3);
    bad["csat_min_assistant_messages"] = json!(1.5);
    let refused = put(&collector, &site, &bad, Some(&etag)).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(refused.code(), "invalid_settings");
    let fields: Vec<&String> = refused.body["errors"].as_object().unwrap().keys().collect();
    assert_eq!(
        fields,
        [
            "allowed_origins",
            "colour",
            "csat_cooldown_days",
            "csat_min_assistant_messages",
            "csat_sample_percent",
            "retention_days",
            "time_zone",
            "webhook_url"
        ]
    );
    assert_eq!(
        refused.body["errors"]["csat_sample_percent"],
        "csat_sample_percent must be 0 to 100, not 101"
    );
    assert!(
        refused.body["errors"]["time_zone"]
            .as_str()
            .unwrap()
            .contains("not an IANA time zone")
    );
    let not_json = collector
        .put_settings(&site, &json!(["not", "an", "object"]), Some(&etag))
        .await
        .unwrap();
    assert_eq!(not_json.status, 422, "{}", not_json.body);
    // Hostile alerts: a rule out of range and a chat-ops URL to a private
    // host, each under its own field; a thousand rules, refused whole.
    let mut alerts = before.clone();
    alerts["alerts"] = json!({
        "rules": [{"kind": "thumbs_down_share", "hours": 100000, "percent": 30, "min_ratings": 5}],
        "chat_url": "https://10.1.2.3/hooks/x",
    });
    let refused = put(&collector, &site, &alerts, Some(&etag)).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    let errors = &refused.body["errors"];
    assert!(
        errors["alerts.rules"]
            .as_str()
            .unwrap()
            .contains("rule 1: `hours` must be 1 to 168"),
        "{errors}"
    );
    assert!(
        errors["alerts.chat_url"]
            .as_str()
            .unwrap()
            .contains("private"),
        "{errors}"
    );
    let many: Vec<Value> = (0..1_000)
        .map(|count| json!({"kind": "open_items", "count": count + 1}))
        .collect();
    alerts["alerts"] = json!({"rules": many, "chat_url": "https://chat.example/hook"});
    let refused = put(&collector, &site, &alerts, Some(&etag)).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body["errors"]["alerts.rules"]
            .as_str()
            .unwrap()
            .contains("at most 10 rules"),
        "{}",
        refused.body
    );
    assert_eq!(settings(&collector, &site).await, (before, etag));
}

#[tokio::test]
async fn a_write_needs_the_version_it_read_and_of_two_at_once_one_wins() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("settings_race").unwrap();
    let collector = stack.collector();
    let (current, etag) = settings(&collector, &site).await;

    let unguarded = put(&collector, &site, &current, None).await;
    assert_eq!(unguarded.status, 428, "{}", unguarded.body);
    assert_eq!(unguarded.code(), "precondition_required");

    // Two owners read the same version and save different changes at once.
    let mut first = current.clone();
    first["retention_days"] = json!(100);
    let mut second = current.clone();
    second["retention_days"] = json!(200);
    let (a, b) = tokio::join!(
        put(&collector, &site, &first, Some(&etag)),
        put(&collector, &site, &second, Some(&etag))
    );
    let mut statuses = [a.status, b.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 412], "{} / {}", a.body, b.body);
    let (winner, loser) = if a.status == 200 { (&a, &b) } else { (&b, &a) };
    assert_eq!(loser.code(), "stale_settings");
    let (stored, stored_etag) = settings(&collector, &site).await;
    assert_eq!(stored, winner.body["settings"]);
    assert_eq!(Some(stored_etag.as_str()), winner.header("ETag"));

    // The loser's version is stale from now on.
    let again = put(&collector, &site, &current, Some(&etag)).await;
    assert_eq!(again.status, 412);
    // A change made outside the dashboard (`cargo xtask site set`) moves
    // the version on too.
    stack
        .d1_execute_for(&site.key, &format!(
            "UPDATE sites SET config = json_set(config, '$.store_text', json('true')) WHERE site_key = {}",
            e2e::sql_text(&site.key)
        ))
        .unwrap();
    let after_cli = put(&collector, &site, &stored, Some(&stored_etag)).await;
    assert_eq!(after_cli.status, 412, "{}", after_cli.body);
}

#[tokio::test]
async fn a_test_webhook_is_signed_and_says_what_the_receiver_answered() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("settings_hook").unwrap();
    let collector = stack.collector();
    let listener = TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (mut current, etag) = settings(&collector, &site).await;
    let without = as_owner(&collector, Method::POST, &site, "settings/test-webhook").await;
    assert!(
        current["webhook_url"].is_null(),
        "a fresh site has no webhook"
    );
    assert_eq!(without.status, 422, "no webhook yet: {}", without.body);
    current["webhook_url"] = json!(format!("http://127.0.0.1:{port}/hook"));
    let saved = put(&collector, &site, &current, Some(&etag)).await;
    assert_eq!(saved.status, 200, "{}", saved.body);

    let receiving = tokio::spawn(async move {
        tokio::time::timeout(Duration::from_secs(15), receive(&listener)).await
    });
    let tested = as_owner(&collector, Method::POST, &site, "settings/test-webhook").await;
    assert_eq!(tested.status, 200, "{}", tested.body);
    assert_eq!(tested.body, json!({"delivered": true, "status": 204}));
    let received = receiving.await.unwrap().unwrap().unwrap();
    let body: Value = serde_json::from_slice(&received.body).unwrap();
    assert_eq!(body, json!({"site_key": site.key, "events": []}));
    verify_webhook(
        &stack.webhook_secret("settings_hook").unwrap(),
        received.header(SIGNATURE_HEADER).unwrap(),
        &received.body,
        e2e::now_ms() / 1_000,
        WEBHOOK_TOLERANCE_SECONDS,
    )
    .unwrap();
}

#[tokio::test]
async fn a_new_secret_is_shown_once_and_the_old_one_stops_at_once() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("secret_rotation").unwrap();
    let collector = stack.collector();
    let rotated = as_owner(&collector, Method::POST, &site, "secret").await;
    assert_eq!(rotated.status, 200, "{}", rotated.body);
    let new_secret = rotated.body["secret"].as_str().unwrap().to_string();
    assert!(new_secret.starts_with("sk_") && new_secret != site.secret);
    let old = as_owner(&collector, Method::GET, &site, "overview").await;
    assert_eq!(old.status, 401);
    let new = call(
        &collector,
        Method::GET,
        &site,
        "overview",
        Some(&new_secret),
        None,
    )
    .await;
    assert_eq!(new.status, 200, "{}", new.body);
    let audit = call(
        &collector,
        Method::GET,
        &site,
        "settings/audit",
        Some(&new_secret),
        None,
    )
    .await;
    assert_eq!(audit.body["entries"][0]["action"], "secret_rotated");
    assert!(!audit.body.to_string().contains(&new_secret));
}

/// What each of owner, wording key, read key may get from each route:
/// the status expected for each.
struct Expect {
    method: Method,
    path: &'static str,
    body: Option<Value>,
    owner: u16,
    wording: u16,
    read: u16,
    review: u16,
}

fn routes() -> Vec<Expect> {
    let row = |method: Method,
               path: &'static str,
               body: Option<Value>,
               (owner, wording, read, review)| Expect {
        method,
        path,
        body,
        owner,
        wording,
        read,
        review,
    };
    vec![
        // Who is asking: anyone with a live credential.
        row(Method::GET, "access", None, (200, 200, 200, 200)),
        // What the site keeps: said to anyone who reads or words its text.
        row(Method::GET, "kept", None, (200, 200, 200, 200)),
        row(Method::GET, "overview", None, (200, 403, 200, 403)),
        row(Method::GET, "conversations", None, (200, 403, 200, 200)),
        row(
            Method::GET,
            "conversations/c_nobody",
            None,
            (404, 403, 404, 404),
        ),
        row(
            Method::DELETE,
            "conversations/c_nobody",
            None,
            (404, 403, 403, 403),
        ),
        row(
            Method::GET,
            "export?format=ndjson",
            None,
            (200, 403, 200, 403),
        ),
        row(Method::GET, "gaps", None, (200, 403, 200, 403)),
        row(Method::GET, "compare", None, (200, 403, 200, 403)),
        // The review queue: read with the conversations; a review needs a
        // review key (sent without If-Match: it gets as far as the 428).
        row(Method::GET, "review", None, (200, 403, 200, 200)),
        row(
            Method::PUT,
            "review/ev_nobody",
            Some(json!({"state": "reviewed"})),
            (428, 403, 403, 428),
        ),
        row(Method::GET, "webhook/failures", None, (200, 403, 403, 403)),
        row(Method::GET, "settings", None, (200, 403, 403, 403)),
        // Sent without If-Match: the owner gets as far as the 428.
        row(
            Method::PUT,
            "settings",
            Some(json!({})),
            (428, 403, 403, 403),
        ),
        row(Method::GET, "settings/audit", None, (200, 403, 403, 403)),
        row(
            Method::POST,
            "settings/test-webhook",
            None,
            (422, 403, 403, 403),
        ),
        row(Method::GET, "keys", None, (200, 403, 403, 403)),
        row(Method::GET, "keys/revoked", None, (200, 403, 403, 403)),
        row(
            Method::POST,
            "keys",
            Some(json!({"name": "", "scope": "read"})),
            (422, 403, 403, 403),
        ),
        row(
            Method::DELETE,
            "keys/key_nobody",
            None,
            (404, 403, 403, 403),
        ),
        // Never rotated here (the owner's case is its own test).
        row(Method::POST, "secret", None, (0, 403, 403, 403)),
        // The wording's versions (none saved yet when this runs).
        row(Method::GET, "copy/de/versions", None, (200, 200, 403, 403)),
        row(
            Method::GET,
            "copy/de/versions/1",
            None,
            (404, 404, 403, 403),
        ),
        row(
            Method::POST,
            "copy/de/versions/1/restore",
            None,
            (404, 404, 403, 403),
        ),
    ]
}

#[tokio::test]
async fn every_scope_on_every_route_and_revocation_at_once() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("scopes").unwrap();
    let collector = stack.collector();
    let (wording_id, wording) =
        make_key(&collector, &site, "Marie, French wording", "wording").await;
    let (_, reader) = make_key(&collector, &site, "Accounting", "read").await;
    let (_, reviewer) = make_key(&collector, &site, "Sam, support", "review").await;

    for route in routes() {
        for (who, token, expected) in [
            ("owner", site.secret.as_str(), route.owner),
            ("wording", wording.as_str(), route.wording),
            ("read", reader.as_str(), route.read),
            ("review", reviewer.as_str(), route.review),
            ("nobody", "sk_not_a_key_of_this_site", 401),
            ("a made-up key", "ak_not_a_key_of_this_site", 401),
        ] {
            if expected == 0 {
                continue;
            }
            let answer = call(
                &collector,
                route.method.clone(),
                &site,
                route.path,
                Some(token),
                route.body.as_ref(),
            )
            .await;
            assert_eq!(
                answer.status, expected,
                "{who} {} {}: {}",
                route.method, route.path, answer.body
            );
            if expected == 403 {
                assert_eq!(answer.code(), "out_of_scope");
            }
        }
        let anonymous = call(
            &collector,
            route.method.clone(),
            &site,
            route.path,
            None,
            route.body.as_ref(),
        )
        .await;
        assert_eq!(anonymous.status, 401, "{} {}", route.method, route.path);
    }

    // Each is told who they are, so the dashboard shows what they may use.
    for (token, expected) in [
        (site.secret.as_str(), json!({"holder": "owner"})),
        (
            wording.as_str(),
            json!({"holder": "key", "name": "Marie, French wording", "scope": "wording"}),
        ),
        (
            reader.as_str(),
            json!({"holder": "key", "name": "Accounting", "scope": "read"}),
        ),
    ] {
        let who = call(&collector, Method::GET, &site, "access", Some(token), None).await;
        assert_eq!(who.body, expected);
    }

    // The wording: a wording key writes it, a read key may not.
    let copy = "csat-title = Wie war's?\n";
    let by_editor = collector
        .put_copy(&site.key, &wording, "de", copy)
        .await
        .unwrap();
    assert_eq!(by_editor.status, 200, "{}", by_editor.body);
    let by_reader = collector
        .put_copy(&site.key, &reader, "de", copy)
        .await
        .unwrap();
    assert_eq!(by_reader.status, 403, "{}", by_reader.body);
    assert!(
        by_reader.body["message"]
            .as_str()
            .unwrap()
            .contains("Accounting")
    );
    // A key opens only its own site.
    let elsewhere = collector
        .site_request(
            Method::GET,
            &stack.site.key,
            "overview",
            Some(&reader),
            &[],
            None,
        )
        .await
        .unwrap();
    assert_eq!(elsewhere.status, 401);
    // No key sends events in the owner's name.
    let as_server = collector
        .post_raw(
            e2e::one_thumb(&site.key, &e2e::unique("c"), "up").to_string(),
            None,
            Some(&reader),
        )
        .await
        .unwrap();
    assert_eq!(as_server.status, 401, "{}", as_server.body);

    // Revoked: it opens nothing from the next request on.
    let revoked = call(
        &collector,
        Method::DELETE,
        &site,
        &format!("keys/{wording_id}"),
        Some(&site.secret),
        None,
    )
    .await;
    assert_eq!(revoked.status, 200, "{}", revoked.body);
    let after = collector
        .put_copy(&site.key, &wording, "de", copy)
        .await
        .unwrap();
    assert_eq!(after.status, 401, "{}", after.body);
    let who = call(
        &collector,
        Method::GET,
        &site,
        "access",
        Some(&wording),
        None,
    )
    .await;
    assert_eq!(who.status, 401, "a revoked key is no one: {}", who.body);
    let listed = as_owner(&collector, Method::GET, &site, "keys").await;
    let keys = listed.body["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 3, "wording, read and review");
    assert!(
        !listed.body.to_string().contains(&wording),
        "no secret is listed"
    );
    let marie = keys
        .iter()
        .find(|key| key["id"] == wording_id.as_str())
        .unwrap();
    assert!(marie["revoked_at"].is_i64(), "{marie}");

    let audit = as_owner(&collector, Method::GET, &site, "settings/audit").await;
    let actions: Vec<&str> = audit.body["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["key_revoked", "key_created", "key_created", "key_created"],
        "{}",
        audit.body
    );
    assert!(
        !audit.body.to_string().contains(&reader),
        "no secret in the audit list"
    );
}

#[tokio::test]
async fn an_old_live_key_stays_listed_and_revocable_behind_many_newer_revoked_ones() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("old_keys").unwrap();
    let collector = stack.collector();
    let (old_id, old_secret) = make_key(&collector, &site, "Agency, since the start", "read").await;
    // More revoked keys than a list shows, all made after it.
    let newer = protocol::access::MAX_LISTED_KEYS + 10;
    stack
        .d1_execute_for(
            &site.key,
            &format!(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {newer}) \
                 INSERT INTO site_keys (site_key, key_id, name, scope, secret_hash, created_at, revoked_at) \
                 SELECT '{key}', 'key_revoked_' || i, 'Revoked ' || i, 'read', hex(randomblob(32)), \
                        (SELECT max(created_at) FROM site_keys WHERE site_key = '{key}') + i, \
                        (SELECT max(created_at) FROM site_keys WHERE site_key = '{key}') + i + 1 \
                 FROM n",
                key = site.key
            ),
        )
        .unwrap();

    let listed = as_owner(&collector, Method::GET, &site, "keys").await;
    let keys = listed.body["keys"].as_array().unwrap();
    assert_eq!(keys.len(), protocol::access::MAX_LISTED_KEYS);
    assert_eq!(keys[0]["id"], old_id.as_str(), "the live key comes first");
    assert!(keys[0]["revoked_at"].is_null(), "{}", keys[0]);
    assert_eq!(
        keys[1]["id"],
        format!("key_revoked_{newer}"),
        "then the newest revoked"
    );
    assert_eq!(listed.body["revoked"], newer, "every revoked key counted");

    // Every revoked key, page by page, most recently revoked first, each
    // once.
    let mut paged: Vec<String> = Vec::new();
    let mut before: Option<String> = None;
    for _ in 0..10 {
        let path = match &before {
            Some(cursor) => format!("keys/revoked?before={cursor}"),
            None => "keys/revoked".to_string(),
        };
        let page = as_owner(&collector, Method::GET, &site, &path).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let keys = page.body["keys"].as_array().unwrap();
        assert!(
            keys.len() <= protocol::access::REVOKED_PAGE,
            "{}",
            keys.len()
        );
        assert!(keys.iter().all(|key| key["revoked_at"].is_i64()));
        paged.extend(
            keys.iter()
                .map(|key| key["id"].as_str().unwrap().to_string()),
        );
        match page.body["next"].as_str() {
            Some(next) => before = Some(next.to_string()),
            None => break,
        }
    }
    let expected: Vec<String> = (1..=newer)
        .rev()
        .map(|i| format!("key_revoked_{i}"))
        .collect();
    assert_eq!(paged, expected);
    let bad = as_owner(
        &collector,
        Method::GET,
        &site,
        "keys/revoked?before=12.%3Cb%3E",
    )
    .await;
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert_eq!(bad.body["code"], "invalid_field", "{}", bad.body);

    let revoked = call(
        &collector,
        Method::DELETE,
        &site,
        &format!("keys/{old_id}"),
        Some(&site.secret),
        None,
    )
    .await;
    assert_eq!(revoked.status, 200, "{}", revoked.body);
    let who = call(
        &collector,
        Method::GET,
        &site,
        "access",
        Some(&old_secret),
        None,
    )
    .await;
    assert_eq!(
        who.status, 401,
        "the revoked key opens nothing: {}",
        who.body
    );
    // Revoking it again, or a key that never was, is a clear 404.
    for id in [old_id.as_str(), "key_never_made"] {
        let again = call(
            &collector,
            Method::DELETE,
            &site,
            &format!("keys/{id}"),
            Some(&site.secret),
            None,
        )
        .await;
        assert_eq!(again.status, 404, "{id}: {}", again.body);
    }
}

#[tokio::test]
async fn every_saved_wording_is_a_version_listed_with_who_and_when_and_one_can_be_restored() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("copy_versions").unwrap();
    let collector = stack.collector();
    let (_, marie) = make_key(&collector, &site, "Marie", "wording").await;
    let as_marie = |method: Method, path: &'static str| {
        let (collector, site, marie) = (stack.collector(), site.clone(), marie.clone());
        async move { call(&collector, method, &site, path, Some(&marie), None).await }
    };
    let put = |token: String, ftl: &'static str| {
        let (collector, site) = (stack.collector(), site.clone());
        async move {
            collector
                .put_copy(&site.key, &token, "de", ftl)
                .await
                .unwrap()
        }
    };
    let first = "csat-title = Wie war es?\n";
    let second = "csat-title = Waren Sie zufrieden?\n";

    let saved = put(site.secret.clone(), first).await;
    assert_eq!(
        (saved.status, saved.body["version"].clone()),
        (200, json!(1)),
        "{}",
        saved.body
    );
    let saved = put(marie.clone(), second).await;
    assert_eq!(saved.body["version"], 2, "{}", saved.body);
    // The same text again is no new version; a refused text is none either.
    let again = put(marie.clone(), second).await;
    assert_eq!(
        (again.body["version"].clone(), again.body["changed"].clone()),
        (json!(2), json!(false)),
        "{}",
        again.body
    );
    assert_eq!(saved.body["changed"], true, "{}", saved.body);
    let refused = put(marie.clone(), "csat-title = { $nobody }\n").await;
    assert_eq!(refused.status, 422, "{}", refused.body);

    let listed = as_marie(Method::GET, "copy/de/versions").await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    let versions = listed.body["versions"].as_array().unwrap();
    let numbers: Vec<u64> = versions
        .iter()
        .map(|v| v["version"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [2, 1], "newest first: {}", listed.body);
    let by = versions[0]["saved_by"].as_str().unwrap();
    assert!(by.starts_with("key_") && by.ends_with("(Marie)"), "{by}");
    assert_eq!(versions[1]["saved_by"], "owner");
    assert!(versions[0]["saved_at"].as_i64().unwrap() >= versions[1]["saved_at"].as_i64().unwrap());
    assert!(versions[0].get("ftl").is_none(), "the list carries no text");

    let one = as_marie(Method::GET, "copy/de/versions/1").await;
    assert_eq!(
        (one.status, one.body["ftl"].as_str()),
        (200, Some(first)),
        "{}",
        one.body
    );

    // Restoring version 1: its text is live again, as version 3.
    let restored = as_marie(Method::POST, "copy/de/versions/1/restore").await;
    assert_eq!(
        (restored.status, restored.body["version"].clone()),
        (200, json!(3)),
        "{}",
        restored.body
    );
    let live = reqwest::get(format!(
        "{}/v1/sites/{}/copy/de",
        stack.worker_url, site.key
    ))
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    assert_eq!(live, first);
    let listed = as_marie(Method::GET, "copy/de/versions").await;
    assert_eq!(listed.body["versions"].as_array().unwrap().len(), 3);

    for (path, status, code) in [
        ("copy/de/versions/9", 404, "not_found"),
        ("copy/de/versions/0", 400, "invalid_field"),
        ("copy/de/versions/two", 400, "invalid_field"),
        ("copy/fr/versions/1", 404, "not_found"),
    ] {
        let answer = as_marie(Method::GET, path).await;
        assert_eq!(
            (answer.status, answer.code()),
            (status, code),
            "{path}: {}",
            answer.body
        );
    }
}

/// `GET /v1/locales/best` for `site` in German: status, its
/// `Feedback-Copy-Version` and its ETag.
async fn best_german(stack: &Stack, site: &SiteAccess) -> (u16, Option<String>, String) {
    let answer = e2e::http_client()
        .get(format!(
            "{}/v1/locales/best?want=de&site={}",
            stack.worker_url, site.key
        ))
        .header("Origin", "https://shop.example")
        .send()
        .await
        .unwrap();
    let header = |name: &str| {
        answer
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string)
    };
    let exposed = header("Access-Control-Expose-Headers").unwrap_or_default();
    assert!(exposed.contains("Feedback-Copy-Version"), "{exposed}");
    (
        answer.status().as_u16(),
        header("Feedback-Copy-Version"),
        header("ETag").unwrap(),
    )
}

#[tokio::test]
async fn prompts_count_for_the_wording_version_they_were_worded_with() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("copy_prompts").unwrap();
    let collector = stack.collector();
    // No wording of its own: the copy names no version.
    assert_eq!(best_german(&stack, &site).await.1, None);
    let first = "csat-title = Wie war es?\n";
    let saved = collector
        .put_copy(&site.key, &site.secret, "de", first)
        .await
        .unwrap();
    assert_eq!(saved.body["version"], 1, "{}", saved.body);
    let (status, version, first_etag) = best_german(&stack, &site).await;
    assert_eq!((status, version.as_deref()), (200, Some("1")));
    let second = collector
        .put_copy(&site.key, &site.secret, "de", "csat-title = Zufrieden?\n")
        .await
        .unwrap();
    assert_eq!(second.body["version"], 2, "{}", second.body);
    assert_eq!(best_german(&stack, &site).await.1.as_deref(), Some("2"));
    // Version 1 restored is version 3: the same text, but a new version,
    // so a new ETag too (a browser's copy of version 1 is not reused).
    let restored = call(
        &collector,
        Method::POST,
        &site,
        "copy/de/versions/1/restore",
        Some(&site.secret),
        None,
    )
    .await;
    assert_eq!(restored.body["version"], 3, "{}", restored.body);
    let (_, version, etag) = best_german(&stack, &site).await;
    assert_eq!(version.as_deref(), Some("3"));
    assert_ne!(etag, first_etag);

    // Prompts as widgets worded them: two with version 1 (one answered and
    // completed), one with version 3 (answered, not completed), one with
    // none, and one with version 1 in English (another locale's count).
    let at = e2e::now_ms();
    let german = |fields: Value| {
        let mut fields = fields;
        fields["locale"] = json!("de");
        fields
    };
    let (a, b, c, d, e) = (
        e2e::unique("c_a"),
        e2e::unique("c_b"),
        e2e::unique("c_c"),
        e2e::unique("c_d"),
        e2e::unique("c_e"),
    );
    let offered = |id: &str, conversation: &str, fields: Value| {
        e2e::csat_event("csat_offered", id, conversation, at, fields)
    };
    let answered = |id: &str, conversation: &str, fields: Value| {
        e2e::csat_event("csat_response", id, conversation, at + 1, fields)
    };
    collector
        .send_all(
            &site,
            vec![
                offered(&e2e::unique("ev"), &a, german(json!({"mode": "thumbs", "copy_version": 1}))),
                answered(
                    &e2e::unique("ev"),
                    &a,
                    german(json!({"mode": "thumbs", "score": 5, "copy_version": 1})),
                ),
                offered(&e2e::unique("ev"), &b, german(json!({"mode": "thumbs", "copy_version": 1}))),
                offered(&e2e::unique("ev"), &c, german(json!({"mode": "scale5", "copy_version": 3}))),
                answered(
                    &e2e::unique("ev"),
                    &c,
                    german(json!({"mode": "scale5", "score": 2, "completed": false, "copy_version": 3})),
                ),
                offered(&e2e::unique("ev"), &d, german(json!({"mode": "thumbs"}))),
                offered(&e2e::unique("ev"), &e, json!({"mode": "thumbs", "copy_version": 1})),
            ],
        )
        .await
        .unwrap();
    let listed = call(
        &collector,
        Method::GET,
        &site,
        "copy/de/versions",
        Some(&site.secret),
        None,
    )
    .await;
    assert_eq!(
        listed.body["prompts"],
        json!([
            {"version": 3, "offered": 1, "answered": 1, "completed": 0},
            {"version": 1, "offered": 2, "answered": 1, "completed": 1},
        ]),
        "{}",
        listed.body
    );
    let english = call(
        &collector,
        Method::GET,
        &site,
        "copy/en-US/versions",
        Some(&site.secret),
        None,
    )
    .await;
    assert_eq!(
        english.body["prompts"],
        json!([{"version": 1, "offered": 1, "answered": 0, "completed": 0}])
    );

    // A version counts from 1: a 0 is refused, naming the field.
    let refused = collector
        .post_raw(
            e2e::envelope(
                &site.key,
                vec![offered(
                    &e2e::unique("ev"),
                    &e2e::unique("c"),
                    json!({"mode": "thumbs", "copy_version": 0}),
                )],
            )
            .to_string(),
            None,
            Some(&site.secret),
        )
        .await
        .unwrap();
    assert!(
        refused.body.to_string().contains("copy_version"),
        "{}",
        refused.body
    );
}

#[tokio::test]
async fn what_a_site_keeps_follows_its_settings() {
    let stack = Stack::from_env().unwrap();
    let collector = stack.collector();
    // store_text off, feedback 30 days, text 60 (so 30), redaction off.
    let site = stack.named_site("kept").unwrap();
    let kept = as_owner(&collector, Method::GET, &site, "kept").await;
    assert_eq!(kept.status, 200, "{}", kept.body);
    assert_eq!(
        kept.body,
        json!({"questions": false, "text_days": 30, "days": 30, "redacted": false})
    );
    let nobody = call(&collector, Method::GET, &site, "kept", None, None).await;
    assert_eq!(nobody.status, 401, "{}", nobody.body);
    // A new site's defaults, as another site has them.
    let new = stack.named_site("overview").unwrap();
    let kept = as_owner(&collector, Method::GET, &new, "kept").await;
    assert_eq!(
        kept.body,
        json!({"questions": true, "text_days": 90, "days": 365, "redacted": true})
    );
}
