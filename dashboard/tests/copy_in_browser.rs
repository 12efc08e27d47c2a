//! The dashboard's copy in headless Chromium: counts take the plural form
//! the browser's CLDR rules give, in every shipped dashboard locale.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used)]
#![cfg(target_arch = "wasm32")]

use dashboard::i18n::{Messages, count};
use l10n::format::Args;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn gaps_count(copy: &Messages, n: i64) -> String {
    let mut args = Args::new();
    args.set("count", count(n));
    copy.format("gaps-count", &args)
}

#[wasm_bindgen_test]
fn arabic_counts_take_cldrs_six_forms_above_a_hundred_too() {
    let copy = Messages::new("ar", Some(include_str!("../../locales/ar/dashboard.ftl")));
    // CLDR: few for n % 100 in 3..=10, many for 11..=99 (fluent-bundle's
    // intl_pluralrules 7.0.2 tests the whole number and says "other";
    // `l10n::plural`, on icu_plurals, agrees with the browser).
    let few = gaps_count(&copy, 3).replace('3', "#");
    let many = gaps_count(&copy, 11).replace("11", "#");
    assert_ne!(few, many);
    assert_eq!(gaps_count(&copy, 103).replace("103", "#"), few);
    assert_eq!(gaps_count(&copy, 1_010).replace("1010", "#"), few);
    assert_eq!(gaps_count(&copy, 111).replace("111", "#"), many);
    assert_eq!(gaps_count(&copy, 0), "لا عدم إعجاب");
    assert_eq!(gaps_count(&copy, 1), "عدم إعجاب واحد");
    assert_eq!(gaps_count(&copy, 2), "عدما إعجاب");
    assert_ne!(gaps_count(&copy, 100).replace("100", "#"), few);
}

#[wasm_bindgen_test]
fn english_counts_are_one_or_other() {
    let copy = Messages::reference();
    assert_ne!(
        gaps_count(&copy, 1).replace('1', "#"),
        gaps_count(&copy, 2).replace('2', "#")
    );
    assert_eq!(
        gaps_count(&copy, 2).replace('2', "#"),
        gaps_count(&copy, 102).replace("102", "#")
    );
}

#[wasm_bindgen_test]
fn number_calls_in_copy_are_shown_by_the_browsers_number_format() {
    // What an editor writes in the dashboard's copy, formatted as the
    // dashboard (and the wording preview) formats it.
    let copy = Messages::new(
        "de",
        Some(
            "gaps-count = { NUMBER($count, minimumFractionDigits: 2) ->\n    [one] ein Mal\n   *[other] { NUMBER($count, minimumFractionDigits: 2) } Mal\n}\n",
        ),
    );
    // German groups with a point and writes a decimal comma; "1,00" is
    // not `one` (it shows fraction digits), so it takes `other`.
    assert_eq!(gaps_count(&copy, 1234), "\u{2068}1.234,00\u{2069} Mal");
    assert_eq!(gaps_count(&copy, 1), "\u{2068}1,00\u{2069} Mal");
}
