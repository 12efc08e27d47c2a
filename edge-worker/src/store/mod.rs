//! D1 reads and writes. Every value is a bound parameter.

pub mod conversations;
pub mod gaps;
pub mod ingest;
pub mod overview;
pub mod webhook_failures;

use wasm_bindgen::JsValue;

/// A text parameter.
pub fn text(value: &str) -> JsValue {
    JsValue::from_str(value)
}

/// An optional text parameter (NULL when absent).
pub fn opt_text(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_str)
}

/// Unix milliseconds as a JS number (exact below 2^53, i.e. for 285,000 years).
pub fn millis(value: i64) -> JsValue {
    JsValue::from_f64(value as f64)
}

/// A small integer parameter.
pub fn int(value: u32) -> JsValue {
    JsValue::from_f64(f64::from(value))
}
