//! The widget's copy, served at run time:
//!
//! - `GET /v1/locales`: `{"default": "en-US", "locales": [...]}`.
//! - `GET /v1/locales/{locale}?site=pk_...`: the locale's shipped FTL with
//!   the site's overrides (`PUT /v1/sites/{key}/copy/{locale}`) layered on
//!   top, message by message. Without `site`, the shipped FTL.
//! - `GET /v1/locales/best?want=de-AT,en&site=pk_...`: what the widget
//!   asks for, in one request: the copy of the shipped locale that best
//!   matches the shopper's languages (most preferred first; fluent-langneg's
//!   filtering, en-US when nothing matches), layered like the above, with
//!   the chosen tag in `Content-Language`.
//!
//! Both also serve the pseudo-locales `en-XA` and `ar-XB` (`l10n::pseudo`),
//! made from the site's en-US when asked for by their exact tag (`best`:
//! first in `want`), never negotiated towards.
//!
//! Both layered answers name the version of the site's wording they hold
//! in `Feedback-Copy-Version` (absent when the site has none).
//! - `GET /v1/locales/{locale}/dashboard`: the site owners' dashboard's FTL.
//!
//! All are public and answered with an ETag; the copy is revalidated on
//! every load (`no-cache`), so an edit shows on the shopper's next page.

use protocol::ErrorCode;
use protocol::ids::check_locale;
use protocol::locales::{DEFAULT_LOCALE, negotiate};
use worker::{Context, Request, Response, Result, RouteContext};

use crate::query::Query;
use crate::refusal::Refusal;
use crate::respond::{self, Freshness};
use crate::served_copy;
use crate::shipped::Shipped;
use crate::sites::Site;
use crate::store;

/// `body` as a public answer with a strong ETag, revalidated on every use.
fn revalidated(req: &Request, body: String, content_type: &str) -> Result<Response> {
    let etag = respond::etag_of(&body);
    respond::public_cacheable(req, body, content_type, &etag, Freshness::Revalidate)
}

/// Names the version of the site's own wording layered into the copy, so
/// the widget can report which wording its prompt had.
pub const COPY_VERSION_HEADER: &str = "Feedback-Copy-Version";

/// The site's layered copy as a public answer: its ETag covers the copy
/// version too (a restored version has an earlier one's text), and the
/// version is named in [`COPY_VERSION_HEADER`].
fn layered_answer(req: &Request, layered: Layered, content_type: &str) -> Result<Response> {
    let Layered { body, version } = layered;
    let tagged = format!("{body}\u{0}{version:?}");
    let etag = respond::etag_of(&tagged);
    let mut response =
        respond::public_cacheable(req, body, content_type, &etag, Freshness::Revalidate)?;
    if let Some(version) = version {
        response
            .headers_mut()
            .set(COPY_VERSION_HEADER, &version.to_string())?;
    }
    Ok(response)
}

/// A locale's copy with a site's wording layered on, and that wording's
/// version.
struct Layered {
    body: String,
    version: Option<u32>,
}

/// FTL is plain text.
const FTL: &str = "text/plain; charset=utf-8";

/// Languages of `want` considered at most (a browser sends a handful).
const MAX_WANTED: usize = 12;

/// `GET /v1/locales`.
pub async fn list(
    req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let list = Shipped::of(&ctx.env).await?.list();
    let body = serde_json::to_string(&list)?;
    Ok(revalidated(&req, body, "application/json")?)
}

