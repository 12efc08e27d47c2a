//! Alerts (#31 §3): a site's rules for when the team hears that things go
//! wrong, where it hears it, and whether a daily digest goes out. Part of
//! the site's settings (`alerts`), checked here; evaluated by the
//! collector's scheduled run from the rollups (`analytics::alerts`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Most rules a site may have.
pub const MAX_RULES: usize = 10;
/// The longest window a rule looks back over, in hours (a week).
pub const MAX_HOURS: u32 = 168;
/// The most ratings or answers a rule may ask for before it judges.
pub const MAX_MINIMUM: u32 = 100_000;

/// A satisfaction average in tenths (3.5 is 35), so that settings compare
/// exactly; written and read as the number it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tenths(pub u16);

impl Tenths {
    /// The value it stands for.
    pub fn value(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

impl Serialize for Tenths {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.value())
    }
}

impl<'de> Deserialize<'de> for Tenths {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        let tenths = (value * 10.0).round();
        if !value.is_finite()
            || (tenths - value * 10.0).abs() > 1e-6
            || !(0.0..=50.0).contains(&tenths)
        {
            return Err(serde::de::Error::custom(format!(
                "a satisfaction average of 1 to 5 in steps of 0.1, not {value}"
            )));
        }
        Ok(Self(tenths as u16))
    }
}

/// One rule: when it holds, the team hears it once; when it stops
/// holding, once more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum AlertRule {
    /// "👎 share over the last `hours` hours is above `percent`% with at
    /// least `min_ratings` ratings".
    ThumbsDownShare {
        /// The window, in hours.
        hours: u32,
        /// The share, in percent, that it must exceed.
        percent: u32,
        /// Fewer ratings than this say nothing.
        min_ratings: u32,
    },
    /// "CSAT average over the last `hours` hours is below `average` with
    /// at least `min_answers` answers".
    CsatBelow {
        /// The window, in hours.
        hours: u32,
        /// The average (1–5) it must fall under.
        average: Tenths,
        /// Fewer answers than this say nothing.
        min_answers: u32,
    },
    /// "`count` new open review items in an hour".
    OpenItems {
        /// Items opened in the last hour and still open.
        count: u32,
    },
}

impl AlertRule {
    /// The rule's problem, if any, named as the owner sees it.
    fn problem(&self) -> Option<String> {
        let hours_ok = |hours: &u32| (1..=MAX_HOURS).contains(hours);
        let minimum_ok = |minimum: &u32| (1..=MAX_MINIMUM).contains(minimum);
        match self {
            Self::ThumbsDownShare { hours, .. } | Self::CsatBelow { hours, .. }
                if !hours_ok(hours) =>
            {
                Some(format!("`hours` must be 1 to {MAX_HOURS}, not {hours}"))
            }
            Self::ThumbsDownShare { percent, .. } if !(1..=99).contains(percent) => {
                Some(format!("`percent` must be 1 to 99, not {percent}"))
            }
            Self::ThumbsDownShare { min_ratings, .. } if !minimum_ok(min_ratings) => Some(format!(
                "`min_ratings` must be 1 to {MAX_MINIMUM}, not {min_ratings}"
            )),
            Self::CsatBelow { average, .. } if !(Tenths(11)..=Tenths(50)).contains(average) => {
                Some(format!(
                    "`average` must be 1.1 to 5 (nothing is below 1), not {}",
                    average.value()
                ))
            }
            Self::CsatBelow { min_answers, .. } if !minimum_ok(min_answers) => Some(format!(
                "`min_answers` must be 1 to {MAX_MINIMUM}, not {min_answers}"
            )),
            Self::OpenItems { count } if !(1..=MAX_MINIMUM).contains(count) => {
                Some(format!("`count` must be 1 to {MAX_MINIMUM}, not {count}"))
            }
            _ => None,
        }
    }

