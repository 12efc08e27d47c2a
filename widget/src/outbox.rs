//! Nothing lost: every event waits in storage until the collector has it.
//! Events are flushed in batches of at most 20 that fit the collector's
//! body limit, after a short pause or at once after a click; network
//! failures and 5xx are retried with exponential backoff and jitter, a 429
//! waits for its `Retry-After`, a permanent 4xx is dropped with a console
//! warning. On `pagehide` what is left also goes by `sendBeacon`, and
//! stays stored: the browser never says whether a beacon arrived, so the
//! next page's flush sends it again. Each event is stored under its own
//! key, so two tabs never overwrite each other's queue; a resend is
//! harmless because the collector stores an event id once.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use protocol::Event;
use protocol::limits::MAX_BODY_BYTES;

use crate::collector::{Collector, Delivery};
use crate::storage;
use crate::timers::Timer;

/// Events per request.
pub const MAX_BATCH: usize = 20;
/// Events kept waiting at most; past this the oldest go (with a warning).
pub const MAX_WAITING: usize = 500;
/// Pause before a flush that nothing hurries.
const FLUSH_DELAY: Duration = Duration::from_millis(800);
/// Longest wait between retries.
const MAX_BACKOFF_MS: f64 = 60_000.0;

/// The stored events that are still JSON objects (another script on the
/// page could have written over one), ready to be joined into a request.
fn still_json<'a>(stored: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    stored
        .into_iter()
        .filter(|json| js_sys::JSON::parse(json).is_ok_and(|value| value.is_object()))
        .cloned()
        .collect()
}

/// An event as it waits in storage and goes into a request's `events`.
pub fn encode(event: &Event) -> Option<String> {
    serde_json::to_string(event).ok()
}

/// How many of `waiting` (oldest first, as `(key, json)`) go in the next
/// request: at most `max_events`, and no more than fit in `max_bytes`
/// with the envelope's own `overhead` bytes. Never 0 while something
/// waits, so an event too large on its own is tried alone (and refused
/// alone) instead of holding up the queue.
pub fn batch_len(
    waiting: &[(String, String)],
    overhead: usize,
    max_events: usize,
    max_bytes: usize,
) -> usize {
    let mut size = overhead;
    let mut taken = 0;
    for (_, json) in waiting.iter().take(max_events) {
        // Events are joined with a comma.
        size += json.len() + usize::from(taken > 0);
        if size > max_bytes && taken > 0 {
            break;
        }
        taken += 1;
    }
    taken
}

/// The queue of one site's events on this browser.
pub struct Outbox {
    collector: Collector,
    prefix: String,
    in_flight: Cell<bool>,
    failures: Cell<u32>,
    timer_set: Cell<bool>,
}

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("FeedbackBubble: {message}").into());
}

impl Outbox {
    /// The outbox of `collector`'s site.
    pub fn new(collector: Collector) -> Rc<Self> {
        let prefix = format!("outbox:{}:", collector.site_key());
        Rc::new(Self {
            collector,
            prefix,
            in_flight: Cell::new(false),
            failures: Cell::new(0),
            timer_set: Cell::new(false),
        })
    }

    /// Stores `event` and schedules a flush (at once when `urgent`).
    pub fn push(self: &Rc<Self>, event: &Event, urgent: bool) {
        let Some(json) = encode(event) else {
            return;
        };
        // Keys sort by time, then id: a flush sends the oldest first.
        let key = format!("{}{:015}:{}", self.prefix, event.header.at, event.header.id);
        storage::set(&key, &json);
        self.trim();
        self.schedule(if urgent { Duration::ZERO } else { FLUSH_DELAY });
    }

    /// Stored events, oldest first, as `(key, json)`.
    fn waiting(&self) -> Vec<(String, String)> {
        storage::keys_starting_with(&self.prefix)
            .into_iter()
            .filter_map(|key| storage::get(&key).map(|json| (key, json)))
            .collect()
    }

    fn trim(&self) {
        let keys = storage::keys_starting_with(&self.prefix);
        if keys.len() > MAX_WAITING {
            let excess = keys.len() - MAX_WAITING;
            warn(&format!(
                "{excess} undelivered events dropped (more than {MAX_WAITING} waiting)"
            ));
            for key in keys.iter().take(excess) {
                storage::remove(key);
            }
        }
    }

    /// Flushes after `delay`, unless a flush is already scheduled.
    pub fn schedule(self: &Rc<Self>, delay: Duration) {
        if self.timer_set.replace(true) {
            return;
        }
        let outbox = Rc::clone(self);
        let started = Timer::start(delay, move || {
            outbox.timer_set.set(false);
            wasm_bindgen_futures::spawn_local(outbox.flush());
        });
        if started.is_none() {
            self.timer_set.set(false);
        }
    }

    fn backoff(&self) -> Duration {
        let failures = self.failures.get().min(16);
        let base = 1_000.0 * 2f64.powi(failures as i32);
        let jitter = 0.5 + js_sys::Math::random();
        Duration::from_millis((base.min(MAX_BACKOFF_MS) * jitter) as u64)
    }

