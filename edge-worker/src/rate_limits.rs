//! Rate limits on ingest (Cloudflare's Rate Limiting binding, which
//! wrangler dev runs locally too): one budget per client of a site for
//! requests from browsers, checked first, so a flooding client is refused
//! before it costs the site or the database anything; then one budget per
//! site. Clients are their connecting IP, IPv6 clients their /64 (one
//! household or phone gets a whole /64).

use std::cell::RefCell;
use std::net::IpAddr;

use protocol::ErrorCode;
use worker::{Context, Date, Request, Result, RouteContext, console_warn};

use crate::recent::Recent;
use crate::refusal::Refusal;

/// Binding limiting each site key (see `wrangler.toml`).
const SITE_LIMITER: &str = crate::bindings::SITE_LIMITER;
/// Its period, in seconds (what `Retry-After` says).
const SITE_PERIOD_SECONDS: u32 = 10;
/// Binding limiting each client of a site.
const CLIENT_LIMITER: &str = crate::bindings::CLIENT_LIMITER;
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

fn too_many(retry_after: u32, message: &str) -> Refusal {
    Refusal::new(ErrorCode::RateLimited, message).retry_after(retry_after)
}

/// The client a connecting IP counts as: an IPv4 address as it is, an IPv6
/// address by its /64 (so one client cannot spread over its own prefix);
/// `None` for what is not an address.
pub fn client_key(ip: &str) -> Option<String> {
    match ip.trim().parse::<IpAddr>().ok()? {
        IpAddr::V4(v4) => Some(v4.to_string()),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => Some(v4.to_string()),
            None => {
                let [a, b, c, d, ..] = v6.segments();
                Some(format!("{a:x}:{b:x}:{c:x}:{d:x}::/64"))
            }
        },
    }
}

/// The request's client (Cloudflare always sets `CF-Connecting-IP`; only
/// local development lacks it, where every browser is the developer's own).
pub fn client(req: &Request) -> Result<Option<String>> {
    Ok(req
        .headers()
        .get("CF-Connecting-IP")?
        .as_deref()
        .and_then(client_key))
}

/// Charges `client` for a request about `scope` (a site key as the
/// envelope names it); refused with 429 once its budget is spent.
pub async fn check_client(
    ctx: &RouteContext<Context>,
    client: Option<&str>,
    scope: &str,
) -> std::result::Result<(), Refusal> {
    let Some(client) = client else {
        return Ok(());
    };
    if allowed(ctx, CLIENT_LIMITER, format!("{scope}|{client}")).await? {
        return Ok(());
    }
    Err(too_many(
        CLIENT_PERIOD_SECONDS,
        "this browser is sending too much feedback; retry after the indicated seconds",
    ))
}

/// How long an isolate refuses, without asking anything, a client that ran
/// out of budget for keys no site has: the limiter's period.
const UNKNOWN_FLOOD_MS: f64 = CLIENT_PERIOD_SECONDS as f64 * 1000.0;

thread_local! {
    /// Clients that ran out of budget for unknown site keys, until when.
    static UNKNOWN_FLOODERS: RefCell<Recent<String, ()>> = RefCell::new(Recent::new(10_000));
}

/// The 429 for a client that keeps sending keys no site has.
fn unknown_flood() -> Refusal {
    too_many(
        CLIENT_PERIOD_SECONDS,
        "this browser keeps sending site keys that do not exist; retry after the indicated seconds",
    )
}

/// Refused with 429 at once, without any lookup, when `client` recently
/// ran out of budget for unknown site keys (each new key would otherwise
/// cost a database read and come with a fresh per-key budget).
pub fn refuse_unknown_flooder(client: Option<&str>) -> std::result::Result<(), Refusal> {
    let now = Date::now().as_millis() as f64;
    let flooding = client.is_some_and(|client| {
        UNKNOWN_FLOODERS.with(|known| known.borrow().get(&client.to_string(), now).is_some())
    });
    if flooding {
        Err(unknown_flood())
    } else {
        Ok(())
    }
}

