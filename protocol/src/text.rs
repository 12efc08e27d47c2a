//! Free text from shoppers and assistants: cleaned of control characters
//! (newlines stay), trimmed, and bounded in characters.

use crate::rejection::{ErrorCode, FieldError};

/// Longest thumbs-down reason or CSAT comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 1000;
/// Longest stored question or answer excerpt, in characters.
pub const MAX_EXCERPT_CHARS: usize = 2000;

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

/// Cleans an optional text field and checks its length: `None` when absent
/// or empty after cleaning.
pub fn clean_optional(
    field: &str,
    value: Option<&str>,
    max_chars: usize,
) -> Result<Option<String>, FieldError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let cleaned = clean(value);
    let chars = cleaned.chars().count();
    if chars > max_chars {
        return Err(FieldError::new(
            ErrorCode::TooLong,
            field,
            format!("`{field}` is {chars} characters long; the limit is {max_chars}"),
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
    fn limits_count_characters_not_bytes() {
        let thousand_emoji = "👍".repeat(MAX_COMMENT_CHARS);
        assert!(clean_optional("comment", Some(&thousand_emoji), MAX_COMMENT_CHARS).is_ok());
        let err = clean_optional(
            "comment",
            Some(&format!("{thousand_emoji}!")),
            MAX_COMMENT_CHARS,
        )
        .unwrap_err();
        assert_eq!(
            (err.code, err.field.as_str()),
            (ErrorCode::TooLong, "comment")
        );
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
