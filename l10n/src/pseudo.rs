//! Pseudo-locales for testing layouts before real translations exist,
//! generated from the en-US copy (no files of their own); the collector
//! serves them as it serves a shipped locale, so the widget carries none of
//! this:
//!
//! - `en-XA`, accented and elongated: "Ṡḗḗƞḓ" shows strings that skipped
//!   Fluent (they stay plain ASCII) and text that overflows when a
//!   translation runs about a third longer.
//! - `ar-XB`, bidi: mirrored letters between right-to-left overrides, shown
//!   `dir="rtl"`, to check that the layout mirrors.
//!
//! Only the literal text of a pattern changes, never a variable, a
//! function's arguments or a variant's key: a shop's name stays as it is,
//! and plural forms still select.

use std::borrow::Cow;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// The accented, elongated pseudo-locale.
pub const ACCENTED: &str = "en-XA";
/// The right-to-left pseudo-locale.
pub const BIDI: &str = "ar-XB";

/// How deep placeables and select expressions are followed; text deeper
/// than that stays as it is. (Copy that reaches here has passed
/// `guard`, which refuses nesting anywhere near this.)
const MAX_DEPTH: usize = 16;

/// The pseudo-locale a shopper asked for, if any: only ever when asked for
/// first, by its exact tag (never negotiated towards).
pub fn asked_first<S: AsRef<str>>(wanted: &[S]) -> Option<&str> {
    wanted
        .first()
        .map(AsRef::as_ref)
        .filter(|tag| transform(tag).is_some())
}

/// A pseudo-locale's transform of a text, if `tag` names one exactly.
pub fn transform(tag: &str) -> Option<fn(&str) -> Cow<'_, str>> {
    match tag {
        ACCENTED => Some(accented),
        BIDI => Some(bidi),
        _ => None,
    }
}

/// The Fluent file of pseudo-locale `tag` made from `ftl` (en-US): every
/// message's and term's literal text transformed. `None` when `tag` is
/// not a pseudo-locale. Entries the parser cannot read are left out, as
/// the formatter leaves them out.
pub fn ftl(tag: &str, ftl: &str) -> Option<String> {
    let change = transform(tag)?;
    let mut resource = match fluent_syntax::parser::parse(ftl.to_string()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    for entry in &mut resource.body {
        let (value, attributes) = match entry {
            Entry::Message(message) => (message.value.as_mut(), &mut message.attributes),
            Entry::Term(term) => (Some(&mut term.value), &mut term.attributes),
            _ => continue,
        };
        if let Some(value) = value {
            pattern(value, change, 0);
        }
        for attribute in attributes {
            pattern(&mut attribute.value, change, 0);
        }
    }
    Some(fluent_syntax::serializer::serialize(&resource))
}

/// Transforms the literal text of `pattern`, following placeables and
/// select variants `depth` levels down so far.
fn pattern(pattern: &mut Pattern<String>, change: fn(&str) -> Cow<'_, str>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for element in &mut pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                if let Cow::Owned(changed) = change(value) {
                    *value = changed;
                }
            }
            PatternElement::Placeable { expression } => {
                self::expression(expression, change, depth + 1);
            }
        }
    }
}

fn expression(expression: &mut Expression<String>, change: fn(&str) -> Cow<'_, str>, depth: usize) {
    match expression {
        Expression::Select { variants, .. } => {
            for variant in variants {
                pattern(&mut variant.value, change, depth);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) if depth <= MAX_DEPTH => {
            self::expression(expression, change, depth + 1);
        }
        Expression::Inline(_) => {}
    }
}

const PLAIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ACCENTED_LETTERS: &str = "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ";
const FLIPPED_LETTERS: &str = "ɐqɔpǝɟƃɥıɾʞʅɯuodbɹsʇnʌʍxʎz∀ԐↃᗡƎℲ⅁HIſӼ⅂WNOԀÒᴚS⊥∩ɅMX⅄Z";

fn swap(c: char, alphabet: &str) -> char {
    PLAIN
        .chars()
        .position(|plain| plain == c)
        .and_then(|at| alphabet.chars().nth(at))
        .unwrap_or(c)
}

/// "Send" → "Ṡḗḗƞḓ": every ASCII letter accented, every vowel doubled.
pub fn accented(text: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let swapped = swap(c, ACCENTED_LETTERS);
        out.push(swapped);
        if "aeiouAEIOU".contains(c) {
            out.push(swapped);
        }
    }
    Cow::Owned(out)
}

