//! The conversations export (`kind=conversations`, the default): one
//! record per conversation active in the window, as CSV (RFC 4180, one
//! header line) or NDJSON, in the shape of `protocol::ExportRow`.

use analytics::csv::{field, record, text_field};
use analytics::iso_utc;
use protocol::{ConversationRow, ExportRow, InboxFilter};
use worker::Result;

use super::{Format, PAGE, Page, PageRead};
use crate::store;

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

/// The CSV header line, which opens a CSV export.
pub fn csv_header() -> String {
    record(ExportRow::CSV_HEADER)
}

/// The next page: conversations of the window after the one `read.after`
/// names (of D1, or of the archived slice `read.slice`), written in
/// `format`.
pub async fn page(read: &PageRead<'_>, filter: &InboxFilter, format: Format) -> Result<Page> {
    let rows = store::conversations::export_page(
        read.db,
        read.site_key,
        (read.bounds, filter),
        (read.after, read.slice),
        PAGE,
    )
    .await?;
    let mut text = String::new();
    for row in &rows {
        match format {
            Format::Csv => text.push_str(&csv_record(row)),
            Format::Ndjson | Format::Jsonl => {
                text.push_str(&serde_json::to_string(&row.export())?);
                text.push('\n');
            }
        }
    }
    Ok(Page {
        text,
        rows: rows.len(),
        last: rows.last().map(|row| row.conversation_id.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
