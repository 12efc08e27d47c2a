//! The Alerts part of the Settings form as plain data: each rule's kind
//! and its numbers as typed, where alerts go, and the daily digest, read
//! into the `alerts` setting the collector checks. Tested natively.

use protocol::alerts::{AlertRule, AlertSettings, MAX_RULES};
use serde_json::{Value, json};

/// Which rule a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// "👎 share over N hours above X% with at least M ratings".
    ThumbsDownShare,
    /// "CSAT average over N hours below Y with at least M answers".
    CsatBelow,
    /// "N new open review items in an hour".
    OpenItems,
}

impl RuleKind {
    /// Every kind, in the order the picker lists them.
    pub const ALL: [RuleKind; 3] = [Self::ThumbsDownShare, Self::CsatBelow, Self::OpenItems];

    /// Its name in the settings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ThumbsDownShare => "thumbs_down_share",
            Self::CsatBelow => "csat_below",
            Self::OpenItems => "open_items",
        }
    }

    /// The kind `name` names.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// One rule's row as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleForm {
    /// Which rule.
    pub kind: RuleKind,
    /// The window in hours (not for open items).
    pub hours: String,
    /// The share in percent, the average, or the count of items.
    pub limit: String,
    /// The fewest ratings or answers judged (not for open items).
    pub minimum: String,
}

impl RuleForm {
    /// A new row of `kind`, with numbers an owner can start from.
    pub fn new(kind: RuleKind) -> Self {
        let (hours, limit, minimum) = match kind {
            RuleKind::ThumbsDownShare => ("6", "30", "20"),
            RuleKind::CsatBelow => ("24", "3.5", "10"),
            RuleKind::OpenItems => ("", "10", ""),
        };
        Self {
            kind,
            hours: hours.into(),
            limit: limit.into(),
            minimum: minimum.into(),
        }
    }

    fn of(rule: &AlertRule) -> Self {
        match rule {
            AlertRule::ThumbsDownShare {
                hours,
                percent,
                min_ratings,
            } => Self {
                kind: RuleKind::ThumbsDownShare,
                hours: hours.to_string(),
                limit: percent.to_string(),
                minimum: min_ratings.to_string(),
            },
            AlertRule::CsatBelow {
                hours,
                average,
                min_answers,
            } => Self {
                kind: RuleKind::CsatBelow,
                hours: hours.to_string(),
                limit: average.value().to_string(),
                minimum: min_answers.to_string(),
            },
            AlertRule::OpenItems { count } => Self {
                kind: RuleKind::OpenItems,
                hours: String::new(),
                limit: count.to_string(),
                minimum: String::new(),
            },
        }
    }

    /// The rule as the settings take it: numbers where the boxes hold
    /// numbers, the text typed otherwise (so the check names it).
    fn document(&self) -> Value {
        let whole = |text: &str| {
            text.trim()
                .parse::<u32>()
                .map_or_else(|_| Value::from(text.trim()), Value::from)
        };
        // A decimal comma is a decimal point.
        let decimal = |text: &str| {
            let text = text.trim().replace(',', ".");
            text.parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or_else(|| Value::from(text.as_str()), Value::Number)
        };
        match self.kind {
            RuleKind::ThumbsDownShare => json!({
                "kind": self.kind.as_str(), "hours": whole(&self.hours),
                "percent": whole(&self.limit), "min_ratings": whole(&self.minimum),
            }),
            RuleKind::CsatBelow => json!({
                "kind": self.kind.as_str(), "hours": whole(&self.hours),
                "average": decimal(&self.limit), "min_answers": whole(&self.minimum),
            }),
            RuleKind::OpenItems => json!({"kind": self.kind.as_str(), "count": whole(&self.limit)}),
        }
    }
}

/// Alerts as the form holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertsForm {
    /// The rules, in order.
    pub rules: Vec<RuleForm>,
    /// Send alerts to the webhook too.
    pub to_webhook: bool,
    /// The chat-ops URL; empty for none.
    pub chat_url: String,
    /// Post the daily digest.
    pub daily_digest: bool,
}

impl AlertsForm {
    /// The form showing `alerts`.
    pub fn of(alerts: &AlertSettings) -> Self {
        Self {
            rules: alerts.rules.iter().map(RuleForm::of).collect(),
            to_webhook: alerts.to_webhook,
            chat_url: alerts.chat_url.clone().unwrap_or_default(),
            daily_digest: alerts.daily_digest,
        }
    }

