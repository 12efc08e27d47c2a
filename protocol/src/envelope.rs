//! The body of `POST /v1/events`: a site key, the client's send time and a
//! batch of events. Parsing splits a batch into the events to store and the
//! ones refused, so one bad event never costs the others.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::event::Event;
use crate::ids::check_id;
use crate::limits::{MAX_AGE_MS, MAX_BODY_BYTES, MAX_EVENTS_PER_REQUEST, MAX_FUTURE_MS};
use crate::rejection::{ErrorBody, ErrorCode, FieldError, Rejection};
use crate::repair::repair_body;

/// The request body, as the widget, its beacon and the tests write it and
/// as the collector reads it. Events stay raw JSON text here: the sender
/// has them as text already, and the reader checks each on its own.
#[derive(Debug, Serialize, Deserialize)]
pub struct Envelope<'a> {
    /// The site's public key (`pk_...`).
    #[serde(borrow)]
    pub site_key: Cow<'a, str>,
    /// The client's clock when it sent the batch, unix milliseconds.
    pub sent_at: i64,
    /// The events, oldest first.
    #[serde(borrow)]
    pub events: Vec<&'a RawValue>,
}

impl Envelope<'_> {
    /// The request body for `events`, each already JSON text (as the
    /// widget keeps [`Event`]s while they wait): exactly what serializing
    /// an [`Envelope`] of them gives (a test holds it so), written without
    /// parsing the events again. (Parsing them into `RawValue`s first
    /// costs the widget's download 5.4 KB of brotli: BENCHMARKS.md.)
    pub fn body_of(site_key: &str, sent_at: i64, events: &[String]) -> String {
        let site_key = serde_json::to_string(site_key).unwrap_or_default();
        let mut body = String::with_capacity(
            48 + site_key.len() + events.iter().map(|json| json.len() + 1).sum::<usize>(),
        );
        body.push_str("{\"site_key\":");
        body.push_str(&site_key);
        body.push_str(",\"sent_at\":");
        body.push_str(&sent_at.to_string());
        body.push_str(",\"events\":[");
        for (index, json) in events.iter().enumerate() {
            if index > 0 {
                body.push(',');
            }
            body.push_str(json);
        }
        body.push_str("]}");
        body
    }
}

/// A request body split into what may be stored and what was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedEnvelope {
    /// The site's public key, shape-checked but not yet looked up.
    pub site_key: String,
    /// Events that passed every check, with `at` corrected to server time,
    /// each with its position in the request's `events` array.
    pub events: Vec<(usize, Event)>,
    /// Events that did not, with their positions.
    pub rejected: Vec<Rejection>,
}

/// The answer to an accepted request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestReport {
    /// Events stored by this request.
    pub accepted: usize,
    /// Valid events whose id had been stored before (harmless resends).
    pub duplicates: usize,
    /// Events refused, with the reason for each.
    pub rejected: Vec<Rejection>,
}

/// Moves a client timestamp onto the server clock, using the difference
/// between the server's `now_ms` and the client's `sent_at` as the skew.
pub fn correct_clock(at: i64, sent_at: i64, now_ms: i64) -> i64 {
    at.saturating_add(now_ms.saturating_sub(sent_at))
}

fn check_time_window(at: i64, now_ms: i64) -> Result<(), FieldError> {
    if at > now_ms.saturating_add(MAX_FUTURE_MS) {
        Err(FieldError::new(
            ErrorCode::TimestampOutOfRange,
            "at",
            "`at` is more than 24 hours in the future",
        ))
    } else if at < now_ms.saturating_sub(MAX_AGE_MS) {
        Err(FieldError::new(
            ErrorCode::TimestampOutOfRange,
            "at",
            "`at` is more than 7 days old",
        ))
    } else {
        Ok(())
    }
}

/// Reads the envelope's shape, leaving each event as raw JSON text.
fn read_envelope(body: &[u8]) -> Result<Envelope<'_>, ErrorBody> {
    // The plain parse is the fast path; a failure is read again to name the field.
    if let Ok(raw) = serde_json::from_slice::<Envelope<'_>>(body) {
        return Ok(raw);
    }
    let mut reader = serde_json::Deserializer::from_slice(body);
    let raw: Envelope<'_> = serde_path_to_error::deserialize(&mut reader).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if !inner.is_data() {
            return ErrorBody::new(
                ErrorCode::InvalidJson,
                format!("the body is not valid JSON: {inner}"),
            );
        }
        let message = if path == "." {
            format!("expected {{\"site_key\", \"sent_at\", \"events\"}}: {inner}")
        } else {
            format!("`{path}`: {inner}")
        };
        ErrorBody::new(ErrorCode::InvalidEnvelope, message)
    })?;
    reader.end().map_err(|err| {
        ErrorBody::new(
            ErrorCode::InvalidJson,
            format!("the body is not valid JSON: {err}"),
        )
    })?;
    Ok(raw)
}

