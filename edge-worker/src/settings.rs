//! The owner's settings (`GET|PUT /v1/sites/{key}/settings`), their audit
//! list (`GET …/settings/audit`), a test delivery to the webhook (`POST
//! …/settings/test-webhook`) and a new site secret (`POST …/secret`).
//! Owner only. Settings are checked field by field with
//! `protocol::Settings` (as `cargo xtask site set` checks them), and a
//! write must name the version it read (`If-Match`), so two people editing
//! at once never overwrite each other unknowingly.

use protocol::limits::MAX_BODY_BYTES;
use protocol::secret::hash_secret;
use protocol::webhook_url::check_webhook_url;
use protocol::{Change, ErrorCode, FieldErrors, Need, Settings, SiteConfig};
use serde::Serialize;
use worker::{Context, Date, Request, Response, Result, RouteContext, console_error};

use crate::access::{Access, authorize};
use crate::refusal::Refusal;
use crate::store::audit::AuditRow;
use crate::{body, random, respond, store, webhook};

/// The settings and their version.
#[derive(Serialize)]
struct Current<'a> {
    settings: &'a Settings,
    etag: &'a str,
}

fn now() -> i64 {
    Date::now().as_millis() as i64
}

/// The stored settings and their version; `None` if the site is gone.
async fn stored(db: &worker::D1Database, site_key: &str) -> Result<Option<(Settings, String)>> {
    let Some(row) = store::settings::read(db, site_key).await? else {
        return Ok(None);
    };
    // Written checked; an unreadable config (edited by hand) shows as the
    // defaults, as the collector uses it.
    let config = SiteConfig::from_json(&row.config).unwrap_or_else(|problem| {
        console_error!("site {site_key}: {problem}; showing the defaults");
        SiteConfig::default()
    });
    let allowed_origins: Vec<String> = serde_json::from_str(&row.origins)?;
    Ok(Some((
        Settings {
            config,
            allowed_origins,
        },
        row.settings_etag.unwrap_or_default(),
    )))
}

fn answer(settings: &Settings, etag: &str) -> Result<Response> {
    let mut response = respond::json(&Current { settings, etag }, 200)?;
    response.headers_mut().set("ETag", &format!("\"{etag}\""))?;
    response.headers_mut().set("Cache-Control", "no-store")?;
    Ok(response)
}

fn unknown_site() -> Refusal {
    Refusal::new(ErrorCode::UnknownSite, "no site has this key")
}

/// `GET /v1/sites/{key}/settings`: the settings, and their version as
/// the `ETag` (and in the body, for scripts).
pub async fn get_settings(
    req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Owner).await?;
    let (settings, etag) = stored(&db, &site.site_key)
        .await?
        .ok_or_else(unknown_site)?;
    Ok(answer(&settings, &etag)?)
}

/// `PUT /v1/sites/{key}/settings` with the whole settings document and
/// `If-Match: "<etag>"`: 200 with the stored settings and their new
/// version; 422 with every field's problem (nothing changed); 412 when
/// they changed since that version; 428 without `If-Match`.
pub async fn put_settings(
    mut req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let access = authorize(&req, &ctx, Need::Owner).await?;
    let if_match = req.headers().get("If-Match")?.ok_or_else(|| {
        Refusal::new(
            ErrorCode::PreconditionRequired,
            "send If-Match with the ETag GET /settings gave, so a change made meanwhile is not overwritten",
        )
    })?;
    let body = body::read_capped(&mut req).await?.ok_or_else(|| {
        Refusal::new(
            ErrorCode::PayloadTooLarge,
            format!("settings are limited to {MAX_BODY_BYTES} bytes"),
        )
    })?;
    let text = String::from_utf8(body).map_err(|_| {
        Refusal::new(
            ErrorCode::InvalidJson,
            "the settings are not UTF-8 text; send them as UTF-8 JSON",
        )
    })?;
    let checked = Settings::from_json(&text, &analytics::is_time_zone).and_then(|settings| {
        // A URL the checks above allow may still be one this deployment
        // never calls (this machine, for a deployed collector).
        let loopback = webhook::loopback_allowed(var(&ctx, crate::bindings::LOCAL_WEBHOOKS));
        let config = &settings.config;
        let mut errors = FieldErrors::new();
        for (field, url) in [
            ("webhook_url", config.webhook_url.as_deref()),
            ("alerts.chat_url", config.alerts.chat_url.as_deref()),
        ] {
            if let Some(Err(problem)) = url.map(|url| check_webhook_url(url, loopback)) {
                errors.insert(field.to_string(), problem);
            }
        }
        if errors.is_empty() {
            Ok(settings)
        } else {
            Err(errors)
        }
    });
    let new = checked.map_err(|errors| {
        Refusal::new(
            ErrorCode::InvalidSettings,
            format!(
                "{} settings have problems; nothing was changed",
                errors.len()
            ),
        )
        .with_errors(errors)
    })?;
    let Access { db, site, actor } = &access;
    let (old, etag) = stored(db, &site.site_key).await?.ok_or_else(unknown_site)?;
    let expected = if_match_names(&if_match, &etag).ok_or_else(stale)?;
    let changes = old.changes(&new);
    if changes.is_empty() {
        return Ok(answer(&old, &etag)?);
    }
    let new_etag = random::token("", 26)?;
    let audit = AuditRow {
        at: now(),
        actor: actor.label(),
        action: "settings",
        changes,
    };
    let saved = store::settings::save(
        db,
        &site.site_key,
        (&expected, &new_etag),
        &serde_json::to_string(&new.config)?,
        &new.allowed_origins,
        &audit,
    )
    .await?;
    if !saved {
        return Err(stale());
    }
    Ok(answer(&new, &new_etag)?)
}

