//! The checker against one broken fixture per diagnostic, and against every
//! shipped locale (which must be clean).
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::path::Path;

use l10n::{Diagnostic, Severity, Source, check};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

/// Checks `text`, shown as `path`, as a `locale` translation of the
/// fixtures' reference.
fn check_as(path: &str, locale: &str, text: &str) -> Vec<Diagnostic> {
    let reference = fixture("reference.ftl");
    check(
        &Source {
            path: "reference.ftl",
            locale: "en-US",
            text: &reference,
        },
        &Source { path, locale, text },
    )
}

fn check_fixture(name: &str, locale: &str) -> Vec<Diagnostic> {
    check_as(name, locale, &fixture(name))
}

/// `(code, line)` of each diagnostic.
fn found(diagnostics: &[Diagnostic]) -> Vec<(&'static str, usize)> {
    diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line))
        .collect()
}

#[test]
fn a_faithful_translation_is_clean() {
    assert_eq!(check_fixture("clean.ftl", "de"), vec![]);
}

#[test]
fn syntax_errors_point_at_the_spot_with_the_parsers_words() {
    let diagnostics = check_fixture("syntax.ftl", "de");
    let syntax = diagnostics.iter().find(|d| d.code == "syntax").unwrap();
    assert_eq!((syntax.line, syntax.severity), (2, Severity::Error));
    assert!(syntax.col > 1);
    assert!(syntax.to_string().starts_with("syntax.ftl:2:"), "{syntax}");
    // The broken message then counts as missing.
    assert!(
        diagnostics
            .iter()
            .any(|d| d.code == "missing-message" && d.message.contains("`greeting`"))
    );
}

#[test]
fn missing_and_obsolete_messages() {
    let diagnostics = check_fixture("missing-and-obsolete.ftl", "de");
    assert_eq!(
        found(&diagnostics),
        vec![("missing-message", 1), ("obsolete-message", 8)]
    );
    assert!(
        diagnostics[0].message.contains("`button`")
            && diagnostics[0].message.contains("reference.ftl:8")
    );
}

#[test]
fn missing_and_obsolete_attributes() {
    let diagnostics = check_fixture("attributes.ftl", "de");
    assert_eq!(
        found(&diagnostics),
        vec![("missing-attribute", 7), ("obsolete-attribute", 7)]
    );
    assert!(diagnostics[0].message.contains(".title"));
    assert!(diagnostics[1].message.contains(".tooltip"));
}

#[test]
fn a_variable_the_reference_lacks_is_an_error_and_the_reverse_a_warning() {
    let diagnostics = check_fixture("variables.ftl", "de");
    assert_eq!(
        found(&diagnostics),
        vec![("unknown-variable", 2), ("unused-variable", 2)]
    );
    assert_eq!(diagnostics[0].severity, Severity::Error);
    assert_eq!(diagnostics[1].severity, Severity::Warning);
    assert!(diagnostics[0].message.contains("$nom"));
}

#[test]
fn empty_values_and_duplicate_ids() {
    let diagnostics = check_fixture("empty-and-duplicate.ftl", "de");
    assert_eq!(
        found(&diagnostics),
        vec![("empty-value", 7), ("duplicate-id", 10)]
    );
    assert!(diagnostics[1].message.contains("first at line 2"));
}

#[test]
fn references_to_messages_and_terms_that_do_not_exist() {
    let diagnostics = check_fixture("references.ftl", "de");
    let codes: Vec<_> = diagnostics
        .iter()
        .map(|d| (d.code, d.message.as_str()))
        .collect();
    assert_eq!(diagnostics.len(), 2, "{codes:?}");
    assert!(
        diagnostics
            .iter()
            .all(|d| d.code == "unknown-reference" && d.line == 9)
    );
    assert!(
        diagnostics
            .iter()
            .any(|d| d.message.contains("term `-shop-name`"))
    );
    assert!(
        diagnostics
            .iter()
            .any(|d| d.message.contains("message `help-link`"))
    );
}

#[test]
fn plural_selectors_need_the_locales_cldr_categories() {
    let diagnostics = check_fixture("plural-pl.ftl", "pl");
    assert_eq!(found(&diagnostics), vec![("plural-categories", 3)]);
    assert!(
        diagnostics[0].message.contains("few, many"),
        "{}",
        diagnostics[0]
    );
    // The same file is fine for a language with only one and other.
    assert!(check_fixture("clean.ftl", "de").is_empty());
}

