//! Personal data taken out of shoppers' and assistants' text before
//! anything is stored or sent on (#32): e-mail addresses, phone numbers,
//! payment card numbers and IBANs become a visible token (`[email]`,
//! `[phone]`, `[card]`, `[iban]`), and a site's own patterns (`extra`)
//! remove or keep what they match.
//!
//! One pass over the text, left to right. Each place a candidate can
//! start (an `@`, a letter or digit at a word's start) is read by a
//! bounded reader (`email`, `iban`, `number`, `extra`), and the pass goes
//! on after what was read, so the work is linear in the text whatever it
//! holds; [`Redaction::steps`] counts it, and `tests/redact_corpus.rs`
//! holds it to a bound per character. Prices, dates, times, sizes,
//! product codes, version numbers and order numbers are left as they are
//! (`tests/redact-corpus/`).

mod digits;
mod email;
pub mod extra;
mod iban;
mod number;
mod settings;

use std::borrow::Cow;

pub use extra::{Action, Pattern};
pub use settings::{RedactionSettings, redact_event};

/// What a redacted span was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A payment card number.
    Card,
    /// An IBAN.
    Iban,
    /// The digits after one of the site's prefixes.
    Extra,
}

impl Kind {
    /// The token that stands in its place.
    pub fn token(self) -> &'static str {
        match self {
            Self::Email => "[email]",
            Self::Phone => "[phone]",
            Self::Card => "[card]",
            Self::Iban => "[iban]",
            Self::Extra => "[number]",
        }
    }
}

/// Text after redaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction<'a> {
    /// The text, with each span found replaced by its token.
    pub text: Cow<'a, str>,
    /// What was found, in order.
    pub found: Vec<Kind>,
    /// Characters looked at, over every reader: at most a small multiple
    /// of the text's length.
    pub steps: usize,
}

/// Redacts text for one site: the built-in kinds and the site's own
/// patterns.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    patterns: Vec<Pattern>,
    /// The first character of each pattern's prefix, lower-cased: where
    /// the scan asks the patterns at all.
    firsts: Vec<char>,
}

/// A span to replace: its bytes and what it was. For a site's prefix, the
/// span is the digits alone.
struct Found {
    start: usize,
    end: usize,
    kind: Kind,
}

/// Whether a candidate may start at byte `at` of `text`: not inside a
/// word of Latin letters and digits, nor right after a code's joiner
/// (`SKU-`, `v2.`).
fn word_start(text: &str, at: usize) -> bool {
    let mut before = text.get(..at).unwrap_or_default().chars().rev();
    match before.next() {
        None => true,
        Some(c) if digits::word(c) => false,
        Some(c) if digits::joiner(c) => !before.next().is_some_and(digits::word),
        Some(_) => true,
    }
}

impl Redactor {
    /// A redactor with the site's own `patterns` (already checked with
    /// [`Pattern::problem`]; at most [`extra::MAX_PATTERNS`] are used).
    pub fn new(patterns: &[Pattern]) -> Self {
        let patterns: Vec<Pattern> = patterns.iter().take(extra::MAX_PATTERNS).cloned().collect();
        let firsts = patterns
            .iter()
            .filter_map(|pattern| pattern.prefix.chars().next())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Self { patterns, firsts }
    }

