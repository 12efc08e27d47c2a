//! Pseudo-locales for testing layouts before real translations exist,
//! generated from the en-US copy through Fluent's transform hook (no files):
//!
//! - `en-XA`, accented and elongated: "Ṡḗḗƞḓ" shows strings that skipped
//!   Fluent (they stay plain ASCII) and text that overflows when a
//!   translation runs about a third longer.
//! - `ar-XB`, bidi: mirrored letters between right-to-left overrides, shown
//!   `dir="rtl"`, to check that the layout mirrors.
//!
//! The transform touches only the literal text of a pattern, never the
//! values of variables (a shop's name stays as it is).

use std::borrow::Cow;

/// The accented, elongated pseudo-locale.
pub const ACCENTED: &str = "en-XA";
/// The right-to-left pseudo-locale.
pub const BIDI: &str = "ar-XB";

/// A pseudo-locale's transform, if `tag` names one.
pub fn transform(tag: &str) -> Option<fn(&str) -> Cow<'_, str>> {
    match tag {
        ACCENTED => Some(accented),
        BIDI => Some(bidi),
        _ => None,
    }
}

/// The pseudo-locale the shopper asked for, if any: only ever when asked
/// for first, by its exact tag (never negotiated towards).
pub fn asked_first(requested: &[String]) -> Option<&str> {
    requested
        .first()
        .map(String::as_str)
        .filter(|tag| transform(tag).is_some())
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
    use super::*;

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
    fn only_the_two_pseudo_tags_have_a_transform() {
        assert!(transform(ACCENTED).is_some());
        assert!(transform(BIDI).is_some());
        assert!(transform("en-US").is_none() && transform("ar").is_none());
    }
}
