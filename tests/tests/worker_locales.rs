//! The widget's copy at run time: `GET /v1/locales` lists what is shipped,
//! `GET /v1/locales/{locale}?site=` serves a locale's FTL with the site's
//! overrides layered on top, `GET /v1/locales/best?want=` picks the locale
//! too, all with ETags, and bad requests get clear refusals.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use e2e::{Stack, http_client};
use serde_json::{Value, json};

async fn get(url: &str, if_none_match: Option<&str>) -> reqwest::Response {
    let mut request = http_client().get(url);
    if let Some(etag) = if_none_match {
        request = request.header("If-None-Match", etag);
    }
    request.send().await.unwrap()
}

fn shipped(stack: &Stack, locale: &str) -> String {
    std::fs::read_to_string(stack.locales_dir.join(locale).join("widget.ftl")).unwrap()
}

/// `GET /v1/locales`.
async fn locale_list(stack: &Stack) -> Value {
    get(&format!("{}/v1/locales", stack.worker_url), None)
        .await
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_collector_lists_its_locales_and_serves_each_one_with_an_etag() {
    let stack = Stack::from_env().unwrap();
    let list = locale_list(&stack).await;
    assert_eq!(list["default"], "en-US");
    let locales: Vec<String> = serde_json::from_value(list["locales"].clone()).unwrap();
    for expected in ["ar", "de", "en-US", "es", "fr", "ja", "nl", "pt-BR"] {
        assert!(
            locales.iter().any(|l| l == expected),
            "{expected} in {locales:?}"
        );
    }

    for locale in ["de", "ar", "en-US"] {
        let url = format!("{}/v1/locales/{locale}", stack.worker_url);
        let response = get(&url, None).await;
        assert_eq!(response.status(), 200);
        let headers = response.headers().clone();
        assert_eq!(headers["cache-control"], "public, no-cache");
        assert_eq!(headers["access-control-allow-origin"], "*");
        assert_eq!(response.text().await.unwrap(), shipped(&stack, locale));
        let etag = headers["etag"].to_str().unwrap();
        assert_eq!(get(&url, Some(etag)).await.status(), 304, "{locale}");
    }
}

#[tokio::test]
async fn unknown_locales_and_sites_are_refused_clearly() {
    let stack = Stack::from_env().unwrap();
    for path in [
        "/v1/locales/xx-YY",
        "/v1/locales/de-DE",
        "/v1/locales/..%2Fsecret",
    ] {
        let response = get(&format!("{}{path}", stack.worker_url), None).await;
        assert_eq!(response.status(), 404, "{path}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["code"], "unknown_locale", "{path}");
        assert!(
            body["message"].as_str().unwrap().contains("en-US"),
            "{body}"
        );
    }
    let response = get(
        &format!("{}/v1/locales/de?site=pk_nobody", stack.worker_url),
        None,
    )
    .await;
    assert_eq!(response.status(), 401);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "unknown_site");

    // Overrides only for locales that are shipped.
    let site = &stack.other_site;
    let refused = stack
        .collector()
        .put_copy(&site.key, &site.secret, "zz", "csat-title = Zz\n")
        .await
        .unwrap();
    assert_eq!(refused.status, 404);
    assert_eq!(refused.code(), "unknown_locale");
}

#[tokio::test]
async fn a_sites_overrides_are_layered_over_the_shipped_copy_for_that_site_only() {
    let stack = Stack::from_env().unwrap();
    let site = &stack.other_site;
    stack
        .collector()
        .store_copy(site, "de", "csat-title = Wie war's bei uns?\n")
        .await
        .unwrap();

    let url = format!("{}/v1/locales/de?site={}", stack.worker_url, site.key);
    let response = get(&url, None).await;
    assert_eq!(response.status(), 200);
    let etag = response.headers()["etag"].to_str().unwrap().to_string();
    let layered = response.text().await.unwrap();
    let shipped = shipped(&stack, "de");
    assert!(
        layered.contains("\ncsat-title = Wie war's bei uns?\n"),
        "{layered}"
    );
    assert_eq!(layered.matches("\ncsat-title =").count(), 1, "{layered}");
    for line in shipped.lines().filter(|line| line.starts_with("bubble-")) {
        assert!(layered.contains(line), "{line} kept");
    }
    assert_eq!(get(&url, Some(&etag)).await.status(), 304);

    // The shipped copy and other sites are untouched.
    let plain = get(&format!("{}/v1/locales/de", stack.worker_url), None).await;
    assert_eq!(plain.text().await.unwrap(), shipped);
    let theirs = get(
        &format!("{}/v1/locales/de?site={}", stack.worker_url, stack.site.key),
        None,
    )
    .await;
    assert!(!theirs.text().await.unwrap().contains("Wie war's bei uns?"));
}

#[tokio::test]
async fn the_dashboards_copy_is_served_for_the_locales_it_is_translated_into() {
    let stack = Stack::from_env().unwrap();
    let list = locale_list(&stack).await;
    let dashboard: Vec<String> = serde_json::from_value(list["dashboard"].clone()).unwrap();
    assert!(
        dashboard.iter().any(|l| l == "en-US") && dashboard.iter().any(|l| l == "de"),
        "{list}"
    );
    let url = format!("{}/v1/locales/de/dashboard", stack.worker_url);
    let response = get(&url, None).await;
    assert_eq!(response.status(), 200);
    let expected =
        std::fs::read_to_string(stack.locales_dir.join("de").join("dashboard.ftl")).unwrap();
    assert_eq!(response.text().await.unwrap(), expected);
    let missing = get(
        &format!("{}/v1/locales/xx/dashboard", stack.worker_url),
        None,
    )
    .await;
    assert_eq!(missing.status(), 404);
    let body: Value = missing.json().await.unwrap();
    assert_eq!(body["code"], "unknown_locale");
}

#[tokio::test]
async fn the_best_copy_for_a_shoppers_languages_comes_in_one_request() {
    let stack = Stack::from_env().unwrap();
    let best = |query: &str| format!("{}/v1/locales/best?{query}", stack.worker_url);
    // Negotiated as fluent-langneg filters, en-US when nothing matches;
    // what is not a tag is skipped.
    for (want, expected) in [
        ("de-AT,en", "de"),
        ("pt-BR", "pt-BR"),
        ("ar-EG", "ar"),
        ("zz,ja", "ja"),
        ("zz", "en-US"),
        ("not%20a%20tag!,fr", "fr"),
        ("", "en-US"),
    ] {
        let response = get(&best(&format!("want={want}")), None).await;
        assert_eq!(response.status(), 200, "{want}");
        let headers = response.headers().clone();
        assert_eq!(headers["content-language"], expected, "{want}");
        assert_eq!(headers["access-control-allow-origin"], "*");
        assert_eq!(headers["cache-control"], "public, no-cache");
        assert_eq!(
            response.text().await.unwrap(),
            shipped(&stack, expected),
            "{want}"
        );
        // Revalidation keeps the chosen locale in view.
        let etag = headers["etag"].to_str().unwrap();
        let again = get(&best(&format!("want={want}")), Some(etag)).await;
        assert_eq!(again.status(), 304, "{want}");
        assert_eq!(again.headers()["content-language"], expected, "{want}");
    }
    assert_eq!(
        get(&best(""), None).await.headers()["content-language"],
        "en-US",
        "no want at all"
    );

    // The site's own wording is layered in, for that site only.
    let site = &stack.other_site;
    stack
        .collector()
        .store_copy(site, "ja", "csat-title = いかがでしたか？\n")
        .await
        .unwrap();
    let theirs = get(&best(&format!("want=ja-JP&site={}", site.key)), None).await;
    assert_eq!(theirs.headers()["content-language"], "ja");
    assert!(
        theirs
            .text()
            .await
            .unwrap()
            .contains("\ncsat-title = いかがでしたか？\n")
    );
    let others = get(&best(&format!("want=ja-JP&site={}", stack.site.key)), None).await;
    assert_eq!(others.text().await.unwrap(), shipped(&stack, "ja"));

    let unknown = get(&best("want=de&site=pk_nobody"), None).await;
    assert_eq!(unknown.status(), 401);
    let body: Value = unknown.json().await.unwrap();
    assert_eq!(body["code"], "unknown_site");
}

#[tokio::test]
async fn pseudo_locales_are_made_from_the_sites_english_when_asked_for_first() {
    let stack = Stack::from_env().unwrap();
    let url = |path: &str| format!("{}/v1/locales/{path}", stack.worker_url);
    let english = shipped(&stack, "en-US");
    for tag in ["en-XA", "ar-XB"] {
        let made = l10n::pseudo::ftl(tag, &english).unwrap();
        let best = get(&url(&format!("best?want={tag},de")), None).await;
        assert_eq!(best.status(), 200, "{tag}");
        assert_eq!(best.headers()["content-language"], tag);
        assert_eq!(best.text().await.unwrap(), made, "{tag}");
        let direct = get(&url(tag), None).await;
        assert_eq!(direct.status(), 200, "{tag}");
        assert_eq!(direct.text().await.unwrap(), made, "{tag}");
    }
    // Never negotiated towards: asked for second, the shipped locale wins.
    let second = get(&url("best?want=de,en-XA"), None).await;
    assert_eq!(second.headers()["content-language"], "de");
    assert_eq!(
        get(&url("best?want=en-GB"), None).await.headers()["content-language"],
        "en-US"
    );

    // A site's own English wording is made pseudo too.
    let site = &stack.other_site;
    stack
        .collector()
        .store_copy(site, "en-US", "csat-title = Rate us\n")
        .await
        .unwrap();
    let theirs = get(&url(&format!("best?want=en-XA&site={}", site.key)), None).await;
    let text = theirs.text().await.unwrap();
    assert!(text.contains("\ncsat-title = Řȧȧŧḗḗ ŭŭş\n"), "{text}");
}

/// `csat-title` with its text inside `depth` nested placeables.
fn nested_title(depth: usize) -> String {
    format!(
        "csat-title = {}\"Deep\"{}\n",
        "{ ".repeat(depth),
        " }".repeat(depth)
    )
}

/// PUTs `ftl` as `site`'s `locale` copy, expects it refused (422), and
/// returns the first diagnostic.
async fn first_refusal(
    collector: &e2e::Collector,
    site: &e2e::SiteAccess,
    locale: &str,
    ftl: &str,
) -> String {
    let refused = collector
        .put_copy(&site.key, &site.secret, locale, ftl)
        .await
        .unwrap();
    assert_eq!(refused.status, 422, "{}", refused.body);
    refused.body["diagnostics"][0]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn wording_nested_too_deep_or_with_control_characters_is_refused_at_its_place() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("stored_copy").unwrap();
    let collector = stack.collector();
    // An empty body is an empty copy (no wording of the site's own), not a 500.
    collector.store_copy(&site, "en-US", "").await.unwrap();
    let good = "csat-title = How was it?\n";
    collector.store_copy(&site, "en-US", good).await.unwrap();

    // 2,000 levels used to be stored (and then broke every shopper's
    // widget); 5,000 overflowed the parser's stack in the Worker (500).
    for depth in [2_000, 5_000] {
        let refused = collector
            .put_copy(&site.key, &site.secret, "en-US", &nested_title(depth))
            .await
            .unwrap();
        assert_eq!(refused.status, 422, "{depth}: {}", refused.body);
        assert_eq!(refused.code(), "invalid_copy");
        let diagnostics = refused.body["diagnostics"].to_string();
        assert!(
            diagnostics.contains("copy/en-US.ftl:1:") && diagnostics.contains("error[too-deep]"),
            "{depth}: {diagnostics}"
        );
    }
    let control = first_refusal(
        &collector,
        &site,
        "en-US",
        "csat-thumb-up = Yes\ncsat-thumb-down = N\u{0}o\n",
    )
    .await;
    assert!(
        control.starts_with("copy/en-US.ftl:2:20: error[control-character]: U+0000"),
        "{control}"
    );

    let kept = get(
        &format!("{}/v1/sites/{}/copy/en-US", stack.worker_url, site.key),
        None,
    )
    .await;
    assert_eq!(
        kept.text().await.unwrap(),
        good,
        "nothing refused is stored"
    );
}

#[tokio::test]
async fn number_calls_in_wording_are_taken_and_options_the_bubble_cannot_show_are_refused() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("stored_copy").unwrap();
    let collector = stack.collector();
    let good = "characters-left = { $count ->\n    [one] Il reste { NUMBER($count) } caractère\n    [many] Il reste { NUMBER($count, useGrouping: \"false\") } de caractères\n   *[other] Il reste { NUMBER($count, minimumFractionDigits: 0) } caractères\n}\n";
    collector.store_copy(&site, "fr", good).await.unwrap();
    let option = first_refusal(
        &collector,
        &site,
        "fr",
        &good.replace("minimumFractionDigits: 0", "style: \"percent\""),
    )
    .await;
    assert!(
        option.starts_with("copy/fr.ftl:4:39: error[number-option]: in `characters-left`: NUMBER() has no option `style`"),
        "{option}"
    );
    // The same finding by code, place and values, for a client to word.
    let refused = collector
        .put_copy(
            &site.key,
            &site.secret,
            "fr",
            &good.replace("minimumFractionDigits: 0", "style: \"percent\""),
        )
        .await
        .unwrap();
    let finding = &refused.body["findings"][0];
    assert_eq!(finding["code"], "number-option", "{}", refused.body);
    assert_eq!((&finding["line"], &finding["col"]), (&json!(4), &json!(39)));
    assert_eq!(finding["args"]["id"], "characters-left");
    assert_eq!(finding["args"]["problem"], "unknown");
    assert_eq!(finding["args"]["option"], "style");
    assert_eq!(finding["message"], json!(option));
    // French needs `many` (a million), as current CLDR says.
    let plural = first_refusal(
        &collector,
        &site,
        "fr",
        "characters-left = { $count ->\n    [one] Il reste { $count } caractère\n   *[other] Il reste { $count } caractères\n}\n",
    )
    .await;
    assert!(
        plural.contains("error[plural-categories]: `characters-left` selects on a number but lacks the fr categories many"),
        "{plural}"
    );
    let kept = get(
        &format!("{}/v1/sites/{}/copy/fr", stack.worker_url, site.key),
        None,
    )
    .await;
    assert_eq!(
        kept.text().await.unwrap(),
        good,
        "nothing refused is stored"
    );
}

