//! What a Fluent file defines: each message or term with where it is, its
//! attributes, the variables and references it uses, and its plural
//! selectors. Reading it also reports what a single file can get wrong.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

use crate::Source;
use crate::diagnostic::{Args, Code, Diagnostic, Severity, position};
use crate::guard::{self, Hazard, MAX_NESTING};
use crate::plural;

/// One message or term (terms keep their leading `-`).
pub struct Unit {
    /// Its id.
    pub id: String,
    /// Where it starts.
    pub line: usize,
    /// Column of its id.
    pub col: usize,
    /// Attribute names.
    pub attributes: BTreeSet<String>,
    /// Variables used (`$name` without the `$`).
    pub variables: BTreeSet<String>,
    /// Variables written out rather than only selected on: in a term,
    /// each must come from every call (see [`TermCall`]).
    pub placed_variables: BTreeSet<String>,
    /// Messages and `-terms` referred to.
    pub references: BTreeSet<String>,
    /// Each call of a term, with the names of its named arguments.
    pub term_calls: Vec<TermCall>,
    /// Variant keys of each select that chooses by plural category.
    pub plural_selectors: Vec<BTreeSet<String>>,
    /// Whether a comment sits directly above it (notes for translators).
    pub documented: bool,
}

/// A reference to a term, such as `-shop(case: "short")`.
pub struct TermCall {
    /// The term's id, with its `-`.
    pub term: String,
    /// The names of the arguments it passes (`case`).
    pub named: BTreeSet<String>,
}

/// Everything a file defines, by id.
pub struct Inventory {
    /// Units by id.
    pub units: BTreeMap<String, Unit>,
}

/// Where each entry's id starts: lines that begin with an identifier
/// followed by `=` (terms with their `-`).
fn definition_lines(text: &str) -> BTreeMap<String, Vec<usize>> {
    let mut lines: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let Some((head, _)) = line.split_once('=') else {
            continue;
        };
        let id = head.trim_end();
        let valid = id
            .trim_start_matches('-')
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && id.chars().enumerate().all(|(i, c)| {
                c.is_ascii_alphanumeric() || c == '_' || (c == '-' && (i > 0 || id.len() > 1))
            });
        if valid && !line.starts_with(' ') {
            lines.entry(id.to_string()).or_default().push(index + 1);
        }
    }
    lines
}

/// Something the formatter cannot resolve, so the checker refuses it
/// rather than let a shopper get the shipped text in its place.
struct Unsupported {
    /// Text to find it by, from where its entry starts.
    needle: String,
    /// The diagnostic's code.
    code: Code,
    /// What to tell the editor.
    message: String,
    /// Its named values, but the message's id.
    args: Args,
}

/// The byte offset where 1-based `line` starts.
fn line_start(text: &str, line: usize) -> usize {
    text.split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum()
}

#[derive(Default)]
struct Uses {
    variables: BTreeSet<String>,
    placed_variables: BTreeSet<String>,
    references: BTreeSet<String>,
    term_calls: Vec<TermCall>,
    plural_selectors: Vec<BTreeSet<String>>,
    text: String,
    placeables: usize,
    unsupported: Vec<Unsupported>,
}

impl Uses {
    /// Takes in what `other` found, apart from its text; its variables
    /// count as placed only if `placed`.
    fn extend(&mut self, other: Uses, placed: bool) {
        if placed {
            self.placed_variables.extend(other.placed_variables);
        }
        self.variables.extend(other.variables);
        self.references.extend(other.references);
        self.term_calls.extend(other.term_calls);
        self.plural_selectors.extend(other.plural_selectors);
        self.unsupported.extend(other.unsupported);
    }
}

/// Notes a number literal (placed, or a variant key) the formatter cannot
/// resolve exactly.
fn number_literal(value: &str, uses: &mut Uses) {
    if crate::format::Number::literal(value).is_none() {
        uses.unsupported.push(Unsupported {
            needle: value.to_string(),
            code: Code::NumberTooLong,
            message: format!(
                "`{value}` has more than {} significant or {} fraction digits; the bubble would show the shipped text instead. Shorten it",
                crate::format::MAX_SIGNIFICANT_DIGITS,
                crate::format::MAX_FRACTION_DIGITS
            ),
            args: vec![
                ("value", value.to_string()),
                (
                    "significant",
                    crate::format::MAX_SIGNIFICANT_DIGITS.to_string(),
                ),
                ("fraction", crate::format::MAX_FRACTION_DIGITS.to_string()),
            ],
        });
    }
}

