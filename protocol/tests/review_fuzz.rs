//! A review's parser (`protocol::review::Review`) against hostile input:
//! arbitrary text never panics, and the corpus of nasty reviews found by
//! hand (`tests/review-corpus/`) each gets its refusal, naming the field.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use protocol::review::{DEFAULT_LABELS, Review};

fn labels() -> Vec<String> {
    DEFAULT_LABELS
        .iter()
        .map(|label| label.to_string())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(body in "\\PC{0,512}") {
        let _ = Review::from_json(&body, &labels());
    }

    #[test]
    fn json_shaped_noise_never_panics(
        key in "(state|note|labels|\\\\ud83d)",
        value in prop_oneof![Just("null".to_string()), Just("[]".to_string()), Just("{}".to_string()), "-?[0-9]{1,25}(\\.[0-9]+)?", "\"[^\"\\\\]{0,20}\"", "\\[\"[a-z ]{0,20}\"\\]"],
    ) {
        let body = format!(r#"{{"{key}":{value},"state":"reviewed"}}"#);
        let _ = Review::from_json(&body, &labels());
    }
}

#[test]
fn each_corpus_review_is_refused_naming_its_field() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/review-corpus");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        // Named `<field>--<what>.json`: the field the refusal must name.
        let field = name.split("--").next().unwrap().to_string();
        let body = std::fs::read_to_string(&path).unwrap();
        let errors = Review::from_json(&body, &labels()).unwrap_err();
        assert!(errors.contains_key(&field), "{name}: {errors:?}");
        seen += 1;
    }
    assert!(seen >= 5, "the corpus went missing ({seen} files)");
}
