//! The Overview's 15-minute rollups (migration 0010) on workerd with local
//! D1: after random ingest (thumbs given, changed and cleared; prompts
//! offered, answered, amended and dismissed), after erasure and after the
//! retention sweep, every bucket equals a recount from the raw rows.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::{Stack, csat_event, eventually, now_ms, sql_text, thumb_event, unique};
use serde_json::{Value, json};

const MINUTE: i64 = 60_000;
const DAY: i64 = 24 * 60 * MINUTE;
/// Conversations the test makes up.
const CONVERSATIONS: usize = 90;
/// Events per request.
const BATCH: usize = 50;

/// A small deterministic generator (xorshift64*), so a failure replays.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// One conversation's events: the first pass, and amendments sent after it.
fn conversation_events(random: &mut Random, id: &str, start: i64) -> (Vec<Value>, Vec<Value>) {
    let (mut first, mut later) = (Vec::new(), Vec::new());
    let mut at = start;
    let mut step = |random: &mut Random| {
        at += 1 + i64::try_from(random.below(9 * MINUTE as u64)).unwrap();
        at
    };
    for _ in 0..=random.below(5) {
        let message = format!("m{}", random.below(3));
        let rating = ["up", "down", "none"][random.below(3) as usize];
        let at = step(random);
        first.push(thumb_event(&unique("ev"), id, &message, rating, at));
    }
    if random.chance(75) {
        let offered = step(random);
        first.push(csat_event(
            "csat_offered",
            &unique("ev"),
            id,
            offered,
            json!({"mode": "scale5"}),
        ));
        let answer = |random: &mut Random, at: i64| {
            csat_event(
                "csat_response",
                &unique("ev"),
                id,
                at,
                json!({"mode": "scale5", "score": 1 + random.below(5), "completed": random.chance(50)}),
            )
        };
        match random.below(4) {
            0 => first.push(csat_event(
                "csat_dismissed",
                &unique("ev"),
                id,
                step(random),
                json!({"mode": "scale5"}),
            )),
            1 => {
                let at = step(random);
                first.push(answer(random, at));
            }
            2 => {
                let at = step(random);
                first.push(answer(random, at));
                let amended = step(random);
                later.push(answer(random, amended));
            }
            _ => {}
        }
    }
    // A thumb changed after everything else, sometimes into another bucket.
    if random.chance(30) {
        let at = step(random) + i64::try_from(random.below(40 * MINUTE as u64)).unwrap();
        let rating = ["up", "down", "none"][random.below(3) as usize];
        later.push(thumb_event(&unique("ev"), id, "m0", rating, at));
    }
    (first, later)
}

/// The site's rollups beside a recount from its rows, as JSON text.
fn rollups_and_recount(stack: &Stack, site_key: &str) -> [String; 4] {
    let site = sql_text(site_key);
    let csat = "offered, accepted, denied, completed, score_1, score_2, score_3, score_4, score_5";
    let rows = stack
        .d1_execute_for(site_key, &format!(
            "SELECT \
               (SELECT json_group_array(json_array(bucket_ms, {csat})) FROM \
                 (SELECT * FROM csat_rollups WHERE site_key = {site} ORDER BY bucket_ms)) AS csat, \
               (SELECT json_group_array(json_array(b, n, a, d, c, s1, s2, s3, s4, s5)) FROM \
                 (SELECT (csat_offered_at / 900000) * 900000 AS b, count(*) AS n, \
                    sum(csat_score IS NOT NULL) AS a, \
                    sum(csat_dismissed_at IS NOT NULL AND csat_score IS NULL) AS d, \
                    sum(csat_completed) AS c, sum(csat_score IS 1) AS s1, sum(csat_score IS 2) AS s2, \
                    sum(csat_score IS 3) AS s3, sum(csat_score IS 4) AS s4, sum(csat_score IS 5) AS s5 \
                  FROM conversations WHERE site_key = {site} AND csat_offered_at IS NOT NULL \
                  GROUP BY 1 ORDER BY 1)) AS csat_recount, \
               (SELECT json_group_array(json_array(bucket_ms, up, down)) FROM \
                 (SELECT * FROM thumb_rollups WHERE site_key = {site} ORDER BY bucket_ms)) AS thumbs, \
               (SELECT json_group_array(json_array(b, u, d)) FROM \
                 (SELECT (at / 900000) * 900000 AS b, sum(rating = 'up') AS u, sum(rating = 'down') AS d \
                  FROM message_ratings WHERE site_key = {site} AND rating IN ('up', 'down') \
                  GROUP BY 1 ORDER BY 1)) AS thumbs_recount"
        ))
        .unwrap();
    let text = |name: &str| rows[0][name].as_str().unwrap().to_string();
    [
        text("csat"),
        text("csat_recount"),
        text("thumbs"),
        text("thumbs_recount"),
    ]
}

