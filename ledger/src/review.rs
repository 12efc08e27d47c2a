//! Review (#31): the queue's pages and a review's write. The items
//! themselves open and close by the triggers of migration 0018, in the
//! statement that changes a thumb or an answer; these are what a person
//! does with them.

use protocol::review::{Review, ReviewState};

use crate::{Param, Statement};

/// An item's columns, as `protocol::review::ReviewRow` reads them.
pub const COLUMNS: &str = "item_id, conversation_id, message_id, opened_at, state, note, \
     labels, reviewed_by, reviewed_at, version";

/// Where a page of the queue ends: newest first by when the item opened,
/// then by id, so the pair is a stable resume point while items arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewCursor {
    /// `opened_at` of the last item on the page.
    pub opened_at: i64,
    /// Its id.
    pub item_id: String,
}

impl ReviewCursor {
    /// `opened_at.item_id`, as handed to clients.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.opened_at, self.item_id)
    }

    /// Reads a cursor a previous page handed out.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("`cursor` {text:?} is not one this API handed out");
        let (at, id) = text.split_once('.').ok_or_else(bad)?;
        let opened_at = at.parse().map_err(|_| bad())?;
        protocol::ids::check_id("cursor", id).map_err(|_| bad())?;
        Ok(Self {
            opened_at,
            item_id: id.to_string(),
        })
    }
}

/// What the queue is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    /// Open or reviewed items only.
    pub state: Option<ReviewState>,
    /// Items with this label.
    pub label: Option<String>,
}

/// Up to `limit` items of `site_key`'s queue after `cursor`, newest first.
pub fn page(
    site_key: &str,
    filter: &QueueFilter,
    cursor: Option<&ReviewCursor>,
    limit: u32,
) -> Statement {
    // With a state, the index on (site_key, state, opened_at, item_id)
    // gives the order; without, the rows of both states merge.
    let state = if filter.state.is_some() {
        "AND state = ?2"
    } else {
        "AND ?2 IS NULL"
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM review_items \
         WHERE site_key = ?1 {state} \
           AND (?3 IS NULL OR EXISTS (SELECT 1 FROM json_each(labels) WHERE value = ?3)) \
           AND (?4 IS NULL OR opened_at < ?4 OR (opened_at = ?4 AND item_id < ?5)) \
         ORDER BY opened_at DESC, item_id DESC LIMIT ?6"
    );
    Statement::new(
        sql,
        vec![
            Param::text(site_key),
            Param::opt_text(filter.state.map(ReviewState::as_str)),
            Param::opt_text(filter.label.as_deref()),
            cursor.map_or(Param::Null, |cursor| Param::Int(cursor.opened_at)),
            Param::opt_text(cursor.map(|cursor| cursor.item_id.as_str())),
            Param::Int(i64::from(limit)),
        ],
    )
}

/// One item of `site_key`, by id.
pub fn item(site_key: &str, item_id: &str) -> Statement {
    Statement::new(
        format!("SELECT {COLUMNS} FROM review_items WHERE site_key = ?1 AND item_id = ?2"),
        vec![Param::text(site_key), Param::text(item_id)],
    )
}

/// The items of one conversation, oldest first.
pub fn of_conversation(site_key: &str, conversation_id: &str) -> Statement {
    Statement::new(
        format!(
            "SELECT {COLUMNS} FROM review_items WHERE site_key = ?1 AND conversation_id = ?2 \
             ORDER BY opened_at, item_id"
        ),
        vec![Param::text(site_key), Param::text(conversation_id)],
    )
}

/// Who reviews, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewer<'a> {
    /// `owner` or the key's name.
    pub name: &'a str,
    /// Unix ms.
    pub at: i64,
}

/// Writes `review` to item `item_id` if it is still at `version`,
/// returning the item as it is then (no row: the item is gone or has
/// changed since; [`item`] tells which). Marking it reviewed records who
/// and when; opening it again clears both.
pub fn write(
    site_key: &str,
    item_id: &str,
    version: u32,
    review: &Review,
    reviewer: &Reviewer<'_>,
) -> Statement {
    Statement::new(
        format!(
            "UPDATE review_items SET state = ?3, note = ?4, labels = ?5, \
               reviewed_by = iif(?3 = 'reviewed', ?6, NULL), \
               reviewed_at = iif(?3 = 'reviewed', ?7, NULL), \
               version = version + 1 \
             WHERE site_key = ?1 AND item_id = ?2 AND version = ?8 \
             RETURNING {COLUMNS}"
        ),
        vec![
            Param::text(site_key),
            Param::text(item_id),
            Param::text(review.state.as_str()),
            Param::opt_text(review.note.as_deref()),
            Param::Text(review.labels_json()),
            Param::text(reviewer.name),
            Param::Int(reviewer.at),
            Param::Int(i64::from(version)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_what_was_not_handed_out() {
        let cursor = ReviewCursor {
            opened_at: 1_800_000_000_000,
            item_id: "ev_1.x".into(),
        };
        assert_eq!(ReviewCursor::parse(&cursor.encode()), Ok(cursor));
        for bad in ["", "x.ev", "5", "5.", "5.a b"] {
            assert!(ReviewCursor::parse(bad).is_err(), "{bad}");
        }
    }
}
