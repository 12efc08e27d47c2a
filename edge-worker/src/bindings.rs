//! Every binding the Worker reads from its environment, by name, and which
//! deployments must declare it in `wrangler.toml`. The code reads bindings
//! only through these names; a test holds `wrangler.toml` to them, and
//! `cargo xtask test` builds a dry-run deploy of both environments.

/// The first D1 database: sites with no placement row, and the placement
/// table (see `store::databases`).
pub const DB: &str = "DB";
/// The D1 bindings sites are spread over, comma-separated, `DB` first.
pub const DATABASES: &str = "DATABASES";
/// The static assets: the shipped copy and the dashboard.
pub const ASSETS: &str = "ASSETS";
/// Requests per site key (Cloudflare Rate Limiting).
pub const SITE_LIMITER: &str = "SITE_LIMITER";
/// Requests per browser per site.
pub const CLIENT_LIMITER: &str = "CLIENT_LIMITER";
/// Lookups of unremembered page origins per browser.
pub const ORIGIN_LIMITER: &str = "ORIGIN_LIMITER";
/// The R2 bucket cold conversations are archived to (`crate::archive`).
pub const ARCHIVE: &str = "ARCHIVE";
/// Webhook deliveries.
pub const WEBHOOK_QUEUE: &str = "WEBHOOK_QUEUE";
/// Ingest behind a queue (the `queue` environment only).
pub const INGEST_QUEUE: &str = "INGEST_QUEUE";
/// `"direct"` or `"queue"`.
pub const INGEST_MODE: &str = "INGEST_MODE";
/// How long one webhook POST may take, in ms.
pub const WEBHOOK_TIMEOUT_MS: &str = "WEBHOOK_TIMEOUT_MS";
/// The webhook retry delays, `"first,most"` in seconds.
pub const WEBHOOK_BACKOFF_SECONDS: &str = "WEBHOOK_BACKOFF_SECONDS";
/// `"1"` lets webhooks point at loopback hosts: local runs only (the tests'
/// receivers), never declared for a deployment.
pub const LOCAL_WEBHOOKS: &str = "LOCAL_WEBHOOKS";
/// `"allowed"` lets a request ask for a fault (`faults::HEADER`): local
/// test runs only, never declared for a deployment.
pub const LOCAL_FAULTS: &str = "LOCAL_FAULTS";

#[cfg(test)]
mod tests {
    use super::*;
    use toml::{Table, Value};

