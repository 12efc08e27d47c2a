//! Where an answer came from, as the host page says it: `meta` on a
//! message (the model, the prompt version, a trace id) and `context` on a
//! conversation (an A/B arm, the channel). Both are a flat map of at most
//! [`MAX_META_KEYS`] keys of `[a-z0-9_]`, each to a short string or a
//! finite number. The rules are here once: the widget applies them to what
//! `addMessage` and `setContext` are given, the collector to what arrives.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::rejection::{ErrorCode, FieldError};
use crate::text::{self, utf16_len};

/// Most keys one `meta` or `context` may hold.
pub const MAX_META_KEYS: usize = 8;
/// Longest key, in characters of `[a-z0-9_]`.
pub const MAX_META_KEY_LEN: usize = 40;
/// Longest string value, in UTF-16 code units (a JS string's `length`).
pub const MAX_META_VALUE_UTF16: usize = 200;

/// One value of a [`Meta`]: a string or a finite number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MetaValue {
    /// A string, control characters removed and trimmed.
    Text(String),
    /// A finite number (JSON has no other kind).
    Number(serde_json::Number),
}

impl MetaValue {
    /// The value as the dashboard shows it and the inbox's filter matches
    /// it: a string as it is, a number as JSON writes it.
    pub fn to_text(&self) -> String {
        match self {
            MetaValue::Text(text) => text.clone(),
            MetaValue::Number(number) => number.to_string(),
        }
    }
}

/// A value as the host gave it, before the rules: what the widget reads
/// from a JS object and the collector from JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum MetaInput {
    /// A string.
    Text(String),
    /// A number, perhaps NaN or infinite.
    Number(f64),
    /// Anything else, named as a developer would say it ("an object",
    /// "null").
    Other(&'static str),
}

/// A flat map of provenance, keys in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Meta(BTreeMap<String, MetaValue>);

impl Meta {
    /// Whether it holds no key.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&MetaValue> {
        self.0.get(key)
    }

    /// Every key and value, keys in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &MetaValue)> {
        self.0.iter().map(|(key, value)| (key.as_str(), value))
    }

    /// The map `field` (`meta` or `context`) holds when each of `entries`
    /// keeps the rules; otherwise the refusal of the first that does not,
    /// naming its key. Reads at most one entry past the limit.
    pub fn from_entries(
        field: &str,
        entries: impl IntoIterator<Item = (String, MetaInput)>,
    ) -> Result<Self, FieldError> {
        let mut map = BTreeMap::new();
        for (count, (key, value)) in entries.into_iter().enumerate() {
            if count == MAX_META_KEYS {
                return Err(refusal(
                    ErrorCode::MetaTooManyKeys,
                    field,
                    &["`", field, TOO_MANY],
                ));
            }
            check_key(field, &key)?;
            let value = checked_value(field, &key, value)?;
            map.insert(key, value);
        }
        Ok(Self(map))
    }

    /// [`Meta::from_entries`] for the JSON text of `field` as it arrived.
    pub fn from_raw(field: &str, raw: &RawValue) -> Result<Self, FieldError> {
        // A number JSON can write but not hold (`1e999`) fails here, in a
        // value of this map, and nowhere else.
        let value: Value = serde_json::from_str(raw.get()).map_err(|err| {
            FieldError::new(
                ErrorCode::MetaValueType,
                field,
                format!("`{field}` holds a value that is not a string or a finite number: {err}"),
            )
        })?;
        let Value::Object(object) = value else {
            return Err(FieldError::new(
                ErrorCode::InvalidField,
                field,
                format!("`{field}` must be a flat object, not {}", json_kind(&value)),
            ));
        };
        Self::from_entries(
            field,
            object.into_iter().map(|(key, value)| {
                let input = match value {
                    Value::String(text) => MetaInput::Text(text),
                    Value::Number(number) => number
                        .as_f64()
                        .map_or(MetaInput::Other("a number out of range"), MetaInput::Number),
                    other => MetaInput::Other(json_kind(&other)),
                };
                (key, input)
            }),
        )
    }
}

/// A refusal whose message is `parts` joined. (Joined, not `format!`ed:
/// the widget applies these rules too, and six formats cost it about a
/// kilobyte; the limits in the texts are held to the constants by a test.)
fn refusal(code: ErrorCode, field: &str, parts: &[&str]) -> FieldError {
    FieldError::new(code, field, parts.concat())
}

