//! The parser against hostile input: properties over generated input
//! (proptest keeps failures in `proptest-regressions/`) and a corpus of
//! nasty bodies found by hand (`tests/corpus/`). The parser must answer
//! every body with a value or a clear refusal, never panic.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use protocol::limits::MAX_BODY_BYTES;
use protocol::{ErrorCode, Event, EventHeader, Rating, parse_envelope};

const NOW: i64 = 1_750_000_000_000;

fn id() -> impl Strategy<Value = String> {
    "[A-Za-z0-9._:~-]{1,128}"
}

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![Just(Rating::Up), Just(Rating::Down), Just(Rating::None)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(body in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_envelope(&body, NOW);
    }

    #[test]
    fn arbitrary_text_never_panics(body in "\\PC{0,512}") {
        let _ = parse_envelope(body.as_bytes(), NOW);
    }

    #[test]
    fn json_shaped_noise_never_panics(
        key in "(site_key|sent_at|events|id|type|at|rating|score|\\\\ud83d)",
        value in prop_oneof![Just("null".to_string()), Just("[]".to_string()), Just("{}".to_string()), "-?[0-9]{1,25}(\\.[0-9]+)?(e[0-9]{1,4})?", "\"[^\"\\\\]{0,20}\""],
    ) {
        let body = format!(r#"{{"site_key":"pk","sent_at":1,"events":[{{"{key}":{value}}}],"{key}":{value}}}"#);
        let _ = parse_envelope(body.as_bytes(), NOW);
    }

    #[test]
    fn valid_thumbs_round_trip(
        ids in (id(), id(), id()),
        offset in -6 * 86_400_000i64..86_400_000,
        rating in rating(),
    ) {
        let (event_id, conversation_id, message_id) = ids;
        let header = EventHeader { id: event_id, conversation_id, at: NOW + offset, locale: "pt-BR".into(), page: None, };
        let event = Event::message_feedback(header, message_id, rating);
        let body = serde_json::json!({"site_key": "pk_x", "sent_at": NOW, "events": [event]});
        let parsed = parse_envelope(body.to_string().as_bytes(), NOW).unwrap();
        prop_assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
        prop_assert_eq!(&parsed.events[0].1, &event);
    }
}

#[test]
fn the_corpus_is_answered_without_panicking() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let body = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| parse_envelope(&body, NOW));
        assert!(outcome.is_ok(), "{} panicked", path.display());
        seen += 1;
    }
    assert!(seen >= 10, "the corpus went missing ({seen} files)");
}

#[test]
fn corpus_cases_get_the_answers_they_should() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let parse = |name: &str| parse_envelope(&std::fs::read(dir.join(name)).unwrap(), NOW);

    let repaired = parse("lone-high-surrogate.json").unwrap();
    assert_eq!(repaired.events.len(), 1);
    assert_eq!(parse("mixed-surrogates.json").unwrap().events.len(), 1);
    assert_eq!(
        parse("huge-number.json").unwrap().rejected[0].field,
        "score"
    );
    assert_eq!(
        parse("min-i64-sent-at.json").unwrap_err().code,
        ErrorCode::InvalidEnvelope
    );
    assert_eq!(
        parse("extreme-clock-skew.json").unwrap().rejected[0].code,
        ErrorCode::InvalidField
    );
    // An array is not an envelope, however deep it goes.
    assert_eq!(
        parse("deep-nesting.json").unwrap_err().code,
        ErrorCode::InvalidEnvelope
    );
    // A key given twice in one event is refused, naming it.
    let duplicate = parse("duplicate-keys.json").unwrap();
    assert!(
        duplicate.rejected[0]
            .message
            .contains("duplicate field `type`")
    );
    let cleaned = parse("control-characters.json").unwrap();
    let body = serde_json::to_value(&cleaned.events[0].1).unwrap();
    assert_eq!(body["reason"], "[31mred");
    assert_eq!(
        parse("utf8-bom.json").unwrap_err().code,
        ErrorCode::InvalidJson
    );
    assert!(parse("invalid-utf8-key.json").is_ok());
    assert_eq!(
        parse("truncated-escape.json").unwrap_err().code,
        ErrorCode::InvalidJson
    );
    // Provenance gone wrong in every way: each event gets its own refusal,
    // and the good one is kept.
    let provenance = parse("hostile-provenance.json").unwrap();
    assert_eq!(provenance.events.len(), 1, "{:?}", provenance.rejected);
    assert_eq!(provenance.events[0].0, 0);
    let refusals: Vec<(usize, ErrorCode, &str)> = provenance
        .rejected
        .iter()
        .map(|refused| (refused.index, refused.code, refused.field.as_str()))
        .collect();
    assert_eq!(
        refusals,
        [
            (1, ErrorCode::MetaTooManyKeys, "meta"),
            (2, ErrorCode::MetaValueType, "meta.model"),
            (3, ErrorCode::MetaValueType, "meta.tools"),
            (4, ErrorCode::MetaKeyInvalid, "meta"),
            (5, ErrorCode::MetaKeyInvalid, "meta"),
            (6, ErrorCode::MetaValueTooLong, "meta.trace_id"),
            (7, ErrorCode::TooLong, "page"),
            (8, ErrorCode::InvalidField, "role"),
            (9, ErrorCode::InvalidField, "meta"),
            (10, ErrorCode::MetaKeyInvalid, "context"),
            (11, ErrorCode::MetaValueType, "context.variant"),
            (12, ErrorCode::InvalidField, "page"),
            (13, ErrorCode::MetaValueType, "meta"),
        ]
    );
    let oversized = vec![b' '; MAX_BODY_BYTES + 1];
    assert_eq!(
        parse_envelope(&oversized, NOW).unwrap_err().code,
        ErrorCode::PayloadTooLarge
    );
}
