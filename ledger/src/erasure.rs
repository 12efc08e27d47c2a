//! Erasing one conversation: everything stored about it, in one batch.

use crate::{Param, Statement};

/// The statements that delete conversation `conversation_id` of
/// `site_key` whole: its thumbs, the deliveries its events were owed, its
/// events and its row (the rollups follow by their triggers). Their
/// changes, summed, say whether it existed.
pub fn erase(site_key: &str, conversation_id: &str) -> Vec<Statement> {
    [
        "DELETE FROM message_ratings WHERE site_key = ?1 AND conversation_id = ?2",
        "DELETE FROM webhook_outbox WHERE site_key = ?1 AND event_id IN \
           (SELECT event_id FROM events WHERE site_key = ?1 AND conversation_id = ?2)",
        "DELETE FROM events WHERE site_key = ?1 AND conversation_id = ?2",
        "DELETE FROM conversations WHERE site_key = ?1 AND conversation_id = ?2",
    ]
    .into_iter()
    .map(|sql| {
        Statement::new(
            sql,
            vec![Param::text(site_key), Param::text(conversation_id)],
        )
    })
    .collect()
}
