//! Review (#31): every 👎 and every satisfaction answer of 1–2 opens an
//! item; a person marks it reviewed, with a note and labels from the
//! site's list. The wire types of the queue and of a review, and the
//! rules a review must meet.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::settings::FieldErrors;
use crate::text::utf16_len;

/// The longest note, in characters (UTF-16 units, as a browser counts).
pub const MAX_NOTE_UTF16: usize = 1_000;
/// Most labels a site's list holds, and so an item.
pub const MAX_LABELS: usize = 20;
/// The longest label, in characters.
pub const MAX_LABEL_UTF16: usize = 40;

/// The list a new site starts with.
pub const DEFAULT_LABELS: [&str; 5] = ["knowledge missing", "wrong answer", "tone", "bug", "fixed"];

/// Whether an item waits for a person or has been seen to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Nobody has reviewed it yet.
    Open,
    /// Someone has.
    Reviewed,
}

impl ReviewState {
    /// Its name on the wire, in a query and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Reviewed => "reviewed",
        }
    }

    /// The state `text` names, if any.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "open" => Some(Self::Open),
            "reviewed" => Some(Self::Reviewed),
            _ => None,
        }
    }
}

/// What opened an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// A 👎 under a message.
    Thumb,
    /// A satisfaction answer of 1–2.
    Answer,
}

/// One item of the queue, as `GET …/review` and a conversation answer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    /// Its id: the id of the event that opened it.
    pub item_id: String,
    /// What opened it.
    pub kind: ReviewKind,
    /// The conversation.
    pub conversation_id: String,
    /// The rated message, for a 👎.
    pub message_id: Option<String>,
    /// When the 👎 or the answer was given, unix ms.
    pub opened_at: i64,
    /// Open or reviewed.
    pub state: ReviewState,
    /// The reviewer's note.
    pub note: Option<String>,
    /// The labels the reviewer chose.
    pub labels: Vec<String>,
    /// `owner`, or the name of the key that reviewed it.
    pub reviewed_by: Option<String>,
    /// When, unix ms.
    pub reviewed_at: Option<i64>,
    /// Its version: `PUT` sends it back as `If-Match`.
    pub version: u32,
}

/// An item as the store reads it (labels as their stored JSON).
#[derive(Debug, Clone, Deserialize)]
pub struct ReviewRow {
    /// See [`ReviewItem`].
    pub item_id: String,
    /// The conversation.
    pub conversation_id: String,
    /// '' for a satisfaction answer.
    pub message_id: String,
    /// See [`ReviewItem`].
    pub opened_at: i64,
    /// `open` or `reviewed`.
    pub state: String,
    /// See [`ReviewItem`].
    pub note: Option<String>,
    /// A JSON array of text.
    pub labels: String,
    /// See [`ReviewItem`].
    pub reviewed_by: Option<String>,
    /// See [`ReviewItem`].
    pub reviewed_at: Option<i64>,
    /// See [`ReviewItem`].
    pub version: u32,
}

impl ReviewRow {
    /// The item on the wire; labels that are not a JSON array of text
    /// (never written so) read as none.
    pub fn item(self) -> ReviewItem {
        let labels = serde_json::from_str::<Vec<String>>(&self.labels).unwrap_or_default();
        let message_id = (!self.message_id.is_empty()).then_some(self.message_id);
        ReviewItem {
            kind: if message_id.is_some() {
                ReviewKind::Thumb
            } else {
                ReviewKind::Answer
            },
            item_id: self.item_id,
            conversation_id: self.conversation_id,
            message_id,
            opened_at: self.opened_at,
            state: ReviewState::parse(&self.state).unwrap_or(ReviewState::Open),
            note: self.note,
            labels,
            reviewed_by: self.reviewed_by,
            reviewed_at: self.reviewed_at,
            version: self.version,
        }
    }
}

/// A page of the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewPage {
    /// Newest first.
    pub items: Vec<ReviewItem>,
    /// Where the next page starts; `None` on the last.
    pub next_cursor: Option<String>,
    /// The site's labels, in its order, for a reviewer's picker (a
    /// review key may not read the settings).
    pub labels: Vec<String>,
}

