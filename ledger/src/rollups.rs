//! The rollups of an ingest batch, kept once per batch (migration 0020).
//!
//! Every other path keeps the rollups by triggers, in the statement that
//! changes a row. An ingest batch of [`BRACKET_FROM`] events or more
//! instead brackets its writes: before them, the
//! rows it may change take their counts out of their buckets, summed per
//! bucket; while they run, the one row of `rollups_deferred` holds the
//! triggers back; after them, the same rows put their counts back as they
//! now are, and the buckets left with nothing are deleted. A bucket is
//! thus upserted once per batch, not once per row and trigger.
//!
//! The bracket is up to 14 statements whatever the batch's size, and every
//! statement costs the local stack about 20 µs; the triggers cost about
//! 17 µs an event natively (BENCHMARKS.md, "Fewer statements"). So a
//! smaller batch leaves its rollups to the triggers.
//!
//! The counts are the triggers' own (0010, 0017), and the native test
//! `ledger/tests/rollups.rs` holds every bucket to a recount from the rows
//! after random batches.

use std::collections::BTreeSet;

use crate::ingest::sender_may_write;
use crate::{Param, Statement};

/// The rows of one site a batch may change, and so whose counts move.
#[derive(Debug, Default, Clone)]
pub struct Touched<'a> {
    /// Conversations whose satisfaction figures or Compare values the
    /// batch may change: those with a satisfaction event, or a thumb on an
    /// agent's message (it hands the conversation over).
    pub conversations: BTreeSet<&'a str>,
    /// Messages whose thumb the batch may change: (conversation, message).
    pub messages: BTreeSet<(&'a str, &'a str)>,
}

/// The statements that bracket a batch's writes (none: the triggers keep
/// the rollups).
#[derive(Debug, Clone, Default)]
pub struct Bracket {
    /// Run before the writes: the counts out, and the triggers held back.
    pub before: Vec<Statement>,
    /// Run after them: the triggers free, the counts in, empty buckets gone.
    pub after: Vec<Statement>,
}

/// The fewest events a batch brackets; a smaller one leaves its rollups to
/// the triggers. Measured: with the bracket on every batch, batch 1 ran at
/// 0.91× and batch 20 at 1.18×.
pub const BRACKET_FROM: usize = 20;

/// Whether a statement takes counts out of their buckets or puts them in.
#[derive(Clone, Copy)]
enum Sign {
    Out,
    In,
}

impl Sign {
    fn sql(self) -> &'static str {
        match self {
            Sign::Out => "-",
            Sign::In => "",
        }
    }
}

/// The touched conversations (`?2`, a JSON array of ids) of site `?1`
/// that were offered the prompt, when the sender may write (its guard is
/// `?3`). Each is looked up by its key (`CROSS
/// JOIN` keeps the list outside: otherwise SQLite may scan the site's
/// offered conversations by `conversations_csat_cover`), and read once
/// for the statement's several uses (`MATERIALIZED`).
fn csat_rows() -> String {
    format!(
        "touched AS MATERIALIZED (SELECT c.* FROM json_each(?2) t \
     CROSS JOIN conversations c ON c.site_key = ?1 AND c.conversation_id = t.value \
     WHERE c.csat_offered_at IS NOT NULL AND {guard})",
        guard = sender_may_write(3)
    )
}

/// The touched messages (`?2`, a JSON array of `[conversation, message]`)
/// of site `?1` whose thumb is up or down, each looked up by its key, when
/// the sender may write (its guard is `?3`).
fn thumb_rows() -> String {
    format!(
        "touched AS MATERIALIZED (SELECT r.* FROM json_each(?2) t \
     CROSS JOIN message_ratings r ON r.site_key = ?1 \
       AND r.conversation_id = json_extract(t.value, '$[0]') \
       AND r.message_id = json_extract(t.value, '$[1]') \
     WHERE r.rating IN ('up', 'down') AND {guard})",
        guard = sender_may_write(3)
    )
}

