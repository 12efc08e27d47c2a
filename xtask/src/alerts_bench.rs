//! `cargo xtask bench --alerts`: one scheduled run of the alert rules
//! (#31 §3) over [`SITES`] sites with three rules each, every site with a
//! day of rollups behind it, timed, with the rows D1 says the run read.
//! The figures come from the Worker's own log line for the run
//! (`alerts in DB: …`), summed over the databases.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use protocol::SiteConfig;
use protocol::alerts::{AlertRule, AlertSettings, Tenths};

use crate::operations::sites;
use crate::worker_dev::D1;

/// Sites with rules.
pub const SITES: usize = 1_000;

/// The settings every measured site has: three rules, a chat URL. The
/// seeded figures hold none of them, so the run judges and writes nothing:
/// the steady state, 96 runs a day.
pub fn config() -> SiteConfig {
    SiteConfig {
        alerts: AlertSettings {
            rules: vec![
                AlertRule::ThumbsDownShare {
                    hours: 6,
                    percent: 30,
                    min_ratings: 20,
                },
                AlertRule::CsatBelow {
                    hours: 24,
                    average: Tenths(35),
                    min_answers: 10,
                },
                AlertRule::OpenItems { count: 10 },
            ],
            to_webhook: false,
            chat_url: Some("https://chat.bench.example/hooks/x".into()),
            daily_digest: false,
        },
        ..SiteConfig::default()
    }
}

/// Makes the sites, and gives each a day of 15-minute rollups (96 thumb
/// buckets of 8 👍 and 2 👎, 96 satisfaction buckets averaging 4.5) in
/// its database.
pub fn seed(d1: &D1<'_>, origins: &[String], now_ms: i64) -> Result<()> {
    // A hundred at a time: each batch is one `wrangler d1 execute` command line.
    let mut made = 0;
    while made < SITES {
        made += sites::upsert_many(d1, 100.min(SITES - made), origins, &config())?.len();
    }
    let bucket = now_ms / 900_000;
    for db in d1.each()? {
        db.execute(&format!(
            "WITH RECURSIVE b(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM b WHERE n < 95) \
             INSERT OR IGNORE INTO thumb_rollups (site_key, bucket_ms, up, down) \
             SELECT s.site_key, ({bucket} - b.n) * 900000, 8, 2 FROM sites s, b \
             WHERE json_extract(s.config, '$.alerts.chat_url') IS NOT NULL; \
             WITH RECURSIVE b(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM b WHERE n < 95) \
             INSERT OR IGNORE INTO csat_rollups (site_key, bucket_ms, offered, accepted, denied, \
               completed, score_1, score_2, score_3, score_4, score_5) \
             SELECT s.site_key, ({bucket} - b.n) * 900000, 4, 2, 1, 2, 0, 0, 0, 1, 1 \
             FROM sites s, b WHERE json_extract(s.config, '$.alerts.chat_url') IS NOT NULL;"
        ))?;
    }
    Ok(())
}

/// What one database's run logged.
#[derive(Debug, Default, PartialEq)]
struct Logged {
    rules: u64,
    rows_read: u64,
    ms: u64,
}

/// Reads `alerts in DB: 3000 rules judged, 0 changed, 0 digests, 0
/// deliveries queued, 123 rows read, 45 ms`.
fn parse_line(line: &str) -> Option<Logged> {
    let (_, rest) = line.split_once("alerts in ")?;
    let (_, figures) = rest.split_once(": ")?;
    let number = |suffix: &str| -> Option<u64> {
        figures
            .split(", ")
            .find_map(|part| part.trim().strip_suffix(suffix))
            .and_then(|n| n.trim().parse().ok())
    };
    Some(Logged {
        rules: number(" rules judged")?,
        rows_read: number(" rows read")?,
        ms: number(" ms")?,
    })
}

/// Triggers one scheduled run of the alerts on `url` and reads what it
/// logged to `log` for each of its `databases`.
pub fn measure(
    label: &str,
    url: &str,
    log: &Path,
    databases: usize,
) -> Result<Vec<(String, f64, String)>> {
    let from = std::fs::metadata(log).map_or(0, |meta| meta.len());
    let started = Instant::now();
    let answer = ureq::get(&format!("{url}/__scheduled?cron=*/15+*+*+*+*"))
        .call()
        .context("the scheduled run")?;
    anyhow::ensure!(
        answer.status() == 200,
        "the scheduled run answered {}",
        answer.status()
    );
    let wall = started.elapsed();
    // The log is written as the run goes; its lines for every database
    // follow within moments of the answer.
    let deadline = Instant::now() + Duration::from_secs(30);
    let lines = loop {
        let text = std::fs::read(log)?;
        let new =
            String::from_utf8_lossy(text.get(from as usize..).unwrap_or_default()).to_string();
        let lines: Vec<Logged> = new.lines().filter_map(parse_line).collect();
        if lines.len() >= databases || Instant::now() > deadline {
            break lines;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    anyhow::ensure!(
        !lines.is_empty(),
        "the run logged no alerts line in {}",
        log.display()
    );
    let rules: u64 = lines.iter().map(|line| line.rules).sum();
    let rows: u64 = lines.iter().map(|line| line.rows_read).sum();
    let ms = lines.iter().map(|line| line.ms).max().unwrap_or(0);
    println!(
        "  [{label}] alerts: {rules} rules over {} databases in one run: {ms} ms in the Worker, \
         {:.0} ms to the answer, {rows} rows read",
        lines.len(),
        wall.as_secs_f64() * 1_000.0
    );
    Ok(vec![
        ("alerts run (Worker clock)".into(), ms as f64, "ms".into()),
        (
            "alerts run (to the answer)".into(),
            wall.as_secs_f64() * 1_000.0,
            "ms".into(),
        ),
        ("alerts run D1 rows read".into(), rows as f64, "rows".into()),
        ("alerts rules judged".into(), rules as f64, "rules".into()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workers_line_reads_back() {
        let line = "[wrangler:info] alerts in DB_1: 1500 rules judged, 0 changed, 0 digests, \
                    0 deliveries queued, 98765 rows read, 42 ms";
        assert_eq!(
            parse_line(line),
            Some(Logged {
                rules: 1500,
                rows_read: 98_765,
                ms: 42
            })
        );
        assert_eq!(parse_line("alerts in DB failed: x"), None);
    }
}