    /// What is not a number where a rule needs one, naming the rule and
    /// the box (the collector's check would only say `alerts` is wrong).
    pub fn problem(&self) -> Option<String> {
        self.rules.iter().enumerate().find_map(|(index, rule)| {
            let whole = |name: &str, text: &str| {
                text.trim().parse::<u32>().is_err().then(|| {
                    format!("rule {}: `{name}` must be a whole number, not {text:?}", index + 1)
                })
            };
            let decimal = |name: &str, text: &str| {
                let read = text.trim().replace(',', ".").parse::<f64>();
                let tenths = read.map(|value| value * 10.0);
                let exact = tenths.is_ok_and(|tenths| (tenths - tenths.round()).abs() < 1e-6);
                (!exact).then(|| {
                    format!(
                        "rule {}: `{name}` must be a number with at most one decimal, such as 3.5, not {text:?}",
                        index + 1
                    )
                })
            };
            match rule.kind {
                RuleKind::ThumbsDownShare => whole("hours", &rule.hours)
                    .or_else(|| whole("percent", &rule.limit))
                    .or_else(|| whole("min_ratings", &rule.minimum)),
                RuleKind::CsatBelow => whole("hours", &rule.hours)
                    .or_else(|| decimal("average", &rule.limit))
                    .or_else(|| whole("min_answers", &rule.minimum)),
                RuleKind::OpenItems => whole("count", &rule.limit),
            }
        })
    }

    /// Whether another rule may be added.
    pub fn can_add(&self) -> bool {
        self.rules.len() < MAX_RULES
    }

    /// The `alerts` setting the form says.
    pub fn document(&self) -> Value {
        json!({
            "rules": self.rules.iter().map(RuleForm::document).collect::<Vec<_>>(),
            "to_webhook": self.to_webhook,
            "chat_url": match self.chat_url.trim() {
                "" => Value::Null,
                url => Value::from(url),
            },
            "daily_digest": self.daily_digest,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(form: &AlertsForm) -> Result<AlertSettings, String> {
        serde_json::from_value(form.document()).map_err(|err| err.to_string())
    }

    #[test]
    fn each_rule_shows_and_reads_back_as_it_was() {
        let alerts: AlertSettings = serde_json::from_value(json!({
            "rules": [
                {"kind": "thumbs_down_share", "hours": 6, "percent": 30, "min_ratings": 20},
                {"kind": "csat_below", "hours": 24, "average": 3.5, "min_answers": 10},
                {"kind": "open_items", "count": 5},
            ],
            "to_webhook": true, "chat_url": "https://chat.example/x", "daily_digest": true,
        }))
        .unwrap_or_default();
        let form = AlertsForm::of(&alerts);
        assert_eq!(form.rules[1].limit, "3.5");
        assert_eq!(read(&form), Ok(alerts));
        // New rows start from numbers that pass the check.
        let fresh = AlertsForm {
            rules: RuleKind::ALL.into_iter().map(RuleForm::new).collect(),
            ..form
        };
        let settings = read(&fresh).unwrap_or_default();
        assert_eq!(settings.problems(), []);
    }

    #[test]
    fn a_decimal_comma_reads_and_words_are_sent_for_the_check_to_name() {
        let mut rule = RuleForm::new(RuleKind::CsatBelow);
        rule.limit = "3,5".into();
        assert_eq!(rule.document()["average"], json!(3.5));
        rule.hours = "a day".into();
        assert_eq!(rule.document()["hours"], "a day");
        let form = AlertsForm {
            rules: vec![rule],
            to_webhook: false,
            chat_url: "  ".into(),
            daily_digest: false,
        };
        assert_eq!(form.document()["chat_url"], Value::Null);
        assert!(read(&form).is_err());
        assert_eq!(
            form.problem().as_deref(),
            Some("rule 1: `hours` must be a whole number, not \"a day\"")
        );
        let mut fine = form.clone();
        fine.rules[0].hours = "12".into();
        assert_eq!(fine.problem(), None);
        fine.rules[0].limit = "3.55".into();
        assert!(
            fine.problem()
                .is_some_and(|problem| problem.contains("`average`"))
        );
        let with = |n| AlertsForm {
            rules: vec![RuleForm::new(RuleKind::OpenItems); n],
            ..form.clone()
        };
        assert!(with(MAX_RULES - 1).can_add());
        assert!(!with(MAX_RULES).can_add(), "ten is the most");
    }
}
