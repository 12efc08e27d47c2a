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
    let (socket, _) = listener.accept().await?;
    read_from(socket).await
}

/// Reads one request from `socket`, leaving it open for the answer.
async fn read_from(mut socket: TcpStream) -> Result<(TcpStream, Received)> {
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
    let (socket, _) = listener.accept().await?;
    read_request(socket).await
}

/// A receiver that is always listening, as a real one is: each request
/// is answered 204 as soon as it is read, and kept, in the order they
/// arrived, for the test to take with [`Inbox::next`]. A test that takes
/// its requests one `accept` at a time leaves the collector waiting
/// whenever it is busy elsewhere, long enough on a slow machine for the
/// delivery to time out and be sent again.
pub struct Inbox {
    port: u16,
    received: tokio::sync::mpsc::UnboundedReceiver<Received>,
    listening: tokio::task::JoinHandle<()>,
}

impl Inbox {
    /// Listens on a free local port.
    pub async fn bind() -> Result<Inbox> {
        Inbox::listen(0).await
    }

    /// Listens on local `port` (`0`: any free one).
    pub async fn listen(port: u16) -> Result<Inbox> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let port = listener.local_addr()?.port();
        let (keep, received) = tokio::sync::mpsc::unbounded_channel();
        let listening = tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let keep = keep.clone();
                // Each connection on its own, so one that stalls holds up
                // no other.
                tokio::spawn(async move {
                    if let Ok(received) = read_request(socket).await {
                        let _ = keep.send(received);
                    }
                });
            }
        });
        Ok(Inbox {
            port,
            received,
            listening,
        })
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The next request, waiting at most `within` for it.
    pub async fn next(&mut self, within: std::time::Duration) -> Result<Received> {
        match tokio::time::timeout(within, self.received.recv()).await {
            Ok(Some(received)) => Ok(received),
            Ok(None) => bail!("the receiver stopped listening"),
            Err(_) => bail!("no request within {within:?}"),
        }
    }
}

impl Drop for Inbox {
    fn drop(&mut self) {
        self.listening.abort();
    }
}

/// Reads one request from `socket` and answers it 204.
async fn read_request(socket: TcpStream) -> Result<Received> {
    let (socket, received) = read_from(socket).await?;
    answer(socket, "204 No Content").await?;
    Ok(received)
}
