//! A site's own wording for the widget, per locale (Fluent), layered over
//! the shipped copy message by message. Checked with the same checker as
//! `cargo xtask locales check`, so both always agree.
//!
//! - `PUT /v1/sites/{site_key}/copy/{locale}` (bearer secret): FTL body;
//!   422 `invalid_copy` with the checker's diagnostics when it is wrong,
//!   and the copy stored before stays.
//! - `GET /v1/sites/{site_key}/copy/{locale}/versions` (wording): every
//!   saved version, newest first, and per version the satisfaction prompts
//!   worded with it (`prompts`: offered, answered, completed); `…/versions/{n}` one with its text;
//!   `POST …/versions/{n}/restore` makes it the live copy again (a new
//!   version).
//! - `GET /v1/sites/{site_key}/copy/{locale}` (public, ETag): the stored FTL,
//!   empty when there is none; the messages today's check refuses (saved
//!   before a rule existed) named in `Feedback-Copy-Set-Aside`, and with
//!   `Accept: application/json` the reasons too. The widget reads the
//!   layered result from `GET /v1/locales/{locale}?site=` (see `locales`),
//!   where those messages show the shipped text (see `served_copy`).

use l10n::check_site_copy;
use l10n::screen::Screened;
use protocol::copy_versions::parse_version;
use protocol::ids::check_locale;
use protocol::limits::MAX_BODY_BYTES;
use protocol::locales::DEFAULT_LOCALE;
use protocol::secret::hash_secret;
use protocol::{CopyVersionText, ErrorBody, ErrorCode, Need};
use serde::Serialize;
use worker::{Context, Date, Request, Response, Result, RouteContext};

use crate::access::Access;
use crate::body;
use crate::respond::{self, Freshness};
use crate::shipped::Shipped;
use crate::sites::Site;
use crate::store;

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

/// The checker's errors in `ftl` as `locale`'s copy over the shipped
/// reference (an override may leave messages out), as the wording editor
/// shows them too.
fn problems(reference: &str, locale: &str, ftl: &str) -> Vec<String> {
    check_site_copy(reference, locale, ftl)
        .into_iter()
        .map(|diagnostic| diagnostic.to_string())
        .collect()
}

/// Checks `ftl` as `locale`'s copy and, if the checker accepts it, stores
/// it as the live copy and its next version, saved by `actor`; the 422
/// with the checker's diagnostics otherwise (nothing changes then).
async fn check_and_store(
    ctx: &RouteContext<Context>,
    db: &worker::D1Database,
    access: &Access,
    locale: &str,
    ftl: &str,
) -> Result<Response> {
    let shipped = Shipped::of(&ctx.env).await?;
    if shipped.widget_ftl(locale).is_none() {
        return respond::error(
            ErrorCode::UnknownLocale,
            format!("no copy is shipped for {locale:?}; GET /v1/locales lists the locales"),
        );
    }
    let reference = shipped.widget_ftl(DEFAULT_LOCALE).ok_or_else(|| {
        worker::Error::RustError(format!(
            "the reference {DEFAULT_LOCALE} copy is not deployed"
        ))
    })?;
    let problems = problems(reference, locale, ftl);
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
    let site_key = &access.site.site_key;
    let added = store::copy::save(db, site_key, locale, ftl, now, &access.actor.label()).await?;
    // Unchanged: the live version, which already had this text.
    let version = match added {
        Some(version) => Some(version),
        None => store::copy::versions(db, site_key, locale)
            .await?
            .first()
            .map(|version| version.version),
    };
    respond::json(
        &serde_json::json!({
            "locale": locale,
            "stored": true,
            "version": version,
            "changed": added.is_some(),
        }),
        200,
    )
}

/// Stores a site's copy for one locale, if the checker accepts it.
pub async fn put_copy(mut req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::route_database(&ctx).await?;
    let access = match crate::access::authorize(&db, &req, &ctx, Need::Wording).await? {
        Ok(access) => access,
        Err(refusal) => return Ok(refusal),
    };
    let locale = match locale_param(&ctx) {
        Ok(locale) => locale,
        Err(error) => return respond::error_body(&error),
    };
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
    check_and_store(&ctx, &db, &access, &locale, &ftl).await
}

/// The site and locale of a versions route, for a key that may edit the
/// wording; or the answer refusing the request.
async fn wording_route(
    db: &worker::D1Database,
    req: &Request,
    ctx: &RouteContext<Context>,
) -> Result<std::result::Result<(Access, String), Response>> {
    let access = match crate::access::authorize(db, req, ctx, Need::Wording).await? {
        Ok(access) => access,
        Err(refusal) => return Ok(Err(refusal)),
    };
    Ok(match locale_param(ctx) {
        Ok(locale) => Ok((access, locale)),
        Err(error) => Err(respond::error_body(&error)?),
    })
}

