//! `GET /v1/sites/{site_key}/gaps?from=&to=&tz=&limit=` (bearer secret):
//! Recommendations → knowledge gaps. The window's thumbs-downs with their
//! question are grouped by `analytics::knowledge_gaps`.

use protocol::Need;
use worker::{Context, Request, Response, RouteContext};

use crate::access::{Access, authorize};
use crate::query::Query;
use crate::refusal::Refusal;
use crate::respond;
use crate::store;

/// Thumbs-downs read per request: the latest ones, enough to show what
/// keeps coming up without reading a busy site's whole history.
const MAX_DOWNVOTES: u32 = 5_000;

/// Default and largest number of gaps answered.
const DEFAULT_LIMIT: u32 = 20;
const MAX_LIMIT: u32 = 100;

/// The window's knowledge gaps.
pub async fn get_gaps(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Read).await?;
    let query = Query::of(&req)?;
    let window = query.window(&site)?;
    let limit = query.limit(DEFAULT_LIMIT, MAX_LIMIT)?;
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
    Ok(respond::json(
        &analytics::GapsReport {
            gaps: analytics::knowledge_gaps(&downvotes, limit as usize),
            considered: downvotes.len(),
            truncated,
        },
        200,
    )?)
}