    /// Sends what waits, batch by batch, until empty or a failure.
    pub async fn flush(self: Rc<Self>) {
        if self.in_flight.replace(true) {
            return;
        }
        loop {
            let mut batch = self.waiting();
            batch.truncate(batch_len(
                &batch,
                self.collector.envelope_bytes(),
                MAX_BATCH,
                MAX_BODY_BYTES,
            ));
            if batch.is_empty() {
                break;
            }
            let events = still_json(batch.iter().map(|(_, json)| json));
            let remove_batch = || batch.iter().for_each(|(key, _)| storage::remove(key));
            if events.is_empty() {
                warn(&format!("{} unreadable stored events dropped", batch.len()));
                remove_batch();
                continue;
            }
            match self.collector.deliver(&events).await {
                Delivery::Stored => {
                    self.failures.set(0);
                    remove_batch();
                }
                Delivery::Refused(reason) => {
                    warn(&format!(
                        "the collector refused {} events: {reason}",
                        events.len()
                    ));
                    remove_batch();
                }
                Delivery::RetryAfter(seconds) => {
                    self.in_flight.set(false);
                    self.schedule(Duration::from_secs(u64::from(seconds).clamp(1, 3_600)));
                    return;
                }
                Delivery::Failed(reason) => {
                    self.failures.set(self.failures.get() + 1);
                    warn(&format!("{reason}; retrying"));
                    self.in_flight.set(false);
                    self.schedule(self.backoff());
                    return;
                }
            }
        }
        self.in_flight.set(false);
    }

    /// On `pagehide`: hands what waits to `sendBeacon` (as much as fits
    /// the body limit). It all stays stored until a flush hears that the
    /// collector has it: a beacon may never arrive.
    pub fn beacon(&self) {
        let mut waiting = self.waiting();
        waiting.truncate(batch_len(
            &waiting,
            self.collector.envelope_bytes(),
            protocol::limits::MAX_EVENTS_PER_REQUEST,
            MAX_BODY_BYTES,
        ));
        let events = still_json(waiting.iter().map(|(_, json)| json));
        if !events.is_empty() {
            self.collector.beacon(&events);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::{
        CsatDismissed, CsatMode, CsatOffered, CsatResponse, EventHeader, EventKind,
        MessageFeedback, Rating,
    };

    fn waiting(sizes: &[usize]) -> Vec<(String, String)> {
        sizes
            .iter()
            .enumerate()
            .map(|(at, size)| (format!("k{at}"), "x".repeat(*size)))
            .collect()
    }

    #[test]
    fn batches_fit_the_body_limit_as_well_as_the_count() {
        // 100 bytes of envelope, events joined by commas: 100 + 300 + 1 + 300
        // = 701 fits in 701, a third does not.
        assert_eq!(batch_len(&waiting(&[300, 300, 300]), 100, 20, 701), 2);
        assert_eq!(batch_len(&waiting(&[300, 300, 300]), 100, 20, 700), 1);
        assert_eq!(
            batch_len(&waiting(&[10; 50]), 100, 20, 65_536),
            20,
            "the count"
        );
        assert_eq!(batch_len(&waiting(&[]), 100, 20, 65_536), 0);
    }

    #[test]
    fn what_the_widget_sends_is_what_the_collector_accepts() {
        let sent_at = 1_750_000_000_000;
        let header = |id: &str| EventHeader {
            id: id.into(),
            conversation_id: "c_1".into(),
            at: sent_at - 1_000,
            locale: "de".into(),
            page: Some("/cart".into()),
        };
        let events = vec![
            Event {
                header: header("ev_1"),
                kind: EventKind::MessageFeedback(MessageFeedback {
                    reason: Some("Zu lang, \"ehrlich\"\n🙃".into()),
                    tags: vec!["too_long".into()],
                    ..MessageFeedback::new("m_1".into(), Rating::Down)
                }),
            },
            Event {
                header: header("ev_2"),
                kind: EventKind::CsatOffered(CsatOffered {
                    mode: CsatMode::Scale5,
                    copy_version: Some(4),
                    about: Default::default(),
                }),
            },
            Event {
                header: header("ev_3"),
                kind: EventKind::CsatResponse(CsatResponse {
                    mode: CsatMode::Scale5,
                    score: 2,
                    comment: Some("naja".into()),
                    completed: true,
                    copy_version: Some(4),
                    about: Default::default(),
                }),
            },
            Event {
                header: header("ev_4"),
                kind: EventKind::CsatDismissed(CsatDismissed {
                    mode: CsatMode::Thumbs,
                }),
            },
        ];
        // Encoded as the outbox stores them, wrapped as the collector
        // client sends them.
        let texts: Vec<String> = events.iter().filter_map(encode).collect();
        let collector = Collector::new("https://collector.example/", "pk_demo");
        let body = collector.body_at(&texts, sent_at);
        let parsed = protocol::parse_envelope(body.as_bytes(), sent_at).unwrap();
        assert_eq!(parsed.site_key, "pk_demo");
        assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
        let received: Vec<Event> = parsed.events.into_iter().map(|(_, event)| event).collect();
        assert_eq!(received, events);

        // Batches are sized by the body's real length.
        let waiting: Vec<(String, String)> = texts
            .iter()
            .enumerate()
            .map(|(index, json)| (format!("k{index}"), json.clone()))
            .collect();
        let overhead = collector.body_at(&[], sent_at).len();
        assert_eq!(batch_len(&waiting, overhead, 20, body.len()), 4);
        assert_eq!(batch_len(&waiting, overhead, 20, body.len() - 1), 3);
    }

    #[test]
    fn an_event_too_large_alone_is_still_tried_alone() {
        assert_eq!(batch_len(&waiting(&[5_000, 10]), 100, 20, 1_000), 1);
    }
}
