//! `GET /v1/sites/{site_key}/export?format=csv|ndjson&from=&to=&tz=&feedback=&after=`:
//! one record per conversation active in the window (and matching the
//! inbox's filters, when given: `feedback`, `role`, `handed_over`, `meta.<key>`), streamed page by page so
//! a large export never sits in memory, in conversation id order so that
//! conversations updated during the export are neither skipped nor
//! repeated.
//!
//! A file that arrives whole says so: an NDJSON export ends with the line
//! `{"complete":true,"rows":N}`. A read that fails once the 200 is sent
//! cannot abort the response (workerd ends a chunked body cleanly even when
//! its stream errors), so the file says it instead: NDJSON ends with
//! `{"complete":false,"rows":N,"error":…,"after":ID}`, CSV with a line of
//! one field, `# the export failed after N conversations; resume with
//! after=ID`, which a strict CSV reader refuses. `after=ID` resumes after
//! the last conversation a file holds.

use analytics::csv::{field, record, text_field};
use analytics::iso_utc;
use protocol::{ConversationRow, ErrorCode, ExportRow, InboxFilter, Need};
use worker::{Context, D1Database, Request, Response, Result, RouteContext, console_error};

use crate::access::{Access, authorize};
use crate::query::Query;
use crate::refusal::Refusal;
use crate::store;

/// Conversations read from D1 per streamed chunk.
const PAGE: u32 = 500;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Ndjson,
}

