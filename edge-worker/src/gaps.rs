//! `GET /v1/sites/{site_key}/gaps?from=&to=&tz=&limit=` (bearer secret):
//! Recommendations → knowledge gaps. The window's thumbs-downs with their
//! question are grouped by `analytics::knowledge_gaps`.

use worker::{Context, Request, Response, Result, RouteContext};

use crate::query::Query;
use crate::respond;
use crate::store;

/// Thumbs-downs read per request: the latest ones, enough to show what
/// keeps coming up without reading a busy site's whole history.
const MAX_DOWNVOTES: u32 = 5_000;

/// Default and largest number of gaps answered.
const DEFAULT_LIMIT: u32 = 20;
const MAX_LIMIT: u32 = 100;

/// The window's knowledge gaps.
pub async fn get_gaps(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::route_database(&ctx).await?;
    let site = match crate::access::authorize(&db, &req, &ctx, protocol::Need::Read).await? {
        Ok(access) => access.site,
        Err(refusal) => return Ok(refusal),
    };
    let query = Query::of(&req)?;
    let window = match query.window(&site) {
        Ok(window) => window,
        Err(error) => return respond::error_body(&error),
    };
    let limit = match query.limit(DEFAULT_LIMIT, MAX_LIMIT) {
        Ok(limit) => limit,
        Err(error) => return respond::error_body(&error),
    };
    // One more than is considered, to tell "exactly the limit" from "more".
    let mut downvotes = store::gaps::downvotes(
        &db,
        &site.site_key,
        (window.from_ms, window.to_ms),
        MAX_DOWNVOTES + 1,
    )
    .await?;
    let truncated = downvotes.len() > MAX_DOWNVOTES as usize;
    downvotes.truncate(MAX_DOWNVOTES as usize);
    respond::json(
        &analytics::GapsReport {
            gaps: analytics::knowledge_gaps(&downvotes, limit as usize),
            considered: downvotes.len(),
            truncated,
        },
        200,
    )
}
