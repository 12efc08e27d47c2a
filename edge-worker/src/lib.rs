//! The edge collector: receives feedback from the widget, validates it with
//! the `protocol` crate, stores it in D1 and answers the site owner's reads.
//!
//! Routes:
//! - `GET /v1/health`: `{"ok": true}` once the Worker is up.
//! - `POST /v1/events` (and its CORS preflight): feedback ingest, see [`ingest`].
//! - `GET /v1/locales`, `GET /v1/locales/{locale}?site=`,
//!   `GET /v1/locales/best?want=&site=`: the widget's copy, see [`locales`].
//! - `GET /v1/sites/{site_key}/config`: the widget's settings, see [`config`].
//! - `GET|PUT /v1/sites/{site_key}/copy/{locale}`: the site's own wording,
//!   and `…/versions` its saved versions (list, one, restore), see [`copy`].
//! - `GET /v1/sites/{site_key}/overview`: CSAT and thumbs figures, see [`overview`].
//! - `GET /v1/sites/{site_key}/compare`: thumbs and CSAT per model, prompt
//!   version, variant, page, locale or role, see [`compare`].
//! - `GET /v1/sites/{site_key}/conversations`, `GET|DELETE .../conversations/{id}`:
//!   the inbox, one conversation, erasure, see [`conversations`].
//! - `GET /v1/sites/{site_key}/export`: CSV or NDJSON, see [`export`].
//! - `GET /v1/sites/{site_key}/gaps`: knowledge gaps, see [`gaps`].
//! - `GET /v1/sites/{site_key}/webhook/failures`: webhook deliveries that
//!   failed every retry, see [`webhook::dead_letters`].
//! - `GET|PUT /v1/sites/{site_key}/settings`, `GET …/settings/audit`,
//!   `POST …/settings/test-webhook`, `POST …/secret`: the owner's settings,
//!   see [`settings`].
//! - `GET|POST /v1/sites/{site_key}/keys`, `GET …/keys/revoked` (paged),
//!   `DELETE …/keys/{key_id}`: named keys scoped to the wording or to
//!   reading, see [`keys`] and [`access`].
//!
//! Queues: webhook deliveries and their dead letters, see [`webhook`];
//! ingest with `--env queue`, see [`ingest_queue`].

mod access;
mod alerts;
mod archive;
mod bindings;
mod body;
mod compare;
mod config;
mod conversations;
mod copy;
mod cors;
mod export;
mod faults;
mod gaps;
mod ingest;
mod ingest_queue;
mod kept;
mod keys;
mod locales;
mod overview;
mod query;
mod random;
mod rate_limits;
mod recent;
mod refusal;
mod respond;
mod review;
mod served_copy;
mod settings;
mod shipped;
mod sites;
mod store;
mod webhook;

use protocol::ErrorCode;
use refusal::{Refusal, answered};
use worker::{Context, Env, Request, Response, Result, Router, console_error, console_log, event};

/// A route's handler, its refusals answered as JSON (see [`refusal`]).
macro_rules! answering {
    ($handler:path) => {
        |req, ctx| answered($handler(req, ctx))
    };
}

fn router<'a>(ctx: Context) -> Router<'a, Context> {
    Router::with_data(ctx)
        .get("/v1/health", |_, _| {
            respond::json(&serde_json::json!({"ok": true}), 200)
        })
        .post_async("/v1/events", answering!(ingest::post_events))
        .post_async("/__local/archive", answering!(archive::post_local_run))
        .options_async("/v1/events", answering!(ingest::preflight))
        .get_async("/v1/locales", answering!(locales::list))
        .get_async("/v1/locales/best", answering!(locales::best))
        .get_async("/v1/locales/:locale", answering!(locales::get))
        .get_async(
            "/v1/locales/:locale/dashboard",
            answering!(locales::get_dashboard),
        )
        .get_async("/v1/sites/:site_key/config", answering!(config::get_config))
        .get_async("/v1/sites/:site_key/access", answering!(access::who))
        .get_async("/v1/sites/:site_key/kept", answering!(kept::get_kept))
        .get_async(
            "/v1/sites/:site_key/copy/:locale",
            answering!(copy::get_copy),
        )
        .put_async(
            "/v1/sites/:site_key/copy/:locale",
            answering!(copy::put_copy),
        )
        .get_async(
            "/v1/sites/:site_key/copy/:locale/versions",
            answering!(copy::list_versions),
        )
        .get_async(
            "/v1/sites/:site_key/copy/:locale/versions/:version",
            answering!(copy::get_version),
        )
        .post_async(
            "/v1/sites/:site_key/copy/:locale/versions/:version/restore",
            answering!(copy::restore_version),
        )
        .get_async(
            "/v1/sites/:site_key/overview",
            answering!(overview::get_overview),
        )
        .get_async(
            "/v1/sites/:site_key/compare",
            answering!(compare::get_compare),
        )
        .get_async(
            "/v1/sites/:site_key/conversations",
            answering!(conversations::list),
        )
        .get_async(
            "/v1/sites/:site_key/conversations/:conversation_id",
            answering!(conversations::get_conversation),
        )
        .delete_async(
            "/v1/sites/:site_key/conversations/:conversation_id",
            answering!(conversations::delete_conversation),
        )
        .get_async("/v1/sites/:site_key/review", answering!(review::list))
        .put_async(
            "/v1/sites/:site_key/review/:item_id",
            answering!(review::put),
        )
        .get_async("/v1/sites/:site_key/export", answering!(export::export))
        .get_async("/v1/sites/:site_key/gaps", answering!(gaps::get_gaps))
        .get_async(
            "/v1/sites/:site_key/webhook/failures",
            answering!(webhook::dead_letters::list),
        )
        .get_async(
            "/v1/sites/:site_key/settings",
            answering!(settings::get_settings),
        )
        .put_async(
            "/v1/sites/:site_key/settings",
            answering!(settings::put_settings),
        )
        .get_async(
            "/v1/sites/:site_key/settings/audit",
            answering!(settings::get_audit),
        )
        .post_async(
            "/v1/sites/:site_key/settings/test-webhook",
            answering!(settings::test_webhook),
        )
        .post_async(
            "/v1/sites/:site_key/secret",
            answering!(settings::rotate_secret),
        )
        .get_async("/v1/sites/:site_key/keys", answering!(keys::list))
        .get_async(
            "/v1/sites/:site_key/keys/revoked",
            answering!(keys::revoked),
        )
        .post_async("/v1/sites/:site_key/keys", answering!(keys::create))
        .delete_async("/v1/sites/:site_key/keys/:key_id", answering!(keys::revoke))
        .or_else_any_method("/*path", |_, _| {
            Refusal::new(ErrorCode::NotFound, "no such route").into_response()
        })
}

