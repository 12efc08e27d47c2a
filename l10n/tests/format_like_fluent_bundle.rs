//! The widget's formatter (`l10n::format`) against fluent-bundle: every
//! message of every shipped locale (widget and dashboard copy), with text
//! arguments and counts from 0 to 200, must come out the same, plural
//! forms and Unicode isolation included. Both format with fluent-bundle's
//! CLDR rules here (see `both`), so a difference is a difference in
//! formatting, not in data.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod both;

use std::path::Path;

use both::Both;
use fluent_syntax::ast::Entry;
use l10n::format::Arg;

fn compare(tag: &str, ftl: &str) -> usize {
    let both = Both::new(tag, ftl);
    let ids: Vec<String> = fluent_syntax::parser::parse(ftl)
        .unwrap()
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect();
    let mut compared = 0;
    for id in &ids {
        for n in (0..=200).chain([1_000, 1_000_000]) {
            for text in ["too_long", "wrong_answer", "Café Zoë", "متجر"] {
                let mut args = Vec::new();
                for name in ["count", "n", "days", "total", "score", "shown", "percent"] {
                    args.push((name, Arg::Number(n)));
                }
                for name in ["shop", "tag", "zone", "name", "date", "range", "locale"] {
                    args.push((name, Arg::Text(text.to_string())));
                }
                if !both.agree(id, &args, &|| format!("n={n} text={text}")) {
                    continue;
                }
                compared += 1;
            }
        }
    }
    compared
}

#[test]
fn every_shipped_message_formats_as_fluent_bundle_formats_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
    let mut compared = 0;
    let mut files = 0;
    for entry in std::fs::read_dir(root).unwrap() {
        let entry = entry.unwrap();
        let tag = entry.file_name().to_string_lossy().into_owned();
        for file in ["widget.ftl", "dashboard.ftl"] {
            if let Ok(ftl) = std::fs::read_to_string(entry.path().join(file)) {
                compared += compare(&tag, &ftl);
                files += 1;
            }
        }
    }
    assert!(files >= 16, "only {files} files found");
    assert!(compared > 100_000, "only {compared} formats compared");
}

#[test]
fn terms_references_and_selectors_format_as_fluent_bundle_formats_them() {
    let ftl = "-brand = { $case ->\n    [short] Shop\n   *[long] The Shop\n}\n\
               greeting = Hello from { -brand }!\n\
               short = { -brand(case: \"short\") } says { greeting }\n\
               attr = { short } / { with-attr.title }\n\
               with-attr = x\n    .title = Title { $count }\n\
               exact = { $count ->\n    [0] nothing\n    [1] exactly one\n    [one] one-ish\n   *[other] { $count } things\n}\n\
               text-select = { $tag ->\n    [too_long] Too long\n   *[other] { $tag }\n}\n\
               literal = { \"quoted\" } and { 42 } and { \"\\u00E9\" }\n";
    assert!(compare("en-US", ftl) > 0);
    assert!(compare("ar", ftl) > 0);
    assert!(compare("pl", ftl) > 0);
}
