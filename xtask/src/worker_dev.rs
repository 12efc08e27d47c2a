//! The Worker on local workerd (`wrangler dev`) and its local D1 database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use anyhow::Result;

use crate::collector_assets;
use crate::operations::placement;
use crate::processes::{Background, describe, http_answers, run, wait_until};
use crate::repo::Repo;

/// The first D1 binding in `edge-worker/wrangler.toml`: sites without a
/// placement row, and the placement table.
const BINDING: &str = "DB";

/// Which D1 database wrangler talks to.
pub enum Target {
    /// A local database kept in a state folder (`--persist-to`).
    Local(PathBuf),
    /// The deployed database (`--remote`; needs `wrangler login`).
    Remote,
}

/// A D1 database reached through wrangler: `DB` unless made for a site
/// ([`D1::for_site`]) or for one of the other databases.
pub struct D1<'a> {
    repo: &'a Repo,
    target: Target,
    binding: String,
}

impl<'a> D1<'a> {
    /// The local database whose files live under `state`.
    pub fn new(repo: &'a Repo, state: PathBuf) -> Self {
        Self::at(repo, Target::Local(state))
    }

    /// The database at `target`.
    pub fn at(repo: &'a Repo, target: Target) -> Self {
        Self {
            repo,
            target,
            binding: BINDING.to_string(),
        }
    }

    /// The same collector's database `binding`.
    fn on(&self, binding: &str) -> Self {
        Self {
            repo: self.repo,
            target: match &self.target {
                Target::Local(state) => Target::Local(state.clone()),
                Target::Remote => Target::Remote,
            },
            binding: binding.to_string(),
        }
    }

    /// Every site database of the collector, `DB` first.
    pub fn each(&self) -> Result<Vec<Self>> {
        Ok(placement::databases(self.repo)?
            .iter()
            .map(|binding| self.on(binding))
            .collect())
    }

    /// The database that holds `site_key`'s rows: its placement row's, or
    /// `DB`. (A checkout with one database has no placement table.)
    pub fn for_site(&self, site_key: &str) -> Result<Self> {
        if placement::databases(self.repo)?.len() < 2 {
            return Ok(self.on(BINDING));
        }
        let rows = self.on(BINDING).query(&format!(
            "SELECT database FROM site_placements WHERE site_key = '{}'",
            site_key.replace('\'', "''")
        ))?;
        let binding = rows
            .first()
            .and_then(|row| row.get("database"))
            .and_then(serde_json::Value::as_str)
            .unwrap_or(BINDING)
            .to_string();
        Ok(self.on(&binding))
    }

    /// The database `site_key` is moving to, while `cargo xtask site move`
    /// copies it there (its changes must wait until then).
    pub fn moving_to(&self, site_key: &str) -> Result<Option<String>> {
        if placement::databases(self.repo)?.len() < 2 {
            return Ok(None);
        }
        let rows = self.on(BINDING).query(&format!(
            "SELECT moving_to FROM site_placements WHERE site_key = '{}'",
            site_key.replace('\'', "''")
        ))?;
        Ok(rows
            .first()
            .and_then(|row| row.get("moving_to"))
            .and_then(serde_json::Value::as_str)
            .map(str::to_string))
    }

    /// The database for a new site `site_key`, chosen by the stable hash
    /// of its key ([`placement::choose`]), with its placement row written
    /// when that is not `DB`.
    pub fn place_new(&self, site_key: &str) -> Result<Self> {
        let databases = placement::databases(self.repo)?;
        let binding = placement::choose(site_key, &databases).to_string();
        if binding != BINDING {
            self.on(BINDING).execute(&placement::row_sql(
                site_key,
                &binding,
                crate::operations::sites::now_ms()?,
            ))?;
        }
        Ok(self.on(&binding))
    }

    /// The binding this handle reads and writes.
    pub fn binding(&self) -> &str {
        &self.binding
    }

    /// The state folder of a local database.
    pub fn state(&self) -> Option<&Path> {
        match &self.target {
            Target::Local(state) => Some(state),
            Target::Remote => None,
        }
    }

    fn wrangler(&self, args: &[&str]) -> Command {
        let mut cmd = wrangler(self.repo);
        cmd.args(args);
        match &self.target {
            Target::Local(state) => {
                cmd.args(["--local", "--persist-to"]).arg(state);
            }
            Target::Remote => {
                cmd.arg("--remote");
            }
        }
        cmd
    }

    /// Applies every migration in `edge-worker/migrations` not yet applied,
    /// to every site database.
    pub fn migrate(&self) -> Result<()> {
        for database in self.each()? {
            let apply = || database.wrangler(&["d1", "migrations", "apply", &database.binding]);
            println!("$ {}", describe(&apply()));
            let output = output_unless_busy(apply)?;
            print!("{}", String::from_utf8_lossy(&output.stdout));
            if !output.status.success() {
                anyhow::bail!(
                    "applying the migrations to {} failed: {}",
                    database.binding,
                    String::from_utf8_lossy(&output.stderr)
                );
            }
        }
        Ok(())
    }

