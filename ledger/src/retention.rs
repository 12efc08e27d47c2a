//! The daily retention sweep's statements: what is older than each site's
//! `retention_days` goes. Conversations go whole (with their thumbs and
//! CSAT) once their latest activity is older; raw events go by time;
//! thumbs and events whose conversation is gone go too, so no shopper text
//! outlives its conversation; records of failed webhook deliveries go by
//! when they failed, and the outbox's rows a day after they were queued
//! or once their event is gone. A site whose stored settings cannot be
//! read is skipped (see [`SKIPPED`]), and the others are still swept.
//!
//! Text has a shorter life of its own where the site sets one
//! (`text_retention_days`, #32): past it, [`text_statements`] blank a
//! thumb's question, answer and reason and a satisfaction answer's
//! comment, in the rows and in the raw events, and keep the ratings and
//! scores. A site whose settings have none keeps text as long as the rest.

/// Rows deleted per statement, so one sweep never holds the writer long.
pub const CHUNK: u32 = 5_000;

/// Each site's retention in days from its stored settings (alias `s`):
/// 365 when unset; `NULL`, which skips the site, when the settings are not
/// a JSON object or `retention_days` is not a whole number of days in the
/// range `SiteConfig` allows. (`CASE` stops at the first match, so
/// `json_type` never meets text that is not JSON.)
pub(crate) const RETENTION_DAYS: &str = "CASE \
       WHEN json_valid(s.config) = 0 THEN NULL \
       WHEN json_type(s.config) IS NOT 'object' THEN NULL \
       WHEN json_type(s.config, '$.retention_days') IS NULL THEN 365 \
       WHEN json_type(s.config, '$.retention_days') = 'integer' \
         AND json_extract(s.config, '$.retention_days') BETWEEN 1 AND 3650 \
         THEN json_extract(s.config, '$.retention_days') \
     END";

/// Per site, the time (`?1` is now) before which its data goes: `NULL`
/// for skipped sites, and every comparison with it is then false.
fn kept() -> String {
    format!(
        "WITH kept AS (SELECT s.site_key, ?1 - ({RETENTION_DAYS}) * 86400000 AS cutoff FROM sites s)"
    )
}

/// Each site's text retention in days (alias `s`): `NULL`, which keeps
/// text as long as the rest, when the settings have none (sites from
/// before it existed), or are not an object, or hold something other than
/// a whole number in the range `SiteConfig` allows.
pub(crate) const TEXT_RETENTION_DAYS: &str = "CASE \
       WHEN json_valid(s.config) = 0 THEN NULL \
       WHEN json_type(s.config) IS NOT 'object' THEN NULL \
       WHEN json_type(s.config, '$.text_retention_days') = 'integer' \
         AND json_extract(s.config, '$.text_retention_days') BETWEEN 1 AND 3650 \
         THEN json_extract(s.config, '$.text_retention_days') \
     END";

/// The columns that hold a shopper's or an assistant's text, by table,
/// with the time past which the sweep blanks them: a thumb's reason,
/// question and answer, and a satisfaction answer's comment. D1's rows
/// ([`text_statements`]) and archived chunks ([`blank_text`]) are blanked
/// from this one list.
pub const TEXT_COLUMNS: [(&str, &str, &[&str]); 2] = [
    ("message_ratings", "at", &["reason", "question", "answer"]),
    ("conversations", "last_at", &["csat_comment"]),
];

/// The raw events that carry text, and the fields of their body that
/// hold it.
pub const TEXT_EVENTS: (&[&str], &[&str]) = (
    &["message_feedback", "csat_response"],
    &["question", "answer", "reason", "comment"],
);

/// The text statements' blanking, each bound to `?1` = now (unix ms), each
/// blanking at most [`CHUNK`] rows that still hold text; run each until it
/// blanks fewer.
pub fn text_statements() -> Vec<String> {
    let kept = format!(
        "WITH text_kept AS (SELECT s.site_key, ?1 - ({TEXT_RETENTION_DAYS}) * 86400000 AS cutoff \
         FROM sites s)"
    );
    let mut statements: Vec<String> = TEXT_COLUMNS
        .iter()
        .map(|(table, time, columns)| {
            let blank: Vec<String> = columns.iter().map(|c| format!("{c} = NULL")).collect();
            let held: Vec<String> = columns
                .iter()
                .map(|c| format!("x.{c} IS NOT NULL"))
                .collect();
            format!(
                "{kept} UPDATE {table} SET {} WHERE rowid IN (SELECT x.rowid FROM {table} x \
                 JOIN text_kept k ON k.site_key = x.site_key \
                 WHERE x.{time} < k.cutoff AND ({}) LIMIT {CHUNK})",
                blank.join(", "),
                held.join(" OR ")
            )
        })
        .collect();
    let (types, fields) = TEXT_EVENTS;
    let types: Vec<String> = types.iter().map(|t| format!("'{t}'")).collect();
    let paths: Vec<String> = fields.iter().map(|f| format!("'$.{f}'")).collect();
    let held: Vec<String> = fields
        .iter()
        .map(|f| format!("json_type(e.body, '$.{f}') IS NOT NULL"))
        .collect();
    statements.push(format!(
        "{kept} UPDATE events SET body = json_remove(body, {}) \
         WHERE rowid IN (SELECT e.rowid FROM events e \
         JOIN text_kept k ON k.site_key = e.site_key \
         WHERE e.at < k.cutoff AND e.type IN ({}) AND ({}) LIMIT {CHUNK})",
        paths.join(", "),
        types.join(", "),
        held.join(" OR ")
    ));
    statements
}

