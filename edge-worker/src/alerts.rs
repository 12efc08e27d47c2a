//! Alerts (#31 §3) on the scheduled trigger, every 15 minutes
//! ([`CRON`]): each database's rules are judged in one read
//! (`ledger::alerts::evaluate`); a rule that started or stopped holding is
//! written with the alert it owes (`analytics::alerts::news`), and what
//! is owed is queued on the webhook queue, with its retries and dead
//! letters: to the site's signed webhook as `{"site_key", "alert"}` when
//! the site sends alerts there, and to its chat-ops URL in Slack's format.

use std::collections::BTreeMap;

use analytics::alerts::{Figures, chat_message, judge, news};
use ledger::alerts::Change;
use protocol::alerts::{Alert, AlertBody, AlertRule};
use serde::Deserialize;
use worker::{D1Database, Env, Result, console_error, console_warn};

use crate::sites::Site;
use crate::store::{self, bind, busy};
use crate::webhook::{Delivery, QUEUE, Target};

/// The cron trigger alerts are judged on (in `wrangler.toml`'s `[triggers]`).
pub const CRON: &str = "*/15 * * * *";

/// One rule as `ledger::alerts::evaluate` reads it.
#[derive(Deserialize)]
struct RuleRow {
    site_key: String,
    rule: String,
    amount: f64,
    count: f64,
    holding: Option<f64>,
}

/// A site that wants the daily digest, as `ledger::alerts::digests` reads it.
#[derive(Deserialize)]
struct DigestRow {
    site_key: String,
    time_zone: Option<String>,
    store_text: f64,
    last_sent: Option<f64>,
}

/// Thumbs-downs read for the digest's gaps (the gaps route reads 5,000).
const DIGEST_DOWNVOTES: u32 = 1_000;

/// Writes the digest of every site in `db` whose 09:00 has come today and
/// that has none yet: how many. A site that fails is logged and left for
/// the next run.
async fn digests(env: &Env, db: &D1Database, db_name: &str, now: i64) -> Result<usize> {
    let sites = busy::all(&bind(db, &ledger::alerts::digests())?)
        .await?
        .results::<DigestRow>()?;
    let mut written = 0;
    for row in sites {
        let last_sent = row.last_sent.map(|ms| ms as i64);
        let Some(yesterday) = analytics::digest::due(row.time_zone.as_deref(), now, last_sent)
        else {
            continue;
        };
        if store::databases::home_of(env, &row.site_key).await? != db_name {
            continue;
        }
        match digest(db, &row, &yesterday).await {
            Ok(message) => {
                let record = ledger::alerts::record_digest(&row.site_key, last_sent, now, &message);
                written += busy::run(&bind(db, &record)?)
                    .await?
                    .meta()?
                    .and_then(|meta| meta.changes)
                    .unwrap_or(0);
            }
            Err(err) => console_error!("site {}: no digest yet: {err}", row.site_key),
        }
    }
    Ok(written)
}

/// The digest message of one site for `yesterday`, as JSON.
async fn digest(db: &D1Database, row: &DigestRow, yesterday: &analytics::Window) -> Result<String> {
    let Some(site) = Site::find(db, &row.site_key).await? else {
        return Err(worker::Error::RustError("the site is gone".into()));
    };
    let counts = store::overview::read(db, &site.site_key, yesterday).await?;
    let overview = analytics::overview(yesterday, &counts);
    let text_kept = row.store_text > 0.0;
    let gaps = if text_kept {
        let downvotes = store::gaps::downvotes(
            db,
            &site.site_key,
            (yesterday.from_ms, yesterday.to_ms),
            DIGEST_DOWNVOTES,
        )
        .await?;
        analytics::knowledge_gaps(&downvotes, analytics::digest::GAPS)
    } else {
        Vec::new()
    };
    let name = site.config.shop_name.as_deref().unwrap_or(&site.site_key);
    let message = analytics::digest::message(name, &overview, &gaps, text_kept);
    Ok(serde_json::to_string(&message)?)
}