/// The version `If-Match` names when it names the current one, `etag`:
/// `*`, or a list of quoted ETags one of which is it (a weak `W/` tag
/// never matches, as `If-Match` compares strongly); `None` otherwise.
fn if_match_names(header: &str, etag: &str) -> Option<String> {
    let matches = header.split(',').map(str::trim).any(|tag| {
        tag == "*"
            || tag
                .strip_prefix('"')
                .and_then(|tag| tag.strip_suffix('"'))
                .is_some_and(|tag| tag == etag)
    });
    matches.then(|| etag.to_string())
}

fn var(ctx: &RouteContext<Context>, name: &str) -> Option<String> {
    ctx.env.var(name).ok().map(|value| value.to_string())
}

fn stale() -> Refusal {
    Refusal::new(
        ErrorCode::StaleSettings,
        "the settings changed since you read them; load them again and reapply your change",
    )
}

/// `GET /v1/sites/{key}/settings/audit`: the latest changes to the
/// settings, keys and secret, newest first.
pub async fn get_audit(
    req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Owner).await?;
    let entries = store::audit::latest(&db, &site.site_key).await?;
    Ok(respond::json(
        &serde_json::json!({ "entries": entries }),
        200,
    )?)
}

/// `POST /v1/sites/{key}/settings/test-webhook`: one signed delivery with
/// no events to the site's webhook, now; what the receiver answered.
pub async fn test_webhook(
    req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let access = authorize(&req, &ctx, Need::Owner).await?;
    let url = access.site.config.webhook_url.clone().ok_or_else(|| {
        Refusal::new(
            ErrorCode::InvalidSettings,
            "the site has no webhook to test",
        )
        .with_errors(FieldErrors::from([(
            "webhook_url".to_string(),
            "set a webhook URL first".to_string(),
        )]))
    })?;
    let outcome = webhook::deliver::send_test(&ctx.env, &access.site, &url).await;
    let body = match &outcome {
        Ok(status) => serde_json::json!({
            "delivered": (200..300).contains(status),
            "status": status,
        }),
        Err(problem) => serde_json::json!({ "delivered": false, "problem": problem }),
    };
    Ok(respond::json(&body, 200)?)
}

/// `POST /v1/sites/{key}/secret`: a new site secret, shown this once; the
/// old one opens nothing from now on. Keys the owner made keep working.
pub async fn rotate_secret(
    req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let Access { db, site, actor } = authorize(&req, &ctx, Need::Owner).await?;
    let secret = random::token("sk_", 40)?;
    let audit = AuditRow {
        at: now(),
        actor: actor.label(),
        action: "secret_rotated",
        changes: vec![Change {
            field: "secret".into(),
            old: "(hidden)".into(),
            new: "(hidden)".into(),
        }],
    };
    let rotated = store::settings::rotate_secret(
        &db,
        &site.site_key,
        (site.secret_hash(), &hash_secret(&secret)),
        &audit,
    )
    .await?;
    if !rotated {
        // Two rotations at once (a double click): the other one won, and
        // its secret is the one that works; this one is never shown.
        return Err(Refusal::new(
            ErrorCode::StaleSettings,
            "the secret was replaced by another request just now; use the secret that request showed",
        ));
    }
    Ok(respond::json(
        &serde_json::json!({ "secret": secret }),
        200,
    )?)
}
