//! A site's settings: what the widget asks and what the collector keeps.

use serde::{Deserialize, Serialize};

use crate::csat::CsatMode;
use crate::event::{Event, EventKind};
use crate::ids::check_id;
use crate::rejection::{ErrorCode, FieldError};
use crate::survey::SurveyRules;

/// Most reason tags a site may configure.
pub const MAX_SITE_TAGS: usize = 20;

/// Everything a site owner can set. Unknown keys are refused, so a typo in
/// `cargo xtask site set` is an error rather than a silent no-op.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    /// Show the satisfaction prompt when a conversation resolves.
    pub csat_enabled: bool,
    /// Which prompt: 👍/👎 or 1–5.
    pub csat_mode: CsatMode,
    /// The share of conversations offered the prompt, 0–100.
    pub csat_sample_percent: u8,
    /// Days a shopper who answered or dismissed a prompt is not asked
    /// again, 0–365.
    pub csat_cooldown_days: u16,
    /// Fewest assistant messages a conversation needs for the prompt, 0–50.
    pub csat_min_assistant_messages: u8,
    /// Tags a shopper may pick on 👎 (empty: no tags offered).
    pub reason_tags: Vec<String>,
    /// End an idle conversation (and offer CSAT) after this many seconds;
    /// `None`: only when the host calls `resolve()`.
    pub idle_end_seconds: Option<u32>,
    /// Keep question and answer excerpts sent with thumbs.
    pub store_text: bool,
    /// Delete feedback older than this many days.
    pub retention_days: u32,
    /// Blank shoppers' and assistants' text (question, answer, reason,
    /// comment) older than this many days, keeping ratings and scores;
    /// `None`: as long as the rest (sites from before it existed read so).
    #[serde(default)]
    pub text_retention_days: Option<u32>,
    /// Days a conversation's raw rows stay in D1 after its last activity,
    /// [`HOT_DAYS`]; older ones are moved to R2 whole, and the figures
    /// keep counting them (`ledger::archive`).
    pub hot_days: u32,
    /// Where thumbs-downs and negative CSAT answers are POSTed, signed.
    pub webhook_url: Option<String>,
    /// The shop's name as shoppers know it ("Demo Outdoor Shop"): the
    /// widget's copy says it where a message has a `{ $shop }` variant.
    pub shop_name: Option<String>,
    /// The IANA time zone the site owner's days are in ("Europe/Berlin");
    /// the dashboard's windows and daily series use it. UTC when unset.
    pub time_zone: Option<String>,
    /// The labels a reviewer may give an item of the review queue.
    pub review_labels: Vec<String>,
    /// When the team hears that things go wrong, and where.
    pub alerts: crate::alerts::AlertSettings,
    /// Whether personal data is taken out of text before it is stored or
    /// sent on, and the site's own patterns.
    pub redaction: crate::redact::RedactionSettings,
}

/// What a site keeps of what shoppers and its assistant wrote, and for how
/// long (`GET /v1/sites/{key}/kept`): the dashboard says it beside that
/// text, under the inbox's heading and beside the wording preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    /// The shopper's question and the rated answer are kept beside a thumb
    /// (`store_text`); reasons and comments always are.
    pub questions: bool,
    /// Days that text is kept (`text_retention_days`, at most
    /// `retention_days`).
    pub text_days: u32,
    /// Days ratings, scores and figures are kept (`retention_days`).
    pub days: u32,
    /// E-mail addresses, phone, card and IBAN numbers are taken out before
    /// anything is stored (`redaction.enabled`).
    pub redacted: bool,
}

/// A new site's idle auto-end: ten minutes.
pub const DEFAULT_IDLE_END_SECONDS: u32 = 600;

/// The seconds `idle_end_seconds` may be.
pub const IDLE_END_SECONDS: std::ops::RangeInclusive<u32> = 10..=86_400;

/// The days `retention_days` and `text_retention_days` may be.
pub const RETENTION_DAYS: std::ops::RangeInclusive<u32> = 1..=3650;

