//! The settings' `alerts` (`protocol::alerts`) against hostile input:
//! arbitrary rules never panic, and the corpus of nasty ones found by hand
//! (`tests/alerts-corpus/`) each gets its refusal under its own field.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use protocol::{Settings, SiteConfig};
use serde_json::{Value, json};

/// A whole settings document with `alerts` as given.
fn document(alerts: Value) -> String {
    let mut document = serde_json::to_value(Settings {
        config: SiteConfig::default(),
        allowed_origins: Vec::new(),
    })
    .unwrap();
    document["alerts"] = alerts;
    document.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_rules_never_panic(
        kind in "(thumbs_down_share|csat_below|open_items|[a-z]{0,8})",
        key in "(hours|percent|min_ratings|average|min_answers|count|[a-z]{1,6})",
        value in prop_oneof![Just("null".to_string()), Just("[]".to_string()), "-?[0-9]{1,25}(\\.[0-9]{0,20})?(e[0-9]{1,3})?", "\"[^\"\\\\]{0,20}\""],
    ) {
        let rule = format!(r#"{{"kind":"{kind}","{key}":{value}}}"#);
        if let Ok(rule) = serde_json::from_str::<Value>(&rule) {
            let _ = Settings::from_json(&document(json!({"rules": [rule]})), &|_| true);
        }
    }
}

#[test]
fn each_corpus_document_is_refused_under_its_field() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/alerts-corpus");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        // Named `<field>--<what>.json`: the field the refusal is under.
        let field = name.split("--").next().unwrap().to_string();
        let alerts: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let errors = Settings::from_json(&document(alerts), &|_| true).unwrap_err();
        assert!(errors.contains_key(&field), "{name}: {errors:?}");
        seen += 1;
    }
    assert!(seen >= 10, "the corpus went missing ({seen} files)");
}
