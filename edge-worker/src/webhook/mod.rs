//! Telling the site owner about bad news as it happens: once a 👎 or a
//! CSAT answer of 1–2 is stored, its delivery is queued (`WEBHOOK_QUEUE`).
//! The queue's consumer POSTs it signed, with a timeout, and retries with
//! backoff ([`deliver`]); a delivery that fails every retry goes to the
//! dead-letter queue, whose consumer records it for the site
//! ([`dead_letters`]). Ingest never waits on a receiver.

pub mod dead_letters;
pub mod deliver;
mod retry;

use protocol::{Event, EventKind, Rating, WebhookBody};
use serde::{Deserialize, Serialize};
use worker::{Queue, console_warn};

use crate::sites::Site;

/// The binding deliveries are queued on.
pub const QUEUE: &str = "WEBHOOK_QUEUE";

/// Whether a queue (by its name in `wrangler.toml`) holds deliveries.
pub fn is_delivery_queue(name: &str) -> bool {
    name.ends_with("-webhooks")
}

/// Whether a queue holds the deliveries that failed every retry.
pub fn is_dead_letter_queue(name: &str) -> bool {
    name.ends_with("-webhooks-dead")
}

/// Whether this deployment may call webhooks on this machine: only a
/// local collector started with `--var LOCAL_WEBHOOKS:allowed` (`cargo
/// xtask demo` and the tests).
pub fn loopback_allowed(var: Option<String>) -> bool {
    var.as_deref() == Some("allowed")
}

/// Whether an event is bad news: a 👎, or a CSAT answer of 1 or 2.
pub fn is_negative(event: &Event) -> bool {
    match &event.kind {
        EventKind::MessageFeedback(feedback) => feedback.rating == Rating::Down,
        EventKind::CsatResponse(answer) => answer.score <= 2,
        EventKind::CsatOffered(_) | EventKind::CsatDismissed(_) => false,
    }
}

/// One queued delivery: the body to POST, built when its events were
/// stored. Where it goes and how it is signed are read when it is sent, so
/// a changed URL or a revoked webhook applies to retries too.
#[derive(Debug, Serialize, Deserialize)]
pub struct Delivery {
    /// The site whose webhook gets it.
    pub site_key: String,
    /// The JSON body (a [`WebhookBody`]), exactly as signed and sent. Text, because queue messages cross into
    /// JavaScript, where JSON objects would become `Map`s.
    pub body: String,
    /// When it was queued (unix ms): the retries' backoff grows with it.
    pub queued_at: i64,
}

impl Delivery {
    /// The delivery of `stored`'s negative events, if the site has a
    /// webhook and there are any.
    pub fn of(site: &Site, stored: &[Event], now: i64) -> Option<Delivery> {
        site.config.webhook_url.as_ref()?;
        let negative: Vec<&Event> = stored.iter().filter(|event| is_negative(event)).collect();
        if negative.is_empty() {
            return None;
        }
        let body = WebhookBody {
            site_key: site.site_key.clone(),
            events: negative,
        };
        match serde_json::to_string(&body) {
            Ok(body) => Some(Delivery {
                site_key: site.site_key.clone(),
                body,
                queued_at: now,
            }),
            Err(err) => {
                console_warn!("site {}: webhook body not built: {err}", site.site_key);
                None
            }
        }
    }
}

/// Queues `delivery`. The feedback is stored already, so a queue that
/// cannot take it costs the notification only, and is logged.
pub async fn enqueue(queue: worker::Result<Queue>, delivery: Delivery) {
    let site_key = delivery.site_key.clone();
    let sent = match queue {
        Ok(queue) => queue.send(delivery).await,
        Err(err) => Err(err),
    };
    if let Err(err) = sent {
        console_warn!("site {site_key}: the webhook delivery was not queued: {err}");
    }
}
