//! Which D1 database holds a site.
//!
//! A D1 database has one writer and a size limit, so the collector can
//! spread sites over several: `DATABASES` (a var) lists their bindings,
//! and every one of them has the whole schema. A site's rows all live in
//! one database, so every query, already scoped by site, runs there
//! unchanged.
//!
//! The first database, `DB`, also holds the placement table
//! (`site_placements`, migration 0011): the database of each site placed
//! elsewhere, written by `cargo xtask site add` (which picks a database by
//! a stable hash of the key) and by a move. A site with no row lives in
//! `DB`, where every site lived before there were several.

use std::cell::RefCell;

use serde::Deserialize;
use worker::{D1Database, Date, Env, Error, Result};

use super::busy;
use super::text;
use crate::bindings;
use crate::recent::Recent;

/// How long an isolate reuses a site's placement. A move writes to both
/// databases for longer than this before it flips a placement.
pub const PLACEMENT_CACHE_MS: f64 = 30_000.0;

/// Most placements remembered per isolate.
const MAX_REMEMBERED: usize = 1_000;

thread_local! {
    static PLACED: RefCell<Recent<String, String>> = RefCell::new(Recent::new(MAX_REMEMBERED));
}

/// The bindings of the site databases, in order: `DATABASES` split at
/// commas, or `DB` alone when it is not set.
pub fn names(env: &Env) -> Vec<String> {
    let value = env
        .var(bindings::DATABASES)
        .map(|value| value.to_string())
        .unwrap_or_default();
    protocol::databases::listed(&value)
}

/// Every site database, for what runs over all sites (the retention
/// sweep, an origin no site key vouches for yet).
pub fn all(env: &Env) -> Result<Vec<D1Database>> {
    names(env).iter().map(|name| env.d1(name)).collect()
}

#[derive(Deserialize)]
struct Placement {
    database: String,
}

/// The binding that holds `site_key`'s rows, through a short per-isolate
/// cache.
async fn placement(env: &Env, site_key: &str) -> Result<String> {
    let now = Date::now().as_millis() as f64;
    if let Some(name) = PLACED.with(|placed| placed.borrow().get(&site_key.to_string(), now)) {
        return Ok(name);
    }
    let directory = env.d1(bindings::DB)?;
    let row = busy::first::<Placement>(
        &directory
            .prepare("SELECT database FROM site_placements WHERE site_key = ?1")
            .bind(&[text(site_key)])?,
    )
    .await?;
    let name = row.map_or_else(|| bindings::DB.to_string(), |row| row.database);
    PLACED.with(|placed| {
        placed
            .borrow_mut()
            .put(site_key.to_string(), name.clone(), now + PLACEMENT_CACHE_MS);
    });
    Ok(name)
}

/// The database that holds `site_key`'s rows.
pub async fn for_site(env: &Env, site_key: &str) -> Result<D1Database> {
    let name = placement(env, site_key).await?;
    if !names(env).contains(&name) {
        return Err(Error::RustError(format!(
            "site {site_key} is placed in {name}, which DATABASES does not list"
        )));
    }
    env.d1(&name)
}
