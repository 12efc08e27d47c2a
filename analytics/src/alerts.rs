//! Alerts (#31 §3): whether a rule holds, from the figures the scheduled
//! run reads out of the rollups; when that is news (it started or stopped
//! holding); and the alert and its chat-ops message.

use protocol::alerts::{Alert, AlertRule, AlertState};
use protocol::chat::{Block, ChatMessage, MAX_HEADER_CHARS, MAX_SECTION_CHARS, Text, escape};

/// What the run read for one rule over its window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    /// 👎s, the sum of satisfaction scores, or open items.
    pub amount: u64,
    /// Ratings, answers, or open items.
    pub count: u64,
}

/// What a rule came to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judgement {
    /// The rule holds.
    pub holds: bool,
    /// The figure judged (`None` with nothing to judge).
    pub value: Option<f64>,
    /// Over how many.
    pub count: u64,
}

/// Whether `rule` holds on `figures`. Shares and averages compare in
/// whole numbers, so a share of exactly the limit does not hold.
pub fn judge(rule: &AlertRule, figures: Figures) -> Judgement {
    let Figures { amount, count } = figures;
    let ratio = |scale: f64| (count > 0).then(|| amount as f64 * scale / count as f64);
    match rule {
        AlertRule::ThumbsDownShare {
            percent,
            min_ratings,
            ..
        } => Judgement {
            holds: count >= u64::from(*min_ratings) && amount * 100 > u64::from(*percent) * count,
            value: ratio(100.0),
            count,
        },
        AlertRule::CsatBelow {
            average,
            min_answers,
            ..
        } => Judgement {
            holds: count >= u64::from(*min_answers) && amount * 10 < u64::from(average.0) * count,
            value: ratio(1.0),
            count,
        },
        AlertRule::OpenItems { count: limit } => Judgement {
            holds: amount >= u64::from(*limit),
            value: Some(amount as f64),
            count: amount,
        },
    }
}

/// The alert a run owes, if the rule's state changed: firing when it
/// holds now and did not before, resolved when it held and does not now.
pub fn news(rule: &AlertRule, was_holding: bool, judgement: Judgement, at: i64) -> Option<Alert> {
    let state = match (was_holding, judgement.holds) {
        (false, true) => AlertState::Firing,
        (true, false) => AlertState::Resolved,
        _ => return None,
    };
    Some(Alert {
        rule: rule.clone(),
        state,
        at,
        value: judgement.value.map(|value| (value * 10.0).round() / 10.0),
        count: judgement.count,
        text: sentence(rule, state, judgement),
    })
}

/// A share in percent, with a decimal only where the whole number would
/// hide it (30.4% is not "30%", which would read as not above 30%).
fn share_text(share: f64) -> String {
    let tenths = (share * 10.0).round();
    if tenths % 10.0 == 0.0 {
        format!("{:.0}%", tenths / 10.0)
    } else {
        format!("{:.1}%", tenths / 10.0)
    }
}

fn hours_text(hours: u32) -> String {
    if hours == 1 {
        "the last hour".into()
    } else {
        format!("the last {hours} hours")
    }
}

