//! The dashboard's files as the collector serves them: the page names
//! every other file by its content, under `/dashboard/files/`, cached for a
//! year as immutable; the page itself is asked for again on every load.
//! `start.js` names every app: the dashboard, and the sections it fetches
//! only when asked (Wording, Settings).
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used)]

use e2e::{Stack, http_client};
use serde_json::Value;
use sha2::{Digest, Sha256};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// What `attribute="…"` holds in `page`, once.
fn attribute(page: &str, attribute: &str) -> String {
    let open = format!("{attribute}=\"");
    let start = page.find(&open).unwrap() + open.len();
    page[start..][..page[start..].find('"').unwrap()].to_string()
}

/// The `FILES` object `start.js` was built with.
fn files_of(start: &str) -> Value {
    let from = start.find("const FILES = ").unwrap() + "const FILES = ".len();
    let to = from + start[from..].find(";\n").unwrap();
    serde_json::from_str(&start[from..to]).unwrap()
}

/// Whether `name` (`stem.<16 hex>.ext`) carries the hash of `bytes`.
fn named_by(name: &str, bytes: &[u8]) -> bool {
    let hex: String = Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    name.split('.').nth(1) == Some(&hex[..16])
}

#[tokio::test]
async fn the_dashboards_files_are_named_by_content_and_cached_for_a_year() {
    let stack = Stack::from_env().unwrap();
    let http = http_client();
    let get = |path: String| {
        let request = http.get(format!("{}/dashboard/{path}", stack.worker_url));
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
            let cache = response
                .headers()
                .get("cache-control")
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_string();
            (cache, response.bytes().await.unwrap().to_vec())
        }
    };
    let (cache, page) = get(String::new()).await;
    assert_eq!(cache, "no-cache", "the page is asked for again");
    let page = String::from_utf8(page).unwrap();
    let start_path = attribute(&page, "src");
    let css_path = attribute(&page, "href");
    let (cache, start) = get(start_path.clone()).await;
    assert_eq!(cache, IMMUTABLE, "{start_path}");
    let start_name = start_path.strip_prefix("files/").unwrap();
    assert!(named_by(start_name, &start), "{start_path}");
    let start = String::from_utf8(start).unwrap();
    let files = files_of(&start);
    let mut named = vec![css_path];
    for app in ["dashboard", "wording", "settings"] {
        for kind in ["Js", "Wasm"] {
            let name = files[format!("{app}{kind}")].as_str().unwrap();
            named.push(format!("files/{name}"));
        }
    }
    for path in named {
        let (cache, bytes) = get(path.clone()).await;
        assert_eq!(cache, IMMUTABLE, "{path}");
        assert!(
            named_by(path.strip_prefix("files/").unwrap(), &bytes),
            "{path}"
        );
        if path.ends_with(".wasm") {
            assert!(bytes.starts_with(b"\0asm"), "{path}");
        }
    }
}