/// The widget's copy shipped for `locale`, with the overrides of the site
/// named by `query`'s `site` layered on; the refusal to answer instead
/// when there is no such site.
async fn for_site(
    ctx: &RouteContext<Context>,
    query: &Query,
    shipped: &Shipped,
    locale: &str,
) -> std::result::Result<Layered, Refusal> {
    let base = shipped.widget_ftl(locale).unwrap_or_default().to_string();
    let reference = shipped.widget_ftl(DEFAULT_LOCALE).unwrap_or_default();
    let Some(site_key) = query.get("site") else {
        return Ok(Layered {
            body: base,
            version: None,
        });
    };
    let db = store::databases::for_site(&ctx.env, site_key).await?;
    if Site::find(&db, site_key).await?.is_none() {
        return Err(Refusal::new(ErrorCode::UnknownSite, "no site has this key"));
    }
    Ok(match store::copy::find_live(&db, site_key, locale).await? {
        // Checked again: a message today's check refuses shows the
        // shipped text.
        Some((overlay, version)) => Layered {
            body: l10n::layer(
                &base,
                &served_copy::screened(reference, locale, &overlay).ftl,
            ),
            version,
        },
        None => Layered {
            body: base,
            version: None,
        },
    })
}

/// Pseudo-locale `tag`'s copy, made from the site's en-US (the shipped
/// copy with the site's own wording layered in); `None` when `tag` is
/// not a pseudo-locale.
async fn pseudo(
    ctx: &RouteContext<Context>,
    query: &Query,
    shipped: &Shipped,
    tag: &str,
) -> std::result::Result<Option<Layered>, Refusal> {
    if l10n::pseudo::transform(tag).is_none() {
        return Ok(None);
    }
    let english = for_site(ctx, query, shipped, DEFAULT_LOCALE).await?;
    Ok(l10n::pseudo::ftl(tag, &english.body).map(|body| Layered {
        body,
        version: english.version,
    }))
}

/// `GET /v1/locales/{locale}?site=`.
pub async fn get(
    req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let shipped = Shipped::of(&ctx.env).await?;
    let locale = ctx.param("locale").cloned().unwrap_or_default();
    let query = Query::of(&req)?;
    if let Some(made) = pseudo(&ctx, &query, &shipped, &locale).await? {
        return Ok(layered_answer(&req, made, FTL)?);
    }
    if shipped.widget_ftl(&locale).is_none() {
        return Err(Refusal::new(
            ErrorCode::UnknownLocale,
            format!(
                "no copy is shipped for {locale:?}; GET /v1/locales lists the locales ({})",
                shipped.list().locales.join(", ")
            ),
        ));
    }
    let layered = for_site(&ctx, &query, &shipped, &locale).await?;
    Ok(layered_answer(&req, layered, FTL)?)
}

/// `GET /v1/locales/best?want=&site=`.
pub async fn best(
    req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let shipped = Shipped::of(&ctx.env).await?;
    let query = Query::of(&req)?;
    // Tags that are not tags are skipped, as in the browser's own list.
    let want: Vec<String> = query
        .get("want")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|tag| check_locale("want", tag).is_ok())
        .take(MAX_WANTED)
        .map(str::to_string)
        .collect();
    if let Some(tag) = l10n::pseudo::asked_first(&want)
        && let Some(made) = pseudo(&ctx, &query, &shipped, tag).await?
    {
        let mut response = layered_answer(&req, made, FTL)?;
        response.headers_mut().set("Content-Language", tag)?;
        return Ok(response);
    }
    let list = shipped.list();
    let locale = negotiate(&want, &list.locales);
    if shipped.widget_ftl(&locale).is_none() {
        return Err(Refusal::new(
            ErrorCode::UnknownLocale,
            format!("the collector ships no copy for its default locale {locale:?}"),
        ));
    }
    let layered = for_site(&ctx, &query, &shipped, &locale).await?;
    let mut response = layered_answer(&req, layered, FTL)?;
    response.headers_mut().set("Content-Language", &locale)?;
    Ok(response)
}

/// `GET /v1/locales/{locale}/dashboard`.
pub async fn get_dashboard(
    req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let shipped = Shipped::of(&ctx.env).await?;
    let locale = ctx.param("locale").cloned().unwrap_or_default();
    let ftl = shipped.dashboard_ftl(&locale).ok_or_else(|| {
        Refusal::new(
            ErrorCode::UnknownLocale,
            format!(
                "the dashboard is not translated into {locale:?}; GET /v1/locales lists the ones it is ({})",
                shipped.list().dashboard.join(", ")
            ),
        )
    })?;
    Ok(revalidated(&req, ftl.to_string(), FTL)?)
}
