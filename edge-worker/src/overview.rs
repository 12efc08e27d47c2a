//! `GET /v1/sites/{site_key}/overview?from=&to=&tz=`: the Overview's
//! figures for a window of local days and the period before it.

use protocol::Need;
use worker::{Context, Request, Response, RouteContext};

use crate::access::{Access, authorize};
use crate::query::Query;
use crate::refusal::Refusal;
use crate::respond;
use crate::store;

/// CSAT, thumbs, the daily series and deltas (see `analytics::Overview`).
pub async fn get_overview(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Read).await?;
    let window = Query::of(&req)?.window(&site)?;
    let counts = store::overview::read(&db, &site.site_key, &window).await?;
    // The open Overview asks again every few seconds: unchanged, a 304.
    Ok(respond::json_revalidated(
        &req,
        &analytics::overview(&window, &counts),
    )?)
}