/// Whether `key` may name a value: 1 to [`MAX_META_KEY_LEN`] characters
/// of `[a-z0-9_]`.
pub fn is_key(key: &str) -> bool {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
    !key.is_empty() && key.len() <= MAX_META_KEY_LEN && key.chars().all(allowed)
}

/// Whether the Compare section compares by `key`: every key but those
/// ending in `_id` (`trace_id`, `run_id`), which name one answer or one
/// conversation, so that nearly every value is new (migration 0017).
pub fn is_compared(key: &str) -> bool {
    is_key(key) && !key.ends_with("_id")
}

/// A key, or the refusal naming it ([`is_key`]).
fn check_key(field: &str, key: &str) -> Result<(), FieldError> {
    if !is_key(key) {
        let shown: String = key.chars().take(MAX_META_KEY_LEN + 10).collect();
        return Err(refusal(
            ErrorCode::MetaKeyInvalid,
            field,
            &["`", field, "` key \"", &shown, KEY_RULE],
        ));
    }
    Ok(())
}

/// What a key must be, after the key itself.
const KEY_RULE: &str = "\" must be 1 to 40 characters of a-z, 0-9 and _";
/// What a map may hold, after its name.
const TOO_MANY: &str = "` may hold at most 8 keys";
/// What a string value may be, after its name.
const TOO_LONG: &str = "` is longer than 200 characters";

/// `value` under `key`, or the refusal of it, named `field.key`.
fn checked_value(field: &str, key: &str, value: MetaInput) -> Result<MetaValue, FieldError> {
    let named = [field, ".", key].concat();
    match value {
        MetaInput::Text(text) => {
            let cleaned = text::clean(&text);
            if utf16_len(&cleaned) > MAX_META_VALUE_UTF16 {
                return Err(refusal(
                    ErrorCode::MetaValueTooLong,
                    &named,
                    &["`", &named, TOO_LONG],
                ));
            }
            Ok(MetaValue::Text(cleaned))
        }
        MetaInput::Number(number) => number_value(number).map(MetaValue::Number).ok_or_else(|| {
            refusal(
                ErrorCode::MetaValueType,
                &named,
                &[
                    "`",
                    &named,
                    "` must be a finite number, not NaN or infinite",
                ],
            )
        }),
        MetaInput::Other(kind) => Err(refusal(
            ErrorCode::MetaValueType,
            &named,
            &[
                "`",
                &named,
                "` must be a string or a finite number, not ",
                kind,
            ],
        )),
    }
}

/// A finite number as JSON writes it: a whole number without a fraction
/// (`3`, not `3.0`), so the widget and a JSON body agree on the value.
fn number_value(number: f64) -> Option<serde_json::Number> {
    /// Whole numbers up to 2^53 are exact in an f64.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if number.is_finite() && number.fract() == 0.0 && number.abs() <= EXACT {
        // In range and whole, so the conversion is exact.
        #[allow(clippy::cast_possible_truncation)]
        Some(serde_json::Number::from(number as i64))
    } else {
        serde_json::Number::from_f64(number)
    }
}

