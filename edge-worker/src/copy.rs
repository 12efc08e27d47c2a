//! A site's own wording for the widget, per locale (Fluent), layered over
//! the shipped copy message by message. Checked with the same checker as
//! `cargo xtask locales check`, so both always agree.
//!
//! - `PUT /v1/sites/{site_key}/copy/{locale}` (bearer secret): FTL body;
//!   422 `invalid_copy` with the checker's diagnostics when it is wrong,
//!   and the copy stored before stays.
//! - `GET /v1/sites/{site_key}/copy/{locale}` (public, ETag): the stored FTL,
//!   empty when there is none. The widget reads the layered result from
//!   `GET /v1/locales/{locale}?site=` (see `locales`).

use l10n::{Source, check};
use protocol::ids::check_locale;
use protocol::limits::MAX_BODY_BYTES;
use protocol::locales::DEFAULT_LOCALE;
use protocol::secret::hash_secret;
use protocol::{ErrorBody, ErrorCode};
use serde::Serialize;
use worker::{Context, Date, Request, Response, Result, RouteContext};

use crate::body;
use crate::respond::{self, Freshness};
use crate::shipped::Shipped;
use crate::sites::Site;
use crate::store;

/// Checker findings that do not apply to an override: it may change just a
/// few messages.
const PARTIAL_IS_FINE: [&str; 2] = ["missing-message", "missing-attribute"];

#[derive(Serialize)]
struct Refusal {
    code: ErrorCode,
    message: String,
    diagnostics: Vec<String>,
}

fn locale_param(ctx: &RouteContext<Context>) -> std::result::Result<String, ErrorBody> {
    let locale = ctx.param("locale").cloned().unwrap_or_default();
    check_locale("locale", &locale)
        .map(|()| locale)
        .map_err(|err| ErrorBody::new(err.code, err.message))
}

/// Stores a site's copy for one locale, if the checker accepts it.
pub async fn put_copy(mut req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::database(&ctx.env)?;
    let site = match crate::access::authorize(&db, &req, &ctx, protocol::Need::Wording).await? {
        Ok(access) => access.site,
        Err(refusal) => return Ok(refusal),
    };
    let locale = match locale_param(&ctx) {
        Ok(locale) => locale,
        Err(error) => return respond::error_body(&error),
    };
    let shipped = Shipped::of(&ctx.env).await?;
    if shipped.widget_ftl(&locale).is_none() {
        return respond::error(
            ErrorCode::UnknownLocale,
            format!("no copy is shipped for {locale:?}; GET /v1/locales lists the locales"),
        );
    }
    let reference = shipped
        .widget_ftl(DEFAULT_LOCALE)
        .ok_or_else(|| {
            worker::Error::RustError(format!(
                "the reference {DEFAULT_LOCALE} copy is not deployed"
            ))
        })?
        .to_string();
    let Some(body) = body::read_capped(&mut req).await? else {
        return respond::error(
            ErrorCode::PayloadTooLarge,
            format!("copy is limited to {MAX_BODY_BYTES} bytes"),
        );
    };
    let Ok(ftl) = String::from_utf8(body) else {
        return respond::error(
            ErrorCode::InvalidCopy,
            "the copy is not UTF-8 text; save the file as UTF-8 and send it again",
        );
    };
    let path = format!("copy/{locale}.ftl");
    let problems: Vec<String> = check(
        &Source {
            path: "locales/en-US/widget.ftl",
            locale: DEFAULT_LOCALE,
            text: &reference,
        },
        &Source {
            path: &path,
            locale: &locale,
            text: &ftl,
        },
    )
    .into_iter()
    .filter(|diagnostic| diagnostic.is_error() && !PARTIAL_IS_FINE.contains(&diagnostic.code))
    .map(|diagnostic| diagnostic.to_string())
    .collect();
    if !problems.is_empty() {
        return respond::json(
            &Refusal {
                code: ErrorCode::InvalidCopy,
                message: format!(
                    "the copy has {} errors; nothing was changed",
                    problems.len()
                ),
                diagnostics: problems,
            },
            422,
        );
    }
    let now = Date::now().as_millis() as i64;
    store::copy::save(&db, &site.site_key, &locale, &ftl, now).await?;
    respond::json(
        &serde_json::json!({ "locale": locale, "stored": true }),
        200,
    )
}

/// A site's copy for one locale (public: the widget reads it).
pub async fn get_copy(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::database(&ctx.env)?;
    let locale = match locale_param(&ctx) {
        Ok(locale) => locale,
        Err(error) => return respond::error_body(&error),
    };
    let site_key = ctx.param("site_key").cloned().unwrap_or_default();
    if Site::find(&db, &site_key).await?.is_none() {
        return respond::error(ErrorCode::UnknownSite, "no site has this key");
    }
    let ftl = store::copy::find(&db, &site_key, &locale)
        .await?
        .unwrap_or_default();
    let etag = format!("\"{}\"", hash_secret(&ftl).get(..32).unwrap_or_default());
    respond::public_cacheable(
        &req,
        ftl,
        "text/plain; charset=utf-8",
        &etag,
        Freshness::Revalidate,
    )
}
