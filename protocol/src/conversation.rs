//! What the site owner's read API says about conversations.

use serde::{Deserialize, Serialize};

use crate::csat::{CsatMode, Satisfaction};
use crate::event::Rating;

/// The current thumbs state of one assistant message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageRating {
    /// The rated assistant message.
    pub message_id: String,
    /// Its current rating (the latest by event time).
    pub rating: Rating,
    /// When that rating was given, unix milliseconds on the server clock.
    pub at: i64,
    /// The locale the shopper saw.
    pub locale: String,
    /// The shopper's reason, if any.
    #[serde(default)]
    pub reason: Option<String>,
    /// Reason tags, if any.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The question excerpt (only when the site stores text).
    #[serde(default)]
    pub question: Option<String>,
    /// The answer excerpt (only when the site stores text).
    #[serde(default)]
    pub answer: Option<String>,
}

/// A conversation's CSAT, under the names the PolyAI article uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsatMetrics {
    /// The prompt was shown.
    #[serde(rename = "CSAT_OFFERED")]
    pub offered: bool,
    /// The shopper answered it.
    #[serde(rename = "CSAT_ACCEPTED")]
    pub accepted: bool,
    /// The shopper closed it without answering.
    #[serde(rename = "CSAT_DENIED")]
    pub denied: bool,
    /// 1–5 (thumbs mode: 👍 = 5, 👎 = 1).
    #[serde(rename = "CSAT_SCORE")]
    pub score: Option<u8>,
    /// The shopper's comment.
    #[serde(rename = "CSAT_FREE_FEEDBACK")]
    pub free_feedback: Option<String>,
    /// The shopper finished the prompt (submitted).
    #[serde(rename = "CSAT_COMPLETED")]
    pub completed: bool,
}

/// One stored conversation, as read from D1 (`conversations` table).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ConversationRow {
    /// Id.
    pub conversation_id: String,
    /// Earliest event.
    pub first_at: i64,
    /// Latest event.
    pub last_at: i64,
    /// Locale of the first event.
    pub locale: String,
    /// CSAT prompt shown, if any.
    pub csat_mode: Option<String>,
    /// When the prompt was first shown.
    pub csat_offered_at: Option<i64>,
    /// When it was first closed unanswered.
    pub csat_dismissed_at: Option<i64>,
    /// The answer's score.
    pub csat_score: Option<u8>,
    /// The answer's comment.
    pub csat_comment: Option<String>,
    /// 1 when the prompt was submitted.
    pub csat_completed: u8,
    /// Assistant messages currently 👍.
    pub thumbs_up: u32,
    /// Assistant messages currently 👎.
    pub thumbs_down: u32,
}

impl ConversationRow {
    /// The CSAT fields.
    pub fn metrics(&self) -> CsatMetrics {
        let accepted = self.csat_score.is_some();
        CsatMetrics {
            offered: self.csat_offered_at.is_some(),
            accepted,
            denied: self.csat_dismissed_at.is_some() && !accepted,
            score: self.csat_score,
            free_feedback: self.csat_comment.clone(),
            completed: self.csat_completed != 0,
        }
    }

    /// Positive / neutral / negative / unknown, from the score.
    pub fn satisfaction(&self) -> Satisfaction {
        Satisfaction::of(self.csat_score)
    }

    /// The detail answer, with the conversation's rated messages.
    pub fn detail(&self, messages: Vec<MessageRating>) -> ConversationDetail {
        ConversationDetail {
            conversation_id: self.conversation_id.clone(),
            first_at: self.first_at,
            last_at: self.last_at,
            locale: self.locale.clone(),
            csat_mode: self.csat_mode.as_deref().and_then(CsatMode::parse),
            satisfaction: self.satisfaction(),
            csat: self.metrics(),
            thumbs_up: self.thumbs_up,
            thumbs_down: self.thumbs_down,
            messages,
        }
    }

    /// The list entry.
    pub fn summary(&self) -> ConversationSummary {
        ConversationSummary {
            conversation_id: self.conversation_id.clone(),
            last_at: self.last_at,
            satisfaction: self.satisfaction(),
            score: self.csat_score,
            comment: self.csat_comment.clone(),
            thumbs_up: self.thumbs_up,
            thumbs_down: self.thumbs_down,
        }
    }
}

/// `GET /v1/sites/{site_key}/conversations/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationDetail {
    /// Id.
    pub conversation_id: String,
    /// Earliest event.
    pub first_at: i64,
    /// Latest event.
    pub last_at: i64,
    /// Locale of the first event.
    pub locale: String,
    /// The CSAT prompt shown, if any.
    pub csat_mode: Option<CsatMode>,
    /// From the CSAT score.
    pub satisfaction: Satisfaction,
    /// The PolyAI-named CSAT fields.
    pub csat: CsatMetrics,
    /// Assistant messages currently 👍.
    pub thumbs_up: u32,
    /// Assistant messages currently 👎.
    pub thumbs_down: u32,
    /// Every message that has (or had) a thumb, oldest first.
    pub messages: Vec<MessageRating>,
}

/// One entry of `GET /v1/sites/{site_key}/conversations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationSummary {
    /// Id.
    pub conversation_id: String,
    /// Latest event.
    pub last_at: i64,
    /// From the CSAT score.
    pub satisfaction: Satisfaction,
    /// CSAT score.
    pub score: Option<u8>,
    /// CSAT comment (the negative reason, when negative).
    pub comment: Option<String>,
    /// Assistant messages currently 👍.
    pub thumbs_up: u32,
    /// Assistant messages currently 👎.
    pub thumbs_down: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> ConversationRow {
        ConversationRow {
            conversation_id: "c".into(),
            first_at: 1,
            last_at: 2,
            locale: "en-US".into(),
            csat_mode: None,
            csat_offered_at: None,
            csat_dismissed_at: None,
            csat_score: None,
            csat_comment: None,
            csat_completed: 0,
            thumbs_up: 0,
            thumbs_down: 0,
        }
    }

    #[test]
    fn never_offered_is_all_false_and_unknown() {
        let metrics = row().metrics();
        assert!(!metrics.offered && !metrics.accepted && !metrics.denied && !metrics.completed);
        assert_eq!(row().satisfaction(), Satisfaction::Unknown);
    }

    #[test]
    fn dismissed_without_answer_is_denied_but_a_later_answer_is_not() {
        let dismissed = ConversationRow {
            csat_offered_at: Some(5),
            csat_dismissed_at: Some(6),
            ..row()
        };
        assert!(dismissed.metrics().denied);
        let answered = ConversationRow {
            csat_score: Some(2),
            csat_comment: Some("slow".into()),
            csat_completed: 1,
            ..dismissed
        };
        let metrics = answered.metrics();
        assert!(metrics.accepted && !metrics.denied && metrics.completed);
        assert_eq!(metrics.free_feedback.as_deref(), Some("slow"));
        assert_eq!(answered.satisfaction(), Satisfaction::Negative);
    }

    #[test]
    fn metrics_use_the_polyai_names_on_the_wire() {
        let json = serde_json::to_value(row().metrics()).unwrap();
        for name in [
            "CSAT_OFFERED",
            "CSAT_ACCEPTED",
            "CSAT_DENIED",
            "CSAT_SCORE",
            "CSAT_FREE_FEEDBACK",
            "CSAT_COMPLETED",
        ] {
            assert!(json.get(name).is_some(), "{name}");
        }
    }
}
