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
//! A site's conversations past its hot window are archived in R2 (#35):
//! an export reads those chunks first, by day and then chunk, each read
//! by the kind's own statements over a slice of its rows
//! (`ledger::archive::reading`), and then D1's hot rows. `after=` names
//! the phase (`protocol::export_cursor`). A file reads at most
//! [`FILE_CHUNKS`] chunks, and then ends as a failed file does, with
//! where to resume.
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

use ledger::archive::day_object::Line;
use ledger::archive::reading::{self, Phase, Slice};
use protocol::dataset::{AnswerCursor, DatasetFilter};
use protocol::export_cursor::ExportCursor;
use protocol::{ErrorCode, InboxFilter, Need};
use worker::{Bucket, Context, D1Database, Request, Response, Result, RouteContext, console_error};

use crate::access::{Access, authorize};
use crate::query::Query;
use crate::refusal::Refusal;

/// Rows read from D1 per streamed chunk.
const PAGE: u32 = 500;

/// Archived chunks one file reads at most (each read whole from R2 and
/// decompressed, about 3,000 rows, and read with two D1 queries or more,
/// well within an invocation's thousand): a larger export arrives in
/// files, each ending with where the next resumes.
const FILE_CHUNKS: u32 = 100;

/// Slices one streamed chunk reads at most while they give no row (a
/// filter that matches little in the archive).
const PULL_SLICES: usize = 16;

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

/// What one page's read is given: the site, the window, the key of the
/// row the last page ended on, and the archived slice it reads instead of
/// D1's rows, if any.
pub struct PageRead<'a> {
    db: &'a D1Database,
    site_key: &'a str,
    bounds: (i64, i64),
    after: Option<&'a str>,
    slice: Option<&'a Slice>,
}

/// One page, written.
pub struct Page {
    /// Its rows in the file's format.
    text: String,
    /// How many.
    rows: usize,
    /// The last row's key.
    last: Option<String>,
}

/// What one streamed chunk sends: its rows, where they end, and whether
/// the file is whole.
struct Sent {
    page: Page,
    next: Option<ExportCursor>,
    done: bool,
}

struct Pages {
    db: D1Database,
    bucket: Bucket,
    site_key: String,
    bounds: (i64, i64),
    kind: Kind,
    format: Format,
    /// Where the last page sent ended.
    after: Option<ExportCursor>,
    /// The archived chunk read last, decoded, as `(day, chunk)`.
    chunk: Option<((String, i64), Vec<Line>)>,
    /// Archived chunks this file has read.
    chunks_read: u32,
    /// Why the file ends early, when it is not a failed read: said in its
    /// last line.
    why: Option<String>,
    /// When the export last renewed its hold on the site's archive.
    held_at: i64,
    /// Rows sent so far.
    rows: u64,
    started: bool,
    done: bool,
    /// A local fault (`crate::faults`): the second page's read fails.
    fail_second_page: bool,
}

impl Pages {
    /// One page of the kind, of D1's rows after `after`, or of `slice`.
    async fn page(&self, after: Option<&str>, slice: Option<&Slice>) -> Result<Page> {
        let read = PageRead {
            db: &self.db,
            site_key: &self.site_key,
            bounds: self.bounds,
            after,
            slice,
        };
        match &self.kind {
            Kind::Conversations(filter) => conversations::page(&read, filter, self.format).await,
            Kind::RatedAnswers(filter) => rated_answers::page(&read, filter).await,
        }
    }

