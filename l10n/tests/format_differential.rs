//! `l10n::format` against fluent-bundle on generated Fluent: a bounded
//! grammar of text, variables, string and number literals, message and
//! term references (with attributes and term arguments, positional ones,
//! a term inside a term, a term that calls itself), `NUMBER()` with
//! its options (fluent-bundle's builtin), selects on plural, numeric and
//! string keys, nested placeables and missing references. Thousands of messages, each formatted with random
//! arguments in several locales, must come out the same; where
//! fluent-bundle reports an error, ours gives no text (the caller then
//! falls back whole; see the deliberate differences in `l10n::format`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod both;

use both::Both;
use l10n::format::Arg;

/// A small deterministic generator (xorshift64*), so a failure replays.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: [&str; 8] = [
    "Hello",
    " ",
    "world",
    "Café Zoë",
    "متجر",
    " and ",
    "!",
    "a-b",
];
const NUMBERS: [&str; 12] = [
    "0", "1", "-0", "1.5", "1.50", "007", "-3", "2", "1000000", "0.0", "11", "3.25",
];
const STRINGS: [&str; 5] = ["\"x\"", "\"\"", "\"\\u00E9\"", "\"short\"", "\"1.5\""];
const VARIABLES: [&str; 3] = ["$count", "$name", "$missing"];
const KEYS: [&str; 13] = [
    "one", "other", "few", "many", "zero", "two", "0", "1", "1.5", "2", "short", "long", "1.0",
];

/// A generated piece of FTL, `depth` levels of placeables deep at most.
fn pattern(random: &mut Random, depth: u32) -> String {
    let mut out = String::new();
    for _ in 0..1 + random.below(3) {
        if depth == 0 || random.below(3) == 0 {
            out.push_str(random.pick(&WORDS));
        } else {
            out.push_str("{ ");
            out.push_str(&expression(random, depth - 1));
            out.push_str(" }");
        }
    }
    // A pattern may not start or end with a bare space in a way that
    // changes meaning between the two; trim them as the parser would.
    let trimmed = out.trim();
    if trimmed.is_empty() {
        "x".to_string()
    } else {
        trimmed.to_string()
    }
}

/// Options for `NUMBER()` that the checker accepts.
const NUMBER_OPTIONS: [&str; 9] = [
    "minimumFractionDigits: 0",
    "minimumFractionDigits: 1",
    "minimumFractionDigits: 3",
    "useGrouping: \"false\"",
    "useGrouping: \"true\"",
    "minimumIntegerDigits: 2",
    "maximumFractionDigits: 5",
    "minimumSignificantDigits: 2",
    "maximumSignificantDigits: 4",
];

/// A call to `NUMBER()` of a number, a variable or another call.
fn number_call(random: &mut Random, depth: u32) -> String {
    let argument = match random.below(4) {
        0 => random.pick(&NUMBERS).to_string(),
        1 if depth > 0 => number_call(random, depth - 1),
        _ => random.pick(&VARIABLES).to_string(),
    };
    let mut options: Vec<&str> = Vec::new();
    for _ in 0..random.below(3) {
        let option = random.pick(&NUMBER_OPTIONS);
        let name = option.split(':').next().unwrap_or(option);
        if !options.iter().any(|taken| taken.starts_with(name)) {
            options.push(option);
        }
    }
    if options.is_empty() {
        format!("NUMBER({argument})")
    } else {
        format!("NUMBER({argument}, {})", options.join(", "))
    }
}

fn inline(random: &mut Random, depth: u32) -> String {
    match random.below(10) {
        7 => number_call(random, depth),
        0 => random.pick(&STRINGS).to_string(),
        1 => random.pick(&NUMBERS).to_string(),
        2 | 3 => random.pick(&VARIABLES).to_string(),
        4 => random
            .pick(&[
                "msg-0",
                "msg-1",
                "msg-0.title",
                "msg-1.title",
                "absent",
                "msg-0.absent",
            ])
            .to_string(),
        5 => random
            .pick(&[
                "-term",
                "-term.attr",
                "-term(case: \"short\")",
                "-term(case: \"long\", count: 1)",
                "-term(count: 2)",
                "-absent",
                "-outer",
                "-outer(case: \"short\")",
                "-outer(case: \"short\", count: 3)",
                "-again(n: 1)",
                "-again(n: 0)",
                "-term($missing)",
                "-term($count, case: \"short\")",
                "-term(msg-0)",
                "-term(absent)",
            ])
            .to_string(),
        6 if depth > 0 => format!("{{ {} }}", inline(random, depth - 1)),
        _ => random.pick(&VARIABLES).to_string(),
    }
}

