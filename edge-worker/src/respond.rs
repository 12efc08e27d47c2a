//! JSON responses, and the headers every answer carries. (A refusal's
//! answer is `refusal`'s.)

use serde::Serialize;
use worker::{Request, Response, Result};

/// What every answer of the Worker carries: nothing it sends may run as a
/// page, be framed, be sniffed into another type or leak the referrer.
/// (The static assets get the same from `edge-worker/_headers`.)
const SECURITY_HEADERS: [(&str, &str); 3] = [
    (
        "Content-Security-Policy",
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
];

/// `response` with the security headers every answer carries.
pub fn secured(mut response: Response) -> Result<Response> {
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.set(name, value)?;
    }
    Ok(response)
}

/// A JSON response with the given status.
pub fn json<T: Serialize>(body: &T, status: u16) -> Result<Response> {
    Ok(Response::from_json(body)?.with_status(status))
}

/// A strong ETag for `body`: the first 128 bits of its SHA-256.
pub fn etag_of(body: &str) -> String {
    let hash = protocol::secret::hash_secret(body);
    format!("\"{}\"", hash.get(..32).unwrap_or_default())
}

/// Whether the request's `If-None-Match` names `etag`.
fn already_has(req: &Request, etag: &str) -> Result<bool> {
    Ok(req
        .headers()
        .get("If-None-Match")?
        .is_some_and(|tags| tags.split(',').any(|tag| tag.trim() == etag)))
}

/// A private JSON answer (a site owner's data) with a strong `ETag`, or
/// 304 without a body when the request's `If-None-Match` already has it:
/// a page that asks again and again costs the network nothing while
/// nothing changed.
pub fn json_revalidated<T: Serialize>(req: &Request, body: &T) -> Result<Response> {
    let text = serde_json::to_string(body)?;
    let etag = etag_of(&text);
    let mut response = if already_has(req, &etag)? {
        Response::empty()?.with_status(304)
    } else {
        Response::ok(text)?
    };
    let headers = response.headers_mut();
    headers.set("Content-Type", "application/json")?;
    headers.set("ETag", &etag)?;
    headers.set("Cache-Control", "private, no-cache")?;
    Ok(response)
}

/// How long browsers and CDNs may reuse a public answer without asking again.
#[derive(Debug, Clone, Copy)]
pub enum Freshness {
    /// A minute: settings change rarely and a minute late is fine.
    Minute,
    /// Not at all: ask every time (a 304 when unchanged), so an edit shows
    /// on the next page load.
    Revalidate,
}

impl Freshness {
    fn cache_control(self) -> &'static str {
        match self {
            Self::Minute => "public, max-age=60",
            Self::Revalidate => "public, no-cache",
        }
    }
}

/// A public, cacheable answer readable from any origin (widgets run on
/// every shop's pages): `body` with a strong `ETag`, or 304 when the
/// request's `If-None-Match` already has it.
pub fn public_cacheable(
    req: &Request,
    body: String,
    content_type: &str,
    etag: &str,
    freshness: Freshness,
) -> Result<Response> {
    let mut response = if already_has(req, etag)? {
        Response::empty()?.with_status(304)
    } else {
        Response::ok(body)?
    };
    let headers = response.headers_mut();
    headers.set("Content-Type", content_type)?;
    headers.set("ETag", etag)?;
    headers.set("Cache-Control", freshness.cache_control())?;
    headers.set("Access-Control-Allow-Origin", "*")?;
    headers.set(
        "Access-Control-Expose-Headers",
        "ETag, Feedback-Copy-Version, Feedback-Copy-Set-Aside",
    )?;
    Ok(response)
}
