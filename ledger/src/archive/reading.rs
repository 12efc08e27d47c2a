//! What an export reads of the archive (#35): the site's archived chunks
//! in order of day and chunk, and of each chunk a slice of rows that
//! D1 reads with the export's own statements.
//!
//! The rules of an export (its window, the inbox's filters, its order and
//! paging) are SQL, written once in [`crate::conversations`] and
//! [`crate::dataset`]. An archived chunk is read by the same statements:
//! [`over_slice`] puts a `WITH` before them whose `conversations` and
//! `message_ratings` are a slice of the chunk's rows, bound as two JSON
//! parameters, and SQLite reads those names as the `WITH`'s rather than
//! the tables. Review items are never archived, so the filters on them
//! read the table. A conversation whose erasure is under way (its entry
//! marked `erased`, its chunk not yet written again) is left out.

use std::collections::BTreeMap;

use protocol::InboxFilter;
use protocol::dataset::AnswerCursor;
use protocol::export_cursor::ExportCursor;
use serde_json::{Map, Value};

use super::day_object::Line;
use crate::{Param, Statement};

/// How long an export holds the archive off its site, from its last
/// renewal (an export renews it at least every minute while it reads).
pub const HOLD_MS: i64 = 600_000;

/// An export's hold on its site's archive until `until` (unix ms): no
/// archive run starts on the site meanwhile, and a chunk begun before
/// does not commit (`super::due_sites`, `super::commit`).
pub fn hold(site_key: &str, until: i64) -> Statement {
    Statement::new(
        "INSERT INTO export_holds (site_key, until) VALUES (?1, ?2) \
         ON CONFLICT (site_key) DO UPDATE SET until = max(until, excluded.until)",
        vec![Param::text(site_key), Param::Int(until)],
    )
}

/// Bytes of rows a slice binds at most, both parameters together (D1
/// takes a value of up to 2 MB). A first conversation or rating is taken
/// whole even when larger.
pub const SLICE_BYTES: usize = 1_000_000;

/// Where the next page of an export is read from, for the cursor the
/// last one ended on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase<'a> {
    /// The archive: the first kept chunk at (or after, when `after`) the
    /// chunk `from` names (`None`: the first of the window), read after
    /// `key` when the chunk is the one the cursor names.
    Archive {
        /// A chunk, as day and number.
        from: Option<(&'a str, i64)>,
        /// Whether that chunk is read whole.
        after: bool,
        /// The last key read in it.
        key: Option<&'a str>,
    },
    /// D1's hot rows, after this key (`None`: from the first).
    Hot(Option<&'a str>),
}

/// The phase a cursor resumes in: no cursor starts in the archive, and a
/// hot key (what an export wrote before the archive) in D1.
pub fn phase(cursor: Option<&ExportCursor>) -> Phase<'_> {
    match cursor {
        None => Phase::Archive {
            from: None,
            after: false,
            key: None,
        },
        Some(ExportCursor::Archived { day, chunk, key }) => Phase::Archive {
            from: Some((day.as_str(), *chunk)),
            after: key.is_none(),
            key: key.as_deref(),
        },
        Some(ExportCursor::Hot(key)) => Phase::Hot(Some(key.as_str())),
    }
}

/// Where a page read from chunk `(day, chunk)` ends: after its last row
/// when it filled the page (`rows` of `limit`, the last `last_row`), or
/// else after the slice's last row, or, the chunk read to its end, after
/// the chunk.
pub fn resume(
    (day, chunk): (&str, i64),
    slice: &Slice,
    (rows, limit): (usize, usize),
    last_row: Option<String>,
) -> ExportCursor {
    let key = if rows >= limit && last_row.is_some() {
        last_row
    } else if slice.rest {
        slice.last_key.clone()
    } else {
        None
    };
    ExportCursor::Archived {
        day: day.to_string(),
        chunk,
        key,
    }
}

