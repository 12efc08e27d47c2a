//! The archive (#35) on workerd with local D1 and wrangler's local R2: a
//! site with 120 days of conversations keeps the last 90 in D1, and the
//! older ones go to R2 whole, each once; the Overview over all 120 days
//! is the same before and after, and so are the exports, the archived
//! days first, resumable inside the archive; a run whose R2 write or read-back fails
//! moves no row and leaves no object, and the next run finishes the day;
//! erasing an archived conversation takes it out of its object and out
//! of the figures; the daily sweep expires the chunks past the site's
//! retention, with their figures, and blanks the text of those past its
//! text retention.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::BTreeSet;

use e2e::{Stack, now_ms, sql_text, unique};
use ledger::archive::day_object;
use serde_json::Value;

const DAY: i64 = 24 * 3_600_000;
const HOUR: i64 = 3_600_000;

/// One archive run over every database, asking for `fault`.
async fn archive_run(stack: &Stack, fault: Option<&str>) -> Value {
    let mut request = e2e::http_client().post(format!("{}/__local/archive", stack.worker_url));
    if let Some(fault) = fault {
        request = request.header("X-Local-Fault", fault);
    }
    let answer = request.send().await.unwrap();
    let status = answer.status();
    let body = answer.text().await.unwrap();
    assert!(status.is_success(), "{status}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// Plants, straight into D1, one conversation a day for `days` days before
/// `now`, last active an hour into its day, and a second one on day 100
/// (planted last): each a 👍 and a satisfaction answer of 4 with a
/// comment, and their events. Their ids and last activity.
fn plant(stack: &Stack, site_key: &str, now: i64, days: i64) -> Vec<(String, i64)> {
    let site = sql_text(site_key);
    let mut planted = Vec::new();
    let mut sql = String::new();
    for (n, day) in (0..days).chain([100]).enumerate() {
        // A command line holds 128 KB: thirty days a command.
        if n % 30 == 0 && !sql.is_empty() {
            stack.d1_execute_for(site_key, &sql).unwrap();
            sql.clear();
        }
        let second = i64::from(n as i64 >= days) * 60_000;
        let at = now - day * DAY - HOUR + second;
        let conversation = unique(&format!("c{day:03}"));
        let id = sql_text(&conversation);
        let (thumb, answer) = (sql_text(&unique("ev")), sql_text(&unique("ev")));
        let comment = sql_text(&format!("comment \"of\" {conversation}\nü"));
        sql.push_str(&format!(
            "INSERT INTO conversations (site_key, conversation_id, first_at, last_at, locale, \
               csat_mode, csat_offered_at, csat_answered_at, csat_score, csat_comment, \
               csat_completed, csat_at, csat_event_id, csat_received_at, thumbs_up) \
             VALUES ({site}, {id}, {at} - 60000, {at}, 'de', 'scale5', {at} - 30000, {at}, 4, \
               {comment}, 1, {at}, {answer}, {at}, 1); \
             INSERT INTO message_ratings (site_key, conversation_id, message_id, rating, at, \
               event_id, locale) VALUES ({site}, {id}, 'm1', 'up', {at} - 60000, {thumb}, 'de'); \
             INSERT INTO events (site_key, event_id, type, conversation_id, at, received_at, \
               locale, body) VALUES \
               ({site}, {thumb}, 'message_feedback', {id}, {at} - 60000, {at}, 'de', '{{}}'), \
               ({site}, {answer}, 'csat_response', {id}, {at}, {at}, 'de', '{{}}'); "
        ));
        planted.push((conversation, at));
    }
    stack.d1_execute_for(site_key, &sql).unwrap();
    planted
}

/// How many rows `site_key` has in D1 in each of the archived tables.
fn rows_in_d1(stack: &Stack, site_key: &str) -> [i64; 3] {
    let site = sql_text(site_key);
    let rows = stack
        .d1_execute_for(
            site_key,
            &format!(
                "SELECT (SELECT count(*) FROM conversations WHERE site_key = {site}) AS c, \
                   (SELECT count(*) FROM message_ratings WHERE site_key = {site}) AS m, \
                   (SELECT count(*) FROM events WHERE site_key = {site}) AS e"
            ),
        )
        .unwrap();
    ["c", "m", "e"].map(|name| rows[0][name].as_i64().unwrap())
}

/// The conversations each of `site_key`'s kept chunks holds, read from
/// R2: conversation id → how many objects hold its row.
fn conversations_in_r2(stack: &Stack, site_key: &str) -> Vec<String> {
    let chunks = stack
        .d1_execute_for(
            site_key,
            &format!(
                "SELECT day, chunk, rows, sha256 FROM archive_chunks \
                 WHERE site_key = {} AND state = 'kept' ORDER BY day, chunk",
                sql_text(site_key)
            ),
        )
        .unwrap();
    let mut conversations = Vec::new();
    for chunk in chunks {
        let (day, number) = (
            chunk["day"].as_str().unwrap(),
            chunk["chunk"].as_i64().unwrap(),
        );
        let key = ledger::archive::object_key(site_key, day, number);
        let bytes = stack
            .r2_get(&key)
            .unwrap()
            .unwrap_or_else(|| panic!("{key} is not in R2"));
        let read = day_object::decode(&bytes).unwrap();
        assert_eq!(read.header.site_key, site_key);
        assert_eq!(
            read.lines.len() as i64,
            chunk["rows"].as_i64().unwrap(),
            "{key}"
        );
        assert_eq!(read.sha256, chunk["sha256"].as_str().unwrap(), "{key}");
        for line in read.lines {
            if line.table == "conversations" {
                conversations.push(line.row["conversation_id"].as_str().unwrap().to_string());
            }
        }
    }
    conversations
}

#[tokio::test]
async fn conversations_past_ninety_days_move_to_r2_whole_once_and_the_overview_stays() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("archive").unwrap(); // hot_days unset: 90
    let collector = stack.collector();
    let now = now_ms();
    let planted = plant(&stack, &site.key, now, 120);
    let cold: BTreeSet<String> = planted
        .iter()
        .filter(|(_, at)| *at < now - 90 * DAY)
        .map(|(id, _)| id.clone())
        .collect();
    assert_eq!(cold.len(), 31);
    let overview = || async {
        let (status, body) = collector
            .owner_get(&site, "overview?days=130&tz=UTC")
            .await
            .unwrap();
        assert_eq!(status, 200, "{body}");
        body
    };
    let before = overview().await;
    let exports_before = exports(&collector, &site, "").await;
    assert_eq!(exports_before[0].len(), 121 + 1);
    assert_eq!(exports_before[1].len(), 121 + 1);
    assert_eq!(rows_in_d1(&stack, &site.key), [121, 121, 242]);

    let oldest_day = stack
        .d1_execute_for(
            &site.key,
            &format!(
                "SELECT strftime('%Y-%m-%d', min(last_at) / 1000, 'unixepoch') AS day \
                 FROM conversations WHERE site_key = {}",
                sql_text(&site.key)
            ),
        )
        .unwrap()[0]["day"]
        .as_str()
        .unwrap()
        .to_string();
    let first_object = ledger::archive::object_key(&site.key, &oldest_day, 1);

    // The exports read above hold the archive off the site for ten
    // minutes: a run now moves nothing. Then the hold is let go, as ten
    // minutes would.
    let run = archive_run(&stack, None).await;
    assert_eq!(run["chunks"], 0, "{run}");
    assert_eq!(rows_in_d1(&stack, &site.key), [121, 121, 242]);
    stack
        .d1_execute_for(
            &site.key,
            &format!(
                "UPDATE export_holds SET until = 0 WHERE site_key = {}",
                sql_text(&site.key)
            ),
        )
        .unwrap();

    // A run whose write fails, and one whose read-back differs: no row
    // leaves D1, the chunk is abandoned at once, and its object (written,
    // in the second) is deleted.
    for fault in ["fail-archive-write", "fail-archive-read-back"] {
        let run = archive_run(&stack, Some(fault)).await;
        assert!(run["failed"].as_u64().unwrap() >= 1, "{fault}: {run}");
        assert_eq!(rows_in_d1(&stack, &site.key), [121, 121, 242], "{fault}");
        let chunks = stack
            .d1_execute_for(
                &site.key,
                &format!(
                    "SELECT count(*) AS n FROM archive_chunks WHERE site_key = {}",
                    sql_text(&site.key)
                ),
            )
            .unwrap();
        assert_eq!(chunks[0]["n"], 0, "{fault}: no chunk is left");
        assert_eq!(stack.r2_get(&first_object).unwrap(), None, "{fault}");
    }

    // The next runs finish (a run writes a bounded number of chunks for
    // one site, here one a day): exactly the cold conversations are in
    // R2, each once, and gone from D1.
    let mut moved = 0;
    for _ in 0..10 {
        let run = archive_run(&stack, None).await;
        assert_eq!(run["failed"], 0, "{run}");
        if run["chunks"] == 0 {
            break;
        }
        moved += run["rows"].as_u64().unwrap();
    }
    assert!(moved >= 31 * 4, "{moved}");
    assert_eq!(rows_in_d1(&stack, &site.key), [90, 90, 180]);
    let in_r2 = conversations_in_r2(&stack, &site.key);
    assert_eq!(in_r2.len(), 31, "each once: {in_r2:?}");
    assert_eq!(in_r2.into_iter().collect::<BTreeSet<_>>(), cold);
    let writing = stack
        .d1_execute_for(
            &site.key,
            &format!(
                "SELECT count(*) AS n FROM archive_chunks WHERE site_key = {} AND state = 'writing'",
                sql_text(&site.key)
            ),
        )
        .unwrap();
    assert_eq!(writing[0]["n"], 0);

    assert_eq!(
        overview().await,
        before,
        "the figures still count every day"
    );

    // The inbox lists the hot window, and says when the period reaches
    // further.
    for (days, archived) in [(130, Some(90)), (60, None)] {
        let (status, body) = collector
            .owner_get(
                &site,
                &format!("conversations?days={days}&tz=UTC&limit=200"),
            )
            .await
            .unwrap();
        assert_eq!(status, 200, "{body}");
        let page: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(page["archived_days"].as_u64(), archived, "{days} days");
        if days == 130 {
            let listed = page["conversations"].as_array().unwrap().len();
            assert_eq!(listed, 90, "every hot conversation, and no archived one");
        }
    }

    // The exports give every row once, the archived days first.
    let exports_after = exports(&collector, &site, "").await;
    for (kind, (after, before)) in exports_after.iter().zip(&exports_before).enumerate() {
        let ids: BTreeSet<&str> = after.iter().filter_map(conversation_of).collect();
        assert_eq!(ids.len(), 121, "kind {kind}: each once");
        assert_eq!(sorted(after), sorted(before), "kind {kind}");
        let first: BTreeSet<&str> = after[..31].iter().filter_map(conversation_of).collect();
        assert_eq!(
            first,
            cold.iter().map(String::as_str).collect(),
            "kind {kind}"
        );
    }
    // `after=` resumes after an archived chunk, as a file that failed
    // there says.
    let chunks = stack
        .d1_execute_for(
            &site.key,
            &format!(
                "SELECT day, chunk FROM archive_chunks WHERE site_key = {} ORDER BY day, chunk \
                 LIMIT 1 OFFSET 9",
                sql_text(&site.key)
            ),
        )
        .unwrap();
    let after = format!(
        "&after=/archive/{}/{}",
        chunks[0]["day"].as_str().unwrap(),
        chunks[0]["chunk"]
    );
    let resumed = exports(&collector, &site, &after).await;
    for (kind, resumed) in resumed.iter().enumerate() {
        assert_eq!(resumed.len(), 111 + 1, "kind {kind}");
        assert_eq!(
            &resumed[..111],
            &exports_after[kind][10..121],
            "kind {kind}"
        );
    }

    // Nothing more is due: a run again moves nothing of this site.
    archive_run(&stack, None).await;
    assert_eq!(rows_in_d1(&stack, &site.key), [90, 90, 180]);
    let chunks = stack
        .d1_execute_for(
            &site.key,
            &format!(
                "SELECT count(*) AS n, sum(rows) AS rows FROM archive_chunks WHERE site_key = {}",
                sql_text(&site.key)
            ),
        )
        .unwrap();
    assert_eq!(chunks[0]["rows"], 31 * 4, "{chunks:?}");

    // Erasing a conversation of day 100: out of its object, which is
    // written again with the other one of that day; out of the figures;
    // and asked again, gone.
    let (erased, kept) = (&planted[100].0, &planted[120].0);
    let before = figures(&stack, &site.key);
    let answer = collector.erase(&site, erased).await.unwrap();
    assert_eq!(answer.status, 200, "{}", answer.body);
    let in_r2 = conversations_in_r2(&stack, &site.key);
    assert_eq!(in_r2.len(), 30, "{in_r2:?}");
    assert!(!in_r2.contains(erased));
    assert!(in_r2.contains(kept));
    assert_eq!(figures(&stack, &site.key), [before[0] - 1, before[1] - 1]);
    let entries = stack
        .d1_execute_for(
            &site.key,
            &format!(
                "SELECT count(*) AS n FROM archived_conversations WHERE conversation_id = {}",
                sql_text(erased)
            ),
        )
        .unwrap();
    assert_eq!(entries[0]["n"], 0);
    assert_eq!(collector.erase(&site, erased).await.unwrap().status, 404);

    // Retention: the site keeps 110 days, and text 95. The daily sweep
    // expires the chunks of days before the cutoff's (their rows and their
    // figures go), and blanks the comments of the chunks past 95 days.
    let figures_before = figures(&stack, &site.key);
    stack
        .d1_execute_for(
            &site.key,
            &format!(
                "UPDATE sites SET config = json_set(config, '$.retention_days', 110, \
                   '$.text_retention_days', 95) WHERE site_key = {}",
                sql_text(&site.key)
            ),
        )
        .unwrap();
    let swept_at = now_ms();
    let trigger = reqwest::get(format!("{}/__scheduled?cron=17+3+*+*+*", stack.worker_url))
        .await
        .unwrap();
    assert!(trigger.status().is_success(), "{}", trigger.status());
    let before_day =
        |days: i64, at: i64| at.div_euclid(DAY) < (swept_at - days * DAY).div_euclid(DAY);
    let archived: Vec<&(String, i64)> = planted
        .iter()
        .filter(|(id, _)| cold.contains(id) && id != erased)
        .collect();
    let expired = archived
        .iter()
        .filter(|(_, at)| before_day(110, *at))
        .count() as i64;
    let blanked: BTreeSet<&str> = archived
        .iter()
        .filter(|(_, at)| before_day(95, *at) && !before_day(110, *at))
        .map(|(id, _)| id.as_str())
        .collect();
    assert!(expired >= 8 && !blanked.is_empty(), "{expired} {blanked:?}");
    assert_eq!(
        figures(&stack, &site.key),
        [figures_before[0] - expired, figures_before[1] - expired]
    );
    let in_r2 = conversations_in_r2(&stack, &site.key);
    assert_eq!(in_r2.len() as i64, 30 - expired, "{in_r2:?}");
    assert!(in_r2.iter().all(|id| {
        !archived
            .iter()
            .any(|(old, at)| old == id && before_day(110, *at))
    }));
    assert_eq!(
        rows_in_d1(&stack, &site.key),
        [90, 90, 180],
        "swept from D1 too"
    );
    // The comments are gone from the chunks past 95 days, and kept in the
    // younger ones.
    for (id, comment) in comments_in_r2(&stack, &site.key) {
        assert_eq!(
            comment.is_none(),
            blanked.contains(id.as_str()),
            "{id}: {comment:?}"
        );
    }
    let exported = exports(&collector, &site, "").await;
    assert_eq!(exported[0].len() as i64, 121 - 1 - expired + 1);
}

/// The conversations export and the rated answers export over 130 days
/// (and `more` of the query), each as its lines, the last saying the file
/// is whole.
async fn exports(
    collector: &e2e::Collector,
    site: &e2e::SiteAccess,
    more: &str,
) -> [Vec<Value>; 2] {
    let mut files: [Vec<Value>; 2] = [Vec::new(), Vec::new()];
    for (file, kind) in files
        .iter_mut()
        .zip(["format=ndjson", "kind=rated_answers"])
    {
        let (status, body) = collector
            .owner_get(site, &format!("export?{kind}&days=130&tz=UTC{more}"))
            .await
            .unwrap();
        assert_eq!(status, 200, "{body}");
        *file = body
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(file.last().unwrap()["complete"], true, "{kind}: {body}");
    }
    files
}

/// The conversation of an exported line: a conversation's, or a rated
/// answer's (in its metadata).
fn conversation_of(line: &Value) -> Option<&str> {
    line["conversation_id"]
        .as_str()
        .or_else(|| line["metadata"]["conversation_id"].as_str())
}

fn sorted(lines: &[Value]) -> Vec<String> {
    let mut lines: Vec<String> = lines.iter().map(Value::to_string).collect();
    lines.sort();
    lines
}

/// Each archived conversation of `site_key` in R2, with its comment.
fn comments_in_r2(stack: &Stack, site_key: &str) -> Vec<(String, Option<String>)> {
    let chunks = stack
        .d1_execute_for(
            site_key,
            &format!(
                "SELECT day, chunk FROM archive_chunks WHERE site_key = {} AND state = 'kept'",
                sql_text(site_key)
            ),
        )
        .unwrap();
    let mut comments = Vec::new();
    for chunk in chunks {
        let key = ledger::archive::object_key(
            site_key,
            chunk["day"].as_str().unwrap(),
            chunk["chunk"].as_i64().unwrap(),
        );
        let read = day_object::decode(&stack.r2_get(&key).unwrap().unwrap()).unwrap();
        for line in read
            .lines
            .into_iter()
            .filter(|line| line.table == "conversations")
        {
            comments.push((
                line.row["conversation_id"].as_str().unwrap().to_string(),
                line.row["csat_comment"].as_str().map(str::to_string),
            ));
        }
    }
    comments
}

/// The site's 👍 and satisfaction prompts, as the rollups count them.
fn figures(stack: &Stack, site_key: &str) -> [i64; 2] {
    let site = sql_text(site_key);
    let rows = stack
        .d1_execute_for(
            site_key,
            &format!(
                "SELECT (SELECT coalesce(sum(up), 0) FROM thumb_rollups WHERE site_key = {site}) AS up, \
                   (SELECT coalesce(sum(offered), 0) FROM csat_rollups WHERE site_key = {site}) AS offered"
            ),
        )
        .unwrap();
    [
        rows[0]["up"].as_i64().unwrap(),
        rows[0]["offered"].as_i64().unwrap(),
    ]
}
