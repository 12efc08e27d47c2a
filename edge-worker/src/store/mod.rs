//! Every D1 read and write, and the only place that opens a database
//! (which one holds a site: `databases`).
//! Every value is a bound parameter.

pub mod archive;
pub mod audit;
pub mod busy;
pub mod compare;
pub mod conversations;
pub mod copy;
pub mod databases;
pub mod dataset;
pub mod gaps;
pub mod ingest;
pub mod keys;
pub mod overview;
pub mod ratings;
pub mod retention;
pub mod review;
pub mod settings;
pub mod sites;
pub mod webhook_failures;
pub mod webhook_outbox;

use ledger::{Param, Statement};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result, RouteContext};

/// The database of the site a route names (its `:site_key`; see
/// [`databases`]), or the first database for a route that names none.
pub async fn route_database<D>(ctx: &RouteContext<D>) -> worker::Result<D1Database> {
    match ctx.param("site_key") {
        Some(site_key) => databases::for_site(&ctx.env, site_key).await,
        None => ctx.env.d1(crate::bindings::DB),
    }
}

/// A `ledger` statement bound for D1.
pub fn bind(db: &D1Database, statement: &Statement) -> Result<D1PreparedStatement> {
    let params: Vec<JsValue> = statement
        .params
        .iter()
        .map(|param| match param {
            Param::Null => JsValue::NULL,
            Param::Text(text) => JsValue::from_str(text),
            // Exact below 2^53: unix milliseconds for 285,000 years.
            Param::Int(n) => JsValue::from_f64(*n as f64),
        })
        .collect();
    db.prepare(&statement.sql).bind(&params)
}

/// A text parameter.
pub fn text(value: &str) -> JsValue {
    JsValue::from_str(value)
}

/// Unix milliseconds as a JS number (exact below 2^53, i.e. for 285,000 years).
pub fn millis(value: i64) -> JsValue {
    JsValue::from_f64(value as f64)
}

/// A small integer parameter.
pub fn int(value: u32) -> JsValue {
    JsValue::from_f64(f64::from(value))
}

/// Whether a statement's result says it changed a row.
pub fn changed(result: Option<&worker::D1Result>) -> bool {
    result
        .and_then(|result| result.meta().ok().flatten())
        .and_then(|meta| meta.changes)
        .is_some_and(|changes| changes > 0)
}
