//! The Fluent functions copy may call: `NUMBER()`, with the options a
//! translator may give it. The checker and the formatter read a call with
//! this one function, so a call the checker accepts formats, and one it
//! refuses never reaches a shopper (the formatter falls back instead).

use fluent_syntax::ast::{CallArguments, InlineExpression};

use crate::number::{MAX_FRACTION_DIGITS, NumberOptions};

/// `NUMBER()`'s options with the values each takes.
const NUMBER_OPTIONS: [(&str, u8, u8); 5] = [
    ("minimumIntegerDigits", 1, 21),
    ("minimumFractionDigits", 0, MAX_FRACTION_DIGITS as u8),
    ("maximumFractionDigits", 0, MAX_FRACTION_DIGITS as u8),
    ("minimumSignificantDigits", 1, 21),
    ("maximumSignificantDigits", 1, 21),
];

/// The names of `NUMBER()`'s options.
fn option_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = vec!["useGrouping"];
    names.extend(NUMBER_OPTIONS.iter().map(|(name, _, _)| *name));
    names
}

/// Why a call cannot be formatted. Its words ([`Refusal::message`]) are
/// built only by the checker, so the widget does not carry them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A function other than `NUMBER()`.
    UnknownFunction(String),
    /// Not one number as `NUMBER()`'s argument.
    Argument,
    /// An option `NUMBER()` does not take.
    UnknownOption(String),
    /// `useGrouping` other than `"true"` or `"false"`.
    Grouping,
    /// A digit option that is not a whole number in its range.
    OutOfRange(&'static str, u8, u8),
    /// A minimum over its maximum (the minimum's name, the maximum's).
    Conflict(&'static str, &'static str),
    /// A literal showing more fraction digits than the maximum allows.
    LiteralTooPrecise(usize, u8),
}

impl Refusal {
    /// The checker's code for it.
    pub fn code(&self) -> crate::Code {
        match self {
            Refusal::UnknownFunction(_) => crate::Code::UnsupportedFunction,
            Refusal::Argument => crate::Code::NumberArgument,
            _ => crate::Code::NumberOption,
        }
    }

    /// Its named values, to word it in another language: the function
    /// for `unsupported-function`; for `number-option` the `problem`
    /// (`unknown`, `grouping`, `range`, `conflict` or `precision`), the
    /// `option`, and what that problem needs of `options`, `low`, `high`,
    /// `other` and `digits`.
    pub fn args(&self) -> crate::Args {
        let text = |value: &str| value.to_string();
        match self {
            Refusal::UnknownFunction(name) => vec![("function", text(name))],
            Refusal::Argument => Vec::new(),
            Refusal::UnknownOption(option) => vec![
                ("problem", text("unknown")),
                ("option", text(option)),
                ("options", option_names().join(", ")),
            ],
            Refusal::Grouping => vec![
                ("problem", text("grouping")),
                ("option", text("useGrouping")),
            ],
            Refusal::OutOfRange(option, low, high) => vec![
                ("problem", text("range")),
                ("option", text(option)),
                ("low", low.to_string()),
                ("high", high.to_string()),
            ],
            Refusal::Conflict(low, high) => vec![
                ("problem", text("conflict")),
                ("option", text(low)),
                ("other", text(high)),
            ],
            Refusal::LiteralTooPrecise(digits, most) => vec![
                ("problem", text("precision")),
                ("option", text("maximumFractionDigits")),
                ("digits", digits.to_string()),
                ("high", most.to_string()),
            ],
        }
    }

    /// Text within the call it is about: the function's name or the
    /// option's.
    pub fn at(&self) -> &str {
        match self {
            Refusal::UnknownFunction(name) | Refusal::UnknownOption(name) => name,
            Refusal::Argument => "NUMBER",
            Refusal::Grouping => "useGrouping",
            Refusal::OutOfRange(option, _, _) => option,
            Refusal::Conflict(_, high) => high,
            Refusal::LiteralTooPrecise(_, _) => "maximumFractionDigits",
        }
    }

    /// What is wrong, and what to write instead.
    pub fn message(&self) -> String {
        match self {
            Refusal::UnknownFunction(name) => format!(
                "`{name}()` is not a function the bubble knows; only NUMBER() is, such as {{ NUMBER($count, minimumFractionDigits: 0) }}"
            ),
            Refusal::Argument => {
                "NUMBER() takes one number: a variable such as NUMBER($count), or a number".into()
            }
            Refusal::UnknownOption(option) => {
                format!(
                    "NUMBER() has no option `{option}`; it takes {}",
                    option_names().join(", ")
                )
            }
            Refusal::Grouping => "useGrouping takes \"true\" or \"false\", in quotes".into(),
            Refusal::OutOfRange(option, low, high) => {
                format!("{option} takes a whole number from {low} to {high}")
            }
            Refusal::Conflict(low, high) => {
                format!("{low} is larger than {high}; make it at most {high}")
            }
            Refusal::LiteralTooPrecise(digits, most) => format!(
                "the number shows {digits} fraction digits, more than maximumFractionDigits: {most}; write it with fewer"
            ),
        }
    }
}

