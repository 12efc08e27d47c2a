//! Feedback events as they travel from the widget to the collector.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::csat::CsatMode;
use crate::ids::{check_id, check_locale};
use crate::meta::Meta;
use crate::rejection::{ErrorCode, FieldError};
use crate::repair::repair_lone_surrogates;
use crate::text::{self, MAX_COMMENT_UTF16, MAX_EXCERPT_UTF16};

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

/// Who wrote a rated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatedRole {
    /// The shop's AI assistant (what a thumb without `role` rated).
    #[default]
    Assistant,
    /// A human agent who took the conversation over.
    Agent,
}

impl RatedRole {
    /// The role as it appears on the wire and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Assistant => "assistant",
            Self::Agent => "agent",
        }
    }
}

/// Longest `page`, in UTF-16 code units.
pub const MAX_PAGE_UTF16: usize = 200;

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
    /// The path of the page it happened on, without query or fragment
    /// (`location.pathname`, at most [`MAX_PAGE_UTF16`]); none from a
    /// server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
}

/// Most reason tags one thumbs-down may carry.
pub const MAX_TAGS: usize = 10;

/// A thumb given, changed or cleared on one assistant message. Each field
/// is declared here, read from the wire in `WireEvent` (one pass over the
/// body, borrowing its text) and checked in `normalized`; everything else
/// (the widget, `ledger`'s columns, the read API) takes the struct whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageFeedback {
    /// The assistant's or agent's message that was rated.
    pub message_id: String,
    /// Who wrote it: the assistant unless the widget says otherwise (a
    /// thumb from before agents, or from a server, may leave it out).
    #[serde(default)]
    pub role: RatedRole,
    /// The new state of the thumbs for that message.
    pub rating: Rating,
    /// Why, in the shopper's words (at most 1000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Reason tags picked from the site's list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The shopper's question (stored only when the site stores text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The rated answer (stored only when the site stores text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// Where the rated answer came from, as the host page said it
    /// (`addMessage`'s `meta`: the model, the prompt version, a trace id).
    #[serde(default, skip_serializing_if = "Meta::is_empty")]
    pub meta: Meta,
}

/// What a CSAT event says of its conversation: the host page's
/// `setContext` (an A/B arm, the channel), and whether a human agent took
/// part, which makes its CSAT one "with a human".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationContext {
    /// Conversation-level provenance, under the rules of `meta`.
    #[serde(default, skip_serializing_if = "Meta::is_empty")]
    pub context: Meta,
    /// A human agent's message appeared in the conversation.
    #[serde(default, skip_serializing_if = "is_false")]
    pub handed_over: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl ConversationContext {
    fn from_wire(wire: &mut WireEvent<'_>) -> Result<Self, FieldError> {
        let context = match wire.context.take() {
            Some(raw) => Meta::from_raw("context", &raw)?,
            None => Meta::default(),
        };
        Ok(Self {
            context,
            handed_over: wire.handed_over.unwrap_or(false),
        })
    }
}

/// The CSAT prompt was shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsatOffered {
    /// Which prompt.
    pub mode: CsatMode,
    /// The version of the site's own wording the prompt was worded with
    /// (`GET /v1/locales/best`'s `Feedback-Copy-Version`), when the site
    /// has its own wording for the event's locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_version: Option<u32>,
    /// The conversation's context and whether it was handed over.
    #[serde(flatten)]
    pub about: ConversationContext,
}

/// The shopper answered (or amended an answer to) the CSAT prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsatResponse {
    /// Which prompt; thumbs mode sends 👍 as 5 and 👎 as 1.
    pub mode: CsatMode,
    /// 1 (very dissatisfied) to 5 (very satisfied).
    pub score: u8,
    /// Free feedback (at most 1000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Whether the shopper finished the prompt (submitted), rather than only
    /// picked a score on the way to an optional comment.
    #[serde(default = "yes")]
    pub completed: bool,
    /// The version of the site's own wording the prompt was worded with,
    /// as on `csat_offered`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_version: Option<u32>,
    /// The conversation's context and whether it was handed over.
    #[serde(flatten)]
    pub about: ConversationContext,
}

fn yes() -> bool {
    true
}

