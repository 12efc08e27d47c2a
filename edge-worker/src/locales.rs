//! The widget's copy, served at run time:
//!
//! - `GET /v1/locales`: `{"default": "en-US", "locales": [...]}`.
//! - `GET /v1/locales/{locale}?site=pk_...`: the locale's shipped FTL with
//!   the site's overrides (`PUT /v1/sites/{key}/copy/{locale}`) layered on
//!   top, message by message. Without `site`, the shipped FTL.
//! - `GET /v1/locales/{locale}/dashboard`: the site owners' dashboard's FTL.
//!
//! Both are public and answered with an ETag; the copy is revalidated on
//! every load (`no-cache`), so an edit shows on the shopper's next page.

use protocol::ErrorCode;
use protocol::secret::hash_secret;
use worker::{Context, Request, Response, Result, RouteContext};

use crate::copy::stored_override;
use crate::query::Query;
use crate::respond::{self, Freshness};
use crate::shipped::Shipped;
use crate::sites::Site;

/// `body` as a public answer with a strong ETag, revalidated on every use.
fn revalidated(req: &Request, body: String, content_type: &str) -> Result<Response> {
    let etag = format!("\"{}\"", hash_secret(&body).get(..32).unwrap_or_default());
    respond::public_cacheable(req, body, content_type, &etag, Freshness::Revalidate)
}

/// FTL is plain text.
const FTL: &str = "text/plain; charset=utf-8";

/// `GET /v1/locales`.
pub async fn list(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let list = Shipped::of(&ctx.env).await?.list();
    let body = serde_json::to_string(&list)?;
    revalidated(&req, body, "application/json")
}

/// `GET /v1/locales/{locale}?site=`.
pub async fn get(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let shipped = Shipped::of(&ctx.env).await?;
    let locale = ctx.param("locale").cloned().unwrap_or_default();
    let Some(base) = shipped.widget_ftl(&locale) else {
        return respond::error(
            ErrorCode::UnknownLocale,
            format!(
                "no copy is shipped for {locale:?}; GET /v1/locales lists the locales ({})",
                shipped.list().locales.join(", ")
            ),
        );
    };
    let base = base.to_string();
    let query = Query::of(&req)?;
    let body = match query.get("site") {
        None => base,
        Some(site_key) => {
            let db = ctx.d1(crate::DB)?;
            if Site::find(&db, site_key).await?.is_none() {
                return respond::error(ErrorCode::UnknownSite, "no site has this key");
            }
            match stored_override(&db, site_key, &locale).await? {
                Some(overlay) => l10n::layer(&base, &overlay),
                None => base,
            }
        }
    };
    revalidated(&req, body, FTL)
}

/// `GET /v1/locales/{locale}/dashboard`.
pub async fn get_dashboard(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let shipped = Shipped::of(&ctx.env).await?;
    let locale = ctx.param("locale").cloned().unwrap_or_default();
    let Some(ftl) = shipped.dashboard_ftl(&locale) else {
        return respond::error(
            ErrorCode::UnknownLocale,
            format!(
                "the dashboard is not translated into {locale:?}; GET /v1/locales lists the ones it is ({})",
                shipped.list().dashboard.join(", ")
            ),
        );
    };
    let body = ftl.to_string();
    revalidated(&req, body, FTL)
}
