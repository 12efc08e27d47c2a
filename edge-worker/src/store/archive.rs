//! The archive's D1 side (`ledger::archive`): which sites have cold
//! conversations, a chunk's rows, and the chunk recorded, committed or
//! abandoned. The R2 side is `crate::archive`.

use ledger::archive::{self, Candidate, Chunk, Written};
use serde::Deserialize;
use worker::{D1Database, Result};

use super::{bind, busy, int, millis, text};

/// A site with cold conversations.
#[derive(Deserialize)]
pub struct DueSite {
    /// Its key.
    pub site_key: String,
    /// Conversations last active before this (unix ms) are cold.
    pub cutoff: i64,
}

/// Up to `limit` sites with conversations past their hot window at `now`.
pub async fn due_sites(db: &D1Database, now: i64, limit: u32) -> Result<Vec<DueSite>> {
    busy::all(
        &db.prepare(archive::due_sites())
            .bind(&[millis(now), int(limit)])?,
    )
    .await?
    .results::<DueSite>()
}

/// The next chunk of `site`'s cold conversations (empty when none is left).
pub async fn next_chunk(db: &D1Database, site: &DueSite) -> Result<Chunk> {
    let candidates = busy::all(
        &db.prepare(archive::candidates())
            .bind(&[text(&site.site_key), millis(site.cutoff)])?,
    )
    .await?
    .results::<Candidate>()?;
    Ok(archive::take_chunk(candidates))
}

#[derive(Deserialize)]
struct JsonRow {
    json: String,
}

/// The chunk's rows, table by table: each table's name and its rows as
/// JSON objects.
pub async fn rows(
    db: &D1Database,
    site_key: &str,
    chunk: &Chunk,
) -> Result<Vec<(&'static str, String)>> {
    let mut rows = Vec::with_capacity(chunk.rows());
    for table in archive::TABLES {
        let Some(sql) = archive::rows_sql(table) else {
            continue;
        };
        let statement =
            ledger::Statement::new(sql, vec![ledger::Param::text(site_key), chunk.ids()]);
        let found = busy::all(&bind(db, &statement)?)
            .await?
            .results::<JsonRow>()?;
        rows.extend(found.into_iter().map(|row| (table, row.json)));
    }
    Ok(rows)
}

#[derive(Deserialize)]
struct Number {
    chunk: i64,
}

/// Records the next chunk of the day as `writing`; its number.
pub async fn begin(
    db: &D1Database,
    site_key: &str,
    day: &str,
    span: (i64, i64),
    now: i64,
) -> Result<i64> {
    let statement = archive::begin(site_key, day, span, now);
    busy::first::<Number>(&bind(db, &statement)?)
        .await?
        .map(|row| row.chunk)
        .ok_or_else(|| worker::Error::RustError("the archive's chunk was not recorded".into()))
}

#[derive(Deserialize)]
struct State {
    state: String,
}

/// Deletes the chunk's rows, in one transaction; whether it committed
/// (`false`: a conversation changed since its rows were read, and the
/// chunk is still `writing`).
pub async fn commit(
    db: &D1Database,
    site_key: &str,
    (number, chunk): (i64, &Chunk),
    written: &Written,
) -> Result<bool> {
    let statements = archive::commit(site_key, number, chunk, written)
        .iter()
        .map(|statement| bind(db, statement))
        .collect::<Result<Vec<_>>>()?;
    busy::batch(db, statements).await?;
    let state =
        db.prepare(archive::STATE)
            .bind(&[text(site_key), text(&chunk.day), millis(number)])?;
    Ok(busy::first::<State>(&state)
        .await?
        .is_some_and(|row| row.state == "kept"))
}

/// A chunk that never committed.
#[derive(Deserialize)]
pub struct Unfinished {
    /// Its site.
    pub site_key: String,
    /// Its day.
    pub day: String,
    /// Its number in the day.
    pub chunk: i64,
}

/// Chunks left `writing` past the lease at `now`, or `abandoned`.
pub async fn unfinished(db: &D1Database, now: i64) -> Result<Vec<Unfinished>> {
    busy::all(&db.prepare(archive::unfinished()).bind(&[millis(now)])?)
        .await?
        .results::<Unfinished>()
}