/// The shopper closed the CSAT prompt without answering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsatDismissed {
    /// Which prompt.
    pub mode: CsatMode,
}

/// Declares the event types once: [`EventKind`] with its serde tags,
/// [`EVENT_TYPES`], [`EventKind::type_name`] and the reading of each type's
/// fields all come from this one list.
macro_rules! event_types {
    ($($(#[doc = $doc:literal])* $name:literal => $variant:ident($body:ident),)+) => {
        /// What happened, by event `type`.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[serde(tag = "type")]
        pub enum EventKind {
            $(
                $(#[doc = $doc])*
                #[serde(rename = $name)]
                $variant($body),
            )+
        }

        /// Every event type, as named on the wire.
        pub const EVENT_TYPES: &[&str] = &[$($name),+];

        impl EventKind {
            /// The `type` tag on the wire.
            pub fn type_name(&self) -> &'static str {
                match self {
                    $(Self::$variant(_) => $name,)+
                }
            }

            /// The type-specific part of an event of type `name`, read
            /// from `wire`; `None` for a type no one declared.
            fn from_wire(name: &str, wire: WireEvent<'_>) -> Option<Result<Self, FieldError>> {
                match name {
                    $($name => Some($body::from_wire(wire).map(Self::$variant)),)+
                    _ => None,
                }
            }
        }
    };
}

event_types! {
    /// `message_feedback`: a thumb under an assistant message.
    "message_feedback" => MessageFeedback(MessageFeedback),
    /// `csat_offered`: the satisfaction prompt was shown.
    "csat_offered" => CsatOffered(CsatOffered),
    /// `csat_response`: the shopper rated the conversation.
    "csat_response" => CsatResponse(CsatResponse),
    /// `csat_dismissed`: the prompt was closed unanswered.
    "csat_dismissed" => CsatDismissed(CsatDismissed),
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

/// One event as it arrives: every field any type may carry, borrowed from
/// the request body where it has no escapes. Read in a single pass; which
/// fields are required depends on `type` and is checked afterwards.
#[derive(Deserialize)]
struct WireEvent<'a> {
    #[serde(rename = "type", borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    conversation_id: Option<Cow<'a, str>>,
    at: Option<i64>,
    #[serde(borrow)]
    locale: Option<Cow<'a, str>>,
    #[serde(borrow)]
    page: Option<Cow<'a, str>>,
    #[serde(borrow)]
    message_id: Option<Cow<'a, str>>,
    role: Option<RatedRole>,
    rating: Option<Rating>,
    #[serde(borrow)]
    reason: Option<Cow<'a, str>>,
    #[serde(borrow)]
    tags: Option<Vec<Cow<'a, str>>>,
    #[serde(borrow)]
    question: Option<Cow<'a, str>>,
    #[serde(borrow)]
    answer: Option<Cow<'a, str>>,
    meta: Option<Box<RawValue>>,
    context: Option<Box<RawValue>>,
    handed_over: Option<bool>,
    mode: Option<CsatMode>,
    score: Option<u8>,
    #[serde(borrow)]
    comment: Option<Cow<'a, str>>,
    completed: Option<bool>,
    copy_version: Option<u32>,
}

/// A serde error as a refusal naming the field that failed.
fn field_error(err: serde_path_to_error::Error<serde_json::Error>) -> FieldError {
    let path = err.path().to_string();
    let field = if path == "." { String::new() } else { path };
    FieldError::new(ErrorCode::InvalidField, field, err.into_inner().to_string())
}

fn required<T>(value: Option<T>, field: &str) -> Result<T, FieldError> {
    value.ok_or_else(|| {
        FieldError::new(
            ErrorCode::MissingField,
            field,
            format!("`{field}` is required"),
        )
    })
}

fn owned(text: Option<Cow<'_, str>>) -> Option<String> {
    text.map(Cow::into_owned)
}

impl MessageFeedback {
    /// `rating` on `message_id`, with no reason, tags or excerpts (set
    /// those on the value): the one place every field gets its default.
    pub fn new(message_id: String, rating: Rating) -> Self {
        MessageFeedback {
            message_id,
            rating,
            ..MessageFeedback::default()
        }
    }

    /// Checks ids and tags, cleans and bounds the texts.
    fn normalized(mut self) -> Result<Self, FieldError> {
        check_id("message_id", &self.message_id)?;
        self.reason = text::clean_optional("reason", self.reason.as_deref(), MAX_COMMENT_UTF16)?;
        self.question =
            text::clean_optional("question", self.question.as_deref(), MAX_EXCERPT_UTF16)?;
        self.answer = text::clean_optional("answer", self.answer.as_deref(), MAX_EXCERPT_UTF16)?;
        if self.tags.len() > MAX_TAGS {
            return Err(FieldError::new(
                ErrorCode::TooLong,
                "tags",
                format!("{} tags; the limit is {MAX_TAGS}", self.tags.len()),
            ));
        }
        for tag in &self.tags {
            check_id("tags", tag)?;
        }
        self.tags.sort();
        self.tags.dedup();
        Ok(self)
    }
}

impl CsatResponse {
    /// Checks the score against the mode, cleans and bounds the comment.
    fn normalized(mut self) -> Result<Self, FieldError> {
        if !(1..=5).contains(&self.score) {
            return Err(FieldError::new(
                ErrorCode::InvalidField,
                "score",
                format!("`score` must be 1 to 5, not {}", self.score),
            ));
        }
        if !self.mode.accepts(self.score) {
            return Err(FieldError::new(
                ErrorCode::InvalidField,
                "score",
                "thumbs mode sends 5 for 👍 and 1 for 👎",
            ));
        }
        self.comment = text::clean_optional("comment", self.comment.as_deref(), MAX_COMMENT_UTF16)?;
        Ok(self)
    }
}

impl Event {
    /// Whether the event is bad news, which a site's webhook is told of: a
    /// 👎, or a CSAT answer of 1 or 2.
    pub fn is_bad_news(&self) -> bool {
        match &self.kind {
            EventKind::MessageFeedback(feedback) => feedback.rating == Rating::Down,
            EventKind::CsatResponse(answer) => answer.score <= 2,
            EventKind::CsatOffered(_) | EventKind::CsatDismissed(_) => false,
        }
    }

    /// Builds a `message_feedback` event with no reason, tags or excerpts.
    pub fn message_feedback(header: EventHeader, message_id: String, rating: Rating) -> Self {
        Self {
            header,
            kind: EventKind::MessageFeedback(MessageFeedback::new(message_id, rating)),
        }
    }

    /// Reads and shape-checks one event from its JSON text, cleaning its
    /// texts. Time bounds are checked by the envelope, which knows the clocks.
    pub fn from_raw(raw: &RawValue) -> Result<Self, FieldError> {
        let read = |text: &str| {
            // The plain parse is the fast path; only a failure is parsed again
            // with path tracking, to name the field.
            match serde_json::from_str::<WireEvent<'_>>(text) {
                Ok(wire) => Self::from_wire(wire),
                Err(_) => {
                    let mut reader = serde_json::Deserializer::from_str(text);
                    serde_path_to_error::deserialize(&mut reader)
                        .map_err(field_error)
                        .and_then(Self::from_wire)
                }
            }
        };
        match read(raw.get()) {
            // A lone surrogate escape (a string cut inside an emoji) is repaired,
            // not refused; only an event that fails pays for the repair scan.
            Err(err) => match repair_lone_surrogates(raw.get()) {
                Cow::Owned(repaired) => read(&repaired),
                Cow::Borrowed(_) => Err(err),
            },
            ok => ok,
        }
    }

    /// [`Event::from_raw`] for an already parsed JSON value.
    pub fn from_json(value: &Value) -> Result<Self, FieldError> {
        serde_path_to_error::deserialize(value)
            .map_err(field_error)
            .and_then(Self::from_wire)
    }

    fn from_wire(mut wire: WireEvent<'_>) -> Result<Self, FieldError> {
        let type_name = required(wire.kind.take(), "type")?;
        let unknown_type = || {
            FieldError::new(
                ErrorCode::UnknownEventType,
                "type",
                format!(
                    "unknown event type {type_name:?}; expected one of {}",
                    EVENT_TYPES.join(", ")
                ),
            )
        };
        // An unknown type is named before any missing field.
        if !EVENT_TYPES.contains(&type_name.as_ref()) {
            return Err(unknown_type());
        }
        let header = EventHeader {
            id: required(wire.id.take(), "id")?.into_owned(),
            conversation_id: required(wire.conversation_id.take(), "conversation_id")?.into_owned(),
            at: required(wire.at, "at")?,
            locale: required(wire.locale.take(), "locale")?.into_owned(),
            page: page(wire.page.take())?,
        };
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
        let kind = EventKind::from_wire(&type_name, wire).ok_or_else(unknown_type)??;
        Ok(Self { header, kind })
    }
}

impl MessageFeedback {
    fn from_wire(wire: WireEvent<'_>) -> Result<Self, FieldError> {
        let mut feedback = MessageFeedback::new(
            required(wire.message_id, "message_id")?.into_owned(),
            required(wire.rating, "rating")?,
        );
        feedback.role = wire.role.unwrap_or_default();
        feedback.reason = owned(wire.reason);
        feedback.tags = wire
            .tags
            .unwrap_or_default()
            .into_iter()
            .map(Cow::into_owned)
            .collect();
        feedback.question = owned(wire.question);
        feedback.answer = owned(wire.answer);
        if let Some(meta) = wire.meta {
            feedback.meta = Meta::from_raw("meta", &meta)?;
        }
        feedback.normalized()
    }
}

/// A page's path as sent: `/` and at most [`MAX_PAGE_UTF16`] UTF-16
/// units, with no query, fragment or control character.
fn page(path: Option<Cow<'_, str>>) -> Result<Option<String>, FieldError> {
    let Some(path) = path else {
        return Ok(None);
    };
    check_page(&path)?;
    Ok(Some(path.into_owned()))
}

/// Whether `path` is a page as events carry it (see [`EventHeader::page`]).
pub fn check_page(path: &str) -> Result<(), FieldError> {
    let units = text::utf16_len(path);
    if units > MAX_PAGE_UTF16 {
        return Err(FieldError::new(
            ErrorCode::TooLong,
            "page",
            format!("`page` is {units} characters; the limit is {MAX_PAGE_UTF16}"),
        ));
    }
    if !path.starts_with('/') || path.contains(['?', '#']) || path.contains(char::is_control) {
        return Err(FieldError::new(
            ErrorCode::InvalidField,
            "page",
            "`page` must be a path (`location.pathname`): starting with /, without query or fragment",
        ));
    }
    Ok(())
}

/// A copy version as sent: 1, 2, … (0 is no version).
fn copy_version(version: Option<u32>) -> Result<Option<u32>, FieldError> {
    match version {
        Some(0) => Err(FieldError::new(
            ErrorCode::InvalidField,
            "copy_version",
            "`copy_version` counts from 1; leave it out when the site has no wording of its own",
        )),
        other => Ok(other),
    }
}

impl CsatOffered {
    fn from_wire(mut wire: WireEvent<'_>) -> Result<Self, FieldError> {
        Ok(CsatOffered {
            mode: required(wire.mode, "mode")?,
            copy_version: copy_version(wire.copy_version)?,
            about: ConversationContext::from_wire(&mut wire)?,
        })
    }
}

impl CsatResponse {
    fn from_wire(mut wire: WireEvent<'_>) -> Result<Self, FieldError> {
        let about = ConversationContext::from_wire(&mut wire)?;
        CsatResponse {
            mode: required(wire.mode, "mode")?,
            score: required(wire.score, "score")?,
            comment: owned(wire.comment),
            completed: wire.completed.unwrap_or(true),
            copy_version: copy_version(wire.copy_version)?,
            about,
        }
        .normalized()
    }
}

impl CsatDismissed {
    fn from_wire(wire: WireEvent<'_>) -> Result<Self, FieldError> {
        Ok(CsatDismissed {
            mode: required(wire.mode, "mode")?,
        })
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
            "message_id": "m_1", "role": "assistant", "rating": rating,
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
    fn every_event_type_reads_back_under_the_name_it_is_written_with() {
        let header = EventHeader {
            id: "ev_1".into(),
            conversation_id: "c_1".into(),
            at: 1_700_000_000_000,
            locale: "en-US".into(),
            page: None,
        };
        let kinds = [
            Event::message_feedback(header.clone(), "m_1".into(), Rating::Up).kind,
            EventKind::CsatOffered(CsatOffered {
                mode: CsatMode::Thumbs,
                copy_version: Some(2),
                about: ConversationContext::default(),
            }),
            EventKind::CsatResponse(CsatResponse {
                mode: CsatMode::Scale5,
                score: 4,
                comment: None,
                completed: true,
                copy_version: Some(2),
                about: ConversationContext::default(),
            }),
            EventKind::CsatDismissed(CsatDismissed {
                mode: CsatMode::Scale5,
            }),
        ];
        let mut names = Vec::new();
        for kind in kinds {
            let event = Event {
                header: header.clone(),
                kind,
            };
            let json = serde_json::to_value(&event).unwrap();
            assert_eq!(json["type"], event.kind.type_name());
            assert_eq!(Event::from_json(&json).unwrap(), event);
            names.push(event.kind.type_name());
        }
        assert_eq!(names, EVENT_TYPES);
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
            EventKind::MessageFeedback(MessageFeedback::new("m_1".into(), Rating::Up))
        );
        assert_eq!(serde_json::to_value(&event).unwrap(), thumbs("up"));
    }

    #[test]
    fn a_thumbs_meta_is_read_checked_and_written_back() {
        let mut value = thumbs("down");
        value["meta"] = json!({"model": "gpt-4o", "prompt_version": 12});
        let event = Event::from_json(&value).unwrap();
        let EventKind::MessageFeedback(feedback) = &event.kind else {
            panic!("{event:?}");
        };
        assert_eq!(feedback.meta.get("prompt_version").unwrap().to_text(), "12");
        assert_eq!(serde_json::to_value(&event).unwrap(), value);
        let raw = RawValue::from_string(value.to_string()).unwrap();
        assert_eq!(Event::from_raw(&raw).unwrap(), event);
        value["meta"] = json!({"model": {"name": "gpt"}});
        let err = Event::from_json(&value).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_str()),
            (ErrorCode::MetaValueType, "meta.model")
        );
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
    fn csat(kind: &str, extra: Value) -> Value {
        let mut value = json!({
            "id": "ev_9", "type": kind, "conversation_id": "c_1",
            "at": 1_700_000_000_000_i64, "locale": "de",
        });
        for (key, field) in extra.as_object().unwrap() {
            value[key] = field.clone();
        }
        value
    }

    #[test]
    fn a_thumbs_down_and_a_csat_answer_of_one_or_two_are_bad_news() {
        let news = |value: Value| Event::from_json(&value).unwrap().is_bad_news();
        assert!(news(thumbs("down")));
        assert!(!news(thumbs("up")));
        assert!(!news(thumbs("none")));
        for (score, bad) in [(1, true), (2, true), (3, false), (5, false)] {
            let answer = csat("csat_response", json!({"mode": "scale5", "score": score}));
            assert_eq!(news(answer), bad, "score {score}");
        }
        assert!(!news(csat("csat_offered", json!({"mode": "scale5"}))));
        assert!(!news(csat("csat_dismissed", json!({"mode": "thumbs"}))));
    }

    #[test]
    fn csat_events_parse_with_their_modes() {
        let offered = Event::from_json(&csat("csat_offered", json!({"mode": "scale5"}))).unwrap();
        assert_eq!(
            offered.kind,
            EventKind::CsatOffered(CsatOffered {
                mode: CsatMode::Scale5,
                copy_version: None,
                about: ConversationContext::default(),
            })
        );
        let dismissed =
            Event::from_json(&csat("csat_dismissed", json!({"mode": "thumbs"}))).unwrap();
        assert_eq!(dismissed.kind.type_name(), "csat_dismissed");
        let answered = Event::from_json(&csat(
            "csat_response",
            json!({"mode": "scale5", "score": 3, "comment": "  ok\u{0007}  "}),
        ))
        .unwrap();
        assert_eq!(
            answered.kind,
            EventKind::CsatResponse(CsatResponse {
                mode: CsatMode::Scale5,
                score: 3,
                comment: Some("ok".into()),
                completed: true,
                copy_version: None,
                about: ConversationContext::default(),
            })
        );
    }

    #[test]
    fn the_copy_version_a_prompt_was_worded_with_is_kept_and_counts_from_one() {
        let offered = Event::from_json(&csat(
            "csat_offered",
            json!({"mode": "thumbs", "copy_version": 3}),
        ))
        .unwrap();
        assert!(
            matches!(
                offered.kind,
                EventKind::CsatOffered(CsatOffered {
                    copy_version: Some(3),
                    ..
                })
            ),
            "{offered:?}"
        );
        let answered = Event::from_json(&csat(
            "csat_response",
            json!({"mode": "thumbs", "score": 5, "copy_version": 3}),
        ))
        .unwrap();
        assert!(
            matches!(
                answered.kind,
                EventKind::CsatResponse(CsatResponse {
                    copy_version: Some(3),
                    ..
                })
            ),
            "{answered:?}"
        );
        for (kind, fields) in [
            ("csat_offered", json!({"mode": "thumbs", "copy_version": 0})),
            (
                "csat_response",
                json!({"mode": "thumbs", "score": 5, "copy_version": 0}),
            ),
            (
                "csat_offered",
                json!({"mode": "thumbs", "copy_version": -1}),
            ),
            (
                "csat_offered",
                json!({"mode": "thumbs", "copy_version": "2"}),
            ),
        ] {
            let err = Event::from_json(&csat(kind, fields.clone())).unwrap_err();
            assert_eq!(err.field, "copy_version", "{fields}: {err:?}");
        }
    }

    #[test]
    fn csat_scores_must_fit_the_mode() {
        for (mode, score) in [
            ("scale5", json!(0)),
            ("scale5", json!(6)),
            ("thumbs", json!(3)),
        ] {
            let err = Event::from_json(&csat(
                "csat_response",
                json!({"mode": mode, "score": score}),
            ))
            .unwrap_err();
            assert_eq!(
                (err.code, err.field.as_str()),
                (ErrorCode::InvalidField, "score"),
                "{mode} {score}"
            );
        }
        for bad in [json!(-1), json!(2.5), json!("5"), json!(300)] {
            let err = Event::from_json(&csat(
                "csat_response",
                json!({"mode": "scale5", "score": bad}),
            ))
            .unwrap_err();
            assert_eq!(err.field, "score", "{bad}");
        }
        let err = Event::from_json(&csat("csat_offered", json!({"mode": "stars"}))).unwrap_err();
        assert_eq!(err.field, "mode");
        let err = Event::from_json(&csat("csat_response", json!({"mode": "thumbs"}))).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_str()),
            (ErrorCode::MissingField, "score")
        );
    }

    #[test]
    fn thumbs_carry_cleaned_reasons_sorted_tags_and_bounded_texts() {
        let mut value = thumbs("down");
        value["reason"] = json!("\twrong\r\nsize ");
        value["tags"] = json!(["wrong_answer", "too_long", "wrong_answer"]);
        let EventKind::MessageFeedback(feedback) = Event::from_json(&value).unwrap().kind else {
            unreachable!()
        };
        assert_eq!(feedback.reason.as_deref(), Some("wrong\nsize"));
        assert_eq!(feedback.tags, ["too_long", "wrong_answer"]);

        let mut value = thumbs("down");
        value["reason"] = json!("x".repeat(crate::text::MAX_COMMENT_UTF16 + 1));
        assert_eq!(Event::from_json(&value).unwrap_err().field, "reason");
        let mut value = thumbs("down");
        value["answer"] = json!("x".repeat(crate::text::MAX_EXCERPT_UTF16 + 1));
        assert_eq!(Event::from_json(&value).unwrap_err().field, "answer");
        let mut value = thumbs("down");
        value["tags"] = json!((0..=MAX_TAGS).map(|i| format!("t{i}")).collect::<Vec<_>>());
        assert_eq!(
            Event::from_json(&value).unwrap_err().code,
            ErrorCode::TooLong
        );
        let mut value = thumbs("down");
        value["tags"] = json!(["not a tag"]);
        assert_eq!(Event::from_json(&value).unwrap_err().field, "tags");
    }
}
