//! The collector's refusals and the checker's findings in the owner's
//! language. The collector and the checker name each by a code
//! (`protocol::ErrorCode`, `l10n::Code`) and say it in English for API
//! users; the dashboard words them from `dashboard.ftl` (`refusal-…`,
//! `checker-…`), and a unit test holds every code of both lists to a
//! message in every locale.

use l10n::format::Args;
use protocol::{CopyFinding, ErrorCode};

use crate::i18n::{self, I18n, Key};

/// The message that words refusal `code`.
pub fn refusal_id(code: ErrorCode) -> String {
    format!("refusal-{}", code.as_str().replace('_', "-"))
}

/// The message that words a finding of checker code `code`.
pub fn finding_id(code: &str) -> String {
    format!("checker-{code}")
}

/// Refusal `code` in the owner's language (tracked), where the copy has
/// words for it.
pub fn refusal(i18n: I18n, code: ErrorCode) -> Option<String> {
    i18n.format_named(&refusal_id(code), &Args::new())
}

/// The message that words a problem with settings field `field`
/// (`alerts.rules` → `settings-problem-alerts-rules`).
pub fn field_problem_id(field: &str) -> String {
    format!("settings-problem-{}", field.replace(['_', '.'], "-"))
}

/// A problem with settings field `field` in the owner's language
/// (tracked). In English, `english` itself: the check's or the
/// collector's words name the very value and row ("rule 1: `hours` must
/// be 1 to 168, not 500"). In another language, what the field takes,
/// with the numbers of its rule (`protocol::settings::rule_values`); the
/// row shows which by its `aria-invalid`.
pub fn field_problem(i18n: I18n, field: &str, english: &str) -> String {
    if i18n.locale() == protocol::locales::DEFAULT_LOCALE {
        return english.to_string();
    }
    let mut args = Args::new();
    for (name, value) in protocol::settings::rule_values(field) {
        args.set(name, i18n::count(value));
    }
    i18n.format_named(&field_problem_id(field), &args)
        .unwrap_or_else(|| english.to_string())
}

/// A finding of the checker in wording: the editor's own check
/// (`l10n::Diagnostic`) or one of the collector's refusal (`CopyFinding`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The checker's code (`number-option`).
    pub code: String,
    /// 1-based line in the wording as a Fluent file.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// Its named values.
    pub args: Vec<(String, String)>,
    /// The whole finding in English, for a code the copy has no words for.
    pub english: String,
}

impl From<&l10n::Diagnostic> for Finding {
    fn from(diagnostic: &l10n::Diagnostic) -> Self {
        Self {
            code: diagnostic.code.as_str().to_string(),
            line: diagnostic.line,
            col: diagnostic.col,
            args: diagnostic
                .args
                .iter()
                .map(|(name, value)| (name.to_string(), value.clone()))
                .collect(),
            english: diagnostic.to_string(),
        }
    }
}

impl From<CopyFinding> for Finding {
    fn from(found: CopyFinding) -> Self {
        Self {
            code: found.code,
            line: found.line,
            col: found.col,
            args: found.args.into_iter().collect(),
            english: found.message,
        }
    }
}

impl Finding {
    /// A finding known only by its English words (from a collector that
    /// sent no codes).
    pub fn english(text: String) -> Self {
        Self {
            code: String::new(),
            line: 0,
            col: 0,
            args: Vec::new(),
            english: text,
        }
    }

    /// In the owner's language (tracked), after its line and column; in
    /// English where the copy has no words for its code.
    pub fn worded(&self, i18n: I18n) -> String {
        let mut args = Args::new();
        for (name, value) in &self.args {
            args.set(name.clone(), i18n::text(value.clone()));
        }
        let Some(finding) = i18n.format_named(&finding_id(&self.code), &args) else {
            return self.english.clone();
        };
        let mut at = Args::new();
        // As text: a line number is not grouped ("1,204").
        at.set("line", i18n::text(self.line.to_string()));
        at.set("col", i18n::text(self.col.to_string()));
        at.set("finding", i18n::text(finding));
        i18n.format(Key::CheckerAt, &at)
    }
}

/// The names of every value a finding carries, as `l10n::Code` lists them
/// for each code (with `kind` and `problem`, which select a variant).
#[cfg(test)]
pub(crate) const FINDING_VALUES: [&str; 25] = [
    "id",
    "attribute",
    "variable",
    "target",
    "kind",
    "term",
    "missing",
    "categories",
    "locale",
    "unused",
    "value",
    "significant",
    "fraction",
    "depth",
    "character",
    "detail",
    "first",
    "function",
    "option",
    "options",
    "low",
    "high",
    "other",
    "digits",
    "problem",
];