/// The days `hot_days` may be: at least the 7 days an event may be late
/// (`limits::MAX_AGE_MS`), so a new event never meets an archived
/// conversation's rows.
pub const HOT_DAYS: std::ops::RangeInclusive<u32> = 7..=365;

/// A site's `hot_days` unless it sets one (sites stored before it existed
/// too).
pub const DEFAULT_HOT_DAYS: u32 = 90;

/// A new site's settings: the prompt offered to everyone after an answer,
/// idle conversations ended after ten minutes, text kept for 90 days with
/// personal data redacted. A stored site reads what it stored; a setting
/// added since (`text_retention_days`, the survey rules) reads as the
/// behaviour the site had before it existed.
impl Default for SiteConfig {
    fn default() -> Self {
        let survey = SurveyRules::default();
        Self {
            csat_enabled: true,
            csat_mode: CsatMode::Thumbs,
            csat_sample_percent: survey.sample_percent,
            csat_cooldown_days: survey.cooldown_days,
            csat_min_assistant_messages: survey.min_assistant_messages,
            reason_tags: Vec::new(),
            idle_end_seconds: Some(DEFAULT_IDLE_END_SECONDS),
            store_text: true,
            retention_days: 365,
            text_retention_days: Some(90),
            hot_days: DEFAULT_HOT_DAYS,
            webhook_url: None,
            shop_name: None,
            time_zone: None,
            review_labels: crate::review::DEFAULT_LABELS
                .iter()
                .map(|label| label.to_string())
                .collect(),
            alerts: crate::alerts::AlertSettings::default(),
            redaction: crate::redact::RedactionSettings::default(),
        }
    }
}

/// The part of a site's settings the widget needs (served publicly).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetConfig {
    /// Show the satisfaction prompt.
    pub csat_enabled: bool,
    /// Which prompt.
    pub csat_mode: CsatMode,
    /// The share of conversations offered the prompt (served by collectors
    /// from before it existed without it: everyone).
    #[serde(default = "every_conversation")]
    pub csat_sample_percent: u8,
    /// Days a shopper is not asked again.
    #[serde(default)]
    pub csat_cooldown_days: u16,
    /// Fewest assistant messages before the prompt.
    #[serde(default = "one_message")]
    pub csat_min_assistant_messages: u8,
    /// Tags offered on 👎.
    pub reason_tags: Vec<String>,
    /// Idle auto-end, in seconds.
    pub idle_end_seconds: Option<u32>,
    /// Whether excerpts are kept (the widget sends none otherwise).
    pub store_text: bool,
    /// The shop's name, when the site has set one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_name: Option<String>,
}

fn every_conversation() -> u8 {
    SurveyRules::default().sample_percent
}

fn one_message() -> u8 {
    SurveyRules::default().min_assistant_messages
}

impl WidgetConfig {
    /// Who is offered the prompt.
    pub fn survey(&self) -> SurveyRules {
        SurveyRules {
            sample_percent: self.csat_sample_percent,
            cooldown_days: self.csat_cooldown_days,
            min_assistant_messages: self.csat_min_assistant_messages,
        }
    }

    /// The JSON served to widgets.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A strong validator for `to_json`'s bytes (quoted, as HTTP wants it).
    pub fn etag(&self) -> String {
        let digest = crate::secret::hash_secret(&self.to_json());
        format!("\"{}\"", digest.get(..32).unwrap_or(&digest))
    }
}

/// A webhook URL as stored settings may hold it: `https://` to a public
/// host, or to this machine (which only a local collector calls, see
/// `webhook_url`); never a private, link-local or metadata address.
fn check_webhook(url: &str) -> Result<(), String> {
    crate::webhook_url::check_webhook_url(url, true)
}

/// Longest shop name, in characters.
pub const MAX_SHOP_NAME_CHARS: usize = 80;

