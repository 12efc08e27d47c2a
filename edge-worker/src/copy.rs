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
use protocol::{CopyFinding, CopyVersionText, ErrorCode, Need};
use serde::Serialize;
use worker::{Context, Date, Request, Response, RouteContext};

use crate::access::{Access, authorize};
use crate::body;
use crate::refusal::Refusal;
use crate::respond::{self, Freshness};
use crate::shipped::Shipped;
use crate::sites::Site;
use crate::store;

/// The route's locale, its shape checked.
fn locale_param(ctx: &RouteContext<Context>) -> Result<String, Refusal> {
    let locale = ctx.param("locale").cloned().unwrap_or_default();
    check_locale("locale", &locale)?;
    Ok(locale)
}

/// The checker's errors in `ftl` as `locale`'s copy over the shipped
/// reference (an override may leave messages out), as the wording editor
/// shows them too.
fn problems(reference: &str, locale: &str, ftl: &str) -> Vec<CopyFinding> {
    check_site_copy(reference, locale, ftl)
        .into_iter()
        .map(|diagnostic| CopyFinding {
            code: diagnostic.code.as_str().to_string(),
            line: diagnostic.line,
            col: diagnostic.col,
            args: diagnostic
                .args
                .iter()
                .map(|(name, value)| (name.to_string(), value.clone()))
                .collect(),
            message: diagnostic.to_string(),
        })
        .collect()
}

/// Checks `ftl` as `locale`'s copy and, if the checker accepts it, stores
/// it as the live copy and its next version, saved by `access`'s actor;
/// refused with the checker's diagnostics otherwise (nothing changes then).
async fn check_and_store(
    ctx: &RouteContext<Context>,
    access: &Access,
    locale: &str,
    ftl: &str,
) -> Result<Response, Refusal> {
    let shipped = Shipped::of(&ctx.env).await?;
    if shipped.widget_ftl(locale).is_none() {
        return Err(Refusal::new(
            ErrorCode::UnknownLocale,
            format!("no copy is shipped for {locale:?}; GET /v1/locales lists the locales"),
        ));
    }
    let reference = shipped.widget_ftl(DEFAULT_LOCALE).ok_or_else(|| {
        worker::Error::RustError(format!(
            "the reference {DEFAULT_LOCALE} copy is not deployed"
        ))
    })?;
    let problems = problems(reference, locale, ftl);
    if !problems.is_empty() {
        return Err(Refusal::new(
            ErrorCode::InvalidCopy,
            format!(
                "the copy has {} errors; nothing was changed",
                problems.len()
            ),
        )
        .with_findings(problems));
    }
    let now = Date::now().as_millis() as i64;
    let Access { db, site, actor } = access;
    let site_key = &site.site_key;
    let added = store::copy::save(db, site_key, locale, ftl, now, &actor.label()).await?;
    // Unchanged: the live version, which already had this text.
    let version = match added {
        Some(version) => Some(version),
        None => store::copy::versions(db, site_key, locale)
            .await?
            .first()
            .map(|version| version.version),
    };
    Ok(respond::json(
        &serde_json::json!({
            "locale": locale,
            "stored": true,
            "version": version,
            "changed": added.is_some(),
        }),
        200,
    )?)
}

/// Stores a site's copy for one locale, if the checker accepts it.
pub async fn put_copy(mut req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let access = authorize(&req, &ctx, Need::Wording).await?;
    let locale = locale_param(&ctx)?;
    let body = body::read_capped(&mut req).await?.ok_or_else(|| {
        Refusal::new(
            ErrorCode::PayloadTooLarge,
            format!("copy is limited to {MAX_BODY_BYTES} bytes"),
        )
    })?;
    let ftl = String::from_utf8(body).map_err(|_| {
        Refusal::new(
            ErrorCode::InvalidCopy,
            "the copy is not UTF-8 text; save the file as UTF-8 and send it again",
        )
    })?;
    check_and_store(&ctx, &access, &locale, &ftl).await
}

/// The caller's access and the locale of a versions route, for a key that
/// may edit the wording.
async fn wording_route(
    req: &Request,
    ctx: &RouteContext<Context>,
) -> Result<(Access, String), Refusal> {
    let access = authorize(req, ctx, Need::Wording).await?;
    Ok((access, locale_param(ctx)?))
}

/// The version a route names, if it is one this site saved.
async fn named_version(
    ctx: &RouteContext<Context>,
    access: &Access,
    locale: &str,
) -> Result<CopyVersionText, Refusal> {
    let asked = ctx.param("version").map(String::as_str).unwrap_or_default();
    let number = parse_version(asked).ok_or_else(|| {
        Refusal::new(
            ErrorCode::InvalidField,
            format!("version {asked:?} is not a version number (1, 2, …)"),
        )
    })?;
    store::copy::version(&access.db, &access.site.site_key, locale, number)
        .await?
        .ok_or_else(|| {
            Refusal::new(
                ErrorCode::NotFound,
                format!("no version {number} of this site's {locale} copy"),
            )
        })
}

/// `GET /v1/sites/{site_key}/copy/{locale}/versions`: the saved versions,
/// newest first, without their text.
pub async fn list_versions(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let (Access { db, site, .. }, locale) = wording_route(&req, &ctx).await?;
    let versions = store::copy::versions(&db, &site.site_key, &locale).await?;
    let prompts = store::copy::prompts(&db, &site.site_key, &locale).await?;
    Ok(respond::json(
        &serde_json::json!({ "locale": locale, "versions": versions, "prompts": prompts }),
        200,
    )?)
}

/// `GET /v1/sites/{site_key}/copy/{locale}/versions/{version}`: one saved
/// version with its text.
pub async fn get_version(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let (access, locale) = wording_route(&req, &ctx).await?;
    let found = named_version(&ctx, &access, &locale).await?;
    Ok(respond::json(&found, 200)?)
}

/// `POST /v1/sites/{site_key}/copy/{locale}/versions/{version}/restore`:
/// that version's text becomes the live copy again, as a new version
/// (checked again: the reference may have changed since).
pub async fn restore_version(
    req: Request,
    ctx: RouteContext<Context>,
) -> Result<Response, Refusal> {
    let (access, locale) = wording_route(&req, &ctx).await?;
    let found = named_version(&ctx, &access, &locale).await?;
    check_and_store(&ctx, &access, &locale, &found.ftl).await
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
pub async fn get_copy(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let db = store::route_database(&ctx).await?;
    let locale = locale_param(&ctx)?;
    let site_key = ctx.param("site_key").cloned().unwrap_or_default();
    if Site::find(&db, &site_key).await?.is_none() {
        return Err(Refusal::new(ErrorCode::UnknownSite, "no site has this key"));
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