fn inline(expression: &InlineExpression<&str>, uses: &mut Uses) {
    match expression {
        InlineExpression::StringLiteral { value } => uses.text.push_str(value),
        InlineExpression::NumberLiteral { value } => {
            uses.placeables += 1;
            number_literal(value, uses);
        }
        InlineExpression::VariableReference { id } => {
            uses.placeables += 1;
            uses.variables.insert(id.name.to_string());
            uses.placed_variables.insert(id.name.to_string());
        }
        InlineExpression::MessageReference { id, .. } => {
            uses.placeables += 1;
            uses.references.insert(id.name.to_string());
        }
        InlineExpression::TermReference { id, arguments, .. } => {
            uses.placeables += 1;
            uses.references.insert(format!("-{}", id.name));
            uses.term_calls.push(TermCall {
                term: format!("-{}", id.name),
                named: arguments
                    .iter()
                    .flat_map(|arguments| &arguments.named)
                    .map(|named| named.name.name.to_string())
                    .collect(),
            });
            if let Some(arguments) = arguments {
                arguments
                    .positional
                    .iter()
                    .for_each(|argument| inline(argument, uses));
                arguments
                    .named
                    .iter()
                    .for_each(|argument| inline(&argument.value, uses));
            }
        }
        InlineExpression::FunctionReference { id, arguments } => {
            uses.placeables += 1;
            if let Err(refusal) = crate::functions::number_call(id.name, arguments) {
                uses.unsupported.push(Unsupported {
                    needle: refusal.at().to_string(),
                    code: refusal.code(),
                    message: format!(
                        "{}; the bubble would show the shipped text instead",
                        refusal.message()
                    ),
                    args: refusal.args(),
                });
            }
            arguments
                .positional
                .iter()
                .for_each(|argument| inline(argument, uses));
            arguments
                .named
                .iter()
                .for_each(|argument| inline(&argument.value, uses));
        }
        InlineExpression::Placeable { expression } => expr(expression, uses),
    }
}

fn expr(expression: &Expression<&str>, uses: &mut Uses) {
    match expression {
        Expression::Inline(expression) => inline(expression, uses),
        Expression::Select { selector, variants } => {
            uses.placeables += 1;
            // A selector only chooses: a variable missing there picks the
            // default variant, and is never written out.
            let mut chooses = Uses::default();
            inline(selector, &mut chooses);
            uses.extend(chooses, false);
            let keys: BTreeSet<String> = variants
                .iter()
                .map(|variant| match &variant.key {
                    VariantKey::Identifier { name } => name.to_string(),
                    VariantKey::NumberLiteral { value } => {
                        number_literal(value, uses);
                        value.to_string()
                    }
                })
                .collect();
            let plural = keys.iter().all(|key| {
                plural::ALL.contains(&key.as_str()) || key.chars().all(|c| c.is_ascii_digit())
            }) && keys
                .iter()
                .any(|key| plural::ALL[..5].contains(&key.as_str()));
            if plural {
                uses.plural_selectors.push(keys);
            }
            for variant in variants {
                pattern(&variant.value, uses);
            }
        }
    }
}

fn pattern(pattern: &Pattern<&str>, uses: &mut Uses) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => uses.text.push_str(value),
            PatternElement::Placeable { expression } => expr(expression, uses),
        }
    }
}

impl Inventory {
    /// The variables message `id` takes from its caller: its own and, as
    /// they are resolved with the same arguments, those of the messages it
    /// refers to, however deep (a term sees only its own arguments).
    pub fn reachable_variables(&self, id: &str) -> BTreeSet<String> {
        let mut variables = BTreeSet::new();
        let mut seen = BTreeSet::new();
        let mut next = vec![id];
        // Each unit is visited once, so this ends.
        while let Some(id) = next.pop() {
            if !seen.insert(id) {
                continue;
            }
            if let Some(unit) = self.units.get(id) {
                variables.extend(unit.variables.iter().cloned());
                next.extend(
                    unit.references
                        .iter()
                        .filter(|target| !target.starts_with('-'))
                        .map(String::as_str),
                );
            }
        }
        variables
    }

