//! The archive run (#35), every 15 minutes after the alerts: each site's
//! conversations past its hot window moved to R2, a chunk at a time
//! (`ledger::archive`). A chunk's rows leave D1 only after its object is
//! written and read back with the same row count and checksum. Each run
//! is bounded, in chunks and in time, so it stays far from the Worker's
//! CPU limit; the next run goes on where it stopped. The exports read the
//! chunks ([`crate::export`]), an erasure rewrites them ([`erasure`]), and
//! the daily sweep expires them and blanks their text ([`retention`]).

pub mod erasure;
pub mod objects;
pub mod retention;

use ledger::archive::day_object::{self, Header};
use ledger::archive::{Chunk, Written};
use worker::{Bucket, D1Database, Date, Env, Result, console_error, console_warn};

use crate::store::archive::{self as store, DueSite};
use crate::store::databases;
use objects::archive_error;

/// Chunks one run writes at most, over every site of a database.
pub const MAX_CHUNKS: usize = 40;

/// Milliseconds after which a run starts no new chunk.
pub const MAX_MS: i64 = 20_000;

/// Chunks one run writes at most for one site, so that one site's backlog
/// does not hold up the others.
const MAX_SITE_CHUNKS: usize = 20;

/// Sites one run looks at, at most.
const MAX_SITES: u32 = 200;

/// A fault a local test asks of one run (`crate::faults`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The first chunk's object is not written.
    FailWrite,
    /// The first chunk's object reads back other than it was written.
    FailReadBack,
}

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Run {
    /// Chunks written and committed.
    pub chunks: usize,
    /// Rows that left D1 for R2.
    pub rows: usize,
    /// Chunks that failed (their rows stay in D1, their objects deleted).
    pub failed: usize,
    /// Chunks an earlier run left unfinished, abandoned now.
    pub abandoned: usize,
}

/// The bucket, when the Worker has one.
pub fn bucket(env: &Env) -> Result<Bucket> {
    env.bucket(crate::bindings::ARCHIVE)
}

/// Runs the archive over database `name` at `now`. A site is archived
/// only by the database that holds it, and not while it moves.
pub async fn run(
    env: &Env,
    (name, db): (&str, &D1Database),
    bucket: &Bucket,
    now: i64,
    mut fault: Option<Fault>,
) -> Result<Run> {
    let started = Date::now().as_millis() as i64;
    let mut run = Run::default();
    for left in store::unfinished(db, now).await? {
        if abandon(db, bucket, &left.site_key, (&left.day, left.chunk)).await? {
            run.abandoned += 1;
        }
    }
    for site in store::due_sites(db, now, MAX_SITES).await? {
        if databases::home_of(env, &site.site_key).await? != name
            || databases::moving_to(env, &site.site_key).await?.is_some()
        {
            continue;
        }
        for _ in 0..MAX_SITE_CHUNKS {
            if run.chunks + run.failed >= MAX_CHUNKS
                || Date::now().as_millis() as i64 - started > MAX_MS
            {
                return Ok(run);
            }
            let chunk = store::next_chunk(db, &site).await?;
            for large in &chunk.too_large {
                console_warn!(
                    "archive: conversation {} of {} has {} rows, more than an object holds; it stays in D1",
                    large.conversation_id,
                    site.site_key,
                    large.rows
                );
            }
            if chunk.conversations.is_empty() {
                break;
            }
            match one_chunk(db, bucket, &site, &chunk, now, fault.take()).await {
                Ok(rows) => {
                    run.chunks += 1;
                    run.rows += rows;
                }
                Err(err) => {
                    console_error!(
                        "archive: a chunk of {} for {} failed; its rows stay in D1: {err}",
                        site.site_key,
                        chunk.day
                    );
                    run.failed += 1;
                    // The next run starts this site again.
                    break;
                }
            }
        }
    }
    Ok(run)
}

/// Abandons a chunk that never committed: marks it, deletes its object,
/// forgets its row. `false`, touching nothing, when it had committed.
async fn abandon(
    db: &D1Database,
    bucket: &Bucket,
    site_key: &str,
    (day, chunk): (&str, i64),
) -> Result<bool> {
    if !store::mark_abandoned(db, site_key, day, chunk).await? {
        return Ok(false);
    }
    bucket
        .delete(ledger::archive::object_key(site_key, day, chunk))
        .await?;
    store::forget(db, site_key, day, chunk).await?;
    Ok(true)
}

