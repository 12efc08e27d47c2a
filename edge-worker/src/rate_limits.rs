//! Rate limits on ingest (Cloudflare's Rate Limiting binding, which
//! wrangler dev runs locally too): one budget per site, and one per client
//! of a site for requests from browsers.

use protocol::ErrorCode;
use worker::{Context, Request, Response, Result, RouteContext, console_warn};

use crate::respond;

/// Binding limiting each site key (see `wrangler.toml`).
const SITE_LIMITER: &str = "SITE_LIMITER";
/// Its period, in seconds (what `Retry-After` says).
const SITE_PERIOD_SECONDS: u32 = 10;
/// Binding limiting each client of a site.
const CLIENT_LIMITER: &str = "CLIENT_LIMITER";
/// Its period, in seconds.
const CLIENT_PERIOD_SECONDS: u32 = 60;

async fn allowed(ctx: &RouteContext<Context>, binding: &str, key: String) -> Result<bool> {
    match ctx.rate_limiter(binding) {
        Ok(limiter) => Ok(limiter.limit(key).await?.success),
        Err(err) => {
            // A deployment without the binding is not rate limited, but says so.
            console_warn!("rate limiter {binding} unavailable: {err}");
            Ok(true)
        }
    }
}

fn too_many(retry_after: u32, message: &str) -> Result<Response> {
    let mut response = respond::error(ErrorCode::RateLimited, message)?;
    response
        .headers_mut()
        .set("Retry-After", &retry_after.to_string())?;
    Ok(response)
}

/// `None` when the request may proceed, else the 429 to answer with.
/// `from_browser` requests (with an `Origin`) also count against their
/// client's budget; the client is the connecting IP Cloudflare reports.
pub async fn check(
    ctx: &RouteContext<Context>,
    req: &Request,
    site_key: &str,
    from_browser: bool,
) -> Result<Option<Response>> {
    if !allowed(ctx, SITE_LIMITER, site_key.to_string()).await? {
        return too_many(
            SITE_PERIOD_SECONDS,
            "this site is sending too many requests; retry after the indicated seconds",
        )
        .map(Some);
    }
    // Cloudflare always sets CF-Connecting-IP; only local development lacks
    // it, where every browser is the developer's own.
    let client = req.headers().get("CF-Connecting-IP")?;
    if let (true, Some(client)) = (from_browser, client)
        && !allowed(ctx, CLIENT_LIMITER, format!("{site_key}|{client}")).await?
    {
        return too_many(
            CLIENT_PERIOD_SECONDS,
            "this browser is sending too much feedback; retry after the indicated seconds",
        )
        .map(Some);
    }
    Ok(None)
}
