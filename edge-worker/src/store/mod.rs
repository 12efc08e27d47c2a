//! Every D1 read and write, and the only place that opens the database.
//! Every value is a bound parameter.

pub mod busy;
pub mod conversations;
pub mod copy;
pub mod gaps;
pub mod ingest;
pub mod keys;
pub mod overview;
pub mod ratings;
pub mod retention;
pub mod settings;
pub mod sites;
pub mod webhook_failures;

use wasm_bindgen::JsValue;
use worker::{D1Database, Env};

/// The D1 binding name in `wrangler.toml`.
const DB: &str = crate::bindings::DB;

/// The database, from the Worker's bindings (a route's `ctx.env`, or the
/// `env` of a queue or cron handler).
pub fn database(env: &Env) -> worker::Result<D1Database> {
    env.d1(DB)
}

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
