//! Cross-origin rules: the widget runs on the shop's pages, the collector
//! on its own origin. A response names exactly the one origin it allows.

use wasm_bindgen::JsValue;
use worker::{D1Database, Headers, Request, Response, Result};

/// The request's `Origin` header, if it has one.
pub fn request_origin(req: &Request) -> Result<Option<String>> {
    req.headers().get("Origin")
}

/// Whether any site allows `origin` (used before the site is known:
/// preflights and envelope errors carry no site key we can trust yet).
pub async fn origin_known(db: &D1Database, origin: &str) -> Result<bool> {
    let row = db
        .prepare("SELECT 1 AS found FROM site_origins WHERE origin = ?1 LIMIT 1")
        .bind(&[JsValue::from_str(origin)])?
        .first::<serde_json::Value>(None)
        .await?;
    Ok(row.is_some())
}

/// Lets `origin` read `response`. Always varies by origin, so caches never
/// hand one shop's answer to another.
pub fn allow(mut response: Response, origin: Option<&str>) -> Result<Response> {
    let headers: &mut Headers = response.headers_mut();
    headers.append("Vary", "Origin")?;
    if let Some(origin) = origin {
        headers.set("Access-Control-Allow-Origin", origin)?;
    }
    Ok(response)
}

/// The answer to an allowed preflight for `POST /v1/events`.
pub fn preflight_ok(origin: &str) -> Result<Response> {
    let mut response = Response::empty()?.with_status(204);
    let headers = response.headers_mut();
    headers.set("Access-Control-Allow-Methods", "POST, OPTIONS")?;
    headers.set("Access-Control-Allow-Headers", "Content-Type")?;
    headers.set("Access-Control-Max-Age", "86400")?;
    allow(response, Some(origin))
}
