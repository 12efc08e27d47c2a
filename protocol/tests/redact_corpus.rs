//! `protocol::redact` against the corpus in `tests/redact-corpus/` (see its
//! README): every line with personal data redacted exactly as expected,
//! at most 1% of the near misses changed; and against hostile shapes, in
//! work that grows with the text's length and no faster.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use protocol::redact::{Action, Pattern, Redactor};

/// One corpus line.
struct Line {
    file: String,
    text: String,
    /// The redacted text for a line with personal data; `None` for a near
    /// miss.
    expected: Option<String>,
}

fn corpus() -> Vec<Line> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/redact-corpus");
    let mut lines = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "tsv"))
        .collect();
    files.sort();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        for (number, line) in std::fs::read_to_string(&path).unwrap().lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let expected = match fields.as_slice() {
                ["pii", _, expected] => Some(expected.to_string()),
                ["keep", ..] => None,
                _ => panic!("{file}:{}: not a corpus line: {line:?}", number + 1),
            };
            lines.push(Line {
                file: format!("{file}:{}", number + 1),
                text: fields[1].to_string(),
                expected,
            });
        }
    }
    lines
}

#[test]
fn the_corpus_is_large_and_covers_every_shipped_locale() {
    let lines = corpus();
    assert!(lines.len() >= 300, "only {} lines", lines.len());
    let locales = concat!(env!("CARGO_MANIFEST_DIR"), "/../locales");
    for locale in std::fs::read_dir(locales).unwrap() {
        let tag = locale.unwrap().file_name().to_string_lossy().into_owned();
        let of = |pii: bool| {
            lines
                .iter()
                .filter(|line| line.file.starts_with(&format!("{tag}.tsv:")))
                .filter(|line| line.expected.is_some() == pii)
                .count()
        };
        assert!(
            of(true) >= 15 && of(false) >= 15,
            "{tag}: {} and {}",
            of(true),
            of(false)
        );
    }
}

#[test]
fn no_personal_data_is_missed() {
    let redactor = Redactor::default();
    let missed: Vec<String> = corpus()
        .into_iter()
        .filter_map(|line| {
            let expected = line.expected?;
            let got = redactor.redact(&line.text).text.into_owned();
            (got != expected).then(|| format!("{}: {got:?}, not {expected:?}", line.file))
        })
        .collect();
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn near_misses_stay_as_written() {
    let redactor = Redactor::default();
    let near: Vec<Line> = corpus()
        .into_iter()
        .filter(|line| line.expected.is_none())
        .collect();
    let changed: Vec<String> = near
        .iter()
        .filter_map(|line| {
            let got = redactor.redact(&line.text).text;
            (got != line.text).then(|| format!("{}: {got:?}", line.file))
        })
        .collect();
    // At most 1%, and each one known here.
    assert!(
        changed.len() * 100 <= near.len(),
        "{} of {} near misses changed:\n{}",
        changed.len(),
        near.len(),
        changed.join("\n")
    );
    println!(
        "{} of {} near misses changed: {changed:?}",
        changed.len(),
        near.len()
    );
}

/// Hostile shapes of `len` characters or a little more.
fn hostile(len: usize) -> Vec<(&'static str, String)> {
    let fill = |unit: &str| unit.repeat(len / unit.chars().count() + 1);
    vec![
        ("plain text", fill("the size chart was wrong ")),
        ("digits", fill("1")),
        ("digits and separators", fill("1 2-3.4/5(6)")),
        ("separators alone", fill(" -.()/")),
        ("plus signs", fill("+1 ")),
        ("brackets", fill("(0")),
        ("at signs", fill("@")),
        ("local parts", fill("a.b.c.d.e@")),
        ("domains", fill("@example.")),
        ("iban starts", fill("AB12 ")),
        ("iban bodies", fill("DE89 3704 ")),
        ("card-like groups", fill("4111 1111 1111 ")),
        ("arabic digits", fill("٠١٢٣ ٤٥٦٧ ")),
        ("full-width digits", fill("０９０－")),
        ("mixed scripts", fill("電話0901@مثال+٩x ")),
        ("pattern prefixes", fill("ord-ord-1 ")),
    ]
}

/// The site patterns that cost a reader most: long prefixes the text
/// nearly matches.
fn costly_patterns() -> Vec<Pattern> {
    (0..10)
        .map(|n| Pattern {
            prefix: format!("{}{n}x", "o r d ".repeat(3)).trim_end().to_string(),
            action: if n % 2 == 0 {
                Action::Remove
            } else {
                Action::Keep
            },
        })
        .collect()
}

#[test]
fn work_grows_linearly_with_hostile_text() {
    let plain = Redactor::default();
    let patterned = Redactor::new(&costly_patterns());
    for redactor in [&plain, &patterned] {
        let small = hostile(2_000);
        let large = hostile(4_000);
        for ((name, short), (_, long)) in small.iter().zip(&large) {
            let (a, b) = (redactor.redact(short).steps, redactor.redact(long).steps);
            let chars = long.chars().count();
            // Twice the text, about twice the work: never more.
            assert!(
                b * 10 <= a * 21,
                "{name}: {a} steps for 2,000, {b} for 4,000"
            );
            // And a bounded amount per character.
            assert!(b <= chars * 64, "{name}: {b} steps for {chars} characters");
        }
    }
    // The same per-character bound on the corpus.
    for line in corpus() {
        let steps = plain.redact(&line.text).steps;
        assert!(
            steps <= line.text.chars().count() * 64,
            "{}: {steps}",
            line.file
        );
    }
}