/// A review as `PUT …/review/{item}` takes it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// The new state.
    pub state: ReviewState,
    /// The note, trimmed; `None` when empty.
    pub note: Option<String>,
    /// The labels, each once, in the site's order.
    pub labels: Vec<String>,
}

impl Review {
    /// Reads `{state, note, labels}` from `text`, against the site's
    /// `site_labels`: every field's problem at once.
    pub fn from_json(text: &str, site_labels: &[String]) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let document: Value = match serde_json::from_str(text) {
            Ok(Value::Object(fields)) => Value::Object(fields),
            _ => {
                errors.insert(
                    "review".into(),
                    "send a JSON object such as {\"state\": \"reviewed\", \"note\": \"…\", \"labels\": [\"tone\"]}".into(),
                );
                return Err(errors);
            }
        };
        if let Some(fields) = document.as_object() {
            for name in fields.keys() {
                if !["state", "note", "labels"].contains(&name.as_str()) {
                    errors.insert(
                        name.clone(),
                        format!("{name:?} is not part of a review: state, note and labels are"),
                    );
                }
            }
        }
        let state = match document
            .get("state")
            .and_then(Value::as_str)
            .map(ReviewState::parse)
        {
            Some(Some(state)) => Some(state),
            _ => {
                errors.insert(
                    "state".into(),
                    "`state` must be \"open\" or \"reviewed\"".into(),
                );
                None
            }
        };
        let note = match document.get("note") {
            None | Some(Value::Null) => None,
            Some(Value::String(note)) => {
                let units = utf16_len(note);
                if units > MAX_NOTE_UTF16 {
                    errors.insert(
                        "note".into(),
                        format!("the note is {units} characters; the limit is {MAX_NOTE_UTF16}"),
                    );
                }
                Some(note.trim().to_string()).filter(|note| !note.is_empty())
            }
            Some(_) => {
                errors.insert("note".into(), "`note` must be text".into());
                None
            }
        };
        let labels = match document.get("labels") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(given)) if given.len() > MAX_LABELS => {
                errors.insert(
                    "labels".into(),
                    format!(
                        "{} labels given; an item takes at most {MAX_LABELS}",
                        given.len()
                    ),
                );
                Vec::new()
            }
            Some(Value::Array(given)) => {
                let mut names = Vec::new();
                for label in given {
                    match label.as_str() {
                        Some(name) if site_labels.iter().any(|known| known == name) => {
                            names.push(name.to_string());
                        }
                        Some(name) => {
                            errors.insert(
                                "labels".into(),
                                format!("{name:?} is not one of this site's labels (Settings lists them)"),
                            );
                        }
                        None => {
                            errors.insert("labels".into(), "each label must be text".into());
                        }
                    }
                }
                // Each once, in the site's order.
                site_labels
                    .iter()
                    .filter(|known| names.contains(known))
                    .cloned()
                    .collect()
            }
            Some(_) => {
                errors.insert(
                    "labels".into(),
                    "`labels` must be a list of the site's labels".into(),
                );
                Vec::new()
            }
        };
        match state {
            Some(state) if errors.is_empty() => Ok(Self {
                state,
                note,
                labels,
            }),
            _ => Err(errors),
        }
    }

    /// The labels as stored: a JSON array.
    pub fn labels_json(&self) -> String {
        serde_json::to_string(&self.labels).unwrap_or_else(|_| "[]".into())
    }
}