/// The options of a call to `name` with `arguments`, when it is a
/// `NUMBER()` the formatter can show: one number (a variable, a literal or
/// another `NUMBER()`) and known options with values in range.
pub fn number_call<S: AsRef<str>>(
    name: &str,
    arguments: &CallArguments<S>,
) -> Result<NumberOptions, Refusal> {
    if name != "NUMBER" {
        return Err(Refusal::UnknownFunction(name.to_string()));
    }
    let literal_digits = match arguments.positional.as_slice() {
        [InlineExpression::VariableReference { .. }]
        | [InlineExpression::FunctionReference { .. }] => None,
        [InlineExpression::NumberLiteral { value }] => Some(
            value
                .as_ref()
                .split_once('.')
                .map_or(0, |(_, fraction)| fraction.len()),
        ),
        _ => return Err(Refusal::Argument),
    };
    let mut options = NumberOptions::default();
    for named in &arguments.named {
        let option = named.name.name.as_ref();
        if option == "useGrouping" {
            options.use_grouping = match &named.value {
                InlineExpression::StringLiteral { value } if value.as_ref() == "true" => Some(true),
                InlineExpression::StringLiteral { value } if value.as_ref() == "false" => {
                    Some(false)
                }
                _ => return Err(Refusal::Grouping),
            };
            continue;
        }
        let Some(&(known, low, high)) =
            NUMBER_OPTIONS.iter().find(|(known, _, _)| *known == option)
        else {
            return Err(Refusal::UnknownOption(option.to_string()));
        };
        let value = match &named.value {
            InlineExpression::NumberLiteral { value } => value
                .as_ref()
                .parse::<u8>()
                .ok()
                .filter(|value| (low..=high).contains(value)),
            _ => None,
        };
        let Some(value) = value else {
            return Err(Refusal::OutOfRange(known, low, high));
        };
        let slot = match known {
            "minimumIntegerDigits" => &mut options.minimum_integer_digits,
            "minimumFractionDigits" => &mut options.minimum_fraction_digits,
            "maximumFractionDigits" => &mut options.maximum_fraction_digits,
            "minimumSignificantDigits" => &mut options.minimum_significant_digits,
            _ => &mut options.maximum_significant_digits,
        };
        *slot = Some(value);
    }
    if let Some((low, high)) = options.conflict() {
        return Err(Refusal::Conflict(low, high));
    }
    if let (Some(digits), Some(most)) = (literal_digits, options.maximum_fraction_digits)
        && options.minimum_fraction_digits.is_none()
        && digits > usize::from(most)
    {
        return Err(Refusal::LiteralTooPrecise(digits, most));
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::{Entry, Expression, PatternElement};

    /// The first call in `ftl`'s first message, checked.
    fn call(ftl: &str) -> Result<NumberOptions, Refusal> {
        let resource = fluent_syntax::parser::parse(ftl).unwrap();
        let Some(Entry::Message(message)) = resource.body.first() else {
            panic!("no message in {ftl}");
        };
        let elements = &message.value.as_ref().unwrap().elements;
        for element in elements {
            if let PatternElement::Placeable {
                expression:
                    Expression::Inline(InlineExpression::FunctionReference { id, arguments }),
            } = element
            {
                return number_call(id.name, arguments);
            }
        }
        panic!("no call in {ftl}");
    }

    #[test]
    fn number_calls_with_known_options_are_read() {
        assert_eq!(call("a = { NUMBER($n) }"), Ok(NumberOptions::default()));
        assert_eq!(
            call(
                "a = { NUMBER($n, minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: \"false\") }"
            ),
            Ok(NumberOptions {
                minimum_fraction_digits: Some(0),
                maximum_fraction_digits: Some(2),
                use_grouping: Some(false),
                ..NumberOptions::default()
            })
        );
        assert!(call("a = { NUMBER(1.5, minimumIntegerDigits: 3) }").is_ok());
        assert!(call("a = { NUMBER(NUMBER($n, minimumSignificantDigits: 2)) }").is_ok());
    }

    #[test]
    fn what_cannot_be_shown_is_refused_naming_the_place() {
        let at = |ftl: &str| call(ftl).map_err(|refusal| refusal.at().to_string());
        assert_eq!(at("a = { DATETIME($d) }"), Err("DATETIME".into()));
        assert_eq!(at("a = { NUMBER() }"), Err("NUMBER".into()));
        assert_eq!(at("a = { NUMBER($a, $b) }"), Err("NUMBER".into()));
        assert_eq!(at("a = { NUMBER(\"5\") }"), Err("NUMBER".into()));
        assert_eq!(
            at("a = { NUMBER($n, style: \"percent\") }"),
            Err("style".into())
        );
        assert_eq!(
            at("a = { NUMBER($n, minimumFractionDigits: 21) }"),
            Err("minimumFractionDigits".into())
        );
        assert_eq!(
            at("a = { NUMBER($n, minimumFractionDigits: 1.5) }"),
            Err("minimumFractionDigits".into())
        );
        assert_eq!(
            at("a = { NUMBER($n, minimumFractionDigits: \"2\") }"),
            Err("minimumFractionDigits".into())
        );
        assert_eq!(
            at("a = { NUMBER($n, minimumIntegerDigits: 0) }"),
            Err("minimumIntegerDigits".into())
        );
        assert_eq!(
            at("a = { NUMBER($n, useGrouping: \"no\") }"),
            Err("useGrouping".into())
        );
        assert_eq!(
            at("a = { NUMBER($n, minimumFractionDigits: 3, maximumFractionDigits: 1) }"),
            Err("maximumFractionDigits".into())
        );
        assert_eq!(
            at("a = { NUMBER($n, minimumSignificantDigits: 5, maximumSignificantDigits: 2) }"),
            Err("maximumSignificantDigits".into())
        );
        assert_eq!(
            at("a = { NUMBER(1.555, maximumFractionDigits: 1) }"),
            Err("maximumFractionDigits".into())
        );
        let unknown = call("a = { NUMBER($n, minFractionDigits: 1) }").unwrap_err();
        assert!(
            unknown
                .message()
                .contains("it takes useGrouping, minimumIntegerDigits"),
            "{}",
            unknown.message()
        );
    }
}