fn check_shop_name(name: &str) -> Result<(), String> {
    let length = name.chars().count();
    if name.trim() != name || length == 0 || length > MAX_SHOP_NAME_CHARS {
        return Err(format!(
            "shop_name must be 1 to {MAX_SHOP_NAME_CHARS} characters without leading or trailing spaces, not {name:?}"
        ));
    }
    if name.chars().any(char::is_control) {
        return Err("shop_name must not contain control characters".to_string());
    }
    Ok(())
}

/// Checks that `zone` looks like an IANA name; whether the zone exists is
/// for the code that knows the zones (the collector answers UTC otherwise).
fn check_time_zone_shape(zone: &str) -> Result<(), String> {
    let shaped = !zone.is_empty()
        && zone.len() <= 64
        && zone
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/_+-".contains(c));
    if shaped {
        Ok(())
    } else {
        Err(format!(
            "time_zone must be an IANA time zone such as \"Europe/Berlin\", not {zone:?}"
        ))
    }
}

impl SiteConfig {
    /// Parses and checks a configuration document.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let config: SiteConfig =
            serde_json::from_str(text).map_err(|err| format!("site config: {err}"))?;
        config.validate()?;
        Ok(config)
    }

    /// Checks every field's bounds; the first problem.
    pub fn validate(&self) -> Result<(), String> {
        match self.problems().into_iter().next() {
            Some((_, problem)) => Err(problem),
            None => Ok(()),
        }
    }

    /// Every field's problem, by field name (none for good settings).
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.reason_tags.len() > MAX_SITE_TAGS {
            problems.push((
                "reason_tags",
                format!("at most {MAX_SITE_TAGS} reason_tags"),
            ));
        } else if let Some(problem) = self
            .reason_tags
            .iter()
            .find_map(|tag| check_id("reason_tags", tag).err())
        {
            problems.push(("reason_tags", problem.message));
        }
        problems.extend(self.survey().problems());
        let (idle, kept) = (IDLE_END_SECONDS, RETENTION_DAYS);
        if let Some(seconds) = self.idle_end_seconds
            && !idle.contains(&seconds)
        {
            problems.push((
                "idle_end_seconds",
                format!(
                    "idle_end_seconds must be {} to {} (or null for off), not {seconds}",
                    idle.start(),
                    idle.end()
                ),
            ));
        }
        if !kept.contains(&self.retention_days) {
            problems.push((
                "retention_days",
                format!(
                    "retention_days must be {} to {}, not {}",
                    kept.start(),
                    kept.end(),
                    self.retention_days
                ),
            ));
        }
        if let Some(days) = self.text_retention_days
            && !kept.contains(&days)
        {
            problems.push((
                "text_retention_days",
                format!(
                    "text_retention_days must be {} to {} (or null for as long as feedback), not {days}",
                    kept.start(),
                    kept.end()
                ),
            ));
        }
        if !HOT_DAYS.contains(&self.hot_days) {
            problems.push((
                "hot_days",
                format!(
                    "hot_days must be {} to {}, not {}",
                    HOT_DAYS.start(),
                    HOT_DAYS.end(),
                    self.hot_days
                ),
            ));
        }
        if let Some(url) = &self.webhook_url
            && let Err(problem) = check_webhook(url)
        {
            problems.push(("webhook_url", problem));
        }
        if let Some(name) = &self.shop_name
            && let Err(problem) = check_shop_name(name)
        {
            problems.push(("shop_name", problem));
        }
        if let Some(zone) = &self.time_zone
            && let Err(problem) = check_time_zone_shape(zone)
        {
            problems.push(("time_zone", problem));
        }
        if let Err(problem) = crate::review::check_labels(&self.review_labels) {
            problems.push(("review_labels", problem));
        }
        problems.extend(self.alerts.problems());
        problems.extend(self.redaction.problems());
        if !self.alerts.rules.is_empty() && !self.alerts.delivers(self.webhook_url.is_some()) {
            problems.push((
                "alerts.rules",
                "alerts need somewhere to go: give a chat-ops URL, or send them to the webhook \
                 (with a webhook URL)"
                    .into(),
            ));
        }
        problems
    }

    /// What is kept of text, and for how long.
    pub fn kept(&self) -> Kept {
        Kept {
            questions: self.store_text,
            text_days: self
                .text_retention_days
                .map_or(self.retention_days, |days| days.min(self.retention_days)),
            days: self.retention_days,
            redacted: self.redaction.enabled,
        }
    }

    /// Who is offered the prompt.
    pub fn survey(&self) -> SurveyRules {
        SurveyRules {
            sample_percent: self.csat_sample_percent,
            cooldown_days: self.csat_cooldown_days,
            min_assistant_messages: self.csat_min_assistant_messages,
        }
    }

    /// What the widget is told.
    pub fn widget(&self) -> WidgetConfig {
        WidgetConfig {
            csat_enabled: self.csat_enabled,
            csat_mode: self.csat_mode,
            csat_sample_percent: self.csat_sample_percent,
            csat_cooldown_days: self.csat_cooldown_days,
            csat_min_assistant_messages: self.csat_min_assistant_messages,
            reason_tags: self.reason_tags.clone(),
            idle_end_seconds: self.idle_end_seconds,
            store_text: self.store_text,
            shop_name: self.shop_name.clone(),
        }
    }

    /// Applies this site's rules to a checked event: tags must come from the
    /// site's list; excerpts are dropped unless the site stores text; what
    /// text is kept is redacted (while redaction is on).
    pub fn admit(&self, mut event: Event) -> Result<Event, FieldError> {
        if let EventKind::MessageFeedback(feedback) = &mut event.kind {
            if let Some(unknown) = feedback
                .tags
                .iter()
                .find(|tag| !self.reason_tags.contains(tag))
            {
                return Err(FieldError::new(
                    ErrorCode::InvalidField,
                    "tags",
                    format!(
                        "tag {unknown:?} is not one of this site's reason tags ({})",
                        self.reason_tags.join(", ")
                    ),
                ));
            }
            if !self.store_text {
                feedback.question = None;
                feedback.answer = None;
            }
        }
        self.redaction.apply(&mut event);
        Ok(event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{EventHeader, MessageFeedback, Rating};

    fn thumb_down(tags: &[&str]) -> Event {
        Event {
            header: EventHeader {
                id: "e".into(),
                conversation_id: "c".into(),
                at: 1,
                locale: "en-US".into(),
                page: None,
            },
            kind: EventKind::MessageFeedback(MessageFeedback {
                reason: Some("wrong size".into()),
                tags: tags.iter().map(|t| t.to_string()).collect(),
                question: Some("Do they run small?".into()),
                answer: Some("No.".into()),
                ..MessageFeedback::new("m".into(), Rating::Down)
            }),
        }
    }

    #[test]
    fn a_new_site_asks_everyone_keeps_redacted_text_and_ends_idle_conversations() {
        let new = SiteConfig::default();
        assert!(new.csat_enabled);
        assert_eq!(new.csat_mode, CsatMode::Thumbs);
        assert_eq!(new.survey(), SurveyRules::default());
        assert_eq!(new.idle_end_seconds, Some(600));
        assert!(new.store_text);
        assert!(new.redaction.enabled);
        assert_eq!(new.text_retention_days, Some(90));
        assert_eq!(new.retention_days, 365);
        assert!(new.validate().is_ok());
    }

    #[test]
    fn a_stored_site_keeps_what_it_stored_and_reads_newer_settings_as_before() {
        // Stored before the survey rules and the text retention existed:
        // idle auto-end off and no text kept, as it chose then.
        let stored = r#"{"csat_enabled": true, "csat_mode": "scale5", "reason_tags": [],
            "idle_end_seconds": null, "store_text": false, "retention_days": 30,
            "webhook_url": null, "shop_name": null, "time_zone": null}"#;
        let config = SiteConfig::from_json(stored).unwrap();
        assert_eq!(config.idle_end_seconds, None);
        assert!(!config.store_text);
        assert_eq!(config.retention_days, 30);
        // Text as long as the rest, and the prompt offered as it was.
        assert_eq!(config.text_retention_days, None);
        assert_eq!(config.survey(), SurveyRules::default());
        let widget = config.widget();
        assert_eq!(widget.survey(), SurveyRules::default());
        // A widget told by a collector from before the rules reads them so.
        let served: WidgetConfig = serde_json::from_str(
            r#"{"csat_enabled": true, "csat_mode": "thumbs", "reason_tags": [],
                "idle_end_seconds": null, "store_text": false}"#,
        )
        .unwrap();
        assert_eq!(served.survey(), SurveyRules::default());
    }

    #[test]
    fn what_is_kept_says_the_shorter_of_the_two_retentions_for_text() {
        let new = SiteConfig::default().kept();
        assert_eq!(
            new,
            Kept {
                questions: true,
                text_days: 90,
                days: 365,
                redacted: true
            }
        );
        let short = SiteConfig {
            retention_days: 30,
            store_text: false,
            ..SiteConfig::default()
        };
        assert_eq!(
            (short.kept().text_days, short.kept().questions),
            (30, false)
        );
        let before = SiteConfig {
            text_retention_days: None,
            redaction: crate::redact::RedactionSettings {
                enabled: false,
                ..Default::default()
            },
            ..SiteConfig::default()
        };
        assert_eq!(
            (before.kept().text_days, before.kept().redacted),
            (365, false),
            "text as long as the rest"
        );
    }

    #[test]
    fn typos_and_out_of_range_values_are_refused_with_the_reason() {
        let typo = SiteConfig::from_json(r#"{"csat_enabeld": false}"#).unwrap_err();
        assert!(typo.contains("csat_enabeld"), "{typo}");
        let mode = SiteConfig::from_json(r#"{"csat_mode": "stars"}"#).unwrap_err();
        assert!(mode.contains("stars"), "{mode}");
        let idle = SiteConfig::from_json(r#"{"idle_end_seconds": 3}"#).unwrap_err();
        assert!(idle.contains("idle_end_seconds"), "{idle}");
        let sample = SiteConfig::from_json(r#"{"csat_sample_percent": 101}"#).unwrap_err();
        assert!(sample.contains("0 to 100"), "{sample}");
        let cooldown = SiteConfig::from_json(r#"{"csat_cooldown_days": 400}"#).unwrap_err();
        assert!(cooldown.contains("csat_cooldown_days"), "{cooldown}");
        let minimum = SiteConfig::from_json(r#"{"csat_min_assistant_messages": 51}"#).unwrap_err();
        assert!(minimum.contains("0 to 50"), "{minimum}");
        let retention = SiteConfig::from_json(r#"{"retention_days": 0}"#).unwrap_err();
        assert!(retention.contains("retention_days"), "{retention}");
        let hook =
            SiteConfig::from_json(r#"{"webhook_url": "http://example.com/hook"}"#).unwrap_err();
        assert!(hook.contains("https"), "{hook}");
        assert!(SiteConfig::from_json(r#"{"webhook_url": "http://127.0.0.1:9000/hook"}"#).is_ok());
        // Alert rules need a chat-ops URL, or the webhook with a URL.
        let rules = r#"{"kind": "open_items", "count": 1}"#;
        let nowhere = SiteConfig::from_json(&format!(
            r#"{{"alerts": {{"rules": [{rules}], "to_webhook": true}}}}"#
        ))
        .unwrap_err();
        assert!(nowhere.contains("somewhere to go"), "{nowhere}");
        assert!(
            SiteConfig::from_json(&format!(
                r#"{{"webhook_url": "https://hooks.example/x", "alerts": {{"rules": [{rules}], "to_webhook": true}}}}"#
            ))
            .is_ok()
        );
        let tag = SiteConfig::from_json(r#"{"reason_tags": ["too slow"]}"#).unwrap_err();
        assert!(tag.contains("reason_tags"), "{tag}");
        for bad in ["", " Padded", "Tab\there", &"x".repeat(81)] {
            let json = serde_json::json!({ "shop_name": bad }).to_string();
            let shop = SiteConfig::from_json(&json).unwrap_err();
            assert!(shop.contains("shop_name"), "{shop}");
        }
        let zone = SiteConfig::from_json(r#"{"time_zone": "Europe/Berlin; DROP"}"#).unwrap_err();
        assert!(zone.contains("time_zone"), "{zone}");
        assert!(
            SiteConfig::from_json(r#"{"time_zone": "America/Argentina/Buenos_Aires"}"#).is_ok()
        );
        let named = SiteConfig::from_json(r#"{"shop_name": "Café Zoë & Co."}"#).unwrap();
        assert_eq!(named.widget().shop_name.as_deref(), Some("Café Zoë & Co."));
    }

    #[test]
    fn the_etag_changes_exactly_when_the_widget_config_does() {
        let base = SiteConfig::default();
        let same = SiteConfig {
            retention_days: 30,
            webhook_url: Some("https://hooks.example/x".into()),
            ..SiteConfig::default()
        };
        let scale = SiteConfig {
            csat_mode: CsatMode::Scale5,
            ..SiteConfig::default()
        };
        assert_eq!(base.widget().etag(), same.widget().etag());
        assert_ne!(base.widget().etag(), scale.widget().etag());
        assert!(base.widget().etag().starts_with('"'));
        assert!(!base.widget().to_json().contains("webhook"));
    }

    #[test]
    fn only_the_sites_tags_are_admitted() {
        let config = SiteConfig {
            reason_tags: vec!["wrong_answer".into(), "too_long".into()],
            ..SiteConfig::default()
        };
        assert!(config.admit(thumb_down(&["too_long"])).is_ok());
        let err = config.admit(thumb_down(&["rude"])).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_str()),
            (ErrorCode::InvalidField, "tags")
        );
    }

    #[test]
    fn excerpts_are_kept_only_when_the_site_stores_text() {
        let keeping_none = SiteConfig {
            store_text: false,
            ..SiteConfig::default()
        };
        let EventKind::MessageFeedback(dropped) = keeping_none.admit(thumb_down(&[])).unwrap().kind
        else {
            unreachable!()
        };
        assert_eq!((dropped.question, dropped.answer), (None, None));
        assert_eq!(dropped.reason.as_deref(), Some("wrong size"));
        let storing = SiteConfig::default();
        let EventKind::MessageFeedback(kept) = storing.admit(thumb_down(&[])).unwrap().kind else {
            unreachable!()
        };
        assert_eq!(kept.question.as_deref(), Some("Do they run small?"));
    }

    #[test]
    fn kept_text_is_redacted_unless_the_site_turned_it_off() {
        let mut thumb = thumb_down(&[]);
        if let EventKind::MessageFeedback(feedback) = &mut thumb.kind {
            feedback.question = Some("Call me on 030 1234567".into());
            feedback.reason = Some("write to jane@example.com".into());
        }
        let storing = SiteConfig {
            store_text: true,
            ..SiteConfig::default()
        };
        let EventKind::MessageFeedback(kept) = storing.admit(thumb.clone()).unwrap().kind else {
            unreachable!()
        };
        assert_eq!(kept.question.as_deref(), Some("Call me on [phone]"));
        assert_eq!(kept.reason.as_deref(), Some("write to [email]"));
        assert_eq!(kept.answer.as_deref(), Some("No."));
        let unredacted = SiteConfig {
            redaction: crate::redact::RedactionSettings {
                enabled: false,
                patterns: Vec::new(),
            },
            ..storing
        };
        let EventKind::MessageFeedback(kept) = unredacted.admit(thumb).unwrap().kind else {
            unreachable!()
        };
        assert_eq!(kept.question.as_deref(), Some("Call me on 030 1234567"));
    }
}
