//! JSON responses, including the error body every refusal carries.

use protocol::{ErrorBody, ErrorCode};
use serde::Serialize;
use worker::{Response, Result};

/// A JSON response with the given status.
pub fn json<T: Serialize>(body: &T, status: u16) -> Result<Response> {
    Ok(Response::from_json(body)?.with_status(status))
}

/// A JSON error `{"code", "message"}` with the status that belongs to `code`.
pub fn error(code: ErrorCode, message: impl Into<String>) -> Result<Response> {
    error_body(&ErrorBody::new(code, message))
}

/// An error response for a ready-made [`ErrorBody`].
pub fn error_body(body: &ErrorBody) -> Result<Response> {
    json(body, body.code.http_status())
}
