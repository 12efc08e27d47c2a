//! Component tests in headless Chromium for what the copy does on screen:
//! the comment counter's plural forms (and when it shows), and a locale
//! switch rewording the mounted widget in place.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used)]

use super::support;
use crate::chat::{Message, Role};
use crate::i18n::{I18n, Localizer, Msg};
use crate::view::comment_box::CommentBox;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlTextAreaElement};

/// The counter's text without Fluent's isolation marks, `None` when hidden.
fn counter(container: &HtmlElement) -> Option<String> {
    container
        .query_selector(".fb-chars-left")
        .unwrap()
        .map(|element| {
            element
                .text_content()
                .unwrap_or_default()
                .replace(['\u{2068}', '\u{2069}'], "")
        })
}

#[wasm_bindgen_test]
async fn the_counter_appears_near_the_limit_and_picks_the_plural_form() {
    let container = support::container();
    let text = RwSignal::new(String::new());
    let i18n = I18n::new(Localizer::reference());
    leptos::mount::mount_to(container.clone(), move || {
        provide_context(i18n);
        view! {
            <CommentBox
                text=text
                id=None
                class="box"
                rows="2"
                label=None
                placeholder=Msg::CsatCommentPlaceholder
            />
        }
    })
    .forget();
    let textarea: HtmlTextAreaElement = support::element(&container, "textarea").unchecked_into();
    assert_eq!(
        usize::try_from(textarea.max_length()).ok(),
        Some(protocol::text::MAX_COMMENT_UTF16),
        "the collector's comment limit, in the unit maxlength counts"
    );
    // As the shopper types: the box's own `input` event.
    let typed = |value: &str| {
        textarea.set_value(value);
        textarea
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    };
    typed("");
    support::settle().await;
    assert_eq!(counter(&container), None, "hidden while the box has room");
    typed(&"x".repeat(901));
    support::settle().await;
    assert_eq!(counter(&container).as_deref(), Some("99 characters left"));
    typed(&"x".repeat(999));
    support::settle().await;
    assert_eq!(counter(&container).as_deref(), Some("1 character left"));
    typed(&"👍".repeat(500));
    support::settle().await;
    assert_eq!(
        counter(&container).as_deref(),
        Some("0 characters left"),
        "UTF-16, like maxlength"
    );
    typed("");
    support::settle().await;
    assert_eq!(counter(&container), None);
}

#[wasm_bindgen_test]
async fn a_locale_switch_rewords_the_mounted_widget_in_place() {
    let (app, container, _) = support::mounted();
    app.add_message(Message::new("m1", Role::Assistant, "Hello"))
        .unwrap();
    support::settle().await;
    let up = || {
        support::element(&container, ".fb-thumb[data-rating=\"up\"]").get_attribute("aria-label")
    };
    let root = || container.get_attribute("dir");
    assert_eq!(up().as_deref(), Some("Helpful"));
    app.set_locale(Localizer::new(
        "de",
        Some("message-feedback-up = Hilfreich\n"),
    ));
    support::settle().await;
    assert_eq!(up().as_deref(), Some("Hilfreich"));
    assert_eq!(container.get_attribute("lang").as_deref(), Some("de"));
    // A pseudo-locale as the collector makes it from en-US.
    let pseudo = |tag| {
        Localizer::new(
            tag,
            l10n::pseudo::ftl(tag, crate::i18n::REFERENCE_FTL).as_deref(),
        )
    };
    app.set_locale(pseudo(l10n::pseudo::ACCENTED));
    support::settle().await;
    assert_eq!(up().as_deref(), Some("Ħḗḗŀƥƒŭŭŀ"));
    app.set_locale(pseudo(l10n::pseudo::BIDI));
    support::settle().await;
    assert_eq!(root().as_deref(), Some("rtl"));
    let bubble = support::element(&container, ".fb-bubble");
    assert!(
        bubble
            .get_attribute("aria-label")
            .unwrap()
            .starts_with('\u{202E}')
    );
}

