//! Rated answers as a dataset (#31 §2): one JSON line per assistant or
//! agent message a shopper rated, shaped so that a line loads as it is
//! as a Langfuse dataset item (`input`, `metadata`; `expectedOutput`
//! absent) and as an OpenAI-evals-style record (`input`, `output`,
//! `score`). `GET …/export?kind=rated_answers&format=jsonl` streams them.

use serde::{Deserialize, Serialize};

use crate::event::{RatedRole, Rating};
use crate::meta::Meta;
use crate::read_api::InboxFilter;
use crate::review::ReviewState;

/// A rated message as the export reads it from D1: the thumb, its
/// conversation's review item for it, when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RatedAnswerRow {
    /// The conversation.
    pub conversation_id: String,
    /// The rated message.
    pub message_id: String,
    /// 👍 or 👎 (a thumb taken back is not read).
    pub rating: Rating,
    /// When it was given, unix ms.
    pub at: i64,
    /// The language the shopper saw.
    pub locale: String,
    /// Who wrote the message.
    #[serde(default)]
    pub role: RatedRole,
    /// The page's path, when the widget said.
    #[serde(default)]
    pub page: Option<String>,
    /// The shopper's reason.
    #[serde(default)]
    pub reason: Option<String>,
    /// Reason tags from the site's list.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The question, when the site keeps text.
    #[serde(default)]
    pub question: Option<String>,
    /// The answer, when the site keeps text.
    #[serde(default)]
    pub answer: Option<String>,
    /// `addMessage`'s meta: the model, the prompt version, a trace id.
    #[serde(default)]
    pub meta: Meta,
    /// The review of a 👎, when it opened an item.
    #[serde(default)]
    pub review: Option<AnswerReview>,
}

/// What a reviewer made of a rated answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerReview {
    /// Open or reviewed.
    pub state: ReviewState,
    /// The labels chosen.
    #[serde(default)]
    pub labels: Vec<String>,
    /// The reviewer's note.
    #[serde(default)]
    pub note: Option<String>,
}

/// One line of the dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatedAnswer {
    /// The shopper's question (`null` when the site does not keep text).
    pub input: Option<String>,
    /// The rated answer (`null` when the site does not keep text).
    pub output: Option<String>,
    /// 1 for 👍, 0 for 👎.
    pub score: u8,
    /// The shopper's reason, in their words.
    pub comment: Option<String>,
    /// Everything else known of it.
    pub metadata: RatedAnswerMetadata,
}

/// A line's `metadata`: where the answer came from and what was made of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatedAnswerMetadata {
    /// The conversation.
    pub conversation_id: String,
    /// The rated message.
    pub message_id: String,
    /// When it was rated, unix ms.
    pub at: i64,
    /// The language the shopper saw.
    pub locale: String,
    /// `assistant` or `agent`.
    pub role: RatedRole,
    /// The page's path, when the widget said.
    pub page: Option<String>,
    /// Reason tags.
    pub tags: Vec<String>,
    /// The message's meta, `trace_id` included, under its own keys.
    pub meta: Meta,
    /// `open` or `reviewed` for a 👎 that opened an item; `null` otherwise.
    pub review_state: Option<ReviewState>,
    /// The reviewer's labels.
    pub review_labels: Vec<String>,
    /// The reviewer's note.
    pub review_note: Option<String>,
}

impl RatedAnswerRow {
    /// The dataset line, or `None` for a thumb that was taken back.
    pub fn line(self) -> Option<RatedAnswer> {
        let score = match self.rating {
            Rating::Up => 1,
            Rating::Down => 0,
            Rating::None => return None,
        };
        let (review_state, review_labels, review_note) = match self.review {
            Some(review) => (Some(review.state), review.labels, review.note),
            None => (None, Vec::new(), None),
        };
        Some(RatedAnswer {
            input: self.question,
            output: self.answer,
            score,
            comment: self.reason,
            metadata: RatedAnswerMetadata {
                conversation_id: self.conversation_id,
                message_id: self.message_id,
                at: self.at,
                locale: self.locale,
                role: self.role,
                page: self.page,
                tags: self.tags,
                meta: self.meta,
                review_state,
                review_labels,
                review_note,
            },
        })
    }
}

/// What the dataset is narrowed to: the inbox's filters, each read of the
/// rated message where it has one (its role, language, page, meta, review
/// item) and of its conversation otherwise (the satisfaction answer, the
/// hand-over, the context), and the rating.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DatasetFilter {
    /// The inbox's filters.
    pub inbox: InboxFilter,
    /// 👍 or 👎 only.
    pub rating: Option<Rating>,
}

impl DatasetFilter {
    /// The filter the query names (see [`InboxFilter::parse`]), plus
    /// `rating=up|down`.
    pub fn parse<'a>(
        get: impl Fn(&str) -> Option<&'a str>,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, String> {
        let rating = match get("rating") {
            None => None,
            Some("up") => Some(Rating::Up),
            Some("down") => Some(Rating::Down),
            Some(other) => return Err(format!("`rating` must be up or down, not {other:?}")),
        };
        Ok(Self {
            inbox: InboxFilter::parse(get, names)?,
            rating,
        })
    }
}