fn expression(random: &mut Random, depth: u32) -> String {
    if depth == 0 || random.below(3) > 0 {
        return inline(random, depth);
    }
    let selector = match random.below(6) {
        0 => random.pick(&NUMBERS).to_string(),
        5 => number_call(random, 1),
        1 => random.pick(&STRINGS).to_string(),
        2 => "$name".to_string(),
        3 => "$missing".to_string(),
        _ => "$count".to_string(),
    };
    let mut keys: Vec<&str> = Vec::new();
    for _ in 0..1 + random.below(4) {
        let key = random.pick(&KEYS);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let default = random.below(keys.len());
    let mut out = format!("{selector} ->\n");
    for (index, key) in keys.iter().enumerate() {
        let star = if index == default { "*" } else { " " };
        out.push_str(&format!("   {star}[{key}] {}\n", pattern(random, depth)));
    }
    out
}

/// A resource: two messages and a term for references, then `count`
/// generated messages `m0`, `m1`, ….
fn resource(random: &mut Random, count: usize) -> String {
    let mut ftl = String::from(
        "msg-0 = Zero { $count }\n    .title = Title\n\
         msg-1 = { $name } one\n    .title = { $count ->\n        [one] single\n       *[other] many\n    }\n\
         -term = { $case ->\n        [short] Shop\n       *[long] The Shop { $count }\n    }\n    .attr = { $count ->\n        [1] one\n       *[other] more\n    }\n\
         -outer = { -term(case: \"long\") } of { $case } { $count }\n\
         -again = { $n ->\n        [0] end\n       *[other] { -again(n: 0) }\n    }\n",
    );
    for index in 0..count {
        ftl.push_str(&format!("m{index} = {}\n", pattern(random, 3)));
    }
    ftl
}

/// Formats every `m…` message both ways in `tag` with some arguments;
/// how many were compared.
fn compare(tag: &str, ftl: &str, count: usize, random: &mut Random) -> usize {
    let both = Both::new(tag, ftl);
    let mut compared = 0;
    for index in 0..count {
        let id = format!("m{index}");
        for _ in 0..3 {
            let count = [0_i64, 1, 2, 3, 5, 11, 21, 100, 101, 1_000_000, -1][random.below(11)];
            let name = random.pick(&["short", "long", "1.5", "one", "Zoë", "0"]);
            let args = [
                ("count", Arg::Number(count)),
                ("name", Arg::Text(name.to_string())),
            ];
            let context = || {
                let line = ftl
                    .lines()
                    .find(|line| line.starts_with(&format!("{id} =")))
                    .unwrap_or("");
                format!("count={count} name={name}\n{line}\n(in)\n{ftl}")
            };
            if !both.agree(&id, &args, &context) {
                break;
            }
            compared += 1;
        }
    }
    compared
}

#[test]
fn generated_messages_format_as_fluent_bundle_formats_them() {
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let mut compared = 0;
    for _ in 0..40 {
        let ftl = resource(&mut random, 50);
        for tag in ["en-US", "ar", "pl", "fr", "ja"] {
            compared += compare(tag, &ftl, 50, &mut random);
        }
    }
    assert!(compared > 20_000, "only {compared} formats compared");
}

#[test]
fn number_literals_are_written_as_fluent_bundle_writes_them() {
    use fluent_bundle::types::FluentNumber;
    use l10n::format::{MAX_SIGNIFICANT_DIGITS, Number};
    use std::str::FromStr;
    let mut random = Random(0xD1B5_4A32_D192_ED03);
    let digits = |random: &mut Random, count: usize| -> String {
        (0..count)
            .map(|_| char::from(b'0' + random.below(10) as u8))
            .collect()
    };
    let mut checked = 0;
    for _ in 0..20_000 {
        let mut text = String::new();
        if random.below(3) == 0 {
            text.push('-');
        }
        let whole = 1 + random.below(10);
        text.push_str(&digits(&mut random, whole));
        if random.below(2) == 0 {
            text.push('.');
            let fraction = 1 + random.below(9);
            text.push_str(&digits(&mut random, fraction));
        }
        let theirs = FluentNumber::from_str(&text).unwrap().as_string();
        match Number::literal(&text) {
            Some(ours) => {
                assert_eq!(ours.text(), theirs, "{text}");
                checked += 1;
            }
            // Refused only with more digits than are kept exactly.
            None => assert!(
                text.replace(['-', '.'], "").len() > MAX_SIGNIFICANT_DIGITS,
                "{text} refused"
            ),
        }
    }
    assert!(checked > 15_000, "only {checked} literals compared");
}