#[tokio::test]
async fn wording_stored_before_the_checks_falls_back_to_the_shipped_copy_message_by_message() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("stored_copy").unwrap();
    stack
        .store_copy_unchecked(
            &site.key,
            "de",
            &format!(
                "{}csat-thumb-up = Jawohl\ncsat-thumb-down = Nein\u{7}\ncsat-submit = Absenden!\n",
                nested_title(5_000)
            ),
        )
        .unwrap();
    for path in [
        format!("/v1/locales/de?site={}", site.key),
        format!("/v1/locales/best?want=de&site={}", site.key),
    ] {
        let response = get(&format!("{}{path}", stack.worker_url), None).await;
        assert_eq!(response.status(), 200, "{path}");
        let layered = response.text().await.unwrap();
        let shipped = shipped(&stack, "de");
        let line = |id: &str| {
            shipped
                .lines()
                .find(|line| line.starts_with(&format!("{id} =")))
                .unwrap()
                .to_string()
        };
        assert!(layered.contains(&line("csat-title")), "{path}: {layered}");
        assert!(
            layered.contains(&line("csat-thumb-down")),
            "{path}: {layered}"
        );
        assert!(
            layered.contains("\ncsat-thumb-up = Jawohl\n"),
            "{path}: {layered}"
        );
        assert!(layered.contains("\ncsat-submit = Absenden!\n"), "{path}");
        assert!(!layered.contains("Deep") && !layered.contains('\u{7}'));
    }
}