/// The next kept chunk of `site_key` that may hold rows of the window
/// (`from_ms`, and `to_ms` for an export by last activity; `None` for one
/// by a thumb's time, which may lie before its conversation's last
/// activity), at or after the chunk `from` names: its `day` and `chunk`.
pub fn next_chunk(
    site_key: &str,
    (from_ms, to_ms): (i64, Option<i64>),
    from: Option<(&str, i64)>,
    after: bool,
) -> Statement {
    Statement::new(
        "SELECT day, chunk FROM archive_chunks WHERE site_key = ?1 AND state = 'kept' \
           AND day >= strftime('%Y-%m-%d', ?2 / 1000, 'unixepoch') \
           AND (?3 IS NULL OR day <= strftime('%Y-%m-%d', (?3 - 1) / 1000, 'unixepoch')) \
           AND (?4 IS NULL OR day > ?4 OR (day = ?4 AND chunk >= ?5 + ?6)) \
         ORDER BY day, chunk LIMIT 1",
        vec![
            Param::text(site_key),
            Param::Int(from_ms),
            to_ms.map_or(Param::Null, Param::Int),
            Param::opt_text(from.map(|(day, _)| day)),
            from.map_or(Param::Null, |(_, chunk)| Param::Int(chunk)),
            Param::Int(i64::from(after)),
        ],
    )
}

/// Rows of a chunk that one page reads, and where they end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slice {
    /// Conversation rows, as one JSON array.
    conversations: String,
    /// Thumb rows, as one JSON array.
    ratings: String,
    /// The key of the last row taken (a conversation id, or a
    /// conversation and a message joined by `/`); `None` when none was.
    pub last_key: Option<String>,
    /// Whether rows of the chunk follow it.
    pub rest: bool,
}

fn id(row: &Map<String, Value>, column: &str) -> String {
    row.get(column)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn size(row: &Map<String, Value>) -> usize {
    serde_json::to_string(row).map_or(0, |text| text.len())
}

fn array(rows: &[Map<String, Value>]) -> String {
    // Objects of JSON values always serialize.
    serde_json::to_string(rows).unwrap_or_else(|_| "[]".into())
}

/// A chunk's rows by table.
fn rows_of<'a>(lines: &'a [Line], table: &'a str) -> impl Iterator<Item = &'a Map<String, Value>> {
    lines
        .iter()
        .filter(move |line| line.table == table)
        .map(|line| &line.row)
}

/// The columns of a thumb the inbox's filters read, as `filter` uses
/// them: a conversations export reads no thumb's text, nor which message
/// it rated.
fn filtered_columns(filter: &InboxFilter) -> Vec<&'static str> {
    let mut columns = vec!["conversation_id", "role", "rating", "locale", "page"];
    if filter.meta.is_some() {
        columns.push("meta");
    }
    columns
}

/// For the conversations export: the chunk's conversations after the id
/// `after`, in id order, whole, each with the distinct values of the
/// columns of its thumbs that `filter` reads (which is all its `EXISTS`
/// ask), up to [`SLICE_BYTES`].
pub fn conversations_slice(lines: &[Line], after: Option<&str>, filter: &InboxFilter) -> Slice {
    let columns = filtered_columns(filter);
    let mut distinct: BTreeMap<String, BTreeMap<String, Map<String, Value>>> = BTreeMap::new();
    for row in rows_of(lines, "message_ratings") {
        let kept: Map<String, Value> = row
            .iter()
            .filter(|(column, _)| columns.contains(&column.as_str()))
            .map(|(column, value)| (column.clone(), value.clone()))
            .collect();
        let text = serde_json::to_string(&kept).unwrap_or_default();
        distinct
            .entry(id(row, "conversation_id"))
            .or_default()
            .insert(text, kept);
    }
    let mut thumbs: BTreeMap<String, Vec<Map<String, Value>>> = distinct
        .into_iter()
        .map(|(conversation, rows)| (conversation, rows.into_values().collect()))
        .collect();
    let mut conversations: Vec<&Map<String, Value>> = rows_of(lines, "conversations")
        .filter(|row| after.is_none_or(|after| id(row, "conversation_id").as_str() > after))
        .collect();
    conversations.sort_by_key(|row| id(row, "conversation_id"));
    let (mut taken, mut rated, mut bytes) = (Vec::new(), Vec::new(), 0usize);
    let mut rest = false;
    for row in conversations {
        let conversation_id = id(row, "conversation_id");
        let its = thumbs.remove(&conversation_id).unwrap_or_default();
        let weight = size(row) + its.iter().map(size).sum::<usize>();
        if !taken.is_empty() && bytes.saturating_add(weight) > SLICE_BYTES {
            rest = true;
            break;
        }
        bytes = bytes.saturating_add(weight);
        taken.push(row.clone());
        rated.extend(its);
    }
    Slice {
        last_key: taken.last().map(|row| id(row, "conversation_id")),
        conversations: array(&taken),
        ratings: array(&rated),
        rest,
    }
}