/// One owed alert, as `ledger::alerts::owed` reads it.
#[derive(Deserialize)]
struct OwedRow {
    site_key: String,
    rule: String,
    owed: String,
}

/// What one run did, for the log and the benchmark.
#[derive(Debug, Default)]
pub struct Run {
    /// Rules judged.
    pub rules: usize,
    /// Alerts that fired or resolved.
    pub news: usize,
    /// Daily digests written.
    pub digests: usize,
    /// Deliveries queued.
    pub queued: usize,
    /// Rows D1 read for the run, as it reports them.
    pub rows_read: usize,
}

/// The rows D1 says `result` read.
fn rows_read(result: &worker::D1Result) -> usize {
    result
        .meta()
        .ok()
        .flatten()
        .and_then(|meta| meta.rows_read)
        .unwrap_or(0)
}

/// Judges every rule in `db` at `now` (a unix ms), records what changed,
/// and queues what is owed, this run's and any an earlier run could not
/// queue.
pub async fn run(env: &Env, db: &D1Database, db_name: &str, now: i64) -> Result<Run> {
    let read = busy::all(&bind(db, &ledger::alerts::evaluate(now))?).await?;
    let rows = read.results::<RuleRow>()?;
    let mut report = Run {
        rules: rows.len(),
        rows_read: rows_read(&read),
        ..Run::default()
    };
    let mut owed: Vec<(usize, String)> = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        // Written by the settings route from checked settings.
        let rule: AlertRule = match serde_json::from_str(&row.rule) {
            Ok(rule) => rule,
            Err(err) => {
                console_warn!("site {}: an unreadable alert rule: {err}", row.site_key);
                continue;
            }
        };
        let figures = Figures {
            amount: row.amount as u64,
            count: row.count as u64,
        };
        let was_holding = row.holding.is_some_and(|holding| holding > 0.0);
        if let Some(alert) = news(&rule, was_holding, judge(&rule, figures), now) {
            owed.push((index, serde_json::to_string(&alert)?));
        }
    }
    let mut statements = Vec::new();
    // While a site moves, the database it moves to keeps the same state
    // (without the alert owed, which its home queues), so the rule neither
    // fires nor resolves again there after the switch.
    let mut mirrored = Vec::new();
    for (index, alert) in &owed {
        let Some(row) = rows.get(*index) else {
            continue;
        };
        // During a move the site's rows are in two databases; its home
        // judges it.
        if store::databases::home_of(env, &row.site_key).await? != db_name {
            continue;
        }
        let was_holding = row.holding.is_some_and(|holding| holding > 0.0);
        let change = Change {
            site_key: &row.site_key,
            rule: &row.rule,
            was_holding,
            holds: !was_holding,
            at: now,
            owed: Some(alert),
        };
        statements.push(bind(db, &ledger::alerts::record(&change))?);
        if let Some(moving_to) = store::databases::moving_to(env, &row.site_key).await? {
            let change = Change {
                owed: None,
                ..change
            };
            mirrored.push((moving_to, ledger::alerts::record(&change)));
        }
    }
    statements.push(bind(db, &ledger::alerts::forget())?);
    let written = busy::batch(db, statements).await?;
    report.rows_read += written.iter().map(rows_read).sum::<usize>();
    report.news = written
        .iter()
        .rev()
        .skip(1)
        .filter(|result| {
            result
                .meta()
                .ok()
                .flatten()
                .and_then(|meta| meta.changes)
                .is_some_and(|changes| changes > 0)
        })
        .count();
    for (moving_to, record) in mirrored {
        if let Err(err) = busy::run(&bind(&moving_to, &record)?).await {
            console_error!(
                "an alert's state was not mirrored to a moving site's new database: {err}"
            );
        }
    }
    report.digests = digests(env, db, db_name, now).await?;
    let (queued, read) = queue_owed(env, db, db_name).await?;
    report.queued = queued;
    report.rows_read += read;
    Ok(report)
}

