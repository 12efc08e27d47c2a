//! `l10n::format` and fluent-bundle loaded with the same Fluent for one
//! locale, and the comparison both oracle tests make. Here `l10n::format`
//! gets fluent-bundle's own plural rules (intl_pluralrules, CLDR 37)
//! rather than the current CLDR it ships with (`l10n::plural`), so a
//! difference is a difference in resolving, not in data. That the data
//! is current is `l10n::plural`'s tests' and the browser test's business.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use l10n::format::{Arg, Args, Locale, Messages, Number};
use unic_langid::LanguageIdentifier;

/// The category fluent-bundle gives a number written in decimal digits.
fn old_cldr_category(langid: &LanguageIdentifier, decimal: &str) -> &'static str {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let rules = PluralRules::create(langid.clone(), PluralRuleType::CARDINAL).or_else(|_| {
        PluralRules::create(
            LanguageIdentifier::from_parts(langid.language, None, None, &[]),
            PluralRuleType::CARDINAL,
        )
    });
    let unsigned = decimal.strip_prefix('-').unwrap_or(decimal);
    match rules.and_then(|rules| rules.select(unsigned)) {
        Ok(PluralCategory::ZERO) => "zero",
        Ok(PluralCategory::ONE) => "one",
        Ok(PluralCategory::TWO) => "two",
        Ok(PluralCategory::FEW) => "few",
        Ok(PluralCategory::MANY) => "many",
        _ => "other",
    }
}

/// A text with a listed difference taken out: fluent-bundle writes a
/// whole number given `minimumFractionDigits: 0` with a bare point
/// (`7.`); ours writes `7`, as `Intl.NumberFormat` and fluent.js do. Both
/// texts are compared without such points, as copy may end a sentence
/// after a digit ("the 1–5 scale.") in its own words.
fn without_bare_points(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(index, &c)| {
            let bare = c == '.'
                && index
                    .checked_sub(1)
                    .and_then(|before| chars.get(before))
                    .is_some_and(char::is_ascii_digit)
                && !chars.get(index + 1).is_some_and(char::is_ascii_digit);
            !bare
        })
        .map(|(_, &c)| c)
        .collect()
}

/// The two formatters over one resource.
pub struct Both {
    tag: String,
    langid: LanguageIdentifier,
    messages: Messages,
    bundle: FluentBundle<FluentResource>,
}

impl Both {
    /// Both formatters over `ftl` in `tag` (entries that do not parse are
    /// left out by each, as each does).
    pub fn new(tag: &str, ftl: &str) -> Self {
        let langid: LanguageIdentifier = tag.parse().unwrap();
        let mut bundle = FluentBundle::new(vec![langid.clone()]);
        let resource = match FluentResource::try_new(ftl.to_string()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        bundle.add_resource(resource).unwrap();
        bundle.add_builtins().unwrap();
        Self {
            tag: tag.to_string(),
            langid,
            messages: Messages::parse(ftl),
            bundle,
        }
    }

    /// Formats `id` with `args` both ways and checks that they agree: the
    /// same text, or no text from ours where fluent-bundle reports an
    /// error (the deliberate difference: the caller falls back whole).
    /// `false` when the message has no value (in both).
    pub fn agree(&self, id: &str, args: &[(&str, Arg)], context: &dyn Fn() -> String) -> bool {
        let plural = |n: &Number| old_cldr_category(&self.langid, &n.text()).to_string();
        let locale = Locale {
            plural: &plural,
            number: &Number::text,
        };
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            assert!(
                !self.messages.has(id),
                "{} {id}: only we see a value",
                self.tag
            );
            return false;
        };
        let mut ours = Args::new();
        let mut theirs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Number(n) => theirs.set(*name, *n),
                Arg::Text(text) => theirs.set(*name, text.clone()),
                Arg::Decimal(_) => panic!("the oracle tests pass counts and text"),
            }
            ours.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let expected = without_bare_points(&self.bundle.format_pattern(
            pattern,
            Some(&theirs),
            &mut errors,
        ));
        let got = self
            .messages
            .format(id, &ours, &locale)
            .map(|text| without_bare_points(&text));
        if errors.is_empty() && got.is_none() && expected.contains("NUMBER()") {
            // A listed difference: fluent-bundle writes `NUMBER()`, with no
            // error, for NUMBER() of what is not a number; ours falls back.
        } else if errors.is_empty() {
            assert_eq!(
                got.as_deref(),
                Some(&*expected),
                "{} {id}: {}",
                self.tag,
                context()
            );
        } else {
            assert_eq!(
                got,
                None,
                "{} {id}: fluent-bundle failed with {errors:?}: {}",
                self.tag,
                context()
            );
        }
        true
    }
}
