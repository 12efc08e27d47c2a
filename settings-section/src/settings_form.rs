//! The Settings form as plain data: what the owner has typed, field by
//! field, read into the settings document `PUT /settings` takes, checked
//! with the collector's own rules (`protocol::Settings`) before it is
//! sent, and the problems shown beside their fields. Tested natively.

use protocol::{CsatMode, FieldErrors, Settings};

use crate::alerts_form::AlertsForm;
use crate::redaction_form::RedactionForm;
use serde_json::{Value, json};

/// Every control's value as the form holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsForm {
    /// Ask for satisfaction when a conversation ends.
    pub csat_enabled: bool,
    /// Thumbs or 1–5.
    pub csat_mode: CsatMode,
    /// The share of conversations asked, in percent.
    pub csat_sample_percent: String,
    /// Fewest answers before the prompt.
    pub csat_min_assistant_messages: String,
    /// Days a shopper is not asked again.
    pub csat_cooldown_days: String,
    /// Reason tags, separated by commas.
    pub reason_tags: String,
    /// Idle auto-end in seconds; empty for off.
    pub idle_end_seconds: String,
    /// Keep the question and answer with a thumb.
    pub store_text: bool,
    /// Days feedback is kept.
    pub retention_days: String,
    /// Days text is kept; empty for as long as feedback.
    pub text_retention_days: String,
    /// Days a conversation stays in the database before the archive.
    pub hot_days: String,
    /// Webhook URL; empty for none.
    pub webhook_url: String,
    /// The shop's name; empty for none.
    pub shop_name: String,
    /// IANA time zone; empty for UTC.
    pub time_zone: String,
    /// Allowed origins, one per line.
    pub allowed_origins: String,
    /// Review labels, one per line.
    pub review_labels: String,
    /// The alert rules and where alerts go.
    pub alerts: AlertsForm,
    /// Whether text is redacted, and the site's own patterns.
    pub redaction: RedactionForm,
}

fn optional(text: &str) -> Value {
    match text.trim() {
        "" => Value::Null,
        text => Value::from(text),
    }
}

/// A number typed into a box, or what was typed (so the check names it).
fn number(text: &str) -> Value {
    text.trim()
        .parse::<u32>()
        .map_or_else(|_| Value::from(text.trim()), Value::from)
}

impl SettingsForm {
    /// The form showing `settings`.
    pub fn of(settings: &Settings) -> Self {
        let config = &settings.config;
        Self {
            csat_enabled: config.csat_enabled,
            csat_mode: config.csat_mode,
            csat_sample_percent: config.csat_sample_percent.to_string(),
            csat_min_assistant_messages: config.csat_min_assistant_messages.to_string(),
            csat_cooldown_days: config.csat_cooldown_days.to_string(),
            reason_tags: config.reason_tags.join(", "),
            idle_end_seconds: config
                .idle_end_seconds
                .map_or_else(String::new, |seconds| seconds.to_string()),
            store_text: config.store_text,
            retention_days: config.retention_days.to_string(),
            text_retention_days: config
                .text_retention_days
                .map_or_else(String::new, |days| days.to_string()),
            hot_days: config.hot_days.to_string(),
            webhook_url: config.webhook_url.clone().unwrap_or_default(),
            shop_name: config.shop_name.clone().unwrap_or_default(),
            time_zone: config.time_zone.clone().unwrap_or_default(),
            allowed_origins: settings.allowed_origins.join("\n"),
            review_labels: config.review_labels.join("\n"),
            alerts: AlertsForm::of(&config.alerts),
            redaction: RedactionForm::of(&config.redaction),
        }
    }

    /// The settings document the form says.
    pub fn document(&self) -> Value {
        let tags: Vec<&str> = self
            .reason_tags
            .split(',')
            .map(str::trim)
            .filter(|tag| !tag.is_empty())
            .collect();
        let origins: Vec<&str> = self
            .allowed_origins
            .lines()
            .map(str::trim)
            .filter(|origin| !origin.is_empty())
            .collect();
        let labels: Vec<&str> = self
            .review_labels
            .lines()
            .map(str::trim)
            .filter(|label| !label.is_empty())
            .collect();
        json!({
            "csat_enabled": self.csat_enabled,
            "csat_mode": self.csat_mode,
            "csat_sample_percent": number(&self.csat_sample_percent),
            "csat_cooldown_days": number(&self.csat_cooldown_days),
            "csat_min_assistant_messages": number(&self.csat_min_assistant_messages),
            "reason_tags": tags,
            "idle_end_seconds": match self.idle_end_seconds.trim() {
                "" => Value::Null,
                seconds => number(seconds),
            },
            "store_text": self.store_text,
            "retention_days": number(&self.retention_days),
            "text_retention_days": match self.text_retention_days.trim() {
                "" => Value::Null,
                days => number(days),
            },
            "hot_days": number(&self.hot_days),
            "webhook_url": optional(&self.webhook_url),
            "shop_name": optional(&self.shop_name),
            "time_zone": optional(&self.time_zone),
            "review_labels": labels,
            "alerts": self.alerts.document(),
            "redaction": self.redaction.document(),
            "allowed_origins": origins,
        })
    }

