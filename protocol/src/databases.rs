//! The collector's D1 databases, as the Worker and `cargo xtask` both read
//! them: `DATABASES` in `wrangler.toml` lists their bindings, comma-
//! separated, the first one first; a site with no placement row lives in
//! the first one (see `edge-worker/src/store/databases.rs`).

/// The first database: sites without a placement row, and the placement
/// table. Also the list when `DATABASES` is unset or empty.
pub const FIRST: &str = "DB";

/// How long a Worker isolate reuses a site's placement (ms). A move
/// (`cargo xtask site move`) waits longer than this after each change of
/// a placement row, so that every isolate has seen it before the next step.
pub const PLACEMENT_CACHE_MS: u32 = 30_000;

/// The bindings a `DATABASES` value lists, in order; [`FIRST`] alone
/// when it lists none.
pub fn listed(value: &str) -> Vec<String> {
    let names: Vec<String> = value
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect();
    if names.is_empty() {
        vec![FIRST.to_string()]
    } else {
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_are_listed_in_order_and_the_first_one_by_default() {
        assert_eq!(listed("DB,DB_1"), ["DB", "DB_1"]);
        assert_eq!(listed(" DB , DB_1 ,DB_2 "), ["DB", "DB_1", "DB_2"]);
        assert_eq!(listed(""), [FIRST]);
        assert_eq!(listed(" , "), [FIRST]);
    }
}
