//! Fluent for the whole product, in two halves that share one parser:
//! - the checker (this module): a locale's file against the reference
//!   (en-US), with diagnostics the way a compiler gives them
//!   (`file:line:col: error[code]: ...`), for `cargo xtask locales check`
//!   and for the collector's check of a site's own wording, so both agree;
//! - the formatter ([`format`](mod@format)), which the widget and the dashboard resolve
//!   their strings with at run time, with plural rules from [`plural`]
//!   (the browser's `Intl.PluralRules` in wasm), and `reactive` (feature
//!   `reactive`), the reactive handle both UIs share.
//!
//! [`guard`] finds what copy may not hold before it is parsed,
//! [`layer`] lays a site's wording over the shipped copy, and [`screen`]
//! sets aside the messages of stored wording that today's check refuses.

mod diagnostic;
pub mod entries;
pub mod format;
pub mod functions;
pub mod guard;
mod inventory;
mod layer;
mod number;
pub mod plural;
pub mod pseudo;
#[cfg(feature = "reactive")]
pub mod reactive;
pub mod screen;
pub mod shipped;

use std::collections::BTreeSet;

pub use diagnostic::{Args, Code, Diagnostic, Severity};
use inventory::{Inventory, Unit};
pub use layer::{layer, plain_text};
use unic_langid::LanguageIdentifier;

/// One Fluent file: where it is, which locale it is for, and its text.
pub struct Source<'a> {
    /// Path shown in diagnostics.
    pub path: &'a str,
    /// The locale the file translates into.
    pub locale: &'a str,
    /// The FTL text.
    pub text: &'a str,
}

/// Checks `translation` against `reference`. Everything the translation
/// file alone can show (syntax, duplicates, broken references, empty
/// values, plural categories) is checked too, so checking the reference
/// against itself (same path) validates it, and then also warns about
/// messages without a comment for translators.
pub fn check(reference: &Source, translation: &Source) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let reference_inventory = Inventory::read(reference, &mut Vec::new());
    let inventory = Inventory::read(translation, &mut diagnostics);
    let at = |unit: &Unit| (unit.line, unit.col);
    let error = |code: Code, (line, col): (usize, usize), message: String, args: Args| Diagnostic {
        severity: Severity::Error,
        code,
        path: translation.path.to_string(),
        line,
        col,
        message,
        args,
    };
    let text = |value: &str| value.to_string();

    for (id, unit) in &reference_inventory.units {
        let Some(translated) = inventory.units.get(id) else {
            diagnostics.push(error(
                Code::MissingMessage,
                (1, 1),
                format!(
                    "`{id}` is missing ({}:{} has it)",
                    reference.path, unit.line
                ),
                vec![("id", text(id))],
            ));
            continue;
        };
        for attribute in unit.attributes.difference(&translated.attributes) {
            diagnostics.push(error(
                Code::MissingAttribute,
                at(translated),
                format!("`{id}` lacks the attribute `.{attribute}` that the reference has"),
                vec![("id", text(id)), ("attribute", text(attribute))],
            ));
        }
        for attribute in translated.attributes.difference(&unit.attributes) {
            diagnostics.push(error(
                Code::ObsoleteAttribute,
                at(translated),
                format!("`{id}.{attribute}` is not in the reference"),
                vec![("id", text(id)), ("attribute", text(attribute))],
            ));
        }
        // What a message reads from its caller includes what the messages
        // it refers to read: they are resolved with the same arguments.
        let offered = reference_inventory.reachable_variables(id);
        let read = inventory.reachable_variables(id);
        for variable in read.difference(&offered) {
            let message = if translated.variables.contains(variable) {
                format!("`{id}` uses `${variable}`, which the reference does not provide")
            } else {
                format!(
                    "`{id}` refers to a message that uses `${variable}`, which the reference does not provide for `{id}`"
                )
            };
            diagnostics.push(error(
                Code::UnknownVariable,
                at(translated),
                message,
                vec![("id", text(id)), ("variable", text(variable))],
            ));
        }
        for variable in offered.difference(&read) {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                ..error(
                    Code::UnusedVariable,
                    at(translated),
                    format!("`{id}` does not use `${variable}`, which the reference does"),
                    vec![("id", text(id)), ("variable", text(variable))],
                )
            });
        }
    }
    for (id, unit) in &inventory.units {
        if !id.starts_with('-') && !reference_inventory.units.contains_key(id) {
            diagnostics.push(error(
                Code::ObsoleteMessage,
                at(unit),
                format!(
                    "`{id}` is not in the reference ({}); remove it",
                    reference.path
                ),
                vec![("id", text(id))],
            ));
        }
    }
    let known: BTreeSet<&str> = inventory.units.keys().map(String::as_str).collect();
    for unit in inventory.units.values() {
        for target in &unit.references {
            if !known.contains(target.as_str()) {
                let kind = if target.starts_with('-') {
                    "term"
                } else {
                    "message"
                };
                diagnostics.push(error(
                    Code::UnknownReference,
                    at(unit),
                    format!(
                        "`{}` refers to the {kind} `{target}`, which does not exist",
                        unit.id
                    ),
                    vec![
                        ("id", text(&unit.id)),
                        ("target", text(target)),
                        ("kind", text(kind)),
                    ],
                ));
            }
        }
    }
    // A term reads only the arguments of its call: a variable it writes
    // out that a call does not pass would be shown as `{$name}`.
    for unit in inventory.units.values() {
        for call in &unit.term_calls {
            let Some(term) = inventory.units.get(&call.term) else {
                continue;
            };
            for variable in term.placed_variables.difference(&call.named) {
                diagnostics.push(error(
                    Code::TermVariable,
                    at(unit),
                    format!(
                        "`{}` uses `{}` without `{variable}: …`, so the bubble would show `{{${variable}}}`: a term cannot read the message's variables, only what its call passes",
                        unit.id, call.term
                    ),
                    vec![
                        ("id", text(&unit.id)),
                        ("term", text(&call.term)),
                        ("variable", text(variable)),
                    ],
                ));
            }
        }
    }
    if let Ok(locale) = translation.locale.parse::<LanguageIdentifier>() {
        let categories = plural::categories(&locale);
        for unit in inventory.units.values() {
            for keys in &unit.plural_selectors {
                let missing: Vec<&str> = categories
                    .iter()
                    .filter(|category| !keys.contains(**category))
                    .copied()
                    .collect();
                if !missing.is_empty() {
                    diagnostics.push(error(
                        Code::PluralCategories,
                        at(unit),
                        format!(
                            "`{}` selects on a number but lacks the {} categories {} ({} uses {})",
                            unit.id,
                            translation.locale,
                            missing.join(", "),
                            translation.locale,
                            categories.join(", ")
                        ),
                        vec![
                            ("id", text(&unit.id)),
                            ("locale", text(translation.locale)),
                            ("missing", missing.join(", ")),
                            ("categories", categories.join(", ")),
                        ],
                    ));
                }
                // A category the language never uses is never shown: `[zero]`
                // in English does not catch 0, which is `other`.
                let unused: Vec<&str> = keys
                    .iter()
                    .map(String::as_str)
                    .filter(|key| plural::ALL.contains(key) && !categories.contains(key))
                    .collect();
                if !unused.is_empty() {
                    let unused_keys = unused
                        .iter()
                        .map(|key| format!("[{key}]"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        ..error(
                            Code::PluralCategoryUnused,
                            at(unit),
                            format!(
                            "`{}` has the variants {unused_keys}, which {} never selects ({} uses {}); use a number key such as [0] for an exact count",
                            unit.id,
                            translation.locale,
                            translation.locale,
                            categories.join(", ")
                        ),
                            vec![
                                ("id", text(&unit.id)),
                                ("locale", text(translation.locale)),
                                ("unused", unused_keys.clone()),
                                ("categories", categories.join(", ")),
                            ],
                        )
                    });
                }
            }
        }
    } else {
        diagnostics.push(error(
            Code::BadLocale,
            (1, 1),
            format!("{:?} is not a locale tag", translation.locale),
            vec![("locale", text(translation.locale))],
        ));
    }
    // The reference is what translators read: every message says where it
    // shows (and any length limit) in a comment right above it.
    if translation.path == reference.path {
        for unit in inventory.units.values().filter(|unit| !unit.documented) {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                ..error(
                    Code::Undocumented,
                    at(unit),
                    format!(
                        "`{}` has no comment right above it telling translators where it shows and how long it may be",
                        unit.id
                    ),
                    vec![("id", text(&unit.id))],
                )
            });
        }
    }
    diagnostics
        .sort_by(|a, b| (a.line, a.col, a.code.as_str()).cmp(&(b.line, b.col, b.code.as_str())));
    diagnostics
}