#[wasm_bindgen_test]
fn copy_nested_thousands_deep_loses_only_its_own_messages() {
    // 2,000 levels used to overflow the widget's stack ("memory access out
    // of bounds") and leave the panel empty for every shopper.
    let deep = |depth: usize| {
        format!(
            "message-feedback-up = Jawohl\nmessage-feedback-down = {}\"Tief\"{}\nreason-send = Ab\u{0}\nreason-skip = Weiter\n",
            "{ ".repeat(depth),
            " }".repeat(depth)
        )
    };
    for depth in [2_000, 20_000] {
        let copy = Localizer::new("de", Some(&deep(depth)));
        assert_eq!(copy.text(Msg::FeedbackUp), "Jawohl");
        assert_eq!(copy.text(Msg::FeedbackDown), "Not helpful", "{depth}");
        assert_eq!(copy.text(Msg::ReasonSend), "Send", "control characters");
        assert_eq!(copy.text(Msg::ReasonSkip), "Weiter");
    }
}

/// Every shipped widget copy, as the collector serves it.
const SHIPPED: [(&str, &str); 8] = [
    ("ar", include_str!("../../../locales/ar/widget.ftl")),
    ("de", include_str!("../../../locales/de/widget.ftl")),
    ("en-US", include_str!("../../../locales/en-US/widget.ftl")),
    ("es", include_str!("../../../locales/es/widget.ftl")),
    ("fr", include_str!("../../../locales/fr/widget.ftl")),
    ("ja", include_str!("../../../locales/ja/widget.ftl")),
    ("nl", include_str!("../../../locales/nl/widget.ftl")),
    ("pt-BR", include_str!("../../../locales/pt-BR/widget.ftl")),
];

/// "N characters left" for `n` in `tag` with the plural `rule`.
fn characters_left(ftl: &str, n: i64, rule: &dyn Fn(i64) -> String) -> Option<String> {
    use l10n::format::{Arg, Args, Locale, Messages, Number};
    let mut args = Args::new();
    args.set("count", Arg::Number(n));
    // Counts only: whole numbers, shown without fraction digits.
    let whole = |number: &Number| rule(number.decimal().parse().unwrap_or(0));
    let locale = Locale {
        plural: &whole,
        number: &Number::text,
    };
    Messages::parse(ftl).format("characters-left", &args, &locale)
}

/// The widget's counter text for `n` in `tag`, with the browser's rules.
fn in_browser(tag: &str, ftl: &str, n: i64) -> String {
    use l10n::format::{Arg, Args};
    let mut args = Args::new();
    args.set("count", Arg::Number(n));
    Localizer::new(tag, Some(ftl)).format(Msg::CharactersLeft, &args)
}

/// The browser's category for `decimal` in `tag`, judged with the
/// fraction digits it shows, as `l10n::format` asks it.
fn browsers_category(tag: &str, decimal: &str) -> String {
    let digits = decimal
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    let options = js_sys::Object::new();
    js_sys::Reflect::set(
        &options,
        &"minimumFractionDigits".into(),
        &(digits as f64).into(),
    )
    .unwrap();
    let rules = js_sys::Intl::PluralRules::new(&js_sys::Array::of1(&tag.into()), &options);
    String::from(rules.select(js_sys::parse_float(decimal)))
}