/// 0010's CSAT counts of the touched conversations, per bucket.
fn csat(sign: Sign) -> String {
    let s = sign.sql();
    format!(
        "WITH {} \
         INSERT INTO csat_rollups (site_key, bucket_ms, offered, accepted, denied, completed, \
           score_1, score_2, score_3, score_4, score_5) \
         SELECT ?1, (csat_offered_at / 900000) * 900000, {s}count(*), \
           {s}sum(csat_score IS NOT NULL), \
           {s}sum(csat_dismissed_at IS NOT NULL AND csat_score IS NULL), {s}sum(csat_completed), \
           {s}sum(csat_score IS 1), {s}sum(csat_score IS 2), {s}sum(csat_score IS 3), \
           {s}sum(csat_score IS 4), {s}sum(csat_score IS 5) \
         FROM touched WHERE true GROUP BY 2 \
         ON CONFLICT (site_key, bucket_ms) DO UPDATE SET \
           offered = offered + excluded.offered, accepted = accepted + excluded.accepted, \
           denied = denied + excluded.denied, completed = completed + excluded.completed, \
           score_1 = score_1 + excluded.score_1, score_2 = score_2 + excluded.score_2, \
           score_3 = score_3 + excluded.score_3, score_4 = score_4 + excluded.score_4, \
           score_5 = score_5 + excluded.score_5",
        csat_rows()
    )
}

/// 0017's CSAT Compare counts of the touched conversations, per
/// dimension, value and bucket.
fn csat_compare(sign: Sign) -> String {
    let s = sign.sql();
    format!(
        "WITH {}, {} \
         INSERT INTO csat_compare_rollups \
           (site_key, dimension, value, bucket_ms, offered, answered, score_sum, positive, negative) \
         SELECT ?1, dimension, value, (o / 900000) * 900000, {s}count(*), \
           {s}sum(score IS NOT NULL), {s}sum(coalesce(score, 0)), \
           {s}sum(coalesce(score >= 4, 0)), {s}sum(coalesce(score <= 2, 0)) \
         FROM d WHERE true GROUP BY 2, 3, 4 \
         ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET \
           offered = offered + excluded.offered, answered = answered + excluded.answered, \
           score_sum = score_sum + excluded.score_sum, positive = positive + excluded.positive, \
           negative = negative + excluded.negative",
        csat_rows(),
        dimensions(
            [("csat_offered_at", "o"), ("csat_score", "score")],
            "context",
            "iif(handed_over, 'agent', 'assistant')"
        )
    )
}

/// 0010's thumb counts of the touched messages, per bucket.
fn thumbs(sign: Sign) -> String {
    let s = sign.sql();
    format!(
        "WITH {} \
         INSERT INTO thumb_rollups (site_key, bucket_ms, up, down) \
         SELECT ?1, (at / 900000) * 900000, {s}sum(rating = 'up'), {s}sum(rating = 'down') \
         FROM touched WHERE true GROUP BY 2 \
         ON CONFLICT (site_key, bucket_ms) DO UPDATE SET \
           up = up + excluded.up, down = down + excluded.down",
        thumb_rows()
    )
}

/// 0017's thumb Compare counts of the touched messages, per dimension,
/// value and bucket.
fn thumb_compare(sign: Sign) -> String {
    let s = sign.sql();
    format!(
        "WITH {}, {} \
         INSERT INTO thumb_compare_rollups (site_key, dimension, value, bucket_ms, up, down) \
         SELECT ?1, dimension, value, (at / 900000) * 900000, \
           {s}sum(rating = 'up'), {s}sum(rating = 'down') \
         FROM d WHERE true GROUP BY 2, 3, 4 \
         ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET \
           up = up + excluded.up, down = down + excluded.down",
        thumb_rows(),
        dimensions([("at", "at"), ("rating", "rating")], "meta", "role")
    )
}

/// 0017's dimensions of the touched rows as the table `d`, one row per
/// row and dimension: each key of the JSON column `json` (but those ending
/// in `_id`), the locale, the page where there is one, and the role
/// (`role`, an SQL expression on the row); each with the columns a count
/// needs (`carried`, each with the name it has in `d`).
fn dimensions(carried: [(&str, &str); 2], json: &str, role: &str) -> String {
    let [(first, first_as), (second, second_as)] = carried;
    format!(
        "d AS ( \
           SELECT t.{first} AS {first_as}, t.{second} AS {second_as}, \
             'key:' || j.key AS dimension, CAST(j.value AS TEXT) AS value \
             FROM touched t, json_each(t.{json}) j WHERE substr(j.key, -3) <> '_id' \
           UNION ALL SELECT {first}, {second}, 'locale', locale FROM touched \
           UNION ALL SELECT {first}, {second}, 'page', page FROM touched WHERE page IS NOT NULL \
           UNION ALL SELECT {first}, {second}, 'role', {role} FROM touched)"
    )
}

