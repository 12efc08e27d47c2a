//! `POST /v1/events`: where the widget's feedback arrives, in the five
//! steps the README names:
//! 1. [`admit`]: the body within its limit, a valid envelope, the
//!    browser's own budget, the site, its sender (a page from an origin the
//!    site allows, or a server with the site's secret), and each event
//!    through the site's settings;
//! 2. [`limit`]: the site's budget;
//! 3. [`place`]: where the events go, the ingest queue (`--env queue`) or
//!    the site's database;
//! 4. [`save`]: one D1 batch, then, while the site moves, the same events
//!    in the database it moves to;
//! 5. [`notify`]: the webhooks the stored events are owed.
//!
//! A refusal is readable by the page that sent the request only when it
//! may read answers: before the site is known, when some site allows its
//! origin; after, when this site does.

use protocol::limits::MAX_BODY_BYTES;
use protocol::secret::{bearer_token, hash_secret};
use protocol::{ErrorCode, Event, IngestReport, Rejection, parse_envelope};
use worker::{Context, D1Database, Date, Request, Response, RouteContext};

use crate::body;
use crate::cors;
use crate::faults::{self, Fault};
use crate::ingest_queue;
use crate::rate_limits;
use crate::refusal::Refusal;
use crate::respond;
use crate::sites::Site;
use crate::store;
use crate::store::ingest::{Saved, Sender, Write};
use crate::webhook;

/// A request admitted: its events, for which site, from whom.
struct Admitted {
    /// The database that holds the site.
    db: D1Database,
    /// The site the envelope names.
    site: Site,
    /// The page's origin; `None` for a server.
    origin: Option<String>,
    /// The hash of the secret a server showed.
    presented_hash: Option<String>,
    /// When the request arrived (unix ms).
    received_at: i64,
}

/// A request's events, as its site's settings admit them.
struct Batch {
    /// The events admitted, with their index in the request.
    events: Vec<(usize, Event)>,
    /// The events refused, by index.
    rejected: Vec<Rejection>,
}

impl Admitted {
    fn sender(&self) -> Sender<'_> {
        match &self.presented_hash {
            Some(secret_hash) => Sender::Server { secret_hash },
            None => Sender::Page,
        }
    }
}

/// Validates and stores a batch of events (see `protocol::envelope`).
pub async fn post_events(
    mut req: Request,
    ctx: RouteContext<Context>,
) -> Result<Response, Refusal> {
    let (admitted, batch) = admit(&mut req, &ctx).await?;
    let origin = admitted.origin.clone();
    let readable = |refusal: Refusal| refusal.readable_by(origin.as_deref());
    limit(&ctx, &admitted).await.map_err(readable)?;
    let (report, status) = match place(&ctx) {
        Place::Queue => {
            let report = queue(&req, &ctx, &admitted, batch).await;
            (report.map_err(readable)?, 202)
        }
        Place::Database => {
            let fault = faults::requested(&req, &ctx)?;
            let saved = save(&ctx, &admitted, batch, fault).await;
            let saved = saved.map_err(readable)?;
            if fault != Some(Fault::SkipWebhookQueue) {
                notify(&ctx, admitted, &saved);
            }
            (saved.report, 200)
        }
    };
    Ok(cors::allow(
        respond::json(&report, status)?,
        origin.as_deref(),
    )?)
}

/// Step 1: what the request sends, to which site, from whom, and which of
/// its events the site's settings admit.
async fn admit(
    req: &mut Request,
    ctx: &RouteContext<Context>,
) -> Result<(Admitted, Batch), Refusal> {
    let origin = cors::request_origin(req)?;
    let (db, site, envelope) = match site_of(req, ctx, origin.as_deref()).await {
        Ok(found) => found,
        Err(refusal) if refusal.failed() => return Err(refusal),
        Err(refusal) => {
            let reader = early_reader(ctx, req, origin.as_deref()).await?;
            return Err(refusal.readable_by(reader));
        }
    };
    // No page may read why its sender was refused.
    let presented_hash = sender_check(req, &db, &site, origin.as_deref())
        .await
        .map_err(|refusal| refusal.readable_by(None))?;
    let mut rejected = envelope.parsed.rejected;
    let mut events = Vec::with_capacity(envelope.parsed.events.len());
    for (index, event) in envelope.parsed.events {
        match site.config.admit(event) {
            Ok(event) => events.push((index, event)),
            Err(err) => rejected.push(err.at_index(index)),
        }
    }
    rejected.sort_by_key(|rejection| rejection.index);
    let admitted = Admitted {
        db,
        site,
        origin,
        presented_hash,
        received_at: envelope.received_at,
    };
    Ok((admitted, Batch { events, rejected }))
}