/// Checks a site's list of labels (Settings' `review_labels`): at most
/// [`MAX_LABELS`], each 1 to [`MAX_LABEL_UTF16`] characters without
/// control characters or surrounding spaces, each once.
pub fn check_labels(labels: &[String]) -> Result<(), String> {
    if labels.len() > MAX_LABELS {
        return Err(format!(
            "{} labels; a site has at most {MAX_LABELS}",
            labels.len()
        ));
    }
    for (at, label) in labels.iter().enumerate() {
        let units = utf16_len(label);
        if label.trim().is_empty() || label.trim() != label || units > MAX_LABEL_UTF16 {
            return Err(format!(
                "{label:?}: a label is 1 to {MAX_LABEL_UTF16} characters, without spaces around it"
            ));
        }
        if label.contains(char::is_control) {
            return Err(format!("{label:?} holds a control character"));
        }
        if labels.iter().take(at).any(|earlier| earlier == label) {
            return Err(format!("{label:?} is listed twice"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Vec<String> {
        DEFAULT_LABELS
            .iter()
            .map(|label| label.to_string())
            .collect()
    }

    #[test]
    fn a_review_keeps_the_sites_labels_once_in_the_sites_order() {
        let review = Review::from_json(
            r#"{"state": "reviewed", "note": "  Added the Austria rates.  ", "labels": ["fixed", "knowledge missing", "fixed"]}"#,
            &site(),
        )
        .unwrap();
        assert_eq!(review.state, ReviewState::Reviewed);
        assert_eq!(review.note.as_deref(), Some("Added the Austria rates."));
        assert_eq!(review.labels, ["knowledge missing", "fixed"]);
        assert_eq!(review.labels_json(), r#"["knowledge missing","fixed"]"#);
        let reopened = Review::from_json(r#"{"state": "open", "note": ""}"#, &site()).unwrap();
        assert_eq!((reopened.state, reopened.note), (ReviewState::Open, None));
    }

    #[test]
    fn each_field_of_a_bad_review_is_named() {
        let many: Vec<String> = (0..10_000).map(|n| format!("\"l{n}\"")).collect();
        let cases = [
            (
                format!(r#"{{"state": "reviewed", "labels": [{}]}}"#, many.join(",")),
                "labels",
            ),
            (
                r#"{"state": "reviewed", "labels": ["great"]}"#.to_string(),
                "labels",
            ),
            (
                r#"{"state": "reviewed", "labels": [1]}"#.to_string(),
                "labels",
            ),
            (
                r#"{"state": "reviewed", "labels": "tone"}"#.to_string(),
                "labels",
            ),
            (
                format!(
                    r#"{{"state": "reviewed", "note": "{}"}}"#,
                    "x".repeat(1_001)
                ),
                "note",
            ),
            (r#"{"state": "reviewed", "note": 5}"#.to_string(), "note"),
            (r#"{"state": "done"}"#.to_string(), "state"),
            (r#"{"note": "x"}"#.to_string(), "state"),
            (
                r#"{"state": "open", "assignee": "sam"}"#.to_string(),
                "assignee",
            ),
            ("[1]".to_string(), "review"),
            ("not json".to_string(), "review"),
        ];
        for (body, field) in cases {
            let errors = Review::from_json(&body, &site()).unwrap_err();
            assert!(errors.contains_key(field), "{field}: {errors:?}");
        }
        // A note of exactly the limit, in characters a browser counts.
        let long = format!(
            r#"{{"state": "reviewed", "note": "{}"}}"#,
            "é".repeat(1_000)
        );
        assert!(Review::from_json(&long, &site()).is_ok());
    }

    #[test]
    fn a_sites_labels_are_few_short_and_distinct() {
        assert_eq!(check_labels(&site()), Ok(()));
        assert!(check_labels(&[]).is_ok());
        let many: Vec<String> = (0..21).map(|n| format!("l{n}")).collect();
        for bad in [
            many,
            vec!["x".repeat(41)],
            vec![String::new()],
            vec![" tone".into()],
            vec!["to\nne".into()],
            vec!["tone".into(), "tone".into()],
        ] {
            assert!(check_labels(&bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_stored_row_reads_as_its_item() {
        let row = |message_id: &str, labels: &str| ReviewRow {
            item_id: "ev_1".into(),
            conversation_id: "c_1".into(),
            message_id: message_id.into(),
            opened_at: 5,
            state: "reviewed".into(),
            note: None,
            labels: labels.into(),
            reviewed_by: Some("owner".into()),
            reviewed_at: Some(9),
            version: 2,
        };
        let thumb = row("m_1", r#"["tone"]"#).item();
        assert_eq!(thumb.kind, ReviewKind::Thumb);
        assert_eq!(thumb.message_id.as_deref(), Some("m_1"));
        assert_eq!(thumb.labels, ["tone"]);
        let answer = row("", "not json").item();
        assert_eq!((answer.kind, answer.message_id), (ReviewKind::Answer, None));
        assert!(answer.labels.is_empty());
    }
}
