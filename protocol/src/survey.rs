//! Who is offered the satisfaction prompt: a site's survey rules, and the
//! check the widget makes with them when a conversation resolves.
//!
//! - a sample: a stable hash of the conversation's id falls under the
//!   percentage, so a reload never changes the answer;
//! - a cooldown: a shopper who answered or dismissed a prompt is not asked
//!   again for that many days (remembered in the shopper's own storage,
//!   as the once-per-conversation rule is; no identity leaves the page);
//! - a minimum: no prompt after a conversation in which the assistant said
//!   fewer messages.

/// Milliseconds in a day, as the cooldown counts them.
pub const DAY_MS: u64 = 86_400_000;

/// Most days a cooldown may last.
pub const MAX_COOLDOWN_DAYS: u16 = 365;

/// Most assistant messages a site may ask for before the prompt.
pub const MAX_MIN_ASSISTANT_MESSAGES: u8 = 50;

/// A site's rules for offering the prompt. The settings hold them as the
/// flat fields `csat_sample_percent`, `csat_cooldown_days` and
/// `csat_min_assistant_messages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurveyRules {
    /// The share of conversations offered the prompt, 0–100 (0: none,
    /// like `csat_enabled` off).
    pub sample_percent: u8,
    /// Days a shopper is not asked again after answering or dismissing.
    pub cooldown_days: u16,
    /// Fewest assistant messages a conversation needs for the prompt.
    pub min_assistant_messages: u8,
}

impl Default for SurveyRules {
    fn default() -> Self {
        Self {
            sample_percent: 100,
            cooldown_days: 0,
            min_assistant_messages: 1,
        }
    }
}

/// What the widget knows when a conversation resolves.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved<'a> {
    /// The conversation's id.
    pub conversation_id: &'a str,
    /// How many messages the assistant said in it.
    pub assistant_messages: usize,
    /// When this shopper last answered or dismissed a prompt (ms since the
    /// epoch), if ever.
    pub last_answered_ms: Option<u64>,
    /// Now, in ms since the epoch.
    pub now_ms: u64,
}

/// Why a resolved conversation is not offered the prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Its id hashes outside the sample.
    Sample,
    /// The shopper answered or dismissed one within the cooldown.
    Cooldown,
    /// The assistant said fewer messages than the minimum.
    TooShort,
}

impl Skip {
    /// The rule's name, as the widget tells the host page
    /// (`FeedbackBubble.on("csat-skipped", …)`).
    pub fn as_str(self) -> &'static str {
        match self {
            Skip::Sample => "sample",
            Skip::Cooldown => "cooldown",
            Skip::TooShort => "min_assistant_messages",
        }
    }
}

/// A stable bucket 0–99 for `conversation_id` (FNV-1a, 32 bits): the same
/// id lands in the same bucket on every page load and in every browser.
pub fn sample_bucket(conversation_id: &str) -> u8 {
    let hash = conversation_id.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    // Below 100, so it fits.
    (hash % 100) as u8
}

impl SurveyRules {
    /// Whether the conversation `resolved` describes is offered the prompt,
    /// or the first rule that says no.
    pub fn check(&self, resolved: &Resolved) -> Result<(), Skip> {
        if sample_bucket(resolved.conversation_id) >= self.sample_percent {
            return Err(Skip::Sample);
        }
        if resolved.assistant_messages < usize::from(self.min_assistant_messages) {
            return Err(Skip::TooShort);
        }
        // A time ahead of the clock is not the shopper's answer but a clock
        // set back; it does not hold the prompt back.
        let elapsed = resolved
            .last_answered_ms
            .and_then(|last| resolved.now_ms.checked_sub(last));
        if elapsed.is_some_and(|elapsed| elapsed < u64::from(self.cooldown_days) * DAY_MS) {
            return Err(Skip::Cooldown);
        }
        Ok(())
    }

