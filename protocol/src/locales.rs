//! Which locales the collector ships copy for (`GET /v1/locales`, read by
//! the widget to negotiate), and the shipped copy itself as the build hands
//! it to the Worker.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::check_locale;

/// The locale every lookup falls back to, and the reference for checks.
pub const DEFAULT_LOCALE: &str = "en-US";

/// `{"default": "en-US", "locales": ["ar", "de", ...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocaleList {
    /// The fallback (always one of `locales`).
    pub default: String,
    /// Every shipped locale tag, sorted.
    pub locales: Vec<String>,
    /// The locales the site owners' dashboard is translated into, sorted.
    #[serde(default)]
    pub dashboard: Vec<String>,
}

impl LocaleList {
    /// The list of `tags` (folder names under `locales/`): well-formed tags
    /// only, sorted, with [`DEFAULT_LOCALE`] always present.
    pub fn new<I: IntoIterator<Item = String>>(tags: I) -> Self {
        let mut locales: Vec<String> = tags
            .into_iter()
            .filter(|tag| check_locale("locale", tag).is_ok())
            .chain([DEFAULT_LOCALE.to_string()])
            .collect();
        locales.sort();
        locales.dedup();
        Self {
            default: DEFAULT_LOCALE.to_string(),
            locales,
            dashboard: Vec::new(),
        }
    }

    /// Whether `tag` is shipped (exact, case-sensitive match).
    pub fn has(&self, tag: &str) -> bool {
        self.locales.iter().any(|locale| locale == tag)
    }
}

/// The best of `available` tags for `requested` ones (most preferred
/// first), by fluent-langneg's filtering strategy; [`DEFAULT_LOCALE`] when
/// nothing matches. Malformed tags are skipped.
pub fn negotiate(requested: &[String], available: &[String]) -> String {
    use unic_langid::LanguageIdentifier;
    let parse = |tags: &[String]| -> Vec<LanguageIdentifier> {
        tags.iter().filter_map(|tag| tag.parse().ok()).collect()
    };
    let default: Option<LanguageIdentifier> = DEFAULT_LOCALE.parse().ok();
    fluent_langneg::negotiate_languages(
        &parse(requested),
        &parse(available),
        default.as_ref(),
        fluent_langneg::NegotiationStrategy::Filtering,
    )
    .first()
    .map_or_else(|| DEFAULT_LOCALE.to_string(), ToString::to_string)
}

/// Every shipped Fluent file, as one static asset of the Worker
/// (`locales/copy.json`): one file, so a new locale is a change to a file
/// `wrangler dev` already serves, not a new one it would not see.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippedCopy {
    /// Locale tag → the widget's FTL.
    pub widget: BTreeMap<String, String>,
    /// Locale tag → the dashboard's FTL.
    pub dashboard: BTreeMap<String, String>,
}

impl ShippedCopy {
    /// The locales the widget has copy for, and those the dashboard has.
    pub fn list(&self) -> LocaleList {
        LocaleList {
            dashboard: self.dashboard.keys().cloned().collect(),
            ..LocaleList::new(self.widget.keys().cloned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_filters_to_the_nearest_and_falls_back_to_the_default() {
        let available = ["ar", "de", "en-US", "pt-BR"].map(String::from);
        let pick = |tags: &[&str]| {
            let requested: Vec<String> = tags.iter().map(|tag| tag.to_string()).collect();
            negotiate(&requested, &available)
        };
        assert_eq!(pick(&["de-AT", "en"]), "de");
        assert_eq!(pick(&["pt-BR"]), "pt-BR");
        assert_eq!(pick(&["ar-EG"]), "ar");
        assert_eq!(pick(&["sv"]), "en-US");
        assert_eq!(pick(&["not a tag!"]), "en-US");
        assert_eq!(pick(&[]), "en-US");
    }

    #[test]
    fn the_list_is_sorted_deduplicated_and_always_has_the_default() {
        let list = LocaleList::new(["fr", "de", "fr", "not a tag!"].map(String::from));
        assert_eq!(list.locales, ["de", "en-US", "fr"]);
        assert_eq!(list.default, "en-US");
        assert!(list.has("de") && !list.has("DE") && !list.has("not a tag!"));
    }
}