/// Blanks the text of one archived row of `table` (its columns, without
/// `site_key`), as [`text_statements`] blank D1's: whether it held any.
pub fn blank_text(table: &str, row: &mut serde_json::Map<String, serde_json::Value>) -> bool {
    use serde_json::Value;
    let mut changed = false;
    if let Some((_, _, columns)) = TEXT_COLUMNS.iter().find(|(name, _, _)| *name == table) {
        for column in columns.iter() {
            if let Some(value) = row.get_mut(*column)
                && !value.is_null()
            {
                *value = Value::Null;
                changed = true;
            }
        }
        return changed;
    }
    let (types, fields) = TEXT_EVENTS;
    let carries = row
        .get("type")
        .and_then(Value::as_str)
        .is_some_and(|kind| types.contains(&kind));
    if table != "events" || !carries {
        return false;
    }
    let Some(Value::String(body)) = row.get("body") else {
        return false;
    };
    let Ok(Value::Object(mut fields_of)) = serde_json::from_str::<Value>(body) else {
        return false;
    };
    for field in fields {
        changed |= fields_of.remove(*field).is_some();
    }
    if changed {
        row.insert(
            "body".into(),
            Value::String(Value::Object(fields_of).to_string()),
        );
    }
    changed
}

/// The sweep's deletes, each bound to `?1` = now (unix ms), each deleting
/// at most [`CHUNK`] rows; run each until it deletes fewer.
pub fn statements() -> [String; 5] {
    let kept = kept();
    [
        // Thumbs (with their reasons and excerpts) whose conversation
        // expired or is gone.
        format!(
            "{kept} DELETE FROM message_ratings WHERE rowid IN (SELECT m.rowid FROM message_ratings m \
             JOIN kept k ON k.site_key = m.site_key \
             WHERE k.cutoff IS NOT NULL AND NOT EXISTS (SELECT 1 FROM conversations x \
               WHERE x.site_key = m.site_key AND x.conversation_id = m.conversation_id \
                 AND x.last_at >= k.cutoff) \
             LIMIT {CHUNK})"
        ),
        format!(
            "{kept} DELETE FROM conversations WHERE rowid IN (SELECT x.rowid FROM conversations x \
             JOIN kept k ON k.site_key = x.site_key WHERE x.last_at < k.cutoff LIMIT {CHUNK})"
        ),
        // Raw events by their own time, and any whose conversation is gone.
        format!(
            "{kept} DELETE FROM events WHERE rowid IN (SELECT e.rowid FROM events e \
             JOIN kept k ON k.site_key = e.site_key \
             WHERE k.cutoff IS NOT NULL AND (e.at < k.cutoff OR NOT EXISTS (SELECT 1 FROM \
               conversations x WHERE x.site_key = e.site_key AND x.conversation_id = e.conversation_id)) \
             LIMIT {CHUNK})"
        ),
        // Records of failed webhook deliveries, by when they failed, and
        // those of sites that are gone.
        format!(
            "{kept} DELETE FROM webhook_failures WHERE rowid IN (SELECT w.rowid FROM webhook_failures w \
             LEFT JOIN kept k ON k.site_key = w.site_key \
             WHERE k.site_key IS NULL OR w.failed_at < k.cutoff LIMIT {CHUNK})"
        ),
        // Webhook deliveries owed: a day after they were queued, or once
        // their event is gone (erased, expired).
        format!(
            "DELETE FROM webhook_outbox WHERE rowid IN (SELECT o.rowid FROM webhook_outbox o \
             WHERE o.queued_at < ?1 - 86400000 OR NOT EXISTS (SELECT 1 FROM events e \
               WHERE e.site_key = o.site_key AND e.event_id = o.event_id) LIMIT {CHUNK})"
        ),
    ]
}

/// The sites the sweep skips (`site_key`), at most `?1` of them.
pub fn skipped() -> String {
    format!("SELECT s.site_key FROM sites s WHERE ({RETENTION_DAYS}) IS NULL LIMIT ?1")
}