#[tokio::test]
async fn wording_a_later_check_refuses_is_set_aside_for_shoppers_and_named_for_the_owner() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("stale_copy").unwrap();
    // What a collector before the `term-variable` check stored: the panel's
    // heading would read "Chat mit {$shop}" (a term cannot see `$shop`).
    let stored =
        "-laden = { $shop }\npanel-title-shop = Chat mit { -laden }\ncsat-thumb-up = Jawohl\n";
    stack.store_copy_unchecked(&site.key, "de", stored).unwrap();

    // The shopper gets the shipped heading, and the site's other wording.
    let response = get(
        &format!(
            "{}/v1/locales/best?want=de&site={}",
            stack.worker_url, site.key
        ),
        None,
    )
    .await;
    assert_eq!(response.status(), 200);
    let layered = response.text().await.unwrap();
    let heading = shipped(&stack, "de")
        .lines()
        .find(|line| line.starts_with("panel-title-shop ="))
        .unwrap()
        .to_string();
    assert!(layered.contains(&format!("\n{heading}\n")), "{layered}");
    assert!(!layered.contains("-laden }"), "{layered}");
    assert!(layered.contains("\ncsat-thumb-up = Jawohl\n"), "{layered}");

    // The owner reads the stored text as it is, which message is set
    // aside, and why.
    let url = format!("{}/v1/sites/{}/copy/de", stack.worker_url, site.key);
    let response = get(&url, None).await;
    assert_eq!(
        response
            .headers()
            .get("feedback-copy-set-aside")
            .and_then(|value| value.to_str().ok()),
        Some("panel-title-shop")
    );
    assert_eq!(response.text().await.unwrap(), stored);
    let answer: Value = http_client()
        .get(&url)
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer["ftl"], stored);
    let set_aside = answer["set_aside"].as_array().unwrap();
    assert_eq!(set_aside.len(), 1, "{answer}");
    assert_eq!(set_aside[0]["id"], "panel-title-shop");
    assert!(
        set_aside[0]["problems"][0]
            .as_str()
            .unwrap()
            .contains("error[term-variable]"),
        "{answer}"
    );
}
