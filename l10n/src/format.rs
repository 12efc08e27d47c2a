//! Formatting Fluent messages with the official parser (`fluent-syntax`)
//! and the caller's plural rules, for the widget and the dashboard:
//! `fluent-bundle` carries the plural rules of every CLDR language, about
//! 27 KB of the widget's download, while the browser already knows them
//! (`Intl.PluralRules`). It resolves as fluent-bundle does (with Unicode
//! isolation): numbers keep the fraction digits a literal was written
//! with, for their text and their plural category (see [`Number`]). Two
//! tests compare it with fluent-bundle: every shipped message, and
//! thousands of generated ones (`tests/format_differential.rs`).
//!
//! Deliberate differences, each for a reason:
//! - Where fluent-bundle reports an error and writes a placeholder (a
//!   missing variable, message, term or attribute; a function; too many
//!   placeables), this gives no text at all, so the caller falls back to
//!   the shipped message whole: a shopper never sees `{$count}` or a
//!   half-resolved sentence.
//! - A number literal with more than 15 significant digits (or more
//!   than 20 fraction digits), and a count
//!   beyond ±2⁵³, would need floating-point formatting to be written as a
//!   double prints it (about 19 KB more for the widget, measured): such a
//!   literal makes the message fall back, and such a count is written in
//!   full. No copy needs either.
//! - No functions are registered yet (`NUMBER()` is issue #17's next
//!   step); a message that calls one falls back as above.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement, Resource,
    VariantKey,
};
use fluent_syntax::unicode::unescape_unicode_to_string;

/// Placeables one message may expand to at most (fluent-bundle's limit),
/// which also stops a message that refers to itself.
const MAX_PLACEABLES: u16 = 100;

/// An argument's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, placed as it is.
    Text(String),
    /// A count: selects plural variants and is written in digits.
    Number(i64),
    /// Any number (a term's literal argument, such as `count: 1.5`).
    Decimal(Number),
}

/// Named arguments for a message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args(Vec<(String, Arg)>);

impl Args {
    /// No arguments.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `name` to `value`.
    pub fn set(&mut self, name: impl Into<String>, value: Arg) {
        let name = name.into();
        self.0.retain(|(existing, _)| *existing != name);
        self.0.push((name, value));
    }

    fn get(&self, name: &str) -> Option<&Arg> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value)
    }
}

/// Significant digits a number literal may have: up to 15 every decimal
/// reads back from a double unchanged, so its text is known without
/// floating-point formatting (which would add about 19 KB to the widget).
pub const MAX_SIGNIFICANT_DIGITS: usize = 15;

/// Fraction digits a number literal may show: what every browser's
/// `Intl.PluralRules` accepts as `minimumFractionDigits`.
pub const MAX_FRACTION_DIGITS: usize = 20;

/// A number as Fluent resolves it (fluent-bundle's `FluentNumber`): its
/// value as the shortest decimal that names it (`-0`, `1.5`, `7`), and for
/// a literal the fraction digits it was written with (`1.50` has two),
/// which its text and its plural category keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// The value's shortest decimal: what a double of it prints as.
    decimal: String,
    /// Fraction digits shown at least: `Some` for a literal with a `.`.
    fraction_digits: Option<usize>,
}

impl Number {
    /// A count passed as an argument (shown without fraction digits).
    /// Counts beyond ±2⁵³, which no copy needs, are written in full where
    /// fluent-bundle would round them to a double first.
    pub fn of(count: i64) -> Self {
        Number {
            decimal: count.to_string(),
            fraction_digits: None,
        }
    }