/// For the rated answers export: the chunk's thumbs after `after`, in the
/// order of their key, each with its conversation's row, up to
/// [`SLICE_BYTES`].
pub fn ratings_slice(lines: &[Line], after: Option<&AnswerCursor>) -> Slice {
    let key = |row: &Map<String, Value>| (id(row, "conversation_id"), id(row, "message_id"));
    let after = after.map(|after| (after.conversation_id.clone(), after.message_id.clone()));
    let mut thumbs: Vec<&Map<String, Value>> = rows_of(lines, "message_ratings")
        .filter(|row| after.as_ref().is_none_or(|after| key(row) > *after))
        .collect();
    thumbs.sort_by_key(|row| key(row));
    let mut conversations: BTreeMap<String, &Map<String, Value>> = rows_of(lines, "conversations")
        .map(|row| (id(row, "conversation_id"), row))
        .collect();
    let (mut taken, mut owners, mut bytes) = (Vec::new(), Vec::new(), 0usize);
    let mut rest = false;
    for row in thumbs {
        let owner = conversations.remove(&id(row, "conversation_id"));
        let weight = size(row) + owner.map_or(0, size);
        if !taken.is_empty() && bytes.saturating_add(weight) > SLICE_BYTES {
            rest = true;
            break;
        }
        bytes = bytes.saturating_add(weight);
        taken.push(row.clone());
        owners.extend(owner.cloned());
    }
    Slice {
        last_key: taken.last().map(|row| {
            AnswerCursor {
                conversation_id: id(row, "conversation_id"),
                message_id: id(row, "message_id"),
            }
            .encode()
        }),
        conversations: array(&owners),
        ratings: array(&taken),
        rest,
    }
}

/// `?{at}` as rows of `table` for site `?1`: every column read from the
/// JSON objects (one missing reads `NULL`), erased conversations left out.
fn rows_from_json(table: &str, at: usize) -> String {
    let columns = super::columns(table).unwrap_or_default();
    let values: Vec<String> = columns
        .iter()
        .map(|column| format!("json_extract(r.value, '$.\"{column}\"') AS {column}"))
        .collect();
    format!(
        "{table} AS MATERIALIZED (SELECT ?1 AS site_key, {} FROM json_each(?{at}) r \
         WHERE NOT EXISTS (SELECT 1 FROM archived_conversations a WHERE a.site_key = ?1 \
           AND a.conversation_id = json_extract(r.value, '$.\"conversation_id\"') \
           AND a.erased = 1))",
        values.join(", ")
    )
}

