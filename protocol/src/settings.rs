//! A site's settings as its owner edits them (`GET|PUT
//! /v1/sites/{key}/settings`, `cargo xtask site set`): the widget's and
//! the collector's settings ([`SiteConfig`]) and the origins whose pages
//! may send feedback. A document is read field by field, so every problem
//! is reported beside its field, all at once; one with any problem changes
//! nothing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::site_config::SiteConfig;

/// Problems by field name (`{"errors": {"retention_days": "…"}}`).
pub type FieldErrors = BTreeMap<String, String>;

/// Most origins one site may list.
pub const MAX_ORIGINS: usize = 20;

/// Every setting, in the order the dashboard shows them.
pub const FIELDS: [&str; 18] = [
    "csat_enabled",
    "csat_mode",
    "csat_sample_percent",
    "csat_cooldown_days",
    "csat_min_assistant_messages",
    "reason_tags",
    "idle_end_seconds",
    "store_text",
    "retention_days",
    "text_retention_days",
    "hot_days",
    "webhook_url",
    "shop_name",
    "time_zone",
    "review_labels",
    "alerts",
    "redaction",
    "allowed_origins",
];

/// Every name a problem with settings is reported under: each setting;
/// the parts of one a form shows apart; and a new key's `name` and
/// `scope` (not a name no setting has, which only a hand-written document
/// meets). The dashboard words a problem
/// by its name (`settings-problem-…` in `dashboard.ftl`, with
/// [`rule_values`]); a test there holds each to a message in every
/// locale, and one here holds the problems found to these names.
pub const PROBLEM_FIELDS: [&str; 23] = [
    "csat_enabled",
    "csat_mode",
    "csat_sample_percent",
    "csat_cooldown_days",
    "csat_min_assistant_messages",
    "reason_tags",
    "idle_end_seconds",
    "store_text",
    "retention_days",
    "text_retention_days",
    "hot_days",
    "webhook_url",
    "shop_name",
    "time_zone",
    "review_labels",
    "alerts",
    "alerts.rules",
    "alerts.chat_url",
    "redaction",
    "redaction.patterns",
    "allowed_origins",
    "name",
    "scope",
];

/// The numbers the rule of problem field `field` names, to word it in the
/// reader's language: the range a number takes (`low`, `high`), or the
/// most a list holds (`most`) and the characters an item may have
/// (`chars`), or the hours a rule may span (`hours`).
pub fn rule_values(field: &str) -> Vec<(&'static str, u64)> {
    use crate::site_config as site;
    match field {
        "csat_sample_percent" => vec![("low", 0), ("high", 100)],
        "csat_cooldown_days" => vec![
            ("low", 0),
            ("high", u64::from(crate::survey::MAX_COOLDOWN_DAYS)),
        ],
        "csat_min_assistant_messages" => vec![
            ("low", 0),
            ("high", u64::from(crate::survey::MAX_MIN_ASSISTANT_MESSAGES)),
        ],
        "reason_tags" => vec![("most", site::MAX_SITE_TAGS as u64)],
        "idle_end_seconds" => vec![
            ("low", u64::from(*site::IDLE_END_SECONDS.start())),
            ("high", u64::from(*site::IDLE_END_SECONDS.end())),
        ],
        "retention_days" | "text_retention_days" => vec![
            ("low", u64::from(*site::RETENTION_DAYS.start())),
            ("high", u64::from(*site::RETENTION_DAYS.end())),
        ],
        "hot_days" => vec![
            ("low", u64::from(*site::HOT_DAYS.start())),
            ("high", u64::from(*site::HOT_DAYS.end())),
        ],
        "shop_name" => vec![("most", site::MAX_SHOP_NAME_CHARS as u64)],
        "allowed_origins" => vec![("most", MAX_ORIGINS as u64)],
        "review_labels" => vec![
            ("most", crate::review::MAX_LABELS as u64),
            ("chars", crate::review::MAX_LABEL_UTF16 as u64),
        ],
        "alerts.rules" => vec![
            ("most", crate::alerts::MAX_RULES as u64),
            ("hours", u64::from(crate::alerts::MAX_HOURS)),
        ],
        "redaction.patterns" => vec![
            ("most", crate::redact::extra::MAX_PATTERNS as u64),
            ("chars", crate::redact::extra::MAX_PREFIX_CHARS as u64),
        ],
        "name" => vec![("most", crate::access::MAX_KEY_NAME_CHARS as u64)],
        _ => Vec::new(),
    }
}

