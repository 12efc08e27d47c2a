//! An upload past the size limit is refused while it is still being sent.
//!
//! Alone in its test binary, and run last of all (`cargo xtask test` runs
//! it after every other end-to-end test): when the Worker answers 413
//! before the body ends and the client goes on sending, `wrangler dev`'s
//! local proxy drops the requests in flight beside it, and a later one,
//! with a 503 ("Your worker restarted mid-request"), which failed other
//! tests now and then (the probe below was not enough: a POST after it
//! still met the 503 once). A deployed Worker has no such proxy.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use e2e::Stack;

#[tokio::test]
async fn a_wording_upload_is_refused_as_soon_as_it_passes_the_limit() {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("stored_copy").unwrap();
    let host = stack.worker_url.trim_start_matches("http://").to_string();
    let stream = tokio::net::TcpStream::connect(&host).await.unwrap();
    let (reader, mut writer) = stream.into_split();
    let head = format!(
        "PUT /v1/sites/{}/copy/en-US HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {}\r\n\
         Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n",
        site.key, site.secret
    );
    // A body that has passed the limit but not ended: read whole before
    // its size is checked, it would never be answered. (wrangler's local
    // proxy answers 503 when it is still passing on a body the Worker has
    // stopped reading, so the sender pauses instead of sending forever.)
    let (hold, held) = tokio::sync::oneshot::channel::<()>();
    let sender = tokio::spawn(async move {
        let text = "# ".to_string() + &"x".repeat(4_093) + "\n";
        let chunk = format!("{:x}\r\n{text}\r\n", text.len());
        writer.write_all(head.as_bytes()).await?;
        for _ in 0..20 {
            writer.write_all(chunk.as_bytes()).await?;
        }
        writer.flush().await?;
        // The connection stays open, the body unfinished, until the test ends.
        let _ = held.await;
        Ok::<_, std::io::Error>(writer)
    });
    let mut status = String::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(60),
        BufReader::new(reader).read_line(&mut status),
    )
    .await
    .expect("an answer while the body is still unfinished")
    .unwrap();
    let _ = hold.send(());
    let writer = sender.await.unwrap().unwrap();
    assert!(status.starts_with("HTTP/1.1 413"), "{status}");
    drop(writer);
    // The local proxy answers the first request after such an upload with
    // a 503 ("Your worker restarted mid-request"); it retries a GET by
    // itself, but not a POST. So this test sends POSTs until one gets the
    // Worker's own answer, and the next binary's first POST is not the one
    // that meets the 503.
    let client = e2e::http_client();
    let mut answered = None;
    for _ in 0..20 {
        let probe = client
            .post(format!("{}/v1/events", stack.worker_url))
            .timeout(std::time::Duration::from_secs(5))
            .body("{}")
            .send()
            .await;
        if let Ok(response) = probe
            && response.status() != 503
        {
            answered = Some(response.status().as_u16());
            break;
        }
    }
    assert!(
        answered.is_some_and(|status| (400..500).contains(&status)),
        "the Worker answers again: {answered:?}"
    );
}