/// A conversation's CSV cells, each under its column's name (a test holds
/// the names to [`ExportRow::CSV_HEADER`]): times in ISO 8601 UTC, the
/// shopper's comment guarded against spreadsheet formulas.
fn csv_cells(export: &ExportRow) -> [(&'static str, String); 17] {
    let flag = |value: bool| field(if value { "true" } else { "false" });
    let csat = &export.csat;
    [
        ("conversation_id", field(&export.conversation_id)),
        ("first_at", field(&iso_utc(export.first_at))),
        ("last_at", field(&iso_utc(export.last_at))),
        ("locale", field(&export.locale)),
        ("satisfaction", field(export.satisfaction.as_str())),
        (
            "csat_mode",
            field(export.csat_mode.map_or("", |mode| mode.as_str())),
        ),
        ("CSAT_OFFERED", flag(csat.offered)),
        ("CSAT_ACCEPTED", flag(csat.accepted)),
        ("CSAT_DENIED", flag(csat.denied)),
        (
            "CSAT_SCORE",
            field(
                &csat
                    .score
                    .map_or_else(String::new, |score| score.to_string()),
            ),
        ),
        (
            "CSAT_FREE_FEEDBACK",
            text_field(csat.free_feedback.as_deref().unwrap_or("")),
        ),
        ("CSAT_COMPLETED", flag(csat.completed)),
        ("thumbs_up", field(&export.thumbs_up.to_string())),
        ("thumbs_down", field(&export.thumbs_down.to_string())),
        ("handed_over", flag(export.provenance.handed_over)),
        // The context as one JSON object, guarded as any text is.
        (
            "context",
            text_field(&serde_json::to_string(&export.provenance.context).unwrap_or_default()),
        ),
        (
            "page",
            text_field(export.provenance.page.as_deref().unwrap_or("")),
        ),
    ]
}

fn csv_record(row: &ConversationRow) -> String {
    record(csv_cells(&row.export()).map(|(_, cell)| cell))
}

struct Pages {
    db: D1Database,
    site_key: String,
    bounds: (i64, i64),
    filter: InboxFilter,
    format: Format,
    /// The last conversation id sent.
    after: Option<String>,
    /// Records sent so far.
    rows: u64,
    started: bool,
    done: bool,
    /// A local fault (`crate::faults`): the second page's read fails.
    fail_second_page: bool,
}

/// The NDJSON export's last line: the file arrived whole, with `rows` records.
fn ndjson_end(rows: u64) -> String {
    format!("{{\"complete\":true,\"rows\":{rows}}}\n")
}

/// What ends an export whose read failed after `rows` records, the last
/// of them `after`: in NDJSON a last line `{"complete":false, …}` with
/// the conversation to resume after; in CSV a last line of one field,
/// which a strict CSV reader refuses (every record has 17) and a person
/// reads in the first column.
fn failed_end(format: Format, rows: u64, after: Option<&str>) -> String {
    let resume = after.map_or_else(String::new, |after| format!("; resume with after={after}"));
    let message = format!("the export failed after {rows} conversations{resume}");
    match format {
        Format::Ndjson => {
            let end = serde_json::json!({
                "complete": false,
                "rows": rows,
                "error": message,
                "after": after,
            });
            format!("{end}\n")
        }
        Format::Csv => record([field(&format!("# {message}"))]),
    }
}

async fn next_chunk(mut pages: Pages) -> Result<Option<(Vec<u8>, Pages)>> {
    if pages.done {
        return Ok(None);
    }
    let mut chunk = String::new();
    if !pages.started && pages.format == Format::Csv {
        chunk.push_str(&record(ExportRow::CSV_HEADER));
    }
    let fault = pages.started && pages.fail_second_page;
    pages.started = true;
    let read = if fault {
        Err(worker::Error::RustError(
            "the export's second page failed (a local fault)".into(),
        ))
    } else {
        store::conversations::export_page(
            &pages.db,
            &pages.site_key,
            pages.bounds,
            &pages.filter,
            pages.after.as_deref(),
            PAGE,
        )
        .await
    };
    // The 200 and the pages before are sent: workerd ends a chunked body
    // cleanly even when its stream errors (kj writes the last chunk;
    // workerd#6818), so the failure is told in the file itself.
    let rows = match read {
        Ok(rows) => rows,
        Err(err) => {
            console_error!("site {}: an export failed: {err}", pages.site_key);
            pages.done = true;
            chunk.push_str(&failed_end(
                pages.format,
                pages.rows,
                pages.after.as_deref(),
            ));
            return Ok(Some((chunk.into_bytes(), pages)));
        }
    };
    pages.done = rows.len() < PAGE as usize;
    if let Some(last) = rows.last() {
        pages.after = Some(last.conversation_id.clone());
    }
    for row in &rows {
        match pages.format {
            Format::Csv => chunk.push_str(&csv_record(row)),
            Format::Ndjson => {
                chunk.push_str(&serde_json::to_string(&row.export())?);
                chunk.push('\n');
            }
        }
    }
    pages.rows += rows.len() as u64;
    if pages.done && pages.format == Format::Ndjson {
        chunk.push_str(&ndjson_end(pages.rows));
    }
    Ok(Some((chunk.into_bytes(), pages)))
}

/// Streams the window's conversations as CSV (RFC 4180) or NDJSON.
pub async fn export(
    req: Request,
    ctx: RouteContext<Context>,
) -> std::result::Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Read).await?;
    let query = Query::of(&req)?;
    let invalid = |problem: String| Refusal::new(ErrorCode::InvalidField, problem);
    let format = match query.get("format") {
        None | Some("csv") => Format::Csv,
        Some("ndjson") => Format::Ndjson,
        Some(other) => {
            return Err(invalid(format!(
                "`format` must be csv or ndjson, not {other:?}"
            )));
        }
    };
    let window = query.window(&site)?;
    let filter = query.inbox_filter()?;
    let after = query.get("after").map(str::to_string);
    if let Some(after) = &after {
        protocol::ids::check_id("after", after).map_err(|error| invalid(error.message))?;
    }
    let fault = crate::faults::requested(&req, &ctx)?;
    let (content_type, extension) = match format {
        Format::Csv => ("text/csv; charset=utf-8; header=present", "csv"),
        Format::Ndjson => ("application/x-ndjson", "ndjson"),
    };
    let filename = format!(
        "feedback-{}-{}-to-{}.{extension}",
        site.site_key, window.first, window.last
    );
    let pages = Pages {
        db,
        site_key: site.site_key,
        bounds: (window.from_ms, window.to_ms),
        filter,
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
    headers.set("Content-Type", content_type)?;
    headers.set(
        "Content-Disposition",
        &format!("attachment; filename=\"{filename}\""),
    )?;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_export_says_so_in_its_last_line() {
        let end: serde_json::Value =
            serde_json::from_str(&failed_end(Format::Ndjson, 500, Some("c_9"))).unwrap_or_default();
        assert_eq!(end["complete"], false);
        assert_eq!(end["rows"], 500);
        assert_eq!(end["after"], "c_9");
        assert_eq!(
            failed_end(Format::Csv, 0, None),
            "# the export failed after 0 conversations\r\n"
        );
        assert!(ndjson_end(3).contains("\"complete\":true"));
    }

    #[test]
    fn the_cells_follow_the_header() {
        let row: ConversationRow = serde_json::from_value(serde_json::json!({
            "conversation_id": "c_1", "first_at": 0, "last_at": 1, "locale": "de",
            "csat_mode": "scale5", "csat_offered_at": 0, "csat_dismissed_at": null,
            "csat_score": 2, "csat_comment": "=cmd", "csat_completed": 1,
            "thumbs_up": 3, "thumbs_down": 4,
        }))
        .map_err(|err| err.to_string())
        .unwrap_or_else(|err| panic!("{err}"));
        let cells = csv_cells(&row.export());
        assert_eq!(cells.clone().map(|(name, _)| name), ExportRow::CSV_HEADER);
        let cell = |name: &str| {
            cells
                .iter()
                .find(|(column, _)| *column == name)
                .map(|(_, cell)| cell.as_str())
        };
        assert_eq!(cell("CSAT_SCORE"), Some("2"));
        assert_eq!(cell("CSAT_FREE_FEEDBACK"), Some("'=cmd"));
        assert_eq!(cell("thumbs_down"), Some("4"));
    }
}
