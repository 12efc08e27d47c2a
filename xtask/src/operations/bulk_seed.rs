//! Seeds events straight into a local D1 database, past the Worker: for
//! read benchmarks at volumes that ingest would take too long to send (10
//! million events are about 40 minutes through ingest on this machine).
//!
//! The rows are what ingest stores for `loadgen seed`'s mix (see
//! `tests/src/bin/loadgen.rs`): per conversation, three thumbs (one in
//! seven down, with a question), a 1–5 prompt offered, answered and then
//! dismissed, at the same times, with the same provenance: each answer's
//! model (of 10), prompt version (of 50), variant (of 3) and trace id,
//! each conversation's variant and page (of 20). Each table is filled by
//! one `INSERT … SELECT`, so the database's triggers (the Overview's and
//! the Compare section's rollups) run as they do at ingest.

use anyhow::{Result, bail};

use crate::worker_dev::D1;

/// Events per conversation, as `loadgen` sends them.
const PER_CONVERSATION: u64 = 6;
/// Conversations inserted per statement, so no statement runs for minutes.
const CHUNK: u64 = 250_000;

/// The questions that come with thumbs-downs (the first of `loadgen`'s
/// topics; enough for the knowledge gaps to have something to group).
const QUESTIONS: [&str; 4] = [
    "How long does delivery to Austria take?",
    "Do the Trail Runner shoes run small?",
    "Can I return sale items?",
    "Can I pay by invoice?",
];

/// `n`'s event time: the same spread over `spread_ms` before `now` as
/// `loadgen`'s, in SQL.
fn at(n: &str, now: i64, spread_ms: i64) -> String {
    format!("({now} - 60000 - (({n} * 2654435761) % 1000000) * {spread_ms} / 1000000)")
}

/// How the events' times are spread.
#[derive(Clone, Copy)]
pub struct Spread {
    /// Over this long before now.
    pub ms: i64,
    /// Each conversation's events a second apart at a time of its own (as
    /// a shop's are; what the archive moves), rather than each event at
    /// its own time (as the read benchmarks have always seeded).
    pub by_conversation: bool,
}

