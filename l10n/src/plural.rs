//! The CLDR plural categories a locale's numbers fall into, from ICU4X's
//! `icu_plurals` (current CLDR, the data browsers' `Intl.PluralRules`
//! follow). The checker asks for exactly these categories, and every
//! native path formats with them; in the browser, formatting asks
//! `Intl.PluralRules` instead (see `format::PluralRules`), and a browser
//! test holds the two to the same answers.

use fixed_decimal::Decimal;
use icu_plurals::{PluralCategory, PluralOperands};
use unic_langid::LanguageIdentifier;

fn name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// Every category name that Fluent's plural selector can use.
pub const ALL: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A locale's cardinal plural rules: its own, or its nearest parent's
/// (`pt-BR` takes `pt`'s), or the root's (`other` for everything) when
/// CLDR has none for its language.
pub struct Rules(Option<icu_plurals::PluralRules>);

impl Rules {
    /// The cardinal rules of `locale`.
    pub fn of(locale: &LanguageIdentifier) -> Self {
        let rules = locale
            .to_string()
            .parse::<icu_locale_core::LanguageIdentifier>()
            .ok()
            .and_then(|id| icu_plurals::PluralRules::try_new_cardinal(id.into()).ok());
        Self(rules)
    }

    /// The category of a whole number.
    pub fn category(&self, n: i64) -> &'static str {
        self.0
            .as_ref()
            .map_or("other", |rules| name(rules.category_for(n)))
    }

    /// The category of a number written in decimal digits (`"1.50"`): its
    /// visible fraction digits count, as CLDR's operands say (`1.0` is not
    /// `one` in English). A sign is ignored, as the rules do; text that is
    /// not a decimal is `other`.
    pub fn category_of_decimal(&self, decimal: &str) -> &'static str {
        let (Some(rules), Ok(number)) = (&self.0, Decimal::try_from_str(decimal)) else {
            return "other";
        };
        name(rules.category_for(PluralOperands::from(&number)))
    }

    /// The categories the rules use, in CLDR's order (`other` last).
    pub fn categories(&self) -> Vec<&'static str> {
        match &self.0 {
            Some(rules) => rules.categories().map(name).collect(),
            None => vec!["other"],
        }
    }
}

/// The cardinal plural category of `n` in `locale`.
pub fn category(locale: &LanguageIdentifier, n: i64) -> &'static str {
    Rules::of(locale).category(n)
}

/// The category of a number written in decimal digits in `locale` (see
/// [`Rules::category_of_decimal`]).
pub fn category_of_decimal(locale: &LanguageIdentifier, decimal: &str) -> &'static str {
    Rules::of(locale).category_of_decimal(decimal)
}

/// The cardinal categories of `locale`, exactly as CLDR lists them.
pub fn categories(locale: &LanguageIdentifier) -> Vec<&'static str> {
    Rules::of(locale).categories()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(tag: &str) -> Vec<&'static str> {
        categories(&tag.parse().unwrap())
    }

    fn in_(tag: &str, n: &str) -> &'static str {
        category_of_decimal(&tag.parse().unwrap(), n)
    }

    #[test]
    fn categories_follow_current_cldr() {
        assert_eq!(of("en-US"), ["one", "other"]);
        assert_eq!(of("ja"), ["other"]);
        assert_eq!(of("ar"), ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(of("pl"), ["one", "few", "many", "other"]);
        // CLDR 38 and later: a million takes `many` in these.
        for tag in ["fr", "es", "pt-BR", "it"] {
            assert_eq!(of(tag), ["one", "many", "other"], "{tag}");
        }
        assert_eq!(of("de"), ["one", "other"]);
        assert_eq!(of("tlh"), ["other"], "a language CLDR has no rules for");
    }

    #[test]
    fn numbers_fall_where_current_cldr_puts_them() {
        for tag in ["fr", "es", "pt-BR"] {
            assert_eq!(in_(tag, "1000000"), "many", "{tag}");
            assert_eq!(in_(tag, "2000000"), "many", "{tag}");
            assert_eq!(in_(tag, "1000001"), "other", "{tag}");
        }
        // Arabic above a hundred: intl_pluralrules 7 said `other` for all.
        for (n, category) in [
            ("103", "few"),
            ("110", "few"),
            ("1003", "few"),
            ("111", "many"),
            ("1011", "many"),
            ("100", "other"),
            ("102", "other"),
        ] {
            assert_eq!(in_("ar", n), category, "ar {n}");
        }
        assert_eq!(in_("en", "1"), "one");
        assert_eq!(in_("en", "1.0"), "other", "visible fraction digits count");
        assert_eq!(in_("en", "-1"), "one", "the sign is ignored");
        assert_eq!(in_("fr", "1.5"), "one");
        assert_eq!(in_("en", "1.5x"), "other", "not a decimal");
        assert_eq!(
            in_("en", "0.99999999999999900000"),
            "other",
            "twenty fraction digits"
        );
    }
}
