//! `cargo xtask site ...` against the test run's local D1, seen through the
//! running Worker: settings reach the widget's config, a rotated secret
//! replaces the old one, and bad settings are refused with the reason.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::process::Output;

use e2e::{SiteAccess, Stack, envelope};

fn site_cli(args: &[&str]) -> Output {
    e2e::site_cli(args).unwrap()
}

fn printed(output: &Output, label: &str) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout);
    stdout
        .lines()
        .find_map(|line| line.strip_prefix(label))
        .map(|rest| rest.split_whitespace().next().unwrap_or("").to_string())
        .unwrap_or_else(|| {
            panic!(
                "no {label:?} in:\n{stdout}\n{}",
                String::from_utf8_lossy(&output.stderr)
            )
        })
}

#[tokio::test]
async fn sites_are_added_set_listed_and_rotated_from_the_command_line() {
    let stack = Stack::from_env().unwrap();
    let collector = stack.collector();

    let added = site_cli(&[
        "add",
        "--origin",
        "https://cli.shop.example",
        "csat_mode=scale5",
        "reason_tags=wrong_answer,too_long",
    ]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let site = SiteAccess {
        key: printed(&added, "site key:"),
        secret: printed(&added, "site secret:"),
    };
    let config = collector.site_config(&site.key, None).await.unwrap();
    assert_eq!(config.status, 200, "{}", config.body);
    assert_eq!(config.body["csat_mode"], "scale5");
    assert_eq!(
        config.body["reason_tags"],
        serde_json::json!(["wrong_answer", "too_long"])
    );
    // A new site works out of the box: everyone asked after an answer,
    // idle conversations ended after ten minutes, text kept (redacted) for
    // 90 days.
    assert_eq!(
        (
            config.body["csat_sample_percent"].as_u64(),
            config.body["csat_cooldown_days"].as_u64(),
            config.body["csat_min_assistant_messages"].as_u64(),
            config.body["idle_end_seconds"].as_u64(),
            config.body["store_text"].as_bool(),
        ),
        (Some(100), Some(0), Some(1), Some(600), Some(true)),
        "{}",
        config.body
    );
    let settings = collector.settings(&site).await.unwrap().body;
    let stored = &settings["settings"];
    assert_eq!(stored["text_retention_days"], 90, "{settings}");
    assert_eq!(stored["redaction"]["enabled"], true, "{settings}");
    let etag = config.header("etag").unwrap().to_string();

    let set = site_cli(&[
        "set",
        &site.key,
        "csat_mode=thumbs",
        "store_text=false",
        "csat_sample_percent=25",
        "csat_cooldown_days=30",
    ]);
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let changed = collector.site_config(&site.key, Some(&etag)).await.unwrap();
    assert_eq!(changed.status, 200, "a changed config is not a 304");
    assert_eq!(
        (
            changed.body["csat_mode"].as_str(),
            changed.body["store_text"].as_bool(),
            changed.body["csat_sample_percent"].as_u64(),
            changed.body["csat_cooldown_days"].as_u64(),
        ),
        (Some("thumbs"), Some(false), Some(25), Some(30))
    );

    let listed = site_cli(&["list"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains(&site.key));

    // Server-to-server ingest with the secret (the Worker now remembers the
    // site for a while).
    let ingest = |secret: String| {
        let collector = &collector;
        let body = envelope(&site.key, vec![]).to_string();
        async move {
            collector
                .post_raw(body, None, Some(&secret))
                .await
                .unwrap()
                .status
        }
    };
    assert_eq!(ingest(site.secret.clone()).await, 200);
    let rotated = site_cli(&["rotate-secret", &site.key]);
    assert!(rotated.status.success());
    let new_secret = printed(&rotated, "site secret:");
    assert_ne!(new_secret, site.secret);
    let old = collector.owner_get(&site, "overview").await.unwrap();
    assert_eq!(old.0, 401, "the old secret no longer reads");
    assert_eq!(
        ingest(site.secret.clone()).await,
        401,
        "the old secret no longer sends, at once"
    );
    assert_eq!(ingest(new_secret.clone()).await, 200);
    let new = SiteAccess {
        key: site.key.clone(),
        secret: new_secret,
    };
    assert_eq!(collector.owner_get(&new, "overview").await.unwrap().0, 200);

    for (args, reason) in [
        (vec!["set", site.key.as_str(), "csat_mode=stars"], "stars"),
        (
            vec!["set", site.key.as_str(), "csat_sample_percent=101"],
            "csat_sample_percent must be 0 to 100",
        ),
        (vec!["set", site.key.as_str(), "colour=red"], "colour"),
        (vec!["add", "csat_mode=scale5"], "--origin"),
        (vec!["add", "--origin", "shop.example"], "http"),
        (vec!["rotate-secret", "pk_nobody_has_this"], "no site"),
    ] {
        let refused = site_cli(&args);
        assert!(!refused.status.success(), "{args:?} was accepted");
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(stderr.contains(reason), "{args:?}: {stderr}");
    }
    let unchanged = collector.site_config(&site.key, None).await.unwrap();
    assert_eq!(
        unchanged.body["csat_mode"], "thumbs",
        "a refused change changes nothing"
    );
}

#[tokio::test]
async fn site_copy_sends_a_sites_wording_and_prints_the_checkers_refusal() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("inbox").unwrap();
    let dir = stack.artifacts.join("site-copy");
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.ftl");
    let bad = dir.join("bad.ftl");
    std::fs::write(&good, "csat-title = Comment était-ce chez nous ?\n").unwrap();
    std::fs::write(&bad, "csat-title = Bonjour { $nobody }\n").unwrap();
    let copy = |args: &[&str]| {
        let mut all = vec!["copy", &site.key, "fr"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--endpoint", &stack.worker_url]);
        site_cli(&all)
    };

    let refused = copy(&[bad.to_str().unwrap(), "--secret", &site.secret]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("refused the copy (422)"), "{stderr}");
    assert!(
        stderr.contains("copy/fr.ftl:1:1: error[unknown-variable]"),
        "{stderr}"
    );

    let wrong_secret = copy(&[good.to_str().unwrap(), "--secret", &stack.site.secret]);
    assert!(!wrong_secret.status.success());

    let stored = copy(&[good.to_str().unwrap(), "--secret", &site.secret]);
    assert!(
        stored.status.success(),
        "{}",
        String::from_utf8_lossy(&stored.stderr)
    );
    let shown = copy(&[]);
    assert!(shown.status.success());
    let layered = String::from_utf8_lossy(&shown.stdout);
    assert!(
        layered.contains("\ncsat-title = Comment était-ce chez nous ?\n"),
        "{layered}"
    );
    assert!(layered.contains("\nbubble-open = "), "the rest is shipped");
}
