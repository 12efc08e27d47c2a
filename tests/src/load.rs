//! The benchmarks' load: a plausible mix of a shop's feedback events, each
//! with the provenance a shop's page sends. `loadgen` posts it to the
//! Worker; `ingest_sql` writes it straight into SQLite.

use serde_json::{Value, json};

use crate::{csat_event, now_ms, thumb_event};

/// Shopper questions that come with thumbs-downs: four topics, each asked
/// in several ways, for the knowledge-gap grouping to find.
const QUESTIONS: [&str; 12] = [
    "How long does delivery to Austria take?",
    "delivery time to Austria",
    "When will my order arrive in Austria?",
    "Do the Trail Runner shoes run small?",
    "Trail Runner sizing: do they run small or large?",
    "Are Trail Runner shoes true to size?",
    "Can I return sale items?",
    "return policy for sale items",
    "Is there a return window for sale items?",
    "Can I pay by invoice?",
    "invoice payment possible?",
    "Do you accept payment by invoice?",
];

/// Provenance as a shop's page sends it (#30): every answer names one of
/// [`MODELS`] models and [`PROMPT_VERSIONS`] prompt versions, every
/// conversation one of [`VARIANTS`] A/B arms and one of [`PAGES`] pages.
const MODELS: u64 = 10;
const PROMPT_VERSIONS: u64 = 50;
const VARIANTS: [&str; 3] = ["a", "b", "c"];
const PAGES: u64 = 20;

/// Event `n`'s answer meta: its model, prompt version, variant and trace.
fn answer_meta(n: u64) -> Value {
    let variant = VARIANTS.get((n / 6) as usize % VARIANTS.len()).copied();
    json!({
        "model": format!("model-{}", n % MODELS),
        "prompt_version": (n / 3) % PROMPT_VERSIONS,
        "variant": variant,
        "trace_id": format!("tr_{n:x}"),
    })
}

/// Conversation `c`'s context and page.
fn conversation_context(c: u64) -> (Value, String) {
    let variant = VARIANTS.get(c as usize % VARIANTS.len()).copied();
    (json!({"variant": variant}), format!("/page-{}", c % PAGES))
}

/// Events of a plausible conversation mix, `count` of them, spread over the
/// last `spread_ms`, numbered from `seed` so ids never repeat; each with
/// provenance: a page, an answer's meta, a conversation's context.
pub fn events(seed: u64, count: usize, spread_ms: i64) -> Vec<Value> {
    let now = now_ms();
    (0..count as u64)
        .map(|i| {
            let n = seed + i;
            let mut event = event(n, now, spread_ms);
            let (context, page) = conversation_context(n / 6);
            if let Some(fields) = event.as_object_mut() {
                fields.insert("page".into(), json!(page));
                if fields.get("type") == Some(&json!("message_feedback")) {
                    fields.insert("role".into(), json!("assistant"));
                    fields.insert("meta".into(), answer_meta(n));
                } else {
                    fields.insert("context".into(), context);
                }
            }
            event
        })
        .collect()
}

/// Event `n` of the mix, without provenance.
fn event(n: u64, now: i64, spread_ms: i64) -> Value {
    let conversation = format!("c_bench_{}", n / 6);
    let at =
        now - 60_000 - ((n.wrapping_mul(2_654_435_761) % 1_000_000) as i64 * spread_ms / 1_000_000);
    let id = format!("ev_bench_{n}");
    match n % 6 {
        0..=2 => {
            let rating = if n.is_multiple_of(7) { "down" } else { "up" };
            let mut event = thumb_event(&id, &conversation, &format!("m{}", n % 6), rating, at);
            if rating == "down"
                && let Some(question) = QUESTIONS.get((n / 7) as usize % QUESTIONS.len())
                && let Some(fields) = event.as_object_mut()
            {
                // Kept only where the site stores excerpts.
                fields.insert(
                    "question".into(),
                    json!(format!("{question} (#{})", n % 13)),
                );
            }
            event
        }
        3 => csat_event(
            "csat_offered",
            &id,
            &conversation,
            at,
            json!({"mode": "scale5"}),
        ),
        4 => csat_event(
            "csat_response",
            &id,
            &conversation,
            at + 1_000,
            json!({"mode": "scale5", "score": 1 + (n / 6) % 5, "comment": "Good answer"}),
        ),
        _ => csat_event(
            "csat_dismissed",
            &id,
            &conversation,
            at + 2_000,
            json!({"mode": "scale5"}),
        ),
    }
}
