//! Where feedback is sent: the edge collector's `POST /v1/events`.

use gloo_net::http::Request;
use protocol::{Envelope, Event, IngestReport};

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

    /// The body for `events`, stamped with the client's clock now.
    pub fn envelope(&self, events: Vec<Event>, now_ms: i64) -> Envelope {
        Envelope {
            site_key: self.site_key.clone(),
            sent_at: now_ms,
            events,
        }
    }

    /// Sends `events` as `text/plain` (a CORS-simple request: no preflight,
    /// and what `sendBeacon` sends too).
    pub async fn send(&self, events: Vec<Event>) -> Result<IngestReport, String> {
        let now_ms = js_sys::Date::now() as i64;
        let body = serde_json::to_string(&self.envelope(events, now_ms))
            .map_err(|err| format!("could not encode feedback: {err}"))?;
        let response = Request::post(&self.events_url())
            .header("Content-Type", "text/plain;charset=UTF-8")
            .body(body)
            .map_err(|err| err.to_string())?
            .send()
            .await
            .map_err(|err| format!("could not reach the collector: {err}"))?;
        if !response.ok() {
            let status = response.status();
            let detail = response.text().await.unwrap_or_default();
            return Err(format!(
                "the collector refused feedback ({status}): {detail}"
            ));
        }
        response
            .json::<IngestReport>()
            .await
            .map_err(|err| format!("unexpected answer from the collector: {err}"))
    }
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