    /// A number literal (`-?[0-9]+(\.[0-9]+)?`, as the parser checked),
    /// or `None` past [`MAX_SIGNIFICANT_DIGITS`] or [`MAX_FRACTION_DIGITS`].
    pub fn literal(text: &str) -> Option<Self> {
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        if whole.is_empty() || !(whole.bytes().chain(fraction.bytes())).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let whole = whole.trim_start_matches('0');
        let fraction_kept = fraction.trim_end_matches('0');
        let significant = if whole.is_empty() {
            fraction_kept.trim_start_matches('0').len()
        } else {
            whole.len() + fraction_kept.len()
        };
        if significant > MAX_SIGNIFICANT_DIGITS || fraction.len() > MAX_FRACTION_DIGITS {
            return None;
        }
        let mut decimal = String::with_capacity(text.len());
        if negative {
            decimal.push('-');
        }
        decimal.push_str(if whole.is_empty() { "0" } else { whole });
        if !fraction_kept.is_empty() {
            decimal.push('.');
            decimal.push_str(fraction_kept);
        }
        Some(Number {
            decimal,
            fraction_digits: unsigned.contains('.').then_some(fraction.len()),
        })
    }

    /// Its text as fluent-bundle writes it: the shortest decimal (`-0`
    /// stays `-0`), padded to its fraction digits.
    pub fn text(&self) -> String {
        let mut text = self.decimal.clone();
        if let Some(digits) = self.fraction_digits {
            let shown = text
                .split_once('.')
                .map_or(0, |(_, fraction)| fraction.len());
            if shown == 0 && digits > 0 {
                text.push('.');
            }
            text.push_str(&"0".repeat(digits.saturating_sub(shown)));
        }
        text
    }

    /// Its shortest decimal (for the browser's plural rules).
    pub fn decimal(&self) -> &str {
        &self.decimal
    }

    /// Fraction digits it shows at least.
    pub fn fraction_digits(&self) -> usize {
        self.fraction_digits.unwrap_or(0)
    }

    /// Whether it is the same number with the same fraction digits, as
    /// fluent-bundle compares them (`-0` equals `0`).
    fn same(&self, other: &Number) -> bool {
        let value = |number: &Number| match number.decimal.as_str() {
            "-0" => "0".to_string(),
            other => other.to_string(),
        };
        value(self) == value(other) && self.fraction_digits == other.fraction_digits
    }
}

/// What formatting needs to know of the locale.
pub struct Locale<'a> {
    /// The CLDR cardinal plural category of a number (`"one"`, `"few"`, …).
    pub plural: &'a dyn Fn(&Number) -> String,
    /// Applied to the literal text of patterns (pseudo-locales), never to
    /// argument values.
    pub transform: Option<fn(&str) -> Cow<'_, str>>,
}

/// One locale's parsed Fluent resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Messages {
    resource: Resource<String>,
}

/// A value while resolving a selector.
enum Value {
    Text(String),
    Number(Number),
    /// A missing variable: selects the default variant.
    Missing,
}

impl Messages {
    /// Parses `source`, keeping every entry that parses (a broken entry
    /// loses only itself, as with fluent-bundle). Entries nested too deep
    /// to parse safely or holding control characters are left out first
    /// (see `guard`), so stored copy can never overflow the stack.
    pub fn parse(source: &str) -> Self {
        let source = crate::guard::blank_unsafe(source).into_owned();
        let resource =
            fluent_syntax::parser::parse_runtime(source).unwrap_or_else(|(partial, _)| partial);
        Self { resource }
    }

    fn message(&self, id: &str) -> Option<&fluent_syntax::ast::Message<String>> {
        self.resource.body.iter().find_map(|entry| match entry {
            Entry::Message(message) if message.id.name == id => Some(message),
            _ => None,
        })
    }

    fn term(&self, id: &str) -> Option<&fluent_syntax::ast::Term<String>> {
        self.resource.body.iter().find_map(|entry| match entry {
            Entry::Term(term) if term.id.name == id => Some(term),
            _ => None,
        })
    }

    /// Whether the message `id` has a value.
    pub fn has(&self, id: &str) -> bool {
        self.message(id)
            .is_some_and(|message| message.value.is_some())
    }

