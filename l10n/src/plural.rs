//! The CLDR plural categories a locale's numbers fall into.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

fn name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// Every category name that Fluent's plural selector can use.
pub const ALL: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The cardinal rules of `locale`, or of its language when CLDR has none
/// for the full tag.
fn rules(locale: &LanguageIdentifier) -> Option<PluralRules> {
    PluralRules::create(locale.clone(), PluralRuleType::CARDINAL)
        .or_else(|_| {
            PluralRules::create(
                LanguageIdentifier::from_parts(locale.language, None, None, &[]),
                PluralRuleType::CARDINAL,
            )
        })
        .ok()
}

/// The cardinal plural category of `n` in `locale` (its language's rules
/// when CLDR has none for the full tag; `other` when it has none at all).
pub fn category(locale: &LanguageIdentifier, n: i64) -> &'static str {
    rules(locale)
        .and_then(|rules| rules.select(n).ok())
        .map_or("other", name)
}

/// The category of a number written in decimal digits (`"1.50"`): its
/// visible fraction digits count, as CLDR's operands say (`1.0` is not
/// `one` in English). A sign is ignored, as the rules do.
pub fn category_of_decimal(locale: &LanguageIdentifier, decimal: &str) -> &'static str {
    let unsigned = decimal.strip_prefix('-').unwrap_or(decimal);
    rules(locale)
        .and_then(|rules| rules.select(unsigned).ok())
        .map_or("other", name)
}

/// The cardinal categories of `locale`, found by sampling numbers (the
/// rules have no list of their own); `other` alone when CLDR lacks it.
pub fn categories(locale: &LanguageIdentifier) -> Vec<&'static str> {
    let Some(rules) = rules(locale) else {
        return vec!["other"];
    };
    let mut found: Vec<&'static str> = Vec::new();
    let samples = (0u32..=200)
        .map(|n| n.to_string())
        .chain(["1000000", "0.5", "1.5", "2.5", "10.1", "100.5"].map(str::to_string));
    for sample in samples {
        if let Ok(category) = rules.select(sample.as_str()) {
            let category = name(category);
            if !found.contains(&category) {
                found.push(category);
            }
        }
    }
    found.sort_by_key(|category| ALL.iter().position(|c| c == category));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(tag: &str) -> Vec<&'static str> {
        categories(&tag.parse().unwrap())
    }

    #[test]
    fn categories_follow_cldr() {
        assert_eq!(of("en-US"), ["one", "other"]);
        assert_eq!(of("ja"), ["other"]);
        assert_eq!(of("ar"), ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(of("pl"), ["one", "few", "many", "other"]);
    }
}
