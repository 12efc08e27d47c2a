//! Layers a site's own wording over the shipped copy of a locale, message by
//! message, into one Fluent file: what `GET /v1/locales/{locale}?site=`
//! serves.

use fluent_syntax::ast::{Entry, Resource};
use fluent_syntax::parser;
use fluent_syntax::serializer;

use crate::guard;

/// The id of a message or term (terms keep their leading `-`).
fn entry_id(entry: &Entry<String>) -> Option<String> {
    match entry {
        Entry::Message(message) => Some(message.id.name.to_string()),
        Entry::Term(term) => Some(format!("-{}", term.id.name)),
        _ => None,
    }
}

/// Parses what can be parsed; broken entries, and entries nested too deep
/// or holding control characters (see `guard`), are dropped, never served.
fn parse(text: &str) -> Resource<String> {
    let text = guard::blank_unsafe(text).into_owned();
    parser::parse(text).unwrap_or_else(|(partial, _)| partial)
}

/// `base` with every message and term that `overlay` defines replaced by
/// the overlay's version, in the base's order (the base's editor comment is
/// kept when the overlay has none); overlay entries the base lacks are
/// appended. Junk from either side is left out.
pub fn layer(base: &str, overlay: &str) -> String {
    let mut base = parse(base);
    let overlay = parse(overlay);
    let mut extra = Vec::new();
    for entry in overlay.body {
        let Some(id) = entry_id(&entry) else {
            continue;
        };
        let slot = base
            .body
            .iter_mut()
            .find(|existing| entry_id(existing).as_deref() == Some(id.as_str()));
        match (slot, entry) {
            (Some(Entry::Message(old)), Entry::Message(mut new)) => {
                new.comment = new.comment.or(old.comment.take());
                *old = new;
            }
            (Some(Entry::Term(old)), Entry::Term(mut new)) => {
                new.comment = new.comment.or(old.comment.take());
                *old = new;
            }
            (_, entry) => extra.push(entry),
        }
    }
    base.body
        .retain(|entry| !matches!(entry, Entry::Junk { .. }));
    base.body.extend(extra);
    serializer::serialize(&base)
}

/// The value of message `id` when it is plain text (no placeables), as
/// the widget's loader needs it before Fluent is loaded.
pub fn plain_text(ftl: &str, id: &str) -> Option<String> {
    use fluent_syntax::ast::PatternElement;
    parse(ftl).body.into_iter().find_map(|entry| match entry {
        Entry::Message(message) if message.id.name == id => {
            let elements = message.value?.elements;
            let mut text = String::new();
            for element in elements {
                match element {
                    PatternElement::TextElement { value } => text.push_str(&value),
                    PatternElement::Placeable { .. } => return None,
                }
            }
            Some(text.trim().to_string()).filter(|text| !text.is_empty())
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "\
# Where it shows.
title = How did we do?
up = Good
-shop = the shop
thanks = Thanks from { -shop }!
";

    #[test]
    fn overlay_messages_replace_base_ones_in_place_and_keep_their_comment() {
        let layered = layer(BASE, "title = How was it today?\n");
        assert_eq!(
            layered,
            "# Where it shows.\ntitle = How was it today?\nup = Good\n-shop = the shop\nthanks = Thanks from { -shop }!\n"
        );
    }

    #[test]
    fn terms_are_replaced_by_terms_and_new_ids_are_appended() {
        let layered = layer(BASE, "-shop = Acme\nnew-one = Extra\n");
        assert!(layered.contains("-shop = Acme\n"), "{layered}");
        assert!(!layered.contains("the shop"), "{layered}");
        assert!(layered.ends_with("new-one = Extra\n"), "{layered}");
    }

    #[test]
    fn plain_text_is_read_and_placeables_are_not_guessed() {
        assert_eq!(plain_text(BASE, "title").as_deref(), Some("How did we do?"));
        assert_eq!(plain_text(BASE, "thanks"), None);
        assert_eq!(plain_text(BASE, "missing"), None);
        assert_eq!(
            plain_text("multi =\n    first line\n    second\n", "multi").as_deref(),
            Some("first line\nsecond")
        );
    }

    #[test]
    fn an_empty_overlay_gives_the_base_back() {
        assert_eq!(layer(BASE, ""), BASE);
    }

    #[test]
    fn overlay_entries_nested_too_deep_or_with_control_characters_are_not_served() {
        let deep = format!("title = {}x{}\n", "{ ".repeat(5_000), " }".repeat(5_000));
        let layered = layer(BASE, &format!("{deep}up = Fine\nthanks = Bye\u{0}\n"));
        assert_eq!(
            layered,
            "# Where it shows.\ntitle = How did we do?\nup = Fine\n-shop = the shop\nthanks = Thanks from { -shop }!\n"
        );
    }

    #[test]
    fn broken_entries_on_either_side_are_not_served() {
        let layered = layer("a = A\nb = { !\nc = C\n", "a = { oops\nc = Sea\n");
        assert_eq!(layered, "a = A\nc = Sea\n");
    }
}
