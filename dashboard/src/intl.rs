//! Numbers and dates as people read them: signs and rounding in Rust
//! (tested), digits and month names from the browser's `Intl` in the
//! dashboard's locale.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

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

/// How many formatters are kept (a page uses a handful).
const KEPT: usize = 24;

thread_local! {
    /// The `format` functions of the `Intl` formatters made so far, by
    /// kind, locale and options. Making a formatter costs about half a
    /// millisecond; the inbox's 50 dates, each through a new one, ran in
    /// one task of 30–50 ms (`cargo xtask bench --dashboard`).
    static MADE: RefCell<Vec<(String, Function)>> = const { RefCell::new(Vec::new()) };
}

/// The `format` function of `new Intl[kind](locale, options)`, made once;
/// `None` if the browser refuses the locale or the options (an unknown
/// time zone throws).
fn formatter(kind: &str, locale: &str, pairs: &[(&str, JsValue)]) -> Option<Function> {
    method(kind, "format", locale, pairs)
}

/// The function `name` of `new Intl[kind](locale, options)`, bound to it,
/// made once (as [`formatter`]).
fn method(kind: &str, name: &str, locale: &str, pairs: &[(&str, JsValue)]) -> Option<Function> {
    let mut key = format!("{kind}.{name}|{locale}");
    for (name, value) in pairs {
        let value = value
            .as_string()
            .or_else(|| value.as_f64().map(|n| n.to_string()))
            .unwrap_or_default();
        key.push_str(&format!("|{name}={value}"));
    }
    let kept = MADE.with(|made| {
        made.borrow()
            .iter()
            .find(|(made_for, _)| *made_for == key)
            .map(|(_, format)| format.clone())
    });
    if kept.is_some() {
        return kept;
    }
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let make: Function = Reflect::get(&intl, &JsValue::from_str(kind))
        .ok()?
        .dyn_into()
        .ok()?;
    let made = Reflect::construct(
        &make,
        &Array::of2(&JsValue::from_str(locale), &options(pairs)),
    )
    .ok()?;
    // `format` is a getter that answers a function bound to its
    // formatter; any other method is bound here.
    let found: Function = Reflect::get(&made, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    let format = if name == "format" {
        found
    } else {
        found.bind0(&made)
    };
    MADE.with(|made| {
        let mut made = made.borrow_mut();
        if made.len() >= KEPT {
            made.remove(0);
        }
        made.push((key, format.clone()));
    });
    Some(format)
}

/// `value` through `Intl[kind](locale, options).format`, if the browser
/// can.
fn formatted(
    kind: &str,
    locale: &str,
    pairs: &[(&str, JsValue)],
    value: &JsValue,
) -> Option<String> {
    formatter(kind, locale, pairs)?
        .call1(&JsValue::UNDEFINED, value)
        .ok()?
        .as_string()
}

/// `Intl.NumberFormat(locale, options).format(value)`.
fn number(locale: &str, value: f64, pairs: &[(&str, JsValue)]) -> String {
    formatted("NumberFormat", locale, pairs, &JsValue::from_f64(value))
        .unwrap_or_else(|| value.to_string())
}

/// The name of the language `tag` in `locale`'s words
/// (`Intl.DisplayNames`): "German" for `de` in English, "Deutsch" in
/// German. `None` where the browser has no name for it.
pub fn language_name(locale: &str, tag: &str) -> Option<String> {
    method("DisplayNames", "of", locale, &[("type", "language".into())])?
        .call1(&JsValue::UNDEFINED, &JsValue::from_str(tag))
        .ok()?
        .as_string()
        // Without data for it, a browser may answer the tag itself.
        .filter(|name| name != tag)
}

/// `tags` in the order of their names in `locale`'s words, compared as
/// `locale` sorts (`Intl.Collator`), each with its name there.
pub fn sorted_by_name(locale: &str, tags: Vec<String>) -> Vec<String> {
    let mut named: Vec<(String, String)> = tags
        .into_iter()
        .map(|tag| {
            (
                language_name(locale, &tag).unwrap_or_else(|| tag.clone()),
                tag,
            )
        })
        .collect();
    let compare = method("Collator", "compare", locale, &[]);
    named.sort_by(|(a, _), (b, _)| {
        compare
            .as_ref()
            .and_then(|compare| {
                compare
                    .call2(
                        &JsValue::UNDEFINED,
                        &JsValue::from_str(a),
                        &JsValue::from_str(b),
                    )
                    .ok()?
                    .as_f64()
            })
            .map_or_else(|| a.cmp(b), |order| order.total_cmp(&0.0))
    });
    named.into_iter().map(|(_, tag)| tag).collect()
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
    formatted(
        "DateTimeFormat",
        locale,
        &[
            ("timeZone", "UTC".into()),
            ("month", "short".into()),
            ("day", "numeric".into()),
        ],
        &noon,
    )
    .unwrap_or_else(|| date.to_string())
}

/// Makes the date and the number formatter for `locale` ahead of need,
/// each in a task of its own. The browser loads its date and number data
/// the first time a page makes such a formatter (15 ms here for dates);
/// made early, that cost is not added to the task that draws a section's
/// rows or chart.
pub fn prepare(locale: &str) {
    let _ = formatter("DateTimeFormat", locale, &instant_options(None));
    let locale = locale.to_string();
    leptos::prelude::set_timeout(
        move || {
            let _ = formatter("NumberFormat", &locale, &[]);
        },
        std::time::Duration::ZERO,
    );
}

/// The options of [`instant`].
fn instant_options(time_zone: Option<&str>) -> Vec<(&'static str, JsValue)> {
    let mut pairs = vec![
        ("dateStyle", "medium".into()),
        ("timeStyle", "short".into()),
    ];
    // An empty zone would make the browser throw.
    if let Some(zone) = time_zone.filter(|zone| !zone.is_empty()) {
        pairs.push(("timeZone", zone.into()));
    }
    pairs
}

/// An instant (unix ms) as date and time in `time_zone` (the browser's
/// own when `None`).
pub fn instant(locale: &str, ms: i64, time_zone: Option<&str>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    formatted("DateTimeFormat", locale, &instant_options(time_zone), &date)
        // A zone this browser does not know: the time in UTC, saying so.
        .or_else(|| {
            let utc = [
                ("dateStyle", "medium".into()),
                ("timeStyle", "long".into()),
                ("timeZone", "UTC".into()),
            ];
            formatted("DateTimeFormat", locale, &utc, &date)
        })
        .unwrap_or_else(|| String::from(date.to_iso_string()))
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
