//! Which D1 database a new site goes to, when the collector has several
//! (`DATABASES` in `edge-worker/wrangler.toml`; the Worker's side is
//! `edge-worker/src/store/databases.rs`).
//!
//! A new site's database is chosen by a stable hash of its key, and its
//! placement row (in `DB`) records the choice, so adding a database later
//! never moves a site: only a move does.

use anyhow::{Context, Result};

use crate::repo::Repo;

/// The site databases `repo`'s `wrangler.toml` lists (its top-level
/// `DATABASES`), or `DB` alone for a checkout from before there were
/// several.
pub fn databases(repo: &Repo) -> Result<Vec<String>> {
    let path = repo.worker_dir().join("wrangler.toml");
    let config =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    Ok(listed(&config))
}

/// `DATABASES = "DB,DB_1"` of a `wrangler.toml`'s top level.
fn listed(config: &str) -> Vec<String> {
    let line = config
        .lines()
        .take_while(|line| !line.starts_with("[env."))
        .find_map(|line| line.trim().strip_prefix("DATABASES"));
    protocol::databases::listed(
        line.and_then(|rest| rest.trim().strip_prefix('='))
            .map(|value| value.trim().trim_matches('"'))
            .unwrap_or(""),
    )
}

/// FNV-1a, 64 bits: the same on every machine and in every release.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The database of `databases` a new site with `site_key` goes to.
pub fn choose<'a>(site_key: &str, databases: &'a [String]) -> &'a str {
    let count = databases.len().max(1) as u64;
    let index = usize::try_from(fnv1a(site_key.as_bytes()) % count).unwrap_or(0);
    databases
        .get(index)
        .map_or(protocol::databases::FIRST, String::as_str)
}

/// The statement recording that `site_key` lives in `binding` (the key and
/// the binding are checked ids: a `pk_` key and a binding name).
pub fn row_sql(site_key: &str, binding: &str, now_ms: u128) -> String {
    format!(
        "INSERT INTO site_placements (site_key, database, placed_at) VALUES ('{}', '{}', {now_ms}) \
         ON CONFLICT (site_key) DO UPDATE SET database = excluded.database, placed_at = excluded.placed_at;",
        site_key.replace('\'', "''"),
        binding.replace('\'', "''"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_read_from_the_top_level_vars() {
        let config = "[vars]\nINGEST_MODE = \"direct\"\nDATABASES = \"DB, DB_1\"\n\n[env.queue]\nvars = { DATABASES = \"X\" }\n";
        assert_eq!(listed(config), ["DB", "DB_1"]);
        assert_eq!(listed("[vars]\nINGEST_MODE = \"direct\"\n"), ["DB"]);
    }

    #[test]
    fn the_hash_is_stable_and_spreads_sites_evenly() {
        // FNV-1a's published test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        let two = vec!["DB".to_string(), "DB_1".to_string()];
        let mut on_second = 0;
        for n in 0..1_000 {
            let key = format!("pk_site{n:05}");
            let chosen = choose(&key, &two);
            assert_eq!(
                chosen,
                choose(&key, &two),
                "the same key, the same database"
            );
            on_second += usize::from(chosen == "DB_1");
        }
        assert!(
            (400..=600).contains(&on_second),
            "{on_second} of 1,000 on DB_1"
        );
        assert_eq!(choose("pk_any", &["DB".to_string()]), "DB");
    }
}
