//! A sample of generated hostile input sent to the collector on workerd:
//! Fluent copy stitched from the pieces that nest, quote and select, and
//! bodies shaped like (and unlike) an ingest envelope. Every answer is a
//! 2xx or a 4xx with a JSON body; none is a 5xx. (The pure crates run
//! thousands of such inputs natively: `l10n/tests/checker_fuzz.rs`,
//! `protocol/tests/parser_fuzz.rs`.)
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used)]

use e2e::{Stack, now_ms};

/// xorshift, so every run sends the same sample.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn stitch(&mut self, pieces: &[&str], count: usize) -> String {
        (0..count)
            .filter_map(|_| pieces.get(self.below(pieces.len())).copied())
            .collect()
    }
}

const FLUENT: [&str; 20] = [
    "csat-title = ",
    "-brand = ",
    "\n",
    "\n    ",
    "{ ",
    " }",
    "$count",
    " ->\n",
    "   *[other] ",
    "    [one] ",
    "NUMBER(",
    ")",
    "\"",
    "\\",
    ".attr = ",
    "# note",
    "\u{0}",
    "\r",
    "Wie war's?",
    "{ { { { { { { { { { { { ",
];

const JSON: [&str; 20] = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"site_key\"",
    "\"events\"",
    "\"sent_at\"",
    "\"type\"",
    "\"message_feedback\"",
    "\"csat_response\"",
    "\"score\"",
    "1e999",
    "-0",
    "null",
    "\"\\ud83d\"",
    "\"pk_x\"",
    "[[[[[[[[",
    "\"\u{0}\"",
];

#[tokio::test]
async fn a_sample_of_hostile_input_gets_no_5xx() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("hostile").unwrap();
    let collector = stack.collector();
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let mut answered = Vec::new();
    for round in 0..150 {
        let count = 1 + random.below(400);
        let ftl = random.stitch(&FLUENT, count);
        let answer = collector
            .put_copy(&site.key, &site.secret, "de", &ftl)
            .await
            .unwrap();
        answered.push((format!("copy #{round}"), answer.status));
        let count = 1 + random.below(200);
        let mut body = random.stitch(&JSON, count);
        if round % 3 == 0 {
            // Often close to a real envelope, so it gets past the first checks.
            body = format!(
                r#"{{"site_key":"{}","sent_at":{},"events":[{body}]}}"#,
                site.key,
                now_ms()
            );
        }
        let answer = collector
            .post_raw(body, None, Some(&site.secret))
            .await
            .unwrap();
        answered.push((format!("envelope #{round}"), answer.status));
    }
    let server_errors: Vec<_> = answered
        .iter()
        .filter(|(_, status)| *status >= 500)
        .collect();
    assert!(server_errors.is_empty(), "{server_errors:?}");
    assert!(
        answered
            .iter()
            .any(|(_, status)| (400..500).contains(status)),
        "the sample holds refusals"
    );
}
