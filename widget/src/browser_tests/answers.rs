//! The widget reads the collector's JSON with the browser's `JSON.parse`;
//! these tests feed it exactly what the protocol's serde writes (as the
//! Worker does), so the reader and the wire types cannot drift apart.
#![allow(clippy::unwrap_used)]

use crate::answers;
use protocol::{CsatMode, WidgetConfig};
use wasm_bindgen_test::*;

fn config(mode: CsatMode, idle: Option<u32>, shop: Option<&str>) -> WidgetConfig {
    WidgetConfig {
        csat_enabled: idle.is_some(),
        csat_mode: mode,
        csat_sample_percent: if idle.is_some() { 35 } else { 100 },
        csat_cooldown_days: if shop.is_some() { 365 } else { 0 },
        csat_min_assistant_messages: if shop.is_some() { 0 } else { 1 },
        reason_tags: vec!["too_long".into(), "wrong \"answer\"".into()],
        idle_end_seconds: idle,
        store_text: shop.is_none(),
        shop_name: shop.map(str::to_string),
    }
}

#[wasm_bindgen_test]
fn site_settings_read_back_as_the_protocol_wrote_them() {
    for written in [
        config(CsatMode::Thumbs, None, None),
        config(CsatMode::Scale5, Some(600), Some("Café Zoë & Co. ✓")),
    ] {
        let json = serde_json::to_string(&written).unwrap();
        let read = answers::widget_config(&answers::parse(&json).unwrap());
        assert_eq!(read.as_ref(), Some(&written), "{json}");
    }
    // A collector from before the survey rules: everyone is asked, after
    // one answer, with no cooldown.
    let older = r#"{"csat_enabled":true,"csat_mode":"thumbs","reason_tags":[],"idle_end_seconds":null,"store_text":false}"#;
    let read = answers::widget_config(&answers::parse(older).unwrap()).unwrap();
    assert_eq!(read.survey(), protocol::survey::SurveyRules::default());
}

#[wasm_bindgen_test]
fn malformed_settings_are_refused_not_guessed() {
    for json in [
        r#"{"csat_enabled":true,"reason_tags":[],"store_text":false}"#,
        r#"{"csat_enabled":"yes","csat_mode":"thumbs","reason_tags":[],"store_text":false}"#,
        r#"{"csat_enabled":true,"csat_mode":"stars","reason_tags":[],"store_text":false}"#,
        r#"{"csat_enabled":true,"csat_mode":"thumbs","reason_tags":[1],"store_text":false}"#,
        r#"{"csat_enabled":true,"csat_mode":"thumbs","reason_tags":[],"store_text":false,"idle_end_seconds":-5}"#,
        r#"{"csat_enabled":true,"csat_mode":"thumbs","reason_tags":[],"store_text":false,"csat_sample_percent":12.5}"#,
        r#"{"csat_enabled":true,"csat_mode":"thumbs","reason_tags":[],"store_text":false,"csat_cooldown_days":"7"}"#,
        r#"{"csat_enabled":true,"csat_mode":"thumbs","reason_tags":[],"store_text":false,"csat_min_assistant_messages":300}"#,
        r#"[]"#,
    ] {
        let read = answers::parse(json).and_then(|answer| answers::widget_config(&answer));
        assert_eq!(read, None, "{json}");
    }
    assert!(answers::parse("{not json").is_none());
}

#[wasm_bindgen_test]
fn refused_events_are_read_for_the_console() {
    let report = protocol::IngestReport {
        accepted: 1,
        duplicates: 0,
        rejected: vec![protocol::Rejection {
            index: 1,
            code: protocol::ErrorCode::InvalidField,
            field: "rating".into(),
            message: "rating must be up, down or none".into(),
        }],
    };
    let json = serde_json::to_string(&report).unwrap();
    assert_eq!(
        answers::rejections(&answers::parse(&json).unwrap()),
        [(
            "invalid_field".to_string(),
            "rating must be up, down or none".to_string()
        )]
    );
}