#[wasm_bindgen_test]
fn the_checkers_plural_rules_and_the_browsers_agree_for_every_shipped_locale() {
    // What `cargo xtask locales check` and the collector ask variants for
    // (icu_plurals) against what the bubble picks them by (the browser).
    let decimals = [
        "0.0",
        "0.5",
        "1.0",
        "1.5",
        "2.5",
        "10.1",
        "100.5",
        "1000000.0",
    ];
    for (tag, _) in SHIPPED {
        let rules = l10n::plural::Rules::of(&tag.parse().unwrap());
        let numbers = (0..=10_000)
            .map(|n: i64| n.to_string())
            .chain(["1000000", "2000000", "1000001"].map(String::from))
            .chain(decimals.map(String::from));
        for n in numbers {
            assert_eq!(
                rules.category_of_decimal(&n),
                browsers_category(tag, &n),
                "{tag} n={n}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn the_shipped_counter_copy_has_a_form_for_every_category_the_browser_picks() {
    for (tag, ftl) in SHIPPED {
        let rules = l10n::plural::Rules::of(&tag.parse().unwrap());
        let cldr = |n: i64| rules.category(n).to_string();
        for n in (0..=200).chain([1_000, 1_003, 1_011, 1_000_000]) {
            assert_eq!(
                Some(in_browser(tag, ftl, n)),
                characters_left(ftl, n, &cldr),
                "{tag} n={n}"
            );
        }
    }
    // A million takes `many` in French (CLDR 38 on): its own wording.
    let (tag, ftl) = SHIPPED[4];
    assert_eq!(tag, "fr");
    assert_ne!(in_browser(tag, ftl, 1_000_000), in_browser(tag, ftl, 2));
    assert!(in_browser(tag, ftl, 1_000_000).contains(" de "));
}

#[wasm_bindgen_test]
fn numbers_in_copy_resolve_as_fluent_bundle_resolves_them_with_the_browsers_rules() {
    use l10n::format::{Args, Catalog};
    let ftl = "whole = { 1 ->\n    [one] one\n   *[other] other\n}\n\
               shown = { 1.0 ->\n    [one] one\n   *[other] other\n}\n\
               half-fr = { 1.5 ->\n    [one] un\n   *[other] autre\n}\n\
               half-en = { 1.5 ->\n    [one] one\n    [other] other\n   *[many] many\n}\n\
               written = { -0 } { 1.50 } { 007 }\n";
    let en = Catalog::new("en-US", ftl);
    let fr = Catalog::new("fr", ftl);
    let format = |catalog: &Catalog, id: &str| catalog.format(id, &Args::new());
    assert_eq!(format(&en, "whole").as_deref(), Some("one"));
    // `1.0` shows a fraction digit: not `one` in English (CLDR's v = 1).
    assert_eq!(format(&en, "shown").as_deref(), Some("other"));
    // French puts 1.5 under `one`; English under `other`, not the default.
    assert_eq!(format(&fr, "half-fr").as_deref(), Some("un"));
    assert_eq!(format(&en, "half-en").as_deref(), Some("other"));
    assert_eq!(
        format(&en, "written").as_deref(),
        Some("\u{2068}-0\u{2069} \u{2068}1.50\u{2069} \u{2068}7\u{2069}")
    );
}

#[wasm_bindgen_test]
fn number_calls_are_shown_by_the_browsers_number_format() {
    use l10n::format::{Arg, Args, Catalog};
    let ftl = "padded = { NUMBER($n, minimumFractionDigits: 2) }\n\
               grouped = { NUMBER($n) }\n\
               ungrouped = { NUMBER($n, useGrouping: \"false\") }\n\
               plain = { $n }\n\
               shown = { NUMBER($n, minimumFractionDigits: 1) ->\n    [one] one\n   *[other] other\n}\n\
               rounded = { NUMBER($n, maximumSignificantDigits: 1) } { NUMBER($n, maximumSignificantDigits: 1) ->\n    [one] one\n    [few] few\n    [many] many\n   *[other] other\n}\n\
               refused = { NUMBER($n, style: \"percent\") }\n";
    let with = |tag: &str, id: &str, n: i64| {
        let mut args = Args::new();
        args.set("n", Arg::Number(n));
        Catalog::new(tag, ftl).format(id, &args)
    };
    assert_eq!(with("de", "padded", 1234).as_deref(), Some("1.234,00"));
    assert_eq!(with("en-US", "padded", 1234).as_deref(), Some("1,234.00"));
    assert_eq!(with("de", "grouped", 1234).as_deref(), Some("1.234"));
    assert_eq!(with("de", "ungrouped", 1234).as_deref(), Some("1234"));
    // Without NUMBER(), a number is written as fluent-bundle writes it.
    assert_eq!(with("de", "plain", 1234).as_deref(), Some("1234"));
    // Its plural category is the one of what is shown: "1.0" is `other`.
    assert_eq!(with("en-US", "shown", 1).as_deref(), Some("other"));
    // Russian 21 is `one`; shown with one significant digit it is "20",
    // which is `many`.
    assert_eq!(
        with("ru", "rounded", 21).as_deref(),
        Some("\u{2068}20\u{2069} \u{2068}many\u{2069}")
    );
    assert_eq!(with("en-US", "refused", 1), None, "refused, never thrown");
    // The bubble's own counter, worded by a site with NUMBER().
    let site = "characters-left = Noch { NUMBER($count, minimumIntegerDigits: 4) } Zeichen\n";
    assert_eq!(
        in_browser("de", site, 12).replace(['\u{2068}', '\u{2069}'], ""),
        "Noch 0.012 Zeichen"
    );
}