    /// The value of message `id` with `args`, or `None` when it is missing
    /// or something in it could not be resolved (a missing variable or
    /// message, a function), so the caller can fall back to another locale.
    pub fn format(&self, id: &str, args: &Args, locale: &Locale) -> Option<String> {
        let pattern = self.message(id)?.value.as_ref()?;
        let mut scope = Scope {
            messages: self,
            args,
            term_args: None,
            locale,
            placeables: 0,
            failed: false,
        };
        let mut out = String::new();
        scope.pattern(pattern, &mut out);
        (!scope.failed).then_some(out)
    }
}

struct Scope<'a> {
    messages: &'a Messages,
    args: &'a Args,
    /// Inside a term: the term's own arguments, the only ones it sees.
    term_args: Option<Args>,
    locale: &'a Locale<'a>,
    placeables: u16,
    failed: bool,
}

impl Scope<'_> {
    fn pattern(&mut self, pattern: &Pattern<String>, out: &mut String) {
        let several = pattern.elements.len() > 1;
        for element in &pattern.elements {
            if self.failed {
                return;
            }
            match element {
                PatternElement::TextElement { value } => match self.locale.transform {
                    Some(transform) => out.push_str(&transform(value)),
                    None => out.push_str(value),
                },
                PatternElement::Placeable { expression } => {
                    self.placeables += 1;
                    if self.placeables > MAX_PLACEABLES {
                        self.failed = true;
                        return;
                    }
                    // Unicode isolation around what may be written in
                    // another direction, as fluent-bundle does.
                    let isolate = several
                        && !matches!(
                            expression,
                            Expression::Inline(
                                InlineExpression::MessageReference { .. }
                                    | InlineExpression::TermReference { .. }
                                    | InlineExpression::StringLiteral { .. }
                            )
                        );
                    if isolate {
                        out.push('\u{2068}');
                    }
                    self.expression(expression, out);
                    if isolate {
                        out.push('\u{2069}');
                    }
                }
            }
        }
    }

    fn expression(&mut self, expression: &Expression<String>, out: &mut String) {
        match expression {
            Expression::Inline(inline) => self.inline(inline, out),
            Expression::Select { selector, variants } => {
                let value = self.value(selector);
                let chosen = variants
                    .iter()
                    .find(|variant| self.matches(&value, &variant.key))
                    .or_else(|| variants.iter().find(|variant| variant.default));
                if let Some(variant) = chosen {
                    self.pattern(&variant.value, out);
                }
            }
        }
    }

    /// Whether a selector's value picks the variant `key`, as fluent-bundle
    /// decides: text matches an identifier key of the same text and never
    /// a number key; a number matches a number key of the same value and
    /// fraction digits (`[1.0]` is not `1`), or an identifier key naming
    /// its plural category.
    fn matches(&self, value: &Value, key: &VariantKey<String>) -> bool {
        match (value, key) {
            (Value::Text(text), VariantKey::Identifier { name }) => text == name,
            (Value::Number(number), VariantKey::Identifier { name }) => {
                (self.locale.plural)(number) == *name
            }
            (Value::Number(number), VariantKey::NumberLiteral { value }) => {
                Number::literal(value).is_some_and(|key| key.same(number))
            }
            // A number key is a number to fluent-bundle, however long.
            (Value::Text(_), VariantKey::NumberLiteral { .. }) => false,
            (Value::Missing, _) => false,
        }
    }

    /// The variable `name`: a term sees only its own arguments.
    fn variable(&mut self, name: &str) -> Option<Arg> {
        let found = match &self.term_args {
            Some(term_args) => term_args.get(name).cloned(),
            None => self.args.get(name).cloned(),
        };
        if found.is_none() && self.term_args.is_none() {
            self.failed = true;
        }
        found
    }

    fn value(&mut self, inline: &InlineExpression<String>) -> Value {
        match inline {
            InlineExpression::StringLiteral { value } => {
                Value::Text(unescape_unicode_to_string(value).into_owned())
            }
            InlineExpression::NumberLiteral { value } => match Number::literal(value) {
                Some(number) => Value::Number(number),
                None => {
                    // More digits than are kept exactly: see the module's notes.
                    self.failed = true;
                    Value::Missing
                }
            },
            InlineExpression::VariableReference { id } => match self.variable(&id.name) {
                Some(Arg::Text(text)) => Value::Text(text),
                Some(Arg::Number(count)) => Value::Number(Number::of(count)),
                Some(Arg::Decimal(number)) => Value::Number(number),
                None => Value::Missing,
            },
            other => {
                let mut text = String::new();
                self.inline(other, &mut text);
                Value::Text(text)
            }
        }
    }

    fn inline(&mut self, inline: &InlineExpression<String>, out: &mut String) {
        match inline {
            InlineExpression::StringLiteral { value } => {
                out.push_str(&unescape_unicode_to_string(value));
            }
            InlineExpression::NumberLiteral { value } => match Number::literal(value) {
                Some(number) => out.push_str(&number.text()),
                None => self.failed = true,
            },
            InlineExpression::VariableReference { id } => match self.variable(&id.name) {
                Some(Arg::Text(text)) => out.push_str(&text),
                Some(Arg::Number(count)) => out.push_str(&Number::of(count).text()),
                Some(Arg::Decimal(number)) => out.push_str(&number.text()),
                None => {
                    out.push_str("{$");
                    out.push_str(&id.name);
                    out.push('}');
                }
            },
            InlineExpression::MessageReference { id, attribute } => {
                let message = self.messages.message(&id.name);
                let pattern = match attribute {
                    Some(attribute) => message.and_then(|message| {
                        message
                            .attributes
                            .iter()
                            .find(|a| a.id.name == attribute.name)
                            .map(|a| &a.value)
                    }),
                    None => message.and_then(|message| message.value.as_ref()),
                };
                match pattern {
                    Some(pattern) => self.pattern(pattern, out),
                    None => self.failed = true,
                }
            }
            InlineExpression::TermReference {
                id,
                attribute,
                arguments,
            } => {
                let term = self.messages.term(&id.name);
                let pattern = match attribute {
                    Some(attribute) => term.and_then(|term| {
                        term.attributes
                            .iter()
                            .find(|a| a.id.name == attribute.name)
                            .map(|a| &a.value)
                    }),
                    None => term.map(|term| &term.value),
                };
                let Some(pattern) = pattern else {
                    self.failed = true;
                    return;
                };
                let term_args = self.term_arguments(arguments.as_ref());
                let outer = self.term_args.replace(term_args);
                self.pattern(pattern, out);
                self.term_args = outer;
            }
            // No functions are registered, as in the widget's bundles before.
            InlineExpression::FunctionReference { .. } => self.failed = true,
            InlineExpression::Placeable { expression } => self.expression(expression, out),
        }
    }

    /// A term's named arguments (literals only, as Fluent allows).
    fn term_arguments(&mut self, arguments: Option<&CallArguments<String>>) -> Args {
        let mut args = Args::new();
        for named in arguments.map(|a| a.named.as_slice()).unwrap_or_default() {
            let value = match self.value(&named.value) {
                Value::Text(text) => Arg::Text(text),
                Value::Number(number) => Arg::Decimal(number),
                Value::Missing => continue,
            };
            args.set(named.name.name.clone(), value);
        }
        args
    }
}

