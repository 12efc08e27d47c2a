//! The Worker on local workerd (`wrangler dev`) and its local D1 database.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::Result;

use crate::processes::{Background, http_answers, run, wait_until};
use crate::repo::Repo;

/// The D1 binding name in `edge-worker/wrangler.toml`.
const BINDING: &str = "DB";

/// A local D1 database kept in a state folder (`--persist-to`).
pub struct LocalD1<'a> {
    repo: &'a Repo,
    state: PathBuf,
}

impl<'a> LocalD1<'a> {
    /// The local database whose files live under `state`.
    pub fn new(repo: &'a Repo, state: PathBuf) -> Self {
        Self { repo, state }
    }

    /// The state folder.
    pub fn state(&self) -> &Path {
        &self.state
    }

    fn wrangler(&self) -> Command {
        wrangler(self.repo)
    }

    /// Applies every migration in `edge-worker/migrations` not yet applied.
    pub fn migrate(&self) -> Result<()> {
        run(self
            .wrangler()
            .args([
                "d1",
                "migrations",
                "apply",
                BINDING,
                "--local",
                "--persist-to",
            ])
            .arg(&self.state))
    }

    /// Runs SQL statements (built by trusted tooling; see `sites.rs`).
    pub fn execute(&self, sql: &str) -> Result<()> {
        run(self
            .wrangler()
            .args(["d1", "execute", BINDING, "--local", "--persist-to"])
            .arg(&self.state)
            .args(["--command", sql])
            .stdout(Stdio::null()))
    }
}

/// wrangler from node_modules, run in the Worker's folder, telemetry off.
fn wrangler(repo: &Repo) -> Command {
    let mut cmd = Command::new(repo.node_bin("wrangler"));
    cmd.current_dir(repo.worker_dir())
        .env("WRANGLER_SEND_METRICS", "false")
        .env("CI", "true");
    cmd
}

/// Where wrangler's output goes.
pub enum Log {
    /// To this terminal.
    Terminal,
    /// To a file (tests keep their output short and point at it on failure).
    File(PathBuf),
}

/// Starts `wrangler dev` on `127.0.0.1:port` against `d1`, and waits until
/// the Worker answers.
pub fn start(repo: &Repo, d1: &LocalD1, port: u16, log: Log) -> Result<Background> {
    let mut cmd = wrangler(repo);
    cmd.args(["dev", "--ip", "127.0.0.1", "--port", &port.to_string()])
        .arg("--persist-to")
        .arg(d1.state())
        .arg("--show-interactive-dev-session=false")
        .stdin(Stdio::null());
    if let Log::File(path) = &log {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = std::fs::File::create(path)?;
        cmd.stdout(file.try_clone()?).stderr(file);
    }
    let mut worker = Background::spawn("wrangler dev", &mut cmd)?;
    let waited = wait_until(&mut worker, "the Worker", Duration::from_secs(180), || {
        http_answers(port, "/v1/health")
    });
    if let (Err(err), Log::File(path)) = (&waited, &log) {
        let output = std::fs::read_to_string(path).unwrap_or_default();
        eprintln!("--- {} ---\n{output}", path.display());
        anyhow::bail!("{err}");
    }
    waited.map(|()| worker)
}
