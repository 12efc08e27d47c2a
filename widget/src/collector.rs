//! Where feedback is sent: the edge collector's `POST /v1/events`.

use gloo_net::http::Request;
use protocol::{IngestReport, WidgetConfig};
use serde_json::{Value, json};

/// The collector a site's widget reports to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collector {
    endpoint: String,
    site_key: String,
}

impl Collector {
    /// A collector at `endpoint` (e.g. `https://collector.example`) for `site_key`.
    pub fn new(endpoint: &str, site_key: &str) -> Self {
        Self {
            endpoint: endpoint.trim_end_matches('/').to_string(),
            site_key: site_key.to_string(),
        }
    }

    /// The site's public key.
    pub fn site_key(&self) -> &str {
        &self.site_key
    }

    /// The ingest URL.
    pub fn events_url(&self) -> String {
        format!("{}/v1/events", self.endpoint)
    }

    /// The request body for `events` (already JSON), stamped with the
    /// client's clock now.
    fn body(&self, events: &[Value]) -> String {
        json!({
            "site_key": self.site_key,
            "sent_at": js_sys::Date::now() as i64,
            "events": events,
        })
        .to_string()
    }

    /// Sends `events` as `text/plain` (a CORS-simple request: no preflight,
    /// and what `sendBeacon` sends too) and says what became of them.
    pub async fn deliver(&self, events: &[Value]) -> Delivery {
        let request = Request::post(&self.events_url())
            .header("Content-Type", "text/plain;charset=UTF-8")
            .body(self.body(events));
        let response = match request {
            Ok(request) => request.send().await,
            Err(err) => return Delivery::Refused(err.to_string()),
        };
        let response = match response {
            Ok(response) => response,
            Err(err) => return Delivery::Failed(format!("could not reach the collector: {err}")),
        };
        let status = response.status();
        match status {
            200..=299 => {
                if let Ok(report) = response.json::<IngestReport>().await {
                    for rejection in report.rejected {
                        web_sys::console::warn_1(
                            &format!(
                                "FeedbackBubble: event refused ({}): {}",
                                rejection.code.as_str(),
                                rejection.message
                            )
                            .into(),
                        );
                    }
                }
                Delivery::Stored
            }
            429 => {
                let seconds = response
                    .headers()
                    .get("Retry-After")
                    .and_then(|value| value.trim().parse().ok())
                    .unwrap_or(30);
                Delivery::RetryAfter(seconds)
            }
            408 | 500..=599 => Delivery::Failed(format!("the collector answered {status}")),
            _ => {
                let detail = response.text().await.unwrap_or_default();
                Delivery::Refused(format!("{status}: {detail}"))
            }
        }
    }

    /// Hands `events` to `navigator.sendBeacon`; whether the browser took them.
    pub fn beacon(&self, events: &[Value]) -> bool {
        web_sys::window().is_some_and(|window| {
            window
                .navigator()
                .send_beacon_with_opt_str(&self.events_url(), Some(&self.body(events)))
                .unwrap_or(false)
        })
    }

    /// The site's own wording for `locale` (FTL), if it has any.
    pub async fn site_copy(&self, locale: &str) -> Option<String> {
        let url = format!("{}/v1/sites/{}/copy/{locale}", self.endpoint, self.site_key);
        let response = Request::get(&url).send().await.ok()?;
        if !response.ok() {
            return None;
        }
        response
            .text()
            .await
            .ok()
            .filter(|ftl| !ftl.trim().is_empty())
    }

    /// The site's widget settings, if the collector answers.
    pub async fn settings(&self) -> Option<WidgetConfig> {
        let url = format!("{}/v1/sites/{}/config", self.endpoint, self.site_key);
        let response = Request::get(&url).send().await.ok()?;
        if !response.ok() {
            return None;
        }
        response.json::<WidgetConfig>().await.ok()
    }
}

/// What became of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The collector has the events (some may have been refused one by one).
    Stored,
    /// The collector will never take them (a permanent 4xx).
    Refused(String),
    /// Rate limited: try again after this many seconds.
    RetryAfter(u32),
    /// Offline or a server fault: retry later.
    Failed(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_events_url_ignores_a_trailing_slash() {
        let collector = Collector::new("https://collector.example/", "pk_1");
        assert_eq!(
            collector.events_url(),
            "https://collector.example/v1/events"
        );
    }
}