/// The settings an owner edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// What the widget and the collector do.
    #[serde(flatten)]
    pub config: SiteConfig,
    /// Origins (`scheme://host[:port]`) whose pages may send feedback,
    /// sorted.
    pub allowed_origins: Vec<String>,
}

/// One setting changed: its old and new values (a webhook URL shown by its
/// scheme and host only, since its path may hold a token). Key actions
/// in the audit list use it too (`field` "key" and the key's id and name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The setting's name.
    pub field: String,
    /// Its value before.
    pub old: Value,
    /// Its value after.
    pub new: Value,
}

/// Checks `origin` is `http(s)://host[:port]` with nothing else in it,
/// written as a browser sends it in `Origin`: a lower-case host, a port
/// only when it is not the scheme's own, in digits without a leading zero.
pub fn check_origin(origin: &str) -> Result<(), String> {
    let shape = || {
        format!(
            "{origin:?} must be a scheme, a lower-case host and a port only, as a browser sends it, such as https://shop.example or http://127.0.0.1:8080"
        )
    };
    let (scheme, authority) = match origin.split_once("://") {
        Some((scheme @ ("https" | "http"), authority)) => (scheme, authority),
        _ => return Err(format!("{origin:?} must start with http:// or https://")),
    };
    if authority.starts_with('[') {
        return Err(format!(
            "{origin:?}: IPv6 addresses are not supported as origins; use a host name"
        ));
    }
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
    if !host_ok {
        return Err(shape());
    }
    if let Some(port) = port {
        let digits = !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && !port.starts_with('0');
        if !digits || port.parse::<u16>().is_err() {
            return Err(shape());
        }
        if (scheme, port) == ("https", "443") || (scheme, port) == ("http", "80") {
            return Err(format!(
                "{origin:?}: a browser never sends the scheme's own port; write {scheme}://{host}"
            ));
        }
    }
    Ok(())
}

/// What a field takes, said in an error when its value has the wrong type.
fn expected(field: &str) -> &'static str {
    match field {
        "csat_enabled" | "store_text" => "true or false",
        "csat_mode" => "\"thumbs\" or \"scale5\"",
        "reason_tags" => "a list of tags such as [\"wrong_answer\", \"too_long\"]",
        "csat_sample_percent" => "a percentage, 0 to 100",
        "csat_cooldown_days" => "a number of days, 0 to 365",
        "csat_min_assistant_messages" => "a number of messages, 0 to 50",
        "idle_end_seconds" => "a number of seconds, or null for off",
        "retention_days" => "a number of days",
        "text_retention_days" => "a number of days, or null for as long as feedback",
        "hot_days" => "a number of days, 7 to 365",
        "webhook_url" | "shop_name" | "time_zone" => "text, or null for none",
        "review_labels" => "a list of labels such as [\"wrong answer\", \"fixed\"]",
        "alerts" => {
            "{\"rules\": […], \"to_webhook\": false, \"chat_url\": null, \"daily_digest\": false}, \
             each rule one of {\"kind\": \"thumbs_down_share\", \"hours\", \"percent\", \"min_ratings\"}, \
             {\"kind\": \"csat_below\", \"hours\", \"average\", \"min_answers\"}, \
             {\"kind\": \"open_items\", \"count\"}"
        }
        "redaction" => {
            "{\"enabled\": true, \"patterns\": […]}, each pattern \
             {\"prefix\": \"ORD-\", \"action\": \"remove\" or \"keep\"}"
        }
        _ => "a list of origins such as [\"https://shop.example\"]",
    }
}

fn field<T: serde::de::DeserializeOwned>(
    document: &Map<String, Value>,
    name: &str,
    errors: &mut FieldErrors,
) -> Option<T> {
    let Some(value) = document.get(name) else {
        errors.insert(
            name.to_string(),
            format!(
                "missing; send every setting (GET gives them all): {}",
                expected(name)
            ),
        );
        return None;
    };
    match serde_json::from_value(value.clone()) {
        Ok(value) => Some(value),
        Err(_) => {
            let mut given = value.to_string();
            if given.chars().count() > 40 {
                given = given.chars().take(40).collect::<String>() + "…";
            }
            errors.insert(
                name.to_string(),
                format!("must be {}, not {given}", expected(name)),
            );
            None
        }
    }
}

