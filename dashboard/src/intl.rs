//! Numbers and dates as people read them: signs and rounding in Rust
//! (tested), digits and month names from the browser's `Intl` in the
//! dashboard's locale.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// A change with its sign: "+3", "−12" (a real minus), "±0".
pub fn signed(delta: i64) -> String {
    match delta {
        0 => "±0".to_string(),
        d if d > 0 => format!("+{d}"),
        d => format!("\u{2212}{}", d.unsigned_abs()),
    }
}

/// Whether a change is good, bad or neither, for the badge's colour.
pub fn trend(delta: i64, more_is_better: bool) -> &'static str {
    match (delta.signum(), more_is_better) {
        (0, _) => "flat",
        (1, true) | (-1, false) => "good",
        _ => "bad",
    }
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object
}

/// `Intl.NumberFormat(locale, options).format(value)`.
fn number(locale: &str, value: f64, pairs: &[(&str, JsValue)]) -> String {
    let format =
        js_sys::Intl::NumberFormat::new(&Array::of1(&JsValue::from_str(locale)), &options(pairs));
    format
        .format()
        .call1(&format, &JsValue::from_f64(value))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| value.to_string())
}

/// An average score with two decimals ("4.25").
pub fn average(locale: &str, value: f64) -> String {
    number(
        locale,
        value,
        &[
            ("minimumFractionDigits", 2.into()),
            ("maximumFractionDigits", 2.into()),
        ],
    )
}

/// A share (0.625) as a percentage with at most one decimal ("62.5%").
pub fn percent(locale: &str, share: f64) -> String {
    number(
        locale,
        share,
        &[
            ("style", "percent".into()),
            ("maximumFractionDigits", 1.into()),
        ],
    )
}

/// A count with the locale's grouping ("12,345").
pub fn count(locale: &str, value: u64) -> String {
    number(locale, value as f64, &[])
}

/// A local day (`YYYY-MM-DD`) as a short date ("Mar 4").
pub fn day(locale: &str, date: &str) -> String {
    let noon = js_sys::Date::new(&JsValue::from_str(&format!("{date}T12:00:00Z")));
    if noon.get_time().is_nan() {
        return date.to_string();
    }
    noon.to_locale_date_string(
        locale,
        &options(&[
            ("timeZone", "UTC".into()),
            ("month", "short".into()),
            ("day", "numeric".into()),
        ]),
    )
    .into()
}

/// An instant (unix ms) as date and time in `time_zone` (the browser's
/// own when `None`).
pub fn instant(locale: &str, ms: i64, time_zone: Option<&str>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let mut pairs = vec![
        ("dateStyle", "medium".into()),
        ("timeStyle", "short".into()),
    ];
    // An empty or unknown zone would make the browser throw.
    if let Some(zone) = time_zone.filter(|zone| !zone.is_empty()) {
        pairs.push(("timeZone", zone.into()));
    }
    date.to_locale_string(locale, &options(&pairs)).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_carry_their_sign_and_a_colour() {
        assert_eq!(signed(3), "+3");
        assert_eq!(signed(-12), "\u{2212}12");
        assert_eq!(signed(0), "±0");
        assert_eq!(trend(3, true), "good");
        assert_eq!(trend(3, false), "bad");
        assert_eq!(trend(-1, false), "good");
        assert_eq!(trend(0, true), "flat");
    }
}