/// Where a page of the dataset ends: rated messages go in the order of
/// their key, which never changes, so a thumb changed while an export
/// runs is neither skipped nor repeated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerCursor {
    /// The last line's conversation.
    pub conversation_id: String,
    /// Its message.
    pub message_id: String,
}

impl AnswerCursor {
    /// `conversation_id/message_id` (`/` is in no id), as `after=` takes it.
    pub fn encode(&self) -> String {
        format!("{}/{}", self.conversation_id, self.message_id)
    }

    /// Reads an `after=` an export handed out.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "`after` {text:?} is not a conversation id and a message id joined by `/`, \
                 as a failed export's last line gives it"
            )
        };
        let (conversation_id, message_id) = text.split_once('/').ok_or_else(bad)?;
        crate::ids::check_id("after", conversation_id).map_err(|_| bad())?;
        crate::ids::check_id("after", message_id).map_err(|_| bad())?;
        Ok(Self {
            conversation_id: conversation_id.to_string(),
            message_id: message_id.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(value: serde_json::Value) -> RatedAnswerRow {
        serde_json::from_value(value)
            .map_err(|err| err.to_string())
            .unwrap_or_else(|err| panic!("{err}"))
    }

    #[test]
    fn a_thumb_down_with_its_review_becomes_a_line_with_score_0() {
        let line = row(json!({
            "conversation_id": "c_1", "message_id": "m_2", "rating": "down",
            "at": 1_800_000_000_000_i64, "locale": "de", "role": "agent", "page": "/cart",
            "reason": "wrong size", "tags": ["wrong"], "question": "Size?", "answer": "XL",
            "meta": {"model": "gpt-4o", "trace_id": "t_9", "turn": 3},
            "review": {"state": "reviewed", "labels": ["tone"], "note": "rude"},
        }))
        .line();
        let value = serde_json::to_value(line).unwrap_or_default();
        assert_eq!(
            value,
            json!({
                "input": "Size?", "output": "XL", "score": 0, "comment": "wrong size",
                "metadata": {
                    "conversation_id": "c_1", "message_id": "m_2",
                    "at": 1_800_000_000_000_i64, "locale": "de", "role": "agent",
                    "page": "/cart", "tags": ["wrong"],
                    "meta": {"model": "gpt-4o", "trace_id": "t_9", "turn": 3},
                    "review_state": "reviewed", "review_labels": ["tone"], "review_note": "rude",
                },
            })
        );
    }

    #[test]
    fn a_thumb_up_without_text_keeps_nulls_and_a_thumb_taken_back_is_no_line() {
        let up = row(json!({
            "conversation_id": "c", "message_id": "m", "rating": "up", "at": 5, "locale": "en-US",
        }))
        .line();
        let up = serde_json::to_value(up).unwrap_or_default();
        assert_eq!(up["score"], 1);
        assert_eq!(up["input"], serde_json::Value::Null);
        assert_eq!(up["output"], serde_json::Value::Null);
        assert_eq!(up["metadata"]["role"], "assistant");
        assert_eq!(up["metadata"]["review_state"], serde_json::Value::Null);
        assert_eq!(up["metadata"]["review_labels"], json!([]));
        let none = row(json!({
            "conversation_id": "c", "message_id": "m", "rating": "none", "at": 5, "locale": "en-US",
        }));
        assert_eq!(none.line(), None);
    }

    #[test]
    fn the_filter_takes_the_inbox_filters_and_a_rating() {
        let query = [
            ("rating", "down"),
            ("meta.model", "gpt-4o"),
            ("review", "open"),
        ];
        let get = |name: &str| {
            query
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| *value)
        };
        let filter = DatasetFilter::parse(get, query.iter().map(|(key, _)| *key));
        assert_eq!(
            filter,
            Ok(DatasetFilter {
                inbox: InboxFilter {
                    meta: Some(("model".into(), "gpt-4o".into())),
                    review: Some(ReviewState::Open),
                    ..InboxFilter::default()
                },
                rating: Some(Rating::Down),
            })
        );
        let bad = DatasetFilter::parse(|_| Some("none"), ["rating"]);
        assert!(bad.is_err_and(|problem| problem.contains("`rating` must be up or down")));
    }

    #[test]
    fn cursors_round_trip_and_refuse_what_no_export_handed_out() {
        let cursor = AnswerCursor {
            conversation_id: "c.1".into(),
            message_id: "m:2".into(),
        };
        assert_eq!(AnswerCursor::parse(&cursor.encode()), Ok(cursor));
        for bad in ["", "c_1", "/m", "c/", "c/m/x", "c d/m"] {
            assert!(AnswerCursor::parse(bad).is_err(), "{bad}");
        }
    }
}