    /// The settings to send, checked as the collector checks them (a time
    /// zone is left to the collector, which knows the zones); otherwise
    /// every field's problem.
    pub fn checked(&self) -> Result<Settings, FieldErrors> {
        let checked = Settings::from_json(&self.document().to_string(), &|_| true);
        match self.alerts.problem() {
            // Said of the rule and the box, not of `alerts` as a whole.
            Some(problem) => {
                let mut errors = checked.err().unwrap_or_default();
                errors.remove("alerts");
                errors.insert("alerts.rules".to_string(), problem);
                Err(errors)
            }
            None => checked,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::SiteConfig;

    fn settings() -> Settings {
        Settings {
            config: SiteConfig {
                csat_mode: CsatMode::Scale5,
                csat_sample_percent: 40,
                csat_cooldown_days: 14,
                reason_tags: vec!["wrong_answer".into(), "too_long".into()],
                idle_end_seconds: Some(120),
                webhook_url: Some("https://hooks.example/x".into()),
                time_zone: Some("Europe/Berlin".into()),
                ..SiteConfig::default()
            },
            allowed_origins: vec!["https://a.example".into(), "https://b.example".into()],
        }
    }

    #[test]
    fn the_form_shows_the_settings_and_reads_back_the_same() {
        let form = SettingsForm::of(&settings());
        assert_eq!(form.reason_tags, "wrong_answer, too_long");
        assert_eq!(form.idle_end_seconds, "120");
        assert_eq!(
            (
                form.csat_sample_percent.as_str(),
                form.csat_min_assistant_messages.as_str(),
                form.csat_cooldown_days.as_str()
            ),
            ("40", "1", "14")
        );
        assert_eq!(form.text_retention_days, "90");
        assert_eq!(form.allowed_origins, "https://a.example\nhttps://b.example");
        assert_eq!(form.checked(), Ok(settings()));
    }

    #[test]
    fn empty_boxes_mean_none_and_blank_lines_are_ignored() {
        let form = SettingsForm {
            idle_end_seconds: " ".into(),
            text_retention_days: "".into(),
            webhook_url: String::new(),
            shop_name: "  ".into(),
            time_zone: String::new(),
            reason_tags: " , wrong_answer ,".into(),
            allowed_origins: "\nhttps://a.example\n\n".into(),
            ..SettingsForm::of(&settings())
        };
        let checked = form.checked().unwrap();
        assert_eq!(checked.config.idle_end_seconds, None);
        assert_eq!(checked.config.text_retention_days, None);
        assert_eq!(checked.config.webhook_url, None);
        assert_eq!(checked.config.shop_name, None);
        assert_eq!(checked.config.time_zone, None);
        assert_eq!(checked.config.reason_tags, ["wrong_answer"]);
        assert_eq!(checked.allowed_origins, ["https://a.example"]);
    }

    #[test]
    fn what_is_not_a_number_or_out_of_range_is_named_beside_its_field() {
        let form = SettingsForm {
            retention_days: "a year".into(),
            idle_end_seconds: "3".into(),
            csat_sample_percent: "150".into(),
            csat_cooldown_days: "a week".into(),
            allowed_origins: "shop.example".into(),
            ..SettingsForm::of(&settings())
        };
        let errors = form.checked().unwrap_err();
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(
            fields,
            [
                "allowed_origins",
                "csat_cooldown_days",
                "csat_sample_percent",
                "idle_end_seconds",
                "retention_days"
            ]
        );
        assert!(errors["csat_sample_percent"].contains("150"), "{errors:?}");
        assert!(
            errors["csat_cooldown_days"].contains("\"a week\""),
            "{errors:?}"
        );
        assert!(
            errors["retention_days"].contains("\"a year\""),
            "{errors:?}"
        );
    }
}
