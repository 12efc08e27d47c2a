//! The delivery queue's consumer: POSTs each queued delivery to its site's
//! webhook, signed at send time (`t=…,v1=…`), abandons a POST that takes
//! longer than the timeout, and retries a failed one after a backoff. A
//! redirect is not followed: it could lead from the checked public host to
//! one the check refuses, so a 3xx counts as a failure.

use crate::bindings;
use std::collections::BTreeMap;
use std::pin::pin;
use std::time::Duration;

use futures_util::future::{Either, select};
use protocol::secret::{SIGNATURE_HEADER, sign_webhook};
use protocol::webhook_url::{check_webhook_url, redacted};
use wasm_bindgen::JsValue;
use worker::{
    AbortController, Date, Delay, Env, Fetch, Headers, Message, MessageBatch, MessageExt, Method,
    QueueRetryOptionsBuilder, Request, RequestInit, console_warn,
};

use super::retry::RetryPolicy;
use super::{Delivery, Target};
use crate::sites::Site;
use crate::store;

/// What one try came to.
enum Outcome {
    /// The receiver answered 2xx.
    Delivered,
    /// Nothing to send any more: the site, its webhook or its signing
    /// secret is gone, or the URL is one this deployment may not call.
    Dropped(String),
    /// Worth another try later.
    Failed(String),
}

/// POSTs `body` to `url`, signed when `signature` is given; the
/// receiver's status, or why there is none. The answer's body is read
/// (and dropped) within the timeout, so no connection is left waiting on it.
async fn post(
    url: &str,
    signature: Option<&str>,
    body: &str,
    timeout_ms: u32,
) -> Result<u16, String> {
    let headers = Headers::new();
    let mut init = RequestInit::new();
    let request = headers
        .set("Content-Type", "application/json")
        .and_then(|()| match signature {
            Some(signature) => headers.set(SIGNATURE_HEADER, signature),
            None => Ok(()),
        })
        .and_then(|()| {
            init.with_method(Method::Post)
                .with_headers(headers)
                .with_body(Some(JsValue::from_str(body)))
                .with_redirect(worker::RequestRedirect::Manual);
            Request::new_with_init(url, &init)
        })
        .map_err(|err| err.to_string())?;
    let controller = AbortController::default();
    let signal = controller.signal();
    let fetch = Fetch::Request(request);
    let sending = pin!(async {
        let mut response = fetch.send_with_signal(&signal).await?;
        let status = response.status_code();
        // What the receiver answered is not used; reading it ends the
        // exchange (the timeout bounds it too).
        let _ = response.bytes().await;
        Ok::<u16, worker::Error>(status)
    });
    let timer = pin!(Delay::from(Duration::from_millis(u64::from(timeout_ms))));
    match select(sending, timer).await {
        Either::Left((answer, _)) => answer.map_err(|err| err.to_string()),
        Either::Right(((), _)) => {
            controller.abort();
            Err(format!("no answer within {timeout_ms} ms"))
        }
    }
}

/// The sites this batch's deliveries belong to, each looked up once, afresh.
#[derive(Default)]
struct Sites(BTreeMap<String, Option<Site>>);

impl Sites {
    async fn get(&mut self, env: &Env, key: &str) -> worker::Result<Option<&Site>> {
        if !self.0.contains_key(key) {
            let db = store::databases::for_site(env, key).await?;
            let site = Site::find(&db, key).await?;
            self.0.insert(key.to_string(), site);
        }
        Ok(self.0.get(key).and_then(Option::as_ref))
    }
}

