//! The edge collector as the widget sees it: where feedback is sent
//! (`POST /v1/events`) and where settings and copy come from.

use gloo_net::http::{Request, Response};
use protocol::ids::check_locale;
use protocol::{Envelope, WidgetConfig};

use crate::answers;

/// How long the widget waits for its settings or copy before going on
/// without them.
const READ_TIMEOUT_MS: u32 = 4_000;

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

    /// The request body for `events` (each already JSON), stamped with
    /// the client's clock at `sent_at`.
    pub fn body_at(&self, events: &[String], sent_at: i64) -> String {
        Envelope::body_of(&self.site_key, sent_at, events)
    }

    /// The request body for `events`, stamped with the client's clock now.
    fn body(&self, events: &[String]) -> String {
        self.body_at(events, js_sys::Date::now() as i64)
    }

    /// The bytes of a request's envelope around its events (the events
    /// and the commas between them come on top).
    pub fn envelope_bytes(&self) -> usize {
        self.body(&[]).len()
    }

    /// Sends `events` (each already JSON) as `text/plain` (a CORS-simple
    /// request: no preflight, and what `sendBeacon` sends too) and says
    /// what became of them.
    pub async fn deliver(&self, events: &[String]) -> Delivery {
        let sent = match Request::post(&self.events_url())
            .header("Content-Type", "text/plain;charset=UTF-8")
            .body(self.body(events))
        {
            Ok(request) => request.send().await,
            Err(err) => Err(err),
        };
        let response = match sent {
            Ok(response) => response,
            Err(err) => {
                return Delivery::Failed(format!("could not reach the collector: {err}"));
            }
        };
        let status = response.status();
        match status {
            200..=299 => {
                let report = response
                    .text()
                    .await
                    .ok()
                    .as_deref()
                    .and_then(answers::parse);
                for (code, message) in report.as_ref().map(answers::rejections).unwrap_or_default()
                {
                    web_sys::console::warn_1(
                        &format!("FeedbackBubble: event refused ({code}): {message}").into(),
                    );
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
    pub fn beacon(&self, events: &[String]) -> bool {
        web_sys::window().is_some_and(|window| {
            window
                .navigator()
                .send_beacon_with_opt_str(&self.events_url(), Some(&self.body(events)))
                .unwrap_or(false)
        })
    }

    /// A GET answered with 2xx, giving up after [`READ_TIMEOUT_MS`] so a
    /// slow collector never holds the widget back for long.
    async fn get(&self, path: &str) -> Option<Response> {
        let timeout = web_sys::AbortSignal::timeout_with_u32(READ_TIMEOUT_MS);
        let response = Request::get(&format!("{}{path}", self.endpoint))
            .abort_signal(Some(&timeout))
            .send()
            .await
            .ok()?;
        response.ok().then_some(response)
    }

    /// The copy (FTL) of the shipped locale that best matches `requested`
    /// (most preferred first), with this site's own wording layered in,
    /// that locale's tag, and the version of the site's wording in it.
    pub async fn best_copy(&self, requested: &[String]) -> Option<(String, String, Option<u32>)> {
        // Only well-formed tags, so nothing in them needs escaping.
        let want: Vec<&str> = requested
            .iter()
            .map(String::as_str)
            .filter(|tag| check_locale("want", tag).is_ok())
            .collect();
        let path = format!(
            "/v1/locales/best?want={}&site={}",
            want.join(","),
            self.site_key
        );
        let response = self.get(&path).await?;
        let tag = response.headers().get("Content-Language")?;
        check_locale("Content-Language", &tag).ok()?;
        let version = response
            .headers()
            .get("Feedback-Copy-Version")
            .and_then(|version| protocol::copy_versions::parse_version(&version));
        Some((tag, response.text().await.ok()?, version))
    }

    /// The site's widget settings, if the collector answers.
    pub async fn settings(&self) -> Option<WidgetConfig> {
        let path = format!("/v1/sites/{}/config", self.site_key);
        let response = self.get(&path).await?;
        answers::widget_config(&answers::parse(&response.text().await.ok()?)?)
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
