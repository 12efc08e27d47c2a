//! A site's redaction as its settings hold it (`redaction`), and applying
//! it to an event's free text: the question, the answer, the reason and
//! the comment.

use serde::{Deserialize, Serialize};

use super::{Pattern, Redactor, extra};
use crate::event::{Event, EventKind};

/// Whether and how a site's text is redacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RedactionSettings {
    /// Take personal data out of text before it is stored or sent on. On
    /// unless the owner turns it off (also for sites whose settings were
    /// stored before redaction existed).
    pub enabled: bool,
    /// The site's own patterns, at most [`extra::MAX_PATTERNS`]; used
    /// while `enabled`.
    pub patterns: Vec<Pattern>,
}

impl Default for RedactionSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            patterns: Vec::new(),
        }
    }
}

impl RedactionSettings {
    /// Every problem, under `redaction.patterns`, naming the pattern.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.patterns.len() > extra::MAX_PATTERNS {
            problems.push((
                "redaction.patterns",
                format!(
                    "at most {} patterns, not {}",
                    extra::MAX_PATTERNS,
                    self.patterns.len()
                ),
            ));
            return problems;
        }
        for (index, pattern) in self.patterns.iter().enumerate() {
            if let Some(problem) = pattern.problem() {
                problems.push((
                    "redaction.patterns",
                    format!("pattern {}: {problem}", index + 1),
                ));
                return problems;
            }
            let twice = self
                .patterns
                .iter()
                .take(index)
                .any(|earlier| earlier.prefix.eq_ignore_ascii_case(&pattern.prefix));
            if twice {
                problems.push((
                    "redaction.patterns",
                    format!(
                        "pattern {}: the prefix {:?} is already pattern {}",
                        index + 1,
                        pattern.prefix,
                        self.patterns
                            .iter()
                            .position(|earlier| earlier
                                .prefix
                                .eq_ignore_ascii_case(&pattern.prefix))
                            .map_or(0, |at| at + 1)
                    ),
                ));
                return problems;
            }
        }
        problems
    }

    /// The redactor, while redaction is on.
    pub fn redactor(&self) -> Option<Redactor> {
        self.enabled.then(|| Redactor::new(&self.patterns))
    }

    /// Redacts `event`'s free text, while redaction is on.
    pub fn apply(&self, event: &mut Event) {
        if let Some(redactor) = self.redactor() {
            redact_event(&redactor, event);
        }
    }
}

/// Redacts `event`'s free text with `redactor`: a thumb's question, answer
/// and reason, a satisfaction answer's comment. Redacting twice changes
/// nothing more (no token holds what a reader looks for).
pub fn redact_event(redactor: &Redactor, event: &mut Event) {
    let redact = |text: &mut Option<String>| {
        if let Some(text) = text {
            let redacted = redactor.redact(text);
            if !redacted.found.is_empty() {
                *text = redacted.text.into_owned();
            }
        }
    };
    match &mut event.kind {
        EventKind::MessageFeedback(feedback) => {
            redact(&mut feedback.question);
            redact(&mut feedback.answer);
            redact(&mut feedback.reason);
        }
        EventKind::CsatResponse(answer) => redact(&mut answer.comment),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::Action;

    fn pattern(prefix: &str) -> Pattern {
        Pattern {
            prefix: prefix.into(),
            action: Action::Remove,
        }
    }

    #[test]
    fn problems_name_the_pattern() {
        let settings = |patterns: Vec<Pattern>| RedactionSettings {
            enabled: true,
            patterns,
        };
        assert!(
            settings(vec![pattern("ORD-"), pattern("#")])
                .problems()
                .is_empty()
        );
        let twice = settings(vec![pattern("ORD-"), pattern("ord-")]).problems();
        assert_eq!(
            twice,
            [(
                "redaction.patterns",
                "pattern 2: the prefix \"ord-\" is already pattern 1".to_string()
            )]
        );
        let bad = settings(vec![pattern("ORD-"), pattern("ORD1")]).problems();
        assert!(bad[0].1.starts_with("pattern 2: "), "{bad:?}");
        let many = settings((0..11).map(|n| pattern(&format!("P{n}-"))).collect()).problems();
        assert_eq!(many[0].1, "at most 10 patterns, not 11");
    }

    #[test]
    fn redacting_twice_changes_nothing_more() {
        let redactor = Redactor::default();
        let once = redactor.redact("mail a@example.com, call +49 30 1234567, card 4111 1111 1111 1111, IBAN DE89370400440532013000, ORD-12").text.into_owned();
        let with_order = Redactor::new(&[pattern("ORD-")]);
        let twice = with_order.redact(&once).text.into_owned();
        let thrice = with_order.redact(&twice).text.into_owned();
        assert_eq!(
            twice,
            "mail [email], call [phone], card [card], IBAN [iban], ORD-[number]"
        );
        assert_eq!(thrice, twice);
    }

    #[test]
    fn stored_settings_without_it_redact() {
        let settings: RedactionSettings = serde_json::from_str("{}").unwrap();
        assert!(settings.enabled);
        assert!(serde_json::from_str::<RedactionSettings>(r#"{"enabled": true, "x": 1}"#).is_err());
    }
}