/// What a JSON value is, as a refusal names it.
fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    // A failed unwrap in a test is a failed test.
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn raw(text: &str) -> Box<RawValue> {
        RawValue::from_string(text.to_string()).unwrap()
    }

    fn refusal(text: &str) -> FieldError {
        Meta::from_raw("meta", &raw(text)).unwrap_err()
    }

    #[test]
    fn strings_and_numbers_are_kept_with_their_keys_in_order() {
        let meta = Meta::from_raw(
            "meta",
            &raw(r#"{"prompt_version":"v12","model":" gpt-4o ","temperature":0.2,"turn":3}"#),
        )
        .unwrap();
        let keys: Vec<&str> = meta.iter().map(|(key, _)| key).collect();
        assert_eq!(keys, ["model", "prompt_version", "temperature", "turn"]);
        assert_eq!(meta.get("model"), Some(&MetaValue::Text("gpt-4o".into())));
        assert_eq!(meta.get("turn").unwrap().to_text(), "3");
        assert_eq!(meta.get("temperature").unwrap().to_text(), "0.2");
        assert_eq!(
            serde_json::to_string(&meta).unwrap(),
            r#"{"model":"gpt-4o","prompt_version":"v12","temperature":0.2,"turn":3}"#
        );
        let back: Meta = serde_json::from_str(&serde_json::to_string(&meta).unwrap()).unwrap();
        assert_eq!(back, meta);
    }

    #[test]
    fn the_refusals_state_the_limits_there_are() {
        assert!(KEY_RULE.contains(&format!(" {MAX_META_KEY_LEN} characters")));
        assert!(TOO_MANY.contains(&format!(" {MAX_META_KEYS} keys")));
        assert!(TOO_LONG.contains(&format!(" {MAX_META_VALUE_UTF16} characters")));
    }

    #[test]
    fn a_ninth_key_is_refused() {
        let eight: Vec<String> = (0..8).map(|n| format!("\"k{n}\":1")).collect();
        assert!(Meta::from_raw("meta", &raw(&format!("{{{}}}", eight.join(",")))).is_ok());
        let nine = format!("{{{},\"k8\":1}}", eight.join(","));
        let err = refusal(&nine);
        assert_eq!(err.code, ErrorCode::MetaTooManyKeys);
        assert_eq!(err.field, "meta");
    }

    #[test]
    fn keys_outside_lowercase_digits_and_underscore_are_named_in_the_refusal() {
        for key in ["Model", "model.name", "", "modèle", "a-b", &"k".repeat(41)] {
            let err = refusal(&format!("{{{}:1}}", serde_json::to_string(key).unwrap()));
            assert_eq!(err.code, ErrorCode::MetaKeyInvalid, "{key:?}");
            assert!(err.message.contains(&format!("{key:?}")), "{}", err.message);
        }
        assert!(Meta::from_raw("meta", &raw(&format!("{{\"{}\":1}}", "k".repeat(40)))).is_ok());
    }

    #[test]
    fn a_value_past_200_characters_is_refused_under_its_key() {
        let at_limit = "é".repeat(200);
        assert!(Meta::from_raw("meta", &raw(&format!("{{\"trace_id\":\"{at_limit}\"}}"))).is_ok());
        // An emoji counts 2, as in JS.
        let over = format!("{}😀", "a".repeat(199));
        let err = refusal(&format!("{{\"trace_id\":\"{over}\"}}"));
        assert_eq!(err.code, ErrorCode::MetaValueTooLong);
        assert_eq!(err.field, "meta.trace_id");
    }

    #[test]
    fn values_that_are_not_strings_or_finite_numbers_are_refused_by_type() {
        for (value, kind) in [
            ("{\"a\":1}", "an object"),
            ("[1,2]", "an array"),
            ("null", "null"),
            ("true", "a boolean"),
        ] {
            let err = refusal(&format!("{{\"model\":{value}}}"));
            assert_eq!(err.code, ErrorCode::MetaValueType, "{value}");
            assert_eq!(err.field, "meta.model");
            assert!(err.message.contains(kind), "{}", err.message);
        }
        // JSON cannot write NaN; a number it cannot hold is refused too.
        assert_eq!(refusal("{\"model\":1e999}").code, ErrorCode::MetaValueType);
        for number in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let err = Meta::from_entries("context", [("ab".into(), MetaInput::Number(number))])
                .unwrap_err();
            assert_eq!(err.code, ErrorCode::MetaValueType);
            assert_eq!(err.field, "context.ab");
        }
    }

    #[test]
    fn meta_that_is_not_an_object_is_refused() {
        for text in ["[]", "\"gpt\"", "3", "null"] {
            assert_eq!(refusal(text).code, ErrorCode::InvalidField, "{text}");
        }
    }

    #[test]
    fn whole_numbers_are_written_without_a_fraction_whichever_side_read_them() {
        let from_js = Meta::from_entries(
            "meta",
            [
                ("turn".into(), MetaInput::Number(3.0)),
                ("ratio".into(), MetaInput::Number(0.5)),
            ],
        )
        .unwrap();
        let from_json = Meta::from_raw("meta", &raw(r#"{"turn":3,"ratio":0.5}"#)).unwrap();
        assert_eq!(from_js, from_json);
        assert_eq!(
            serde_json::to_string(&from_js).unwrap(),
            r#"{"ratio":0.5,"turn":3}"#
        );
    }
}
