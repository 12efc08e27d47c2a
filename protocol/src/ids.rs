//! Shape checks for identifiers and locale tags.

use crate::limits::{MAX_ID_LEN, MAX_LOCALE_LEN};
use crate::rejection::{ErrorCode, FieldError};

/// Characters allowed in identifiers: safe in URLs, CSV and log lines.
fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '~')
}

/// Checks an identifier: 1 to [`MAX_ID_LEN`] characters from `A-Z a-z 0-9 - _ . : ~`.
pub fn check_id(field: &str, value: &str) -> Result<(), FieldError> {
    if value.is_empty() {
        return Err(FieldError::new(
            ErrorCode::MissingField,
            field,
            format!("`{field}` must not be empty"),
        ));
    }
    if value.len() > MAX_ID_LEN {
        return Err(FieldError::new(
            ErrorCode::TooLong,
            field,
            format!(
                "`{field}` is {} bytes long; the limit is {MAX_ID_LEN}",
                value.len()
            ),
        ));
    }
    if let Some(bad) = value.chars().find(|c| !is_id_char(*c)) {
        return Err(FieldError::new(
            ErrorCode::InvalidField,
            field,
            format!("`{field}` contains {bad:?}; use only A-Z a-z 0-9 - _ . : ~"),
        ));
    }
    Ok(())
}

/// Checks a locale tag such as `en-US` or `pt-BR`: letters, digits and hyphens,
/// starting with a letter, at most [`MAX_LOCALE_LEN`] bytes.
pub fn check_locale(field: &str, value: &str) -> Result<(), FieldError> {
    let well_formed = value.len() <= MAX_LOCALE_LEN
        && value
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
        && value.split('-').all(|part| {
            !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric())
        });
    if well_formed {
        Ok(())
    } else {
        Err(FieldError::new(
            ErrorCode::InvalidField,
            field,
            format!("`{field}` must be a BCP 47 language tag such as \"en-US\""),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_the_documented_alphabet() {
        assert!(check_id("id", "ev_01HZX-9.a:b~c").is_ok());
        assert!(check_id("id", &"a".repeat(MAX_ID_LEN)).is_ok());
    }

    #[test]
    fn ids_refuse_empty_long_and_foreign_characters() {
        assert_eq!(
            check_id("id", "").unwrap_err().code,
            ErrorCode::MissingField
        );
        let long = check_id("id", &"a".repeat(MAX_ID_LEN + 1)).unwrap_err();
        assert_eq!(long.code, ErrorCode::TooLong);
        for bad in ["a b", "a/b", "<script>", "é", "a\"b"] {
            let err = check_id("message_id", bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidField, "{bad}");
            assert_eq!(err.field, "message_id");
        }
    }

    #[test]
    fn locales_accept_bcp47_shapes_only() {
        for good in ["en", "en-US", "pt-BR", "zh-Hant-TW", "ar"] {
            assert!(check_locale("locale", good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "-en",
            "en--US",
            "en_US",
            "1en",
            "en-US-toolongsubtag",
            "e n",
        ] {
            assert!(check_locale("locale", bad).is_err(), "{bad}");
        }
    }
}
