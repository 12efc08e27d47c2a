//! Feedback events as they travel from the widget to the collector.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ids::{check_id, check_locale};
use crate::rejection::{ErrorCode, FieldError};

/// A shopper's verdict on one assistant message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// 👍
    Up,
    /// 👎
    Down,
    /// No verdict (never given, or cleared by clicking the pressed thumb again).
    #[default]
    None,
}

impl Rating {
    /// The rating as it appears on the wire and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Up => "up",
            Self::Down => "down",
            Self::None => "none",
        }
    }

    /// Parses the wire form; `None` for anything else.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "up" => Some(Self::Up),
            "down" => Some(Self::Down),
            "none" => Some(Self::None),
            _ => None,
        }
    }

    /// The rating after the shopper clicks the `clicked` thumb: clicking the
    /// pressed thumb again clears it, clicking the other one switches.
    pub fn after_click(self, clicked: Rating) -> Rating {
        if self == clicked {
            Rating::None
        } else {
            clicked
        }
    }
}

/// Fields every event carries, whatever its type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventHeader {
    /// Client-generated unique id; the collector stores an id once.
    pub id: String,
    /// The conversation the event belongs to.
    pub conversation_id: String,
    /// When it happened, unix milliseconds (client clock on the wire,
    /// server clock once the collector has corrected it).
    pub at: i64,
    /// The locale the widget was showing, e.g. `en-US`.
    pub locale: String,
}

/// A thumb given, changed or cleared on one assistant message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageFeedback {
    /// The assistant message that was rated.
    pub message_id: String,
    /// The new state of the thumbs for that message.
    pub rating: Rating,
}

/// What happened, by event `type`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// `message_feedback`: a thumb under an assistant message.
    MessageFeedback(MessageFeedback),
}

impl EventKind {
    /// The `type` tag on the wire.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::MessageFeedback(_) => "message_feedback",
        }
    }
}

/// One feedback event: the common header plus its type-specific body,
/// flattened into a single JSON object on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Id, conversation, time and locale.
    #[serde(flatten)]
    pub header: EventHeader,
    /// The type-specific part.
    #[serde(flatten)]
    pub kind: EventKind,
}

/// Deserializes `T` from `value`, naming the field that failed.
fn from_value<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, FieldError> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|err| {
        let field = err.path().to_string();
        let inner = err.into_inner().to_string();
        if let Some(name) = inner
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            FieldError::new(
                ErrorCode::MissingField,
                name,
                format!("`{name}` is required"),
            )
        } else {
            let field = if field == "." { String::new() } else { field };
            FieldError::new(ErrorCode::InvalidField, field, inner)
        }
    })
}

impl Event {
    /// Builds a `message_feedback` event.
    pub fn message_feedback(header: EventHeader, message_id: String, rating: Rating) -> Self {
        Self {
            header,
            kind: EventKind::MessageFeedback(MessageFeedback { message_id, rating }),
        }
    }

