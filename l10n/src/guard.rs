//! What copy may not contain, found before anything parses it: placeables
//! or call arguments nested deeper than any real message needs (the Fluent
//! parser and everything that walks its tree recurse once per level, so a
//! site's wording nested thousands deep would overflow the stack of the
//! Worker or of every shopper's widget), and control characters.
//!
//! The checker reports each finding at its `line:col` and refuses the copy;
//! everything that parses copy first blanks out the entries with a finding
//! ([`blank_unsafe`]), so stored or served copy that slipped past (written
//! before this check existed) loses those messages only, and they fall back
//! to the shipped wording.

use std::borrow::Cow;
use std::ops::Range;

/// How deep `{` placeables and `(` call arguments may nest. Shipped copy
/// uses at most 2 (a select whose variants hold a placeable); a message
/// with a select inside a select inside a function call stays under 6.
pub const MAX_NESTING: usize = 10;

/// Something in the text that must not reach the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hazard {
    /// A `{` or `(` opening level `MAX_NESTING + 1`.
    TooDeep,
    /// A C0 control character other than tab, line feed and the carriage
    /// return of a CRLF line end.
    Control(char),
    /// A line that starts a new message (at column 0) while a `{` or `(`
    /// above it is still open.
    Unclosed,
}

/// One hazard: what it is and the byte offset of its character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    /// What was found.
    pub hazard: Hazard,
    /// Byte offset in the text.
    pub offset: usize,
}

/// An open level, as the parser would see it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    /// Inside `{ … }`, before any `->`: an expression.
    Expression,
    /// Inside `{ … -> … }`: variants, whose values are text.
    Variants,
    /// Inside `( … )`: call arguments, expressions.
    Arguments,
}

/// Whether a line starting with `first` may start an entry (a message, a
/// term or a comment): where the parser resumes after an error.
fn starts_entry(first: u8) -> bool {
    first.is_ascii_alphabetic() || first == b'-' || first == b'#'
}

/// What one pass over a text found.
struct Scan {
    findings: Vec<Finding>,
    /// The byte ranges of the entries that hold a hazard.
    unsafe_entries: Vec<Range<usize>>,
}

/// Scans `text` once, without recursion. After a hazard the rest of its
/// entry is skipped up to the next line that may start an entry, as the
/// parser skips after an error; that entry is unsafe as a whole. Levels are
/// counted as the parser would enter them while it meets no error, so they
/// may be over-counted after an error, never under-counted.
fn scan(text: &str) -> Scan {
    let bytes = text.as_bytes();
    let mut found = Scan {
        findings: Vec::new(),
        unsafe_entries: Vec::new(),
    };
    let mut levels: Vec<Level> = Vec::new();
    let mut entry_start = 0;
    let (mut skipping, mut comment, mut string, mut escaped) = (false, false, false, false);
    for (at, &byte) in bytes.iter().enumerate() {
        let line_start = at == 0 || bytes.get(at - 1) == Some(&b'\n');
        if line_start && starts_entry(byte) {
            // The parser may start a new entry here (it does after an
            // error in the one before), so the count starts afresh too. An
            // entry still open here could instead be read on across this
            // line by the parser, in another context than the fresh one:
            // it is left out whole, so the parser can only start afresh.
            if !levels.is_empty() && !skipping {
                found.findings.push(Finding {
                    hazard: Hazard::Unclosed,
                    offset: at,
                });
                skipping = true;
            }
            if skipping {
                found.unsafe_entries.push(entry_start..at);
            }
            levels.clear();
            (skipping, string, escaped) = (false, false, false);
            entry_start = at;
            comment = byte == b'#';
        }
        let crlf = byte == b'\r' && bytes.get(at + 1) == Some(&b'\n');
        if byte < 0x20 && byte != b'\t' && byte != b'\n' && !crlf {
            found.findings.push(Finding {
                hazard: Hazard::Control(char::from(byte)),
                offset: at,
            });
            skipping = true;
            continue;
        }
        if skipping || comment {
            comment &= byte != b'\n';
            continue;
        }
        if string {
            // A string literal runs to its closing quote or to the line's
            // end, even right after a backslash, where the parser stops too.
            match byte {
                b'\n' => (string, escaped) = (false, false),
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => string = false,
                _ => {}
            }
            continue;
        }
        let in_expression = matches!(levels.last(), Some(Level::Expression | Level::Arguments));
        match byte {
            b'{' => levels.push(Level::Expression),
            b'(' if in_expression => levels.push(Level::Arguments),
            b'"' if in_expression => string = true,
            b')' if levels.last() == Some(&Level::Arguments) => {
                levels.pop();
            }
            b'}' => {
                // Closes the innermost `{`; a stray `}` in text is the
                // parser's to report.
                if let Some(open) = levels.iter().rposition(|level| *level != Level::Arguments) {
                    levels.truncate(open);
                }
            }
            b'>' if levels.last() == Some(&Level::Expression)
                && at > 0
                && bytes.get(at - 1) == Some(&b'-') =>
            {
                if let Some(level) = levels.last_mut() {
                    *level = Level::Variants;
                }
            }
            _ => {}
        }
        if levels.len() > MAX_NESTING {
            found.findings.push(Finding {
                hazard: Hazard::TooDeep,
                offset: at,
            });
            skipping = true;
        }
    }
    if skipping {
        found.unsafe_entries.push(entry_start..bytes.len());
    }
    found
}

