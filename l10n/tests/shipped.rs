//! The copy the browser apps compile in (`l10n::shipped`) holds every
//! message, term and attribute of each shipped file exactly as parsed
//! from the full file, and none of its comments.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::panic)]

use fluent_syntax::ast::{Entry, Resource};
use l10n::shipped::without_comments;

/// `resource`'s entries with their comments taken away.
fn uncommented(resource: Resource<String>) -> Vec<Entry<String>> {
    resource
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            Entry::Message(mut message) => {
                message.comment = None;
                Some(Entry::Message(message))
            }
            Entry::Term(mut term) => {
                term.comment = None;
                Some(Entry::Term(term))
            }
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => None,
            junk @ Entry::Junk { .. } => Some(junk),
        })
        .collect()
}

fn parse(ftl: &str) -> Resource<String> {
    match fluent_syntax::parser::parse(ftl.to_string()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{errors:?}"),
    }
}

#[test]
fn every_shipped_file_keeps_its_messages_and_loses_its_comments() {
    let locales = concat!(env!("CARGO_MANIFEST_DIR"), "/../locales");
    let mut files = 0;
    for locale in std::fs::read_dir(locales).unwrap() {
        for file in std::fs::read_dir(locale.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_none_or(|ext| ext != "ftl") {
                continue;
            }
            let ftl = std::fs::read_to_string(&path).unwrap();
            let stripped = without_comments(&ftl);
            assert!(stripped.len() <= ftl.len());
            let (full, shipped) = (parse(&ftl), parse(&stripped));
            assert!(
                shipped.body.iter().all(|entry| match entry {
                    Entry::Message(message) => message.comment.is_none(),
                    Entry::Term(term) => term.comment.is_none(),
                    Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => false,
                    Entry::Junk { .. } => true,
                }),
                "{}: a comment was left",
                path.display()
            );
            assert_eq!(
                uncommented(shipped),
                uncommented(full),
                "{}",
                path.display()
            );
            files += 1;
        }
    }
    assert!(files >= 16, "only {files} files");
}

#[test]
fn a_value_that_holds_a_hash_is_kept() {
    let ftl = "# note\n\n\n## group\nkey =\n    # not a comment, a continued value\nother = x # neither\n";
    assert_eq!(
        without_comments(ftl),
        "key =\n    # not a comment, a continued value\nother = x # neither\n"
    );
}
