//! Telling the site owner about bad news as it happens: a 👎 or a CSAT
//! answer of 1–2 is stored with an outbox row saying a delivery is owed,
//! and the delivery is queued (`WEBHOOK_QUEUE`) from what is stored
//! ([`outbox`]). The queue's consumer POSTs it signed, with a timeout, and
//! retries with backoff ([`deliver`]); a delivery that fails every retry
//! goes to the dead-letter queue, whose consumer records it for the site
//! ([`dead_letters`]). Ingest never waits on a receiver.

pub mod dead_letters;
pub mod deliver;
pub mod outbox;
mod retry;

use protocol::{Event, WebhookBody};
use serde::{Deserialize, Serialize};

use crate::sites::Site;

/// The binding deliveries are queued on.
pub const QUEUE: &str = crate::bindings::WEBHOOK_QUEUE;

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
    /// Where it goes (the webhook for a message queued before alerts).
    #[serde(default)]
    pub to: Target,
}

/// Where a delivery goes, read from the site's settings when it is sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The site's webhook, signed: feedback, and alerts when the site
    /// sends them there.
    #[default]
    Webhook,
    /// The site's chat-ops URL (`alerts.chat_url`), in Slack's format:
    /// alerts and the daily digest.
    Chat,
}

/// Bytes of events one delivery carries at most: a Queue message holds
/// 128 KB, and the ingest consumer merges many requests' events.
const MAX_DELIVERY_EVENT_BYTES: usize = 96 * 1024;

impl Delivery {
    /// The deliveries of `stored`'s negative events, if the site has a
    /// webhook and there are any: as many as keep each under a Queue
    /// message's size, the events in the order they were stored.
    pub fn of(site: &Site, stored: &[Event], now: i64) -> Vec<Delivery> {
        if site.config.webhook_url.is_none() {
            return Vec::new();
        }
        // Events were built from checked JSON; one that does not serialize
        // has no place in any body either.
        let sized: Vec<(&Event, usize)> = stored
            .iter()
            .filter(|event| event.is_bad_news())
            .filter_map(|event| {
                serde_json::to_string(event)
                    .ok()
                    .map(|json| (event, json.len() + 1))
            })
            .collect();
        let sizes: Vec<usize> = sized.iter().map(|(_, size)| *size).collect();
        let mut rest = sized.iter().map(|(event, _)| *event);
        let chunks: Vec<Vec<&Event>> = runs_within(&sizes, MAX_DELIVERY_EVENT_BYTES)
            .into_iter()
            .map(|count| rest.by_ref().take(count).collect())
            .collect();
        chunks
            .into_iter()
            .filter_map(|events| {
                let body = WebhookBody {
                    site_key: site.site_key.clone(),
                    events,
                };
                serde_json::to_string(&body).ok().map(|body| Delivery {
                    site_key: site.site_key.clone(),
                    body,
                    queued_at: now,
                    to: Target::Webhook,
                })
            })
            .collect()
    }
}

/// How to cut items of `sizes`, in order, into runs of at most `max`
/// bytes each: the length of each run. An item larger than `max` alone
/// makes a run of its own.
fn runs_within(sizes: &[usize], max: usize) -> Vec<usize> {
    let mut runs: Vec<usize> = Vec::new();
    let mut bytes = 0;
    for &size in sizes {
        match runs.last_mut() {
            Some(run) if bytes + size <= max => *run += 1,
            _ => {
                runs.push(1);
                bytes = 0;
            }
        }
        bytes += size;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::runs_within;

    #[test]
    fn deliveries_are_cut_to_fit_a_queue_message() {
        assert_eq!(runs_within(&[], 10), Vec::<usize>::new());
        assert_eq!(runs_within(&[4, 4, 2, 1], 10), [3, 1]);
        assert_eq!(runs_within(&[4, 4, 3], 10), [2, 1]);
        // Too large alone: a run of its own, never dropped.
        assert_eq!(runs_within(&[3, 50, 3], 10), [1, 1, 1]);
        assert_eq!(runs_within(&[1; 25], 10).iter().sum::<usize>(), 25);
    }
}
