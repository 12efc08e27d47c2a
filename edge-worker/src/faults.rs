//! Faults a local run may ask for, so that the tests walk the paths that
//! follow them: a D1 answer lost after its batch committed, a request that
//! dies before it queues its webhooks, an export whose read fails half-way.
//! Only a Worker started with `--var LOCAL_FAULTS:allowed` (`cargo xtask
//! test`) reads the `X-Local-Fault` header; a deployment never declares
//! the var, so there the header means nothing. Such a Worker also tells
//! every answer how many D1 calls its isolate has made ([`CALLS_HEADER`]).

use worker::{Request, Result, RouteContext};

/// The request header that names a fault.
pub const HEADER: &str = "X-Local-Fault";

/// The answer header a Worker that honours faults adds to every answer:
/// the D1 calls its isolate has made so far (`store::busy::calls`).
pub const CALLS_HEADER: &str = "X-Local-D1-Calls";

/// A fault a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Ingest's D1 batch commits, but its answer is lost, so it is tried
    /// again and finds every event already stored.
    LoseBatchAnswer,
    /// Ingest stores the events, and the request ends before it queues
    /// their webhooks.
    SkipWebhookQueue,
    /// The export's read of its second page fails.
    FailExportSecondPage,
    /// The archive run's first object is not written to R2.
    FailArchiveWrite,
    /// The archive run's first object reads back other than written.
    FailArchiveReadBack,
}

impl Fault {
    /// The fault a header value names.
    pub fn parse(value: &str) -> Option<Fault> {
        match value.trim() {
            "lose-batch-answer" => Some(Fault::LoseBatchAnswer),
            "skip-webhook-queue" => Some(Fault::SkipWebhookQueue),
            "fail-export-second-page" => Some(Fault::FailExportSecondPage),
            "fail-archive-write" => Some(Fault::FailArchiveWrite),
            "fail-archive-read-back" => Some(Fault::FailArchiveReadBack),
            _ => None,
        }
    }
}

/// Whether the Worker's vars allow faults: only `LOCAL_FAULTS = "allowed"`.
pub fn allowed(var: Option<String>) -> bool {
    var.as_deref() == Some("allowed")
}

/// The fault `req` asks for, when this Worker honours faults.
pub fn requested<D>(req: &Request, ctx: &RouteContext<D>) -> Result<Option<Fault>> {
    let var = ctx
        .var(crate::bindings::LOCAL_FAULTS)
        .ok()
        .map(|var| var.to_string());
    if !allowed(var) {
        return Ok(None);
    }
    Ok(req.headers().get(HEADER)?.as_deref().and_then(Fault::parse))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_are_named_and_honoured_only_where_allowed() {
        assert_eq!(
            Fault::parse("lose-batch-answer"),
            Some(Fault::LoseBatchAnswer)
        );
        assert_eq!(
            Fault::parse(" fail-export-second-page "),
            Some(Fault::FailExportSecondPage)
        );
        assert_eq!(
            Fault::parse("fail-archive-read-back"),
            Some(Fault::FailArchiveReadBack)
        );
        assert_eq!(Fault::parse("anything else"), None);
        assert!(allowed(Some("allowed".into())));
        assert!(!allowed(Some("1".into())));
        assert!(!allowed(None));
    }
}
