//! A refusal is an error: a handler returns `Result<Response, Refusal>`
//! and refuses with `?`, as axum's `IntoResponse` errors do. A refusal
//! becomes its JSON answer in one place ([`Refusal::into_response`], called
//! by the router in `lib.rs`); a failure of the collector itself (D1
//! unreachable, …) passes through as the `worker::Error` it is, which
//! `lib.rs` logs and answers 500 `internal`.

use protocol::{CopyFinding, ErrorBody, ErrorCode, FieldError, FieldErrors};
use serde::Serialize;
use worker::Response;

use crate::{cors, respond};

/// Why a request was not done as asked.
#[derive(Debug)]
pub enum Refusal {
    /// Refused, with the answer that says why.
    Refused(Box<Refused>),
    /// The collector failed.
    Failed(worker::Error),
}

/// A refusal's answer: `{"code", "message"}` with the status that belongs
/// to the code, and what some refusals add.
#[derive(Debug, Serialize)]
pub struct Refused {
    code: ErrorCode,
    message: String,
    /// The checker's diagnostics of refused wording, in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<Vec<String>>,
    /// The same, by code, place and named values, to word them.
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<Vec<CopyFinding>>,
    /// Each refused field's problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<FieldErrors>,
    /// Seconds to wait before trying again (`Retry-After`).
    #[serde(skip)]
    retry_after: Option<u32>,
    /// Which page origin may read it (`cors::allow`); `None` leaves the
    /// answer without CORS headers.
    #[serde(skip)]
    readable_by: Option<Option<String>>,
}

impl Refusal {
    /// A refusal with `code`'s status and a message for the developer
    /// reading it.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::Refused(Box::new(Refused {
            code,
            message: message.into(),
            diagnostics: None,
            findings: None,
            errors: None,
            retry_after: None,
            readable_by: None,
        }))
    }

    /// Whether the collector failed, rather than refusing.
    pub fn failed(&self) -> bool {
        matches!(self, Self::Failed(_))
    }

    fn amended(mut self, change: impl FnOnce(&mut Refused)) -> Self {
        if let Self::Refused(refused) = &mut self {
            change(refused);
        }
        self
    }

    /// With the checker's findings: each in English (`"diagnostics":
    /// [...]`) and by code, place and values (`"findings": [...]`).
    pub fn with_findings(self, findings: Vec<CopyFinding>) -> Self {
        self.amended(|refused| {
            refused.diagnostics =
                Some(findings.iter().map(|found| found.message.clone()).collect());
            refused.findings = Some(findings);
        })
    }

    /// With each field's problem (`"errors": {field: problem}`).
    pub fn with_errors(self, errors: FieldErrors) -> Self {
        self.amended(|refused| refused.errors = Some(errors))
    }

    /// With `Retry-After: seconds`.
    pub fn retry_after(self, seconds: u32) -> Self {
        self.amended(|refused| refused.retry_after = Some(seconds))
    }

    /// Readable by the page at `origin` (none: by no page), varying by
    /// `Origin` as every ingest answer does.
    pub fn readable_by(self, origin: Option<&str>) -> Self {
        self.amended(|refused| refused.readable_by = Some(origin.map(str::to_string)))
    }

    /// The answer to send: the JSON refusal, or the collector's failure.
    pub fn into_response(self) -> worker::Result<Response> {
        let refused = match self {
            Self::Refused(refused) => refused,
            Self::Failed(err) => return Err(err),
        };
        let mut response = respond::json(&refused, refused.code.http_status())?;
        if let Some(seconds) = refused.retry_after {
            response
                .headers_mut()
                .set("Retry-After", &seconds.to_string())?;
        }
        match refused.readable_by {
            Some(origin) => cors::allow(response, origin.as_deref()),
            None => Ok(response),
        }
    }
}

/// A handler's outcome as the router wants it: a refusal answered.
pub async fn answered(
    handled: impl Future<Output = Result<Response, Refusal>>,
) -> worker::Result<Response> {
    handled.await.or_else(Refusal::into_response)
}

impl From<worker::Error> for Refusal {
    fn from(err: worker::Error) -> Self {
        Self::Failed(err)
    }
}

impl From<serde_json::Error> for Refusal {
    fn from(err: serde_json::Error) -> Self {
        Self::Failed(err.into())
    }
}

impl From<ErrorBody> for Refusal {
    fn from(body: ErrorBody) -> Self {
        Self::new(body.code, body.message)
    }
}

impl From<FieldError> for Refusal {
    fn from(err: FieldError) -> Self {
        Self::new(err.code, err.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(refusal: &Refusal) -> serde_json::Value {
        match refusal {
            Refusal::Refused(refused) => serde_json::to_value(refused).unwrap_or_default(),
            Refusal::Failed(_) => serde_json::Value::Null,
        }
    }

    #[test]
    fn a_refusal_says_its_code_and_message_and_only_what_it_adds() {
        let plain = Refusal::new(ErrorCode::NotFound, "no such route").retry_after(60);
        assert_eq!(
            body(&plain),
            serde_json::json!({"code": "not_found", "message": "no such route"})
        );
        let finding = |message: &str| CopyFinding {
            code: "syntax".into(),
            line: 2,
            col: 7,
            args: [("detail".to_string(), "Expected token".to_string())].into(),
            message: message.into(),
        };
        let copy = Refusal::new(ErrorCode::InvalidCopy, "2 errors")
            .with_findings(vec![finding("one"), finding("two")]);
        assert_eq!(body(&copy)["diagnostics"][1], "two");
        assert_eq!(
            body(&copy)["findings"][1],
            serde_json::json!({"code": "syntax", "line": 2, "col": 7,
                "args": {"detail": "Expected token"}, "message": "two"})
        );
        assert!(body(&copy).get("errors").is_none());
        let fields = Refusal::new(ErrorCode::InvalidSettings, "bad").with_errors(
            FieldErrors::from([("name".to_string(), "empty".to_string())]),
        );
        assert_eq!(body(&fields)["errors"]["name"], "empty");
    }

    #[test]
    fn a_failure_stays_a_failure() {
        let failed = Refusal::from(worker::Error::RustError("D1 is gone".into()))
            .retry_after(5)
            .readable_by(Some("https://shop.example"));
        assert!(failed.failed());
        assert!(!Refusal::new(ErrorCode::RateLimited, "slow down").failed());
    }
}
