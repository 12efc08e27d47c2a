//! What the checker says, and how it prints.

use std::fmt;

/// Errors fail the check; warnings are shown but pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Must be fixed.
    Error,
    /// Worth a look.
    Warning,
}

/// Declares [`Code`] with its names and the list of them all at once, so
/// the list cannot miss one.
macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident => $name:literal, )*) => {
        /// What the checker found, by kind: a stable short name each
        /// (`error[syntax]`), which the dashboard words in the owner's
        /// language (`checker-{name}` in `dashboard.ftl`) with the
        /// diagnostic's [`Diagnostic::args`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// Its name (`missing-message`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

codes! {
    /// A message of the reference the file lacks (`id`).
    MissingMessage => "missing-message",
    /// An attribute of the reference's message the file lacks (`id`, `attribute`).
    MissingAttribute => "missing-attribute",
    /// An attribute the reference's message does not have (`id`, `attribute`).
    ObsoleteAttribute => "obsolete-attribute",
    /// A variable the reference does not provide (`id`, `variable`).
    UnknownVariable => "unknown-variable",
    /// A variable of the reference the message does not use (`id`, `variable`).
    UnusedVariable => "unused-variable",
    /// A message the reference does not have (`id`).
    ObsoleteMessage => "obsolete-message",
    /// A reference to a message or term that does not exist (`id`,
    /// `target`, `kind`: `term` or `message`).
    UnknownReference => "unknown-reference",
    /// A term writing out a variable its call does not pass (`id`, `term`,
    /// `variable`).
    TermVariable => "term-variable",
    /// A plural select lacking categories of the locale (`id`, `locale`,
    /// `missing`, `categories`).
    PluralCategories => "plural-categories",
    /// A plural variant the locale never selects (`id`, `locale`,
    /// `unused`, `categories`).
    PluralCategoryUnused => "plural-category-unused",
    /// A locale tag that is not one (`locale`).
    BadLocale => "bad-locale",
    /// A reference message without a note for translators (`id`).
    Undocumented => "undocumented",
    /// A number literal the formatter cannot show exactly (`id`, `value`,
    /// `significant`, `fraction`).
    NumberTooLong => "number-too-long",
    /// Placeables nested too deep (`depth`).
    TooDeep => "too-deep",
    /// A `{` or `(` left open where a new message starts.
    Unclosed => "unclosed",
    /// A control character (`character`, as `U+0007`).
    ControlCharacter => "control-character",
    /// Fluent that does not parse (`detail`, the parser's words).
    Syntax => "syntax",
    /// An id defined twice (`id`, `first`, the line of the first).
    DuplicateId => "duplicate-id",
    /// A message or attribute with no text (`id`).
    EmptyValue => "empty-value",
    /// A function other than `NUMBER()` (`id`, `function`).
    UnsupportedFunction => "unsupported-function",
    /// `NUMBER()` not given one number (`id`).
    NumberArgument => "number-argument",
    /// An option of `NUMBER()` it cannot take (`id`, `problem`, `option`,
    /// and by problem `options`, `low`, `high`, `other`, `digits`).
    NumberOption => "number-option",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A finding's named values (`id`, `variable`, …), for wording it in
/// another language.
pub type Args = Vec<(&'static str, String)>;

/// One finding, at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of finding.
    pub code: Code,
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong, for the locale editor, in English.
    pub message: String,
    /// Its named values, as [`Code`] lists them for each kind.
    pub args: Args,
}

impl Diagnostic {
    /// Whether this fails the check.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The value of its argument `name`, if it has one.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(named, _)| *named == name)
            .map(|(_, value)| value.as_str())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {severity}[{}]: {}",
            self.path, self.line, self.col, self.code, self.message
        )
    }
}

/// 1-based line and column of a byte offset.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, col)
}
