//! Nothing lost: every event waits in storage until the collector has it.
//! Events are flushed in batches of at most 20, after a short pause or at
//! once after a click; network failures and 5xx are retried with
//! exponential backoff and jitter, a 429 waits for its `Retry-After`, a
//! permanent 4xx is dropped with a console warning. On `pagehide` what is
//! left goes by `sendBeacon`. Each event is stored under its own key, so
//! two tabs never overwrite each other's queue; a resend is harmless
//! because the collector stores an event id once.

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
        let Ok(json) = serde_json::to_string(event) else {
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
            let batch: Vec<(String, String)> = self.waiting().into_iter().take(MAX_BATCH).collect();
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

    /// On `pagehide`: hands what waits to `sendBeacon` (within the body
    /// limit); keeps whatever the browser would not take.
    pub fn beacon(&self) {
        let waiting = self.waiting();
        if waiting.is_empty() {
            return;
        }
        let mut taken = Vec::new();
        let mut size = 200; // the envelope around the events
        for (key, json) in waiting
            .iter()
            .take(protocol::limits::MAX_EVENTS_PER_REQUEST)
        {
            size += json.len() + 1;
            if size > MAX_BODY_BYTES {
                break;
            }
            taken.push((key, json));
        }
        let events = still_json(taken.iter().map(|(_, json)| *json));
        if self.collector.beacon(&events) {
            for (key, _) in taken {
                storage::remove(key);
            }
        }
    }
}
