//! `GET /v1/sites/{site_key}/export?kind=&format=&from=&to=&tz=&after=`
//! and the inbox's filters: a file streamed page by page, so a large
//! export never sits in memory, in an order by what never changes (the
//! conversation id; a rated message's key), so that rows updated during
//! the export are neither skipped nor repeated.
//!
//! Two kinds:
//! - `kind=conversations` (the default): one record per conversation
//!   active in the window, `format=csv` or `ndjson` ([`conversations`]);
//! - `kind=rated_answers&format=jsonl`: one line per rated assistant or
//!   agent message, as a dataset ([`rated_answers`]).
//!
//! A file that arrives whole says so: a JSON-lines export ends with the
//! line `{"complete":true,"rows":N}`. A read that fails once the 200 is
//! sent cannot abort the response (workerd ends a chunked body cleanly
//! even when its stream errors), so the file says it instead: JSON lines
//! end with `{"complete":false,"rows":N,"error":…,"after":…}`, CSV with a
//! line of one field, `# the export failed after N conversations; resume
//! with after=…`, which a strict CSV reader refuses. `after=` resumes
//! after the last row a file holds.

mod conversations;
mod rated_answers;

use protocol::dataset::{AnswerCursor, DatasetFilter};
use protocol::{ErrorCode, InboxFilter, Need};
use worker::{Context, D1Database, Request, Response, Result, RouteContext, console_error};

use crate::access::{Access, authorize};
use crate::query::Query;
use crate::refusal::Refusal;

/// Rows read from D1 per streamed chunk.
const PAGE: u32 = 500;

/// How the rows are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180, with a header line.
    Csv,
    /// One JSON object per line (conversations).
    Ndjson,
    /// One JSON object per line (the dataset, under the name evals and
    /// dataset tools use).
    Jsonl,
}

impl Format {
    fn content_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8; header=present",
            Self::Ndjson => "application/x-ndjson",
            Self::Jsonl => "application/jsonl; charset=utf-8",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Ndjson => "ndjson",
            Self::Jsonl => "jsonl",
        }
    }
}

/// What is exported, narrowed by what.
enum Kind {
    Conversations(InboxFilter),
    RatedAnswers(DatasetFilter),
}

impl Kind {
    /// What the file counts, in its failure line.
    fn noun(&self) -> &'static str {
        match self {
            Self::Conversations(_) => "conversations",
            Self::RatedAnswers(_) => "rated answers",
        }
    }
}

/// The kind, its format and its filter, as the query names them.
fn parse_kind(query: &Query) -> std::result::Result<(Kind, Format), Refusal> {
    let invalid = |problem: String| Refusal::new(ErrorCode::InvalidField, problem);
    match query.get("kind") {
        None | Some("conversations") => {
            let format = match query.get("format") {
                None | Some("csv") => Format::Csv,
                Some("ndjson") => Format::Ndjson,
                Some(other) => {
                    return Err(invalid(format!(
                        "`format` must be csv or ndjson for conversations, not {other:?}"
                    )));
                }
            };
            Ok((Kind::Conversations(query.inbox_filter()?), format))
        }
        Some("rated_answers") => {
            match query.get("format") {
                None | Some("jsonl") => {}
                Some(other) => {
                    return Err(invalid(format!(
                        "`format` must be jsonl for rated answers, not {other:?}"
                    )));
                }
            }
            let filter =
                DatasetFilter::parse(|name| query.get(name), query.names()).map_err(invalid)?;
            Ok((Kind::RatedAnswers(filter), Format::Jsonl))
        }
        Some(other) => Err(invalid(format!(
            "`kind` must be conversations or rated_answers, not {other:?}"
        ))),
    }
}

/// What one page's read is given: the site, the window, and the row the
/// last page ended on.
pub struct PageRead<'a> {
    db: &'a D1Database,
    site_key: &'a str,
    bounds: (i64, i64),
    after: Option<&'a str>,
}

/// One page, written.
pub struct Page {
    /// Its rows in the file's format.
    text: String,
    /// How many.
    rows: usize,
    /// The last row's resume point, for `after=`.
    last: Option<String>,
}

struct Pages {
    db: D1Database,
    site_key: String,
    bounds: (i64, i64),
    kind: Kind,
    format: Format,
    /// Where the last page sent ended.
    after: Option<String>,
    /// Rows sent so far.
    rows: u64,
    started: bool,
    done: bool,
    /// A local fault (`crate::faults`): the second page's read fails.
    fail_second_page: bool,
}

impl Pages {
    async fn read(&self) -> Result<Page> {
        let read = PageRead {
            db: &self.db,
            site_key: &self.site_key,
            bounds: self.bounds,
            after: self.after.as_deref(),
        };
        match &self.kind {
            Kind::Conversations(filter) => conversations::page(&read, filter, self.format).await,
            Kind::RatedAnswers(filter) => rated_answers::page(&read, filter).await,
        }
    }
}

/// A JSON-lines export's last line: the file arrived whole, with `rows` records.
fn json_end(rows: u64) -> String {
    format!("{{\"complete\":true,\"rows\":{rows}}}\n")
}

