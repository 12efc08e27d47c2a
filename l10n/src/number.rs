//! Numbers as Fluent resolves them (fluent-bundle's `FluentNumber`): a
//! value kept as decimal digits, and the options `NUMBER()` gave it.

/// Significant digits a number literal may have: up to 15 every decimal
/// reads back from a double unchanged, so its text is known without
/// floating-point formatting (which would add about 19 KB to the widget).
pub const MAX_SIGNIFICANT_DIGITS: usize = 15;

/// Fraction digits a number literal may show: what every browser's
/// `Intl.PluralRules` accepts as `minimumFractionDigits`.
pub const MAX_FRACTION_DIGITS: usize = 20;

/// How a number is to be shown: the options of `Intl.NumberFormat` that
/// Fluent lets translators set through `NUMBER()` (fluent.js's list, less
/// the unit and currency ones, which need a style translators may not
/// set). `None` is "not set"; a later `NUMBER()` sets only what it names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NumberOptions {
    /// `useGrouping` ("1,000" or "1000"); shown grouped when not set.
    pub use_grouping: Option<bool>,
    /// `minimumIntegerDigits`, 1 to 21.
    pub minimum_integer_digits: Option<u8>,
    /// `minimumFractionDigits`, 0 to 20: a literal's own (`1.50` has 2).
    pub minimum_fraction_digits: Option<u8>,
    /// `maximumFractionDigits`, 0 to 20.
    pub maximum_fraction_digits: Option<u8>,
    /// `minimumSignificantDigits`, 1 to 21.
    pub minimum_significant_digits: Option<u8>,
    /// `maximumSignificantDigits`, 1 to 21.
    pub maximum_significant_digits: Option<u8>,
}

impl NumberOptions {
    /// These options with those `later` sets put over them, as a
    /// `NUMBER()` around a number does.
    pub fn merged(self, later: &NumberOptions) -> NumberOptions {
        NumberOptions {
            use_grouping: later.use_grouping.or(self.use_grouping),
            minimum_integer_digits: later.minimum_integer_digits.or(self.minimum_integer_digits),
            minimum_fraction_digits: later
                .minimum_fraction_digits
                .or(self.minimum_fraction_digits),
            maximum_fraction_digits: later
                .maximum_fraction_digits
                .or(self.maximum_fraction_digits),
            minimum_significant_digits: later
                .minimum_significant_digits
                .or(self.minimum_significant_digits),
            maximum_significant_digits: later
                .maximum_significant_digits
                .or(self.maximum_significant_digits),
        }
    }

    /// The digit options set, by their `Intl` names (what the browser's
    /// plural rules and number format are given).
    pub fn digits(&self) -> impl Iterator<Item = (&'static str, u8)> {
        [
            ("minimumIntegerDigits", self.minimum_integer_digits),
            ("minimumFractionDigits", self.minimum_fraction_digits),
            ("maximumFractionDigits", self.maximum_fraction_digits),
            ("minimumSignificantDigits", self.minimum_significant_digits),
            ("maximumSignificantDigits", self.maximum_significant_digits),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.map(|value| (name, value)))
    }

    /// Whether `Intl` would refuse them (a range error): a minimum over
    /// its maximum. A literal's own fraction digits count as its minimum,
    /// so `NUMBER(1.50, maximumFractionDigits: 1)` is refused.
    pub fn conflict(&self) -> Option<(&'static str, &'static str)> {
        let over =
            |low: Option<u8>, high: Option<u8>| matches!((low, high), (Some(l), Some(h)) if l > h);
        if over(self.minimum_fraction_digits, self.maximum_fraction_digits) {
            Some(("minimumFractionDigits", "maximumFractionDigits"))
        } else if over(
            self.minimum_significant_digits,
            self.maximum_significant_digits,
        ) {
            Some(("minimumSignificantDigits", "maximumSignificantDigits"))
        } else {
            None
        }
    }

    /// Whether two numbers' options are the same to fluent-bundle, which
    /// compares them in full when a number meets a number key (grouping
    /// is on unless set off).
    fn same(&self, other: &NumberOptions) -> bool {
        let grouping = |options: &NumberOptions| options.use_grouping.unwrap_or(true);
        NumberOptions {
            use_grouping: Some(grouping(self)),
            ..*self
        } == NumberOptions {
            use_grouping: Some(grouping(other)),
            ..*other
        }
    }
}

