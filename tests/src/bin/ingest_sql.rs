//! Where a batch of ingest spends its time in SQLite, for #29 §3: the
//! statements `ledger::ingest::plan` builds for batches of 100 events of
//! the benchmarks' mix (`e2e::load`, what `loadgen` posts), run natively
//! against a database file with the Worker's own migrations (D1 is
//! SQLite), with nothing between: no Worker, no D1 binding, no proxy.
//!
//! Four variants, each on a fresh database with 20 sites:
//! - as the Worker writes: a server's batch (its secret checked inside
//!   every row-creating statement), its rollups kept once per batch
//!   (`ledger::rollups`) and the review items by their triggers;
//! - without the secret guard (a page's batch: the guard's parameter is
//!   NULL, so SQLite skips the look-up);
//! - without the triggers (every one dropped after the migrations: the
//!   review items' and the rollups' for smaller batches; the batch's own
//!   rollup statements still run);
//! - the floor: one plain `INSERT` per event into a table with only a
//!   primary key, in one transaction a batch.
//!
//! It prints each variant's events per second and time per batch, the
//! share of each kind of statement in the first, and what the Rust side
//! costs per batch (building the plan, cloning the events as the Worker
//! keeps them for a move).
//!
//! `ingest_sql <dir> [batches]` (200 batches by default; the files are
//! made in `dir`, which is emptied of them first)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use e2e::{Args, figure, percentile};
use ledger::ingest::{Batch, Sender, plan};
use ledger::sqlite::{migrate, values};
use ledger::{Param, Statement};
use protocol::Event;
use rusqlite::{Connection, params_from_iter};

/// Events a batch, as the Worker's bench posts at its largest.
const BATCH: usize = 100;
/// Sites the batches go to in turn, as in the Worker's bench.
const SITES: usize = 20;
/// Most batches a variant runs, whatever the argument says.
const MAX_BATCHES: usize = 5_000;
/// Statements kept prepared (a batch's distinct texts are fewer).
const PREPARED_KEPT: usize = 512;
/// Events spread over the last hour, as `loadgen ingest` spreads them.
const SPREAD_MS: i64 = 3_600_000;

/// What is written, and how.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Variant {
    AsTheWorker,
    NoGuard,
    NoTriggers,
    Floor,
}

impl Variant {
    const ALL: [Variant; 4] = [
        Variant::AsTheWorker,
        Variant::NoGuard,
        Variant::NoTriggers,
        Variant::Floor,
    ];

    fn name(self) -> &'static str {
        match self {
            Variant::AsTheWorker => "as the Worker writes",
            Variant::NoGuard => "without the secret guard",
            Variant::NoTriggers => "without the triggers",
            Variant::Floor => "the floor: plain inserts",
        }
    }

    fn file(self) -> &'static str {
        match self {
            Variant::AsTheWorker => "as-the-worker.sqlite",
            Variant::NoGuard => "no-guard.sqlite",
            Variant::NoTriggers => "no-triggers.sqlite",
            Variant::Floor => "floor.sqlite",
        }
    }
}

/// A site's key and the secret hash it is stored with.
fn site(index: usize) -> (String, String) {
    (format!("pk_sql_{index}"), format!("{index:064x}"))
}

/// A database file at `path` with every migration of the Worker applied,
/// in order, and [`SITES`] sites.
fn migrated(path: &Path) -> Result<Connection> {
    for stale in [path.to_path_buf(), wal(path, "-wal"), wal(path, "-shm")] {
        if stale.exists() {
            std::fs::remove_file(&stale)?;
        }
    }
    let conn = Connection::open(path)?;
    conn.set_prepared_statement_cache_capacity(PREPARED_KEPT);
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    if migrate(&conn).map_err(anyhow::Error::msg)? == 0 {
        bail!("the Worker has no migrations");
    }
    for index in 0..SITES {
        let (key, hash) = site(index);
        conn.execute(
            "INSERT INTO sites (site_key, secret_hash, created_at, config, config_updated_at) \
             VALUES (?1, ?2, 0, '{}', 0)",
            [key, hash],
        )?;
    }
    Ok(conn)
}

