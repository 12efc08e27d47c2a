//! Why input was refused: a stable machine code plus a sentence for people.

use serde::{Deserialize, Serialize};

/// Declares [`ErrorCode`] with its wire names and the list of them all at
/// once, so the list cannot miss one.
macro_rules! error_codes {
    ($( $(#[doc = $doc:literal])* $variant:ident => $wire:literal, )*) => {
        /// Stable machine-readable reasons. Clients switch on these; never
        /// rename one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        pub enum ErrorCode {
            $( $(#[doc = $doc])* #[serde(rename = $wire)] $variant, )*
        }

        impl ErrorCode {
            /// Every code (the dashboard words each, `refusal-…`).
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The code as it appears on the wire.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $wire,)*
                }
            }
        }
    };
}

error_codes! {
    /// The body is not JSON at all.
    InvalidJson => "invalid_json",
    /// The body is JSON but not an envelope (`site_key`, `sent_at`, `events`).
    InvalidEnvelope => "invalid_envelope",
    /// The body is larger than [`crate::limits::MAX_BODY_BYTES`].
    PayloadTooLarge => "payload_too_large",
    /// More events than [`crate::limits::MAX_EVENTS_PER_REQUEST`].
    TooManyEvents => "too_many_events",
    /// No site has this public key.
    UnknownSite => "unknown_site",
    /// The request's `Origin` is not one of the site's allowed origins.
    OriginNotAllowed => "origin_not_allowed",
    /// A read route was called without the site's secret, or with a wrong one.
    Unauthorized => "unauthorized",
    /// A required field is absent.
    MissingField => "missing_field",
    /// A field has the wrong type or an unknown value.
    InvalidField => "invalid_field",
    /// A string field is longer than its limit.
    TooLong => "too_long",
    /// The event `type` is not one this collector knows.
    UnknownEventType => "unknown_event_type",
    /// The event time is too far in the future or too old.
    TimestampOutOfRange => "timestamp_out_of_range",
    /// No such route.
    NotFound => "not_found",
    /// The route exists but not for this HTTP method.
    MethodNotAllowed => "method_not_allowed",
    /// A CSAT answer was changed after its 30-minute amend window.
    CsatLocked => "csat_locked",
    /// No shipped locale has this tag (see `GET /v1/locales`).
    UnknownLocale => "unknown_locale",
    /// Site copy (Fluent) that the locale checker refuses.
    InvalidCopy => "invalid_copy",
    /// Too many requests for this site or client; see `Retry-After`.
    RateLimited => "rate_limited",
    /// Something failed on the collector's side; retrying later may help.
    Internal => "internal",
    /// A named key used outside its scope (a wording key reading
    /// conversations, a read key writing).
    OutOfScope => "out_of_scope",
    /// Settings with problems; `errors` names each field's.
    InvalidSettings => "invalid_settings",
    /// Settings changed since the `If-Match` ETag was read.
    StaleSettings => "stale_settings",
    /// A settings write without `If-Match`.
    PreconditionRequired => "precondition_required",
    /// A change to a site while its data moves to another database (a
    /// minute or two); see `Retry-After`.
    SiteMoving => "site_moving",
    /// A message's `meta` or a conversation's `context` holds more than
    /// [`crate::meta::MAX_META_KEYS`] keys.
    MetaTooManyKeys => "meta_too_many_keys",
    /// A `meta` or `context` key outside 1–40 characters of `[a-z0-9_]`.
    MetaKeyInvalid => "meta_key_invalid",
    /// A `meta` or `context` string longer than
    /// [`crate::meta::MAX_META_VALUE_UTF16`].
    MetaValueTooLong => "meta_value_too_long",
    /// A `meta` or `context` value that is not a string or a finite number.
    MetaValueType => "meta_value_type",
    /// A review with problems; `errors` names each field's.
    InvalidReview => "invalid_review",
    /// A review item changed since the `If-Match` version was read.
    StaleReview => "stale_review",
}

impl ErrorCode {
    /// The HTTP status a request-level fault with this code is answered with.
    pub fn http_status(self) -> u16 {
        match self {
            Self::InvalidJson
            | Self::InvalidEnvelope
            | Self::TooManyEvents
            | Self::MissingField
            | Self::InvalidField
            | Self::TooLong
            | Self::UnknownEventType
            | Self::TimestampOutOfRange
            | Self::MetaTooManyKeys
            | Self::MetaKeyInvalid
            | Self::MetaValueTooLong
            | Self::MetaValueType => 400,
            Self::UnknownSite | Self::Unauthorized => 401,
            Self::OriginNotAllowed | Self::OutOfScope => 403,
            Self::NotFound | Self::UnknownLocale => 404,
            Self::MethodNotAllowed => 405,
            Self::CsatLocked | Self::SiteMoving => 409,
            Self::InvalidCopy | Self::InvalidSettings | Self::InvalidReview => 422,
            Self::StaleSettings | Self::StaleReview => 412,
            Self::PreconditionRequired => 428,
            Self::PayloadTooLarge => 413,
            Self::RateLimited => 429,
            Self::Internal => 500,
        }
    }
}

/// The JSON body of every error response: `{"code": "...", "message": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// Stable machine code.
    pub code: ErrorCode,
    /// What went wrong, for the developer reading the response.
    pub message: String,
}

impl ErrorBody {
    /// An error body with the given code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

/// One event of a batch that was refused, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// Position of the event in the request's `events` array.
    pub index: usize,
    /// Stable machine code.
    pub code: ErrorCode,
    /// The offending field (`rating`, `message_id`, ...), or empty for the whole event.
    pub field: String,
    /// What went wrong, for the developer reading the response.
    pub message: String,
}

/// A refusal not yet tied to a position in the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Stable machine code.
    pub code: ErrorCode,
    /// The offending field, or empty for the whole event.
    pub field: String,
    /// What went wrong.
    pub message: String,
}

impl FieldError {
    /// A refusal of `field` with the given code and message.
    pub fn new(code: ErrorCode, field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code,
            field: field.into(),
            message: message.into(),
        }
    }

    /// Places the refusal at `index` in the batch.
    pub fn at_index(self, index: usize) -> Rejection {
        Rejection {
            index,
            code: self.code,
            field: self.field,
            message: self.message,
        }
    }
}

/// One finding of the checker in refused wording (`PUT …/copy/{locale}`,
/// 422 `invalid_copy`, `"findings"`), for a client that words it in its
/// reader's language: the checker's code (`number-option`), where it is,
/// and its named values; `message` is the English line also listed in
/// `"diagnostics"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyFinding {
    /// The checker's code (`l10n::Code`).
    pub code: String,
    /// 1-based line in the wording sent.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// Its named values (`id`, `option`, …).
    #[serde(default)]
    pub args: std::collections::BTreeMap<String, String>,
    /// The whole diagnostic in English.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn every_code_is_listed_once_and_goes_on_the_wire_by_its_name() {
        for (index, code) in ErrorCode::ALL.iter().enumerate() {
            let wire = serde_json::to_string(code).unwrap_or_default();
            assert_eq!(wire, format!("\"{}\"", code.as_str()));
            let back: Option<ErrorCode> = serde_json::from_str(&wire).ok();
            assert_eq!(back, Some(*code));
            assert!(
                !ErrorCode::ALL[..index].contains(code),
                "{code:?} is listed twice"
            );
        }
        assert!(ErrorCode::ALL.len() >= 30, "{}", ErrorCode::ALL.len());
    }
}
