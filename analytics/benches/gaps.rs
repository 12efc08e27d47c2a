//! Knowledge-gap grouping, native, on what a site can be sent: distinct
//! long questions (anyone with a site's public key can send them; the
//! collector groups at most the latest 5,000 per request) and a realistic
//! mix of a few dozen topics asked in many ways. The grouping before the
//! index (every question compared with every group) runs beside it in the
//! same run up to 5,000 questions. `cargo bench -p analytics --bench gaps`
//! prints the numbers recorded in BENCHMARKS.md.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::Instant;

use analytics::gaps::{jaccard, tokens};
use analytics::{Downvote, knowledge_gaps};

/// xorshift, so every run groups the same questions.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn word(n: usize) -> String {
    format!("q{n}z")
}

/// `count` questions of 150 words each drawn from 50,000: no two alike.
fn distinct(count: usize) -> Vec<Downvote> {
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    (0..count)
        .map(|i| Downvote {
            conversation_id: format!("c{i}"),
            question: (0..150)
                .map(|_| word(random.below(50_000)))
                .collect::<Vec<_>>()
                .join(" "),
            at: i as i64,
        })
        .collect()
}

/// `count` two-word questions that all share one word ("shoe 123"): the
/// shared word is in every group, so it must not be read for every one.
fn one_shared_word(count: usize) -> Vec<Downvote> {
    (0..count)
        .map(|i| Downvote {
            conversation_id: format!("c{i}"),
            question: format!("sneaker {}", word(i)),
            at: i as i64,
        })
        .collect()
}

/// `count` questions around 40 topics of 6 words, each asked with a word
/// or two left out or added.
fn topical(count: usize) -> Vec<Downvote> {
    let mut random = Random(0x2545_f491_4f6c_dd1d);
    let topics: Vec<Vec<usize>> = (0..40)
        .map(|_| (0..6).map(|_| random.below(2_000)).collect())
        .collect();
    (0..count)
        .map(|i| {
            let topic = topics.get(random.below(topics.len()));
            let mut words: Vec<String> = topic
                .into_iter()
                .flatten()
                .filter(|_| random.below(6) > 0)
                .map(|&w| word(w))
                .collect();
            for _ in 0..random.below(3) {
                words.push(word(random.below(2_000)));
            }
            Downvote {
                conversation_id: format!("c{i}"),
                question: words.join(" "),
                at: i as i64,
            }
        })
        .collect()
}

/// The grouping before the index: each question against every group.
fn by_scanning(downvotes: &[Downvote]) -> usize {
    let mut latest_first: Vec<&Downvote> = downvotes.iter().collect();
    latest_first.sort_by_key(|vote| std::cmp::Reverse(vote.at));
    let mut seeds: Vec<BTreeSet<String>> = Vec::new();
    for vote in latest_first {
        let words = tokens(&vote.question);
        if !seeds.iter().any(|seed| jaccard(seed, &words) >= 0.5) {
            seeds.push(words);
        }
    }
    seeds.len()
}

/// The median of `runs` timings of `work`, in ms.
fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    println!("questions | kind | grouping with the index | every group scanned | gaps found");
    for (kind, make) in [
        (
            "distinct, 150 words",
            distinct as fn(usize) -> Vec<Downvote>,
        ),
        ("two words, one shared by all", one_shared_word),
        ("40 topics", topical),
    ] {
        for count in [1_000, 5_000, 20_000] {
            let downvotes = make(count);
            let found = knowledge_gaps(&downvotes, 100).len();
            let indexed = median_ms(5, || {
                black_box(knowledge_gaps(black_box(&downvotes), 20));
            });
            let scanned = if count <= 5_000 {
                format!(
                    "{:.1} ms",
                    median_ms(1, || {
                        black_box(by_scanning(black_box(&downvotes)));
                    })
                )
            } else {
                "not run (minutes)".to_string()
            };
            println!("{count:>9} | {kind} | {indexed:.1} ms | {scanned} | {found}");
        }
    }
}