/// Asserts that every bucket equals its recount, and that there are some.
fn assert_exact(stack: &Stack, site_key: &str, when: &str) -> usize {
    let [csat, csat_recount, thumbs, thumbs_recount] = rollups_and_recount(stack, site_key);
    assert_eq!(csat, csat_recount, "CSAT rollups {when}");
    assert_eq!(thumbs, thumbs_recount, "thumb rollups {when}");
    let buckets = |json: &str| serde_json::from_str::<Vec<Value>>(json).unwrap().len();
    assert!(
        buckets(&csat) > 0 && buckets(&thumbs) > 0,
        "{when}: {csat} {thumbs}"
    );
    buckets(&csat) + buckets(&thumbs)
}

#[tokio::test]
async fn rollups_equal_a_recount_after_ingest_amendment_erasure_and_retention() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("rollups").unwrap(); // retention_days = 1
    let collector = stack.collector();
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let now = now_ms();
    let mut ids = Vec::new();
    let (mut first, mut later) = (Vec::new(), Vec::new());
    for _ in 0..CONVERSATIONS {
        let id = unique("c");
        // A third of them ended more than the site's one day of retention ago.
        let start = now - i64::try_from(random.below(3 * DAY as u64)).unwrap() - 3 * 60 * MINUTE;
        let (events, amendments) = conversation_events(&mut random, &id, start);
        first.extend(events);
        later.extend(amendments);
        ids.push((id, start));
    }
    for events in [first, later] {
        for batch in events.chunks(BATCH) {
            collector.send_all(&site, batch.to_vec()).await.unwrap();
        }
    }
    let before = assert_exact(&stack, &site.key, "after ingest and amendment");

    for (id, _) in ids.iter().step_by(7) {
        let erased = collector.erase(&site, id).await.unwrap();
        assert!(erased.status < 300, "erasing {id}: {}", erased.status);
    }
    assert_exact(&stack, &site.key, "after erasure");

    let expired = ids
        .iter()
        .filter(|(_, start)| *start + 3 * 60 * MINUTE < now - DAY)
        .count();
    assert!(expired > 0, "some conversations are old enough to be swept");
    let trigger = reqwest::get(format!("{}/__scheduled?cron=17+3+*+*+*", stack.worker_url))
        .await
        .unwrap();
    assert!(trigger.status().is_success(), "{}", trigger.status());
    let cutoff = now - DAY;
    let swept = eventually("the sweep to finish", Duration::from_secs(20), || {
        let rows = stack.d1_execute_for(&site.key, &format!(
            "SELECT count(*) AS left FROM conversations WHERE site_key = {} AND last_at < {cutoff}",
            sql_text(&site.key)
        ));
        async move { Ok((rows?[0]["left"].as_i64() == Some(0)).then_some(())) }
    })
    .await;
    assert!(swept.is_ok(), "{swept:?}");
    let after = assert_exact(&stack, &site.key, "after the retention sweep");
    assert!(
        after < before,
        "the sweep emptied buckets: {before} → {after}"
    );
}