fn plural(count: u64, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// One sentence saying what the run found.
fn sentence(rule: &AlertRule, state: AlertState, judgement: Judgement) -> String {
    let resolved = state == AlertState::Resolved;
    let (now, limit) = match rule {
        AlertRule::ThumbsDownShare { hours, percent, .. } => (
            format!(
                "The 👎 share over {} is {} ({})",
                hours_text(*hours),
                judgement.value.map_or_else(|| "unknown".into(), share_text),
                plural(judgement.count, "rating", "ratings"),
            ),
            format!("above {percent}%"),
        ),
        AlertRule::CsatBelow { hours, average, .. } => (
            format!(
                "The satisfaction average over {} is {} ({})",
                hours_text(*hours),
                judgement
                    .value
                    .map_or_else(|| "unknown".into(), |value| format!("{value:.2}")),
                plural(judgement.count, "answer", "answers"),
            ),
            format!("below {}", average.value()),
        ),
        AlertRule::OpenItems { count } => (
            format!(
                "{} opened in the last hour and still open",
                plural(judgement.count, "review item", "review items"),
            ),
            format!("at least {count}"),
        ),
    };
    if resolved {
        format!("Resolved: {now}, no longer {limit}.")
    } else {
        format!("{now}, {limit}.")
    }
}

/// The chat-ops message for `alert` of the site named `site` (the shop's
/// name, or its key), linking to `dashboard` when given.
pub fn chat_message(alert: &Alert, site: &str, dashboard: Option<&str>) -> ChatMessage {
    let title = match alert.state {
        AlertState::Firing => format!("Alert for {site}"),
        AlertState::Resolved => format!("Resolved for {site}"),
    };
    let mut blocks = vec![
        Block::Header {
            text: Text::plain(&title, MAX_HEADER_CHARS),
        },
        Block::Section {
            text: Text::markup(&escape(&alert.text), MAX_SECTION_CHARS),
        },
    ];
    if let Some(dashboard) = dashboard {
        blocks.push(Block::Context {
            elements: vec![Text::markup(
                &format!("<{}|Open the dashboard>", escape(dashboard)),
                MAX_SECTION_CHARS,
            )],
        });
    }
    // Slack reads `text` as markup too, and some clients show only it.
    ChatMessage {
        text: escape(&format!("{title}: {}", alert.text)),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::alerts::Tenths;

    const SHARE: AlertRule = AlertRule::ThumbsDownShare {
        hours: 6,
        percent: 30,
        min_ratings: 10,
    };

    fn figures(amount: u64, count: u64) -> Figures {
        Figures { amount, count }
    }

    #[test]
    fn each_rule_holds_past_its_limit_with_enough_to_judge() {
        assert!(judge(&SHARE, figures(4, 10)).holds);
        assert!(!judge(&SHARE, figures(3, 10)).holds, "30% is not above 30%");
        assert!(!judge(&SHARE, figures(9, 9)).holds, "9 ratings are too few");
        assert_eq!(judge(&SHARE, figures(0, 0)).value, None);
        let csat = AlertRule::CsatBelow {
            hours: 24,
            average: Tenths(35),
            min_answers: 4,
        };
        // 3.25 < 3.5; 3.5 is not below 3.5.
        assert!(judge(&csat, figures(13, 4)).holds);
        assert!(!judge(&csat, figures(14, 4)).holds);
        assert!(!judge(&csat, figures(3, 3)).holds, "3 answers are too few");
        let items = AlertRule::OpenItems { count: 3 };
        assert!(judge(&items, figures(3, 3)).holds);
        assert!(!judge(&items, figures(2, 2)).holds);
    }

    #[test]
    fn an_alert_is_news_only_when_the_rule_starts_or_stops_holding() {
        let holds = judge(&SHARE, figures(5, 10));
        let calm = judge(&SHARE, figures(1, 10));
        let fired = news(&SHARE, false, holds, 7).map(|alert| alert.state);
        assert_eq!(fired, Some(AlertState::Firing));
        assert_eq!(news(&SHARE, true, holds, 7), None, "still holding");
        assert_eq!(news(&SHARE, false, calm, 7), None, "still calm");
        let resolved = news(&SHARE, true, calm, 7);
        assert_eq!(
            resolved.as_ref().map(|alert| alert.text.as_str()),
            Some(
                "Resolved: The 👎 share over the last 6 hours is 10% (10 ratings), no longer above 30%."
            )
        );
        let Some(fired) = news(&SHARE, false, holds, 7) else {
            panic!("fired");
        };
        assert_eq!(
            fired.text,
            "The 👎 share over the last 6 hours is 50% (10 ratings), above 30%."
        );
        assert_eq!((fired.value, fired.count), (Some(50.0), 10));
        // Just above the limit shows its decimal.
        let just = judge(&SHARE, figures(304, 1000));
        let Some(just) = news(&SHARE, false, just, 7) else {
            panic!("30.4% is above 30%");
        };
        assert!(
            just.text.contains("is 30.4% (1000 ratings)"),
            "{}",
            just.text
        );
    }

    #[test]
    fn the_chat_message_escapes_the_shops_name_and_links_the_dashboard() {
        let Some(alert) = news(
            &AlertRule::OpenItems { count: 1 },
            false,
            judge(&AlertRule::OpenItems { count: 1 }, figures(2, 2)),
            0,
        ) else {
            panic!("fired");
        };
        let message = chat_message(
            &alert,
            "Tom & <Jerry>",
            Some("https://c.example/dashboard/"),
        );
        assert_eq!(
            message.text,
            "Alert for Tom &amp; &lt;Jerry&gt;: 2 review items opened in the last hour and still open, at least 1."
        );
        assert_eq!(
            message.blocks.first(),
            Some(&Block::Header {
                text: Text::PlainText {
                    text: "Alert for Tom & <Jerry>".into()
                }
            })
        );
        assert_eq!(
            message.blocks.get(2),
            Some(&Block::Context {
                elements: vec![Text::Mrkdwn {
                    text: "<https://c.example/dashboard/|Open the dashboard>".into()
                }]
            })
        );
    }
}
