//! Alerts (#31 §3): what the scheduled run reads and writes. One read
//! gives every rule of every site in a database with its figures over its
//! window (from the rollups, and the review items of the last hour) and
//! what the last run found; a change is written with the alert it owes in
//! one statement (migration 0019), and cleared from `owed` once queued.

use crate::{Param, Statement};

/// A rule's state key for the daily digest (no rule is this JSON).
pub const DIGEST: &str = "digest";

/// The rules of every site in the database, one row each: `site_key`,
/// `rule` (its JSON, as the settings hold it), `kind`, `amount` and
/// `count` (👎s of ratings, score sum of answers, open items twice) over
/// the rule's window ending at `now`, and `holding` as the last run left
/// it (`NULL` for never).
///
/// A rule's window is the 15-minute buckets that overlap its last
/// `hours` hours, the current one included; "open items" counts the
/// items opened in the last hour that are open now.
pub fn evaluate(now: i64) -> Statement {
    let sql = "WITH rules AS ( \
           SELECT s.site_key, r.value AS rule, json_extract(r.value, '$.kind') AS kind, \
             coalesce(json_extract(r.value, '$.hours'), 1) * 3600000 AS span \
           FROM sites s, json_each(s.config, '$.alerts.rules') r \
         ), figures AS ( \
           SELECT rules.site_key, rules.rule, rules.kind, \
             coalesce(sum(t.down), 0) AS amount, coalesce(sum(t.up + t.down), 0) AS count \
           FROM rules LEFT JOIN thumb_rollups t \
             ON t.site_key = rules.site_key AND t.bucket_ms > ?1 - rules.span - 900000 \
           WHERE rules.kind = 'thumbs_down_share' GROUP BY rules.site_key, rules.rule \
           UNION ALL \
           SELECT rules.site_key, rules.rule, rules.kind, \
             coalesce(sum(c.score_1 + 2 * c.score_2 + 3 * c.score_3 + 4 * c.score_4 \
               + 5 * c.score_5), 0), coalesce(sum(c.accepted), 0) \
           FROM rules LEFT JOIN csat_rollups c \
             ON c.site_key = rules.site_key AND c.bucket_ms > ?1 - rules.span - 900000 \
           WHERE rules.kind = 'csat_below' GROUP BY rules.site_key, rules.rule \
           UNION ALL \
           SELECT rules.site_key, rules.rule, rules.kind, count(i.item_id), count(i.item_id) \
           FROM rules LEFT JOIN review_items i \
             ON i.site_key = rules.site_key AND i.state = 'open' AND i.opened_at > ?1 - 3600000 \
           WHERE rules.kind = 'open_items' GROUP BY rules.site_key, rules.rule \
         ) \
         SELECT f.site_key, f.rule, f.kind, f.amount, f.count, a.holding \
         FROM figures f LEFT JOIN alert_states a ON a.site_key = f.site_key AND a.rule = f.rule \
         ORDER BY f.site_key, f.rule";
    Statement::new(sql, vec![Param::Int(now)])
}

/// What one run found of a rule that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change<'a> {
    /// The site.
    pub site_key: &'a str,
    /// The rule's JSON, as [`evaluate`] read it.
    pub rule: &'a str,
    /// Whether the last run found it holding.
    pub was_holding: bool,
    /// Whether it holds now.
    pub holds: bool,
    /// When, unix ms.
    pub at: i64,
    /// The alert owed, as JSON; `None` where another database owes it
    /// (a moving site's new one keeps the state alone).
    pub owed: Option<&'a str>,
}

/// Writes `change` and the alert it owes, unless another run already
/// wrote this change (its state is no longer `was_holding`): then it
/// changes nothing, and the alert is owed once. An earlier alert still
/// owed and not claimed is the opposite news (a firing never sent, now
/// resolved): the two cancel, and nothing is owed. One a run is queueing
/// now stays its to send, and this one is owed after it.
pub fn record(change: &Change<'_>) -> Statement {
    Statement::new(
        "INSERT INTO alert_states (site_key, rule, holding, since, owed) \
         SELECT ?1, ?2, ?3, ?4, ?5 \
         WHERE coalesce((SELECT holding FROM alert_states WHERE site_key = ?1 AND rule = ?2), 0) = ?6 \
         ON CONFLICT (site_key, rule) DO UPDATE SET holding = excluded.holding, \
           since = excluded.since, \
           owed = iif(alert_states.owed IS NOT NULL AND alert_states.claim IS NULL, \
             NULL, excluded.owed), \
           claim = NULL, claimed_at = NULL \
         WHERE alert_states.holding = ?6",
        vec![
            Param::text(change.site_key),
            Param::text(change.rule),
            Param::Int(i64::from(change.holds)),
            Param::Int(change.at),
            Param::opt_text(change.owed),
            Param::Int(i64::from(change.was_holding)),
        ],
    )
}

