//! JSON responses, including the error body every refusal carries.

use protocol::{ErrorBody, ErrorCode};
use serde::Serialize;
use worker::{Request, Response, Result};

/// A JSON response with the given status.
pub fn json<T: Serialize>(body: &T, status: u16) -> Result<Response> {
    Ok(Response::from_json(body)?.with_status(status))
}

/// A JSON error `{"code", "message"}` with the status that belongs to `code`.
pub fn error(code: ErrorCode, message: impl Into<String>) -> Result<Response> {
    error_body(&ErrorBody::new(code, message))
}

/// An error response for a ready-made [`ErrorBody`].
pub fn error_body(body: &ErrorBody) -> Result<Response> {
    json(body, body.code.http_status())
}

/// Seconds browsers and CDNs may reuse a public answer without asking again.
const PUBLIC_MAX_AGE_SECONDS: u32 = 60;

/// A public, cacheable answer readable from any origin (widgets run on
/// every shop's pages): `body` with a strong `ETag`, or 304 when the
/// request's `If-None-Match` already has it.
pub fn public_cacheable(
    req: &Request,
    body: String,
    content_type: &str,
    etag: &str,
) -> Result<Response> {
    let unchanged = req
        .headers()
        .get("If-None-Match")?
        .is_some_and(|tags| tags.split(',').any(|tag| tag.trim() == etag));
    let mut response = if unchanged {
        Response::empty()?.with_status(304)
    } else {
        Response::ok(body)?
    };
    let headers = response.headers_mut();
    headers.set("Content-Type", content_type)?;
    headers.set("ETag", etag)?;
    headers.set(
        "Cache-Control",
        &format!("public, max-age={PUBLIC_MAX_AGE_SECONDS}"),
    )?;
    headers.set("Access-Control-Allow-Origin", "*")?;
    headers.set("Access-Control-Expose-Headers", "ETag")?;
    Ok(response)
}