/// One try of `delivery`.
async fn attempt(
    env: &Env,
    sites: &mut Sites,
    delivery: &Delivery,
    policy: RetryPolicy,
    loopback_allowed: bool,
) -> Outcome {
    let site = match sites.get(env, &delivery.site_key).await {
        Ok(Some(site)) => site,
        Ok(None) => return Outcome::Dropped("the site is gone".into()),
        Err(err) => return Outcome::Failed(format!("the site could not be read: {err}")),
    };
    let url = match delivery.to {
        Target::Webhook => site.config.webhook_url.as_deref(),
        Target::Chat => site.config.alerts.chat_url.as_deref(),
    };
    let Some(url) = url else {
        return Outcome::Dropped(match delivery.to {
            Target::Webhook => "the site has no webhook any more".into(),
            Target::Chat => "the site has no chat-ops URL any more".into(),
        });
    };
    if check_webhook_url(url, loopback_allowed).is_err() {
        return Outcome::Dropped(format!(
            "{} is not a URL this deployment may call",
            redacted(url)
        ));
    }
    // The webhook's body is signed; a chat service takes its URL as the
    // secret and reads no signature.
    let signature = match delivery.to {
        Target::Webhook => {
            let Some(secret) = site.webhook_secret() else {
                return Outcome::Dropped("the site has no webhook signing secret".into());
            };
            let now_seconds = (Date::now().as_millis() / 1_000) as i64;
            Some(sign_webhook(secret, now_seconds, delivery.body.as_bytes()))
        }
        Target::Chat => None,
    };
    match post(url, signature.as_deref(), &delivery.body, policy.timeout_ms).await {
        Ok(status) if (200..300).contains(&status) => Outcome::Delivered,
        Ok(status) => Outcome::Failed(format!("{} answered {status}", redacted(url))),
        Err(err) => Outcome::Failed(format!("{}: {err}", redacted(url))),
    }
}

/// The retry policy and whether webhooks on this machine may be called,
/// from the Worker's vars.
fn settings(env: &Env) -> (RetryPolicy, bool) {
    let var = |name: &str| env.var(name).ok().map(|var| var.to_string());
    let policy = RetryPolicy::from_vars(
        var(bindings::WEBHOOK_BACKOFF_SECONDS).as_deref(),
        var(bindings::WEBHOOK_TIMEOUT_MS).as_deref(),
    );
    (
        policy,
        super::loopback_allowed(var(bindings::LOCAL_WEBHOOKS)),
    )
}

/// Sends `site` a test delivery now, to `url`: signed as every delivery
/// is, with no events (`{"site_key": …, "events": []}`). What the receiver
/// answered, or why there is no answer.
pub async fn send_test(env: &Env, site: &Site, url: &str) -> Result<u16, String> {
    let (policy, loopback_allowed) = settings(env);
    check_webhook_url(url, loopback_allowed)?;
    let Some(secret) = site.webhook_secret() else {
        return Err("the site has no webhook signing secret".into());
    };
    let body = serde_json::to_string(&protocol::WebhookBody::<()> {
        site_key: site.site_key.clone(),
        events: Vec::new(),
    })
    .map_err(|err| err.to_string())?;
    let now_seconds = (Date::now().as_millis() / 1_000) as i64;
    let signature = sign_webhook(secret, now_seconds, body.as_bytes());
    post(url, Some(&signature), &body, policy.timeout_ms)
        .await
        .map_err(|err| format!("{}: {err}", redacted(url)))
}

/// Delivers a batch from the delivery queue. Each message is acknowledged
/// or retried on its own; the queue moves one that failed every retry
/// (`max_retries` in `wrangler.toml`) to the dead-letter queue.
pub async fn consume<T>(batch: MessageBatch<T>, env: Env) -> worker::Result<()> {
    let (policy, loopback_allowed) = settings(&env);
    let mut sites = Sites::default();
    for raw in batch.raw_iter() {
        let message = match Message::<Delivery>::try_from(raw) {
            Ok(message) => message,
            // Queued by this Worker, so only across a change of the
            // message's shape; acknowledged with the batch, loudly.
            Err(err) => {
                console_warn!("dropping an unreadable webhook delivery: {err}");
                continue;
            }
        };
        let delivery = message.body();
        match attempt(&env, &mut sites, delivery, policy, loopback_allowed).await {
            Outcome::Delivered => message.ack(),
            Outcome::Dropped(why) => {
                console_warn!("site {}: webhook dropped: {why}", delivery.site_key);
                message.ack();
            }
            Outcome::Failed(why) => {
                let age_ms = Date::now().as_millis() as i64 - delivery.queued_at;
                let delay = policy.delay_seconds(age_ms);
                console_warn!(
                    "site {}: webhook failed ({why}); retrying in {delay} s",
                    delivery.site_key
                );
                message.retry_with_options(
                    &QueueRetryOptionsBuilder::new()
                        .with_delay_seconds(delay)
                        .build(),
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::redacted;

    #[test]
    fn logged_urls_keep_the_host_and_lose_the_token() {
        assert_eq!(
            redacted("https://hooks.slack.com/services/T0/B0/secret?x=1"),
            "https://hooks.slack.com/…"
        );
        assert_eq!(
            redacted("https://user:pw@example.com:8443/a"),
            "https://example.com:8443/…"
        );
        assert_eq!(redacted("nonsense"), "(not a URL)");
    }
}
