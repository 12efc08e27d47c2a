//! What the collector stores, and the rules that decide it. Every
//! statement ingest writes a batch with is written here, once, as SQL text
//! and plain parameters: the Worker binds them for D1 (`edge-worker/src/
//! store/ingest.rs`), and the tests bind them for SQLite, natively, against
//! the Worker's own migrations (`tests/rules.rs`). No Worker types, so the
//! command-line tools can use it too.
//!
//! - [`ingest`]: the statements of one request's batch, in order, and the
//!   reads around it;
//! - [`ratings`]: a thumb's columns, listed once, and the rule that the
//!   latest thumb on a message wins;
//! - [`json_rows`]: many rows in one parameter, so one statement writes
//!   them all;
//! - [`rollups`]: an ingest batch's rollups, kept once per batch around
//!   its writes;
//! - [`erasure`] and [`retention`]: what leaves, on request and daily;
//! - [`archive`]: a conversation past its site's hot window moved to R2,
//!   chunk by chunk, and the format of an archived chunk;
//! - [`conversations`]: the inbox's and the export's pages, with the
//!   inbox's filters written once;
//! - [`review`]: the review queue's pages and a review's write (items
//!   open and close by the triggers of migration 0018);
//! - [`moving`]: every table a site's rows live in, with every column, and
//!   how a copy meets what the new database already holds, by the same
//!   rules as ingest (`cargo xtask site move`);
//! - `sqlite` (feature `sqlite`): parameters bound for SQLite, for the
//!   native runs (the tests, `ingest_sql`).

pub mod alerts;
pub mod archive;
pub mod conversations;
pub mod dataset;
pub mod erasure;
pub mod ingest;
pub mod json_rows;
pub mod moving;
pub mod ratings;
pub mod retention;
pub mod review;
pub mod rollups;
#[cfg(feature = "sqlite")]
pub mod sqlite;

/// A parameter of a statement, as D1 and SQLite both take it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    /// SQL NULL.
    Null,
    /// Text.
    Text(String),
    /// An integer (unix milliseconds fit: D1 binds them as JS numbers,
    /// exact below 2^53).
    Int(i64),
}

impl Param {
    /// A text parameter.
    pub fn text(value: &str) -> Self {
        Param::Text(value.to_string())
    }

    /// An optional text parameter (NULL when absent).
    pub fn opt_text(value: Option<&str>) -> Self {
        value.map_or(Param::Null, Param::text)
    }
}

/// One statement: its SQL, with `?1`, `?2`, … placeholders, and their values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The SQL text.
    pub sql: String,
    /// The values of `?1`, `?2`, … in order.
    pub params: Vec<Param>,
}

impl Statement {
    /// `sql` with `params`.
    pub fn new(sql: impl Into<String>, params: Vec<Param>) -> Self {
        Self {
            sql: sql.into(),
            params,
        }
    }
}