/// One locale's messages with its plural rules (and, for a pseudo-locale,
/// the transform of its text).
pub struct Catalog {
    tag: String,
    messages: Messages,
    plurals: PluralRules,
    transform: Option<fn(&str) -> Cow<'_, str>>,
}

/// Languages written right to left.
const RTL_LANGUAGES: [&str; 5] = ["ar", "fa", "he", "ur", "yi"];

/// Whether `tag` names a language written right to left (`false` for
/// what is not a language tag).
pub fn is_rtl(tag: &str) -> bool {
    tag.parse::<unic_langid::LanguageIdentifier>()
        .is_ok_and(|id| RTL_LANGUAGES.contains(&id.language.as_str()))
}

impl Catalog {
    /// `tag`'s messages from `source`, if `tag` is a language tag.
    pub fn of(tag: &str, source: &str) -> Option<Self> {
        tag.parse::<unic_langid::LanguageIdentifier>()
            .is_ok()
            .then(|| Self::new(tag, source))
    }

    /// `tag`'s messages from `source` (`tag` is one of the app's own).
    pub fn new(tag: &str, source: &str) -> Self {
        Self {
            tag: tag.to_string(),
            messages: Messages::parse(source),
            plurals: PluralRules::new(tag),
            transform: None,
        }
    }

