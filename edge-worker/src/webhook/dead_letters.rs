//! Deliveries that failed every retry. The dead-letter queue's consumer
//! records which events each one carried (ids only, no shopper text), and
//! `GET /v1/sites/{site_key}/webhook/failures` (bearer secret) lists the
//! latest, so the owner learns what their webhook missed.

use protocol::{EventId, Need, WebhookBody, WebhookFailures};
use worker::{
    Context, D1Database, Date, Env, Message, MessageBatch, MessageExt, QueueRetryOptionsBuilder,
    Request, Response, Result, RouteContext, console_error, console_warn,
};

use super::Delivery;
use crate::access::{Access, authorize};
use crate::refusal::Refusal;
use crate::respond;
use crate::store;

/// Failures listed per request.
const LISTED: u32 = 100;

/// Records that `delivery` never reached the site's webhook: which events
/// it carried (ids only), when it was queued, and now.
async fn record(db: &D1Database, delivery: &Delivery) -> Result<()> {
    // The body was built by this Worker from `WebhookBody`.
    let event_ids: Vec<String> = serde_json::from_str::<WebhookBody<EventId>>(&delivery.body)
        .map(|body| body.events.into_iter().map(|event| event.id).collect())
        .unwrap_or_default();
    let now = Date::now().as_millis() as i64;
    store::webhook_failures::record(db, &delivery.site_key, delivery.queued_at, now, &event_ids)
        .await
}

/// Records `delivery` in the site's database and, while the site moves,
/// in the one it moves to too. Recording is idempotent, so a retry after a
/// half-done record adds nothing.
async fn record_for_site(env: &Env, delivery: &Delivery) -> Result<()> {
    for db in store::databases::for_writes(env, &delivery.site_key).await? {
        record(&db, delivery).await?;
    }
    Ok(())
}

/// Records a batch from the dead-letter queue. A message whose record
/// could not be written is retried.
pub async fn consume<T>(batch: MessageBatch<T>, env: Env) -> Result<()> {
    for raw in batch.raw_iter() {
        let message = match Message::<Delivery>::try_from(raw) {
            Ok(message) => message,
            Err(err) => {
                console_warn!("dropping an unreadable dead letter: {err}");
                continue;
            }
        };
        let delivery = message.body();
        console_error!(
            "site {}: a webhook delivery failed every retry",
            delivery.site_key
        );
        match record_for_site(&env, delivery).await {
            Ok(()) => message.ack(),
            Err(err) => {
                console_error!("a failed webhook delivery could not be recorded: {err}");
                // D1 may be back in a minute; the queue allows 10 tries.
                message.retry_with_options(
                    &QueueRetryOptionsBuilder::new()
                        .with_delay_seconds(60)
                        .build(),
                );
            }
        }
    }
    Ok(())
}

/// `GET /v1/sites/{site_key}/webhook/failures`: the latest deliveries that
/// failed every retry, newest first.
pub async fn list(
    req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Owner).await?;
    let failures = store::webhook_failures::latest(&db, &site.site_key, LISTED).await?;
    Ok(respond::json(&WebhookFailures { failures }, 200)?)
}
