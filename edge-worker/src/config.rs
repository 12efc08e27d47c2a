//! `GET /v1/sites/{site_key}/config`: what the widget should show, public
//! and cacheable (ETag; `If-None-Match` answers 304).

use protocol::ErrorCode;
use worker::{Context, Request, Response, Result, RouteContext};

use crate::respond;
use crate::sites::Site;

/// Seconds browsers and CDNs may reuse a config without asking again.
const MAX_AGE_SECONDS: u32 = 60;

/// The widget's part of the site's settings.
pub async fn get_config(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = ctx.d1(crate::DB)?;
    let site = match ctx.param("site_key") {
        Some(key) => Site::find(&db, key).await?,
        None => None,
    };
    let Some(site) = site else {
        return respond::error(ErrorCode::UnknownSite, "no site has this key");
    };
    let widget = site.config.widget();
    let etag = widget.etag();
    let unchanged = req
        .headers()
        .get("If-None-Match")?
        .is_some_and(|tags| tags.split(',').any(|tag| tag.trim() == etag));
    let mut response = if unchanged {
        Response::empty()?.with_status(304)
    } else {
        Response::ok(widget.to_json())?
    };
    let headers = response.headers_mut();
    headers.set("Content-Type", "application/json")?;
    headers.set("ETag", &etag)?;
    headers.set(
        "Cache-Control",
        &format!("public, max-age={MAX_AGE_SECONDS}"),
    )?;
    // Public data, read by widgets on any shop's pages.
    headers.set("Access-Control-Allow-Origin", "*")?;
    headers.set("Access-Control-Expose-Headers", "ETag")?;
    Ok(response)
}