/// What ends an export whose read failed after `rows` rows of `noun`, the
/// last of them `after`: in JSON lines a last line `{"complete":false, …}`
/// with the row to resume after; in CSV a last line of one field, which a
/// strict CSV reader refuses (every record has 17) and a person reads in
/// the first column.
fn failed_end(format: Format, noun: &str, rows: u64, after: Option<&str>) -> String {
    let resume = after.map_or_else(String::new, |after| format!("; resume with after={after}"));
    let message = format!("the export failed after {rows} {noun}{resume}");
    match format {
        Format::Ndjson | Format::Jsonl => {
            let end = serde_json::json!({
                "complete": false,
                "rows": rows,
                "error": message,
                "after": after,
            });
            format!("{end}\n")
        }
        Format::Csv => analytics::csv::record([analytics::csv::field(&format!("# {message}"))]),
    }
}

async fn next_chunk(mut pages: Pages) -> Result<Option<(Vec<u8>, Pages)>> {
    if pages.done {
        return Ok(None);
    }
    let mut chunk = String::new();
    if !pages.started && pages.format == Format::Csv {
        chunk.push_str(&conversations::csv_header());
    }
    let fault = pages.started && pages.fail_second_page;
    pages.started = true;
    let read = if fault {
        Err(worker::Error::RustError(
            "the export's second page failed (a local fault)".into(),
        ))
    } else {
        pages.read().await
    };
    // The 200 and the pages before are sent: workerd ends a chunked body
    // cleanly even when its stream errors (kj writes the last chunk;
    // workerd#6818), so the failure is told in the file itself.
    let page = match read {
        Ok(page) => page,
        Err(err) => {
            console_error!("site {}: an export failed: {err}", pages.site_key);
            pages.done = true;
            chunk.push_str(&failed_end(
                pages.format,
                pages.kind.noun(),
                pages.rows,
                pages.after.as_deref(),
            ));
            return Ok(Some((chunk.into_bytes(), pages)));
        }
    };
    pages.done = page.rows < PAGE as usize;
    if page.last.is_some() {
        pages.after = page.last;
    }
    chunk.push_str(&page.text);
    pages.rows += page.rows as u64;
    if pages.done && pages.format != Format::Csv {
        chunk.push_str(&json_end(pages.rows));
    }
    Ok(Some((chunk.into_bytes(), pages)))
}

/// Streams the export the query names.
pub async fn export(
    req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Read).await?;
    let query = Query::of(&req)?;
    let (kind, format) = parse_kind(&query)?;
    let window = query.window(&site)?;
    let after = query.get("after").map(str::to_string);
    if let Some(after) = &after {
        let checked = match kind {
            Kind::Conversations(_) => {
                protocol::ids::check_id("after", after).map_err(|error| error.message)
            }
            Kind::RatedAnswers(_) => AnswerCursor::parse(after).map(|_| ()),
        };
        checked.map_err(|problem| Refusal::new(ErrorCode::InvalidField, problem))?;
    }
    let fault = crate::faults::requested(&req, &ctx)?;
    let prefix = match kind {
        Kind::Conversations(_) => "feedback",
        Kind::RatedAnswers(_) => "rated-answers",
    };
    let filename = format!(
        "{prefix}-{}-{}-to-{}.{}",
        site.site_key,
        window.first,
        window.last,
        format.extension()
    );
    let text_kept = site.config.store_text;
    let pages = Pages {
        db,
        site_key: site.site_key,
        bounds: (window.from_ms, window.to_ms),
        kind,
        format,
        after,
        rows: 0,
        started: false,
        done: false,
        fail_second_page: fault == Some(crate::faults::Fault::FailExportSecondPage),
    };
    let stream = futures_util::stream::try_unfold(pages, next_chunk);
    let mut response = Response::from_stream(stream)?;
    let headers = response.headers_mut();
    headers.set("Content-Type", format.content_type())?;
    headers.set(
        "Content-Disposition",
        &format!("attachment; filename=\"{filename}\""),
    )?;
    // Whether the site keeps the question and the answer now: a dataset
    // of a site that does not has no `input` or `output`, and the
    // dashboard says why.
    headers.set(
        "Feedback-Text-Kept",
        if text_kept { "true" } else { "false" },
    )?;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_export_says_so_in_its_last_line() {
        let end: serde_json::Value = serde_json::from_str(&failed_end(
            Format::Jsonl,
            "rated answers",
            500,
            Some("c_9/m_1"),
        ))
        .unwrap_or_default();
        assert_eq!(end["complete"], false);
        assert_eq!(end["rows"], 500);
        assert_eq!(end["after"], "c_9/m_1");
        assert!(
            end["error"]
                .as_str()
                .is_some_and(|error| error.contains("after 500 rated answers"))
        );
        assert_eq!(
            failed_end(Format::Csv, "conversations", 0, None),
            "# the export failed after 0 conversations\r\n"
        );
        assert!(json_end(3).contains("\"complete\":true"));
    }
}