/// A number as Fluent resolves it (fluent-bundle's `FluentNumber`): its
/// value as the shortest decimal that names it (`-0`, `1.5`, `7`), and
/// its options: for a literal, the fraction digits it was written with
/// (`1.50` has two), which its text and its plural category keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// The value's shortest decimal: what a double of it prints as.
    decimal: String,
    options: NumberOptions,
}

impl Number {
    /// A count passed as an argument (shown without fraction digits).
    /// Counts beyond ±2⁵³, which no copy needs, are written in full where
    /// fluent-bundle would round them to a double first.
    pub fn of(count: i64) -> Self {
        Number {
            decimal: count.to_string(),
            options: NumberOptions::default(),
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
            options: NumberOptions {
                minimum_fraction_digits: unsigned
                    .contains('.')
                    .then(|| u8::try_from(fraction.len()).ok())
                    .flatten(),
                ..NumberOptions::default()
            },
        })
    }

    /// The same number with `options` put over its own, as `NUMBER()`
    /// does.
    pub fn with(self, options: &NumberOptions) -> Self {
        Number {
            options: self.options.merged(options),
            ..self
        }
    }

    /// Its text as fluent-bundle writes it: the shortest decimal (`-0`
    /// stays `-0`), padded to its minimum fraction digits. (fluent-bundle
    /// writes no other option; the browser shows `NUMBER()`'s results
    /// through `Intl.NumberFormat`.)
    pub fn text(&self) -> String {
        let mut text = self.decimal.clone();
        if let Some(digits) = self.options.minimum_fraction_digits {
            let digits = usize::from(digits);
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
        self.options.minimum_fraction_digits.map_or(0, usize::from)
    }

    /// The options it is shown with.
    pub fn options(&self) -> &NumberOptions {
        &self.options
    }

    /// Whether it is the same number with the same options, as
    /// fluent-bundle compares them (`-0` equals `0`; `[1.0]` is not `1`).
    pub(crate) fn same(&self, other: &Number) -> bool {
        let value = |number: &Number| match number.decimal.as_str() {
            "-0" => "0".to_string(),
            other => other.to_string(),
        };
        value(self) == value(other) && self.options.same(&other.options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_merge_as_a_later_number_call_sets_them() {
        let literal = Number::literal("1.50").unwrap();
        assert_eq!(literal.text(), "1.50");
        let fewer = literal.clone().with(&NumberOptions {
            minimum_fraction_digits: Some(1),
            ..NumberOptions::default()
        });
        // fluent-bundle replaces the literal's own digits.
        assert_eq!(fewer.text(), "1.5");
        let grouped = fewer.clone().with(&NumberOptions {
            use_grouping: Some(false),
            ..NumberOptions::default()
        });
        assert_eq!(grouped.options().minimum_fraction_digits, Some(1));
        assert_eq!(grouped.options().use_grouping, Some(false));
        assert_eq!(Number::of(3).with(&NumberOptions::default()), Number::of(3));
    }

    #[test]
    fn numbers_are_the_same_with_the_same_value_and_options() {
        let one = Number::of(1);
        assert!(one.same(&Number::literal("1").unwrap()));
        assert!(Number::literal("-0").unwrap().same(&Number::of(0)));
        assert!(!one.same(&Number::literal("1.0").unwrap()));
        let set_on = |on| {
            Number::of(1).with(&NumberOptions {
                use_grouping: Some(on),
                ..NumberOptions::default()
            })
        };
        assert!(one.same(&set_on(true)), "grouping is on unless set off");
        assert!(!one.same(&set_on(false)));
    }

    #[test]
    fn a_minimum_over_its_maximum_is_a_conflict() {
        let options = Number::literal("1.50")
            .unwrap()
            .with(&NumberOptions {
                maximum_fraction_digits: Some(1),
                ..NumberOptions::default()
            })
            .options()
            .to_owned();
        assert_eq!(
            options.conflict(),
            Some(("minimumFractionDigits", "maximumFractionDigits"))
        );
        let significant = NumberOptions {
            minimum_significant_digits: Some(3),
            maximum_significant_digits: Some(2),
            ..NumberOptions::default()
        };
        assert!(significant.conflict().is_some());
        assert_eq!(NumberOptions::default().conflict(), None);
    }
}