#[test]
fn french_spanish_and_portuguese_need_many_for_a_million_as_current_cldr_says() {
    for locale in ["fr", "es", "pt-BR"] {
        let diagnostics = check_as("plural-pl.ftl", locale, &fixture("plural-pl.ftl"));
        assert_eq!(
            found(&diagnostics),
            vec![("plural-categories", 3)],
            "{locale}"
        );
        assert!(
            diagnostics[0]
                .message
                .contains(&format!("lacks the {locale} categories many")),
            "{}",
            diagnostics[0]
        );
    }
}

#[test]
fn a_category_the_language_never_uses_is_a_warning() {
    let ftl = fixture("clean.ftl").replace(
        "    [one]",
        "    [zero] Nichts\n    [few] Ein paar\n    [one]",
    );
    let diagnostics = check_as("clean.ftl", "de", &ftl);
    assert_eq!(found(&diagnostics), vec![("plural-category-unused", 3)]);
    assert_eq!(diagnostics[0].severity, Severity::Warning);
    assert!(
        diagnostics[0]
            .message
            .contains("[few], [zero], which de never selects (de uses one, other)"),
        "{}",
        diagnostics[0]
    );
    // Arabic uses all six.
    let arabic = fixture("plural-pl.ftl").replace(
        "    [one]",
        "    [zero] صفر\n    [two] اثنان\n    [few] قليل\n    [many] كثير\n    [one]",
    );
    assert_eq!(check_as("plural-pl.ftl", "ar", &arabic), vec![]);
}

#[test]
fn a_selector_without_a_default_variant_is_refused() {
    let diagnostics = check_fixture("no-default.ftl", "de");
    assert!(
        diagnostics
            .iter()
            .any(|d| d.code == "syntax" && d.line >= 3),
        "{diagnostics:?}"
    );
}

#[test]
fn every_shipped_locale_is_clean_against_en_us() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
    let reference = std::fs::read_to_string(root.join("en-US/widget.ftl")).unwrap();
    let mut checked = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        let locale = dir.file_name().unwrap().to_string_lossy().to_string();
        let path = dir.join("widget.ftl");
        let text = std::fs::read_to_string(&path).unwrap();
        let shown = format!("locales/{locale}/widget.ftl");
        let problems: Vec<String> = check(
            &Source {
                path: "locales/en-US/widget.ftl",
                locale: "en-US",
                text: &reference,
            },
            &Source {
                path: &shown,
                locale: &locale,
                text: &text,
            },
        )
        .iter()
        .map(ToString::to_string)
        .collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        checked += 1;
    }
    assert!(checked >= 1);
}

#[test]
fn the_reference_warns_about_messages_translators_get_no_note_for() {
    let reference = fixture("reference.ftl");
    let source = Source {
        path: "reference.ftl",
        locale: "en-US",
        text: &reference,
    };
    let diagnostics = check(&source, &source);
    let undocumented: Vec<(&str, usize)> = found(&diagnostics)
        .into_iter()
        .filter(|(code, _)| *code == "undocumented")
        .collect();
    // `-brand` has the comment on line 1; the four below have none.
    assert_eq!(
        undocumented,
        [
            ("undocumented", 3),
            ("undocumented", 4),
            ("undocumented", 8),
            ("undocumented", 10)
        ]
    );
    assert!(diagnostics.iter().all(|d| d.severity == Severity::Warning));
    // A translation is not asked for notes.
    assert!(
        check_fixture("clean.ftl", "de")
            .iter()
            .all(|d| d.code != "undocumented")
    );
}

/// Checks `text` as a German translation of the fixtures' reference.
fn check_text(text: &str) -> Vec<Diagnostic> {
    check_as("copy.ftl", "de", text)
}

#[test]
fn nesting_no_message_needs_is_refused_at_its_place_before_parsing() {
    // 5,000 levels overflowed the parser's stack; 2,000 were accepted.
    for depth in [l10n::guard::MAX_NESTING + 1, 2_000, 5_000, 200_000] {
        let text = format!(
            "greeting = Hallo\nfarewell = {}$name{}\n",
            "{ ".repeat(depth),
            " }".repeat(depth)
        );
        let diagnostics = check_text(&text);
        let deep = diagnostics
            .iter()
            .find(|d| d.code == "too-deep")
            .unwrap_or_else(|| panic!("{depth}: {diagnostics:?}"));
        let col = "farewell = ".len() + 2 * l10n::guard::MAX_NESTING + 1;
        assert_eq!(
            deep.to_string(),
            format!(
                "copy.ftl:2:{col}: error[too-deep]: placeables or arguments nest deeper than {} here; no message needs that many, so this one is not read",
                l10n::guard::MAX_NESTING
            )
        );
    }
    let at_the_limit = format!(
        "farewell = {}$name{}\n",
        "{ ".repeat(l10n::guard::MAX_NESTING),
        " }".repeat(l10n::guard::MAX_NESTING)
    );
    assert!(
        !check_text(&at_the_limit)
            .iter()
            .any(|d| d.code == "too-deep")
    );
}