/// Holds the rollup triggers back until [`RELEASE`], in this transaction,
/// when the sender may write (its guard is `?2`): a refused server's batch
/// writes nothing, and its triggers would have nothing to count.
fn hold() -> String {
    format!(
        "INSERT INTO rollups_deferred (deferred) SELECT 1 WHERE {}",
        sender_may_write(2)
    )
}

/// Lets the rollup triggers run again.
const RELEASE: &str = "DELETE FROM rollups_deferred";

/// The buckets of site `?1` left with nothing (each found by its table's
/// partial index of empty buckets).
const EMPTIED: [&str; 4] = [
    "DELETE FROM csat_rollups WHERE site_key = ?1 AND offered = 0",
    "DELETE FROM csat_compare_rollups WHERE site_key = ?1 AND offered = 0",
    "DELETE FROM thumb_rollups WHERE site_key = ?1 AND up = 0 AND down = 0",
    "DELETE FROM thumb_compare_rollups WHERE site_key = ?1 AND up = 0 AND down = 0",
];

/// A JSON array of the conversations.
fn conversation_list(conversations: &BTreeSet<&str>) -> Param {
    // A list of strings always serializes.
    Param::Text(serde_json::to_string(conversations).unwrap_or_else(|_| "[]".into()))
}

/// A JSON array of `[conversation, message]` pairs.
fn message_list(messages: &BTreeSet<(&str, &str)>) -> Param {
    // A list of pairs of strings always serializes.
    Param::Text(serde_json::to_string(messages).unwrap_or_else(|_| "[]".into()))
}

impl Touched<'_> {
    /// The statements around the batch's writes for site `site_key`;
    /// both empty when it touches nothing counted. `guard` is the
    /// sender's ([`crate::ingest`]: NULL for a page, the presented
    /// secret's hash for a server): where it is refused, no statement of
    /// the bracket writes.
    pub fn bracket(&self, site_key: &str, guard: Param) -> Bracket {
        if self.conversations.is_empty() && self.messages.is_empty() {
            return Bracket::default();
        }
        let site = || Param::text(site_key);
        let counts = |sign: Sign| {
            let mut statements = Vec::with_capacity(4);
            if !self.conversations.is_empty() {
                let list = conversation_list(&self.conversations);
                let params = vec![site(), list, guard.clone()];
                statements.push(Statement::new(csat(sign), params.clone()));
                statements.push(Statement::new(csat_compare(sign), params));
            }
            if !self.messages.is_empty() {
                let list = message_list(&self.messages);
                let params = vec![site(), list, guard.clone()];
                statements.push(Statement::new(thumbs(sign), params.clone()));
                statements.push(Statement::new(thumb_compare(sign), params));
            }
            statements
        };
        let mut before = counts(Sign::Out);
        before.push(Statement::new(hold(), vec![site(), guard.clone()]));
        let mut after = vec![Statement::new(RELEASE, Vec::new())];
        after.extend(counts(Sign::In));
        after.extend(EMPTIED.iter().map(|sql| Statement::new(*sql, vec![site()])));
        Bracket { before, after }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_that_touches_nothing_counted_is_not_bracketed() {
        let bracket = Touched::default().bracket("pk_a", Param::Null);
        assert!(bracket.before.is_empty() && bracket.after.is_empty());
    }

    #[test]
    fn only_the_tables_a_batch_touches_are_counted() {
        let touched = Touched {
            messages: BTreeSet::from([("c1", "m1")]),
            ..Touched::default()
        };
        let bracket = touched.bracket("pk_a", Param::Null);
        let sql: Vec<&str> = bracket.before.iter().map(|s| s.sql.as_str()).collect();
        assert_eq!(sql.len(), 3, "{sql:?}");
        assert!(sql.iter().all(|sql| !sql.contains("conversations c")));
        assert_eq!(bracket.before.last().map(|s| s.sql.clone()), Some(hold()));
        assert_eq!(bracket.after.first().map(|s| s.sql.as_str()), Some(RELEASE));
        assert_eq!(
            bracket.before[0].params[1],
            Param::Text(r#"[["c1","m1"]]"#.into())
        );
    }
}