/// Checker codes that do not apply to a site's own wording: it may change
/// just a few messages, and the shipped copy supplies the rest.
const PARTIAL_IS_FINE: [Code; 2] = [Code::MissingMessage, Code::MissingAttribute];

/// The reference locale, which every other one translates.
pub const REFERENCE_LOCALE: &str = "en-US";

/// Where the reference copy is, as diagnostics of a site's wording name it.
pub const REFERENCE_PATH: &str = "locales/en-US/widget.ftl";

/// The errors in `ftl`, a site's own wording for `locale`, checked against
/// `reference` (the shipped en-US widget copy): what the collector refuses
/// a save for (422) and what the dashboard's wording editor shows as it is
/// typed, so both say the same, at the same `copy/{locale}.ftl:line:col`.
pub fn check_site_copy(reference: &str, locale: &str, ftl: &str) -> Vec<Diagnostic> {
    let path = format!("copy/{locale}.ftl");
    check(
        &Source {
            path: REFERENCE_PATH,
            locale: REFERENCE_LOCALE,
            text: reference,
        },
        &Source {
            path: &path,
            locale,
            text: ftl,
        },
    )
    .into_iter()
    .filter(|diagnostic| diagnostic.is_error() && !PARTIAL_IS_FINE.contains(&diagnostic.code))
    .collect()
}

#[cfg(test)]
mod override_tests {
    use super::*;

    #[test]
    fn an_override_may_leave_messages_out_but_not_break_one() {
        let reference = "# Title.\ntitle = Title\n# Thanks.\nthanks = Thanks { $name }\n";
        assert!(check_site_copy(reference, "de", "title = Titel\n").is_empty());
        let whole = Source {
            path: "copy/de.ftl",
            locale: "de",
            text: "title = Titel\n",
        };
        let reference_source = Source {
            path: REFERENCE_PATH,
            locale: "en-US",
            text: reference,
        };
        assert!(
            !check(&reference_source, &whole).is_empty(),
            "the full check names the missing message"
        );
        let broken = check_site_copy(reference, "de", "title = Titel\nthanks = Danke { $\n");
        assert!(broken.iter().all(Diagnostic::is_error), "{broken:?}");
        assert_eq!(
            broken
                .first()
                .map(|found| (found.path.as_str(), found.code.as_str(), found.line)),
            Some(("copy/de.ftl", "syntax", 2)),
            "{broken:?}"
        );
    }
}
