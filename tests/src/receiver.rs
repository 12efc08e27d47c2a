//! A webhook receiver for the tests: accepts one HTTP request on a local
//! listener, reads it whole, and answers it when the test says how.

use anyhow::{Result, bail};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One HTTP request as the receiver saw it.
pub struct Received {
    /// Its headers, in order.
    pub headers: Vec<(String, String)>,
    /// Its body.
    pub body: Vec<u8>,
}

impl Received {
    /// The first header called `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Accepts the next connection and reads one request from it; the
/// connection stays open, unanswered, until [`answer`] or a drop.
pub async fn accept_request(listener: &TcpListener) -> Result<(TcpStream, Received)> {
    let (mut socket, _) = listener.accept().await?;
    let mut data = Vec::new();
    let mut buffer = [0u8; 4096];
    let head_end = loop {
        let read = socket.read(&mut buffer).await?;
        if read == 0 {
            bail!("connection closed before the headers ended");
        }
        data.extend_from_slice(buffer.get(..read).unwrap_or_default());
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break end;
        }
    };
    let head = String::from_utf8_lossy(data.get(..head_end).unwrap_or_default()).to_string();
    let headers: Vec<(String, String)> = head
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .map(|(key, value)| (key.trim().to_string(), value.trim().to_string()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case("content-length"))
        .map_or(Ok(0), |(_, value)| value.parse())?;
    let mut body = data.get(head_end + 4..).unwrap_or_default().to_vec();
    while body.len() < length {
        let read = socket.read(&mut buffer).await?;
        if read == 0 {
            bail!("connection closed before the body ended");
        }
        body.extend_from_slice(buffer.get(..read).unwrap_or_default());
    }
    Ok((socket, Received { headers, body }))
}

/// Answers a request with `status` and no body, and closes.
pub async fn answer(mut socket: TcpStream, status: &str) -> Result<()> {
    socket
        .write_all(
            format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .await?;
    Ok(())
}

/// One request, answered 204.
pub async fn receive(listener: &TcpListener) -> Result<Received> {
    let (socket, received) = accept_request(listener).await?;
    answer(socket, "204 No Content").await?;
    Ok(received)
}
