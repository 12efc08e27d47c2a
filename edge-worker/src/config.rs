//! `GET /v1/sites/{site_key}/config`: what the widget should show, public
//! and cacheable (ETag; `If-None-Match` answers 304).

use protocol::ErrorCode;
use worker::{Context, Request, Response, RouteContext};

use crate::refusal::Refusal;
use crate::respond::{self, Freshness};
use crate::sites::Site;
use crate::store;

/// The widget's part of the site's settings.
pub async fn get_config(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let db = store::route_database(&ctx).await?;
    let site = match ctx.param("site_key") {
        Some(key) => Site::find(&db, key).await?,
        None => None,
    };
    let site = site.ok_or_else(|| Refusal::new(ErrorCode::UnknownSite, "no site has this key"))?;
    let widget = site.config.widget();
    Ok(respond::public_cacheable(
        &req,
        widget.to_json(),
        "application/json",
        &widget.etag(),
        Freshness::Minute,
    )?)
}