/// A valid envelope and when it arrived.
struct Envelope {
    parsed: protocol::ParsedEnvelope,
    received_at: i64,
}

/// The body within its limit, a valid envelope, the browser's own budget
/// (checked first: a flooding browser is refused before it costs the
/// site's budget or a database read), and the site the envelope names
/// with the database that holds it.
async fn site_of(
    req: &mut Request,
    ctx: &RouteContext<Context>,
    origin: Option<&str>,
) -> Result<(D1Database, Site, Envelope), Refusal> {
    let body = body::read_capped(req).await?.ok_or_else(|| {
        Refusal::new(
            ErrorCode::PayloadTooLarge,
            format!(
                "the body is larger than {MAX_BODY_BYTES} bytes; send fewer events per request"
            ),
        )
    })?;
    let received_at = Date::now().as_millis() as i64;
    let parsed = parse_envelope(&body, received_at)?;
    let client = rate_limits::client(req)?;
    rate_limits::refuse_unknown_flooder(client.as_deref())?;
    if origin.is_some() {
        rate_limits::check_client(ctx, client.as_deref(), &parsed.site_key).await?;
    }
    let db = store::databases::for_site(&ctx.env, &parsed.site_key).await?;
    let Some(site) = Site::find_recent(&db, &parsed.site_key).await? else {
        // Unknown keys cost a client a budget of their own, with or without
        // `Origin`, whatever key each request names.
        rate_limits::charge_unknown_site(ctx, client.as_deref()).await?;
        return Err(Refusal::new(
            ErrorCode::UnknownSite,
            format!("no site has the key {:?}", parsed.site_key),
        ));
    };
    Ok((
        db,
        site,
        Envelope {
            parsed,
            received_at,
        },
    ))
}

/// Which page may read a refusal sent before the site is known: the
/// request's origin when some site allows it (a lookup from the browser's
/// budget for origins, see `cors::origin_known`).
async fn early_reader<'a>(
    ctx: &RouteContext<Context>,
    req: &Request,
    origin: Option<&'a str>,
) -> Result<Option<&'a str>, Refusal> {
    let Some(origin) = origin else {
        return Ok(None);
    };
    let client = rate_limits::client(req)?;
    let known = cors::origin_known(ctx, client.as_deref(), origin).await?;
    Ok((known == cors::Origin::Known).then_some(origin))
}

/// The 401 for a server request without the site's current secret.
fn unauthorized() -> Refusal {
    Refusal::new(
        ErrorCode::Unauthorized,
        "a request without an Origin header must carry the site's secret as a bearer token",
    )
}

/// A page must come from an origin the site allows; a server (no
/// `Origin`) must show the site's secret, whose hash is returned: the
/// write checks it again in its own transaction, so a secret rotated away
/// stops writes at once.
async fn sender_check(
    req: &Request,
    db: &D1Database,
    site: &Site,
    origin: Option<&str>,
) -> Result<Option<String>, Refusal> {
    if let Some(origin) = origin {
        if !site.allows_origin(db, origin).await? {
            return Err(Refusal::new(
                ErrorCode::OriginNotAllowed,
                format!("{origin} is not an allowed origin of this site"),
            ));
        }
        return Ok(None);
    }
    let header = req.headers().get("Authorization")?;
    let token = header
        .as_deref()
        .and_then(bearer_token)
        .ok_or_else(unauthorized)?;
    // A wrong secret is refused before it costs the site's budget: checked
    // against the remembered site, then afresh (a secret rotated in the
    // last 30 s), which costs a read only then.
    if !site.secret_is(token)
        && !Site::find(db, &site.site_key)
            .await?
            .is_some_and(|fresh| fresh.secret_is(token))
    {
        return Err(unauthorized());
    }
    Ok(Some(hash_secret(token)))
}

