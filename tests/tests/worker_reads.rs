//! The site owner's read API on workerd with local D1, against figures
//! computed by hand: Overview (CSAT, thumbs, daily series, previous period),
//! the inbox filtered by feedback with cursor pages, export parsed back with
//! a CSV parser, and erasure.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use chrono::{Days, NaiveTime, Utc};
use e2e::{SiteAccess, Stack, csat_event, thumb_event, unique};
use serde_json::{Value, json};

const HOUR: i64 = 3_600_000;

fn stack() -> Stack {
    Stack::from_env().unwrap()
}

/// Today (UTC) minus `days`, at `hour`:00 UTC, in unix ms.
fn day_at(days: u64, hour: u32) -> (String, i64) {
    let day = Utc::now()
        .date_naive()
        .checked_sub_days(Days::new(days))
        .unwrap();
    let at = day
        .and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap())
        .and_utc()
        .timestamp_millis();
    (day.format("%Y-%m-%d").to_string(), at)
}

fn close(actual: &Value, expected: f64) {
    let actual = actual.as_f64().unwrap_or(f64::NAN);
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

async fn get_json(stack: &Stack, site: &SiteAccess, path: &str) -> Value {
    let (status, body) = stack.collector().owner_get(site, path).await.unwrap();
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

#[tokio::test]
async fn the_overview_matches_figures_computed_by_hand() {
    let stack = stack();
    let site = stack.named_site("overview").unwrap();
    let collector = stack.collector();
    let (today, _) = day_at(0, 0);
    let (two_days_ago, d2) = day_at(2, 10);
    let (yesterday, d1) = day_at(1, 9);
    let (_, d4) = day_at(4, 10);
    let (a, b, c, d, e) = (
        unique("a"),
        unique("b"),
        unique("c"),
        unique("d"),
        unique("e"),
    );
    let dismissed = csat_event(
        "csat_dismissed",
        &unique("ev"),
        &c,
        d1,
        json!({"mode": "scale5"}),
    );
    collector
        .send_all(
            &site,
            vec![
                // Window: A 5 and B 2 (completed) two days ago, C dismissed and
                // D 4 (not completed) yesterday.
                e2e::scale5_offered(&a, d2),
                e2e::scale5_answered(&a, d2 + 60_000, 5, None, true),
                e2e::scale5_offered(&b, d2 + HOUR),
                e2e::scale5_answered(&b, d2 + HOUR + 60_000, 2, Some("Slow"), true),
                e2e::scale5_offered(&c, d1),
                dismissed,
                e2e::scale5_offered(&d, d1 + HOUR / 2),
                e2e::scale5_answered(&d, d1 + HOUR / 2 + 60_000, 4, None, false),
                // Previous period: E scored 1 four days ago.
                e2e::scale5_offered(&e, d4),
                e2e::scale5_answered(&e, d4 + 60_000, 1, None, true),
                // Thumbs: three 👍 and one 👎 yesterday, one 👍 four days ago.
                thumb_event(&unique("ev"), &a, "m1", "up", d1),
                thumb_event(&unique("ev"), &a, "m2", "up", d1),
                thumb_event(&unique("ev"), &b, "m1", "up", d1),
                thumb_event(&unique("ev"), &b, "m2", "down", d1),
                thumb_event(&unique("ev"), &e, "m1", "up", d4),
            ],
        )
        .await
        .unwrap();

    let overview = get_json(
        &stack,
        &site,
        &format!("overview?from={two_days_ago}&to={today}&tz=UTC"),
    )
    .await;
    let csat = &overview["current"]["csat"];
    assert_eq!(csat["offered"], 4);
    assert_eq!(csat["accepted"], 3);
    assert_eq!(csat["denied"], 1);
    assert_eq!(csat["completed"], 2);
    assert_eq!(csat["rated"], 3);
    assert_eq!(csat["distribution"], json!([0, 1, 0, 1, 1]));
    close(&csat["average"], 11.0 / 3.0);
    close(&csat["response_rate"], 0.5);
    close(&csat["net_score"], 1.0 / 3.0);

    let thumbs = &overview["current"]["thumbs"];
    assert_eq!(
        (thumbs["up"].as_u64(), thumbs["down"].as_u64()),
        (Some(3), Some(1))
    );
    close(&thumbs["up_share"], 0.75);

    let daily: Vec<(String, u64, Value)> = overview["daily"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["date"].as_str().unwrap().to_string(),
                p["rated"].as_u64().unwrap(),
                p["average"].clone(),
            )
        })
        .collect();
    assert_eq!(
        daily,
        vec![
            (two_days_ago.clone(), 2, json!(3.5)),
            (yesterday, 1, json!(4.0)),
            (today.clone(), 0, Value::Null),
        ]
    );

    let previous = &overview["previous"]["csat"];
    assert_eq!(previous["offered"], 1);
    close(&previous["average"], 1.0);
    close(&previous["net_score"], -1.0);
    assert_eq!(overview["previous"]["thumbs"]["up"], 1);
    close(&overview["deltas"]["csat_average"], 11.0 / 3.0 - 1.0);
    close(&overview["deltas"]["response_rate"], 0.5 - 1.0);
    assert_eq!(overview["deltas"]["thumbs_up"], 2);
    assert_eq!(overview["deltas"]["thumbs_down"], 1);
    assert_eq!(overview["tz"], "UTC");

    // A window with nothing in it: counts are zero, averages absent.
    let (long_ago, _) = day_at(300, 0);
    let empty = get_json(
        &stack,
        &site,
        &format!("overview?from={long_ago}&to={long_ago}"),
    )
    .await;
    assert_eq!(empty["current"]["csat"]["offered"], 0);
    assert_eq!(empty["current"]["csat"]["average"], Value::Null);
    assert_eq!(empty["deltas"]["csat_average"], Value::Null);
}

