//! Statements tried again when D1 fails for a passing reason.
//!
//! Local D1 is one SQLite file. When another process writes it
//! (`wrangler d1 execute`, so `cargo xtask site set` during the demo, or a
//! test planting a row), a statement from the Worker can fail with
//! `SQLITE_BUSY`, which workerd hands the Worker only as "internal error;
//! reference = …". Measured on the demo: 4 of 1,400 reads failed with a
//! 500 while 25 writes ran beside them. Deployed D1 has its own passing
//! faults, and Cloudflare's advice is to retry idempotent statements on
//! them (<https://developers.cloudflare.com/d1/best-practices/retry-queries/>).
//!
//! Every statement in `store/` is idempotent: reads; upserts and inserts
//! that ignore a row already there; deletes. The owner's writes (settings,
//! keys, the secret) are guarded, and checked afterwards when a retry finds
//! its work done; audit entries are written once. The one exception is a
//! webhook failure's record, where a retry after a lost answer could
//! record a failure twice, which misleads no one. So all of them go
//! through here.

use std::future::Future;
use std::time::Duration;

use serde::de::DeserializeOwned;
use worker::{D1Database, D1PreparedStatement, D1Result, Delay, Result};

/// The waits before each retry; after the last, the error stands.
const WAITS_MS: [u64; 4] = [20, 80, 250, 650];

/// The texts of errors that pass: SQLite's busy database, workerd's
/// masked internal error, and the transient faults D1's documentation
/// names as worth a retry.
const PASSING: [&str; 6] = [
    "SQLITE_BUSY",
    "database is locked",
    "internal error; reference =",
    "Network connection lost",
    "storage caused object to be reset",
    "reset because its code was updated",
];

/// How long to wait before trying again after `error`, when it was the
/// `tries`-th failure (from 1); `None` when the error is not one that
/// passes or the retries are used up.
pub fn wait_before_retry(error: &str, tries: usize) -> Option<Duration> {
    if !PASSING.iter().any(|text| error.contains(text)) {
        return None;
    }
    WAITS_MS
        .get(tries.checked_sub(1)?)
        .map(|&ms| Duration::from_millis(ms))
}

thread_local! {
    /// D1 calls this isolate has made, each try counted.
    static CALLS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many D1 calls (statements or batches, each try counted) this
/// isolate has made: local test runs read it from every answer
/// (`X-Local-D1-Calls`) to count what a request costs the database.
pub fn calls() -> u64 {
    CALLS.with(std::cell::Cell::get)
}

/// Runs `attempt` until it succeeds or fails for good; what it gave, and
/// how many tries that took.
async fn retrying_counted<T, F, Fut>(mut attempt: F) -> Result<(T, usize)>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let mut tries = 0;
    loop {
        tries += 1;
        CALLS.with(|calls| calls.set(calls.get() + 1));
        match attempt().await {
            Err(error) => match wait_before_retry(&error.to_string(), tries) {
                Some(wait) => Delay::from(wait).await,
                None => return Err(error),
            },
            Ok(done) => return Ok((done, tries)),
        }
    }
}

async fn retrying<T, F, Fut>(attempt: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
{
    Ok(retrying_counted(attempt).await?.0)
}

/// `statement.all()`, tried again while the database is busy.
pub async fn all(statement: &D1PreparedStatement) -> Result<D1Result> {
    retrying(|| statement.all()).await
}

/// `statement.run()`, tried again while the database is busy.
pub async fn run(statement: &D1PreparedStatement) -> Result<D1Result> {
    retrying(|| statement.run()).await
}

/// `statement.first(None)`, tried again while the database is busy.
pub async fn first<T: DeserializeOwned>(statement: &D1PreparedStatement) -> Result<Option<T>> {
    retrying(|| statement.first::<T>(None)).await
}

/// `db.batch(statements)`, tried again while the database is busy.
pub async fn batch(db: &D1Database, statements: Vec<D1PreparedStatement>) -> Result<Vec<D1Result>> {
    retrying(|| db.batch(statements.clone())).await
}

/// A batch's results, and whether an earlier try of it failed. A try
/// whose answer was lost ("Network connection lost") may have committed,
/// so what the last try found already stored may be this batch's own work.
pub struct Batched {
    /// One result per statement, from the try that answered.
    pub results: Vec<D1Result>,
    /// Whether an earlier try failed.
    pub retried: bool,
}

/// [`batch`], saying whether it was tried more than once. With
/// `lose_first_answer` (a local fault, see `crate::faults`), the first try
/// commits and then fails as a lost answer does.
pub async fn batch_counted(
    db: &D1Database,
    statements: Vec<D1PreparedStatement>,
    lose_first_answer: bool,
) -> Result<Batched> {
    let mut first = lose_first_answer;
    let (results, tries) = retrying_counted(|| {
        let lose = std::mem::take(&mut first);
        let statements = statements.clone();
        async move {
            let results = db.batch(statements).await?;
            if lose {
                return Err(worker::Error::RustError(
                    "D1_ERROR: Network connection lost. (a local fault: the batch committed)"
                        .into(),
                ));
            }
            Ok(results)
        }
    })
    .await?;
    Ok(Batched {
        results,
        retried: tries > 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the Worker got from local D1 while `wrangler d1 execute` wrote.
    const BUSY: &str = "D1: D1Error { cause: JsValue(Error: Failed to parse body as JSON, got: \
                        Error: internal error; reference = m2vaff2j4smm7uaae83than4";

    #[test]
    fn a_busy_database_is_tried_again_with_growing_waits_then_given_up() {
        let waits: Vec<_> = (1..=6)
            .map(|tries| wait_before_retry(BUSY, tries))
            .collect();
        assert_eq!(
            waits,
            [
                Some(Duration::from_millis(20)),
                Some(Duration::from_millis(80)),
                Some(Duration::from_millis(250)),
                Some(Duration::from_millis(650)),
                None,
                None,
            ]
        );
        for error in [
            "D1_ERROR: database is locked: SQLITE_BUSY",
            "D1_ERROR: Network connection lost.",
            "D1_ERROR: Internal error in D1 DB storage caused object to be reset.",
        ] {
            assert!(wait_before_retry(error, 1).is_some(), "{error}");
        }
    }

    #[test]
    fn other_errors_are_not_tried_again() {
        for error in [
            "D1_ERROR: no such column: shop_name: SQLITE_ERROR",
            "D1_ERROR: UNIQUE constraint failed: events.event_id: SQLITE_CONSTRAINT",
            "D1_ERROR: too many SQL variables: SQLITE_ERROR",
            "",
        ] {
            assert_eq!(wait_before_retry(error, 1), None, "{error}");
        }
    }
}