    /// Reads `source`, reporting syntax errors, duplicate ids and empty values.
    pub fn read(source: &Source, diagnostics: &mut Vec<Diagnostic>) -> Self {
        let error =
            |code: Code, (line, col): (usize, usize), message: String, args: Args| Diagnostic {
                severity: Severity::Error,
                code,
                path: source.path.to_string(),
                line,
                col,
                message,
                args,
            };
        for finding in guard::findings(source.text) {
            let (code, message, args) = match finding.hazard {
                Hazard::TooDeep => (
                    Code::TooDeep,
                    format!(
                        "placeables or arguments nest deeper than {MAX_NESTING} here; no message needs that many, so this one is not read"
                    ),
                    vec![("depth", MAX_NESTING.to_string())],
                ),
                Hazard::Unclosed => (
                    Code::Unclosed,
                    "a `{` or `(` above is still open where this line starts a new message; close it, or indent this line if it continues the placeable".to_string(),
                    Vec::new(),
                ),
                Hazard::Control(c) => {
                    let character = format!("U+{:04X}", u32::from(c));
                    (
                        Code::ControlCharacter,
                        format!("{character}, a control character, is not allowed in copy; delete it"),
                        vec![("character", character)],
                    )
                }
            };
            if finding.hazard == Hazard::Unclosed
                && let Some((start, entry)) = guard::unclosed_entry(source.text, finding.offset)
                && let Err((_, errors)) = fluent_syntax::parser::parse(entry)
            {
                // What the parser says of the open entry, where it says it.
                for problem in errors {
                    let detail = problem.kind.to_string();
                    diagnostics.push(error(
                        Code::Syntax,
                        position(source.text, start + problem.pos.start),
                        detail.clone(),
                        vec![("detail", detail)],
                    ));
                }
                continue;
            }
            diagnostics.push(error(
                code,
                position(source.text, finding.offset),
                message,
                args,
            ));
        }
        // Entries with a hazard are left out before parsing: the parser
        // recurses once per level of nesting.
        let text = guard::blank_unsafe(source.text);
        let resource = match fluent_syntax::parser::parse(text.as_ref()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for problem in errors {
                    let detail = problem.kind.to_string();
                    diagnostics.push(error(
                        Code::Syntax,
                        position(&text, problem.pos.start),
                        detail.clone(),
                        vec![("detail", detail)],
                    ));
                }
                resource
            }
        };
        let lines = definition_lines(&text);
        let line_of = |id: &str, occurrence: usize| {
            lines
                .get(id)
                .and_then(|lines| lines.get(occurrence).or(lines.first()))
                .copied()
                .unwrap_or(1)
        };
        let mut units: BTreeMap<String, Unit> = BTreeMap::new();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for entry in &resource.body {
            let (id, value, attributes, documented) = match entry {
                Entry::Message(message) => (
                    message.id.name.to_string(),
                    message.value.as_ref(),
                    &message.attributes,
                    message.comment.is_some(),
                ),
                Entry::Term(term) => (
                    format!("-{}", term.id.name),
                    Some(&term.value),
                    &term.attributes,
                    term.comment.is_some(),
                ),
                _ => continue,
            };
            let occurrence = seen.entry(id.clone()).or_insert(0);
            let line = line_of(&id, *occurrence);
            *occurrence += 1;
            if *occurrence > 1 {
                diagnostics.push(error(
                    Code::DuplicateId,
                    (line, 1),
                    format!(
                        "`{id}` is defined again (first at line {})",
                        line_of(&id, 0)
                    ),
                    vec![("id", id.clone()), ("first", line_of(&id, 0).to_string())],
                ));
                continue;
            }
            let mut uses = Uses::default();
            if let Some(value) = value {
                pattern(value, &mut uses);
                if uses.text.trim().is_empty() && uses.placeables == 0 {
                    diagnostics.push(error(
                        Code::EmptyValue,
                        (line, 1),
                        format!("`{id}` is empty"),
                        vec![("id", id.clone())],
                    ));
                }
            }
            for attribute in attributes {
                let mut attribute_uses = Uses::default();
                pattern(&attribute.value, &mut attribute_uses);
                if attribute_uses.text.trim().is_empty() && attribute_uses.placeables == 0 {
                    let named = format!("{id}.{}", attribute.id.name);
                    diagnostics.push(error(
                        Code::EmptyValue,
                        (line, 1),
                        format!("`{named}` is empty"),
                        vec![("id", named.clone())],
                    ));
                }
                uses.extend(attribute_uses, true);
            }
            // Found within this entry: from its first line to the next
            // entry's (the AST keeps no positions).
            let entry_start = line_start(&text, line);
            let entry_end = lines
                .values()
                .flatten()
                .filter(|&&start| start > line)
                .min()
                .map_or(text.len(), |&next| line_start(&text, next));
            // Past the id and its `=`, so the id never matches.
            let value_start = text
                .get(entry_start..entry_end)
                .and_then(|entry| entry.find('='))
                .map_or(entry_start, |equals| entry_start + equals + 1);
            for unsupported in &uses.unsupported {
                let offset = text
                    .get(value_start..entry_end)
                    .and_then(|rest| rest.find(&unsupported.needle))
                    .map_or(entry_start, |found| value_start + found);
                let mut args = vec![("id", id.clone())];
                args.extend(unsupported.args.iter().cloned());
                diagnostics.push(error(
                    unsupported.code,
                    position(&text, offset),
                    format!("in `{id}`: {}", unsupported.message),
                    args,
                ));
            }
            units.insert(
                id.clone(),
                Unit {
                    id,
                    line,
                    col: 1,
                    attributes: attributes.iter().map(|a| a.id.name.to_string()).collect(),
                    variables: uses.variables,
                    placed_variables: uses.placed_variables,
                    references: uses.references,
                    term_calls: uses.term_calls,
                    plural_selectors: uses.plural_selectors,
                    documented,
                },
            );
        }
        Self { units }
    }
}