    /// Runs SQL statements (built by trusted tooling; see `sites.rs`).
    pub fn execute(&self, sql: &str) -> Result<()> {
        run(self
            .wrangler(&["d1", "execute", &self.binding, "--command", sql])
            .stdout(Stdio::null()))
    }

    /// Runs one query and returns its rows as JSON objects; asked again
    /// while the database answers busy (the running Worker writes the same
    /// SQLite file), as a read may be.
    pub fn query(&self, sql: &str) -> Result<Vec<serde_json::Value>> {
        let output = output_unless_busy(|| {
            self.wrangler(&["d1", "execute", &self.binding, "--json", "--command", sql])
        })?;
        if !output.status.success() {
            anyhow::bail!(
                "wrangler d1 execute on {} failed: {}{}",
                self.binding,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let out = String::from_utf8_lossy(&output.stdout);
        let answer: serde_json::Value = serde_json::from_str(&out).map_err(|err| {
            anyhow::anyhow!("wrangler's --json output did not parse: {err}\n{out}")
        })?;
        Ok(answer
            .get(0)
            .and_then(|first| first.get("results"))
            .and_then(|rows| rows.as_array())
            .cloned()
            .unwrap_or_default())
    }
}

impl D1<'_> {
    /// Runs the statements of `sql` from a file (no length limit on the
    /// command line) and returns the rows of the last one. A local
    /// database that the running Worker is writing may answer busy
    /// (`SQLITE_BUSY`, or miniflare's "internal error"): the file is run
    /// again, up to ten times, so its statements must be idempotent.
    pub fn run_file(&self, sql: &str) -> Result<Vec<serde_json::Value>> {
        let file = tempfile_path("d1-statements", "sql")?;
        std::fs::write(&file, sql)?;
        let file_arg = format!("--file={}", file.display());
        let output = output_unless_busy(|| {
            self.wrangler(&["d1", "execute", &self.binding, "--json", "--yes", &file_arg])
        })?;
        if !output.status.success() {
            anyhow::bail!(
                "wrangler d1 execute on {} failed (the statements are kept in {}): {}{}",
                self.binding,
                file.display(),
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let _ = std::fs::remove_file(&file);
        let answers: Vec<serde_json::Value> =
            serde_json::from_slice(&output.stdout).map_err(|err| {
                anyhow::anyhow!(
                    "wrangler's --json output did not parse: {err}\n{}",
                    String::from_utf8_lossy(&output.stdout)
                )
            })?;
        Ok(answers
            .last()
            .and_then(|answer| answer.get("results"))
            .and_then(serde_json::Value::as_array)
            .cloned()
            .unwrap_or_default())
    }
}

/// Runs the command `make` builds, capturing what it prints, and runs it
/// again, up to nine more times, while a local database answers busy: the
/// running Worker writes the same SQLite file (`SQLITE_BUSY`, or
/// miniflare's "internal error"). What it printed last.
fn output_unless_busy(make: impl Fn() -> Command) -> Result<Output> {
    let run = || {
        let mut cmd = make();
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).output()
    };
    let mut output = run()?;
    for attempt in 1..10u64 {
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let busy = said.contains("SQLITE_BUSY") || said.contains("internal error; reference");
        if output.status.success() || !busy {
            break;
        }
        std::thread::sleep(Duration::from_millis(100 * attempt));
        output = run()?;
    }
    Ok(output)
}

/// A fresh path in the system's temporary folder.
fn tempfile_path(stem: &str, extension: &str) -> Result<PathBuf> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|err| anyhow::anyhow!("no randomness: {err}"))?;
    let tag: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    Ok(std::env::temp_dir().join(format!("{stem}-{tag}.{extension}")))
}

/// wrangler from node_modules, run in the Worker's folder, telemetry off.
fn wrangler(repo: &Repo) -> Command {
    // wrangler refuses to read a config whose assets folder is missing.
    if let Err(err) = collector_assets::sync_locales(repo) {
        eprintln!("cannot copy locales/ into the collector's assets: {err:#}");
    }
    wrangler_in(repo, &repo.worker_dir())
}

