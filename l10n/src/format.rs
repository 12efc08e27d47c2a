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
//!   missing variable, message, term or attribute; an unknown function;
//!   too many placeables), this gives no text at all, so the caller falls back to
//!   the shipped message whole: a shopper never sees `{$count}` or a
//!   half-resolved sentence.
//! - A number literal with more than 15 significant digits (or more
//!   than 20 fraction digits), and a count
//!   beyond ±2⁵³, would need floating-point formatting to be written as a
//!   double prints it (about 19 KB more for the widget, measured): such a
//!   literal makes the message fall back, and such a count is written in
//!   full. No copy needs either.
//! - `NUMBER()` is the one function. A call the checker refuses (another
//!   function, an unknown option, a value out of range, a minimum over its
//!   maximum) makes the message fall back: fluent-bundle ignores what it
//!   does not know, but the browser's `Intl` would throw. `NUMBER()` of
//!   text also falls back, where fluent-bundle writes `NUMBER()` without
//!   reporting an error (as a selector, both pick the default variant).
//! - In the browser, what `NUMBER()` returns is written by
//!   `Intl.NumberFormat` with its options (grouping, integer, fraction and
//!   significant digits), and its plural category is judged as it is
//!   shown, as fluent.js does; fluent-bundle writes only the minimum
//!   fraction digits and ignores the other options. Natively, and for
//!   every number not passed through `NUMBER()`, the text is
//!   fluent-bundle's, with one exception: fluent-bundle writes a whole
//!   number given `minimumFractionDigits: 0` with a bare point (`7.`);
//!   this writes `7`, as `Intl.NumberFormat` and fluent.js do.

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

pub use crate::number::{MAX_FRACTION_DIGITS, MAX_SIGNIFICANT_DIGITS, Number, NumberOptions};

/// What formatting needs to know of the locale.
pub struct Locale<'a> {
    /// The CLDR cardinal plural category of a number (`"one"`, `"few"`, …).
    pub plural: &'a dyn Fn(&Number) -> String,
    /// The text of a number `NUMBER()` returned (other numbers are written
    /// as fluent-bundle writes them, [`Number::text`]).
    pub number: &'a dyn Fn(&Number) -> String,
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
            travelled: vec![pattern],
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
    /// The patterns being resolved, outermost first: meeting one again is
    /// a cycle, an error to fluent-bundle even when it would end.
    travelled: Vec<&'a Pattern<String>>,
    locale: &'a Locale<'a>,
    placeables: u16,
    failed: bool,
}

impl<'a> Scope<'a> {
    /// Resolves `pattern`, referred to from the one being resolved, unless
    /// that makes a cycle.
    fn referred(&mut self, pattern: &'a Pattern<String>, out: &mut String) {
        if self
            .travelled
            .iter()
            .any(|seen| std::ptr::eq(*seen, pattern))
        {
            self.failed = true;
            return;
        }
        self.travelled.push(pattern);
        self.pattern(pattern, out);
        self.travelled.pop();
    }

