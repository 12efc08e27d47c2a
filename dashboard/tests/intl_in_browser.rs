//! Numbers and dates in headless Chromium: the dashboard keeps the `Intl`
//! formatters it makes, and a kept one answers exactly what a new one
//! would, for the locale, zone and options it was made with and no other.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used)]
#![cfg(target_arch = "wasm32")]

use dashboard::intl;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `new Date(ms).toLocaleString(locale, {dateStyle, timeStyle, timeZone})`,
/// a new formatter every time: what the dashboard must match.
fn fresh_instant(locale: &str, ms: i64, zone: &str) -> String {
    let options = Object::new();
    for (name, value) in [
        ("dateStyle", "medium"),
        ("timeStyle", "short"),
        ("timeZone", zone),
    ] {
        Reflect::set(&options, &name.into(), &value.into()).unwrap();
    }
    js_sys::Date::new(&JsValue::from_f64(ms as f64))
        .to_locale_string(locale, &options)
        .into()
}

/// 2026-03-29 00:30 UTC: 01:30 in Berlin, 20:30 the day before in New York.
const MS: i64 = 1_774_744_200_000;

#[wasm_bindgen_test]
fn a_kept_date_formatter_answers_as_a_new_one_for_its_own_zone_and_locale() {
    for (locale, zone) in [
        ("en-US", "Europe/Berlin"),
        ("en-US", "America/New_York"),
        ("de-DE", "Europe/Berlin"),
        ("ar", "Asia/Tokyo"),
    ] {
        // Twice each: the second one comes from the kept formatter.
        for at in [MS, MS + 3_600_000, MS] {
            assert_eq!(
                intl::instant(locale, at, Some(zone)),
                fresh_instant(locale, at, zone),
                "{locale} {zone} {at}"
            );
        }
    }
    // Made with another zone, the answer differs: the zone is part of what
    // a formatter is kept by.
    assert_ne!(
        intl::instant("en-US", MS, Some("Europe/Berlin")),
        intl::instant("en-US", MS, Some("America/New_York"))
    );
}

#[wasm_bindgen_test]
fn a_zone_the_browser_does_not_know_shows_the_time_in_utc_and_says_so() {
    let shown = intl::instant("en-US", MS, Some("Mars/Olympus_Mons"));
    assert!(shown.contains("UTC"), "{shown}");
    assert!(shown.contains("12:30"), "{shown}");
}

#[wasm_bindgen_test]
fn numbers_and_days_use_the_locales_digits_and_names_every_time() {
    for _ in 0..3 {
        assert_eq!(intl::count("de-DE", 1_234_567), "1.234.567");
        assert_eq!(intl::count("en-US", 1_234_567), "1,234,567");
        assert_eq!(intl::average("de-DE", 4.25), "4,25");
        assert_eq!(intl::percent("en-US", 0.625), "62.5%");
        assert_eq!(intl::day("en-US", "2026-03-04"), "Mar 4");
        assert_eq!(intl::day("de-DE", "2026-03-04"), "4. März");
    }
    let arabic = intl::count("ar-EG", 1_234);
    assert_ne!(arabic, "1,234", "{arabic}");
    assert_eq!(intl::day("en-US", "not a date"), "not a date");
}
