//! `message_ratings`: the current thumb on each assistant message. Its
//! columns are listed once, in [`COLUMNS`], each with what it is written
//! from and how it reads back; the upsert, its values, the read and the
//! site move's copy are all built from that list.

use std::sync::OnceLock;

use protocol::{EventHeader, MessageFeedback};

use crate::Param;
use crate::ingest::same_event;
use crate::json_rows::column;

/// One column of a thumb.
pub struct Column {
    /// Its name.
    pub name: &'static str,
    /// The expression that reads it back under the name
    /// `protocol::MessageRating`'s JSON gives it.
    pub read: &'static str,
    /// What it is written from.
    write: fn(&EventHeader, &MessageFeedback) -> Result<Param, serde_json::Error>,
}

/// The thumb's own columns, in the order the upsert binds them.
pub const COLUMNS: [Column; 11] = [
    Column {
        name: "message_id",
        read: "message_id",
        write: |_, feedback| Ok(Param::text(&feedback.message_id)),
    },
    Column {
        name: "rating",
        read: "rating",
        write: |_, feedback| Ok(Param::text(feedback.rating.as_str())),
    },
    Column {
        name: "at",
        read: "at",
        write: |header, _| Ok(Param::Int(header.at)),
    },
    Column {
        name: "locale",
        read: "locale",
        write: |header, _| Ok(Param::text(&header.locale)),
    },
    Column {
        name: "reason",
        read: "reason",
        write: |_, feedback| Ok(Param::opt_text(feedback.reason.as_deref())),
    },
    // Stored as JSON text; read back as the array it holds.
    Column {
        name: "tags",
        read: "json(tags)",
        write: |_, feedback| Ok(Param::Text(serde_json::to_string(&feedback.tags)?)),
    },
    Column {
        name: "question",
        read: "question",
        write: |_, feedback| Ok(Param::opt_text(feedback.question.as_deref())),
    },
    Column {
        name: "answer",
        read: "answer",
        write: |_, feedback| Ok(Param::opt_text(feedback.answer.as_deref())),
    },
    Column {
        name: "role",
        read: "role",
        write: |_, feedback| Ok(Param::text(feedback.role.as_str())),
    },
    Column {
        name: "page",
        read: "page",
        write: |header, _| Ok(Param::opt_text(header.page.as_deref())),
    },
    // Stored as JSON text, `{}` when the host page gave none.
    Column {
        name: "meta",
        read: "json(meta)",
        write: |_, feedback| Ok(Param::Text(serde_json::to_string(&feedback.meta)?)),
    },
];

/// The names of [`COLUMNS`], in order.
pub fn names() -> impl Iterator<Item = &'static str> {
    COLUMNS.iter().map(|column| column.name)
}

/// What each of [`COLUMNS`] is written from, in order.
pub fn values(
    header: &EventHeader,
    feedback: &MessageFeedback,
) -> Result<Vec<Param>, serde_json::Error> {
    COLUMNS
        .iter()
        .map(|column| (column.write)(header, feedback))
        .collect()
}

/// The rule for two thumbs on one message: the one in `excluded` replaces
/// the stored one when it is later by event time, the event id breaking
/// ties, whatever order they arrive in.
pub const LATEST_WINS: &str = "excluded.at > message_ratings.at \
     OR (excluded.at = message_ratings.at AND excluded.event_id > message_ratings.event_id)";

/// What a conflict on a message's thumb sets: every column from the later
/// thumb ([`LATEST_WINS`]).
pub fn on_conflict() -> String {
    let updates: Vec<String> = std::iter::once("event_id")
        .chain(names())
        .filter(|name| *name != "message_id")
        .map(|name| format!("{name} = excluded.{name}"))
        .collect();
    format!(
        "ON CONFLICT (site_key, conversation_id, message_id) DO UPDATE SET {} WHERE {LATEST_WINS}",
        updates.join(", ")
    )
}

/// The upsert of a batch's thumbs: `?1` site, `?2` rows of event id,
/// conversation, body, then [`COLUMNS`] ([`crate::json_rows`]), in order.
/// Each applies only when the stored event with its id is this very event;
/// two thumbs of the batch on one message meet by [`LATEST_WINS`] as any
/// two do.
pub fn upsert_rows_sql() -> &'static str {
    // Built once per isolate from the column list; every 👍/👎 uses it.
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let names: Vec<&str> = names().collect();
        let values: Vec<String> = (3..3 + COLUMNS.len()).map(column).collect();
        format!(
            "INSERT INTO message_ratings (site_key, event_id, conversation_id, {names}) \
             SELECT ?1, {id}, {conversation}, {values} FROM json_each(?2) AS r \
             WHERE {same} {conflict}",
            names = names.join(", "),
            id = column(0),
            conversation = column(1),
            values = values.join(", "),
            same = same_event(&column(0), &column(2)),
            conflict = on_conflict(),
        )
    })
}

/// The current thumbs of one conversation (`?1` site, `?2` conversation),
/// oldest first, each as one JSON object in the column `json`.
pub fn of_conversation_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let fields: Vec<String> = COLUMNS
            .iter()
            .map(|column| format!("'{}', {}", column.name, column.read))
            .collect();
        format!(
            "SELECT json_object({}) AS json FROM message_ratings \
             WHERE site_key = ?1 AND conversation_id = ?2 ORDER BY at, message_id",
            fields.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_upsert_names_each_column_once_with_its_own_value() {
        let sql = upsert_rows_sql();
        assert!(sql.contains(
            "(site_key, event_id, conversation_id, message_id, rating, at, locale, reason, tags, question, answer, role, page, meta)"
        ), "{sql}");
        let values: Vec<String> = (3..14).map(column).collect();
        assert!(
            sql.contains(&format!(
                "SELECT ?1, {}, {}, {} FROM json_each(?2)",
                column(0),
                column(1),
                values.join(", ")
            )),
            "{sql}"
        );
        assert!(sql.contains("meta = excluded.meta WHERE"), "{sql}");
        assert!(!sql.contains("message_id = excluded.message_id"), "{sql}");
    }
}
