//! `l10n::format` and fluent-bundle loaded with the same Fluent for one
//! locale, and the comparison both oracle tests make. fluent-bundle and
//! these tests use the same CLDR rules (intl_pluralrules), so a
//! difference is a difference in resolving, not in data.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use l10n::format::{Arg, Args, Locale, Messages, Number};
use unic_langid::LanguageIdentifier;

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
        let plural =
            |n: &Number| l10n::plural::category_of_decimal(&self.langid, &n.text()).to_string();
        let locale = Locale {
            plural: &plural,
            transform: None,
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
        let expected = self
            .bundle
            .format_pattern(pattern, Some(&theirs), &mut errors);
        let got = self.messages.format(id, &ours, &locale);
        if errors.is_empty() {
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