/// The Worker consumes three queues: webhook deliveries, the deliveries
/// that failed every retry, and (with `--env queue`) ingest.
#[event(queue)]
async fn queue(batch: worker::MessageBatch<()>, env: Env, _ctx: Context) -> Result<()> {
    let queue = batch.queue();
    if webhook::is_dead_letter_queue(&queue) {
        webhook::dead_letters::consume(batch, env).await
    } else if webhook::is_delivery_queue(&queue) {
        webhook::deliver::consume(batch, env).await
    } else {
        ingest_queue::consume(batch, env).await
    }
}

/// Three cron triggers: every two minutes, the webhook deliveries still
/// owed ([`webhook::outbox`]); every 15 minutes, the sites' alert rules
/// ([`alerts`]) and then the archive of conversations past their hot
/// window ([`archive`], a bounded run each time, so a large backlog moves
/// over the day); daily, the retention sweep: first in R2 (archived
/// chunks past retention put back for it, archived text past the text
/// retention blanked), then in D1 (which queues what is owed as well).
#[event(scheduled)]
async fn scheduled(event: worker::ScheduledEvent, env: Env, _ctx: worker::ScheduleContext) {
    let cron = event.cron();
    let now = worker::Date::now().as_millis() as i64;
    let bucket = archive::bucket(&env);
    if let Err(err) = &bucket {
        console_error!("sweep: no archive bucket: {err}");
    }
    // Each database on its own: one that fails does not stop the others.
    for (name, db) in store::databases::each(&env) {
        let db = match db {
            Ok(db) => db,
            Err(err) => {
                console_error!("sweep: no database {name}: {err}");
                continue;
            }
        };
        if cron == alerts::CRON {
            match alerts::run(&env, &db, &name, now).await {
                Ok(run) => console_log!(
                    "alerts in {name}: {} rules judged, {} changed, {} digests, \
                     {} deliveries queued, {} rows read, {} ms",
                    run.rules,
                    run.news,
                    run.digests,
                    run.queued,
                    run.rows_read,
                    worker::Date::now().as_millis() as i64 - now
                ),
                Err(err) => console_error!("alerts in {name} failed: {err}"),
            }
            if let Ok(bucket) = &bucket {
                match archive::run(&env, (&name, &db), bucket, now, None).await {
                    Ok(run) => console_log!(
                        "archive in {name}: {} chunks, {} rows, {} failed, {} abandoned",
                        run.chunks,
                        run.rows,
                        run.failed,
                        run.abandoned
                    ),
                    Err(err) => console_error!("archive in {name} failed: {err}"),
                }
            }
            continue;
        }
        if let Err(err) = webhook::outbox::sweep(&env, &db, now).await {
            console_error!("webhook outbox sweep of {name} failed: {err}");
        }
        if cron == webhook::outbox::SWEEP_CRON {
            continue;
        }
        // R2 first: an expired chunk's rows are put back for D1's sweep.
        if let Ok(bucket) = &bucket {
            match archive::retention::sweep(&env, (&name, &db), bucket, now).await {
                Ok(swept) => console_log!(
                    "retention in {name}'s archive: {} chunks expired, {} with text blanked, \
                     {} left for the next sweep",
                    swept.expired,
                    swept.blanked,
                    swept.failed
                ),
                Err(err) => console_error!("retention in {name}'s archive failed: {err}"),
            }
        }
        if let Err(err) = store::retention::sweep(&db).await {
            console_error!("retention sweep of {name} failed: {err}");
        }
    }
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, ctx: Context) -> Result<Response> {
    let local_faults = faults::allowed(
        env.var(bindings::LOCAL_FAULTS)
            .ok()
            .map(|var| var.to_string()),
    );
    let answer = match router(ctx).run(req, env).await {
        // The router answers a known path with the wrong method itself, in plain text.
        Ok(response) if response.status_code() == 405 => Refusal::new(
            ErrorCode::MethodNotAllowed,
            "this route does not accept that method",
        )
        .into_response(),
        other => other,
    };
    // Infrastructure faults (D1 unreachable, ...) still get a JSON body.
    let answer = answer.or_else(|err| {
        console_error!("internal error: {err}");
        Refusal::new(ErrorCode::Internal, "the collector failed; try again later").into_response()
    })?;
    let mut answer = respond::secured(answer)?;
    if local_faults {
        // What the isolate's D1 calls number now, for tests that count
        // what a request costs (see `store::busy::calls`).
        answer
            .headers_mut()
            .set(faults::CALLS_HEADER, &store::busy::calls().to_string())?;
    }
    Ok(answer)
}