    /// The rule as one line of JSON: what its state is kept under, so an
    /// edited rule starts afresh.
    pub fn key(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A site's alerting, as its settings hold it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlertSettings {
    /// The rules, at most [`MAX_RULES`].
    pub rules: Vec<AlertRule>,
    /// Send alerts to the site's signed webhook too.
    pub to_webhook: bool,
    /// A chat-ops URL in Slack's incoming-webhook format (Slack,
    /// Mattermost, Rocket.Chat; Discord at `…/slack`).
    pub chat_url: Option<String>,
    /// Post a daily digest to the chat-ops URL at 09:00 in the site's time zone.
    pub daily_digest: bool,
}

impl AlertSettings {
    /// Every problem, under `alerts.rules` and `alerts.chat_url`;
    /// `loopback_allowed` as for a webhook URL.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.rules.len() > MAX_RULES {
            problems.push((
                "alerts.rules",
                format!("at most {MAX_RULES} rules, not {}", self.rules.len()),
            ));
        } else if let Some((index, problem)) = self
            .rules
            .iter()
            .enumerate()
            .find_map(|(index, rule)| rule.problem().map(|problem| (index, problem)))
        {
            problems.push(("alerts.rules", format!("rule {}: {problem}", index + 1)));
        } else if let Some(index) = (1..self.rules.len()).find(|index| {
            self.rules.get(*index).is_some_and(|rule| {
                self.rules
                    .iter()
                    .take(*index)
                    .any(|earlier| earlier == rule)
            })
        }) {
            problems.push((
                "alerts.rules",
                format!("rule {} is the same as an earlier one", index + 1),
            ));
        }
        match &self.chat_url {
            Some(url) => {
                if let Err(problem) = crate::webhook_url::check_webhook_url(url, true) {
                    problems.push((
                        "alerts.chat_url",
                        problem.replacen("webhook_url", "chat_url", 1),
                    ));
                }
            }
            None if self.daily_digest => problems.push((
                "alerts.chat_url",
                "the daily digest goes to the chat-ops URL; give one, or turn the digest off"
                    .into(),
            )),
            None => {}
        }
        problems
    }

    /// Whether an alert has anywhere to go, given whether the site has a
    /// webhook.
    pub fn delivers(&self, has_webhook: bool) -> bool {
        self.chat_url.is_some() || (self.to_webhook && has_webhook)
    }
}

/// Whether an alert tells that its rule started or stopped holding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertState {
    /// The rule holds now and did not at the last run.
    Firing,
    /// The rule held at the last run and does not now.
    Resolved,
}

/// One alert, as the site's webhook receives it (in [`AlertBody`]) and
/// as the chat-ops message is written from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    /// The rule, as the settings hold it.
    pub rule: AlertRule,
    /// Started or stopped holding.
    pub state: AlertState,
    /// When the scheduled run found it, unix ms.
    pub at: i64,
    /// What the rule judged: the 👎 share in percent, the satisfaction
    /// average, or the open items; `null` with nothing to judge.
    pub value: Option<f64>,
    /// Over how many ratings, answers or items.
    pub count: u64,
    /// One sentence saying it, in English.
    pub text: String,
}