/// The statements that add conversations `[from, to)` of `site_key` and
/// their events, thumbs and prompt answers.
fn statements(site_key: &str, (from, to): (u64, u64), now: i64, spread: Spread) -> Vec<String> {
    let spread_ms = spread.ms;
    let site = format!("'{}'", site_key.replace('\'', "''"));
    let questions = QUESTIONS
        .iter()
        .map(|question| format!("'{}'", question.replace('\'', "''")))
        .collect::<Vec<_>>()
        .join(", ");
    let numbers = format!(
        "WITH RECURSIVE c(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM c WHERE i < {last}), \
         k(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM k WHERE k < 5), \
         n(i, c) AS (SELECT c.i * 6 + k.k, c.i FROM c, k)",
        last = to - 1
    );
    let at_n = if spread.by_conversation {
        format!("({} + (n.i % 6) * 1000)", at("n.c", now, spread_ms))
    } else {
        at("n.i", now, spread_ms)
    };
    // The event's own time: the answer a second after its base time, the
    // dismissal two, as loadgen sends them.
    let event_at = format!("({at_n} + CASE n.i % 6 WHEN 4 THEN 1000 WHEN 5 THEN 2000 ELSE 0 END)");
    let events = format!(
        "{numbers} INSERT INTO events \
           (site_key, event_id, type, conversation_id, at, received_at, locale, body) \
         SELECT {site}, 'ev_bench_' || n.i, \
           CASE WHEN n.i % 6 < 3 THEN 'message_feedback' WHEN n.i % 6 = 3 THEN 'csat_offered' \
             WHEN n.i % 6 = 4 THEN 'csat_response' ELSE 'csat_dismissed' END, \
           'c_bench_' || n.c, {event_at}, {event_at}, 'en-US', \
           json_object('id', 'ev_bench_' || n.i, 'conversation_id', 'c_bench_' || n.c, \
             'at', {event_at}, 'locale', 'en-US') \
         FROM n"
    );
    // As ingest stores them: meta with its keys in order, as text.
    let variant = |conversation: &str| {
        format!("json_extract('[\"a\",\"b\",\"c\"]', '$[' || ({conversation} % 3) || ']')")
    };
    let page = |conversation: &str| format!("'/page-' || ({conversation} % 20)");
    let ratings = format!(
        "{numbers} INSERT INTO message_ratings (site_key, conversation_id, message_id, rating, at, \
           event_id, locale, question, role, page, meta) \
         SELECT {site}, 'c_bench_' || n.c, 'm' || (n.i % 6), \
           CASE WHEN n.i % 7 = 0 THEN 'down' ELSE 'up' END, {at_n}, 'ev_bench_' || n.i, 'en-US', \
           CASE WHEN n.i % 7 = 0 THEN json_extract(json_array({questions}), \
             '$[' || ((n.i / 7) % {count}) || ']') || ' (#' || (n.i % 13) || ')' END, \
           'assistant', {rating_page}, \
           json_object('model', 'model-' || (n.i % 10), 'prompt_version', (n.i / 3) % 50, \
             'trace_id', printf('tr_%x', n.i), 'variant', {rating_variant}) \
         FROM n WHERE n.i % 6 < 3",
        count = QUESTIONS.len(),
        rating_page = page("n.c"),
        rating_variant = variant("n.c"),
    );
    // Every conversation's row, from its events' times (as ingest would
    // have written it from them).
    let base = |k: u64| {
        if spread.by_conversation {
            format!("({} + {k} * 1000)", at("c.i", now, spread_ms))
        } else {
            at(&format!("(c.i * 6 + {k})"), now, spread_ms)
        }
    };
    let (answered, dismissed) = (
        format!("({} + 1000)", base(4)),
        format!("({} + 2000)", base(5)),
    );
    let downs = "((c.i * 6) % 7 = 0) + ((c.i * 6 + 1) % 7 = 0) + ((c.i * 6 + 2) % 7 = 0)";
    let conversations = format!(
        "WITH RECURSIVE c(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM c WHERE i < {last}) \
         INSERT INTO conversations (site_key, conversation_id, first_at, last_at, locale, \
           csat_mode, csat_offered_at, csat_dismissed_at, csat_answered_at, csat_score, \
           csat_comment, csat_completed, csat_at, csat_event_id, csat_received_at, \
           thumbs_up, thumbs_down, context, page) \
         SELECT {site}, 'c_bench_' || c.i, \
           min({b0}, {b1}, {b2}, {b3}, {answered}, {dismissed}), \
           max({b0}, {b1}, {b2}, {b3}, {answered}, {dismissed}), 'en-US', 'scale5', \
           min({b3}, {answered}, {dismissed}), {dismissed}, {answered}, 1 + c.i % 5, \
           'Good answer', 0, {answered}, 'ev_bench_' || (c.i * 6 + 4), {answered}, \
           3 - ({downs}), {downs}, json_object('variant', {context_variant}), {context_page} \
         FROM c",
        last = to - 1,
        context_variant = variant("c.i"),
        context_page = page("c.i"),
        b0 = base(0),
        b1 = base(1),
        b2 = base(2),
        b3 = base(3),
    );
    vec![events, ratings, conversations]
}

/// Seeds `events` events (rounded up to whole conversations) of
/// `site_key`, spread as `spread` says before `now`; returns how many
/// events are stored.
pub fn seed(d1: &D1, site_key: &str, events: u64, now: i64, spread: Spread) -> Result<u64> {
    let conversations = events.div_ceil(PER_CONVERSATION);
    let mut from = 0;
    while from < conversations {
        let to = (from + CHUNK).min(conversations);
        for sql in statements(site_key, (from, to), now, spread) {
            d1.execute(&sql)?;
        }
        from = to;
        println!("  {} of {events} events", to * PER_CONVERSATION);
    }
    let stored = d1.query(&format!(
        "SELECT count(*) AS n FROM events WHERE site_key = '{}'",
        site_key.replace('\'', "''")
    ))?;
    let stored = stored
        .first()
        .and_then(|row| row.get("n"))
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0);
    if stored != conversations * PER_CONVERSATION {
        bail!(
            "seeding stored {stored} events, not {}",
            conversations * PER_CONVERSATION
        );
    }
    Ok(stored)
}
