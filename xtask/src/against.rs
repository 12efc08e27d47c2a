//! Another revision of the project, checked out and built beside this one
//! for `cargo xtask bench --against REV`: a git worktree under
//! `target/against/<commit>`, kept between runs (with its own `target/`, so
//! a second run rebuilds nothing), built by that revision's own xtask.

use std::process::Command;

use anyhow::{Context, Result};

use crate::processes::{output, run};
use crate::repo::Repo;

/// A built checkout of another revision.
pub struct Revision {
    /// Its tree.
    pub repo: Repo,
    /// The commit, abbreviated, for printing.
    pub short: String,
}

/// The commit `rev` names in `repo`.
fn resolve(repo: &Repo, rev: &str) -> Result<String> {
    let sha = output(
        Command::new("git")
            .args(["rev-parse", "--verify", "--quiet"])
            .arg(format!("{rev}^{{commit}}"))
            .current_dir(repo.root()),
    )
    .with_context(|| format!("{rev:?} names no commit of this repository"))?;
    Ok(sha.trim().to_string())
}

/// The commit this checkout is at, for printing beside the other one.
pub fn head(repo: &Repo) -> String {
    let sha = output(
        Command::new("git")
            .args(["rev-parse", "--short=10", "HEAD"])
            .current_dir(repo.root()),
    )
    .unwrap_or_default();
    let dirty = !output(
        Command::new("git")
            .args(["status", "--porcelain", "--untracked-files=no"])
            .current_dir(repo.root()),
    )
    .unwrap_or_default()
    .trim()
    .is_empty();
    format!("{}{}", sha.trim(), if dirty { "+changes" } else { "" })
}

/// Checks `rev` out under `target/against/` (reusing the checkout when it
/// is still there) and builds what the selected benchmarks need with that
/// revision's own `cargo xtask`.
pub fn prepare(repo: &Repo, rev: &str, builds: &[&str]) -> Result<Revision> {
    let sha = resolve(repo, rev)?;
    let short: String = sha.chars().take(10).collect();
    let dir = repo.path("target/against").join(&short);
    let reusable = dir.join(".git").exists()
        && output(
            Command::new("git")
                .args(["rev-parse", "HEAD"])
                .current_dir(&dir),
        )
        .is_ok_and(|at| at.trim() == sha);
    if reusable {
        println!("reusing the checkout of {short} in {}", dir.display());
    } else {
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        run(Command::new("git")
            .args(["worktree", "prune"])
            .current_dir(repo.root()))?;
        run(Command::new("git")
            .args(["worktree", "add", "--detach", "--force"])
            .arg(&dir)
            .arg(&sha)
            .current_dir(repo.root()))?;
    }
    let other = Repo::at(dir.clone());
    for build in builds {
        // The revision builds itself, as its own CI would, installing its
        // own npm tools (wrangler, wasm-opt) into its checkout. (They are
        // not linked from this checkout: its `npm ci` would empty ours.)
        run(Command::new("cargo")
            .args(["xtask", build])
            .current_dir(&dir)
            .env_remove("CARGO_TARGET_DIR"))?;
    }
    Ok(Revision { repo: other, short })
}