/// `statement` (an export's page, its site bound to `?1`) reading
/// `slice`'s rows instead of D1's `conversations` and `message_ratings`.
pub fn over_slice(statement: Statement, slice: &Slice) -> Statement {
    let Statement { sql, mut params } = statement;
    let (conversations, ratings) = (params.len() + 1, params.len() + 2);
    params.push(Param::Text(slice.conversations.clone()));
    params.push(Param::Text(slice.ratings.clone()));
    Statement::new(
        format!(
            "WITH {}, {} {sql}",
            rows_from_json("conversations", conversations),
            rows_from_json("message_ratings", ratings)
        ),
        params,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn line(table: &str, row: Value) -> Line {
        Line {
            table: table.into(),
            row: row.as_object().cloned().unwrap_or_default(),
        }
    }

    /// Ten conversations of two thumbs, each thumb with 100 KB of text.
    fn chunk() -> Vec<Line> {
        let mut lines = Vec::new();
        for c in (0..10).rev() {
            let id = format!("c_{c}");
            lines.push(line("conversations", json!({ "conversation_id": id })));
            for m in ["m_1", "m_2"] {
                lines.push(line(
                    "message_ratings",
                    json!({ "conversation_id": id, "message_id": m, "answer": "x".repeat(100_000) }),
                ));
            }
        }
        lines
    }

    fn array_len(json: &str) -> usize {
        serde_json::from_str::<Vec<Value>>(json).map_or(0, |rows| rows.len())
    }

    #[test]
    fn thumbs_are_sliced_within_the_bytes_in_key_order_with_their_conversations() {
        let lines = chunk();
        let mut after: Option<AnswerCursor> = None;
        let mut keys = Vec::new();
        for _ in 0..30 {
            let slice = ratings_slice(&lines, after.as_ref());
            assert!(slice.ratings.len() + slice.conversations.len() <= SLICE_BYTES + 1_000);
            keys.push(slice.last_key.clone().unwrap_or_default());
            if !slice.rest {
                break;
            }
            after = slice
                .last_key
                .as_deref()
                .and_then(|key| AnswerCursor::parse(key).ok());
        }
        assert_eq!(keys.len(), 3, "20 thumbs of 100 KB in slices of 1 MB");
        assert_eq!(keys.last().map(String::as_str), Some("c_9/m_2"));
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        // A slice that starts inside a conversation brings its row along.
        let from_inside = ratings_slice(
            &lines,
            Some(&AnswerCursor {
                conversation_id: "c_4".into(),
                message_id: "m_1".into(),
            }),
        );
        assert!(from_inside.conversations.contains("\"c_4\""));
        assert_eq!(array_len(&from_inside.ratings), 9);
    }

    #[test]
    fn conversations_are_sliced_whole_without_the_text_of_their_thumbs() {
        let lines = chunk();
        let slice = conversations_slice(&lines, Some("c_2"), &InboxFilter::default());
        assert!(!slice.rest, "a thumb's text is not read");
        assert_eq!(array_len(&slice.conversations), 7);
        assert_eq!(
            array_len(&slice.ratings),
            7,
            "one of each conversation's alike thumbs"
        );
        assert!(!slice.ratings.contains("xxx"));
        assert_eq!(slice.last_key.as_deref(), Some("c_9"));
    }

    #[test]
    fn a_page_resumes_after_its_last_row_its_slice_or_its_chunk() {
        let slice = Slice {
            conversations: "[]".into(),
            ratings: "[]".into(),
            last_key: Some("c_9".into()),
            rest: true,
        };
        let at = |key: Option<&str>| ExportCursor::Archived {
            day: "2026-01-02".into(),
            chunk: 1,
            key: key.map(str::to_string),
        };
        let chunk = ("2026-01-02", 1);
        assert_eq!(
            resume(chunk, &slice, (5, 5), Some("c_3".into())),
            at(Some("c_3"))
        );
        assert_eq!(
            resume(chunk, &slice, (4, 5), Some("c_3".into())),
            at(Some("c_9"))
        );
        let last = Slice {
            rest: false,
            ..slice
        };
        assert_eq!(resume(chunk, &last, (4, 5), Some("c_3".into())), at(None));
        assert_eq!(
            phase(Some(&at(None))),
            Phase::Archive {
                from: Some(chunk),
                after: true,
                key: None
            }
        );
        assert_eq!(
            phase(Some(&ExportCursor::Hot("c_1".into()))),
            Phase::Hot(Some("c_1"))
        );
    }
}
