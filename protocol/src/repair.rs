//! Repairs bodies that browsers can legitimately produce but strict JSON
//! parsers refuse: invalid UTF-8, and `\uD800`-style escapes of lone UTF-16
//! surrogates (what `JSON.stringify` emits for a string cut in the middle of
//! an emoji). Both become U+FFFD instead of costing the whole batch.

use std::borrow::Cow;

fn hex4(bytes: &[u8]) -> Option<u16> {
    let text = std::str::from_utf8(bytes.get(..4)?).ok()?;
    u16::from_str_radix(text, 16).ok()
}

fn is_high(unit: u16) -> bool {
    (0xD800..=0xDBFF).contains(&unit)
}

fn is_low(unit: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&unit)
}

/// Replaces each `\uXXXX` escape of a lone surrogate inside JSON strings
/// with `\uFFFD`. Well-formed pairs and everything else are left alone.
pub fn repair_lone_surrogates(json: &str) -> Cow<'_, str> {
    let bytes = json.as_bytes();
    let mut out: Option<String> = None;
    let mut copied_to = 0;
    let mut in_string = false;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if !in_string {
            in_string = byte == b'"';
            i += 1;
            continue;
        }
        match byte {
            b'"' => {
                in_string = false;
                i += 1;
            }
            b'\\' if bytes.get(i + 1) == Some(&b'u') => {
                let Some(unit) = bytes.get(i + 2..).and_then(hex4) else {
                    i += 2;
                    continue;
                };
                let next = (bytes.get(i + 6) == Some(&b'\\') && bytes.get(i + 7) == Some(&b'u'))
                    .then(|| bytes.get(i + 8..).and_then(hex4))
                    .flatten();
                if is_high(unit) && next.is_some_and(is_low) {
                    i += 12; // a proper pair
                } else if is_high(unit) || is_low(unit) {
                    let repaired = out.get_or_insert_with(|| String::with_capacity(json.len()));
                    repaired.push_str(json.get(copied_to..i).unwrap_or(""));
                    repaired.push_str("\\uFFFD");
                    i += 6;
                    copied_to = i;
                } else {
                    i += 6;
                }
            }
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    match out {
        None => Cow::Borrowed(json),
        Some(mut repaired) => {
            repaired.push_str(json.get(copied_to..).unwrap_or(""));
            Cow::Owned(repaired)
        }
    }
}

/// The body as text, repaired: invalid UTF-8 and lone surrogate escapes
/// become U+FFFD.
pub fn repair_body(body: &[u8]) -> Cow<'_, str> {
    match String::from_utf8_lossy(body) {
        Cow::Borrowed(text) => repair_lone_surrogates(text),
        Cow::Owned(text) => Cow::Owned(repair_lone_surrogates(&text).into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(
            repair_lone_surrogates(r#"{"a":"x\ud83d"}"#),
            r#"{"a":"x\uFFFD"}"#
        );
        assert_eq!(
            repair_lone_surrogates(r#"{"a":"\udc4dy"}"#),
            r#"{"a":"\uFFFDy"}"#
        );
        assert_eq!(
            repair_lone_surrogates(r#"["\ud83d\ud83d\udc4d"]"#),
            r#"["\uFFFD\ud83d\udc4d"]"#
        );
        let value: serde_json::Value =
            serde_json::from_str(&repair_lone_surrogates(r#"{"a":"x\ud83d"}"#)).unwrap();
        assert_eq!(value["a"], "x\u{FFFD}");
    }

    #[test]
    fn pairs_escaped_backslashes_and_plain_text_are_untouched() {
        for json in [
            r#"{"a":"\ud83d\udc4d"}"#,
            r#"{"a":"\\ud83d"}"#,
            r#"{"a":"\u00e9 \n \" \\"}"#,
            r#"{"\ud83d\udc4d":1}"#,
            "{\"a\":\"plain 👍\"}",
        ] {
            assert!(
                matches!(repair_lone_surrogates(json), Cow::Borrowed(_)),
                "{json}"
            );
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_not_refused() {
        let body = b"{\"a\":\"caf\xe9\"}";
        let repaired = repair_body(body);
        let value: serde_json::Value = serde_json::from_str(&repaired).unwrap();
        assert_eq!(value["a"], "caf\u{FFFD}");
    }

    #[test]
    fn truncated_escapes_do_not_panic() {
        for json in [r#""\u"#, r#""\ud8"#, r#""\ud83d\u"#, r#""\"#, "\"\\ud83d\\"] {
            let _ = repair_lone_surrogates(json);
        }
    }
}
