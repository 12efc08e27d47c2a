//! The widget's files as the shop's server (here the demo's) sends them:
//! the loader names the app files it was built with, each named by its
//! content and cached as immutable; every file comes precompressed (brotli,
//! gzip) when the browser takes it, with `Vary: Accept-Encoding`, and
//! decompresses to the very bytes served uncompressed.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::io::Read;

use base64::Engine;
use e2e::Stack;
use serde_json::Value;
use sha2::{Digest, Sha256, Sha384};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const LOADER_CACHE: &str = "public, max-age=300";

struct Served {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Served {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
    }

    /// The body with its `Content-Encoding` undone.
    fn decoded(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let encoding = self.header("content-encoding");
        assert!(
            ["br", "gzip", ""].contains(&encoding),
            "unexpected Content-Encoding {encoding:?}"
        );
        match encoding {
            "br" => brotli::Decompressor::new(self.body.as_slice(), 4096)
                .read_to_end(&mut out)
                .unwrap(),
            "gzip" => flate2::read::GzDecoder::new(self.body.as_slice())
                .read_to_end(&mut out)
                .unwrap(),
            _ => return self.body.clone(),
        };
        out
    }
}

/// `GET /widget/{name}` on the demo page's server; reqwest here decodes
/// nothing, so the bytes are what was sent.
async fn get(stack: &Stack, name: &str, accept: &str, if_none_match: Option<&str>) -> Served {
    let mut request = reqwest::Client::new()
        .get(format!("{}/widget/{name}", stack.page_origin))
        .header("Accept-Encoding", accept);
    if let Some(etag) = if_none_match {
        request = request.header("If-None-Match", etag);
    }
    let response = request.send().await.unwrap();
    Served {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.bytes().await.unwrap().to_vec(),
    }
}

/// The `APP` object the loader was built with.
fn app_of(loader: &str) -> Value {
    let start = loader.find("var APP = ").unwrap() + "var APP = ".len();
    let end = start + loader[start..].find(";\n").unwrap();
    serde_json::from_str(&loader[start..end]).unwrap()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Checks one file in every encoding: the same bytes once decoded, the
/// right headers, and a 304 for its ETag.
async fn check_file(stack: &Stack, name: &str, content_type: &str, cache: &str) -> Vec<u8> {
    let plain = get(stack, name, "identity", None).await;
    assert_eq!(plain.status, 200, "{name}");
    assert_eq!(plain.header("content-encoding"), "", "{name}");
    for (accept, encoding) in [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip, deflate", "gzip"),
        ("br;q=0, gzip;q=0.8", "gzip"),
        ("", ""),
    ] {
        let served = get(stack, name, accept, None).await;
        assert_eq!(served.status, 200, "{name} for {accept:?}");
        assert_eq!(
            served.header("content-encoding"),
            encoding,
            "{name} for {accept:?}"
        );
        assert_eq!(served.header("vary"), "Accept-Encoding", "{name}");
        assert_eq!(served.header("cache-control"), cache, "{name}");
        assert!(
            served.header("content-type").starts_with(content_type),
            "{name}"
        );
        assert_eq!(served.header("access-control-allow-origin"), "*", "{name}");
        assert_eq!(served.decoded(), plain.body, "{name} for {accept:?}");
        if !encoding.is_empty() {
            assert!(
                served.body.len() < plain.body.len(),
                "{name} in {encoding} is smaller"
            );
        }
        let etag = served.header("etag").to_string();
        assert!(!etag.is_empty(), "{name} has an ETag");
        let again = get(stack, name, accept, Some(&etag)).await;
        assert_eq!(again.status, 304, "{name} for {accept:?} revalidates");
        assert_eq!(again.header("cache-control"), cache, "{name}");
    }
    plain.body
}

#[tokio::test]
async fn the_widget_is_served_hashed_precompressed_and_cached_by_name() {
    let stack = Stack::from_env().unwrap();
    let loader = check_file(&stack, "widget.js", "text/javascript", LOADER_CACHE).await;
    let app = app_of(&String::from_utf8(loader).unwrap());
    let (js, wasm) = (app["js"].as_str().unwrap(), app["wasm"].as_str().unwrap());

    let js_bytes = check_file(&stack, js, "text/javascript", IMMUTABLE).await;
    let wasm_bytes = check_file(&stack, wasm, "application/wasm", IMMUTABLE).await;
    // Each name carries its own content's hash, so new bytes get a new name.
    let named = |stem: &str, ext: &str, bytes: &[u8]| {
        format!("{stem}.{}.{ext}", &hex(&Sha256::digest(bytes))[..16])
    };
    assert_eq!(js, named("app", "js", &js_bytes));
    assert_eq!(wasm, named("app_bg", "wasm", &wasm_bytes));
    assert!(wasm_bytes.starts_with(b"\0asm"));
    // The loader asks the browser to check the wasm it fetches.
    assert_eq!(
        app["wasmIntegrity"].as_str().unwrap(),
        format!(
            "sha384-{}",
            base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&wasm_bytes))
        )
    );
    // The unhashed names of before are not what the loader asks for.
    assert_eq!(get(&stack, "app.js", "", None).await.status, 404);
}
