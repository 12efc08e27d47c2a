//! Negative feedback reaches the site's webhook after the response, signed
//! with HMAC-SHA256; a local receiver on loopback checks the signature.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::{Stack, csat_event, now_ms, thumb_event, unique};
use protocol::secret::{SIGNATURE_HEADER, hash_secret, sign_webhook};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// One HTTP request as the receiver saw it.
struct Received {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

async fn receive(listener: &TcpListener) -> Received {
    let (mut socket, _) = listener.accept().await.unwrap();
    let mut data = Vec::new();
    let mut buffer = [0u8; 4096];
    let head_end = loop {
        let read = socket.read(&mut buffer).await.unwrap();
        assert!(read > 0, "connection closed before the headers ended");
        data.extend_from_slice(&buffer[..read]);
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break end;
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).to_string();
    let headers: Vec<(String, String)> = head
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .map(|(key, value)| (key.trim().to_string(), value.trim().to_string()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case("content-length"))
        .map_or(0, |(_, value)| value.parse().unwrap());
    let mut body = data[head_end + 4..].to_vec();
    while body.len() < length {
        let read = socket.read(&mut buffer).await.unwrap();
        assert!(read > 0);
        body.extend_from_slice(&buffer[..read]);
    }
    socket
        .write_all(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    Received { headers, body }
}

#[tokio::test]
async fn thumbs_down_and_low_csat_are_posted_signed_and_praise_is_not() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("webhook").unwrap();
    let port: u16 = std::env::var("E2E_WEBHOOK_PORT").unwrap().parse().unwrap();
    let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    let conversation = unique("c");
    let now = now_ms();

    // Praise only: nothing is posted.
    stack
        .collector()
        .send_all(
            &site,
            vec![thumb_event(&unique("ev"), &conversation, "m1", "up", now)],
        )
        .await
        .unwrap();
    // Nothing is waited for here: had the 👍 been posted, its webhook would
    // be sent before the next request's and be the first one received
    // below, whose events must then be exactly the 👎 and the low CSAT.

    let down_id = unique("ev");
    let low_id = unique("ev");
    stack
        .collector()
        .send_all(
            &site,
            vec![
                thumb_event(&down_id, &conversation, "m2", "down", now + 1),
                csat_event(
                    "csat_response",
                    &low_id,
                    &conversation,
                    now + 2,
                    json!({"mode": "thumbs", "score": 1}),
                ),
                csat_event(
                    "csat_offered",
                    &unique("ev"),
                    &conversation,
                    now,
                    json!({"mode": "thumbs"}),
                ),
            ],
        )
        .await
        .unwrap();
    let received = tokio::time::timeout(Duration::from_secs(15), receive(&listener))
        .await
        .expect("the webhook was not called");

    let expected = sign_webhook(&hash_secret(&site.secret), &received.body);
    assert_eq!(received.header(SIGNATURE_HEADER), Some(expected.as_str()));
    let payload: Value = serde_json::from_slice(&received.body).unwrap();
    assert_eq!(payload["site_key"], site.key.as_str());
    let ids: Vec<_> = payload["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec![down_id, low_id]);
    assert_ne!(
        received.header(SIGNATURE_HEADER),
        Some(sign_webhook(&hash_secret("sk_someone_else"), &received.body).as_str())
    );
}
