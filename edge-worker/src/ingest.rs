//! `POST /v1/events`: where the widget's feedback arrives.

use protocol::limits::MAX_BODY_BYTES;
use protocol::secret::{bearer_token, hash_secret};
use protocol::{ErrorBody, ErrorCode, parse_envelope};
use worker::{Context, Date, Request, Response, Result, RouteContext};

use crate::body;
use crate::cors;
use crate::faults::{self, Fault};
use crate::ingest_queue;
use crate::rate_limits;
use crate::respond;
use crate::sites::Site;
use crate::store;
use crate::store::ingest::{Sender, Write};
use crate::webhook;

/// A refusal answered before the site is known: the browser may read it
/// only when some site allows the page's origin.
async fn refuse_early(
    ctx: &RouteContext<Context>,
    req: &Request,
    origin: Option<&str>,
    refusal: Response,
) -> Result<Response> {
    let readable = match origin {
        Some(origin) => {
            let client = rate_limits::client(req)?;
            let known = cors::origin_known(ctx, client.as_deref(), origin).await?;
            (known == cors::Origin::Known).then_some(origin)
        }
        None => None,
    };
    cors::allow(refusal, readable)
}

/// The 401 for a server request without the site's current secret.
fn unauthorized() -> Result<Response> {
    respond::error(
        ErrorCode::Unauthorized,
        "a request without an Origin header must carry the site's secret as a bearer token",
    )
}

/// Validates and stores a batch of events (see `protocol::envelope`).
pub async fn post_events(mut req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let env = &ctx.env;
    let origin = cors::request_origin(&req)?;
    let origin = origin.as_deref();

    let Some(body) = body::read_capped(&mut req).await? else {
        let error = ErrorBody::new(
            ErrorCode::PayloadTooLarge,
            format!(
                "the body is larger than {MAX_BODY_BYTES} bytes; send fewer events per request"
            ),
        );
        return refuse_early(&ctx, &req, origin, respond::error_body(&error)?).await;
    };
    let now = Date::now().as_millis() as i64;
    let parsed = match parse_envelope(&body, now) {
        Ok(parsed) => parsed,
        Err(error) => return refuse_early(&ctx, &req, origin, respond::error_body(&error)?).await,
    };
    // A browser's own budget first: a flooding client is refused before it
    // costs the site's budget or a database read.
    let client = rate_limits::client(&req)?;
    if let Some(limited) = rate_limits::refused_unknown_flooder(client.as_deref())? {
        return refuse_early(&ctx, &req, origin, limited).await;
    }
    if origin.is_some()
        && let Some(limited) =
            rate_limits::check_client(&ctx, client.as_deref(), &parsed.site_key).await?
    {
        return refuse_early(&ctx, &req, origin, limited).await;
    }
    let db = store::databases::for_site(env, &parsed.site_key).await?;
    let Some(site) = Site::find_recent(&db, &parsed.site_key).await? else {
        // Unknown keys cost a client a budget of their own, with or without
        // `Origin`, whatever key each request names.
        if let Some(limited) = rate_limits::charge_unknown_site(&ctx, client.as_deref()).await? {
            return refuse_early(&ctx, &req, origin, limited).await;
        }
        let error = ErrorBody::new(
            ErrorCode::UnknownSite,
            format!("no site has the key {:?}", parsed.site_key),
        );
        return refuse_early(&ctx, &req, origin, respond::error_body(&error)?).await;
    };
    // A page must come from an allowed origin; a server (no `Origin`) must
    // show the site's secret, which the write below checks again in its
    // own transaction (so a secret rotated away stops writes at once).
    let presented_hash;
    let sender = match origin {
        Some(origin) if !site.allows_origin(&db, origin).await? => {
            let response = respond::error(
                ErrorCode::OriginNotAllowed,
                format!("{origin} is not an allowed origin of this site"),
            )?;
            return cors::allow(response, None);
        }
        Some(_) => Sender::Page,
        None => {
            let header = req.headers().get("Authorization")?;
            let Some(token) = header.as_deref().and_then(bearer_token) else {
                return unauthorized();
            };
            // A wrong secret is refused before it costs the site's budget:
            // checked against the remembered site, then afresh (a secret
            // rotated in the last 30 s), which costs a read only then.
            if !site.secret_is(token)
                && !Site::find(&db, &site.site_key)
                    .await?
                    .is_some_and(|fresh| fresh.secret_is(token))
            {
                return unauthorized();
            }
            presented_hash = hash_secret(token);
            Sender::Server {
                secret_hash: &presented_hash,
            }
        }
    };
    if let Some(limited) = rate_limits::check_site(&ctx, &site.site_key).await? {
        return cors::allow(limited, origin);
    }

    let mut rejected = parsed.rejected;
    let mut admitted = Vec::with_capacity(parsed.events.len());
    for (index, event) in parsed.events {
        match site.config.admit(event) {
            Ok(event) => admitted.push((index, event)),
            Err(err) => rejected.push(err.at_index(index)),
        }
    }
    rejected.sort_by_key(|rejection| rejection.index);
    if ingest_queue::enabled(&ctx) {
        // Queued events are written later, so a server's secret is read now.
        if let Sender::Server { .. } = sender
            && !Site::find(&db, &site.site_key)
                .await?
                .map(|fresh| fresh.is_authorized(&req))
                .transpose()?
                .unwrap_or(false)
        {
            return unauthorized();
        }
        let report = ingest_queue::enqueue(&ctx, &site.site_key, admitted, rejected, now).await?;
        return cors::allow(respond::json(&report, 202)?, origin);
    }
    let fault = faults::requested(&req, &ctx)?;
    let write = Write {
        site_key: &site.site_key,
        sender,
        received_at: now,
        owes_webhooks: site.config.webhook_url.is_some(),
        lose_first_answer: fault == Some(Fault::LoseBatchAnswer),
    };
    let Some(saved) = store::ingest::save_events(&db, write, admitted, rejected).await? else {
        return unauthorized();
    };
    if let Some(next) = store::databases::moving_to(env, &site.site_key).await? {
        // Failing here fails the request, so the sender tries again: the
        // site's database answers "duplicate", and this write lands.
        store::ingest::save_for_move(&db, &next, &site.site_key, &saved.kept, now).await?;
    }
    // The deliveries the stored events are owed, queued once the answer
    // is on its way (or, if this request ends first, by the sweep).
    if write.owes_webhooks
        && fault != Some(Fault::SkipWebhookQueue)
        && saved.kept.iter().any(protocol::Event::is_bad_news)
    {
        let env = ctx.env.clone();
        let events = saved.kept.clone();
        ctx.data.wait_until(async move {
            webhook::outbox::queue_owed(&env, &db, &site, &events, now).await;
        });
    }
    cors::allow(respond::json(&saved.report, 200)?, origin)
}

/// Answers the CORS preflight browsers send before a JSON `POST`.
pub async fn preflight(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let Some(origin) = cors::request_origin(&req)? else {
        return origin_refused();
    };
    let client = rate_limits::client(&req)?;
    match cors::origin_known(&ctx, client.as_deref(), &origin).await? {
        cors::Origin::Known => cors::preflight_ok(&origin),
        cors::Origin::Unknown => origin_refused(),
        cors::Origin::NotLookedUp => cors::allow(rate_limits::origin_flood()?, None),
    }
}

/// The answer to a preflight from an origin no site allows.
fn origin_refused() -> Result<Response> {
    cors::allow(
        respond::error(
            ErrorCode::OriginNotAllowed,
            "this origin is not allowed to send feedback",
        )?,
        None,
    )
}
