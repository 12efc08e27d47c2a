//! Telling the site owner about bad news as it happens: a 👎 or a CSAT
//! answer of 1–2 is POSTed to the site's webhook after the response has
//! gone out (`waitUntil`), signed so the receiver can trust it.

use protocol::secret::{SIGNATURE_HEADER, sign_webhook};
use protocol::webhook_url::check_webhook_url;
use protocol::{Event, EventKind, Rating};
use std::future::Future;

use serde_json::json;
use wasm_bindgen::JsValue;
use worker::{Context, Fetch, Headers, Method, Request, RequestInit, console_warn};

use crate::sites::Site;

/// Whether an event is bad news: a 👎, or a CSAT answer of 1 or 2.
pub fn is_negative(event: &Event) -> bool {
    match &event.kind {
        EventKind::MessageFeedback(feedback) => feedback.rating == Rating::Down,
        EventKind::CsatResponse(answer) => answer.score <= 2,
        EventKind::CsatOffered(_) | EventKind::CsatDismissed(_) => false,
    }
}

async fn deliver(url: String, signature: String, body: String) -> worker::Result<u16> {
    let headers = Headers::new();
    headers.set("Content-Type", "application/json")?;
    headers.set(SIGNATURE_HEADER, &signature)?;
    let mut init = RequestInit::new();
    // A redirect is not followed: it could lead from the checked public
    // host to one the check refuses (a 3xx counts as a failed delivery).
    init.with_method(Method::Post)
        .with_headers(headers)
        .with_body(Some(JsValue::from_str(&body)))
        .with_redirect(worker::RequestRedirect::Manual);
    let request = Request::new_with_init(&url, &init)?;
    Ok(Fetch::Request(request).send().await?.status_code())
}

/// Whether this deployment may call webhooks on this machine: only a
/// local collector started with `--var LOCAL_WEBHOOKS:allowed` (`cargo
/// xtask demo` and the tests).
pub fn loopback_allowed(var: Option<String>) -> bool {
    var.as_deref() == Some("allowed")
}

/// The POST for `stored`'s negative events, if the site has a webhook this
/// deployment may call and there are any; run it with
/// [`Context::wait_until`] or await it.
pub fn delivery(
    site: &Site,
    stored: &[Event],
    loopback_allowed: bool,
) -> Option<impl Future<Output = ()> + 'static> {
    let url = site.config.webhook_url.clone()?;
    if let Err(problem) = check_webhook_url(&url, loopback_allowed) {
        console_warn!("site {}: {problem}; not called", site.site_key);
        return None;
    }
    let negative: Vec<&Event> = stored.iter().filter(|event| is_negative(event)).collect();
    if negative.is_empty() {
        return None;
    }
    let body = json!({ "site_key": site.site_key, "events": negative }).to_string();
    let signature = sign_webhook(site.webhook_key(), body.as_bytes());
    Some(async move {
        match deliver(url.clone(), signature, body).await {
            Ok(status) if (200..300).contains(&status) => {}
            Ok(status) => console_warn!("webhook {url} answered {status}"),
            Err(err) => console_warn!("webhook {url} failed: {err}"),
        }
    })
}

/// Schedules the webhook POST after the response has gone out.
pub fn notify(ctx: &Context, site: &Site, stored: &[Event], loopback_allowed: bool) {
    if let Some(delivery) = delivery(site, stored, loopback_allowed) {
        ctx.wait_until(delivery);
    }
}