fn wal(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Drops every trigger.
fn drop_triggers(conn: &Connection) -> Result<usize> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    for name in &names {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    Ok(names.len())
}

/// A statement's kind, for the breakdown: its verb and table
/// (`INSERT INTO events`), or for a read the table it reads first; a
/// statement with a `WITH` clause is named by the table it writes.
fn kind(sql: &str) -> String {
    let words: Vec<&str> = sql.split_whitespace().collect();
    let after = |word: &str| {
        words
            .iter()
            .position(|w| w.eq_ignore_ascii_case(word))
            .and_then(|at| words.get(at + 1))
            .map_or("?", |table| {
                table.trim_matches(|c: char| !c.is_alphanumeric() && c != '_')
            })
    };
    match words
        .first()
        .map(|verb| verb.to_ascii_uppercase())
        .as_deref()
    {
        Some("INSERT") => format!("INSERT INTO {}", after("INTO")),
        Some("UPDATE") => format!("UPDATE {}", after("UPDATE")),
        Some("DELETE") => format!("DELETE FROM {}", after("FROM")),
        Some("SELECT") => format!("SELECT … FROM {}", after("FROM")),
        Some("WITH") => format!("WITH … INSERT INTO {}", after("INTO")),
        _ => words.first().copied().unwrap_or("?").to_string(),
    }
}

/// Runs `statements` in one transaction, as D1 runs a batch; adds each
/// one's time to `by_kind`.
fn run(
    conn: &mut Connection,
    statements: &[Statement],
    by_kind: &mut BTreeMap<String, f64>,
) -> Result<()> {
    let tx = conn.transaction()?;
    for statement in statements {
        let started = Instant::now();
        // Kept prepared by its text, as workerd keeps a Worker's: a
        // statement with triggers is compiled with them, once.
        let mut prepared = tx.prepare_cached(&statement.sql)?;
        let params = params_from_iter(values(&statement.params));
        // Every row read, a read's or a write's `RETURNING`, as D1 does.
        let mut rows = prepared.query(params)?;
        while rows.next()?.is_some() {}
        *by_kind.entry(kind(&statement.sql)).or_default() += started.elapsed().as_secs_f64();
    }
    tx.commit()?;
    Ok(())
}

/// What one variant measured.
struct Measured {
    /// Each batch's time in SQLite, in ms, sorted.
    batches_ms: Vec<f64>,
    /// Seconds in SQLite by kind of statement.
    by_kind: BTreeMap<String, f64>,
    /// Statements a batch, on average.
    statements: f64,
    /// Bytes of SQL text, and of text parameters, a batch sends to the
    /// database, on average (what D1's binding carries besides numbers).
    sql_bytes: f64,
    param_bytes: f64,
    /// Building the plans, and cloning the events, in ms a batch.
    plan_ms: f64,
    clone_ms: f64,
}

fn measure(dir: &Path, variant: Variant, batches: usize, size: usize) -> Result<Measured> {
    let mut conn = migrated(&dir.join(variant.file()))?;
    if variant == Variant::NoTriggers {
        let dropped = drop_triggers(&conn)?;
        if dropped == 0 {
            bail!("the migrations define no trigger to drop");
        }
    }
    if variant == Variant::Floor {
        conn.execute_batch(
            "CREATE TABLE floor (site_key TEXT NOT NULL, event_id TEXT NOT NULL, body TEXT NOT NULL, \
             PRIMARY KEY (site_key, event_id))",
        )?;
    }
    let received_at = e2e::now_ms();
    let mut measured = Measured {
        batches_ms: Vec::with_capacity(batches),
        by_kind: BTreeMap::new(),
        statements: 0.0,
        sql_bytes: 0.0,
        param_bytes: 0.0,
        plan_ms: 0.0,
        clone_ms: 0.0,
    };
    for index in 0..batches {
        let (key, hash) = site(index % SITES);
        let events = e2e::load::events((index * size) as u64, size, SPREAD_MS)
            .iter()
            .map(Event::from_json)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|err| anyhow::anyhow!("the load's event does not validate: {err:?}"))?;
        let started = Instant::now();
        let kept = events.clone();
        measured.clone_ms += started.elapsed().as_secs_f64() * 1000.0;
        let statements = if variant == Variant::Floor {
            kept.iter()
                .map(|event| {
                    Ok(Statement::new(
                        "INSERT INTO floor (site_key, event_id, body) VALUES (?1, ?2, ?3)",
                        vec![
                            Param::text(&key),
                            Param::text(&event.header.id),
                            Param::text(&serde_json::to_string(event)?),
                        ],
                    ))
                })
                .collect::<Result<Vec<_>>>()?
        } else {
            let sender = match variant {
                Variant::NoGuard => Sender::Page,
                _ => Sender::Server { secret_hash: &hash },
            };
            let batch = Batch {
                site_key: &key,
                sender,
                received_at,
                owes_webhooks: false,
            };
            let started = Instant::now();
            let planned = plan(&batch, &events)?;
            measured.plan_ms += started.elapsed().as_secs_f64() * 1000.0;
            planned.statements
        };
        measured.statements += statements.len() as f64;
        for statement in &statements {
            measured.sql_bytes += statement.sql.len() as f64;
            measured.param_bytes += statement
                .params
                .iter()
                .map(|param| match param {
                    Param::Text(text) => text.len() as f64,
                    Param::Int(_) | Param::Null => 0.0,
                })
                .sum::<f64>();
        }
        let started = Instant::now();
        run(&mut conn, &statements, &mut measured.by_kind)?;
        measured
            .batches_ms
            .push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let stored: i64 = if variant == Variant::Floor {
        conn.query_row("SELECT count(*) FROM floor", [], |row| row.get(0))?
    } else {
        conn.query_row("SELECT count(*) FROM events", [], |row| row.get(0))?
    };
    if usize::try_from(stored)? != batches * size {
        bail!(
            "{}: {stored} rows stored of {} events",
            variant.name(),
            batches * size
        );
    }
    measured.statements /= batches as f64;
    measured.sql_bytes /= batches as f64;
    measured.param_bytes /= batches as f64;
    measured.plan_ms /= batches as f64;
    measured.clone_ms /= batches as f64;
    measured.batches_ms.sort_by(f64::total_cmp);
    Ok(measured)
}

/// Argument `index`, a count from 1 to `max` (`what` names it in the
/// error), or `default` when it is not given.
fn count_arg(args: &Args, index: usize, what: &str, max: usize, default: usize) -> Result<usize> {
    match args.get(index) {
        Ok(count) => count
            .parse::<usize>()
            .ok()
            .filter(|count| (1..=max).contains(count))
            .with_context(|| format!("{what}: 1 to {max}, not {count:?}")),
        Err(_) => Ok(default),
    }
}

fn main() -> Result<()> {
    let args = Args::from_env();
    let dir = PathBuf::from(args.get(0)?);
    let batches = count_arg(&args, 1, "batches", MAX_BATCHES, 200)?;
    let size = count_arg(&args, 2, "events a batch", BATCH, BATCH)?;
    std::fs::create_dir_all(&dir)?;
    println!(
        "{batches} batches of {size} events over {SITES} sites, a fresh database file each (WAL, synchronous NORMAL):"
    );
    let mut first = None;
    for variant in Variant::ALL {
        let measured = measure(&dir, variant, batches, size)?;
        let total_s: f64 = measured.batches_ms.iter().sum::<f64>() / 1000.0;
        let rate = (batches * size) as f64 / total_s;
        println!(
            "  {:<28} {:>8.0} events/s; a batch p50 {:.2} ms, p90 {:.2} ms",
            variant.name(),
            rate,
            percentile(&measured.batches_ms, 0.5),
            percentile(&measured.batches_ms, 0.9),
        );
        figure(&format!("SQLite, {}", variant.name()), rate, "events/s");
        if first.is_none() {
            first = Some(measured);
        }
    }
    let Some(measured) = first else {
        bail!("nothing measured");
    };
    let total: f64 = measured.by_kind.values().sum();
    let mut kinds: Vec<(&String, &f64)> = measured.by_kind.iter().collect();
    kinds.sort_by(|a, b| b.1.total_cmp(a.1));
    println!(
        "  as the Worker writes, {:.0} statements a batch ({:.0} KB of SQL text, {:.0} KB of text parameters); \
         each kind's share of the time in SQLite:",
        measured.statements,
        measured.sql_bytes / 1000.0,
        measured.param_bytes / 1000.0,
    );
    for (kind, seconds) in kinds {
        println!(
            "    {:<40} {:>5.1} %  {:.3} ms a batch",
            kind,
            seconds / total * 100.0,
            seconds * 1000.0 / batches as f64
        );
    }
    println!(
        "  the Rust side a batch: the plan built {:.3} ms, the events cloned (kept for a move) {:.3} ms",
        measured.plan_ms, measured.clone_ms
    );
    figure("plan built a batch", measured.plan_ms, "ms");
    Ok(())
}