impl Settings {
    /// Reads a whole settings document, checking every field; `known_zone`
    /// says whether a time zone exists (the collector and the CLI know the
    /// IANA zones). Every problem is reported, by field.
    pub fn from_json(
        text: &str,
        known_zone: &dyn Fn(&str) -> bool,
    ) -> Result<Settings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let document = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(document)) => document,
            Ok(_) => {
                errors.insert(String::new(), "the settings must be a JSON object".into());
                return Err(errors);
            }
            Err(err) => {
                errors.insert(String::new(), format!("the settings are not JSON: {err}"));
                return Err(errors);
            }
        };
        for name in document.keys() {
            if !FIELDS.contains(&name.as_str()) {
                errors.insert(
                    name.clone(),
                    format!("no such setting; the settings are {}", FIELDS.join(", ")),
                );
            }
        }
        // Stand-ins while a field has a problem (the document is refused).
        let survey = crate::survey::SurveyRules::default();
        let config = SiteConfig {
            csat_enabled: field(&document, "csat_enabled", &mut errors).unwrap_or(true),
            csat_mode: field(&document, "csat_mode", &mut errors).unwrap_or_default(),
            csat_sample_percent: field(&document, "csat_sample_percent", &mut errors)
                .unwrap_or(survey.sample_percent),
            csat_cooldown_days: field(&document, "csat_cooldown_days", &mut errors)
                .unwrap_or(survey.cooldown_days),
            csat_min_assistant_messages: field(
                &document,
                "csat_min_assistant_messages",
                &mut errors,
            )
            .unwrap_or(survey.min_assistant_messages),
            reason_tags: field(&document, "reason_tags", &mut errors).unwrap_or_default(),
            idle_end_seconds: field(&document, "idle_end_seconds", &mut errors).unwrap_or_default(),
            store_text: field(&document, "store_text", &mut errors).unwrap_or_default(),
            retention_days: field(&document, "retention_days", &mut errors).unwrap_or(365),
            text_retention_days: field(&document, "text_retention_days", &mut errors)
                .unwrap_or_default(),
            hot_days: field(&document, "hot_days", &mut errors)
                .unwrap_or(crate::site_config::DEFAULT_HOT_DAYS),
            webhook_url: field(&document, "webhook_url", &mut errors).unwrap_or_default(),
            shop_name: field(&document, "shop_name", &mut errors).unwrap_or_default(),
            time_zone: field(&document, "time_zone", &mut errors).unwrap_or_default(),
            review_labels: field(&document, "review_labels", &mut errors).unwrap_or_default(),
            alerts: field(&document, "alerts", &mut errors).unwrap_or_default(),
            redaction: field(&document, "redaction", &mut errors).unwrap_or_default(),
        };
        // A set: kept in order, so reordering is no change.
        let mut allowed_origins: Vec<String> =
            field(&document, "allowed_origins", &mut errors).unwrap_or_default();
        allowed_origins.sort();
        let settings = Settings {
            config,
            allowed_origins,
        };
        for (name, problem) in settings.problems(known_zone) {
            errors.entry(name.to_string()).or_insert(problem);
        }
        if errors.is_empty() {
            Ok(settings)
        } else {
            Err(errors)
        }
    }

    /// Every field's problems, by field (none for good settings).
    pub fn problems(&self, known_zone: &dyn Fn(&str) -> bool) -> Vec<(&'static str, String)> {
        let mut problems = self.config.problems();
        if let Some(zone) = &self.config.time_zone
            && !problems.iter().any(|(field, _)| *field == "time_zone")
            && !known_zone(zone)
        {
            problems.push((
                "time_zone",
                format!("{zone:?} is not an IANA time zone (such as Europe/Berlin)"),
            ));
        }
        if self.allowed_origins.len() > MAX_ORIGINS {
            problems.push((
                "allowed_origins",
                format!(
                    "at most {MAX_ORIGINS} origins, not {}",
                    self.allowed_origins.len()
                ),
            ));
        } else if let Some(problem) = self
            .allowed_origins
            .iter()
            .find_map(|origin| check_origin(origin).err())
        {
            problems.push(("allowed_origins", problem));
        } else if let Some(twice) =
            self.allowed_origins
                .iter()
                .enumerate()
                .find_map(|(index, origin)| {
                    self.allowed_origins
                        .iter()
                        .take(index)
                        .any(|earlier| earlier == origin)
                        .then_some(origin)
                })
        {
            problems.push(("allowed_origins", format!("{twice:?} is listed twice")));
        }
        problems
    }

    /// The settings as the collector sends them: one JSON object.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// What changed from `self` to `new`, field by field, in the order of
    /// [`FIELDS`]. A webhook URL is shown by its scheme and host only.
    pub fn changes(&self, new: &Settings) -> Vec<Change> {
        let as_object = |settings: &Settings| match serde_json::to_value(settings) {
            Ok(Value::Object(object)) => object,
            _ => Map::new(),
        };
        let (before, after) = (as_object(self), as_object(new));
        FIELDS
            .iter()
            .filter_map(|name| {
                let old = before.get(*name).cloned().unwrap_or(Value::Null);
                let new = after.get(*name).cloned().unwrap_or(Value::Null);
                (old != new).then(|| {
                    let shown = |value: Value| match (*name, value) {
                        ("webhook_url", Value::String(url)) => {
                            Value::String(crate::webhook_url::redacted(&url))
                        }
                        // A chat-ops URL's path is its token too.
                        ("alerts", Value::Object(mut alerts)) => {
                            if let Some(Value::String(url)) = alerts.get("chat_url") {
                                let shown = crate::webhook_url::redacted(url);
                                alerts.insert("chat_url".into(), Value::String(shown));
                            }
                            Value::Object(alerts)
                        }
                        (_, value) => value,
                    };
                    Change {
                        field: name.to_string(),
                        old: shown(old),
                        new: shown(new),
                    }
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(zone: &str) -> bool {
        ["Europe/Berlin", "UTC"].contains(&zone)
    }

    fn document() -> Value {
        serde_json::json!({
            "csat_enabled": true,
            "csat_mode": "scale5",
            "csat_sample_percent": 50,
            "csat_cooldown_days": 30,
            "csat_min_assistant_messages": 2,
            "reason_tags": ["wrong_answer"],
            "idle_end_seconds": null,
            "store_text": false,
            "retention_days": 90,
            "text_retention_days": 30,
            "hot_days": 60,
            "webhook_url": "https://hooks.example/T0/secret-token",
            "shop_name": "Demo Outdoor Shop",
            "time_zone": "Europe/Berlin",
            "review_labels": ["wrong answer", "fixed"],
            "alerts": {"rules": [{"kind": "open_items", "count": 3}], "to_webhook": true,
                       "chat_url": "https://hooks.slack.com/services/T0/B0/secret", "daily_digest": false},
            "redaction": {"enabled": true, "patterns": [{"prefix": "ORD-", "action": "remove"}]},
            "allowed_origins": ["https://shop.example", "http://127.0.0.1:8080"],
        })
    }

    fn with(change: impl FnOnce(&mut Map<String, Value>)) -> Result<Settings, FieldErrors> {
        let mut document = document();
        if let Value::Object(object) = &mut document {
            change(object);
        }
        Settings::from_json(&document.to_string(), &known)
    }

    #[test]
    fn a_whole_good_document_reads_and_round_trips() {
        let settings = with(|_| {}).unwrap();
        assert_eq!(settings.config.retention_days, 90);
        assert_eq!(settings.allowed_origins.len(), 2);
        assert_eq!(
            Settings::from_json(&settings.to_json(), &known),
            Ok(settings)
        );
    }

    #[test]
    fn every_problem_is_reported_beside_its_field_at_once() {
        let errors = with(|document| {
            document.insert("retention_days".into(), Value::from(0));
            document.insert("csat_enabled".into(), Value::from("yes"));
            document.insert("time_zone".into(), Value::from("Mars/Olympus"));
            document.insert(
                "allowed_origins".into(),
                serde_json::json!(["https://shop.example/path"]),
            );
            document.insert("colour".into(), Value::from("red"));
            document.insert("review_labels".into(), serde_json::json!(["tone", "tone"]));
            document.insert("hot_days".into(), Value::from(6));
            document.remove("shop_name");
        })
        .unwrap_err();
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(
            fields,
            [
                "allowed_origins",
                "colour",
                "csat_enabled",
                "hot_days",
                "retention_days",
                "review_labels",
                "shop_name",
                "time_zone"
            ]
        );
        assert_eq!(errors["hot_days"], "hot_days must be 7 to 365, not 6");
        assert!(errors["review_labels"].contains("twice"), "{errors:?}");
        assert_eq!(errors["csat_enabled"], "must be true or false, not \"yes\"");
        assert!(errors["retention_days"].contains("1 to 3650"), "{errors:?}");
        assert!(
            errors["time_zone"].contains("not an IANA time zone"),
            "{errors:?}"
        );
        assert!(errors["shop_name"].starts_with("missing"), "{errors:?}");
        assert!(
            errors["colour"].starts_with("no such setting"),
            "{errors:?}"
        );
        assert!(errors["allowed_origins"].contains("scheme"), "{errors:?}");
    }

    #[test]
    fn survey_rules_out_of_range_or_of_the_wrong_type_are_named() {
        let errors = with(|document| {
            document.insert("csat_sample_percent".into(), Value::from(101));
            document.insert("csat_cooldown_days".into(), Value::from(-1));
            document.insert("csat_min_assistant_messages".into(), Value::from("two"));
        })
        .unwrap_err();
        assert_eq!(
            errors["csat_sample_percent"],
            "csat_sample_percent must be 0 to 100, not 101"
        );
        assert_eq!(
            errors["csat_cooldown_days"],
            "must be a number of days, 0 to 365, not -1"
        );
        assert!(
            errors["csat_min_assistant_messages"].contains("0 to 50"),
            "{errors:?}"
        );
        let read = with(|_| {}).unwrap().config.survey();
        assert_eq!(
            (
                read.sample_percent,
                read.cooldown_days,
                read.min_assistant_messages
            ),
            (50, 30, 2)
        );
    }

    #[test]
    fn origins_are_scheme_host_and_port_listed_once() {
        for good in [
            "https://shop.example",
            "http://127.0.0.1:8080",
            "http://localhost:1",
        ] {
            assert_eq!(check_origin(good), Ok(()), "{good}");
        }
        for bad in [
            "shop.example",
            "https://shop.example/",
            "https://Shop.example",
            "https://shop.example:99999",
            "https://shop.example:0",
            "https://shop.example:",
            "https://shop.example:+443",
            "https://shop.example:0443",
            "https://shop.example:443",
            "http://shop.example:80",
            "http://[::1]:8080",
            "ftp://shop.example",
            "https://",
        ] {
            assert!(check_origin(bad).is_err(), "{bad}");
        }
        let twice = with(|document| {
            document.insert(
                "allowed_origins".into(),
                serde_json::json!(["https://a.example", "https://a.example"]),
            );
        })
        .unwrap_err();
        assert!(twice["allowed_origins"].contains("twice"), "{twice:?}");
        assert!(
            with(|document| {
                document.insert("allowed_origins".into(), Value::from("https://a.example"));
            })
            .is_err()
        );
    }

    #[test]
    fn changes_name_each_field_and_hide_a_webhooks_path() {
        let old = with(|_| {}).unwrap();
        let new = with(|document| {
            document.insert("retention_days".into(), Value::from(30));
            document.insert(
                "webhook_url".into(),
                Value::from("https://other.example/new-token"),
            );
        })
        .unwrap();
        let changes = old.changes(&new);
        assert_eq!(
            changes,
            [
                Change {
                    field: "retention_days".into(),
                    old: Value::from(90),
                    new: Value::from(30),
                },
                Change {
                    field: "webhook_url".into(),
                    old: Value::from("https://hooks.example/…"),
                    new: Value::from("https://other.example/…"),
                },
            ]
        );
        assert!(old.changes(&old).is_empty());
        // A chat-ops URL's token stays out of the audit list too.
        let chatty = with(|document| {
            document.insert(
                "alerts".into(),
                serde_json::json!({"chat_url": "https://hooks.slack.com/services/T1/B1/new"}),
            );
        })
        .unwrap();
        let change = old.changes(&chatty);
        assert_eq!(change.len(), 1, "{change:?}");
        assert_eq!(change[0].old["chat_url"], "https://hooks.slack.com/…");
        assert_eq!(change[0].new["chat_url"], "https://hooks.slack.com/…");
        assert_eq!(change[0].new["rules"], serde_json::json!([]));
    }

    #[test]
    fn every_problem_a_form_can_meet_comes_back_under_a_listed_name() {
        let wrong_values = [
            Value::from("x"),
            Value::from(-1),
            Value::from(1_000_000),
            Value::from(true),
            Value::Null,
            serde_json::json!(["x y", "x y"]),
            serde_json::json!({"rules": [{"kind": "open_items", "count": 0}],
                               "chat_url": "http://10.0.0.1/", "daily_digest": true}),
            serde_json::json!({"enabled": true, "patterns": [{"prefix": "", "action": "keep"}]}),
        ];
        let mut seen = std::collections::BTreeSet::new();
        for field in FIELDS {
            assert!(PROBLEM_FIELDS.contains(&field), "{field}");
            for wrong in &wrong_values {
                let found = with(|document| {
                    document.insert(field.into(), wrong.clone());
                });
                for name in found.err().unwrap_or_default().into_keys() {
                    assert!(
                        PROBLEM_FIELDS.contains(&name.as_str()),
                        "{field}={wrong}: {name}"
                    );
                    seen.insert(name);
                }
            }
            let missing = with(|document| {
                document.remove(field);
            });
            assert!(
                missing.err().unwrap_or_default().contains_key(field),
                "{field}"
            );
        }
        for part in ["alerts.rules", "alerts.chat_url", "redaction.patterns"] {
            assert!(seen.contains(part), "no problem came back under {part}");
        }
        let key = crate::NewKey {
            name: String::new(),
            scope: "everything".into(),
        };
        for name in key.check().err().unwrap_or_default().into_keys() {
            assert!(PROBLEM_FIELDS.contains(&name.as_str()), "{name}");
        }
        assert!(rule_values("retention_days").contains(&("high", 3650)));
        assert!(rule_values("csat_mode").is_empty());
    }

    #[test]
    fn alert_problems_come_back_under_their_own_field() {
        let errors = with(|document| {
            document.insert(
                "alerts".into(),
                serde_json::json!({"rules": [{"kind": "open_items", "count": 0}],
                                   "chat_url": "http://192.168.1.1/x"}),
            );
        })
        .unwrap_err();
        assert!(errors["alerts.rules"].contains("`count`"), "{errors:?}");
        assert!(errors["alerts.chat_url"].contains("private"), "{errors:?}");
        let wrong_type = with(|document| {
            document.insert("alerts".into(), Value::from("loud"));
        })
        .unwrap_err();
        assert!(
            wrong_type["alerts"].starts_with("must be {"),
            "{wrong_type:?}"
        );
    }

    #[test]
    fn redaction_problems_come_back_under_their_own_field() {
        let errors = with(|document| {
            document.insert(
                "redaction".into(),
                serde_json::json!({"enabled": true,
                                   "patterns": [{"prefix": "ORD-", "action": "remove"},
                                                {"prefix": "Kunde 1", "action": "keep"}]}),
            );
        })
        .unwrap_err();
        assert!(
            errors["redaction.patterns"].starts_with("pattern 2: "),
            "{errors:?}"
        );
        for wrong in [
            serde_json::json!("on"),
            serde_json::json!({"enabled": true, "patterns": [{"prefix": "ORD-", "action": "hide"}]}),
            serde_json::json!({"enabled": true, "regex": ".*"}),
        ] {
            let wrong_type = with(|document| {
                document.insert("redaction".into(), wrong.clone());
            })
            .unwrap_err();
            assert!(
                wrong_type["redaction"].starts_with("must be {"),
                "{wrong}: {wrong_type:?}"
            );
        }
        let off = with(|document| {
            document.insert(
                "redaction".into(),
                serde_json::json!({"enabled": false, "patterns": []}),
            );
        })
        .unwrap();
        assert!(!off.config.redaction.enabled);
    }
}
