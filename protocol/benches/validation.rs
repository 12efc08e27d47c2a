//! Native cost of parsing and validating events, per event, at the batch
//! sizes the widget sends. `cargo bench -p protocol --bench validation`
//! prints the numbers recorded in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Instant;

use protocol::parse_envelope;
use serde_json::{Value, json};

const NOW: i64 = 1_750_000_000_000;

fn thumb(i: usize) -> Value {
    json!({
        "id": format!("ev_{i:026}"), "type": "message_feedback",
        "conversation_id": "c_01hzx9k3m4n5p6q7r8s9t0v1w2", "at": NOW - 1_000,
        "locale": "en-US", "message_id": format!("m_{i}"), "rating": "down",
        "reason": "The size chart was wrong for my country.", "tags": ["wrong_answer"],
    })
}

fn csat(i: usize) -> Value {
    json!({
        "id": format!("ev_c{i:025}"), "type": "csat_response",
        "conversation_id": "c_01hzx9k3m4n5p6q7r8s9t0v1w2", "at": NOW - 500,
        "locale": "de", "mode": "scale5", "score": 4, "comment": "Schnell und freundlich.",
    })
}

fn body(events: usize) -> Vec<u8> {
    let events: Vec<Value> = (0..events)
        .map(|i| if i % 4 == 3 { csat(i) } else { thumb(i) })
        .collect();
    serde_json::to_vec(&json!({"site_key": "pk_bench", "sent_at": NOW, "events": events}))
        .unwrap_or_default()
}

fn main() {
    println!("batch size | bytes | per event (median of 15 runs) | events/s on one core");
    for size in [1usize, 20, 100] {
        let body = body(size);
        let iterations = 20_000 / size;
        let mut runs: Vec<f64> = (0..15)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..iterations {
                    let parsed = parse_envelope(black_box(&body), NOW);
                    black_box(&parsed);
                }
                start.elapsed().as_nanos() as f64 / (iterations * size) as f64
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        let median = runs.get(runs.len() / 2).copied().unwrap_or(f64::NAN);
        println!(
            "{size:>10} | {:>5} | {:>8.0} ns ({:.2} µs) | {:>12.0}",
            body.len(),
            median,
            median / 1000.0,
            1e9 / median
        );
    }
}
