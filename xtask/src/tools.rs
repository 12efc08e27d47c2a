//! "Installs whatever is missing": every tool the build and the tests need,
//! checked first so a machine that has them loses no time.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::processes::{Background, free_port, http_answers, output, run, succeeds, wait_until};
use crate::repo::{Repo, cargo_bin};

/// The worker-build release matching the `worker` crate in Cargo.toml.
const WORKER_BUILD_VERSION: &str = "0.8.7";

/// Debian packages for the browser tests.
const BROWSER_PACKAGES: [&str; 2] = ["chromium", "chromium-driver"];

/// What the browser tests drive.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// The WebDriver server for [`CHROMIUM`].
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The exact wasm-bindgen version pinned in the workspace Cargo.toml; the
/// CLI must be the same version or its output will not load.
pub fn pinned_wasm_bindgen(repo: &Repo) -> Result<String> {
    let manifest = std::fs::read_to_string(repo.path("Cargo.toml"))?;
    manifest
        .lines()
        .find_map(|line| {
            let rest = line.trim().strip_prefix("wasm-bindgen = \"=")?;
            rest.split('"').next().map(str::to_string)
        })
        .context("Cargo.toml must pin wasm-bindgen as `wasm-bindgen = \"=X.Y.Z\"`")
}

/// Everything needed to build the widget and the Worker.
pub fn ensure_build_tools(repo: &Repo) -> Result<()> {
    ensure_wasm_target()?;
    let version = pinned_wasm_bindgen(repo)?;
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &version)?;
    ensure_cargo_tool("worker-build", "worker-build", WORKER_BUILD_VERSION)?;
    ensure_node_modules(repo)
}

/// Everything needed to run the browser tests as well.
pub fn ensure_test_tools(repo: &Repo) -> Result<()> {
    ensure_build_tools(repo)?;
    ensure_browser()
}

fn ensure_wasm_target() -> Result<()> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if installed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_cargo_tool(binary: &str, krate: &str, version: &str) -> Result<()> {
    let path = cargo_bin(binary);
    let current = Command::new(&path)
        .arg("--version")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default();
    if current.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    println!("installing {krate} {version} (found: {:?})", current.trim());
    run(Command::new("cargo").args(["install", krate, "--version", version, "--locked"]))
}

/// `npm ci` when node_modules is missing or older than package-lock.json.
fn ensure_node_modules(repo: &Repo) -> Result<()> {
    let lock = repo.path("package-lock.json");
    let installed = repo.path("node_modules/.package-lock.json");
    let fresh = modified(&installed)
        .zip(modified(&lock))
        .is_some_and(|(installed, lock)| installed >= lock);
    if fresh && repo.node_bin("wrangler").exists() && repo.esbuild().exists() {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(repo.root()))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
}

fn ensure_browser() -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let is_root = output(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0");
    if !is_root {
        bail!(
            "the browser tests need Debian's {} (install them with: sudo apt-get install {})",
            BROWSER_PACKAGES.join(" and "),
            BROWSER_PACKAGES.join(" ")
        );
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(BROWSER_PACKAGES)
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    if !succeeds(Command::new(CHROMEDRIVER).arg("--version")) {
        bail!("{CHROMEDRIVER} was installed but does not run");
    }
    Ok(())
}

/// Starts chromedriver on a free port and waits until it answers; its URL
/// and the process (stopped when dropped).
pub fn start_chromedriver(log: Option<&std::path::Path>) -> Result<(String, Background)> {
    let port = free_port()?;
    let mut command = Command::new(CHROMEDRIVER);
    command
        .arg(format!("--port={port}"))
        .stdout(std::process::Stdio::null());
    if let Some(log) = log {
        command.arg(format!("--log-path={}", log.display()));
    }
    let mut driver = Background::spawn("chromedriver", &mut command)?;
    wait_until(
        &mut driver,
        "chromedriver",
        std::time::Duration::from_secs(30),
        || http_answers(port, "/status"),
    )?;
    Ok((format!("http://127.0.0.1:{port}"), driver))
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    fn read(name: &str) -> Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(name);
        std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or(Value::Null)
    }

    /// npm asks that every dependency's install script be allowed or denied
    /// in `package.json` (`allowScripts`), and warns on every install until
    /// it is. esbuild's and workerd's fetch the native binaries wrangler
    /// runs; sharp's (image resizing in miniflare) is nothing we use.
    /// Entries are by name, as `npm install-scripts approve` writes them for
    /// this lock (its entries have no `resolved` URL to pin a version to);
    /// `npm install-scripts ls` then lists nothing.
    #[test]
    fn every_install_script_in_the_lock_is_allowed_or_denied() {
        let lock = read("package-lock.json");
        let allowed = read("package.json")["allowScripts"].clone();
        let packages = lock["packages"].as_object().cloned().unwrap_or_default();
        let mut with_scripts = 0;
        for (path, package) in &packages {
            if package["hasInstallScript"] != Value::Bool(true) {
                continue;
            }
            with_scripts += 1;
            let name = path.rsplit("node_modules/").next().unwrap_or(path);
            let version = package["version"].as_str().unwrap_or_default();
            let pinned = format!("{name}@{version}");
            assert!(
                allowed.get(&pinned).is_some() || allowed.get(name).is_some(),
                "{pinned} has an install script that package.json's allowScripts does not mention"
            );
        }
        assert!(with_scripts > 0, "the lock lists no install scripts at all");
    }
}
