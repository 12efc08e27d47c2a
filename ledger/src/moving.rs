//! Moving a site to another database (`cargo xtask site move`): every
//! table its rows live in, with every column, and what the copy does when
//! the new database already holds a row with the same key. Feedback that
//! arrives during the move is written to both databases by ingest, so the
//! copy meets it with ingest's own rules (`ingest`, `ratings`): then the
//! copy and those writes end in the same state, whichever lands first.
//! The rollups are not among the tables: the new database's triggers keep
//! its own as the rows arrive. A test reads the migrations and fails when
//! a table or column with a site's rows is missing here.

use crate::ingest::{WIDEN_SPAN, newer_answer};
use crate::ratings;

/// What the copy does when the new database already has a row with the
/// same key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Merge {
    /// Keep the row there. For what the owner writes: refused during the
    /// move, so the old database's rows do not change while they are copied.
    Keep,
    /// No key: insert the row unless an identical one is there.
    Absent,
    /// `ON CONFLICT (…) DO UPDATE SET …`: the rule ingest follows.
    Update(String),
}

/// One table of a site's rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// Its name.
    pub name: &'static str,
    /// The key after `site_key`, for paging; empty for `rowid`.
    pub key: &'static [&'static str],
    /// Every column but `site_key`.
    pub columns: Vec<&'static str>,
    /// What a copied row does to one already there.
    pub merge: Merge,
}

impl Table {
    /// The clause an `INSERT` of copied rows ends with (empty for
    /// [`Merge::Absent`], whose inserts check for an identical row).
    pub fn on_conflict(&self) -> String {
        match &self.merge {
            Merge::Keep => "ON CONFLICT DO NOTHING".to_string(),
            Merge::Update(rule) => rule.clone(),
            Merge::Absent => String::new(),
        }
    }
}

/// Whether a copied conversation (`excluded`) holds a later CSAT answer
/// than the row: ingest's order (received, then event time, then id).
fn newer_copied_answer() -> String {
    format!(
        "(excluded.csat_received_at IS NOT NULL AND {})",
        newer_answer(
            "excluded.csat_received_at",
            "excluded.csat_at",
            "excluded.csat_event_id"
        )
    )
}

/// A conversation copied onto the one the new database built from the
/// feedback of the move so far: spans widen ([`WIDEN_SPAN`]); first
/// times and the copy version are the earliest seen (the old database saw
/// every event, so its locale and first answers stand); the latest answer
/// received wins; its context, page and whether it was handed over are the
/// old database's, which saw every event. Thumbs are counted afresh afterwards
/// (`ingest::recount_thumbs`). (`iif`, not `CASE … END`: wrangler splits a
/// file of statements at `;` but takes `END` for the end of a trigger's
/// body.)
fn conversation_merge() -> String {
    let newer = newer_copied_answer();
    let latest = |column: &str| format!("{column} = iif({newer}, excluded.{column}, {column})");
    let earliest = |column: &str| {
        format!(
            "{column} = coalesce(min({column}, excluded.{column}), {column}, excluded.{column})"
        )
    };
    let sets = [
        WIDEN_SPAN.to_string(),
        "locale = excluded.locale".to_string(),
        earliest("csat_offered_at"),
        earliest("csat_dismissed_at"),
        earliest("csat_answered_at"),
        "csat_completed = max(csat_completed, excluded.csat_completed)".to_string(),
        format!(
            "csat_mode = iif({newer}, excluded.csat_mode, \
             iif(csat_received_at IS NULL, coalesce(excluded.csat_mode, csat_mode), csat_mode))"
        ),
        latest("csat_score"),
        latest("csat_comment"),
        latest("csat_at"),
        latest("csat_event_id"),
        latest("csat_received_at"),
        "csat_copy_locale = iif(excluded.csat_copy_version IS NOT NULL, \
         excluded.csat_copy_locale, csat_copy_locale)"
            .to_string(),
        "csat_copy_version = coalesce(excluded.csat_copy_version, csat_copy_version)".to_string(),
        "handed_over = max(handed_over, excluded.handed_over)".to_string(),
        "context = iif(excluded.context <> '{}', excluded.context, context)".to_string(),
        "page = coalesce(excluded.page, page)".to_string(),
    ];
    format!(
        "ON CONFLICT (site_key, conversation_id) DO UPDATE SET {}",
        sets.join(", ")
    )
}