/// The body POSTed to a site's webhook for an alert, signed as feedback
/// deliveries are; told from theirs by `alert` in place of `events`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertBody {
    /// The site's public key.
    pub site_key: String,
    /// The alert.
    pub alert: Alert,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(value: serde_json::Value) -> Result<AlertSettings, String> {
        serde_json::from_value(value).map_err(|err| err.to_string())
    }

    #[test]
    fn the_three_rules_read_and_write_back_as_given() {
        let given = json!({
            "rules": [
                {"kind": "thumbs_down_share", "hours": 6, "percent": 30, "min_ratings": 20},
                {"kind": "csat_below", "hours": 24, "average": 3.5, "min_answers": 10},
                {"kind": "open_items", "count": 5},
            ],
            "to_webhook": true,
            "chat_url": "https://hooks.slack.com/services/T0/B0/x",
            "daily_digest": true,
        });
        let settings = read(given.clone()).unwrap_or_default();
        assert_eq!(settings.problems(), []);
        assert_eq!(serde_json::to_value(&settings).unwrap_or_default(), given);
        assert_eq!(
            settings.rules.get(1).map(AlertRule::key).as_deref(),
            Some(r#"{"kind":"csat_below","hours":24,"average":3.5,"min_answers":10}"#)
        );
    }

    #[test]
    fn out_of_range_rules_and_private_hosts_are_named_by_field() {
        let problems = |value| read(value).map(|settings| settings.problems());
        let rule = |rule| json!({"rules": [{"kind": "open_items", "count": 1}, rule]});
        for (bad, says) in [
            (
                json!({"kind": "thumbs_down_share", "hours": 0, "percent": 30, "min_ratings": 1}),
                "rule 2: `hours` must be 1 to 168",
            ),
            (
                json!({"kind": "thumbs_down_share", "hours": 1, "percent": 100, "min_ratings": 1}),
                "`percent` must be 1 to 99",
            ),
            (
                json!({"kind": "thumbs_down_share", "hours": 1, "percent": 5, "min_ratings": 0}),
                "`min_ratings`",
            ),
            (
                json!({"kind": "csat_below", "hours": 1, "average": 1.0, "min_answers": 1}),
                "`average` must be 1.1 to 5",
            ),
            (
                json!({"kind": "csat_below", "hours": 1000, "average": 3, "min_answers": 1}),
                "`hours`",
            ),
            (json!({"kind": "open_items", "count": 0}), "`count`"),
            (
                json!({"kind": "open_items", "count": 1}),
                "rule 2 is the same as an earlier one",
            ),
        ] {
            let found = problems(rule(bad.clone())).unwrap_or_default();
            assert!(
                found
                    .iter()
                    .any(|(field, problem)| *field == "alerts.rules" && problem.contains(says)),
                "{bad}: {found:?}"
            );
        }
        let many: Vec<_> = (1..=11)
            .map(|count| json!({"kind": "open_items", "count": count}))
            .collect();
        assert!(
            problems(json!({"rules": many})).unwrap_or_default()[0]
                .1
                .contains("at most 10 rules")
        );
        for url in [
            "http://10.0.0.7/hook",
            "https://169.254.169.254/x",
            "ftp://chat.example/x",
        ] {
            let found = problems(json!({"chat_url": url})).unwrap_or_default();
            assert!(
                found
                    .iter()
                    .any(|(field, problem)| *field == "alerts.chat_url"
                        && problem.starts_with("chat_url")),
                "{url}: {found:?}"
            );
        }
        let digest = problems(json!({"daily_digest": true})).unwrap_or_default();
        assert_eq!(
            digest.first().map(|(field, _)| *field),
            Some("alerts.chat_url")
        );
        // What serde refuses: an unknown kind or field, a fraction past tenths.
        for bad in [
            json!({"rules": [{"kind": "sometimes"}]}),
            json!({"rules": [{"kind": "open_items", "count": 1, "extra": 1}]}),
            json!({"rules": [{"kind": "csat_below", "hours": 1, "average": 3.55, "min_answers": 1}]}),
            json!({"rules": [{"kind": "csat_below", "hours": 1, "average": -1, "min_answers": 1}]}),
            json!({"webhook": true}),
        ] {
            assert!(read(bad.clone()).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_alert_goes_somewhere_only_with_a_chat_url_or_the_webhook() {
        let mut settings = AlertSettings::default();
        assert!(!settings.delivers(true));
        settings.to_webhook = true;
        assert!(settings.delivers(true) && !settings.delivers(false));
        settings.to_webhook = false;
        settings.chat_url = Some("https://chat.example/hook".into());
        assert!(settings.delivers(false));
    }
}