/// Claims every alert owed in `db` (for the sites whose home it is),
/// queues each in one batch and clears it: how many deliveries went, and
/// the rows read. One whose site cannot take it any more is cleared; one
/// the queue refused stays owed, for a later run once the claim lapses.
async fn queue_owed(env: &Env, db: &D1Database, db_name: &str) -> Result<(usize, usize)> {
    let token = crate::random::token("alerts_", 16)?;
    // Claimed at the time of claiming: a run that spent long on other
    // databases must not write a claim that has already lapsed.
    let now = worker::Date::now().as_millis() as i64;
    let read = busy::all(&bind(db, &ledger::alerts::claim_owed(&token, now))?).await?;
    let owed = read.results::<OwedRow>()?;
    let mut rows = rows_read(&read);
    if owed.is_empty() {
        return Ok((0, rows));
    }
    let queue = env.queue(QUEUE)?;
    let mut sites: BTreeMap<String, Option<Site>> = BTreeMap::new();
    let mut sent = 0;
    for row in owed {
        // A copy a move made waits for the switch: its home queues it.
        if store::databases::home_of(env, &row.site_key).await? != db_name {
            continue;
        }
        if !sites.contains_key(&row.site_key) {
            sites.insert(row.site_key.clone(), Site::find(db, &row.site_key).await?);
        }
        let deliveries = match sites.get(&row.site_key).and_then(Option::as_ref) {
            // The digest is its chat message, as written.
            Some(site) if row.rule == ledger::alerts::DIGEST => {
                if site.config.alerts.chat_url.is_some() {
                    vec![Delivery {
                        site_key: site.site_key.clone(),
                        body: row.owed.clone(),
                        queued_at: now,
                        to: Target::Chat,
                    }]
                } else {
                    Vec::new()
                }
            }
            Some(site) => deliveries(site, &row.owed, now),
            None => Vec::new(),
        };
        // Both targets in one send, so a refusal leaves neither queued
        // and the next try sends neither twice.
        let count = deliveries.len();
        if count > 0
            && let Err(err) = queue.send_batch(deliveries).await
        {
            console_error!("site {}: an alert stays owed: {err}", row.site_key);
            continue;
        }
        sent += count;
        let clear = ledger::alerts::queued(&row.site_key, &row.rule, &row.owed, &token);
        match busy::run(&bind(db, &clear)?).await {
            Ok(cleared) => rows += rows_read(&cleared),
            Err(err) => console_error!("site {}: a queued alert stays owed: {err}", row.site_key),
        }
    }
    Ok((sent, rows))
}

/// The deliveries of one owed alert, by the site's settings now.
fn deliveries(site: &Site, owed: &str, now: i64) -> Vec<Delivery> {
    let alert: Alert = match serde_json::from_str(owed) {
        Ok(alert) => alert,
        Err(err) => {
            console_error!("site {}: an unreadable owed alert: {err}", site.site_key);
            return Vec::new();
        }
    };
    let alerts = &site.config.alerts;
    let mut deliveries = Vec::new();
    if alerts.to_webhook && site.config.webhook_url.is_some() {
        let body = AlertBody {
            site_key: site.site_key.clone(),
            alert: alert.clone(),
        };
        if let Ok(body) = serde_json::to_string(&body) {
            deliveries.push(Delivery {
                site_key: site.site_key.clone(),
                body,
                queued_at: now,
                to: Target::Webhook,
            });
        }
    }
    if alerts.chat_url.is_some() {
        let name = site.config.shop_name.as_deref().unwrap_or(&site.site_key);
        if let Ok(body) = serde_json::to_string(&chat_message(&alert, name, None)) {
            deliveries.push(Delivery {
                site_key: site.site_key.clone(),
                body,
                queued_at: now,
                to: Target::Chat,
            });
        }
    }
    deliveries
}
