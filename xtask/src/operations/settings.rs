//! A site's settings as `cargo xtask site add` and `set` take them
//! (`name=value`), applied over the stored ones and checked as the
//! collector checks a settings PUT.

use anyhow::{Result, anyhow, bail};
use protocol::SiteConfig;

/// Reads `name=value` as a setting: JSON where it parses (`true`, `30`,
/// `null`), a comma list for `reason_tags` and `review_labels`, otherwise
/// a string.
fn setting(assignment: &str) -> Result<(String, serde_json::Value)> {
    let (name, raw) = assignment
        .split_once('=')
        .ok_or_else(|| anyhow!("settings are name=value, not {assignment:?}"))?;
    let value = if name == "reason_tags" || name == "review_labels" {
        serde_json::Value::from(
            raw.split(',')
                .map(str::trim)
                .filter(|tag| !tag.is_empty())
                .collect::<Vec<_>>(),
        )
    } else {
        serde_json::from_str(raw).unwrap_or_else(|_| serde_json::Value::from(raw))
    };
    Ok((name.to_string(), value))
}

/// `config` with `assignments` applied, checked.
/// A webhook to this machine is for the local collector only (`cargo xtask
/// demo`, the tests); a deployed collector would refuse to call it.
pub fn check_webhook_target(config: &SiteConfig, remote: bool) -> Result<()> {
    match &config.webhook_url {
        Some(url) => protocol::webhook_url::check_webhook_url(url, !remote)
            .map_err(|problem| anyhow!(problem)),
        None => Ok(()),
    }
}

pub fn apply_settings(
    config: &str,
    assignments: &[String],
    origins: &[String],
) -> Result<SiteConfig> {
    // The stored settings in full (an unreadable config reads as the
    // defaults, as the collector reads it), the assignments over them and
    // the site's origins, checked as the collector checks a settings PUT.
    let stored = SiteConfig::from_json(config).unwrap_or_default();
    let mut document = match serde_json::to_value(&stored)? {
        serde_json::Value::Object(document) => document,
        _ => serde_json::Map::new(),
    };
    for assignment in assignments {
        let (name, value) = setting(assignment)?;
        if name == "allowed_origins" {
            bail!("origins are set with --origin URL (once per origin)");
        }
        document.insert(name, value);
    }
    document.insert(
        "allowed_origins".into(),
        serde_json::Value::from(origins.to_vec()),
    );
    match protocol::Settings::from_json(
        &serde_json::Value::Object(document).to_string(),
        &analytics::is_time_zone,
    ) {
        Ok(settings) => Ok(settings.config),
        Err(errors) => bail!(
            "{}",
            errors
                .iter()
                .map(|(field, problem)| format!("{field}: {problem}"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_parse_as_json_lists_or_strings_and_are_checked() {
        let config = apply_settings(
            r#"{"store_text": false}"#,
            &[
                "csat_mode=scale5".into(),
                "reason_tags=wrong_answer, too_long".into(),
                "store_text=true".into(),
                "idle_end_seconds=120".into(),
                "webhook_url=https://hooks.example/feedback".into(),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(config.csat_mode, protocol::CsatMode::Scale5);
        assert_eq!(config.reason_tags, ["wrong_answer", "too_long"]);
        assert!(config.store_text);
        assert_eq!(config.idle_end_seconds, Some(120));
        assert!(apply_settings("{}", &["csat_mode=stars".into()], &[]).is_err());
        assert!(apply_settings("{}", &["time_zone=Europe/Berlin".into()], &[]).is_ok());
        assert!(apply_settings("{}", &["time_zone=Mars/Olympus".into()], &[]).is_err());
        assert!(apply_settings("{}", &["colour=red".into()], &[]).is_err());
        let local_hook = apply_settings(
            "{}",
            &["webhook_url=http://127.0.0.1:9000/hook".into()],
            &[],
        )
        .unwrap_or_else(|err| unreachable!("{err}"));
        assert!(
            check_webhook_target(&local_hook, false).is_ok(),
            "the local D1"
        );
        assert!(check_webhook_target(&local_hook, true).is_err(), "--remote");
        assert!(
            apply_settings("{}", &["webhook_url=https://169.254.169.254/".into()], &[]).is_err()
        );
        assert!(apply_settings("{}", &["no-equals-sign".into()], &[]).is_err());
        // Origins as the collector checks them: sane, fewer than 21, once each.
        let twice = [
            "https://a.example".to_string(),
            "https://a.example".to_string(),
        ];
        assert!(apply_settings("{}", &[], &twice).is_err());
        let many: Vec<String> = (0..21).map(|n| format!("https://s{n}.example")).collect();
        assert!(apply_settings("{}", &[], &many).is_err());
        assert!(apply_settings("{}", &["allowed_origins=https://x.example".into()], &[]).is_err());
    }
}
