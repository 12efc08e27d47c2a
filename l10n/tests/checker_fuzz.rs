//! The checker, the layering and the formatter against generated copy:
//! arbitrary text, and text stitched from the pieces of Fluent syntax that
//! nest, quote and select. Whatever a locale editor sends, each answers
//! with diagnostics or text, never a panic or a stack overflow.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used)]

use l10n::format::{Arg, Args, Catalog, Localized};
use l10n::{Source, check, layer};
use proptest::prelude::*;

const REFERENCE: &str = include_str!("../../locales/en-US/widget.ftl");

/// Pieces of Fluent syntax, joined at random.
fn fluent_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("csat-title = ".to_string()),
        Just("-brand = ".to_string()),
        Just("\n".to_string()),
        Just("\n    ".to_string()),
        Just("{ ".to_string()),
        Just(" }".to_string()),
        Just("$count".to_string()),
        Just("$shop".to_string()),
        Just(" ->\n".to_string()),
        Just("   *[other] ".to_string()),
        Just("    [one] ".to_string()),
        Just("NUMBER(".to_string()),
        Just(")".to_string()),
        Just("-brand(case: \"x\")".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just(".attr = ".to_string()),
        Just("# note".to_string()),
        Just("\u{0}".to_string()),
        Just("\r".to_string()),
        "[a-z ]{0,8}",
        "\\PC{0,4}",
    ];
    proptest::collection::vec(piece, 0..200).prop_map(|pieces| pieces.concat())
}

fn exercise(text: &str) {
    let diagnostics = check(
        &Source {
            path: "locales/en-US/widget.ftl",
            locale: "en-US",
            text: REFERENCE,
        },
        &Source {
            path: "copy/de.ftl",
            locale: "de",
            text,
        },
    );
    for diagnostic in &diagnostics {
        assert!(diagnostic.line >= 1 && diagnostic.col >= 1, "{diagnostic}");
    }
    let layered = layer(REFERENCE, text);
    let copy = Localized::new(
        Catalog::of("de", &layered),
        Catalog::new("en-US", REFERENCE),
    );
    let mut args = Args::new();
    args.set("count", Arg::Number(3));
    args.set("shop", Arg::Text("Zoë".into()));
    for id in [
        "csat-title",
        "characters-left",
        "panel-title-shop",
        "reason-tag",
    ] {
        assert!(!copy.format(id, &args).is_empty(), "{id}");
    }
    let _ = Catalog::new("de", text).format("csat-title", &args);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn arbitrary_text_is_answered(text in "\\PC{0,400}") {
        exercise(&text);
    }

    #[test]
    fn fluent_shaped_text_is_answered(text in fluent_like()) {
        exercise(&text);
    }
}

#[test]
fn nesting_far_past_any_stack_is_answered() {
    for opener in ["{ ", "{ NUMBER(", "{ -brand(case: "] {
        let text = format!("csat-title = {}\n", opener.repeat(100_000));
        exercise(&text);
    }
}