#[tokio::test]
async fn bad_overview_parameters_are_400s_that_say_why() {
    let stack = stack();
    let site = stack.named_site("overview").unwrap();
    for (query, word) in [
        ("overview?tz=Mars/Olympus", "tz"),
        ("overview?from=yesterday", "from"),
        ("overview?from=2026-11-10&to=2026-11-01", "before"),
    ] {
        let (status, body) = stack.collector().owner_get(&site, query).await.unwrap();
        assert_eq!(status, 400, "{query}");
        assert!(body.contains(word), "{query}: {body}");
    }
}

/// A thumb on `message` with the shopper's `question` and, on a
/// thumbs-down, `tags`.
fn rated(
    conversation: &str,
    message: &str,
    rating: &str,
    at: i64,
    question: &str,
    tags: &[&str],
) -> Value {
    let mut event = thumb_event(&unique("ev"), conversation, message, rating, at);
    event["question"] = json!(question);
    event["answer"] = json!("An answer.");
    if rating == "down" {
        event["tags"] = json!(tags);
    }
    event
}

/// The inbox's rows by conversation id.
async fn inbox_rows(stack: &Stack, site: &SiteAccess) -> std::collections::HashMap<String, Value> {
    let page = get_json(stack, site, "conversations?limit=50").await;
    page["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["conversation_id"].as_str().unwrap().to_string(),
                row.clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn inbox_rows_carry_an_excerpt_of_the_thumbed_down_question_and_its_reason_tags() {
    let stack = stack();
    let (_, at) = day_at(0, 0);
    let long = "Which of your trail shoes would you pick for wet rocky ground in the Alps \
                when I also want them light enough for running, and do they come in wide sizes?";
    let events = |x: &str, y: &str, z: &str| {
        vec![
            // X: a 👍 first, then two 👎 (the first of them gives the excerpt).
            rated(x, "m1", "up", at, "Do you ship to Austria?", &[]),
            rated(
                x,
                "m2",
                "down",
                at + 1_000,
                long,
                &["wrong_answer", "too_long"],
            ),
            rated(
                x,
                "m3",
                "down",
                at + 2_000,
                "And to Italy?",
                &["wrong_answer"],
            ),
            // Y: only a 👍: its question is the excerpt, no tags.
            rated(y, "m1", "up", at, "Is the Dome Tent waterproof?", &[]),
            // Z: no rated message.
            e2e::scale5_answered(z, at, 4, None, true),
        ]
    };

    let site = stack.named_site("inbox_excerpts").unwrap();
    let (x, y, z) = (unique("cx"), unique("cy"), unique("cz"));
    stack
        .collector()
        .send_all(&site, events(&x, &y, &z))
        .await
        .unwrap();
    let rows = inbox_rows(&stack, &site).await;
    let excerpt = rows[&x]["excerpt"].as_str().unwrap();
    assert!(
        excerpt.chars().count() <= 120 && excerpt.ends_with('…'),
        "{excerpt}"
    );
    assert!(long.starts_with(excerpt.trim_end_matches('…')), "{excerpt}");
    assert_eq!(rows[&x]["reason_tags"], json!(["too_long", "wrong_answer"]));
    assert_eq!(rows[&y]["excerpt"], "Is the Dome Tent waterproof?");
    assert_eq!(rows[&y]["reason_tags"], json!([]));
    assert_eq!(rows[&z]["excerpt"], Value::Null);
    assert_eq!(rows[&z]["reason_tags"], json!([]));

    // A thumbs-down cleared: its tags go, the question of the 👎 left leads.
    stack
        .collector()
        .send_all(
            &site,
            vec![thumb_event(&unique("ev"), &x, "m2", "none", at + 3_000)],
        )
        .await
        .unwrap();
    let rows = inbox_rows(&stack, &site).await;
    assert_eq!(rows[&x]["excerpt"], "And to Italy?");
    assert_eq!(rows[&x]["reason_tags"], json!(["wrong_answer"]));

    // A site that keeps no text: tags, but no excerpt.
    let plain = stack.named_site("inbox_plain").unwrap();
    let (x, y, z) = (unique("cx"), unique("cy"), unique("cz"));
    stack
        .collector()
        .send_all(&plain, events(&x, &y, &z))
        .await
        .unwrap();
    let rows = inbox_rows(&stack, &plain).await;
    for id in [&x, &y, &z] {
        assert_eq!(rows[id]["excerpt"], Value::Null, "{id}");
    }
    assert_eq!(rows[&x]["reason_tags"], json!(["too_long", "wrong_answer"]));
}

#[tokio::test]
async fn the_inbox_answers_a_bodiless_304_while_nothing_changed_and_200_once_something_did() {
    let stack = stack();
    let site = stack.named_site("inbox_etag").unwrap();
    let (_, at) = day_at(0, 0);
    let collector = stack.collector();
    let first = unique("c");
    collector
        .send_all(&site, vec![rated(&first, "m1", "up", at, "Hi?", &[])])
        .await
        .unwrap();
    let ask = |etag: Option<String>| {
        let (stack, site) = (stack.clone(), site.clone());
        async move {
            let headers: Vec<(&str, &str)> = etag
                .as_deref()
                .map(|etag| vec![("If-None-Match", etag)])
                .unwrap_or_default();
            stack
                .collector()
                .site_request(
                    reqwest::Method::GET,
                    &site.key,
                    "conversations?limit=50",
                    Some(&site.secret),
                    &headers,
                    None,
                )
                .await
                .unwrap()
        }
    };
    let fresh = ask(None).await;
    assert_eq!(fresh.status, 200, "{}", fresh.body);
    let etag = fresh.headers["etag"].to_str().unwrap().to_string();
    assert!(etag.starts_with('"') && etag.len() > 10, "{etag}");
    assert_eq!(fresh.headers["cache-control"], "private, no-cache");

    let same = ask(Some(etag.clone())).await;
    assert_eq!(same.status, 304);
    assert_eq!(same.body, Value::Null, "a 304 has no body");
    assert_eq!(same.headers["etag"].to_str().unwrap(), etag);
    // Another tag (or a list without ours) gets the whole answer.
    let other = ask(Some("\"elsewhere\", W/\"x\"".into())).await;
    assert_eq!(other.status, 200);

    // A new thumb: the rows changed, so does the tag.
    let second = unique("c");
    collector
        .send_all(
            &site,
            vec![rated(&second, "m1", "down", at + 1_000, "Why?", &[])],
        )
        .await
        .unwrap();
    let changed = ask(Some(etag.clone())).await;
    assert_eq!(changed.status, 200);
    assert_ne!(changed.headers["etag"].to_str().unwrap(), etag);
    let ids: Vec<&str> = changed.body["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["conversation_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [second.as_str(), first.as_str()]);
}

#[tokio::test]
async fn the_inbox_filters_by_feedback_and_pages_with_a_stable_cursor() {
    let stack = stack();
    let site = stack.named_site("inbox").unwrap();
    let (_, base) = day_at(1, 8);
    let mut events = Vec::new();
    let mut expected = std::collections::BTreeMap::new();
    for (i, (score, label)) in [
        (Some(5), "up"),
        (Some(1), "down"),
        (None, "unknown"),
        (Some(4), "up"),
        (Some(3), "neutral"),
        (Some(2), "down"),
        (None, "unknown"),
    ]
    .into_iter()
    .enumerate()
    {
        let conversation = format!("inbox_{i}_{}", unique("c"));
        let at = base + i as i64 * 60_000;
        events.push(thumb_event(&unique("ev"), &conversation, "m1", "up", at));
        if let Some(score) = score {
            events.push(e2e::scale5_answered(
                &conversation,
                at + 1_000,
                score,
                Some("why"),
                true,
            ));
        }
        expected.insert(conversation, label);
    }
    stack.collector().send_all(&site, events).await.unwrap();

    let list = |filter: &str| {
        let stack = stack.clone();
        let site = site.clone();
        let filter = filter.to_string();
        async move {
            let mut seen = Vec::new();
            let mut cursor: Option<String> = None;
            for _ in 0..20 {
                let mut path = format!("conversations?limit=2{filter}");
                if let Some(cursor) = &cursor {
                    path.push_str(&format!("&cursor={cursor}"));
                }
                let page = get_json(&stack, &site, &path).await;
                assert_eq!(page["tz"], "UTC", "the site has no zone of its own");
                for item in page["conversations"].as_array().unwrap() {
                    seen.push((
                        item["conversation_id"].as_str().unwrap().to_string(),
                        item["last_at"].as_i64().unwrap(),
                        item["satisfaction"].as_str().unwrap().to_string(),
                    ));
                }
                match page["next_cursor"].as_str() {
                    Some(next) => cursor = Some(next.to_string()),
                    None => return seen,
                }
            }
            panic!("pagination did not end");
        }
    };
    let all = list("").await;
    assert_eq!(all.len(), 7);
    assert!(
        all.windows(2).all(|pair| pair[0].1 >= pair[1].1),
        "most recent first"
    );
    let mut ids: Vec<_> = all.iter().map(|(id, _, _)| id.clone()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 7, "no conversation twice across pages");

    for (filter, label, satisfactions) in [
        ("&feedback=upvote", "up", vec!["positive"]),
        ("&feedback=downvote", "down", vec!["negative"]),
        ("&feedback=unknown", "unknown", vec!["unknown"]),
        ("&feedback=neutral", "neutral", vec!["neutral"]),
    ] {
        let found = list(filter).await;
        let wanted: Vec<_> = expected
            .iter()
            .filter(|(_, l)| **l == label)
            .map(|(id, _)| id.clone())
            .collect();
        let mut got: Vec<_> = found.iter().map(|(id, _, _)| id.clone()).collect();
        got.sort();
        assert_eq!(got, wanted, "{filter}");
        assert!(
            found
                .iter()
                .all(|(_, _, s)| satisfactions.contains(&s.as_str())),
            "{filter}"
        );
    }

    let zoned = get_json(&stack, &site, "conversations?limit=1&tz=Asia/Tokyo").await;
    assert_eq!(zoned["tz"], "Asia/Tokyo", "a named zone is the one used");

    for bad in [
        "conversations?feedback=liked",
        "conversations?limit=0",
        "conversations?limit=500",
        "conversations?cursor=nonsense",
    ] {
        let (status, body) = stack.collector().owner_get(&site, bad).await.unwrap();
        assert_eq!(status, 400, "{bad}: {body}");
    }
}

#[tokio::test]
async fn conversations_updated_during_an_export_are_exported_exactly_once() {
    let stack = stack();
    let site = stack.named_site("export_live").unwrap();
    let collector = stack.collector();
    let now = e2e::now_ms();
    // Far more than the stream holds in its buffers, so the export is still
    // running when the conversations change.
    let conversations: Vec<String> = (0..12_000).map(|_| unique("x")).collect();
    for (batch, chunk) in conversations.chunks(100).enumerate() {
        let events = chunk
            .iter()
            .enumerate()
            .map(|(i, conversation)| {
                let age = (batch * 100 + i) as i64 * 1_000;
                thumb_event(&unique("ev"), conversation, "m1", "up", now - 60_000 - age)
            })
            .collect();
        collector.send_all(&site, events).await.unwrap();
    }

    // While the export streams, the oldest conversations (last in activity
    // order) keep becoming the latest active, a few at a time.
    let exporting = std::sync::atomic::AtomicBool::new(true);
    let export = async {
        let body = e2e::http_client()
            .get(format!(
                "{}/v1/sites/{}/export?format=ndjson",
                stack.worker_url, site.key
            ))
            .bearer_auth(&site.secret)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        exporting.store(false, std::sync::atomic::Ordering::Relaxed);
        body
    };
    let update = async {
        let mut updated = 0;
        for chunk in conversations.iter().rev().collect::<Vec<_>>().chunks(10) {
            if !exporting.load(std::sync::atomic::Ordering::Relaxed) {
                break;
            }
            let events = chunk
                .iter()
                .map(|conversation| {
                    thumb_event(&unique("ev"), conversation, "m2", "down", e2e::now_ms())
                })
                .collect();
            collector.send_all(&site, events).await.unwrap();
            updated += chunk.len();
        }
        updated
    };
    let (body, updated) = tokio::join!(export, update);
    assert!(updated > 0, "nothing changed while the export ran");
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for record in e2e::ndjson_records(&body).unwrap() {
        *seen
            .entry(record["conversation_id"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let missing = conversations
        .iter()
        .filter(|c| !seen.contains_key(*c))
        .count();
    let repeated = seen.values().filter(|count| **count > 1).count();
    assert_eq!(
        (missing, repeated),
        (0, 0),
        "of {} conversations, {missing} were skipped and {repeated} repeated",
        conversations.len()
    );
}

#[tokio::test]
async fn export_round_trips_through_a_csv_parser_and_erasure_removes_everything() {
    let stack = stack();
    let site = stack.named_site("export").unwrap();
    let collector = stack.collector();
    let (_, at) = day_at(1, 12);
    let tricky = "Wrong size, \"again\"\nand =HYPERLINK(\"x\")";
    let (kept, erased) = (unique("kept"), unique("erased"));
    collector
        .send_all(
            &site,
            vec![
                e2e::scale5_offered(&kept, at),
                e2e::scale5_answered(&kept, at + 1_000, 2, Some(tricky), true),
                thumb_event(&unique("ev"), &kept, "m1", "down", at),
                thumb_event(&unique("ev"), &kept, "m2", "up", at),
                thumb_event(&unique("ev"), &erased, "m1", "up", at + 5_000),
            ],
        )
        .await
        .unwrap();

    let (status, csv_text) = collector
        .owner_get(&site, "export?format=csv")
        .await
        .unwrap();
    assert_eq!(status, 200);
    assert!(csv_text.contains("\r\n"), "CRLF line ends");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "conversation_id");
    assert_eq!(&headers[10], "CSAT_FREE_FEEDBACK");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let row = rows.iter().find(|row| &row[0] == kept.as_str()).unwrap();
    assert_eq!(&row[4], "negative");
    assert_eq!(&row[6], "true"); // CSAT_OFFERED
    assert_eq!(&row[9], "2"); // CSAT_SCORE
    assert_eq!(&row[10], tricky, "text survives quoting verbatim");
    assert_eq!((&row[12], &row[13]), ("1", "1"));
    assert!(row[1].ends_with('Z'));

    let (status, ndjson) = collector
        .owner_get(&site, "export?format=ndjson")
        .await
        .unwrap();
    assert_eq!(status, 200);
    let lines = e2e::ndjson_records(&ndjson).unwrap();
    assert_eq!(lines.len(), 2);
    let line = lines
        .iter()
        .find(|l| l["conversation_id"] == kept.as_str())
        .unwrap();
    assert_eq!(line["CSAT_FREE_FEEDBACK"], tricky);
    let (status, _) = collector
        .owner_get(&site, "export?format=xml")
        .await
        .unwrap();
    assert_eq!(status, 400);

    // The inbox's filter applies to the export too.
    let (status, filtered) = collector
        .owner_get(&site, "export?format=ndjson&feedback=downvote")
        .await
        .unwrap();
    assert_eq!(status, 200);
    let ids: Vec<Value> = e2e::ndjson_records(&filtered)
        .unwrap()
        .iter()
        .map(|record| record["conversation_id"].clone())
        .collect();
    assert_eq!(ids, [Value::from(kept.as_str())]);
    let (status, _) = collector
        .owner_get(&site, "export?feedback=sideways")
        .await
        .unwrap();
    assert_eq!(status, 400);

    // Erasure: gone from detail, list, export and aggregates; a second delete is a 404.
    let erase = collector.erase(&site, &erased).await.unwrap();
    assert_eq!(erase.status, 200, "{}", erase.body);
    let detail = collector
        .conversation(&site.key, Some(&site.secret), &erased)
        .await
        .unwrap();
    assert_eq!(detail.status, 404);
    let list = get_json(&stack, &site, "conversations").await;
    let ids: Vec<_> = list["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["conversation_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec![kept.clone()]);
    let overview = get_json(&stack, &site, "overview").await;
    assert_eq!(
        overview["current"]["thumbs"]["up"], 1,
        "only the kept conversation's 👍 remains"
    );
    assert_eq!(collector.erase(&site, &erased).await.unwrap().status, 404);
    let other = collector
        .erase(&stack.named_site("inbox").unwrap(), &kept)
        .await
        .unwrap();
    assert_eq!(
        other.status, 404,
        "another site cannot erase this site's conversation"
    );
    assert_eq!(
        collector
            .conversation(&site.key, Some(&site.secret), &kept)
            .await
            .unwrap()
            .status,
        200
    );
}

#[tokio::test]
async fn every_site_owner_route_needs_this_sites_secret() {
    let stack = stack();
    let site = stack.named_site("inbox").unwrap();
    let http = e2e::http_client();
    let base = format!("{}/v1/sites/{}", stack.worker_url, site.key);
    let routes = [
        (reqwest::Method::GET, format!("{base}/overview")),
        (reqwest::Method::GET, format!("{base}/conversations")),
        (reqwest::Method::GET, format!("{base}/conversations/c_any")),
        (reqwest::Method::GET, format!("{base}/export?format=csv")),
        (
            reqwest::Method::DELETE,
            format!("{base}/conversations/c_any"),
        ),
    ];
    for (method, url) in routes {
        for secret in [
            None,
            Some("sk_wrong"),
            Some(stack.other_site.secret.as_str()),
        ] {
            let mut request = http.request(method.clone(), &url);
            if let Some(secret) = secret {
                request = request.bearer_auth(secret);
            }
            let response = request.send().await.unwrap();
            assert_eq!(
                response.status().as_u16(),
                401,
                "{method} {url} with {secret:?}"
            );
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["code"], "unauthorized");
        }
    }
}

#[tokio::test]
async fn an_export_that_fails_half_way_says_so_at_its_end_and_a_whole_one_says_so_too() {
    let stack = stack();
    let site = stack.named_site("export_fault").unwrap();
    let collector = stack.collector();
    let now = e2e::now_ms();
    // More than one page (500 conversations) of the stream.
    let mut conversations: Vec<String> = (0..700).map(|_| unique("f")).collect();
    for chunk in conversations.chunks(100) {
        let events = chunk
            .iter()
            .map(|conversation| thumb_event(&unique("ev"), conversation, "m1", "up", now - 60_000))
            .collect();
        collector.send_all(&site, events).await.unwrap();
    }
    conversations.sort();
    let export = |query: &str, fault: Option<&str>| {
        let mut request = e2e::http_client()
            .get(format!(
                "{}/v1/sites/{}/export?{query}",
                stack.worker_url, site.key
            ))
            .bearer_auth(&site.secret);
        if let Some(fault) = fault {
            request = request.header("X-Local-Fault", fault);
        }
        request.send()
    };

    // The second page's read fails after the 200 and the first page: the
    // file says so at its end, so a client never takes it for a whole one
    // (workerd ends a chunked body cleanly even when its stream errors).
    let body = export("format=ndjson", Some("fail-export-second-page"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(e2e::ndjson_records(&body).is_err(), "taken as whole");
    let end: Value = serde_json::from_str(body.lines().last().unwrap()).unwrap();
    assert_eq!(end["complete"], false, "{end}");
    assert_eq!(end["rows"], 500, "{end}");
    assert_eq!(end["after"], conversations[499].as_str(), "{end}");
    assert_eq!(body.lines().count(), 501);
    let csv_text = export("format=csv", Some("fail-export-second-page"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let read: Result<Vec<csv::StringRecord>, _> = csv::Reader::from_reader(csv_text.as_bytes())
        .records()
        .collect();
    assert!(read.is_err(), "a strict CSV reader took the failed file");
    assert_eq!(
        csv_text.lines().last(),
        Some(
            format!(
                "# the export failed after 500 conversations; resume with after={}",
                conversations[499]
            )
            .as_str()
        )
    );

    // A whole export ends with its count, and `after` resumes after the
    // last conversation a file holds.
    let body = export("format=ndjson", None)
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let records = e2e::ndjson_records(&body).unwrap();
    let ids: Vec<&str> = records
        .iter()
        .map(|record| record["conversation_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, conversations);
    let resume_after = &conversations[299];
    let body = export(&format!("format=ndjson&after={resume_after}"), None)
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let rest: Vec<String> = e2e::ndjson_records(&body)
        .unwrap()
        .iter()
        .map(|record| record["conversation_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rest, conversations[300..]);
    let (status, body) = collector
        .owner_get(&site, "export?after=not%20an%20id")
        .await
        .unwrap();
    assert_eq!(status, 400, "{body}");
}