#[test]
fn an_entry_left_open_does_not_hide_the_next_ones_nesting() {
    // The parser gives up on `greeting` at `farewell` and reads it afresh:
    // the quote is text there, and every brace a placeable.
    let text = format!("greeting = {{ $name\nfarewell = \"{}\n", "{".repeat(5_000));
    let diagnostics = check_text(&text);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.code == "too-deep" && d.line == 2),
        "{diagnostics:?}"
    );
    assert!(
        diagnostics
            .iter()
            .any(|d| d.code == "syntax" && d.line == 2),
        "the open entry gets the parser's words: {diagnostics:?}"
    );
}

#[test]
fn control_characters_are_refused_where_they_are() {
    let diagnostics = check_text("greeting = Hal\u{0}lo\nfarewell = Tschüs\u{1b}[0m { $name }\n");
    let control: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.code == "control-character")
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        control,
        [
            "copy.ftl:1:15: error[control-character]: U+0000, a control character, is not allowed in copy; delete it",
            "copy.ftl:2:18: error[control-character]: U+001B, a control character, is not allowed in copy; delete it",
        ]
    );
    // Tabs and CRLF line ends are text.
    assert!(
        !check_text("greeting = Hal\tlo\r\n")
            .iter()
            .any(|d| d.code == "control-character")
    );
}

#[test]
fn what_the_formatter_cannot_resolve_is_refused_where_it_is_written() {
    let text = "-brand = Demo Shop\n\
                greeting = Hello, { $name }!\n\
                items = { $count ->\n    [one] One item\n   *[other] { NUMBER($count, minimumFractionDigits: 0) } items\n}\n\
                button = Send { 1234567890.1234567 }\n    .title = Send your message\n\
                farewell = Thanks for visiting { -brand }.\n";
    // NUMBER() with its standard options is fine.
    let diagnostics = check_as("de.ftl", "de", text);
    assert!(
        !diagnostics
            .iter()
            .any(|d| d.code.as_str().contains("function")
                || d.code.as_str().starts_with("number-option")),
        "{diagnostics:?}"
    );
    let other_function = text.replace(
        "NUMBER($count, minimumFractionDigits: 0)",
        "DATETIME($count)",
    );
    let function = check_as("de.ftl", "de", &other_function)
        .into_iter()
        .find(|d| d.code == "unsupported-function")
        .unwrap();
    assert_eq!(function.severity, Severity::Error);
    assert_eq!((function.line, function.col), (5, 15), "{function}");
    assert!(function.message.contains("`DATETIME()`"), "{function}");
    assert!(function.message.contains("only NUMBER() is"), "{function}");
    let long = diagnostics
        .iter()
        .find(|d| d.code == "number-too-long")
        .unwrap();
    assert_eq!((long.line, long.col), (7, 17), "{long}");
    // A variant key too long to compare exactly, within its own entry.
    let key = text.replace("[one] One item", "[1234567890.1234567] One item");
    let found_key = check_as("de.ftl", "de", &key);
    let long_key = found_key
        .iter()
        .find(|d| d.code == "number-too-long" && d.line == 4)
        .unwrap_or_else(|| panic!("{found_key:?}"));
    assert_eq!(long_key.col, 6, "{long_key}");
    // Fifteen significant digits are fine.
    let fine = text.replace("1234567890.1234567", "1234567890.12345");
    assert_eq!(check_as("de.ftl", "de", &fine), vec![]);
}

