//! `GET /v1/sites/{site_key}/export?format=csv|ndjson&from=&to=&tz=&feedback=`:
//! one record per conversation active in the window (and matching the
//! inbox's `feedback` filter, when given), streamed page by page so
//! a large export never sits in memory, in conversation id order so that
//! conversations updated during the export are neither skipped nor
//! repeated.

use analytics::csv::{field, record, text_field};
use analytics::iso_utc;
use protocol::{ConversationRow, ErrorCode, FeedbackFilter};
use worker::{Context, D1Database, Request, Response, Result, RouteContext};

use crate::query::Query;
use crate::respond;
use crate::sites::Site;
use crate::store;

/// Conversations read from D1 per streamed chunk.
const PAGE: u32 = 500;

const CSV_HEADER: [&str; 14] = [
    "conversation_id",
    "first_at",
    "last_at",
    "locale",
    "satisfaction",
    "csat_mode",
    "CSAT_OFFERED",
    "CSAT_ACCEPTED",
    "CSAT_DENIED",
    "CSAT_SCORE",
    "CSAT_FREE_FEEDBACK",
    "CSAT_COMPLETED",
    "thumbs_up",
    "thumbs_down",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Ndjson,
}

fn csv_record(row: &ConversationRow) -> String {
    let export = row.export();
    let flag = |value: bool| if value { "true" } else { "false" };
    record([
        field(&export.conversation_id),
        field(&iso_utc(export.first_at)),
        field(&iso_utc(export.last_at)),
        field(&export.locale),
        field(export.satisfaction.as_str()),
        field(export.csat_mode.map_or("", |mode| mode.as_str())),
        field(flag(export.csat.offered)),
        field(flag(export.csat.accepted)),
        field(flag(export.csat.denied)),
        field(
            &export
                .csat
                .score
                .map_or_else(String::new, |score| score.to_string()),
        ),
        text_field(export.csat.free_feedback.as_deref().unwrap_or("")),
        field(flag(export.csat.completed)),
        field(&export.thumbs_up.to_string()),
        field(&export.thumbs_down.to_string()),
    ])
}

struct Pages {
    db: D1Database,
    site_key: String,
    bounds: (i64, i64),
    filter: Option<FeedbackFilter>,
    format: Format,
    /// The last conversation id sent.
    after: Option<String>,
    started: bool,
    done: bool,
}

async fn next_chunk(mut pages: Pages) -> Result<Option<(Vec<u8>, Pages)>> {
    if pages.done {
        return Ok(None);
    }
    let mut chunk = String::new();
    if !pages.started && pages.format == Format::Csv {
        chunk.push_str(&record(CSV_HEADER));
    }
    pages.started = true;
    let rows = store::conversations::export_page(
        &pages.db,
        &pages.site_key,
        pages.bounds,
        pages.filter,
        pages.after.as_deref(),
        PAGE,
    )
    .await?;
    pages.done = rows.len() < PAGE as usize;
    pages.after = rows.last().map(|row| row.conversation_id.clone());
    for row in &rows {
        match pages.format {
            Format::Csv => chunk.push_str(&csv_record(row)),
            Format::Ndjson => {
                chunk.push_str(&serde_json::to_string(&row.export())?);
                chunk.push('\n');
            }
        }
    }
    Ok(Some((chunk.into_bytes(), pages)))
}

/// Streams the window's conversations as CSV (RFC 4180) or NDJSON.
pub async fn export(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = ctx.d1(crate::DB)?;
    let site = match Site::authorize(&db, &req, &ctx).await? {
        Ok(site) => site,
        Err(refusal) => return Ok(refusal),
    };
    let query = Query::of(&req)?;
    let format = match query.get("format") {
        None | Some("csv") => Format::Csv,
        Some("ndjson") => Format::Ndjson,
        Some(other) => {
            return respond::error(
                ErrorCode::InvalidField,
                format!("`format` must be csv or ndjson, not {other:?}"),
            );
        }
    };
    let window = match query.window(&site) {
        Ok(window) => window,
        Err(error) => return respond::error_body(&error),
    };
    let filter = match query.get("feedback").map(FeedbackFilter::parse).transpose() {
        Ok(filter) => filter,
        Err(problem) => return respond::error(ErrorCode::InvalidField, problem),
    };
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
        after: None,
        started: false,
        done: false,
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