/// The version a route names, if it is one this site saved.
async fn named_version(
    db: &worker::D1Database,
    ctx: &RouteContext<Context>,
    site_key: &str,
    locale: &str,
) -> Result<std::result::Result<CopyVersionText, Response>> {
    let asked = ctx.param("version").map(String::as_str).unwrap_or_default();
    let Some(number) = parse_version(asked) else {
        return Ok(Err(respond::error(
            ErrorCode::InvalidField,
            format!("version {asked:?} is not a version number (1, 2, …)"),
        )?));
    };
    Ok(
        match store::copy::version(db, site_key, locale, number).await? {
            Some(found) => Ok(found),
            None => Err(respond::error(
                ErrorCode::NotFound,
                format!("no version {number} of this site's {locale} copy"),
            )?),
        },
    )
}

/// `GET /v1/sites/{site_key}/copy/{locale}/versions`: the saved versions,
/// newest first, without their text.
pub async fn list_versions(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::route_database(&ctx).await?;
    let (access, locale) = match wording_route(&db, &req, &ctx).await? {
        Ok(found) => found,
        Err(refusal) => return Ok(refusal),
    };
    let versions = store::copy::versions(&db, &access.site.site_key, &locale).await?;
    let prompts = store::copy::prompts(&db, &access.site.site_key, &locale).await?;
    respond::json(
        &serde_json::json!({ "locale": locale, "versions": versions, "prompts": prompts }),
        200,
    )
}

/// `GET /v1/sites/{site_key}/copy/{locale}/versions/{version}`: one saved
/// version with its text.
pub async fn get_version(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::route_database(&ctx).await?;
    let (access, locale) = match wording_route(&db, &req, &ctx).await? {
        Ok(found) => found,
        Err(refusal) => return Ok(refusal),
    };
    match named_version(&db, &ctx, &access.site.site_key, &locale).await? {
        Ok(found) => respond::json(&found, 200),
        Err(refusal) => Ok(refusal),
    }
}

/// `POST /v1/sites/{site_key}/copy/{locale}/versions/{version}/restore`:
/// that version's text becomes the live copy again, as a new version
/// (checked again: the reference may have changed since).
pub async fn restore_version(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::route_database(&ctx).await?;
    let (access, locale) = match wording_route(&db, &req, &ctx).await? {
        Ok(found) => found,
        Err(refusal) => return Ok(refusal),
    };
    match named_version(&db, &ctx, &access.site.site_key, &locale).await? {
        Ok(found) => check_and_store(&ctx, &db, &access, &locale, &found.ftl).await,
        Err(refusal) => Ok(refusal),
    }
}

/// Names the messages of the stored wording that today's check refuses,
/// which shoppers get the shipped text for (see `served_copy`).
pub const SET_ASIDE_HEADER: &str = "Feedback-Copy-Set-Aside";

/// A message set aside, as `GET …/copy/{locale}` names it.
#[derive(Serialize)]
struct SetAsideMessage<'a> {
    id: &'a str,
    problems: &'a [String],
}

/// A site's copy for one locale (public: the widget reads it): the stored
/// FTL, with the messages today's check sets aside named in
/// [`SET_ASIDE_HEADER`]; asked for as `application/json`,
/// `{locale, ftl, set_aside: [{id, problems}]}`, which says why too.
pub async fn get_copy(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::route_database(&ctx).await?;
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
    let shipped = Shipped::of(&ctx.env).await?;
    let screened = match shipped.widget_ftl(DEFAULT_LOCALE) {
        Some(reference) if !ftl.is_empty() => {
            Some(crate::served_copy::screened(reference, &locale, &ftl))
        }
        _ => None,
    };
    let set_aside = screened
        .as_ref()
        .map_or(&[][..], |screened| screened.set_aside.as_slice());
    let ids = screened
        .as_ref()
        .map(Screened::set_aside_ids)
        .unwrap_or_default();
    let wants_json = req
        .headers()
        .get("Accept")?
        .is_some_and(|accept| accept.contains("application/json"));
    let (body, content_type) = if wants_json {
        let set_aside: Vec<SetAsideMessage> = set_aside
            .iter()
            .map(|aside| SetAsideMessage {
                id: &aside.id,
                problems: &aside.problems,
            })
            .collect();
        let body = serde_json::to_string(&serde_json::json!({
            "locale": locale,
            "ftl": ftl,
            "set_aside": set_aside,
        }))?;
        (body, "application/json")
    } else {
        (ftl, "text/plain; charset=utf-8")
    };
    let etag = format!("\"{}\"", hash_secret(&body).get(..32).unwrap_or_default());
    let mut response =
        respond::public_cacheable(&req, body, content_type, &etag, Freshness::Revalidate)?;
    let headers = response.headers_mut();
    headers.set("Vary", "Accept")?;
    if !ids.is_empty() {
        headers.set(SET_ASIDE_HEADER, &ids.join(", "))?;
    }
    Ok(response)
}
