//! Why input was refused: a stable machine code plus a sentence for people.

use serde::{Deserialize, Serialize};

/// Stable machine-readable reasons. Clients switch on these; never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not JSON at all.
    InvalidJson,
    /// The body is JSON but not an envelope (`site_key`, `sent_at`, `events`).
    InvalidEnvelope,
    /// The body is larger than [`crate::limits::MAX_BODY_BYTES`].
    PayloadTooLarge,
    /// More events than [`crate::limits::MAX_EVENTS_PER_REQUEST`].
    TooManyEvents,
    /// No site has this public key.
    UnknownSite,
    /// The request's `Origin` is not one of the site's allowed origins.
    OriginNotAllowed,
    /// A read route was called without the site's secret, or with a wrong one.
    Unauthorized,
    /// A required field is absent.
    MissingField,
    /// A field has the wrong type or an unknown value.
    InvalidField,
    /// A string field is longer than its limit.
    TooLong,
    /// The event `type` is not one this collector knows.
    UnknownEventType,
    /// The event time is too far in the future or too old.
    TimestampOutOfRange,
    /// No such route.
    NotFound,
    /// The route exists but not for this HTTP method.
    MethodNotAllowed,
    /// A CSAT answer was changed after its 30-minute amend window.
    CsatLocked,
    /// No shipped locale has this tag (see `GET /v1/locales`).
    UnknownLocale,
    /// Site copy (Fluent) that the locale checker refuses.
    InvalidCopy,
    /// Too many requests for this site or client; see `Retry-After`.
    RateLimited,
    /// Something failed on the collector's side; retrying later may help.
    Internal,
    /// A named key used outside its scope (a wording key reading
    /// conversations, a read key writing).
    OutOfScope,
    /// Settings with problems; `errors` names each field's.
    InvalidSettings,
    /// Settings changed since the `If-Match` ETag was read.
    StaleSettings,
    /// A settings write without `If-Match`.
    PreconditionRequired,
    /// A change to a site while its data moves to another database (a
    /// minute or two); see `Retry-After`.
    SiteMoving,
    /// A message's `meta` or a conversation's `context` holds more than
    /// [`crate::meta::MAX_META_KEYS`] keys.
    MetaTooManyKeys,
    /// A `meta` or `context` key outside 1–40 characters of `[a-z0-9_]`.
    MetaKeyInvalid,
    /// A `meta` or `context` string longer than
    /// [`crate::meta::MAX_META_VALUE_UTF16`].
    MetaValueTooLong,
    /// A `meta` or `context` value that is not a string or a finite number.
    MetaValueType,
    /// A review with problems; `errors` names each field's.
    InvalidReview,
    /// A review item changed since the `If-Match` version was read.
    StaleReview,
}

impl ErrorCode {
    /// The code as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidJson => "invalid_json",
            Self::InvalidEnvelope => "invalid_envelope",
            Self::PayloadTooLarge => "payload_too_large",
            Self::TooManyEvents => "too_many_events",
            Self::UnknownSite => "unknown_site",
            Self::OriginNotAllowed => "origin_not_allowed",
            Self::Unauthorized => "unauthorized",
            Self::MissingField => "missing_field",
            Self::InvalidField => "invalid_field",
            Self::TooLong => "too_long",
            Self::UnknownEventType => "unknown_event_type",
            Self::TimestampOutOfRange => "timestamp_out_of_range",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::CsatLocked => "csat_locked",
            Self::UnknownLocale => "unknown_locale",
            Self::InvalidCopy => "invalid_copy",
            Self::RateLimited => "rate_limited",
            Self::Internal => "internal",
            Self::OutOfScope => "out_of_scope",
            Self::InvalidSettings => "invalid_settings",
            Self::StaleSettings => "stale_settings",
            Self::PreconditionRequired => "precondition_required",
            Self::SiteMoving => "site_moving",
            Self::MetaTooManyKeys => "meta_too_many_keys",
            Self::MetaKeyInvalid => "meta_key_invalid",
            Self::MetaValueTooLong => "meta_value_too_long",
            Self::MetaValueType => "meta_value_type",
            Self::InvalidReview => "invalid_review",
            Self::StaleReview => "stale_review",
        }
    }

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