/// Step 2: the site's budget.
async fn limit(ctx: &RouteContext<Context>, admitted: &Admitted) -> Result<(), Refusal> {
    rate_limits::check_site(ctx, &admitted.site.site_key).await
}

/// Where a request's events go.
enum Place {
    /// The ingest queue, written later by its consumer.
    Queue,
    /// The site's database, now.
    Database,
}

/// Step 3: the queue when this deployment ingests through one
/// (`--env queue`), else the site's database.
fn place(ctx: &RouteContext<Context>) -> Place {
    if ingest_queue::enabled(ctx) {
        Place::Queue
    } else {
        Place::Database
    }
}

/// Step 4 by the queue: the events are written later, so a server's secret
/// is read again now.
async fn queue(
    req: &Request,
    ctx: &RouteContext<Context>,
    admitted: &Admitted,
    batch: Batch,
) -> Result<IngestReport, Refusal> {
    if admitted.presented_hash.is_some()
        && !Site::find(&admitted.db, &admitted.site.site_key)
            .await?
            .map(|fresh| fresh.is_authorized(req))
            .transpose()?
            .unwrap_or(false)
    {
        return Err(unauthorized());
    }
    let Batch { events, rejected } = batch;
    let site_key = &admitted.site.site_key;
    Ok(ingest_queue::enqueue(ctx, site_key, events, rejected, admitted.received_at).await?)
}

/// Step 4: the events in one D1 batch of the site's database (which checks
/// a server's secret again), then, while the site moves to another
/// database, in that one too.
async fn save(
    ctx: &RouteContext<Context>,
    admitted: &Admitted,
    batch: Batch,
    fault: Option<Fault>,
) -> Result<Saved, Refusal> {
    let site_key = &admitted.site.site_key;
    let write = Write {
        site_key,
        sender: admitted.sender(),
        received_at: admitted.received_at,
        owes_webhooks: admitted.site.config.webhook_url.is_some(),
        lose_first_answer: fault == Some(Fault::LoseBatchAnswer),
    };
    let Batch { events, rejected } = batch;
    let saved = store::ingest::save_events(&admitted.db, write, events, rejected)
        .await?
        .ok_or_else(unauthorized)?;
    // Checked after the write: a move that starts later copies it. Failing
    // here fails the request, so the sender tries again: the site's
    // database answers "duplicate", and this write lands.
    if let Some(next) = store::databases::moving_to(&ctx.env, site_key).await? {
        let received_at = admitted.received_at;
        store::ingest::save_for_move(&admitted.db, &next, site_key, &saved.kept, received_at)
            .await?;
    }
    Ok(saved)
}

/// Step 5: the deliveries the stored events are owed, queued once the
/// answer is on its way (or, if this request ends first, by the sweep:
/// `webhook::outbox`).
fn notify(ctx: &RouteContext<Context>, admitted: Admitted, saved: &Saved) {
    if admitted.site.config.webhook_url.is_none()
        || !saved.kept.iter().any(protocol::Event::is_bad_news)
    {
        return;
    }
    let env = ctx.env.clone();
    let events = saved.kept.clone();
    let Admitted {
        db,
        site,
        received_at,
        ..
    } = admitted;
    ctx.data.wait_until(async move {
        webhook::outbox::queue_owed(&env, &db, &site, &events, received_at).await;
    });
}

/// Answers the CORS preflight browsers send before a JSON `POST`.
pub async fn preflight(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let origin = cors::request_origin(&req)?.ok_or_else(origin_refused)?;
    let client = rate_limits::client(&req)?;
    match cors::origin_known(&ctx, client.as_deref(), &origin).await? {
        cors::Origin::Known => Ok(cors::preflight_ok(&origin)?),
        cors::Origin::Unknown => Err(origin_refused()),
        cors::Origin::NotLookedUp => Err(rate_limits::origin_flood().readable_by(None)),
    }
}

/// The answer to a preflight from an origin no site allows.
fn origin_refused() -> Refusal {
    Refusal::new(
        ErrorCode::OriginNotAllowed,
        "this origin is not allowed to send feedback",
    )
    .readable_by(None)
}
