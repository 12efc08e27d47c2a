//! A deploy proven without a Cloudflare account: `wrangler deploy
//! --dry-run` for the default and the `queue` environment builds the
//! bundle (with `wrangler.toml`'s build command, as a real deploy does) and
//! reports its size; the check fails when the compressed upload passes
//! Cloudflare's Worker size limit. (That every binding the Worker reads is
//! declared is a unit test in `edge-worker/src/bindings.rs`.)

use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::repo::Repo;

/// Cloudflare's limit on a Worker's compressed upload on the free plan
/// (3 MB; 10 MB on paid plans), in KiB as wrangler prints sizes.
const FREE_PLAN_LIMIT_KIB: f64 = 3.0 * 1024.0;

/// The environments a deploy can target (`--env`).
const ENVIRONMENTS: [(&str, &str); 2] = [("default", ""), ("queue", "queue")];

/// The gzip size wrangler reports: "Total Upload: 2447.60 KiB / gzip: 729.10 KiB".
fn gzip_kib(output: &str) -> Option<f64> {
    let line = output.lines().find(|line| line.contains("Total Upload:"))?;
    let (_, gzip) = line.split_once("gzip:")?;
    gzip.trim().trim_end_matches("KiB").trim().parse().ok()
}

/// Dry-runs a deploy of each environment into `target/deploy-dry-run/`.
pub fn check(repo: &Repo) -> Result<()> {
    for (name, env) in ENVIRONMENTS {
        let out = repo.path(&format!("target/deploy-dry-run/{name}"));
        let output = Command::new(repo.node_bin("wrangler"))
            .args(["deploy", "--dry-run", "--outdir"])
            .arg(&out)
            .arg(format!("--env={env}"))
            .current_dir(repo.worker_dir())
            .env("WRANGLER_SEND_METRICS", "false")
            .env("CI", "true")
            .output()
            .context("running wrangler deploy --dry-run")?;
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        if !output.status.success() {
            bail!("wrangler deploy --dry-run --env={env:?} failed:\n{text}");
        }
        let Some(gzip) = gzip_kib(&text) else {
            bail!("wrangler deploy --dry-run printed no upload size:\n{text}");
        };
        println!(
            "deploy dry run, {name} environment: {gzip:.1} KiB gzip (limit {FREE_PLAN_LIMIT_KIB:.0} KiB on the free plan)"
        );
        if gzip >= FREE_PLAN_LIMIT_KIB {
            bail!(
                "the {name} Worker's upload is {gzip:.1} KiB gzip, over Cloudflare's {FREE_PLAN_LIMIT_KIB:.0} KiB free-plan limit"
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_upload_size_is_read_from_wranglers_summary() {
        let printed = "✨ Read 9 files\nTotal Upload: 2447.60 KiB / gzip: 729.10 KiB\nbindings";
        assert_eq!(gzip_kib(printed), Some(729.10));
        assert_eq!(gzip_kib("no summary"), None);
        assert_eq!(gzip_kib("Total Upload: 1 KiB / gzip: much"), None);
    }
}
