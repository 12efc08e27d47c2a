//! The rated answers export (`kind=rated_answers&format=jsonl`, #31 §2):
//! one `protocol::dataset::RatedAnswer` per line, ready to load as a
//! Langfuse dataset item or an evals record.

use protocol::dataset::{AnswerCursor, DatasetFilter};
use worker::Result;

use super::{PAGE, Page, PageRead};
use crate::store;

/// The next page: rated answers after the one `read.after` names
/// (`conversation_id/message_id`, as [`AnswerCursor`] writes it), of D1
/// or of the archived slice `read.slice`.
pub async fn page(read: &PageRead<'_>, filter: &DatasetFilter) -> Result<Page> {
    let after = read
        .after
        .map(AnswerCursor::parse)
        .transpose()
        .map_err(worker::Error::RustError)?;
    let lines = store::dataset::page(
        read.db,
        read.site_key,
        (read.bounds, filter),
        (after.as_ref(), read.slice),
        PAGE,
    )
    .await?;
    let mut text = String::new();
    for line in &lines {
        text.push_str(&serde_json::to_string(line)?);
        text.push('\n');
    }
    Ok(Page {
        text,
        rows: lines.len(),
        last: lines.last().map(|line| {
            AnswerCursor {
                conversation_id: line.metadata.conversation_id.clone(),
                message_id: line.metadata.message_id.clone(),
            }
            .encode()
        }),
    })
}