#[cfg(test)]
mod tests {
    use super::*;
    use l10n::format::{Arg, Catalog, Messages};

    /// Every locale's `dashboard.ftl`, by tag.
    fn locales() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
        let mut found: Vec<(String, String)> = std::fs::read_dir(&root)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|locale| {
                let ftl = std::fs::read_to_string(locale.path().join("dashboard.ftl")).ok()?;
                Some((locale.file_name().to_string_lossy().into_owned(), ftl))
            })
            .collect();
        found.sort();
        found
    }

    #[test]
    fn every_refusal_code_of_the_collector_has_words_in_every_locale() {
        let locales = locales();
        assert_eq!(locales.len(), 8, "every shipped locale");
        for (tag, ftl) in &locales {
            let messages = Messages::parse(ftl);
            for code in ErrorCode::ALL {
                assert!(
                    messages.has(&refusal_id(*code)),
                    "{tag} has no words for the refusal {}",
                    code.as_str()
                );
            }
        }
    }

    #[test]
    fn every_settings_problem_has_words_in_every_locale_with_its_rules_numbers() {
        for (tag, ftl) in &locales() {
            let catalog = Catalog::new(tag, ftl);
            for field in protocol::settings::PROBLEM_FIELDS {
                let mut args = Args::new();
                for (name, value) in protocol::settings::rule_values(field) {
                    args.set(name, Arg::Number(i64::try_from(value).unwrap_or(i64::MAX)));
                }
                // `None` when it uses a number the rule does not give.
                let text = catalog.format(&field_problem_id(field), &args);
                assert!(
                    text.as_deref().is_some_and(|text| !text.trim().is_empty()),
                    "{tag} has no words for a problem with {field}, or uses a number its rule lacks"
                );
            }
        }
    }

    #[test]
    fn every_checker_code_has_words_in_every_locale_with_each_of_its_values() {
        // Each code's values, as the checker names them (`l10n::Code`).
        let mut args = Args::new();
        for name in FINDING_VALUES {
            args.set(name, Arg::Text(format!("«{name}»")));
        }
        let locales = locales();
        for (tag, ftl) in &locales {
            let messages = Messages::parse(ftl);
            let catalog = Catalog::new(tag, ftl);
            for code in l10n::Code::ALL {
                let id = finding_id(code.as_str());
                assert!(
                    messages.has(&id),
                    "{tag} has no words for the finding {code}"
                );
                // Each variant of the selectors, and nothing left unfilled.
                for (kind, problem) in [
                    ("term", "unknown"),
                    ("message", "grouping"),
                    ("message", "range"),
                    ("message", "conflict"),
                    ("message", "precision"),
                ] {
                    let mut args = args.clone();
                    args.set("kind", Arg::Text(kind.into()));
                    args.set("problem", Arg::Text(problem.into()));
                    // `None` when a value it uses is not one the checker gives.
                    let text = catalog.format(&id, &args);
                    assert!(
                        text.as_deref().is_some_and(|text| !text.trim().is_empty()),
                        "{tag}: {id} cannot be worded with the checker's values"
                    );
                }
            }
        }
    }

    #[test]
    fn a_finding_keeps_its_values_and_its_english_words() {
        let diagnostics = l10n::check_site_copy(
            "# Count.\ncharacters-left = { $count } left\n",
            "de",
            "characters-left = { NUMBER($count, style: \"percent\") } übrig\n",
        );
        let finding = Finding::from(&diagnostics[0]);
        assert_eq!(finding.code, "number-option");
        assert_eq!((finding.line, finding.col), (1, 36));
        assert!(
            finding.args.contains(&("problem".into(), "unknown".into())),
            "{finding:?}"
        );
        assert!(
            finding.args.contains(&("option".into(), "style".into())),
            "{finding:?}"
        );
        assert_eq!(finding.english, diagnostics[0].to_string());
        let sent = CopyFinding {
            code: finding.code.clone(),
            line: finding.line,
            col: finding.col,
            args: finding.args.iter().cloned().collect(),
            message: finding.english.clone(),
        };
        let mut back = Finding::from(sent);
        back.args.sort();
        let mut own = finding.clone();
        own.args.sort();
        assert_eq!(back, own, "the collector's finding is the editor's");
    }
}