    /// Reads archived chunk `(day, chunk)` from R2, once for the pages
    /// that read it.
    async fn load(&mut self, day: &str, chunk: i64) -> Result<()> {
        let cached = self
            .chunk
            .as_ref()
            .is_some_and(|((at, no), _)| at == day && *no == chunk);
        if !cached {
            if self.chunks_read >= FILE_CHUNKS {
                self.why = Some(format!(
                    "a file reads at most {FILE_CHUNKS} archived chunks; the rest follows"
                ));
                return Err(worker::Error::RustError(format!(
                    "a file reads at most {FILE_CHUNKS} archived chunks"
                )));
            }
            self.chunks_read += 1;
            let key = ledger::archive::object_key(&self.site_key, day, chunk);
            let Some(stored) = crate::archive::objects::read(&self.bucket, &key).await? else {
                // Its rows are lost: the file says so, and resumes after it.
                self.after = Some(ExportCursor::Archived {
                    day: day.to_string(),
                    chunk,
                    key: None,
                });
                self.why = Some(format!(
                    "the archived chunk {day}/{chunk} is missing from R2; its rows cannot be exported"
                ));
                return Err(worker::Error::RustError(format!("{key} is not in R2")));
            };
            self.chunk = Some(((day.to_string(), chunk), stored.decoded.lines));
        }
        Ok(())
    }

    /// The rows of the chunk read last.
    fn lines(&self) -> &[Line] {
        self.chunk
            .as_ref()
            .map_or(&[], |(_, lines)| lines.as_slice())
    }

    /// Where the kind's chunks end: by last activity for conversations;
    /// none for thumbs, which may be older than their conversation's last
    /// activity.
    fn until(&self) -> Option<i64> {
        match self.kind {
            Kind::Conversations(_) => Some(self.bounds.1),
            Kind::RatedAnswers(_) => None,
        }
    }

    /// A page of the first kept chunk at (or after, when `after`) the
    /// chunk `from` names, after `key` when it is that chunk; and where
    /// it ends. `None` once no chunk is left.
    async fn archived_page(
        &mut self,
        from: Option<(String, i64)>,
        after: bool,
        key: Option<String>,
    ) -> Result<Option<(Page, ExportCursor)>> {
        let from_chunk = from.as_ref().map(|(day, chunk)| (day.as_str(), *chunk));
        let window = (self.bounds.0, self.until());
        let found = crate::store::archive::export_chunk(
            &self.db,
            &self.site_key,
            window,
            from_chunk,
            after,
        )
        .await?;
        let Some(found) = found else {
            return Ok(None);
        };
        let at = (found.day, found.chunk);
        let key = key.filter(|_| from.as_ref() == Some(&at));
        self.load(&at.0, at.1).await?;
        let slice = match &self.kind {
            Kind::Conversations(filter) => {
                reading::conversations_slice(self.lines(), key.as_deref(), filter)
            }
            Kind::RatedAnswers(_) => {
                let after = key.as_deref().map(AnswerCursor::parse).transpose();
                let after = after.map_err(worker::Error::RustError)?;
                reading::ratings_slice(self.lines(), after.as_ref())
            }
        };
        let page = self.page(key.as_deref(), Some(&slice)).await?;
        let next = reading::resume(
            (&at.0, at.1),
            &slice,
            (page.rows, PAGE as usize),
            page.last.clone(),
        );
        Ok(Some((page, next)))
    }

    /// Renews the export's hold on the site's archive, at most once a
    /// minute: no conversation moves from D1 to R2 while it reads.
    async fn renew_hold(&mut self) -> Result<()> {
        let now = worker::Date::now().as_millis() as i64;
        if now - self.held_at >= 60_000 {
            hold(&self.db, &self.site_key, now).await?;
            self.held_at = now;
        }
        Ok(())
    }

