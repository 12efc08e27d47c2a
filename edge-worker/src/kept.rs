//! What a site keeps of what shoppers and its assistant wrote, and for how
//! long: for anyone signed in to its dashboard, who sees it beside that
//! text (the inbox, the wording editor).

use protocol::Need;
use worker::{Context, Request, Response, RouteContext};

use crate::access::authorize;
use crate::refusal::Refusal;
use crate::respond;

/// `GET /v1/sites/{site_key}/kept`: `protocol::Kept` of the site's
/// settings.
pub async fn get_kept(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let access = authorize(&req, &ctx, Need::Any).await?;
    Ok(respond::json(&access.site.config.kept(), 200)?)
}
