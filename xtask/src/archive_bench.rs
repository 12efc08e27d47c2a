//! `cargo xtask bench --reads --archive --events N` (#35): the read site's
//! events are spread over 180 days instead of 6, and this checkout's side
//! moves everything past the 90 hot days to local R2 before the reads are
//! timed, run after run of the archive (`POST /__local/archive`, the
//! run the 15-minute cron makes), while an `--against` side keeps every
//! row in D1, as before the archive. It prints what the archive moved and
//! how fast, and the local databases' bytes per event before and after,
//! the raw rows and the rollups apart (SQLite's `dbstat`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

/// The time the read site's events are spread over when the archive is
/// measured: twice the default hot window.
pub const SPREAD_MS: i64 = 180 * 86_400_000;

/// Runs at most, so a run that never ends its backlog fails.
const MAX_RUNS: usize = 10_000;

/// A local database's bytes in use by what they hold, with their indexes
/// (pages freed by deletes are not counted: D1 reuses them).
#[derive(Debug, Default, Clone, Copy)]
pub struct Sizes {
    /// Conversations, thumbs and raw events: what the archive moves.
    pub raw: u64,
    /// The rollups the Overview and Compare read.
    pub rollups: u64,
    /// Everything else.
    pub other: u64,
    /// Raw events in D1.
    pub events: u64,
    /// The archived chunks' bytes in R2, compressed.
    pub archived: u64,
}

/// The SQLite files under `state` (wrangler's local D1).
fn databases(state: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut dirs = vec![state.to_path_buf()];
    // Bounded: wrangler's state is a few levels deep.
    for _ in 0..1_000 {
        let Some(dir) = dirs.pop() else {
            return Ok(found);
        };
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "sqlite") {
                found.push(path);
            }
        }
    }
    anyhow::bail!("{} holds too many folders", state.display())
}

/// The bytes of every local database under `state`, by what they hold.
pub fn sizes(state: &Path) -> Result<Sizes> {
    let mut sizes = Sizes::default();
    for file in databases(state)? {
        let conn = rusqlite::Connection::open_with_flags(
            &file,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .with_context(|| format!("opening {}", file.display()))?;
        let mut pages = conn.prepare(
            "SELECT coalesce(m.tbl_name, d.name), sum(d.pgsize - d.unused) FROM dbstat d \
             LEFT JOIN sqlite_schema m ON m.name = d.name GROUP BY 1",
        )?;
        let rows = pages.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (table, bytes) = row?;
            let bytes = u64::try_from(bytes).unwrap_or(0);
            match table.as_str() {
                "conversations" | "message_ratings" | "events" => sizes.raw += bytes,
                name if name.ends_with("_rollups") => sizes.rollups += bytes,
                _ => sizes.other += bytes,
            }
        }
        let has_events: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'events'",
            [],
            |row| row.get(0),
        )?;
        if has_events > 0 {
            let events: i64 =
                conn.query_row("SELECT count(*) FROM events", [], |row| row.get(0))?;
            sizes.events += u64::try_from(events).unwrap_or(0);
            let archived: i64 = conn.query_row(
                "SELECT coalesce(sum(bytes), 0) FROM archive_chunks WHERE state = 'kept'",
                [],
                |row| row.get(0),
            )?;
            sizes.archived += u64::try_from(archived).unwrap_or(0);
        }
    }
    Ok(sizes)
}

/// Prints `sizes` per event of `seeded`.
pub fn print_sizes(label: &str, when: &str, sizes: Sizes, seeded: u64) {
    let per = |bytes: u64| bytes as f64 / seeded.max(1) as f64;
    println!(
        "  [{label}] D1 {when}: {} raw events; raw rows {:.0} MB ({:.0} bytes an event seeded), \
         rollups {:.0} MB ({:.0} bytes an event), the rest {:.0} MB; R2 {:.0} MB \
         ({:.0} bytes an event)",
        sizes.events,
        sizes.raw as f64 / 1e6,
        per(sizes.raw),
        sizes.rollups as f64 / 1e6,
        per(sizes.rollups),
        sizes.other as f64 / 1e6,
        sizes.archived as f64 / 1e6,
        per(sizes.archived)
    );
}

/// What one archive run answered.
#[derive(serde::Deserialize)]
struct Run {
    chunks: u64,
    rows: u64,
    failed: u64,
}

/// Runs the archive over the Worker at `url` until nothing is left to
/// move, and prints how many runs that took and how fast it moved.
pub fn archive_all(label: &str, url: &str, events_before: u64, state: &Path) -> Result<()> {
    let started = Instant::now();
    let (mut runs, mut chunks, mut rows) = (0usize, 0u64, 0u64);
    let mut longest = Duration::ZERO;
    loop {
        anyhow::ensure!(
            runs < MAX_RUNS,
            "the archive did not finish in {MAX_RUNS} runs"
        );
        let run_started = Instant::now();
        let answer = ureq::post(&format!("{url}/__local/archive"))
            .send_empty()
            .context("an archive run")?;
        let run: Run = serde_json::from_str(&answer.into_body().read_to_string()?)?;
        longest = longest.max(run_started.elapsed());
        anyhow::ensure!(run.failed == 0, "an archive run failed a chunk");
        if run.chunks == 0 {
            break;
        }
        runs += 1;
        chunks += run.chunks;
        rows += run.rows;
    }
    let seconds = started.elapsed().as_secs_f64();
    let events_after = sizes(state)?.events;
    let moved = events_before.saturating_sub(events_after);
    println!(
        "  [{label}] archive: {runs} runs, {chunks} chunks, {rows} rows ({moved} events) to R2 \
         in {seconds:.0} s: {:.0} rows/s, {:.0} events/s; the longest run {:.1} s",
        rows as f64 / seconds.max(0.001),
        moved as f64 / seconds.max(0.001),
        longest.as_secs_f64()
    );
    Ok(())
}
