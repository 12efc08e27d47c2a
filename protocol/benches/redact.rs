//! The cost of redaction (`protocol::redact`), natively: per KB of a
//! shop's chat text (the corpus's lines, joined), and per KB of each
//! hostile shape beside plain text of the same length, so a shape that
//! costs more than its length shows as a ratio. `cargo bench -p protocol
//! --bench redact` prints the figures recorded in BENCHMARKS.md,
//! "Redaction (native)". Budget (#32): 20 µs per KB.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use protocol::redact::{Action, Pattern, Redactor};

/// The corpus's texts, joined into one chat transcript.
fn corpus_text() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/redact-corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "tsv"))
        .collect();
    files.sort();
    let mut text = String::new();
    for path in files {
        for line in std::fs::read_to_string(path).unwrap_or_default().lines() {
            if let Some(body) = line.split('\t').nth(1).filter(|_| !line.starts_with('#')) {
                text.push_str(body);
                text.push('\n');
            }
        }
    }
    text
}

/// `unit` repeated to about `bytes` bytes.
fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// Hostile shapes (as `tests/redact_corpus.rs` has them), 1 KB each.
fn shapes() -> Vec<(&'static str, String)> {
    [
        ("plain text", "the size chart was wrong "),
        ("digits", "1"),
        ("digits and separators", "1 2-3.4/5(6)"),
        ("at signs", "@"),
        ("local parts", "a.b.c.d.e@"),
        ("iban starts", "AB12 "),
        ("card-like groups", "4111 1111 1111 "),
        ("arabic digits", "٠١٢٣ ٤٥٦٧ "),
        ("mixed scripts", "電話0901@مثال+٩x "),
    ]
    .into_iter()
    .map(|(name, unit)| (name, fill(unit, 1024)))
    .collect()
}

/// Nanoseconds per call of `redactor` on `text`, the median of 15
/// batches of 200.
fn per_call(redactor: &Redactor, text: &str) -> f64 {
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..200 {
                black_box(redactor.redact(black_box(text)));
            }
            started.elapsed().as_nanos() as f64 / 200.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times.get(7).copied().unwrap_or(f64::NAN)
}

fn main() {
    let text = corpus_text();
    let patterns: Vec<Pattern> = ["ORD-", "Kunde", "#", "Nr.", "注文番号"]
        .into_iter()
        .enumerate()
        .map(|(n, prefix)| Pattern {
            prefix: prefix.into(),
            action: if n % 2 == 0 {
                Action::Remove
            } else {
                Action::Keep
            },
        })
        .collect();
    let plain = Redactor::default();
    let patterned = Redactor::new(&patterns);

    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let mut group = criterion.benchmark_group("redact");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("corpus, built-in kinds", |b| {
        b.iter(|| plain.redact(black_box(&text)))
    });
    group.bench_function("corpus, with 5 site patterns", |b| {
        b.iter(|| patterned.redact(black_box(&text)))
    });
    group.finish();
    criterion.final_summary();

    let kb = text.len() as f64 / 1024.0;
    println!();
    println!(
        "corpus: {} bytes ({kb:.1} KB), {} lines",
        text.len(),
        text.lines().count()
    );
    for (name, redactor) in [
        ("built-in kinds", &plain),
        ("with 5 site patterns", &patterned),
    ] {
        let micros = per_call(redactor, &text) / 1000.0;
        println!(
            "corpus, {name:<22} {:>7.2} µs per KB (budget 20)",
            micros / kb
        );
    }
    println!();
    let shapes = shapes();
    let base = shapes
        .first()
        .map(|(_, text)| per_call(&plain, text) / text.len() as f64)
        .unwrap_or(f64::NAN);
    for (name, shape) in &shapes {
        let per_byte = per_call(&plain, shape) / shape.len() as f64;
        println!(
            "{name:<24} {:>7.2} µs per KB, {:>5.2}× plain text",
            per_byte * 1024.0 / 1000.0,
            per_byte / base
        );
    }
}