    /// The same, with `transform` applied to every literal text.
    pub fn with_transform(self, transform: Option<fn(&str) -> Cow<'_, str>>) -> Self {
        Self { transform, ..self }
    }

    /// The locale tag.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Message `id` with `args`; `None` when missing, broken or blank.
    pub fn format(&self, id: &str, args: &Args) -> Option<String> {
        let plural = |n: &Number| self.plurals.category(n);
        let locale = Locale {
            plural: &plural,
            transform: self.transform,
        };
        self.messages
            .format(id, args, &locale)
            .filter(|text| !text.trim().is_empty())
    }
}

/// Copy in a negotiated locale over the reference locale's, falling back
/// message by message (never an id on screen while the reference has it).
pub struct Localized {
    chosen: Option<Catalog>,
    reference_tag: String,
    /// The reference's FTL, parsed the first time a message is missing
    /// from `chosen` (or at once when there is no `chosen`).
    reference_source: &'static str,
    reference: OnceLock<Catalog>,
}

impl Localized {
    /// `chosen` (when there is one) over `reference`.
    pub fn new(chosen: Option<Catalog>, reference: Catalog) -> Self {
        let reference_tag = reference.tag.clone();
        Self {
            chosen,
            reference_tag,
            reference_source: "",
            reference: OnceLock::from(reference),
        }
    }

    /// `chosen` over the reference copy `source` in `tag`, which is parsed
    /// only once a message is missing from `chosen`: a page showing a
    /// complete locale never spends the time.
    pub fn over_reference(chosen: Option<Catalog>, tag: &str, source: &'static str) -> Self {
        Self {
            chosen,
            reference_tag: tag.to_string(),
            reference_source: source,
            reference: OnceLock::new(),
        }
    }

    fn reference(&self) -> &Catalog {
        self.reference
            .get_or_init(|| Catalog::new(&self.reference_tag, self.reference_source))
    }

    /// The locale of the first choice.
    pub fn locale(&self) -> &str {
        self.chosen
            .as_ref()
            .map_or(self.reference_tag.as_str(), Catalog::tag)
    }

    /// Whether the first choice is written right to left.
    pub fn is_rtl(&self) -> bool {
        is_rtl(self.locale())
    }

    /// Message `id` with `args` from the first catalog that has it; the id
    /// itself when none does.
    pub fn format(&self, id: &str, args: &Args) -> String {
        self.chosen
            .as_ref()
            .and_then(|catalog| catalog.format(id, args))
            .or_else(|| self.reference().format(id, args))
            .unwrap_or_else(|| id.to_string())
    }
}

/// A locale's cardinal plural rules. In the browser they are the browser's
/// own (`Intl.PluralRules`), so no CLDR tables travel with the app.
#[cfg(target_arch = "wasm32")]
pub struct PluralRules(js_sys::Intl::PluralRules);

#[cfg(target_arch = "wasm32")]
impl PluralRules {
    /// The rules of `tag` (en-US's when `tag` is not a language tag).
    pub fn new(tag: &str) -> Self {
        let tag = if tag.parse::<unic_langid::LanguageIdentifier>().is_ok() {
            tag
        } else {
            "en-US"
        };
        let locales = js_sys::Array::of1(&tag.into());
        Self(js_sys::Intl::PluralRules::new(
            &locales,
            &js_sys::Object::new(),
        ))
    }