    /// The next streamed chunk's rows: the archive's slices while a chunk
    /// is left (at most [`PULL_SLICES`] that give nothing), then D1's.
    async fn read(&mut self) -> Result<Sent> {
        self.renew_hold().await?;
        let mut cursor = self.after.clone();
        for _ in 0..PULL_SLICES {
            let hot = match reading::phase(cursor.as_ref()) {
                Phase::Hot(key) => key.map(str::to_string),
                Phase::Archive { from, after, key } => {
                    let from = from.map(|(day, chunk)| (day.to_string(), chunk));
                    let key = key.map(str::to_string);
                    match self.archived_page(from, after, key).await? {
                        None => None,
                        Some((page, next)) => {
                            cursor = Some(next);
                            if page.rows > 0 {
                                return Ok(Sent {
                                    page,
                                    next: cursor,
                                    done: false,
                                });
                            }
                            continue;
                        }
                    }
                }
            };
            let page = self.page(hot.as_deref(), None).await?;
            let next = page.last.clone().map(ExportCursor::Hot).or(cursor);
            let done = page.rows < PAGE as usize;
            return Ok(Sent { page, next, done });
        }
        let page = Page {
            text: String::new(),
            rows: 0,
            last: None,
        };
        Ok(Sent {
            page,
            next: cursor,
            done: false,
        })
    }
}

/// Holds the archive off `site_key` for [`reading::HOLD_MS`] from `now`.
async fn hold(db: &D1Database, site_key: &str, now: i64) -> Result<()> {
    crate::store::archive::run(db, &reading::hold(site_key, now + reading::HOLD_MS)).await
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
fn failed_end(
    format: Format,
    (noun, rows): (&str, u64),
    why: Option<&str>,
    after: Option<&str>,
) -> String {
    let resume = after.map_or_else(String::new, |after| format!("; resume with after={after}"));
    let why = why.map_or_else(String::new, |why| format!(" ({why})"));
    let message = format!("the export failed after {rows} {noun}{why}{resume}");
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
        // Slices of the archive may give no row; a chunk of the stream is
        // never empty. Each read moves the cursor on, and a file reads at
        // most FILE_CHUNKS chunks, so this ends.
        let mut read = pages.read().await;
        while let Ok(sent) = &read
            && sent.page.rows == 0
            && !sent.done
        {
            pages.after = sent.next.clone();
            read = pages.read().await;
        }
        read
    };
    // The 200 and the pages before are sent: workerd ends a chunked body
    // cleanly even when its stream errors (kj writes the last chunk;
    // workerd#6818), so the failure is told in the file itself.
    let Sent { page, next, done } = match read {
        Ok(sent) => sent,
        Err(err) => {
            console_error!("site {}: an export failed: {err}", pages.site_key);
            pages.done = true;
            let after = pages.after.as_ref().map(ExportCursor::encode);
            chunk.push_str(&failed_end(
                pages.format,
                (pages.kind.noun(), pages.rows),
                pages.why.as_deref(),
                after.as_deref(),
            ));
            return Ok(Some((chunk.into_bytes(), pages)));
        }
    };
    pages.done = done;
    if next.is_some() {
        pages.after = next;
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
    let after = query
        .get("after")
        .map(|after| {
            ExportCursor::parse(after, |key| match kind {
                Kind::Conversations(_) => {
                    protocol::ids::check_id("after", key).map_err(|error| error.message)
                }
                Kind::RatedAnswers(_) => AnswerCursor::parse(key).map(|_| ()),
            })
        })
        .transpose()
        .map_err(|problem| Refusal::new(ErrorCode::InvalidField, problem))?;
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
    // Before its first read: the archive leaves the site alone meanwhile.
    let now = worker::Date::now().as_millis() as i64;
    hold(&db, &site.site_key, now).await?;
    let pages = Pages {
        db,
        bucket: crate::archive::bucket(&ctx.env)?,
        site_key: site.site_key,
        bounds: (window.from_ms, window.to_ms),
        kind,
        format,
        after,
        chunk: None,
        chunks_read: 0,
        why: None,
        held_at: now,
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
            ("rated answers", 500),
            None,
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
            failed_end(Format::Csv, ("conversations", 0), None, None),
            "# the export failed after 0 conversations\r\n"
        );
        assert!(
            failed_end(
                Format::Csv,
                ("conversations", 3),
                Some("a chunk is missing"),
                Some("c_1")
            )
            .contains("3 conversations (a chunk is missing); resume with after=c_1")
        );
        assert!(json_end(3).contains("\"complete\":true"));
    }
}