/// How long a claim on an owed alert holds.
pub const CLAIM_MS: i64 = 60_000;

/// Claims every alert (and digest) owed, not yet queued and not claimed
/// by another run in the last minute, for the run holding `token`:
/// `site_key`, `rule`, `owed` of each.
pub fn claim_owed(token: &str, now: i64) -> Statement {
    Statement::new(
        "UPDATE alert_states SET claim = ?1, claimed_at = ?2 \
         WHERE owed IS NOT NULL AND (claim IS NULL OR claimed_at <= ?2 - ?3) \
         RETURNING site_key, rule, owed",
        vec![Param::text(token), Param::Int(now), Param::Int(CLAIM_MS)],
    )
}

/// `owed` is queued by the run holding `token`: clears it, unless a
/// newer one took its place or the claim lapsed to another run.
pub fn queued(site_key: &str, rule: &str, owed: &str, token: &str) -> Statement {
    Statement::new(
        "UPDATE alert_states SET owed = NULL, claim = NULL, claimed_at = NULL \
         WHERE site_key = ?1 AND rule = ?2 AND owed = ?3 AND claim = ?4",
        vec![
            Param::text(site_key),
            Param::text(rule),
            Param::text(owed),
            Param::text(token),
        ],
    )
}

/// The sites that want the daily digest: `site_key`, `time_zone` (`NULL`
/// for UTC), `store_text` and `last_sent` (unix ms, `NULL` for never).
pub fn digests() -> Statement {
    Statement::new(
        format!(
            "SELECT s.site_key, json_extract(s.config, '$.time_zone') AS time_zone, \
               coalesce(json_extract(s.config, '$.store_text'), 0) AS store_text, \
               a.since AS last_sent \
             FROM sites s LEFT JOIN alert_states a ON a.site_key = s.site_key AND a.rule = '{DIGEST}' \
             WHERE json_extract(s.config, '$.alerts.daily_digest') = 1 \
               AND json_extract(s.config, '$.alerts.chat_url') IS NOT NULL"
        ),
        Vec::new(),
    )
}

/// Records that `site_key`'s digest goes out at `at`, with the message
/// owed, unless another run already sent one since `last_sent` (then it
/// changes nothing).
pub fn record_digest(site_key: &str, last_sent: Option<i64>, at: i64, message: &str) -> Statement {
    Statement::new(
        format!(
            "INSERT INTO alert_states (site_key, rule, holding, since, owed) \
             SELECT ?1, '{DIGEST}', 0, ?2, ?3 \
             WHERE (SELECT since FROM alert_states WHERE site_key = ?1 AND rule = '{DIGEST}') IS ?4 \
             ON CONFLICT (site_key, rule) DO UPDATE SET since = excluded.since, \
               owed = excluded.owed, claim = NULL, claimed_at = NULL \
             WHERE alert_states.since IS ?4"
        ),
        vec![
            Param::text(site_key),
            Param::Int(at),
            Param::text(message),
            last_sent.map_or(Param::Null, Param::Int),
        ],
    )
}

/// Forgets the state of rules a site no longer has (nothing is owed for
/// them; a rule removed while it held is not resolved).
pub fn forget() -> Statement {
    Statement::new(
        format!(
            "DELETE FROM alert_states WHERE rule <> '{DIGEST}' AND owed IS NULL \
             AND NOT EXISTS (SELECT 1 FROM sites s, json_each(s.config, '$.alerts.rules') r \
               WHERE s.site_key = alert_states.site_key AND r.value = alert_states.rule)"
        ),
        Vec::new(),
    )
}