/// Marks a chunk abandoned unless it committed; whether it is (the
/// caller then deletes its object and [`forget`]s it).
pub async fn mark_abandoned(
    db: &D1Database,
    site_key: &str,
    day: &str,
    chunk: i64,
) -> Result<bool> {
    let result = busy::run(&bind(db, &archive::abandon(site_key, day, chunk))?).await?;
    Ok(super::changed(Some(&result)))
}

/// Forgets an abandoned chunk, once its object is deleted.
pub async fn forget(db: &D1Database, site_key: &str, day: &str, chunk: i64) -> Result<()> {
    busy::run(&bind(db, &archive::forget(site_key, day, chunk))?).await?;
    Ok(())
}

/// A chunk that holds an archived conversation.
#[derive(Deserialize)]
pub struct ArchivedIn {
    /// Its day.
    pub day: String,
    /// Its number in the day.
    pub chunk: i64,
    /// 1 once the erasure's first step has run.
    pub erased: i64,
}

/// The chunks that hold `conversation_id` of `site_key`.
pub async fn archived_in(
    db: &D1Database,
    site_key: &str,
    conversation_id: &str,
) -> Result<Vec<ArchivedIn>> {
    busy::all(
        &db.prepare(archive::erasure::ARCHIVED_IN)
            .bind(&[text(site_key), text(conversation_id)])?,
    )
    .await?
    .results::<ArchivedIn>()
}

/// The erasure's first step, in one transaction (`ledger::archive::erasure::erase`).
pub async fn erase(
    db: &D1Database,
    site_key: &str,
    conversation_id: &str,
    lines: &[ledger::archive::day_object::Line],
) -> Result<()> {
    let statements = archive::erasure::erase(site_key, conversation_id, lines)
        .iter()
        .map(|statement| bind(db, statement))
        .collect::<Result<Vec<_>>>()?;
    busy::batch(db, statements).await?;
    Ok(())
}

/// A chunk an export reads.
#[derive(Deserialize)]
pub struct ExportChunk {
    /// Its day.
    pub day: String,
    /// Its number in the day.
    pub chunk: i64,
}

/// The next kept chunk an export reads (`ledger::archive::reading::next_chunk`).
pub async fn export_chunk(
    db: &D1Database,
    site_key: &str,
    window: (i64, Option<i64>),
    from: Option<(&str, i64)>,
    after: bool,
) -> Result<Option<ExportChunk>> {
    let statement = ledger::archive::reading::next_chunk(site_key, window, from, after);
    busy::first::<ExportChunk>(&bind(db, &statement)?).await
}

/// Up to `limit` rows of a listing bound to `?1` now and `?2` at most
/// (chunks due for retention or for their text's).
pub async fn due<T: serde::de::DeserializeOwned>(
    db: &D1Database,
    sql: &str,
    now: i64,
    limit: u32,
) -> Result<Vec<T>> {
    busy::all(&db.prepare(sql).bind(&[millis(now), int(limit)])?)
        .await?
        .results::<T>()
}

/// Whether chunk `(day, chunk)` of `site_key` is `abandoned` (its object
/// to delete, then its row).
pub async fn is_abandoned(
    db: &D1Database,
    site_key: &str,
    (day, chunk): (&str, i64),
) -> Result<bool> {
    let state = db
        .prepare(archive::STATE)
        .bind(&[text(site_key), text(day), millis(chunk)])?;
    Ok(busy::first::<State>(&state)
        .await?
        .is_some_and(|row| row.state == "abandoned"))
}

/// Runs `statements` as one transaction.
pub async fn batch(db: &D1Database, statements: &[ledger::Statement]) -> Result<()> {
    let bound = statements
        .iter()
        .map(|statement| bind(db, statement))
        .collect::<Result<Vec<_>>>()?;
    busy::batch(db, bound).await?;
    Ok(())
}

/// Runs one `ledger` statement.
pub async fn run(db: &D1Database, statement: &ledger::Statement) -> Result<()> {
    busy::run(&bind(db, statement)?).await?;
    Ok(())
}