/// A site's tables, in the order they are copied: the owner's first, then
/// the feedback; thumbs before the conversations that count them.
pub fn tables() -> Vec<Table> {
    let mut rating_columns = vec!["conversation_id", "event_id"];
    rating_columns.extend(ratings::names());
    vec![
        Table {
            name: "sites",
            key: &[],
            columns: vec![
                "secret_hash",
                "created_at",
                "config",
                "config_updated_at",
                "webhook_secret",
                "settings_etag",
            ],
            merge: Merge::Keep,
        },
        Table {
            name: "site_origins",
            key: &["origin"],
            columns: vec!["origin"],
            merge: Merge::Keep,
        },
        Table {
            name: "site_keys",
            key: &["key_id"],
            columns: vec![
                "key_id",
                "name",
                "scope",
                "secret_hash",
                "created_at",
                "revoked_at",
            ],
            merge: Merge::Keep,
        },
        Table {
            name: "settings_audit",
            key: &[],
            columns: vec!["at", "actor", "action", "changes"],
            merge: Merge::Absent,
        },
        Table {
            name: "site_copy",
            key: &["locale"],
            columns: vec!["locale", "ftl", "updated_at"],
            merge: Merge::Keep,
        },
        Table {
            name: "site_copy_versions",
            key: &["locale", "version"],
            columns: vec!["locale", "version", "ftl", "saved_at", "saved_by"],
            merge: Merge::Keep,
        },
        Table {
            name: "webhook_failures",
            key: &[],
            columns: vec!["queued_at", "failed_at", "event_ids"],
            merge: Merge::Absent,
        },
        Table {
            name: "webhook_outbox",
            key: &["event_id"],
            // A delivery still owed is owed in the new database too (its
            // sweep queues it); one queued stays queued.
            columns: vec!["event_id", "stored_at", "claim", "claimed_at", "queued_at"],
            merge: Merge::Keep,
        },
        Table {
            name: "events",
            key: &["event_id"],
            columns: vec![
                "event_id",
                "type",
                "conversation_id",
                "at",
                "received_at",
                "locale",
                "body",
            ],
            // When the collector first received it.
            merge: Merge::Update(
                "ON CONFLICT (site_key, event_id) DO UPDATE SET \
                 received_at = min(received_at, excluded.received_at)"
                    .to_string(),
            ),
        },
        Table {
            name: "message_ratings",
            key: &["conversation_id", "message_id"],
            columns: rating_columns,
            // The latest thumb by event time, then id (`ratings`).
            merge: Merge::Update(ratings::on_conflict()),
        },
        Table {
            name: "conversations",
            key: &["conversation_id"],
            columns: vec![
                "conversation_id",
                "first_at",
                "last_at",
                "locale",
                "csat_mode",
                "csat_offered_at",
                "csat_dismissed_at",
                "csat_answered_at",
                "csat_score",
                "csat_comment",
                "csat_completed",
                "csat_at",
                "csat_event_id",
                "csat_received_at",
                "csat_copy_locale",
                "csat_copy_version",
                "thumbs_up",
                "thumbs_down",
                "handed_over",
                "context",
                "page",
            ],
            merge: Merge::Update(conversation_merge()),
        },
        Table {
            name: "review_items",
            key: &["conversation_id", "message_id"],
            columns: vec![
                "conversation_id",
                "message_id",
                "item_id",
                "opened_at",
                "state",
                "note",
                "labels",
                "reviewed_by",
                "reviewed_at",
                "version",
            ],
            // After the thumbs and conversations, whose triggers opened
            // the new database's items: the old database's review stands
            // (reviews are refused during the move).
            merge: Merge::Update(
                "ON CONFLICT (site_key, conversation_id, message_id) DO UPDATE SET \
                 item_id = excluded.item_id, opened_at = excluded.opened_at, \
                 state = excluded.state, note = excluded.note, labels = excluded.labels, \
                 reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at, \
                 version = excluded.version"
                    .to_string(),
            ),
        },
        // Where the site's cold conversations are in R2: the objects stay
        // where they are (one bucket serves every database), and the new
        // database points at them.
        Table {
            name: "archive_chunks",
            key: &["day", "chunk"],
            columns: vec![
                "day",
                "chunk",
                "state",
                "rows",
                "bytes",
                "sha256",
                "first_at",
                "last_at",
                "written_at",
                "text_blanked",
            ],
            merge: Merge::Keep,
        },
        Table {
            name: "archive_days",
            key: &["day"],
            columns: vec!["day", "last_chunk"],
            merge: Merge::Keep,
        },
        Table {
            name: "archived_conversations",
            key: &["conversation_id", "day", "chunk"],
            columns: vec!["conversation_id", "day", "chunk", "erased"],
            merge: Merge::Keep,
        },
        Table {
            name: "alert_states",
            key: &["rule"],
            columns: vec!["rule", "holding", "since", "owed", "claim", "claimed_at"],
            // The old database's scheduled runs judged the rules until
            // now: its states stand, so a firing alert resolves once from
            // the new one rather than firing again.
            merge: Merge::Update(
                "ON CONFLICT (site_key, rule) DO UPDATE SET holding = excluded.holding, \
                 since = excluded.since, owed = excluded.owed, claim = excluded.claim, \
                 claimed_at = excluded.claimed_at"
                    .to_string(),
            ),
        },
    ]
}

/// The thumbs of `site`'s conversations listed in `ids` (SQL literals),
/// counted from the thumbs the new database holds, as ingest counts them.
pub fn recount_thumbs(site: &str, ids: &str) -> String {
    crate::ingest::recount_thumbs(&format!("site_key = {site} AND conversation_id IN ({ids})"))
}
