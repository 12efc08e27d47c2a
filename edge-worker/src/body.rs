//! Reading a request's body within the collector's size limit.

use futures_util::StreamExt;
use protocol::limits::MAX_BODY_BYTES;
use worker::{Request, Result};

/// Reads the body, stopping as soon as it exceeds [`MAX_BODY_BYTES`] (or
/// its `Content-Length` says it will), so an oversize request costs no
/// more memory than the limit itself. `None` when too large.
pub async fn read_capped(req: &mut Request) -> Result<Option<Vec<u8>>> {
    let declared = req
        .headers()
        .get("Content-Length")?
        .and_then(|value| value.trim().parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_BODY_BYTES) {
        return Ok(None);
    }
    let mut body = Vec::with_capacity(declared.unwrap_or(0));
    // A request without a body has no stream: it is an empty body.
    let Ok(mut stream) = req.stream() else {
        return Ok(Some(Vec::new()));
    };
    while let Some(chunk) = stream.next().await {
        body.extend_from_slice(&chunk?);
        if body.len() > MAX_BODY_BYTES {
            return Ok(None);
        }
    }
    Ok(Some(body))
}
