//! A site's own patterns: a literal prefix followed by digits (an order
//! number such as `ORD-` and digits), which the site has removed like
//! personal data or kept even where it looks like a phone or card number.
//! Not regular expressions: nothing an owner writes can make ingest slow.

use serde::{Deserialize, Serialize};

use super::digits::{digit, word};

/// The most patterns a site has.
pub const MAX_PATTERNS: usize = 10;
/// The longest prefix, in characters.
pub const MAX_PREFIX_CHARS: usize = 24;
/// The most digits read after a prefix.
const MAX_DIGITS: usize = 30;

/// What happens to text a pattern matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Its digits are replaced (`ORD-[number]`).
    Remove,
    /// It stays as written, even if it looks like a phone or card number.
    Keep,
}

/// One pattern: `prefix`, then digits (one space may stand between).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    /// The literal text before the digits, matched ignoring ASCII case.
    pub prefix: String,
    /// What happens to a match.
    pub action: Action,
}

impl Pattern {
    /// Why this pattern cannot be used, if it cannot.
    pub fn problem(&self) -> Option<String> {
        let prefix = &self.prefix;
        let count = prefix.chars().count();
        if count == 0 {
            return Some("`prefix` is empty".into());
        }
        if count > MAX_PREFIX_CHARS {
            return Some(format!(
                "`prefix` is {count} characters; at most {MAX_PREFIX_CHARS}"
            ));
        }
        if prefix.trim() != prefix {
            return Some("`prefix` starts or ends with a space".into());
        }
        if prefix.chars().any(char::is_control) {
            return Some("`prefix` holds a control character".into());
        }
        if prefix.chars().last().and_then(digit).is_some() {
            return Some("`prefix` ends with a digit; the digits come after it".into());
        }
        None
    }

    /// Where the digits of the match from `start` to `end` begin.
    pub fn digits_start(&self, text: &str, start: usize, end: usize) -> usize {
        let matched = text.get(start..end).unwrap_or_default();
        matched
            .char_indices()
            .skip(self.prefix.chars().count())
            .find(|(_, c)| digit(*c).is_some())
            .map_or(end, |(offset, _)| start + offset)
    }

    /// The end of this pattern's match at byte `start` of `text`, and the
    /// characters looked at.
    pub fn read(&self, text: &str, start: usize) -> (Option<usize>, usize) {
        let rest = text.get(start..).unwrap_or_default();
        let mut steps = 0;
        let mut chars = rest.char_indices();
        for wanted in self.prefix.chars() {
            steps += 1;
            match chars.next() {
                Some((_, c)) if c.eq_ignore_ascii_case(&wanted) => {}
                _ => return (None, steps),
            }
        }
        // One space may stand between (`Bestell-Nr. 12345`).
        let after = chars.clone().next();
        if after.is_some_and(|(_, c)| matches!(c, ' ' | '\u{00A0}')) {
            chars.next();
        }
        let mut end = None;
        for (digits, (offset, c)) in chars.enumerate() {
            steps += 1;
            if digit(c).is_none() || digits == MAX_DIGITS {
                if word(c) {
                    return (None, steps);
                }
                break;
            }
            end = Some(start + offset + c.len_utf8());
        }
        (end, steps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(prefix: &str) -> Pattern {
        Pattern {
            prefix: prefix.into(),
            action: Action::Remove,
        }
    }

    #[test]
    fn a_prefix_then_digits_ignoring_case() {
        let order = pattern("ORD-");
        assert_eq!(order.read("ord-1234 ok", 0).0, Some(8));
        assert_eq!(order.read("ORD-", 0).0, None);
        assert_eq!(order.read("ORD-12AB", 0).0, None, "a code, not digits");
        assert_eq!(pattern("注文番号").read("注文番号123", 0).0, Some(15));
        assert_eq!(pattern("Nr.").read("Nr. 123", 0).0, Some(7));
        assert_eq!(pattern("Nr.").read("Nr.  123", 0).0, None);
    }

    #[test]
    fn prefixes_that_cannot_be_used() {
        assert!(pattern("").problem().is_some());
        assert!(pattern(" ORD").problem().is_some());
        assert!(pattern("ORD1").problem().is_some());
        assert!(pattern(&"x".repeat(25)).problem().is_some());
        assert!(pattern("a\u{7}").problem().is_some());
        assert!(pattern("Bestell-Nr. ").problem().is_some());
        assert_eq!(pattern("Bestell-Nr.").problem(), None);
        assert_eq!(pattern("#").problem(), None);
    }
}
