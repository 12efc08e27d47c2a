//! Where things are in the checkout.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The workspace root and the paths derived from it.
#[derive(Clone)]
pub struct Repo {
    root: PathBuf,
}

impl Repo {
    /// The workspace this xtask was built from.
    pub fn locate() -> Result<Self> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .context("xtask lives one level below the workspace root")?
            .to_path_buf();
        Ok(Self { root })
    }

    /// The checkout at `root` (another revision's, see `against`).
    pub fn at(root: PathBuf) -> Self {
        Self { root }
    }

    /// A path relative to the workspace root.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// The workspace root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A binary installed by `npm ci` (wrangler, wasm-opt, ...).
    pub fn node_bin(&self, name: &str) -> PathBuf {
        self.root.join("node_modules/.bin").join(name)
    }

    /// esbuild's native binary, which comes with wrangler.
    pub fn esbuild(&self) -> PathBuf {
        self.root
            .join("node_modules/@esbuild/linux-x64/bin/esbuild")
    }

    /// The Worker crate's folder (where `wrangler.toml` is).
    pub fn worker_dir(&self) -> PathBuf {
        self.root.join("edge-worker")
    }

    /// Where the built widget goes, as served to host pages.
    pub fn widget_dist(&self) -> PathBuf {
        self.root.join("dist/widget")
    }
}

/// A binary installed by `cargo install`.
pub fn cargo_bin(name: &str) -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin").join(name)
}