/// wrangler from node_modules, run in `dir`, telemetry off.
fn wrangler_in(repo: &Repo, dir: &Path) -> Command {
    let mut cmd = Command::new(repo.node_bin("wrangler"));
    cmd.current_dir(dir)
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

/// The name of the configuration `wrangler dev` runs with, written beside
/// `wrangler.toml` (so its relative paths mean the same).
const DEV_CONFIG: &str = "wrangler.dev.toml";

/// `wrangler.toml` without its `[build]` table. With it, wrangler dev runs
/// the custom build once more when its file watcher is ready (the xtask
/// has built the Worker just before) and restarts the Worker then: a
/// request in flight got "Your worker restarted mid-request" (503) and
/// the local rate limiters forgot their counts, which failed tests. It
/// also rebuilt the Worker under a running test whenever a source file
/// was saved. Without `[build]`, wrangler only reloads when
/// `build/index.js` changes, that is, after `cargo xtask build-worker`.
fn without_build_table(config: &str) -> String {
    let mut out = String::with_capacity(config.len());
    let mut in_build = false;
    for line in config.lines() {
        let header = line.trim_start();
        if header.starts_with('[') {
            in_build = header.starts_with("[build]");
        }
        if !in_build {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn write_dev_config(repo: &Repo) -> Result<PathBuf> {
    let config = std::fs::read_to_string(repo.worker_dir().join("wrangler.toml"))?;
    let path = repo.worker_dir().join(DEV_CONFIG);
    let text = format!(
        "# Written by `cargo xtask` from wrangler.toml for `wrangler dev`, without\n\
         # [build] (see xtask/src/worker_dev.rs). Edit wrangler.toml, not this.\n{}",
        without_build_table(&config)
    );
    // Written only when it changes: wrangler reloads the Worker when its
    // configuration file is touched, and the tests start a second
    // `wrangler dev` (the queue env) beside the first.
    collector_assets::write_if_changed(&path, text.as_bytes())?;
    Ok(path)
}

/// Starts `wrangler dev` on `127.0.0.1:port` against `d1`, and waits until
/// the Worker answers. `extra` goes to wrangler as is (`--test-scheduled`).
/// The Worker must be built (`builds::worker`); wrangler reloads it when
/// it is built again.
pub fn start(repo: &Repo, d1: &D1, port: u16, log: Log, extra: &[&str]) -> Result<Background> {
    let mut cmd = wrangler(repo);
    let state = d1
        .state()
        .ok_or_else(|| anyhow::anyhow!("wrangler dev runs against a local D1 only"))?;
    let config = write_dev_config(repo)?;
    cmd.args(["dev", "--config"])
        .arg(config)
        .args(["--ip", "127.0.0.1", "--port", &port.to_string()])
        .arg("--persist-to")
        .arg(state)
        .arg("--show-interactive-dev-session=false")
        // This local collector may call webhooks on this machine (the
        // tests' receiver); a deployed one never does.
        .args(["--var", "LOCAL_WEBHOOKS:allowed"])
        .args(extra)
        .stdin(Stdio::null());
    until_healthy(&mut cmd, port, &log)
}

/// Starts `cmd` (a `wrangler dev` on `port`) writing to `log`, and waits
/// until its Worker answers `/v1/health`.
fn until_healthy(cmd: &mut Command, port: u16, log: &Log) -> Result<Background> {
    if let Log::File(path) = log {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = std::fs::File::create(path)?;
        cmd.stdout(file.try_clone()?).stderr(file);
    }
    let mut worker = Background::spawn("wrangler dev", cmd)?;
    let waited = wait_until(&mut worker, "the Worker", Duration::from_secs(180), || {
        http_answers(port, "/v1/health")
    });
    if let (Err(err), Log::File(path)) = (&waited, log) {
        let output = std::fs::read_to_string(path).unwrap_or_default();
        eprintln!("--- {} ---\n{output}", path.display());
        anyhow::bail!("{err}");
    }
    waited.map(|()| worker)
}

/// Starts the ingest floor's Worker (`tests/profile/floor-worker`: the
/// same request as `POST /v1/events`, each event one plain row) on local
/// workerd with its own local D1 in `state`, for `bench --floor`.
pub fn start_floor(repo: &Repo, state: &Path, port: u16, log: Log) -> Result<Background> {
    let mut cmd = wrangler_in(repo, &repo.path("tests/profile/floor-worker"));
    cmd.args(["dev", "--ip", "127.0.0.1", "--port", &port.to_string()])
        .arg("--persist-to")
        .arg(state)
        .arg("--show-interactive-dev-session=false")
        .stdin(Stdio::null());
    until_healthy(&mut cmd, port, &log)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dev_config_is_wrangler_toml_without_its_build_table() {
        let config = "name = \"x\"\nmain = \"build/index.js\"\n\n[build]\ncommand = \"cargo xtask build-worker\"\nwatch_dir = [\"src\"]\n\n[vars]\nA = \"1\"\n[[queues.consumers]]\nqueue = \"q\"\n";
        let dev = without_build_table(config);
        assert!(
            !dev.contains("[build]") && !dev.contains("command ="),
            "{dev}"
        );
        assert!(dev.contains("main = \"build/index.js\""), "{dev}");
        assert!(dev.contains("[vars]\nA = \"1\""), "{dev}");
        assert!(dev.contains("[[queues.consumers]]\nqueue = \"q\""), "{dev}");
    }
}
