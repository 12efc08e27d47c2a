//! Reading a request's body within the collector's size limit.
//!
//! A body past the limit is refused, but not before the rest of it has
//! been read and dropped, up to a bound: a request answered while its body
//! is still arriving leaves the connection in a state that `wrangler
//! dev`'s proxy hands to the next request, which then fails ("Your worker
//! restarted mid-request", or a GET that stalls until the client gives
//! up; workerd#1741). Neither cancelling the stream nor `Connection:
//! close` on the answer prevents it; reading the body to its end does.

use std::pin::pin;
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::future::{Either, select};
use protocol::limits::MAX_BODY_BYTES;
use worker::{ByteStream, Delay, Request, Result};

/// Most bytes of a refused body read and dropped before the answer.
const DRAIN_MAX_BYTES: usize = 8 * 1024 * 1024;

/// Longest a refused body is read for before the answer.
const DRAIN_MAX: Duration = Duration::from_millis(500);

/// Reads the body, stopping as soon as it exceeds [`MAX_BODY_BYTES`] (or
/// its `Content-Length` says it will), so an oversize request costs no
/// more memory than the limit itself. `None` when too large, once the rest
/// has been drained within [`DRAIN_MAX_BYTES`] and [`DRAIN_MAX`].
pub async fn read_capped(req: &mut Request) -> Result<Option<Vec<u8>>> {
    let declared = req
        .headers()
        .get("Content-Length")?
        .and_then(|value| value.trim().parse::<usize>().ok());
    // A request without a body has no stream: it is an empty body.
    let Ok(mut stream) = req.stream() else {
        return Ok(Some(Vec::new()));
    };
    if declared.is_some_and(|length| length > MAX_BODY_BYTES) {
        drain(&mut stream).await;
        return Ok(None);
    }
    let mut body = Vec::with_capacity(declared.unwrap_or(0));
    while let Some(chunk) = stream.next().await {
        body.extend_from_slice(&chunk?);
        if body.len() > MAX_BODY_BYTES {
            drain(&mut stream).await;
            return Ok(None);
        }
    }
    Ok(Some(body))
}

/// Reads what is left of a refused body and drops it, until it ends,
/// fails, passes [`DRAIN_MAX_BYTES`] or takes [`DRAIN_MAX`].
async fn drain(stream: &mut ByteStream) {
    let mut timer = pin!(Delay::from(DRAIN_MAX));
    let mut read = 0;
    while read <= DRAIN_MAX_BYTES {
        match select(stream.next(), timer.as_mut()).await {
            Either::Left((Some(Ok(chunk)), _)) => read += chunk.len(),
            // The end, an error, or time is up.
            _ => break,
        }
    }
}
