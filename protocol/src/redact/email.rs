//! An e-mail address around an `@`: a local part before it and a domain
//! of two or more labels after it, ending in a top-level domain of
//! letters.

/// The longest local part read (RFC 5321's limit).
const MAX_LOCAL: usize = 64;
/// The longest domain read.
const MAX_DOMAIN: usize = 253;

/// What was read around an `@`.
pub struct Read {
    /// The address's first byte and the byte after it, if there is one.
    pub span: Option<(usize, usize)>,
    /// Characters looked at.
    pub steps: usize,
}

/// A letter an address is written with: Latin letters (with their
/// accents), digits. Letters of other scripts end it, as Japanese and
/// Arabic text write an address straight after a word.
fn letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || (('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic())
}

fn local_char(c: char) -> bool {
    letter(c) || "._%+-!#$&'*/=?^`{|}~".contains(c)
}

/// Reads the address around the `@` at byte `at` of `text`, not reaching
/// back before byte `floor` (the end of what was found before).
pub fn read(text: &str, at: usize, floor: usize) -> Read {
    let mut steps = 0;
    let before = text.get(floor.min(at)..at).unwrap_or_default();
    let mut start = at;
    for (offset, c) in before.char_indices().rev() {
        steps += 1;
        if !local_char(c) || steps > MAX_LOCAL {
            break;
        }
        start = floor.min(at) + offset;
    }
    let local = text.get(start..at).unwrap_or_default();
    let local = local.trim_start_matches('.');
    let start = at - local.len();
    let sign_len = text
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8);
    let (domain_end, domain_steps) = domain(text, at + sign_len);
    steps += domain_steps;
    let valid = !local.is_empty() && !local.ends_with('.') && domain_end.is_some();
    Read {
        span: valid.then_some(()).and(domain_end).map(|end| (start, end)),
        steps,
    }
}

/// The end of a domain starting at byte `from`: labels of letters,
/// digits and inner hyphens, joined by dots, the last of two or more
/// letters. A dot that ends a sentence is not part of it.
fn domain(text: &str, from: usize) -> (Option<usize>, usize) {
    let rest = text.get(from..).unwrap_or_default();
    let mut steps = 0;
    let (mut labels, mut label_start, mut last_label_letters) = (0, 0, true);
    let mut end = None;
    let mut chars = rest.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        steps += 1;
        if steps > MAX_DOMAIN {
            break;
        }
        if letter(c) || (c == '-' && offset > label_start) {
            last_label_letters &= c.is_alphabetic();
            let label_over = !chars
                .peek()
                .is_some_and(|(_, next)| letter(*next) || *next == '-');
            if label_over && c != '-' {
                let label_len = offset + c.len_utf8() - label_start;
                if labels >= 1 && last_label_letters && label_len >= 2 {
                    end = Some(from + offset + c.len_utf8());
                }
            }
        } else if c == '.' && offset > label_start {
            labels += 1;
            label_start = offset + 1;
            last_label_letters = true;
        } else {
            break;
        }
    }
    (end, steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<&str> {
        let at = text.find(['@', '\u{FF20}'])?;
        read(text, at, 0)
            .span
            .and_then(|(start, end)| text.get(start..end))
    }

    #[test]
    fn addresses_in_sentences() {
        assert_eq!(
            found("write to jane.doe+shop@example.co.uk."),
            Some("jane.doe+shop@example.co.uk")
        );
        assert_eq!(
            found("メールはtaro@example.jpまで"),
            Some("taro@example.jp")
        );
        assert_eq!(
            found("بريدي ahmed@example.ae شكرا"),
            Some("ahmed@example.ae")
        );
        assert_eq!(found("müller@beispiel.de"), Some("müller@beispiel.de"));
        assert_eq!(
            found("x@mail-server.example.com,"),
            Some("x@mail-server.example.com")
        );
    }

    #[test]
    fn near_misses_stay() {
        assert_eq!(found("follow @shop on social"), None);
        assert_eq!(found("user@localhost"), None);
        assert_eq!(found("price@10.99"), None);
        assert_eq!(found("a@b.c"), None);
        assert_eq!(found("x@-bad.com"), None);
    }

    #[test]
    fn reads_are_bounded() {
        let text = format!("{}@{}", "a".repeat(5_000), "b".repeat(5_000));
        let at = text.find('@').unwrap();
        assert!(read(&text, at, 0).steps <= MAX_LOCAL + MAX_DOMAIN + 2);
    }
}