    /// Reads and shape-checks one event from its JSON form.
    /// Time bounds are checked by the envelope, which knows the clocks.
    pub fn from_json(value: &Value) -> Result<Self, FieldError> {
        let Value::Object(fields) = value else {
            return Err(FieldError::new(
                ErrorCode::InvalidField,
                "",
                "each event must be a JSON object",
            ));
        };
        let type_name = match fields.get("type") {
            None => {
                return Err(FieldError::new(
                    ErrorCode::MissingField,
                    "type",
                    "`type` is required",
                ));
            }
            Some(Value::String(name)) => name.as_str(),
            Some(_) => {
                return Err(FieldError::new(
                    ErrorCode::InvalidField,
                    "type",
                    "`type` must be a string",
                ));
            }
        };
        let header: EventHeader = from_value(value)?;
        check_id("id", &header.id)?;
        check_id("conversation_id", &header.conversation_id)?;
        check_locale("locale", &header.locale)?;
        if header.at <= 0 {
            return Err(FieldError::new(
                ErrorCode::InvalidField,
                "at",
                "`at` must be a positive unix time in milliseconds",
            ));
        }
        let kind = match type_name {
            "message_feedback" => {
                let body: MessageFeedback = from_value(value)?;
                check_id("message_id", &body.message_id)?;
                EventKind::MessageFeedback(body)
            }
            other => {
                return Err(FieldError::new(
                    ErrorCode::UnknownEventType,
                    "type",
                    format!("unknown event type {other:?}; expected \"message_feedback\""),
                ));
            }
        };
        Ok(Self { header, kind })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn thumbs(rating: &str) -> Value {
        json!({
            "id": "ev_1", "type": "message_feedback", "conversation_id": "c_1",
            "at": 1_700_000_000_000_i64, "locale": "en-US",
            "message_id": "m_1", "rating": rating,
        })
    }

    #[test]
    fn clicking_the_pressed_thumb_clears_it_and_the_other_switches() {
        assert_eq!(Rating::None.after_click(Rating::Up), Rating::Up);
        assert_eq!(Rating::Up.after_click(Rating::Up), Rating::None);
        assert_eq!(Rating::Up.after_click(Rating::Down), Rating::Down);
        assert_eq!(Rating::Down.after_click(Rating::Down), Rating::None);
    }

    #[test]
    fn rating_round_trips_through_its_wire_form() {
        for rating in [Rating::Up, Rating::Down, Rating::None] {
            assert_eq!(Rating::parse(rating.as_str()), Some(rating));
        }
        assert_eq!(Rating::parse("meh"), None);
    }

    #[test]
    fn a_valid_thumb_parses_and_serializes_back_to_the_same_json() {
        let event = Event::from_json(&thumbs("up")).unwrap();
        assert_eq!(event.header.id, "ev_1");
        assert_eq!(
            event.kind,
            EventKind::MessageFeedback(MessageFeedback {
                message_id: "m_1".into(),
                rating: Rating::Up
            })
        );
        assert_eq!(serde_json::to_value(&event).unwrap(), thumbs("up"));
    }

    #[test]
    fn an_unknown_rating_names_the_field() {
        let err = Event::from_json(&thumbs("meh")).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidField);
        assert_eq!(err.field, "rating");
        assert!(err.message.contains("meh"), "{}", err.message);
    }

    #[test]
    fn wrong_types_name_the_field() {
        let mut value = thumbs("up");
        value["at"] = json!("yesterday");
        let err = Event::from_json(&value).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_str()),
            (ErrorCode::InvalidField, "at")
        );

        let mut value = thumbs("up");
        value["message_id"] = json!(42);
        let err = Event::from_json(&value).unwrap_err();
        assert_eq!(err.field, "message_id");

        let mut value = thumbs("up");
        value["type"] = json!(7);
        assert_eq!(Event::from_json(&value).unwrap_err().field, "type");

        assert_eq!(
            Event::from_json(&json!(["not", "an", "object"]))
                .unwrap_err()
                .code,
            ErrorCode::InvalidField
        );
    }

    #[test]
    fn missing_ids_are_reported_as_missing() {
        for field in [
            "id",
            "conversation_id",
            "message_id",
            "type",
            "at",
            "locale",
        ] {
            let mut value = thumbs("up");
            value.as_object_mut().unwrap().remove(field);
            let err = Event::from_json(&value).unwrap_err();
            assert_eq!(err.code, ErrorCode::MissingField, "{field}");
            assert_eq!(err.field, field);
        }
        let mut value = thumbs("up");
        value["conversation_id"] = json!("");
        assert_eq!(
            Event::from_json(&value).unwrap_err().code,
            ErrorCode::MissingField
        );
    }

    #[test]
    fn oversize_ids_are_too_long() {
        let mut value = thumbs("up");
        value["message_id"] = json!("m".repeat(crate::limits::MAX_ID_LEN + 1));
        let err = Event::from_json(&value).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_str()),
            (ErrorCode::TooLong, "message_id")
        );
    }

    #[test]
    fn unknown_types_and_bad_times_are_refused() {
        let mut value = thumbs("up");
        value["type"] = json!("page_view");
        assert_eq!(
            Event::from_json(&value).unwrap_err().code,
            ErrorCode::UnknownEventType
        );
        let mut value = thumbs("up");
        value["at"] = json!(0);
        assert_eq!(Event::from_json(&value).unwrap_err().field, "at");
        let mut value = thumbs("up");
        value["at"] = json!(1.5);
        assert_eq!(Event::from_json(&value).unwrap_err().field, "at");
    }
}
