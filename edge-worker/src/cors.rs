//! Cross-origin rules: the widget runs on the shop's pages, the collector
//! on its own origin. A response names exactly the one origin it allows.

use std::cell::RefCell;

use worker::{Context, Date, Headers, Request, Response, Result, RouteContext};

use crate::rate_limits;
use crate::recent::Recent;
use crate::store;

/// The request's `Origin` header, if it has one.
pub fn request_origin(req: &Request) -> Result<Option<String>> {
    req.headers().get("Origin")
}

/// How long an isolate reuses what it learnt of an origin.
const KNOWN_CACHE_MS: f64 = 10_000.0;

thread_local! {
    /// Origins asked about recently: whether some site allows them.
    static KNOWN: RefCell<Recent<String, bool>> = RefCell::new(Recent::new(1_000));
}

/// What is known of a page origin before its site is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Some site allows it.
    Known,
    /// No site allows it.
    Unknown,
    /// Not looked up: the client's budget for lookups is spent.
    NotLookedUp,
}

/// Whether any site allows `origin` (used before the site is known:
/// preflights and envelope errors carry no site key we can trust yet).
/// Remembered per isolate for a few seconds; an origin the isolate does
/// not remember costs the client a lookup from its budget before any
/// database is read (`rate_limits::charge_origin_lookup`).
pub async fn origin_known(
    ctx: &RouteContext<Context>,
    client: Option<&str>,
    origin: &str,
) -> Result<Origin> {
    let now = Date::now().as_millis() as f64;
    let remembered = KNOWN.with(|known| known.borrow().get(&origin.to_string(), now));
    if let Some(known) = remembered {
        return Ok(if known {
            Origin::Known
        } else {
            Origin::Unknown
        });
    }
    if !rate_limits::charge_origin_lookup(ctx, client).await? {
        return Ok(Origin::NotLookedUp);
    }
    // Sites live in several databases; the origin may be any one's.
    let mut found = false;
    for db in store::databases::all(&ctx.env)? {
        if store::sites::origin_known(&db, origin).await? {
            found = true;
            break;
        }
    }
    KNOWN.with(|known| {
        known
            .borrow_mut()
            .put(origin.to_string(), found, now + KNOWN_CACHE_MS);
    });
    Ok(if found {
        Origin::Known
    } else {
        Origin::Unknown
    })
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