/// Charges `client` for a request with a key no site has; refused with
/// 429 once its budget for those is spent (and the client is then refused
/// at once for the limiter's period).
pub async fn charge_unknown_site(
    ctx: &RouteContext<Context>,
    client: Option<&str>,
) -> std::result::Result<(), Refusal> {
    let Some(client) = client else {
        return Ok(());
    };
    if allowed(ctx, CLIENT_LIMITER, format!("unknown-site|{client}")).await? {
        return Ok(());
    }
    let now = Date::now().as_millis() as f64;
    UNKNOWN_FLOODERS.with(|known| {
        known
            .borrow_mut()
            .put(client.to_string(), (), now + UNKNOWN_FLOOD_MS);
    });
    Err(unknown_flood())
}

/// Binding limiting each client's lookups of page origins no isolate
/// remembers (`cors::origin_known`).
const ORIGIN_LIMITER: &str = crate::bindings::ORIGIN_LIMITER;
/// Its period, in seconds.
pub const ORIGIN_PERIOD_SECONDS: u32 = 60;

thread_local! {
    /// Clients that ran out of budget for origin lookups, until when.
    static ORIGIN_FLOODERS: RefCell<Recent<String, ()>> = RefCell::new(Recent::new(10_000));
}

/// Whether `client` may cost a lookup of a page origin no isolate
/// remembers, in every database: its budget (`ORIGIN_LIMITER`) is charged,
/// and once it is spent the client is refused at once, without asking the
/// limiter, until it has asked for nothing for the limiter's period. So a
/// flood of made-up `Origin`s from one client costs a few reads, then
/// none, however long it lasts. (Without a client, in local development,
/// nothing is charged.)
pub async fn charge_origin_lookup(
    ctx: &RouteContext<Context>,
    client: Option<&str>,
) -> Result<bool> {
    let Some(client) = client else {
        return Ok(true);
    };
    let now = Date::now().as_millis() as f64;
    let until = now + f64::from(ORIGIN_PERIOD_SECONDS) * 1000.0;
    let key = client.to_string();
    let flooding = ORIGIN_FLOODERS.with(|known| {
        let mut known = known.borrow_mut();
        let flooding = known.get(&key, now).is_some();
        if flooding {
            known.put(key.clone(), (), until);
        }
        flooding
    });
    if flooding {
        return Ok(false);
    }
    if allowed(ctx, ORIGIN_LIMITER, key.clone()).await? {
        return Ok(true);
    }
    ORIGIN_FLOODERS.with(|known| known.borrow_mut().put(key, (), until));
    Ok(false)
}

/// The 429 for a client whose budget for origin lookups is spent.
pub fn origin_flood() -> Refusal {
    too_many(
        ORIGIN_PERIOD_SECONDS,
        "this browser keeps sending origins no site allows; retry after the indicated seconds",
    )
}

/// Charges the site for a request; refused with 429 once its budget is
/// spent.
pub async fn check_site(
    ctx: &RouteContext<Context>,
    site_key: &str,
) -> std::result::Result<(), Refusal> {
    if allowed(ctx, SITE_LIMITER, site_key.to_string()).await? {
        return Ok(());
    }
    Err(too_many(
        SITE_PERIOD_SECONDS,
        "this site is sending too many requests; retry after the indicated seconds",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_clients_are_their_address_and_ipv6_clients_their_64() {
        assert_eq!(client_key("203.0.113.9").as_deref(), Some("203.0.113.9"));
        let one = client_key("2001:db8:1:2:aaaa::1");
        assert_eq!(one.as_deref(), Some("2001:db8:1:2::/64"));
        assert_eq!(client_key("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"), one);
        assert_ne!(client_key("2001:db8:1:3::1"), one);
        assert_eq!(
            client_key("::ffff:203.0.113.9").as_deref(),
            Some("203.0.113.9")
        );
        assert_eq!(client_key("not an address"), None);
        assert_eq!(client_key(""), None);
    }
}
