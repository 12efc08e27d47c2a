//! `cargo xtask site copy`: a site's own wording for one locale, sent to
//! the collector (`PUT /v1/sites/{key}/copy/{locale}`), which checks it with
//! the same checker as `cargo xtask locales check`; its diagnostics are
//! printed as they come. Without a file, prints what shoppers get: the
//! shipped copy with the site's wording layered in.

use anyhow::{Context, Result, bail};
use serde_json::Value;

/// Where and as whom to talk to the collector.
pub struct CopyTarget {
    /// The collector, e.g. `http://127.0.0.1:8787`.
    pub endpoint: String,
    /// The site's public key.
    pub site_key: String,
    /// The locale tag.
    pub locale: String,
}

fn agent() -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            // A collector that never answers is reported, not waited on.
            .timeout_global(Some(std::time::Duration::from_secs(60)))
            .build(),
    )
}

/// The error body's message, or the raw body.
fn explain(body: &str) -> String {
    let Ok(json) = serde_json::from_str::<Value>(body) else {
        return body.to_string();
    };
    let mut text = json
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or(body)
        .to_string();
    if let Some(diagnostics) = json.get("diagnostics").and_then(Value::as_array) {
        for diagnostic in diagnostics.iter().filter_map(Value::as_str) {
            text.push('\n');
            text.push_str(diagnostic);
        }
    }
    text
}

/// Stores `ftl` as the site's copy for the locale.
pub fn put(target: &CopyTarget, secret: &str, ftl: &str) -> Result<()> {
    let url = format!(
        "{}/v1/sites/{}/copy/{}",
        target.endpoint.trim_end_matches('/'),
        target.site_key,
        target.locale
    );
    let mut response = agent()
        .put(&url)
        .header("Authorization", &format!("Bearer {secret}"))
        .header("Content-Type", "text/plain; charset=utf-8")
        .send(ftl)
        .with_context(|| format!("cannot reach the collector at {url}"))?;
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().unwrap_or_default();
    if status != 200 {
        bail!(
            "the collector refused the copy ({status}): {}",
            explain(&body)
        );
    }
    println!(
        "{} {}: stored; shoppers see it on their next page load",
        target.site_key, target.locale
    );
    Ok(())
}

/// The locale's copy as the widget receives it for this site.
pub fn show(target: &CopyTarget) -> Result<String> {
    let url = format!(
        "{}/v1/locales/{}?site={}",
        target.endpoint.trim_end_matches('/'),
        target.locale,
        target.site_key
    );
    let mut response = agent()
        .get(&url)
        .call()
        .with_context(|| format!("cannot reach the collector at {url}"))?;
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().unwrap_or_default();
    if status != 200 {
        bail!("the collector answered {status}: {}", explain(&body));
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_print_their_message_and_every_diagnostic() {
        let body = r#"{"code":"invalid_copy","message":"the copy has 2 errors","diagnostics":["copy/de.ftl:1:1: error[syntax] a","copy/de.ftl:2:1: error[x] b"]}"#;
        assert_eq!(
            explain(body),
            "the copy has 2 errors\ncopy/de.ftl:1:1: error[syntax] a\ncopy/de.ftl:2:1: error[x] b"
        );
        assert_eq!(explain("plain text"), "plain text");
    }
}