    fn pattern(&mut self, pattern: &Pattern<String>, out: &mut String) {
        let several = pattern.elements.len() > 1;
        for element in &pattern.elements {
            if self.failed {
                return;
            }
            match element {
                PatternElement::TextElement { value } => out.push_str(value),
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
            InlineExpression::FunctionReference { id, arguments } => {
                match self.call(&id.name, arguments) {
                    Some(number) => Value::Number(number),
                    None => Value::Missing,
                }
            }
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
                let messages: &'a Messages = self.messages;
                let message = messages.message(&id.name);
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
                    Some(pattern) => self.referred(pattern, out),
                    None => self.failed = true,
                }
            }
            InlineExpression::TermReference {
                id,
                attribute,
                arguments,
            } => {
                let messages: &'a Messages = self.messages;
                let term = messages.term(&id.name);
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
                // As fluent-bundle: the term sees its own arguments, and
                // after it, nothing of any outer term's (a term inside a
                // term leaves the outer one reading the message's).
                self.term_args = Some(self.term_arguments(arguments.as_ref()));
                self.referred(pattern, out);
                self.term_args = None;
            }
            InlineExpression::FunctionReference { id, arguments } => {
                match self.call(&id.name, arguments) {
                    Some(number) => out.push_str(&(self.locale.number)(&number)),
                    // fluent-bundle writes `NUMBER()`: see the module's notes.
                    None => self.failed = true,
                }
            }
            InlineExpression::Placeable { expression } => self.expression(expression, out),
        }
    }

    /// The number a call to `name` returns: `NUMBER()` of a number, with
    /// its options put over the number's own; `None` for `NUMBER()` of
    /// text (fluent-bundle's error value, which a selector meets with its
    /// default variant). Another function, or an option the checker
    /// refuses, fails the message.
    fn call(&mut self, name: &str, arguments: &CallArguments<String>) -> Option<Number> {
        let Ok(options) = crate::functions::number_call(name, arguments) else {
            self.failed = true;
            return None;
        };
        let number = match arguments.positional.first().map(|value| self.value(value)) {
            Some(Value::Number(number)) => number.with(&options),
            _ => return None,
        };
        if number.options().conflict().is_some() {
            self.failed = true;
            return None;
        }
        Some(number)
    }

    /// A term's named arguments (literals only, as Fluent allows).
    /// A term call's named arguments. Positional ones are resolved too, for
    /// their errors only (a missing variable or message), as fluent-bundle
    /// resolves them before it ignores them.
    fn term_arguments(&mut self, arguments: Option<&CallArguments<String>>) -> Args {
        for positional in arguments
            .map(|a| a.positional.as_slice())
            .unwrap_or_default()
        {
            self.value(positional);
        }
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

/// One locale's messages with its plural rules.
pub struct Catalog {
    tag: String,
    messages: Messages,
    plurals: PluralRules,
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
        }
    }

    /// The locale tag.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Message `id` with `args`; `None` when missing, broken or blank.
    pub fn format(&self, id: &str, args: &Args) -> Option<String> {
        let plural = |n: &Number| self.plurals.category(n);
        let number = |n: &Number| self.plurals.show(n);
        let locale = Locale {
            plural: &plural,
            number: &number,
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

    /// Parses now what reading the first message would parse: the
    /// reference, when there is no chosen copy (a chosen one is parsed
    /// already). For a view drawn in a task after the parse.
    pub fn prepare(&self) {
        if self.chosen.is_none() {
            self.reference();
        }
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

/// A locale's cardinal plural rules and number format. In the browser
/// they are the browser's own (`Intl.PluralRules`, `Intl.NumberFormat`),
/// so no CLDR tables travel with the app.
#[cfg(target_arch = "wasm32")]
pub struct PluralRules {
    tag: String,
    plain: js_sys::Intl::PluralRules,
}

/// The `Intl` options object for a number's digit options (and, for the
/// number format, its grouping); `None` when it sets none.
#[cfg(target_arch = "wasm32")]
fn intl_options(n: &Number, grouping: bool) -> Option<js_sys::Object> {
    let options = n.options();
    let mut digits = options.digits().peekable();
    let ungrouped = grouping && options.use_grouping == Some(false);
    if digits.peek().is_none() && !ungrouped {
        return None;
    }
    let object = js_sys::Object::new();
    for (name, value) in digits {
        let _ = js_sys::Reflect::set(&object, &name.into(), &f64::from(value).into());
    }
    if ungrouped {
        let _ = js_sys::Reflect::set(&object, &"useGrouping".into(), &false.into());
    }
    Some(object)
}

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
        Self {
            tag: tag.to_string(),
            plain: js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new()),
        }
    }

    /// The category of `n`: `"zero"`, `"one"`, `"two"`, `"few"`, `"many"`
    /// or `"other"`. A number is judged as it is shown: with the fraction
    /// digits it shows and the digit options `NUMBER()` gave it, as CLDR's
    /// operands say. (Every option was checked to be in range, and no
    /// minimum over its maximum, so `Intl` takes them.)
    pub fn category(&self, n: &Number) -> String {
        let value = js_sys::parse_float(n.decimal());
        match intl_options(n, false) {
            Some(options) => {
                let locales = js_sys::Array::of1(&self.tag.as_str().into());
                String::from(js_sys::Intl::PluralRules::new(&locales, &options).select(value))
            }
            None => String::from(self.plain.select(value)),
        }
    }

    /// The text of a number `NUMBER()` returned, by `Intl.NumberFormat`
    /// with its options (the exact decimal is passed as text, so no digit
    /// is lost to a double).
    pub fn show(&self, n: &Number) -> String {
        let locales = js_sys::Array::of1(&self.tag.as_str().into());
        let options = intl_options(n, true).unwrap_or_default();
        let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
        format
            .call1(&wasm_bindgen::JsValue::UNDEFINED, &n.decimal().into())
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| n.text())
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
    /// or `"other"`, judged with the fraction digits it shows (as
    /// fluent-bundle judges it: `NUMBER()`'s other options do not count).
    pub fn category(&self, n: &Number) -> String {
        self.0.category_of_decimal(&n.text()).to_string()
    }

    /// The text of a number `NUMBER()` returned: as fluent-bundle writes
    /// it, which uses only its minimum fraction digits.
    pub fn show(&self, n: &Number) -> String {
        n.text()
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
            number: &Number::text,
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
    fn number_calls_resolve_as_fluent_bundles_builtin() {
        let ftl = "padded = { NUMBER($n, minimumFractionDigits: 2) }\n\
                   whole = { NUMBER($n, minimumFractionDigits: 0) } left\n\
                   nested = { NUMBER(NUMBER(1.5, minimumFractionDigits: 3), useGrouping: \"false\") }\n\
                   picks = { NUMBER($n, minimumFractionDigits: 1) ->\n    [one] one\n   *[other] other\n}\n\
                   key = { NUMBER($n, useGrouping: \"false\") ->\n    [1] exactly one\n   *[other] not the key\n}\n\
                   text = { NUMBER($name) }\n\
                   text-selects = { NUMBER($name) ->\n    [one] one\n   *[other] the default\n}\n\
                   refused = { NUMBER($n, style: \"percent\") }\n\
                   conflict = { NUMBER(1.50, maximumFractionDigits: 1) }\n\
                   unknown = { DATETIME($n) }\n";
        let mut args = Args::new();
        args.set("n", Arg::Number(1));
        args.set("name", Arg::Text("1".into()));
        let run = |id| format(ftl, id, &args);
        assert_eq!(run("padded").as_deref(), Some("1.00"));
        assert_eq!(run("whole").as_deref(), Some("\u{2068}1\u{2069} left"));
        assert_eq!(run("nested").as_deref(), Some("1.500"));
        // Judged as shown: "1.0" is not `one` in English.
        assert_eq!(run("picks").as_deref(), Some("other"));
        // fluent-bundle compares a number's options with the key's.
        assert_eq!(run("key").as_deref(), Some("not the key"));
        assert_eq!(run("text"), None, "NUMBER() of text falls back");
        assert_eq!(run("text-selects").as_deref(), Some("the default"));
        assert_eq!(run("refused"), None);
        assert_eq!(run("conflict"), None);
        assert_eq!(run("unknown"), None);
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
        let german = Catalog::new("de", "a = Ä\nb =\n    { \"\" }\nc = { DATETIME($n) }\n");
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
    fn prepare_parses_the_reference_only_when_it_is_the_copy() {
        const REFERENCE: &str = "a = A\n";
        let alone = Localized::over_reference(None, "en-US", REFERENCE);
        assert!(alone.reference.get().is_none(), "parsed lazily");
        alone.prepare();
        assert!(alone.reference.get().is_some());
        assert_eq!(alone.format("a", &Args::new()), "A");
        let german = Localized::over_reference(Catalog::of("de", "a = Ä\n"), "en-US", REFERENCE);
        german.prepare();
        assert!(
            german.reference.get().is_none(),
            "a chosen copy needs no reference until a message is missing"
        );
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