    /// `text` with its personal data replaced; borrowed when nothing was.
    pub fn redact<'a>(&self, text: &'a str) -> Redaction<'a> {
        let (found, steps) = self.scan(text);
        if found.is_empty() {
            return Redaction {
                text: Cow::Borrowed(text),
                found: Vec::new(),
                steps,
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for span in &found {
            out.push_str(text.get(copied..span.start).unwrap_or_default());
            out.push_str(span.kind.token());
            copied = span.end;
        }
        out.push_str(text.get(copied..).unwrap_or_default());
        Redaction {
            text: Cow::Owned(out),
            found: found.iter().map(|span| span.kind).collect(),
            steps,
        }
    }

    /// The spans to replace, in order and apart, and the steps taken.
    fn scan(&self, text: &str) -> (Vec<Found>, usize) {
        let mut found: Vec<Found> = Vec::new();
        let mut steps = 0;
        let mut at = 0;
        while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
            steps += 1;
            let next = at + c.len_utf8();
            // Most characters start nothing: a lower-case letter inside a
            // word, punctuation, another script's letters.
            let may_start = c.is_ascii_alphanumeric()
                || c == '@'
                || c == '\u{FF20}'
                || digits::digit(c).is_some()
                || digits::plus(c)
                || matches!(c, '(' | '\u{FF08}')
                || self.firsts.contains(&c.to_ascii_lowercase());
            if !may_start || (c != '@' && c != '\u{FF20}' && !word_start(text, at)) {
                at = next;
                continue;
            }
            // The site's own patterns first: what they keep, no other
            // reader sees.
            let matched = self.patterns.iter().find_map(|pattern| {
                let (end, taken) = pattern.read(text, at);
                steps += taken;
                end.map(|end| (pattern, end))
            });
            if let Some((pattern, end)) = matched {
                if pattern.action == Action::Remove {
                    found.push(Found {
                        start: pattern.digits_start(text, at, end),
                        end,
                        kind: Kind::Extra,
                    });
                }
                at = end;
                continue;
            }
            let (span, read_end, taken) = if c == '@' || c == '\u{FF20}' {
                let floor = found.last().map_or(0, |span| span.end);
                let read = email::read(text, at, floor);
                (read.span.map(|span| (span, Kind::Email)), next, read.steps)
            } else if c.is_ascii_alphabetic() {
                let read = iban::read(text, at);
                let span = read.end.map(|end| ((at, end), Kind::Iban));
                (span, read.run_end.max(next), read.steps)
            } else if digits::digit(c).is_some() || digits::plus(c) || matches!(c, '(' | '\u{FF08}')
            {
                let read = number::read(text, at);
                let span = read.kind.map(|kind| ((at, read.end), kind));
                (span, read.end.max(next), read.steps)
            } else {
                (None, next, 0)
            };
            steps += taken;
            match span {
                Some(((start, end), kind)) => {
                    found.push(Found { start, end, kind });
                    at = end;
                }
                None => at = read_end,
            }
        }
        (found, steps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redacted(text: &str) -> String {
        Redactor::default().redact(text).text.into_owned()
    }

    #[test]
    fn each_kind_becomes_its_token() {
        assert_eq!(
            redacted(
                "Mail jane@example.com or call +49 30 1234567, card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00."
            ),
            "Mail [email] or call [phone], card [card], IBAN [iban]."
        );
    }

    #[test]
    fn text_without_personal_data_is_borrowed() {
        let text = "The jacket costs 129,99 € in size 42, order 4500123456, shipped 07.12.2026.";
        let redaction = Redactor::default().redact(text);
        assert!(matches!(redaction.text, Cow::Borrowed(_)));
        assert!(redaction.found.is_empty());
    }

    #[test]
    fn a_sites_patterns_remove_or_keep() {
        let patterns = [
            Pattern {
                prefix: "ORD-".into(),
                action: Action::Remove,
            },
            Pattern {
                prefix: "Kunde".into(),
                action: Action::Keep,
            },
        ];
        let redactor = Redactor::new(&patterns);
        assert_eq!(
            redactor
                .redact("ord-0301234567 and Kunde 0301234567 and 0301234567")
                .text,
            "ord-[number] and Kunde 0301234567 and [phone]"
        );
    }

    #[test]
    fn a_mistyped_iban_is_no_phone_or_card() {
        for text in ["DE89 3704 0044 0532 0130 01", "NL91 ABNA 0417 1643 01"] {
            assert_eq!(redacted(text), text);
        }
    }

    #[test]
    fn codes_around_numbers_stay() {
        for text in [
            "SKU-2024-00123",
            "B07XJ8C8F5",
            "v2.3.1",
            "SKU12345678901",
            "Art.-Nr. 4006381333931",
        ] {
            assert_eq!(redacted(text), text);
        }
    }
}