/// Parses a request body at server time `now_ms`.
///
/// `Err` means the whole request is refused (answer with
/// [`ErrorCode::http_status`]); `Ok` may still carry refused events.
pub fn parse_envelope(body: &[u8], now_ms: i64) -> Result<ParsedEnvelope, ErrorBody> {
    if body.len() > MAX_BODY_BYTES {
        return Err(ErrorBody::new(
            ErrorCode::PayloadTooLarge,
            format!(
                "the body is {} bytes; the limit is {MAX_BODY_BYTES}",
                body.len()
            ),
        ));
    }
    // The strict parse is the fast path; only a refused body pays for repair.
    let repaired;
    let raw = match read_envelope(body) {
        Err(strict) if strict.code == ErrorCode::InvalidJson => match repair_body(body) {
            Cow::Borrowed(_) => return Err(strict),
            Cow::Owned(text) => {
                repaired = text;
                read_envelope(repaired.as_bytes())?
            }
        },
        other => other?,
    };
    if raw.events.len() > MAX_EVENTS_PER_REQUEST {
        return Err(ErrorBody::new(
            ErrorCode::TooManyEvents,
            format!(
                "{} events in one request; the limit is {MAX_EVENTS_PER_REQUEST}",
                raw.events.len()
            ),
        ));
    }
    check_id("site_key", &raw.site_key)
        .map_err(|err| ErrorBody::new(ErrorCode::InvalidEnvelope, err.message))?;
    if raw.sent_at <= 0 {
        return Err(ErrorBody::new(
            ErrorCode::InvalidEnvelope,
            "`sent_at` must be a positive unix time in milliseconds",
        ));
    }

    let mut events = Vec::with_capacity(raw.events.len());
    let mut rejected = Vec::new();
    for (index, value) in raw.events.iter().enumerate() {
        let checked = Event::from_raw(value).and_then(|mut event| {
            event.header.at = correct_clock(event.header.at, raw.sent_at, now_ms);
            check_time_window(event.header.at, now_ms)?;
            Ok(event)
        });
        match checked {
            Ok(event) => events.push((index, event)),
            Err(err) => rejected.push(err.at_index(index)),
        }
    }
    Ok(ParsedEnvelope {
        site_key: raw.site_key.into_owned(),
        events,
        rejected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{EventHeader, EventKind, Rating};
    use serde_json::{Value, json};

    const NOW: i64 = 1_750_000_000_000;

    fn thumb(id: &str, at: i64) -> Value {
        json!({
            "id": id, "type": "message_feedback", "conversation_id": "c_1",
            "at": at, "locale": "en-US", "message_id": "m_1", "rating": "down",
        })
    }

    fn body(events: Vec<Value>) -> Vec<u8> {
        let texts: Vec<String> = events.iter().map(Value::to_string).collect();
        Envelope::body_of("pk_demo", NOW, &texts).into_bytes()
    }

    #[test]
    fn an_envelope_of_event_texts_reads_back_as_those_events() {
        let header = EventHeader {
            id: "ev_1".into(),
            conversation_id: "c_1".into(),
            at: NOW - 5,
            locale: "de".into(),
            page: None,
        };
        let sent = vec![Event::message_feedback(header, "m_9".into(), Rating::Up)];
        let texts: Vec<String> = sent
            .iter()
            .map(|event| serde_json::to_string(event).unwrap())
            .collect();
        let body = Envelope::body_of("pk_\"quoted\"", NOW, &texts);
        // Byte for byte what serde writes for the same envelope.
        let raw: Vec<&RawValue> = texts
            .iter()
            .map(|text| serde_json::from_str(text).unwrap())
            .collect();
        let serialized = serde_json::to_string(&Envelope {
            site_key: Cow::Borrowed("pk_\"quoted\""),
            sent_at: NOW,
            events: raw,
        })
        .unwrap();
        assert_eq!(body, serialized);
        assert_eq!(
            Envelope::body_of("pk_demo", NOW, &[]),
            r#"{"site_key":"pk_demo","sent_at":1750000000000,"events":[]}"#
        );
        // And the collector reads back what was sent.
        let body = Envelope::body_of("pk_demo", NOW, &texts);
        let parsed = parse_envelope(body.as_bytes(), NOW).unwrap();
        assert_eq!(parsed.site_key, "pk_demo");
        let events: Vec<Event> = parsed.events.into_iter().map(|(_, event)| event).collect();
        assert_eq!(events, sent);
        assert!(parsed.rejected.is_empty());
    }

    #[test]
    fn one_bad_event_does_not_cost_the_others() {
        let mut bad = thumb("ev_2", NOW);
        bad["rating"] = json!("sideways");
        let parsed = parse_envelope(&body(vec![thumb("ev_1", NOW), bad]), NOW).unwrap();
        assert_eq!(parsed.events.len(), 1);
        assert_eq!(parsed.rejected.len(), 1);
        let rejection = &parsed.rejected[0];
        assert_eq!(rejection.index, 1);
        assert_eq!(rejection.code, ErrorCode::InvalidField);
        assert_eq!(rejection.field, "rating");
    }

    #[test]
    fn client_clocks_are_corrected_by_the_send_time() {
        // The client's clock runs one hour slow: it says it sent at NOW - 1h.
        let hour = 3_600_000;
        let events = vec![thumb("ev_1", NOW - hour - 10)];
        let raw = json!({"site_key": "pk_demo", "sent_at": NOW - hour, "events": events});
        let parsed = parse_envelope(&serde_json::to_vec(&raw).unwrap(), NOW).unwrap();
        assert_eq!(parsed.events[0].1.header.at, NOW - 10);
    }

    #[test]
    fn events_too_old_or_too_far_ahead_are_refused() {
        let day = 24 * 3_600_000;
        let parsed = parse_envelope(
            &body(vec![
                thumb("old", NOW - 8 * day),
                thumb("ahead", NOW + day + 1),
                thumb("ok_old", NOW - 7 * day + 1),
                thumb("ok_ahead", NOW + day),
            ]),
            NOW,
        )
        .unwrap();
        let refused: Vec<_> = parsed.rejected.iter().map(|r| (r.index, r.code)).collect();
        assert_eq!(
            refused,
            vec![
                (0, ErrorCode::TimestampOutOfRange),
                (1, ErrorCode::TimestampOutOfRange)
            ]
        );
        assert_eq!(parsed.events.len(), 2);
    }

    #[test]
    fn request_level_faults_refuse_the_whole_body() {
        let code = |bytes: &[u8]| parse_envelope(bytes, NOW).unwrap_err().code;
        assert_eq!(code(b"{not json"), ErrorCode::InvalidJson);
        assert_eq!(code(b""), ErrorCode::InvalidJson);
        assert_eq!(code(b"[1,2]"), ErrorCode::InvalidEnvelope);
        assert_eq!(
            code(br#"{"site_key":"pk","sent_at":"now","events":[]}"#),
            ErrorCode::InvalidEnvelope
        );
        assert_eq!(
            code(br#"{"sent_at":1,"events":[]}"#),
            ErrorCode::InvalidEnvelope
        );
        assert_eq!(
            code(br#"{"site_key":"pk demo","sent_at":1,"events":[]}"#),
            ErrorCode::InvalidEnvelope
        );
        assert_eq!(
            code(br#"{"site_key":"pk","sent_at":0,"events":[]}"#),
            ErrorCode::InvalidEnvelope
        );
        let many = body(
            (0..=MAX_EVENTS_PER_REQUEST)
                .map(|i| thumb(&format!("e{i}"), NOW))
                .collect(),
        );
        assert_eq!(code(&many), ErrorCode::TooManyEvents);
    }

    #[test]
    fn oversize_bodies_are_refused_before_parsing() {
        let mut big = body(vec![thumb("ev_1", NOW)]);
        big.resize(MAX_BODY_BYTES + 1, b' ');
        let err = parse_envelope(&big, NOW).unwrap_err();
        assert_eq!(err.code, ErrorCode::PayloadTooLarge);
        assert_eq!(err.code.http_status(), 413);
    }

    #[test]
    fn lone_surrogates_and_bad_utf8_are_repaired_not_refused() {
        let reason_of = |parsed: &ParsedEnvelope| match &parsed.events[0].1.kind {
            EventKind::MessageFeedback(feedback) => feedback.reason.clone(),
            _ => None,
        };
        let mut event = thumb("ev_1", NOW);
        event["reason"] = json!("PLACEHOLDER");
        let text = String::from_utf8(body(vec![event])).unwrap();

        // What JSON.stringify writes for a string cut inside an emoji.
        let lone = text.replace("PLACEHOLDER", r"too small \ud83d");
        let parsed = parse_envelope(lone.as_bytes(), NOW).unwrap();
        assert_eq!(reason_of(&parsed).as_deref(), Some("too small \u{FFFD}"));

        let mut latin1 = text.replace("PLACEHOLDER", "caf#").into_bytes();
        let at = latin1.iter().position(|b| *b == b'#').unwrap();
        latin1[at] = 0xE9; // é in Latin-1: not UTF-8
        let parsed = parse_envelope(&latin1, NOW).unwrap();
        assert_eq!(reason_of(&parsed).as_deref(), Some("caf\u{FFFD}"));
    }

    #[test]
    fn envelope_errors_say_which_field() {
        let err = parse_envelope(br#"{"site_key":"pk","sent_at":1,"events":{}}"#, NOW).unwrap_err();
        assert!(err.message.contains("events"), "{}", err.message);
    }
}