    /// Every field's problem, by settings field name.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.sample_percent > 100 {
            problems.push((
                "csat_sample_percent",
                format!(
                    "csat_sample_percent must be 0 to 100, not {}",
                    self.sample_percent
                ),
            ));
        }
        if self.cooldown_days > MAX_COOLDOWN_DAYS {
            problems.push((
                "csat_cooldown_days",
                format!(
                    "csat_cooldown_days must be 0 to {MAX_COOLDOWN_DAYS}, not {}",
                    self.cooldown_days
                ),
            ));
        }
        if self.min_assistant_messages > MAX_MIN_ASSISTANT_MESSAGES {
            problems.push((
                "csat_min_assistant_messages",
                format!(
                    "csat_min_assistant_messages must be 0 to {MAX_MIN_ASSISTANT_MESSAGES}, not {}",
                    self.min_assistant_messages
                ),
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(id: &str, assistant_messages: usize) -> Resolved<'_> {
        Resolved {
            conversation_id: id,
            assistant_messages,
            last_answered_ms: None,
            now_ms: 1_800_000_000_000,
        }
    }

    fn ids() -> impl Iterator<Item = String> {
        (0..10_000).map(|n| format!("c_{n:06x}"))
    }

    #[test]
    fn the_bucket_is_stable_and_spread_evenly() {
        assert_eq!(sample_bucket("c_1"), sample_bucket("c_1"));
        let mut counts = [0_u32; 100];
        for id in ids() {
            counts[usize::from(sample_bucket(&id))] += 1;
        }
        // 100 per bucket expected; FNV-1a keeps every bucket within ±50%.
        assert!(
            counts.iter().all(|&count| (50..=150).contains(&count)),
            "{counts:?}"
        );
    }

    #[test]
    fn a_sample_offers_about_its_share_and_zero_offers_none() {
        let offered = |percent: u8| {
            let rules = SurveyRules {
                sample_percent: percent,
                ..SurveyRules::default()
            };
            ids()
                .filter(|id| rules.check(&resolved(id, 1)).is_ok())
                .count()
        };
        assert_eq!(offered(0), 0);
        assert_eq!(offered(100), 10_000);
        let quarter = offered(25);
        assert!((2_200..=2_800).contains(&quarter), "{quarter}");
        assert_eq!(
            SurveyRules {
                sample_percent: 0,
                ..SurveyRules::default()
            }
            .check(&resolved("c_1", 3)),
            Err(Skip::Sample)
        );
    }

    #[test]
    fn a_conversation_below_the_minimum_is_not_asked() {
        let rules = SurveyRules {
            min_assistant_messages: 2,
            ..SurveyRules::default()
        };
        assert_eq!(rules.check(&resolved("c_1", 1)), Err(Skip::TooShort));
        assert_eq!(rules.check(&resolved("c_1", 2)), Ok(()));
        assert_eq!(
            SurveyRules::default().check(&resolved("c_1", 0)),
            Err(Skip::TooShort),
            "by default the assistant must have said something"
        );
        let none_needed = SurveyRules {
            min_assistant_messages: 0,
            ..SurveyRules::default()
        };
        assert_eq!(none_needed.check(&resolved("c_1", 0)), Ok(()));
    }

    #[test]
    fn the_cooldown_holds_the_prompt_back_for_its_days_only() {
        let rules = SurveyRules {
            cooldown_days: 7,
            ..SurveyRules::default()
        };
        let now: u64 = 1_800_000_000_000;
        let answered = |ms_ago: i64| Resolved {
            last_answered_ms: Some(now.saturating_add_signed(-ms_ago)),
            ..resolved("c_1", 1)
        };
        let day = DAY_MS as i64;
        assert_eq!(rules.check(&answered(0)), Err(Skip::Cooldown));
        assert_eq!(rules.check(&answered(7 * day - 1)), Err(Skip::Cooldown));
        assert_eq!(rules.check(&answered(7 * day)), Ok(()));
        assert_eq!(rules.check(&answered(-3 * day)), Ok(()), "a clock set back");
        assert_eq!(
            SurveyRules::default().check(&answered(0)),
            Ok(()),
            "no cooldown by default"
        );
    }

    #[test]
    fn rules_out_of_range_are_named_by_field() {
        let rules = SurveyRules {
            sample_percent: 101,
            cooldown_days: 366,
            min_assistant_messages: 51,
        };
        let fields: Vec<_> = rules
            .problems()
            .into_iter()
            .map(|(field, _)| field)
            .collect();
        assert_eq!(
            fields,
            [
                "csat_sample_percent",
                "csat_cooldown_days",
                "csat_min_assistant_messages"
            ]
        );
        assert!(SurveyRules::default().problems().is_empty());
    }
}
