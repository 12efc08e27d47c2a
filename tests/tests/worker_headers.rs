//! Every answer of the collector, from the Worker or from its static
//! assets (the dashboard, the shipped copy), carries the security headers:
//! a Content-Security-Policy with no inline script and no framing,
//! `X-Content-Type-Options: nosniff` and a `Referrer-Policy`.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used)]

use e2e::{Stack, envelope, http_client};

#[tokio::test]
async fn every_page_and_answer_carries_the_security_headers() {
    let stack = Stack::from_env().unwrap();
    let http = http_client();
    let url = |path: &str| format!("{}{path}", stack.worker_url);
    // The page's script, by the content-hashed name the page gives it.
    let page = http.get(url("/dashboard/")).send().await.unwrap();
    let page = page.text().await.unwrap();
    let from = page.find("src=\"").unwrap() + "src=\"".len();
    let start = page[from..][..page[from..].find('"').unwrap()].to_string();
    assert!(start.starts_with("files/start."), "{start}");
    let requests = [
        ("health", http.get(url("/v1/health"))),
        ("locale list", http.get(url("/v1/locales"))),
        ("copy", http.get(url("/v1/locales/best?want=de"))),
        ("no such route", http.get(url("/v1/nothing-here"))),
        (
            "owner route without a secret",
            http.get(url(&format!("/v1/sites/{}/overview", stack.site.key))),
        ),
        (
            "ingest",
            http.post(url("/v1/events"))
                .header("Origin", &stack.page_origin)
                .body(envelope(&stack.site.key, vec![]).to_string()),
        ),
        (
            "preflight",
            http.request(reqwest::Method::OPTIONS, url("/v1/events"))
                .header("Origin", &stack.page_origin)
                .header("Access-Control-Request-Method", "POST"),
        ),
        ("dashboard", http.get(url("/dashboard/"))),
        (
            "dashboard script",
            http.get(url(&format!("/dashboard/{start}"))),
        ),
        ("shipped copy asset", http.get(url("/locales/copy.json"))),
    ];
    for (what, request) in requests {
        let response = request.send().await.unwrap();
        let status = response.status();
        if what.starts_with("dashboard") {
            assert_eq!(status, 200, "{what} is served");
        }
        let headers = response.headers().clone();
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(
            header("x-content-type-options"),
            "nosniff",
            "{what} ({status})"
        );
        assert_eq!(
            header("referrer-policy"),
            "no-referrer",
            "{what} ({status})"
        );
        let policy = header("content-security-policy");
        assert!(
            policy.contains("frame-ancestors 'none'"),
            "{what} ({status}): {policy:?}"
        );
        assert!(
            !policy.contains("unsafe-inline") && !policy.contains(','),
            "{what} ({status}): one policy, no inline script: {policy:?}"
        );
        if what == "dashboard" {
            assert!(
                policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
                "{policy}"
            );
            let page = response.text().await.unwrap();
            assert!(
                page.matches("<script").count()
                    == page.matches("<script type=\"module\" src=").count(),
                "every script of the dashboard's page is a file: {page}"
            );
        }
    }
}
