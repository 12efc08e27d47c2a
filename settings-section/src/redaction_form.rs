//! The Personal data part of the Settings form as plain data: whether
//! text is redacted, and the site's own patterns as typed, read into the
//! `redaction` setting the collector checks. Tested natively.

use protocol::redact::{Action, Pattern, RedactionSettings, extra::MAX_PATTERNS};
use serde_json::{Value, json};

/// One pattern's row as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternRow {
    /// The text before the digits.
    pub prefix: String,
    /// Whether a match's digits are removed or the match kept.
    pub action: Action,
}

impl PatternRow {
    /// A new, empty row: removing is what an owner adds a pattern for most.
    pub fn new() -> Self {
        Self {
            prefix: String::new(),
            action: Action::Remove,
        }
    }
}

impl Default for PatternRow {
    fn default() -> Self {
        Self::new()
    }
}

/// The Personal data part as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedactionForm {
    /// Redact text before it is stored.
    pub enabled: bool,
    /// The site's own patterns, in order.
    pub patterns: Vec<PatternRow>,
}

/// An action's name in the settings.
pub fn action_name(action: Action) -> &'static str {
    match action {
        Action::Remove => "remove",
        Action::Keep => "keep",
    }
}

/// The action `name` names.
pub fn parse_action(name: &str) -> Option<Action> {
    [Action::Remove, Action::Keep]
        .into_iter()
        .find(|action| action_name(*action) == name)
}

impl RedactionForm {
    /// The form showing `settings`.
    pub fn of(settings: &RedactionSettings) -> Self {
        Self {
            enabled: settings.enabled,
            patterns: settings
                .patterns
                .iter()
                .map(|pattern| PatternRow {
                    prefix: pattern.prefix.clone(),
                    action: pattern.action,
                })
                .collect(),
        }
    }

    /// Whether another pattern may be added.
    pub fn can_add(&self) -> bool {
        self.patterns.len() < MAX_PATTERNS
    }

    /// The `redaction` setting the form says: every row as typed (an
    /// empty prefix too, so the collector's check names it).
    pub fn document(&self) -> Value {
        let patterns: Vec<Value> = self
            .patterns
            .iter()
            .map(|row| {
                serde_json::to_value(Pattern {
                    prefix: row.prefix.clone(),
                    action: row.action,
                })
                .unwrap_or(Value::Null)
            })
            .collect();
        json!({ "enabled": self.enabled, "patterns": patterns })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_reads_back_what_it_shows() {
        let settings = RedactionSettings {
            enabled: false,
            patterns: vec![
                Pattern {
                    prefix: "ORD-".into(),
                    action: Action::Remove,
                },
                Pattern {
                    prefix: "Kunde".into(),
                    action: Action::Keep,
                },
            ],
        };
        let form = RedactionForm::of(&settings);
        let read: RedactionSettings = serde_json::from_value(form.document()).unwrap();
        assert_eq!(read, settings);
    }

    #[test]
    fn at_most_ten_patterns_and_the_action_names() {
        let mut form = RedactionForm::of(&RedactionSettings::default());
        assert!(form.enabled);
        while form.can_add() {
            form.patterns.push(PatternRow::new());
        }
        assert_eq!(form.patterns.len(), MAX_PATTERNS);
        for action in [Action::Remove, Action::Keep] {
            assert_eq!(parse_action(action_name(action)), Some(action));
        }
        assert_eq!(parse_action("hide"), None);
    }
}