/// Writes one chunk to R2, reads it back, and only then deletes its rows
/// from D1; the rows it moved. A chunk that fails once begun is abandoned
/// at once (a later run would, past the lease, if this one died).
async fn one_chunk(
    db: &D1Database,
    bucket: &Bucket,
    site: &DueSite,
    chunk: &Chunk,
    now: i64,
    fault: Option<Fault>,
) -> Result<usize> {
    let rows = store::rows(db, &site.site_key, chunk).await?;
    let borrowed: Vec<(&str, &str)> = rows
        .iter()
        .map(|(table, json)| (*table, json.as_str()))
        .collect();
    let first_at = chunk
        .conversations
        .first()
        .map_or(now, |conversation| conversation.last_at);
    let last_at = chunk
        .conversations
        .last()
        .map_or(now, |conversation| conversation.last_at);
    let number = store::begin(db, &site.site_key, &chunk.day, (first_at, last_at), now).await?;
    let written = write_and_commit(db, bucket, site, (number, chunk), (&borrowed, fault)).await;
    if written.is_err()
        && let Err(err) = abandon(db, bucket, &site.site_key, (&chunk.day, number)).await
    {
        console_error!(
            "archive: chunk {number} of {} for {} is left for a later run: {err}",
            site.site_key,
            chunk.day
        );
    }
    written
}

/// Steps 4 and 5 of a begun chunk: the object written and read back, then
/// the commit.
async fn write_and_commit(
    db: &D1Database,
    bucket: &Bucket,
    site: &DueSite,
    (number, chunk): (i64, &Chunk),
    (borrowed, fault): (&[(&str, &str)], Option<Fault>),
) -> Result<usize> {
    let header = Header {
        format: day_object::FORMAT,
        site_key: site.site_key.clone(),
        day: chunk.day.clone(),
        chunk: number,
    };
    let encoded = day_object::encode(&header, borrowed).map_err(archive_error)?;
    let key = ledger::archive::object_key(&site.site_key, &chunk.day, number);
    if fault == Some(Fault::FailWrite) {
        return Err(worker::Error::RustError(
            "local fault: the object was not written".into(),
        ));
    }
    let write = objects::Write {
        key: &key,
        header: &header,
        encoded: &encoded,
        over: None,
        cut_read_back: fault == Some(Fault::FailReadBack),
    };
    objects::write_checked(bucket, write).await?;
    let written = Written {
        rows: encoded.rows,
        bytes: encoded.bytes.len(),
        sha256: encoded.sha256.clone(),
    };
    if !store::commit(db, &site.site_key, (number, chunk), &written).await? {
        return Err(worker::Error::RustError(
            "a conversation changed after its rows were read; the next run takes it again".into(),
        ));
    }
    Ok(encoded.rows)
}

/// `POST /__local/archive`: one archive run over every database now, with
/// the fault the request asks for; what it did. Only a Worker that honours
/// faults (`--var LOCAL_FAULTS:allowed`, the tests and the benchmarks)
/// answers it.
pub async fn post_local_run(
    req: worker::Request,
    ctx: worker::RouteContext<worker::Context>,
) -> std::result::Result<worker::Response, crate::refusal::Refusal> {
    let allowed = crate::faults::allowed(
        ctx.var(crate::bindings::LOCAL_FAULTS)
            .ok()
            .map(|var| var.to_string()),
    );
    if !allowed {
        return Err(crate::refusal::Refusal::new(
            protocol::ErrorCode::NotFound,
            "no such route",
        ));
    }
    let fault = match crate::faults::requested(&req, &ctx)? {
        Some(crate::faults::Fault::FailArchiveWrite) => Some(Fault::FailWrite),
        Some(crate::faults::Fault::FailArchiveReadBack) => Some(Fault::FailReadBack),
        _ => None,
    };
    let bucket = bucket(&ctx.env)?;
    let now = Date::now().as_millis() as i64;
    let mut total = Run::default();
    for (name, db) in databases::each(&ctx.env) {
        let run = run(&ctx.env, (&name, &db?), &bucket, now, fault).await?;
        total.chunks += run.chunks;
        total.rows += run.rows;
        total.failed += run.failed;
        total.abandoned += run.abandoned;
    }
    Ok(crate::respond::json(&total, 200)?)
}
