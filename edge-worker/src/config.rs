//! `GET /v1/sites/{site_key}/config`: what the widget should show, public
//! and cacheable (ETag; `If-None-Match` answers 304).

use protocol::ErrorCode;
use worker::{Context, Request, Response, Result, RouteContext};

use crate::respond::{self, Freshness};
use crate::sites::Site;
use crate::store;

/// The widget's part of the site's settings.
pub async fn get_config(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::route_database(&ctx).await?;
    let site = match ctx.param("site_key") {
        Some(key) => Site::find(&db, key).await?,
        None => None,
    };
    let Some(site) = site else {
        return respond::error(ErrorCode::UnknownSite, "no site has this key");
    };
    let widget = site.config.widget();
    respond::public_cacheable(
        &req,
        widget.to_json(),
        "application/json",
        &widget.etag(),
        Freshness::Minute,
    )
}
