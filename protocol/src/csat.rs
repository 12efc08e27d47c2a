//! Conversation satisfaction (CSAT): the prompt's modes, what a score
//! means, and how long an answer may still be changed.

use serde::{Deserialize, Serialize};

use crate::rejection::{ErrorCode, FieldError};

/// How much time a shopper has to change a CSAT answer (score or comment)
/// after first giving it; later changes are refused with `csat_locked`.
pub const CSAT_AMEND_WINDOW_MS: i64 = 30 * 60 * 1000;

/// The two prompts a site can show after a conversation resolves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsatMode {
    /// 👍 (stored as 5) or 👎 (stored as 1), a reason on 👎.
    #[default]
    Thumbs,
    /// A 1–5 scale with the meaning of 1 and 5 spelled out.
    Scale5,
}

impl CsatMode {
    /// The mode as it appears on the wire and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            CsatMode::Thumbs => "thumbs",
            CsatMode::Scale5 => "scale5",
        }
    }

    /// Parses the wire form.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "thumbs" => Some(CsatMode::Thumbs),
            "scale5" => Some(CsatMode::Scale5),
            _ => None,
        }
    }

    /// Whether `score` is an answer this mode can give.
    pub fn accepts(self, score: u8) -> bool {
        match self {
            CsatMode::Thumbs => score == 1 || score == 5,
            CsatMode::Scale5 => (1..=5).contains(&score),
        }
    }
}

/// A conversation's satisfaction as the site owner filters by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    /// Scored 4 or 5 (👍 in thumbs mode).
    Positive,
    /// Scored 3 (only possible on the 1–5 scale).
    Neutral,
    /// Scored 1 or 2 (👎 in thumbs mode).
    Negative,
    /// Not scored.
    Unknown,
}

impl Satisfaction {
    /// The satisfaction a score (or its absence) stands for.
    pub fn of(score: Option<u8>) -> Self {
        match score {
            Some(4..=5) => Satisfaction::Positive,
            Some(3) => Satisfaction::Neutral,
            Some(1..=2) => Satisfaction::Negative,
            _ => Satisfaction::Unknown,
        }
    }

    /// The wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            Satisfaction::Positive => "positive",
            Satisfaction::Neutral => "neutral",
            Satisfaction::Negative => "negative",
            Satisfaction::Unknown => "unknown",
        }
    }
}

/// Whether an answer the collector receives at `at` may still change a
/// conversation whose first CSAT answer it received at `first_answered_at`
/// (both the collector's clock: the shopper's clock decides nothing here).
pub fn check_amend_window(first_answered_at: Option<i64>, at: i64) -> Result<(), FieldError> {
    match first_answered_at {
        Some(first) if at > first.saturating_add(CSAT_AMEND_WINDOW_MS) => Err(FieldError::new(
            ErrorCode::CsatLocked,
            "",
            "this conversation's satisfaction answer can no longer be changed (30 minutes have passed)",
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_can_change_for_thirty_minutes_then_lock() {
        let first = 1_000_000;
        assert!(check_amend_window(None, first).is_ok());
        assert!(check_amend_window(Some(first), first + CSAT_AMEND_WINDOW_MS).is_ok());
        // An answer from before the first one (arriving late) is inside too.
        assert!(check_amend_window(Some(first), first - 5).is_ok());
        let late = check_amend_window(Some(first), first + CSAT_AMEND_WINDOW_MS + 1).unwrap_err();
        assert_eq!(late.code, ErrorCode::CsatLocked);
        assert_eq!(late.code.as_str(), "csat_locked");
    }

    #[test]
    fn thumbs_mode_only_knows_one_and_five() {
        assert!(CsatMode::Thumbs.accepts(1));
        assert!(CsatMode::Thumbs.accepts(5));
        assert!(!CsatMode::Thumbs.accepts(3));
        assert!((1..=5).all(|score| CsatMode::Scale5.accepts(score)));
        assert!(!CsatMode::Scale5.accepts(0));
        assert!(!CsatMode::Scale5.accepts(6));
    }

    #[test]
    fn scores_map_to_satisfaction() {
        let mapped: Vec<_> = [None, Some(1), Some(2), Some(3), Some(4), Some(5)]
            .into_iter()
            .map(Satisfaction::of)
            .collect();
        use Satisfaction::*;
        assert_eq!(
            mapped,
            [Unknown, Negative, Negative, Neutral, Positive, Positive]
        );
    }

    #[test]
    fn modes_round_trip() {
        for mode in [CsatMode::Thumbs, CsatMode::Scale5] {
            assert_eq!(CsatMode::parse(mode.as_str()), Some(mode));
        }
        assert_eq!(CsatMode::parse("stars"), None);
    }
}