    /// The category of `n`: `"zero"`, `"one"`, `"two"`, `"few"`, `"many"`
    /// or `"other"`. A number shown with fraction digits is judged with
    /// them, as CLDR's operands say.
    pub fn category(&self, n: &Number) -> String {
        let value = js_sys::parse_float(n.decimal());
        match n.fraction_digits() {
            digits if digits > 0 => {
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(
                    &options,
                    &"minimumFractionDigits".into(),
                    &(digits as f64).into(),
                );
                let locales = self.0.resolved_options();
                let tag = js_sys::Reflect::get(&locales, &"locale".into())
                    .unwrap_or_else(|_| "en-US".into());
                let rules = js_sys::Intl::PluralRules::new(&js_sys::Array::of1(&tag), &options);
                String::from(rules.select(value))
            }
            _ => String::from(self.0.select(value)),
        }
    }
}

/// A locale's cardinal plural rules; natively, current CLDR's from
/// `icu_plurals` (see `plural`).
#[cfg(not(target_arch = "wasm32"))]
pub struct PluralRules(crate::plural::Rules);

#[cfg(not(target_arch = "wasm32"))]
impl PluralRules {
    /// The rules of `tag` (the root rules when `tag` is not a language tag).
    pub fn new(tag: &str) -> Self {
        Self(crate::plural::Rules::of(&tag.parse().unwrap_or_default()))
    }