/// "Send" → "\u{202E}Sǝup\u{202C}": mirrored letters forced right to left.
pub fn bidi(text: &str) -> Cow<'_, str> {
    if text.trim().is_empty() {
        return Cow::Borrowed(text);
    }
    let flipped: String = text.chars().map(|c| swap(c, FLIPPED_LETTERS)).collect();
    Cow::Owned(format!("\u{202E}{flipped}\u{202C}"))
}

#[cfg(test)]
mod tests {
    // A failed unwrap in a test is a failed test.
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::format::{Arg, Args, Catalog};

    #[test]
    fn the_alphabets_line_up() {
        assert_eq!(PLAIN.chars().count(), ACCENTED_LETTERS.chars().count());
        assert_eq!(PLAIN.chars().count(), FLIPPED_LETTERS.chars().count());
    }

    #[test]
    fn accented_text_is_longer_and_keeps_what_is_not_a_letter() {
        assert_eq!(accented("Send"), "Şḗḗƞḓ");
        assert_eq!(accented("1–5, ok?"), "1–5, ǿǿķ?");
        assert!(accented("How did we do?").chars().count() > "How did we do?".len());
    }

    #[test]
    fn bidi_text_is_mirrored_between_overrides() {
        assert_eq!(bidi("Send"), "\u{202E}Sǝup\u{202C}");
        assert_eq!(bidi(" "), " ");
    }

    #[test]
    fn a_pseudo_locale_only_when_asked_for_first_and_exactly() {
        assert_eq!(asked_first(&["en-XA"]), Some("en-XA"));
        assert_eq!(asked_first(&["ar-XB", "de"]), Some("ar-XB"));
        assert_eq!(asked_first(&["en-GB"]), None);
        assert_eq!(asked_first(&["de", "en-XA"]), None);
        assert_eq!(asked_first::<&str>(&[]), None);
    }

    #[test]
    fn only_the_two_pseudo_tags_are_made() {
        assert!(ftl(ACCENTED, "a = b").is_some());
        assert!(ftl(BIDI, "a = b").is_some());
        assert!(ftl("en-US", "a = b").is_none() && ftl("ar", "a = b").is_none());
    }

    #[test]
    fn the_file_changes_literal_text_only_and_formats_as_before() {
        let source = "\
-brand = Shop
title = Chat with { $shop }
    .aria-label = Open { -brand }
count = { $n ->
    [one] One answer
   *[other] { $n } answers
}
";
        let made = ftl(ACCENTED, source).unwrap();
        let catalog = Catalog::of(ACCENTED, &made).unwrap();
        let mut args = Args::new();
        args.set("shop", Arg::Text("ACME".into()));
        assert_eq!(
            catalog.format("title", &args).unwrap(),
            "Ƈħȧȧŧ ẇīīŧħ \u{2068}ACME\u{2069}"
        );
        let mut many = Args::new();
        many.set("n", Arg::Number(3));
        assert_eq!(
            catalog.format("count", &many).unwrap(),
            "\u{2068}3\u{2069} ȧȧƞşẇḗḗřş"
        );
        assert!(made.contains("[one] ǾǾƞḗḗ ȧȧƞşẇḗḗř"), "{made}");
        assert!(made.contains("-brand = Şħǿǿƥ"), "{made}");
        let bidi = ftl(BIDI, source).unwrap();
        assert!(bidi.contains("\u{202E}"), "{bidi}");
    }
}
