//! `GET /v1/sites/{site_key}/overview?from=&to=&tz=`: the Overview's
//! figures for a window of local days and the period before it.

use worker::{Context, Request, Response, Result, RouteContext};

use crate::query::Query;
use crate::respond;
use crate::store;

/// CSAT, thumbs, the daily series and deltas (see `analytics::Overview`).
pub async fn get_overview(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::route_database(&ctx).await?;
    let site = match crate::access::authorize(&db, &req, &ctx, protocol::Need::Read).await? {
        Ok(access) => access.site,
        Err(refusal) => return Ok(refusal),
    };
    let window = match Query::of(&req)?.window(&site) {
        Ok(window) => window,
        Err(error) => return respond::error_body(&error),
    };
    let counts = store::overview::read(&db, &site.site_key, &window).await?;
    // The open Overview asks again every few seconds: unchanged, a 304.
    respond::json_revalidated(&req, &analytics::overview(&window, &counts))
}