    /// The category of `n`: `"zero"`, `"one"`, `"two"`, `"few"`, `"many"`
    /// or `"other"`, judged with the fraction digits it shows.
    pub fn category(&self, n: &Number) -> String {
        self.0.category_of_decimal(&n.text()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(n: &Number) -> String {
        if n.text() == "1" { "one" } else { "other" }.to_string()
    }

    fn format(ftl: &str, id: &str, args: &Args) -> Option<String> {
        let locale = Locale {
            plural: &english,
            transform: None,
        };
        Messages::parse(ftl).format(id, args, &locale)
    }

    #[test]
    fn plain_text_placeables_and_isolation() {
        let mut args = Args::new();
        args.set("shop", Arg::Text("Zoë".into()));
        assert_eq!(format("a = Hello\n", "a", &args).as_deref(), Some("Hello"));
        assert_eq!(
            format("a = Chat with { $shop }\n", "a", &args).as_deref(),
            Some("Chat with \u{2068}Zoë\u{2069}")
        );
        assert_eq!(
            format("a = { $shop }\n", "a", &args).as_deref(),
            Some("Zoë"),
            "a lone placeable is not isolated"
        );
        assert_eq!(
            format("a = x { \"\\u0041\" } { 7 }\n", "a", &args).as_deref(),
            Some("x A \u{2068}7\u{2069}")
        );
    }

    #[test]
    fn numbers_resolve_as_fluent_bundle_resolves_them() {
        let ftl = "text = { $name ->\n    [1.5] the number\n   *[other] the default\n}\n\
                   float = { 1.5 ->\n    [one] one\n    [other] other\n   *[many] many\n}\n\
                   keys = { $count ->\n    [1.0] one point oh\n    [1] exactly one\n   *[other] other\n}\n\
                   written = { -0 } { 1.50 } { 007 } { 3.25 }\n";
        let mut args = Args::new();
        args.set("name", Arg::Text("1.5".into()));
        args.set("count", Arg::Number(1));
        // Text never matches a number key.
        assert_eq!(format(ftl, "text", &args).as_deref(), Some("the default"));
        // A fractional literal selects by its plural category.
        assert_eq!(format(ftl, "float", &args).as_deref(), Some("other"));
        // `[1.0]` is not the count 1 (fraction digits differ); `[1]` is.
        assert_eq!(format(ftl, "keys", &args).as_deref(), Some("exactly one"));
        assert_eq!(
            format(ftl, "written", &args).as_deref(),
            Some("\u{2068}-0\u{2069} \u{2068}1.50\u{2069} \u{2068}7\u{2069} \u{2068}3.25\u{2069}")
        );
    }

    #[test]
    fn plurals_exact_numbers_and_the_default_variant() {
        let ftl = "a = { $n ->\n    [0] none\n    [one] one item\n   *[other] { $n } items\n}\n";
        let with = |n| {
            let mut args = Args::new();
            args.set("n", Arg::Number(n));
            format(ftl, "a", &args)
        };
        assert_eq!(with(0).as_deref(), Some("none"));
        assert_eq!(with(1).as_deref(), Some("one item"));
        assert_eq!(with(5).as_deref(), Some("\u{2068}5\u{2069} items"));
        assert_eq!(
            format(ftl, "a", &Args::new()),
            None,
            "a missing variable fails"
        );
    }

    #[test]
    fn references_terms_and_failures() {
        let ftl = "-brand = { $case ->\n    [short] Shop\n   *[long] The Shop\n}\nb = Hi\nb2 = { b } there\n\
                   t = { -brand(case: \"short\") } rocks\nf = { NUMBER($n) }\nm = { nope }\nself = { self }\n";
        let none = Args::new();
        assert_eq!(format(ftl, "b2", &none).as_deref(), Some("Hi there"));
        assert_eq!(format(ftl, "t", &none).as_deref(), Some("Shop rocks"));
        assert_eq!(format(ftl, "f", &none), None);
        assert_eq!(format(ftl, "m", &none), None);
        assert_eq!(format(ftl, "self", &none), None);
        assert_eq!(format(ftl, "missing", &none), None);
    }

    #[test]
    fn a_locale_falls_back_to_the_reference_message_by_message() {
        let reference = Catalog::new("en-US", "a = A\nb = B\nc = { $n } things\n");
        let german = Catalog::new("de", "a = Ä\nb =\n    { \"\" }\nc = { NUMBER($n) }\n");
        let copy = Localized::new(Some(german), reference);
        assert_eq!(copy.locale(), "de");
        assert_eq!(copy.format("a", &Args::new()), "Ä");
        assert_eq!(copy.format("b", &Args::new()), "B", "blank is no text");
        let mut args = Args::new();
        args.set("n", Arg::Number(2));
        assert_eq!(
            copy.format("c", &args),
            "\u{2068}2\u{2069} things",
            "broken falls back"
        );
        assert_eq!(copy.format("nowhere", &args), "nowhere");
    }

    #[test]
    fn right_to_left_languages_and_tags_that_are_not_tags() {
        assert!(is_rtl("ar") && is_rtl("ar-EG") && is_rtl("ar-XB") && is_rtl("he"));
        assert!(!is_rtl("de") && !is_rtl("en-XA") && !is_rtl("not a tag!"));
        assert!(Catalog::of("not a tag!", "a = A\n").is_none());
        let arabic = Localized::new(Catalog::of("ar", "a = أ\n"), Catalog::new("en-US", ""));
        assert!(arabic.is_rtl());
    }

    #[test]
    fn an_entry_nested_too_deep_loses_only_itself() {
        let ftl = format!(
            "good = Fine\ndeep = {}x{}\nalso-good = Also fine\n",
            "{ ".repeat(50_000),
            " }".repeat(50_000)
        );
        let messages = Messages::parse(&ftl);
        assert!(messages.has("good") && messages.has("also-good"));
        assert!(!messages.has("deep"));
    }

    #[test]
    fn a_broken_entry_loses_only_itself() {
        let messages = Messages::parse("good = Fine\nbroken = { ! }\nalso-good = Also fine\n");
        assert!(messages.has("good"));
        assert!(messages.has("also-good"));
        assert!(!messages.has("broken"));
    }
}
