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
//!
//! A move (`cargo xtask site move`, README "Moving a site") marks the row
//! `moving_to` another database (migration 0012). While it is marked,
//! feedback is written to both databases ([`moving_to`]) and the owner's
//! changes are refused, so the copy of the site's rows and the writes
//! that arrive meanwhile meet in the new database with nothing lost.

use std::cell::RefCell;

use serde::Deserialize;
use worker::{D1Database, Date, Env, Error, Result};

use super::busy;
use super::text;
use crate::bindings;
use crate::recent::Recent;

/// Most placements remembered per isolate.
const MAX_REMEMBERED: usize = 1_000;

thread_local! {
    static PLACED: RefCell<Recent<String, Placement>> = RefCell::new(Recent::new(MAX_REMEMBERED));
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

/// Every site database, for what runs over all sites (an origin no site
/// key vouches for yet).
pub fn all(env: &Env) -> Result<Vec<D1Database>> {
    names(env).iter().map(|name| env.d1(name)).collect()
}

/// Every site database by its binding, each opened on its own, for the
/// sweeps: one that cannot be opened does not stop the others.
pub fn each(env: &Env) -> Vec<(String, Result<D1Database>)> {
    names(env)
        .into_iter()
        .map(|name| {
            let db = env.d1(&name);
            (name, db)
        })
        .collect()
}

/// A site's placement row.
#[derive(Clone, Deserialize)]
struct Placement {
    /// The binding that holds the site's rows and answers its reads.
    database: String,
    /// While a move runs: the binding its rows are being copied to.
    moving_to: Option<String>,
}

/// `site_key`'s placement, through a short per-isolate cache.
async fn placement(env: &Env, site_key: &str) -> Result<Placement> {
    let now = Date::now().as_millis() as f64;
    if let Some(name) = PLACED.with(|placed| placed.borrow().get(&site_key.to_string(), now)) {
        return Ok(name);
    }
    let directory = env.d1(bindings::DB)?;
    let row = busy::first::<Placement>(
        &directory
            .prepare("SELECT database, moving_to FROM site_placements WHERE site_key = ?1")
            .bind(&[text(site_key)])?,
    )
    .await?;
    let placement = row.unwrap_or_else(|| Placement {
        database: bindings::DB.to_string(),
        moving_to: None,
    });
    PLACED.with(|placed| {
        placed.borrow_mut().put(
            site_key.to_string(),
            placement.clone(),
            now + f64::from(protocol::databases::PLACEMENT_CACHE_MS),
        );
    });
    Ok(placement)
}

/// The listed database `name`, for `site_key`.
fn listed(env: &Env, site_key: &str, name: &str) -> Result<D1Database> {
    if !names(env).iter().any(|listed| listed == name) {
        return Err(Error::RustError(format!(
            "site {site_key} is placed in {name}, which DATABASES does not list"
        )));
    }
    env.d1(name)
}

/// The database that holds `site_key`'s rows.
pub async fn for_site(env: &Env, site_key: &str) -> Result<D1Database> {
    let placement = placement(env, site_key).await?;
    listed(env, site_key, &placement.database)
}

/// The name of the binding that holds `site_key`'s rows.
pub async fn home_of(env: &Env, site_key: &str) -> Result<String> {
    Ok(placement(env, site_key).await?.database)
}

/// While `site_key` is moving: the database its rows are being copied to,
/// which every write of its feedback must reach too.
pub async fn moving_to(env: &Env, site_key: &str) -> Result<Option<D1Database>> {
    match placement(env, site_key).await?.moving_to {
        Some(name) => listed(env, site_key, &name).map(Some),
        None => Ok(None),
    }
}

/// The databases a write of `site_key`'s feedback goes to: its own, and
/// while it moves, the one it moves to.
pub async fn for_writes(env: &Env, site_key: &str) -> Result<Vec<D1Database>> {
    let placement = placement(env, site_key).await?;
    let mut databases = vec![listed(env, site_key, &placement.database)?];
    if let Some(name) = &placement.moving_to {
        databases.push(listed(env, site_key, name)?);
    }
    Ok(databases)
}