    /// Which deployments must declare a binding.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Declared {
        /// Both the default and the `queue` environment.
        Everywhere,
        /// The `queue` environment only.
        QueueOnly,
        /// Neither: set for local runs only.
        Nowhere,
    }

    /// Every binding the Worker reads.
    pub const ALL: [(&str, Declared); 14] = [
        (DB, Declared::Everywhere),
        (DATABASES, Declared::Everywhere),
        (ASSETS, Declared::Everywhere),
        (SITE_LIMITER, Declared::Everywhere),
        (CLIENT_LIMITER, Declared::Everywhere),
        (ORIGIN_LIMITER, Declared::Everywhere),
        (ARCHIVE, Declared::Everywhere),
        (WEBHOOK_QUEUE, Declared::Everywhere),
        (INGEST_QUEUE, Declared::QueueOnly),
        (INGEST_MODE, Declared::Everywhere),
        (WEBHOOK_TIMEOUT_MS, Declared::Everywhere),
        (WEBHOOK_BACKOFF_SECONDS, Declared::Everywhere),
        (LOCAL_WEBHOOKS, Declared::Nowhere),
        (LOCAL_FAULTS, Declared::Nowhere),
    ];

    /// The D1 bindings one environment of `wrangler.toml` declares.
    fn databases(environment: &Table) -> Vec<String> {
        environment
            .get("d1_databases")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|entry| entry.get("binding").and_then(Value::as_str))
            .map(str::to_string)
            .collect()
    }

    /// The binding names one environment of `wrangler.toml` declares, its
    /// site databases past the first (which the Worker reads by the names
    /// `DATABASES` lists) left out.
    fn declared(environment: &Table) -> Vec<String> {
        let mut names: Vec<String> = databases(environment)
            .into_iter()
            .filter(|name| name == DB)
            .collect();
        for (section, key) in [("ratelimits", "name"), ("r2_buckets", "binding")] {
            for entry in environment
                .get(section)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                names.extend(entry.get(key).and_then(Value::as_str).map(str::to_string));
            }
        }
        let producers = environment
            .get("queues")
            .and_then(|queues| queues.get("producers"))
            .and_then(Value::as_array);
        for producer in producers.into_iter().flatten() {
            names.extend(
                producer
                    .get("binding")
                    .and_then(Value::as_str)
                    .map(str::to_string),
            );
        }
        if let Some(vars) = environment.get("vars").and_then(Value::as_table) {
            names.extend(vars.keys().cloned());
        }
        names
    }

    #[test]
    fn wrangler_toml_declares_every_binding_the_worker_reads_and_no_other() {
        let config: Table = include_str!("../wrangler.toml").parse().unwrap();
        // Assets are declared once, at the top; environments inherit them.
        let assets = config
            .get("assets")
            .and_then(|assets| assets.get("binding"))
            .and_then(Value::as_str);
        assert_eq!(assets, Some(ASSETS));
        let queue_env = config
            .get("env")
            .and_then(|env| env.get("queue"))
            .and_then(Value::as_table)
            .unwrap();
        for (name, env, mut found) in [
            ("default", Declared::Everywhere, declared(&config)),
            ("queue", Declared::QueueOnly, declared(queue_env)),
        ] {
            found.push(ASSETS.to_string());
            for (binding, needed) in ALL {
                let wanted = match needed {
                    Declared::Everywhere => true,
                    Declared::QueueOnly => env == Declared::QueueOnly,
                    Declared::Nowhere => false,
                };
                assert_eq!(
                    found.iter().any(|declared| declared == binding),
                    wanted,
                    "{binding} in the {name} environment of wrangler.toml"
                );
            }
            for declared in &found {
                assert!(
                    ALL.iter().any(|(binding, _)| binding == declared),
                    "wrangler.toml's {name} environment declares {declared}, which the Worker never reads"
                );
            }
        }
    }

    #[test]
    fn every_declared_database_is_a_site_database_and_each_has_its_own_id() {
        let config: Table = include_str!("../wrangler.toml").parse().unwrap();
        let queue_env = config["env"]["queue"].as_table().unwrap();
        for (name, environment) in [("default", &config), ("queue", queue_env)] {
            let listed: Vec<String> = environment["vars"][DATABASES]
                .as_str()
                .unwrap()
                .split(',')
                .map(|name| name.trim().to_string())
                .collect();
            assert_eq!(listed.first().map(String::as_str), Some(DB), "{name}");
            assert!(listed.len() >= 2, "{name}: the tests and the demo run two");
            assert_eq!(databases(environment), listed, "{name}: d1_databases");
            let mut ids: Vec<&str> = environment["d1_databases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|entry| entry["database_id"].as_str().unwrap())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), listed.len(), "{name}: one database_id each");
        }
    }

    #[test]
    fn the_worker_reads_bindings_only_through_these_names() {
        // Every call that reads a binding takes one of the constants above,
        // never a string written in place.
        let mut pending = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        let mut read = 0;
        while let Some(path) = pending.pop() {
            if path.is_dir() {
                pending.extend(
                    std::fs::read_dir(&path)
                        .unwrap()
                        .map(|entry| entry.unwrap().path()),
                );
                continue;
            }
            if path.ends_with("bindings.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for call in [
                ".d1(\"",
                ".var(\"",
                ".queue(\"",
                ".assets(\"",
                ".secret(\"",
                "get_binding(\"",
                "var(&ctx, \"",
                "var(\"",
            ] {
                assert!(
                    !text.contains(call),
                    "{} reads a binding by a literal name ({call}…); use crate::bindings",
                    path.display()
                );
            }
            read += text.matches("bindings::").count();
        }
        assert!(
            read >= ALL.len() - 1,
            "found {read} uses of crate::bindings"
        );
    }
}