/// Every hazard in `text`, in order.
pub fn findings(text: &str) -> Vec<Finding> {
    scan(text).findings
}

/// The entry left open where an [`Hazard::Unclosed`] was found at `offset`:
/// it holds no other hazard and no line where the parser could start
/// another entry, so parsing it alone is safe (and says what is wrong in
/// the parser's words).
/// Returns its byte offset with its text.
pub fn unclosed_entry(text: &str, offset: usize) -> Option<(usize, &str)> {
    let entry = scan(text)
        .unsafe_entries
        .into_iter()
        .find(|entry| entry.end == offset)?;
    Some((entry.start, text.get(entry)?))
}

/// `text` with every entry that holds a hazard blanked out (its bytes but
/// line feeds turned into spaces), so what remains parses safely, each
/// other entry as before and at the same line and column. Borrowed when
/// there is nothing to blank, which is the usual case.
pub fn blank_unsafe(text: &str) -> Cow<'_, str> {
    let unsafe_entries = scan(text).unsafe_entries;
    if unsafe_entries.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for entry in unsafe_entries {
        out.push_str(text.get(copied..entry.start).unwrap_or_default());
        for c in text.get(entry.start..entry.end).unwrap_or_default().chars() {
            match c {
                '\n' => out.push('\n'),
                other => out.extend(std::iter::repeat_n(' ', other.len_utf8())),
            }
        }
        copied = entry.end;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!("deep = {}x{}\n", "{ ".repeat(depth), " }".repeat(depth))
    }

    #[test]
    fn real_messages_are_not_hazards() {
        for text in [
            "a = Hello { $name }, (smiles) :)\n",
            "a = { $n ->\n    [one] { $n } item (one)\n   *[other] { NUMBER($n, minimumFractionDigits: 0) } items\n}\n",
            "-brand = { $case ->\n   *[long] The { \"{\" } Shop\n}\nb = { -brand(case: \"short\") }\n",
            "# A comment with { { { { { { { { { { { { braces\na = A\r\nb = B\r\n",
            "a = tab\there\n",
        ] {
            assert_eq!(findings(text), Vec::new(), "{text}");
            assert!(matches!(blank_unsafe(text), Cow::Borrowed(_)));
        }
        assert_eq!(findings(&nested(MAX_NESTING)), Vec::new());
    }

    #[test]
    fn nesting_one_past_the_limit_is_found_at_its_brace() {
        let text = nested(MAX_NESTING + 1);
        let found = findings(&text);
        assert_eq!(
            found,
            vec![Finding {
                hazard: Hazard::TooDeep,
                offset: "deep = ".len() + 2 * MAX_NESTING
            }]
        );
    }

    #[test]
    fn call_arguments_nest_too_even_across_lines() {
        // Inside a placeable the parser reads on across lines that start at
        // column 0; such an entry is left out whole, and what follows is
        // read afresh, as the parser reads it after an error.
        let text = format!("a = {{\n{}$x{}\n}}\n", "F(\n".repeat(20), ")".repeat(20));
        assert_eq!(
            findings(&text).first().map(|found| found.hazard),
            Some(Hazard::Unclosed)
        );
        assert_eq!(findings(&blank_unsafe(&text)), Vec::new());
        let deep = format!("a = {{ {}$x{} }}\n", "F(".repeat(20), ")".repeat(20));
        assert_eq!(
            findings(&deep).first().map(|found| found.hazard),
            Some(Hazard::TooDeep)
        );
        // Parentheses in text are text, in and out of variants.
        let text = format!(
            "a = {}\nb = {{ $n ->\n   *[other] {}\n}}\n",
            "(".repeat(50),
            "(".repeat(50)
        );
        assert_eq!(findings(&text), Vec::new());
    }

    #[test]
    fn control_characters_are_found_where_they_are() {
        let text =
            "a = fine\nb = bad\u{0}here\n# note \u{1b}\nc = { \"x\u{7}\" }\nd = lone\rreturn\n";
        let found: Vec<(Hazard, usize)> = findings(text)
            .into_iter()
            .map(|finding| (finding.hazard, finding.offset))
            .collect();
        let offset = |needle: &str| text.find(needle).unwrap_or(usize::MAX);
        assert_eq!(
            found,
            vec![
                (Hazard::Control('\0'), offset("\u{0}")),
                (Hazard::Control('\u{1b}'), offset("\u{1b}")),
                (Hazard::Control('\u{7}'), offset("\u{7}")),
                (Hazard::Control('\r'), offset("\r")),
            ]
        );
    }

    #[test]
    fn blanking_drops_only_the_unsafe_entries_and_keeps_positions() {
        let text = format!(
            "a = A\n{}b = B\nc = C\u{0}\n  still c\nd = D\n",
            nested(5000)
        );
        let blanked = blank_unsafe(&text);
        assert_eq!(blanked.len(), text.len());
        assert_eq!(blanked.lines().count(), text.lines().count());
        assert_eq!(findings(&blanked), Vec::new());
        let kept: Vec<&str> = blanked
            .lines()
            .filter(|line| !line.trim().is_empty())
            .collect();
        assert_eq!(kept, ["a = A", "b = B", "d = D"]);
    }

    #[test]
    fn an_unclosed_deep_entry_loses_itself_not_the_entries_after_it() {
        let text = format!("a = {}\nb = B\n", "{".repeat(3000));
        let blanked = blank_unsafe(&text);
        let kept: Vec<&str> = blanked
            .lines()
            .filter(|line| !line.trim().is_empty())
            .collect();
        assert_eq!(kept, ["b = B"]);
    }

    #[test]
    fn a_string_cut_by_its_line_end_does_not_hide_the_next_entry() {
        // The parser gives up on the first line and parses the second anew.
        let text = format!("a = {{ \"\\\nb = {}x\n", "{ ".repeat(3000));
        assert!(
            findings(&text)
                .iter()
                .any(|found| found.hazard == Hazard::TooDeep)
        );
        assert!(blank_unsafe(&text).trim().is_empty());
    }

    #[test]
    fn an_entry_left_open_cannot_hide_the_next_ones_nesting() {
        // The parser gives up on `a` at `b` and reads `b` afresh, where the
        // quote is text and every brace a placeable.
        for open in ["a = { $x\n", "a = { F(\nx = y\n", "a = { \"x\n"] {
            let text = format!("{open}b = \"{}\n", "{".repeat(5_000));
            let found: Vec<Hazard> = findings(&text).iter().map(|f| f.hazard).collect();
            assert!(found.contains(&Hazard::TooDeep), "{open:?}: {found:?}");
            let blanked = blank_unsafe(&text);
            assert!(!blanked.contains("{{"), "{open:?}");
            assert_eq!(findings(&blanked), Vec::new(), "{open:?}");
        }
        // A line that only continues a placeable (indented) is no new entry.
        assert_eq!(findings("a = {\n    $x\n}\n"), Vec::new());
        let text = "a = { $x\nb = B\n";
        assert_eq!(
            findings(text),
            vec![Finding {
                hazard: Hazard::Unclosed,
                offset: text.find('b').unwrap_or(0)
            }]
        );
        assert_eq!(blank_unsafe(text).trim(), "b = B");
    }

    #[test]
    fn huge_inputs_are_scanned_without_recursion() {
        let text = "{".repeat(1_000_000);
        assert_eq!(findings(&text).len(), 1);
        assert!(blank_unsafe(&text).trim().is_empty());
    }
}
