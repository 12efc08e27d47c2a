//! Every size and time bound the collector enforces, in one place so the
//! widget can respect the same numbers before it sends anything.

/// Largest request body the collector reads, in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Most events one request may carry.
pub const MAX_EVENTS_PER_REQUEST: usize = 100;

/// Longest identifier (site key, event, conversation or message id), in bytes.
pub const MAX_ID_LEN: usize = 128;

/// Longest locale tag, in bytes (BCP 47 tags in practice stay far below this).
pub const MAX_LOCALE_LEN: usize = 35;

/// How far in the future a corrected event time may be, in milliseconds.
pub const MAX_FUTURE_MS: i64 = 24 * 60 * 60 * 1000;

/// How old a corrected event time may be, in milliseconds.
pub const MAX_AGE_MS: i64 = 7 * 24 * 60 * 60 * 1000;
