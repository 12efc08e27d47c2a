//! The collector's JSON answers, parsed by the browser (`JSON.parse`) and
//! read into the protocol's types. The widget only ever writes JSON
//! (serde_json's serializer); reading it this way keeps serde_json's parser
//! out of the widget's bytes. A browser test reads what the protocol's own
//! serde writes, so the two cannot drift apart.

use protocol::survey::SurveyRules;
use protocol::{CsatMode, WidgetConfig};
use wasm_bindgen::JsValue;

fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn text(object: &JsValue, name: &str) -> Option<String> {
    field(object, name).as_string()
}

fn flag(object: &JsValue, name: &str) -> Option<bool> {
    field(object, name).as_bool()
}

/// An array of strings (`None` if anything in it is not a string).
fn texts(value: &JsValue) -> Option<Vec<String>> {
    if !js_sys::Array::is_array(value) {
        return None;
    }
    js_sys::Array::from(value)
        .iter()
        .map(|item| item.as_string())
        .collect()
}

/// A whole number of at most `max`; `missing` when the field is absent (a
/// collector from before it served none).
fn count(object: &JsValue, name: &str, missing: u16, max: u16) -> Option<u16> {
    let value = field(object, name);
    if value.is_undefined() {
        return Some(missing);
    }
    let number = value.as_f64()?;
    let whole = u16::try_from(number as i64).ok()?;
    (f64::from(whole) == number && whole <= max).then_some(whole)
}

/// `JSON.parse(body)`, if it is JSON.
pub fn parse(body: &str) -> Option<JsValue> {
    js_sys::JSON::parse(body).ok()
}

/// `GET /v1/sites/{key}/config`.
pub fn widget_config(answer: &JsValue) -> Option<WidgetConfig> {
    let idle = field(answer, "idle_end_seconds");
    let idle_end_seconds = if idle.is_null() || idle.is_undefined() {
        None
    } else {
        let seconds = idle.as_f64()?;
        Some(
            u32::try_from(seconds as i64)
                .ok()
                .filter(|s| f64::from(*s) == seconds)?,
        )
    };
    let shop_name = field(answer, "shop_name");
    let survey = SurveyRules::default();
    let small = |name, missing: u8| {
        count(answer, name, missing.into(), u8::MAX.into()).and_then(|n| u8::try_from(n).ok())
    };
    Some(WidgetConfig {
        csat_enabled: flag(answer, "csat_enabled")?,
        csat_mode: text(answer, "csat_mode")
            .as_deref()
            .and_then(CsatMode::parse)?,
        csat_sample_percent: small("csat_sample_percent", survey.sample_percent)?,
        csat_cooldown_days: count(answer, "csat_cooldown_days", survey.cooldown_days, u16::MAX)?,
        csat_min_assistant_messages: small(
            "csat_min_assistant_messages",
            survey.min_assistant_messages,
        )?,
        reason_tags: texts(&field(answer, "reason_tags"))?,
        idle_end_seconds,
        store_text: flag(answer, "store_text")?,
        shop_name: if shop_name.is_null() || shop_name.is_undefined() {
            None
        } else {
            Some(shop_name.as_string()?)
        },
    })
}

/// The events an accepted `POST /v1/events` refused, as `(code, message)`.
pub fn rejections(answer: &JsValue) -> Vec<(String, String)> {
    let rejected = field(answer, "rejected");
    if !js_sys::Array::is_array(&rejected) {
        return Vec::new();
    }
    js_sys::Array::from(&rejected)
        .iter()
        .map(|rejection| {
            (
                text(&rejection, "code").unwrap_or_default(),
                text(&rejection, "message").unwrap_or_default(),
            )
        })
        .collect()
}
