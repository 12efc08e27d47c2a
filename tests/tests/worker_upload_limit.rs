//! An upload past the size limit is refused, and the request after it
//! gets its own answer.
//!
//! The Worker reads what is left of a refused body (up to 8 MB or half a
//! second) before it answers: answered while its body was still arriving,
//! `wrangler dev`'s local proxy handed the broken connection to the next
//! request, which got a 503 ("Your worker restarted mid-request") or
//! stalled (`edge-worker/src/body.rs`).
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::{SiteAccess, Stack};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// A chunked body of `chunks` chunks of 4 KB (the whole body, ended, when
/// `end`), after `head`.
fn chunked(head: &str, chunks: usize, end: bool) -> Vec<u8> {
    let text = "# ".to_string() + &"x".repeat(4_093) + "\n";
    let chunk = format!("{:x}\r\n{text}\r\n", text.len());
    let mut request = head.as_bytes().to_vec();
    for _ in 0..chunks {
        request.extend_from_slice(chunk.as_bytes());
    }
    if end {
        request.extend_from_slice(b"0\r\n\r\n");
    }
    request
}

/// The head of a chunked request to the collector.
fn head(stack: &Stack, method: &str, path: &str, headers: &[(&str, &str)]) -> String {
    let host = stack.worker_url.trim_start_matches("http://");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\n\
         Transfer-Encoding: chunked\r\n"
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head + "\r\n"
}

/// Sends a whole oversize chunked request (100 KB, past the 64 KB limit)
/// and reads the status line of its answer.
async fn send_oversize(stack: &Stack, head: &str) -> String {
    let host = stack.worker_url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).await.unwrap();
    stream.write_all(&chunked(head, 25, true)).await.unwrap();
    stream.flush().await.unwrap();
    let mut status = String::new();
    tokio::time::timeout(
        Duration::from_secs(30),
        BufReader::new(stream).read_line(&mut status),
    )
    .await
    .expect("an answer to the oversize request")
    .unwrap();
    status
}

#[tokio::test]
async fn an_oversize_body_on_any_route_is_refused_and_the_next_request_gets_its_own_answer() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("upload_limit").unwrap();
    let http = e2e::http_client();
    let base = format!("/v1/sites/{}", site.key);
    let bearer = format!("Bearer {}", site.secret);
    let auth = [("Authorization", bearer.as_str())];
    let auth_and_version = [("Authorization", bearer.as_str()), ("If-Match", "\"any\"")];

    // Each oversize request, and at once a request of another route that
    // must get its own answer: never the local proxy's 503.
    let settings_unversioned = || {
        http.put(format!("{}{base}/settings", stack.worker_url))
            .bearer_auth(&site.secret)
            .body("{}")
            .send()
    };
    let status = send_oversize(&stack, &head(&stack, "POST", "/v1/events", &[])).await;
    assert!(status.starts_with("HTTP/1.1 413"), "events: {status}");
    let next = settings_unversioned().await.unwrap();
    assert_eq!(
        next.status(),
        428,
        "settings without If-Match, after events"
    );

    let keys = format!("{base}/keys");
    let status = send_oversize(&stack, &head(&stack, "POST", &keys, &auth)).await;
    assert!(status.starts_with("HTTP/1.1 413"), "keys: {status}");
    let next = http
        .post(format!("{}{keys}", stack.worker_url))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(next.status(), 401, "keys without a secret, after keys");

    let settings = format!("{base}/settings");
    let status = send_oversize(&stack, &head(&stack, "PUT", &settings, &auth_and_version)).await;
    assert!(status.starts_with("HTTP/1.1 413"), "settings: {status}");
    let next = stack
        .collector()
        .post_raw(
            e2e::envelope(&site.key, vec![]).to_string(),
            None,
            Some(&site.secret),
        )
        .await
        .unwrap();
    assert_eq!(next.status, 200, "events, after settings: {}", next.body);

    // A body that has passed the limit and never ends is refused while it
    // is still being sent (after the half second the collector reads on),
    // and the next request is answered too.
    a_wording_upload_is_refused_as_soon_as_it_passes_the_limit(&stack, &site).await;
    let next = settings_unversioned().await.unwrap();
    assert_eq!(next.status(), 428, "settings, after an unfinished upload");
}

async fn a_wording_upload_is_refused_as_soon_as_it_passes_the_limit(
    stack: &Stack,
    site: &SiteAccess,
) {
    let host = stack.worker_url.trim_start_matches("http://").to_string();
    let stream = TcpStream::connect(&host).await.unwrap();
    let (reader, mut writer) = stream.into_split();
    let head = head(
        stack,
        "PUT",
        &format!("/v1/sites/{}/copy/en-US", site.key),
        &[("Authorization", &format!("Bearer {}", site.secret))],
    );
    // A body that has passed the limit but not ended: read whole before
    // its size is checked, it would never be answered.
    let (hold, held) = tokio::sync::oneshot::channel::<()>();
    let sender = tokio::spawn(async move {
        writer.write_all(&chunked(&head, 20, false)).await?;
        writer.flush().await?;
        // The connection stays open, the body unfinished, until answered.
        let _ = held.await;
        Ok::<_, std::io::Error>(writer)
    });
    let mut status = String::new();
    tokio::time::timeout(
        Duration::from_secs(60),
        BufReader::new(reader).read_line(&mut status),
    )
    .await
    .expect("an answer while the body is still unfinished")
    .unwrap();
    let _ = hold.send(());
    drop(sender.await.unwrap().unwrap());
    assert!(status.starts_with("HTTP/1.1 413"), "{status}");
}