#[test]
fn number_options_the_formatter_cannot_show_are_refused_at_the_option() {
    let with = |call: &str| {
        let text = format!(
            "-brand = Demo Shop\ngreeting = Hello, {{ $name }}!\nitems = {{ $count ->\n    [one] One item\n   *[other] {{ {call} }} items\n}}\nbutton = Send\n    .title = Send your message\nfarewell = Thanks for visiting {{ -brand }}.\n"
        );
        check_as("de.ftl", "de", &text)
            .into_iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        with("NUMBER($count, minFractionDigits: 1)"),
        [
            "de.ftl:5:30: error[number-option]: in `items`: NUMBER() has no option `minFractionDigits`; it takes useGrouping, minimumIntegerDigits, minimumFractionDigits, maximumFractionDigits, minimumSignificantDigits, maximumSignificantDigits; the bubble would show the shipped text instead"
        ]
    );
    assert_eq!(
        with("NUMBER($count, style: \"percent\")"),
        [
            "de.ftl:5:30: error[number-option]: in `items`: NUMBER() has no option `style`; it takes useGrouping, minimumIntegerDigits, minimumFractionDigits, maximumFractionDigits, minimumSignificantDigits, maximumSignificantDigits; the bubble would show the shipped text instead"
        ]
    );
    assert_eq!(
        with("NUMBER($count, maximumFractionDigits: 99)"),
        [
            "de.ftl:5:30: error[number-option]: in `items`: maximumFractionDigits takes a whole number from 0 to 20; the bubble would show the shipped text instead"
        ]
    );
    assert_eq!(
        with("NUMBER(\"12\")"),
        [
            "de.ftl:5:15: error[number-argument]: in `items`: NUMBER() takes one number: a variable such as NUMBER($count), or a number; the bubble would show the shipped text instead"
        ]
    );
    assert_eq!(
        with("NUMBER($count, useGrouping: \"false\", minimumIntegerDigits: 2)"),
        Vec::<String>::new()
    );
}

/// The shipped en-US widget copy, the reference of a site's wording.
fn widget_reference() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales/en-US/widget.ftl"),
    )
    .unwrap()
}

#[test]
fn a_term_that_writes_out_a_variable_needs_it_from_every_call() {
    // The fault: a term cannot read the message's `$shop`, so the heading
    // shows the placeholder (as fluent-bundle writes it, without an error).
    let copy = "-who = { $shop }\npanel-title-shop = Chat mit { -who }\n";
    let mut args = l10n::format::Args::new();
    args.set("shop", l10n::format::Arg::Text("Acme".to_string()));
    assert_eq!(
        l10n::format::Catalog::new("de", copy).format("panel-title-shop", &args),
        Some("Chat mit {$shop}".to_string())
    );
    let refused = l10n::check_site_copy(&widget_reference(), "de", copy);
    assert_eq!(
        refused
            .iter()
            .map(|d| (d.code.as_str(), d.line))
            .collect::<Vec<_>>(),
        vec![("term-variable", 2)],
        "{refused:?}"
    );
    assert!(
        refused[0]
            .message
            .contains("`panel-title-shop` uses `-who` without `shop: …`"),
        "{}",
        refused[0]
    );

    // Passed by the call, or only selected on (a missing one picks the
    // default variant), it is fine.
    let passed =
        "-who = { $shop }\npanel-title-shop = Chat mit { -who(shop: \"uns\") } und { $shop }\n";
    assert_eq!(
        l10n::check_site_copy(&widget_reference(), "de", passed),
        vec![]
    );
    let selected = "-who = { $case ->\n    [short] uns\n   *[long] unserem Team\n}\npanel-title = Chat mit { -who }\n";
    assert_eq!(
        l10n::check_site_copy(&widget_reference(), "de", selected),
        vec![]
    );
}

#[test]
fn a_message_reads_the_variables_of_the_messages_it_refers_to() {
    // `panel-title` is shown without `$shop`, so through `panel-title-shop`
    // it would fail and the bubble would fall back to the shipped heading.
    let copy = "panel-title-shop = Chat mit { $shop }\npanel-title = { panel-title-shop }\n";
    let refused = l10n::check_site_copy(&widget_reference(), "de", copy);
    assert_eq!(
        refused
            .iter()
            .map(|d| (d.code.as_str(), d.line))
            .collect::<Vec<_>>(),
        vec![("unknown-variable", 2)],
        "{refused:?}"
    );
    assert!(
        refused[0]
            .message
            .contains("refers to a message that uses `$shop`")
    );

    // Where the reference itself reads a variable through a reference, a
    // translation may write it out directly, and the reverse.
    let reference = Source {
        path: "reference.ftl",
        locale: "en-US",
        text: "# A.\na = A { b }\n# B.\nb = B { $x }\n",
    };
    for text in [
        "a = A { $x }\nb = B { $x }\n",
        "a = A { b }\nb = B { $x }\n",
    ] {
        let translation = Source {
            path: "copy.ftl",
            locale: "de",
            text,
        };
        assert_eq!(check(&reference, &translation), vec![], "{text}");
    }

    // Messages that refer to each other in a circle are still checked.
    let circle =
        check_text("greeting = Hallo { $name } { farewell }\nfarewell = Tschüss { greeting }\n");
    assert!(
        circle
            .iter()
            .any(|d| d.code == "unknown-variable" && d.line == 2),
        "{circle:?}"
    );
}
