//! Free text from shoppers and assistants: cleaned of control characters
//! (newlines stay), trimmed, and bounded in UTF-16 code units, the unit a
//! browser's `maxlength` counts, so the widget's boxes and the collector
//! agree to the character (an emoji outside the BMP counts 2).

use crate::rejection::{ErrorCode, FieldError};

/// Longest thumbs-down reason or CSAT comment, in UTF-16 code units (the
/// widget's comment boxes have this `maxlength`).
pub const MAX_COMMENT_UTF16: usize = 1000;
/// Longest stored question or answer excerpt, in UTF-16 code units (the
/// demo composer's `maxlength`).
pub const MAX_EXCERPT_UTF16: usize = 2000;

/// The length of `text` as a browser counts it: UTF-16 code units.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// The longest start of `text` within `max` UTF-16 code units, never
/// splitting a character.
pub fn truncate_utf16(text: &str, max: usize) -> &str {
    let mut units = 0;
    for (index, c) in text.char_indices() {
        units += c.len_utf16();
        if units > max {
            return text.get(..index).unwrap_or(text);
        }
    }
    text
}

/// Removes control characters except `\n` (a `\r\n` becomes `\n`) and
/// trims surrounding whitespace. Everything else is kept verbatim.
pub fn clean(text: &str) -> String {
    let unwanted = |c: char| c != '\n' && c.is_control();
    if text.contains(unwanted) {
        let kept: String = text.chars().filter(|c| !unwanted(*c)).collect();
        kept.trim().to_string()
    } else {
        text.trim().to_string()
    }
}

/// Cleans an optional text field and checks its length in UTF-16 code
/// units: `None` when absent or empty after cleaning.
pub fn clean_optional(
    field: &str,
    value: Option<&str>,
    max_utf16: usize,
) -> Result<Option<String>, FieldError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let cleaned = clean(value);
    let units = utf16_len(&cleaned);
    if units > max_utf16 {
        return Err(FieldError::new(
            ErrorCode::TooLong,
            field,
            format!(
                "`{field}` is {units} characters long, counted as browsers count them (UTF-16); the limit is {max_utf16}"
            ),
        ));
    }
    Ok((!cleaned.is_empty()).then_some(cleaned))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_newlines_stay() {
        assert_eq!(
            clean("  line one\r\nline\u{0007} two\t\u{0000}\n"),
            "line one\nline two"
        );
        assert_eq!(
            clean("emoji 👍 and <b>markup</b> stay"),
            "emoji 👍 and <b>markup</b> stay"
        );
        assert_eq!(
            clean("\u{200b}zero-width is not a control char"),
            "\u{200b}zero-width is not a control char"
        );
    }

    #[test]
    fn limits_count_utf16_units_as_a_browser_does() {
        // 500 emoji outside the BMP are 1,000 units: the limit exactly.
        let five_hundred_emoji = "👍".repeat(MAX_COMMENT_UTF16 / 2);
        assert_eq!(utf16_len(&five_hundred_emoji), MAX_COMMENT_UTF16);
        assert!(clean_optional("comment", Some(&five_hundred_emoji), MAX_COMMENT_UTF16).is_ok());
        // One more unit, or one more emoji, is over.
        for over in [
            format!("{five_hundred_emoji}!"),
            format!("{five_hundred_emoji}👍"),
        ] {
            let err = clean_optional("comment", Some(&over), MAX_COMMENT_UTF16).unwrap_err();
            assert_eq!(
                (err.code, err.field.as_str()),
                (ErrorCode::TooLong, "comment")
            );
        }
        // Letters with accents are one unit each, however many bytes.
        let accents = "é".repeat(MAX_COMMENT_UTF16);
        assert!(clean_optional("comment", Some(&accents), MAX_COMMENT_UTF16).is_ok());
    }

    #[test]
    fn truncation_keeps_whole_characters_within_the_units() {
        let text = format!("{}👍", "x".repeat(MAX_COMMENT_UTF16 - 1));
        // The emoji would be units 1,000 and 1,001: it goes whole.
        assert_eq!(truncate_utf16(&text, MAX_COMMENT_UTF16), "x".repeat(999));
        assert_eq!(truncate_utf16("👍👍", 4), "👍👍");
        assert_eq!(truncate_utf16("👍👍", 3), "👍");
        assert_eq!(truncate_utf16("👍", 1), "");
        assert_eq!(truncate_utf16("", 0), "");
    }

    #[test]
    fn empty_after_cleaning_is_absent() {
        assert_eq!(
            clean_optional("reason", Some(" \u{0001}\r "), 10).unwrap(),
            None
        );
        assert_eq!(clean_optional("reason", None, 10).unwrap(), None);
    }
}
