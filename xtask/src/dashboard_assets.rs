//! The dashboard's files as the collector serves them (`/dashboard/`):
//! every file but `index.html` named by its content under `files/`
//! (`dashboard.<hash>.js`, `wording_editor_bg.<hash>.wasm`, …), which
//! `edge-worker/_headers` caches for a year as `immutable`; `index.html`,
//! which names them, is revalidated on every load (`no-cache`).
//!
//! `start.js` is written with the names of the two apps it starts (the
//! dashboard, and the Wording editor it fetches on demand), then named by
//! its own content, and `index.html` with the names of `start.js` and the
//! CSS. The previous build's files stay one build longer, so a tab opened
//! before a deploy still finds the Wording editor it was built with.

use std::path::Path;

use anyhow::{Context, Result};

use crate::widget_assets::hashed_name;

/// The folder of the content-named files, inside the dashboard's.
pub const FILES_DIR: &str = "files";
/// What the build writes beside `index.html`: the current files' names,
/// for the tools that measure them and for the next build.
const MANIFEST: &str = "files.json";
/// Where `start.js` takes the apps' names.
const START_SLOT: &str = "{/* files */}";

/// The built files an `index.html` names, each as `files/<name>`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DashboardFiles {
    /// `start.<hash>.js`, the page's one script.
    pub start_js: String,
    /// `dashboard.<hash>.css`.
    pub css: String,
    /// `dashboard.<hash>.js`, the app's wasm-bindgen module.
    pub dashboard_js: String,
    /// `dashboard_bg.<hash>.wasm`.
    pub dashboard_wasm: String,
    /// `wording_editor.<hash>.js`, the Wording editor's module.
    pub wording_js: String,
    /// `wording_editor_bg.<hash>.wasm`.
    pub wording_wasm: String,
}

impl DashboardFiles {
    /// What a browser fetches before the first section draws, as paths
    /// under the dashboard's folder (en-US is compiled in).
    pub fn first_section(&self) -> Vec<String> {
        let mut paths = vec!["index.html".to_string()];
        for name in [
            &self.start_js,
            &self.css,
            &self.dashboard_js,
            &self.dashboard_wasm,
        ] {
            paths.push(format!("{FILES_DIR}/{name}"));
        }
        paths
    }

    /// What opening Wording fetches on top.
    pub fn wording(&self) -> Vec<String> {
        [&self.wording_js, &self.wording_wasm]
            .map(|name| format!("{FILES_DIR}/{name}"))
            .to_vec()
    }

    fn names(&self) -> [&String; 6] {
        [
            &self.start_js,
            &self.css,
            &self.dashboard_js,
            &self.dashboard_wasm,
            &self.wording_js,
            &self.wording_wasm,
        ]
    }

    /// The files of `out` (a built dashboard folder), from its manifest.
    pub fn of(out: &Path) -> Result<Self> {
        let path = out.join(MANIFEST);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("{} is not a manifest", path.display()))
    }
}

/// The files a build of the two apps left in `built` (`dashboard.js`,
/// `dashboard_bg.wasm`, `wording_editor.js`, `wording_editor_bg.wasm`),
/// with the page's own sources in `source` (`index.html`, `start.js`,
/// `dashboard.css`), published into `out`. Returns their names.
pub fn publish(built: &Path, source: &Path, out: &Path) -> Result<DashboardFiles> {
    let previous = DashboardFiles::of(out).ok();
    let files_dir = out.join(FILES_DIR);
    std::fs::create_dir_all(&files_dir)?;
    let read = |dir: &Path, name: &str| {
        std::fs::read(dir.join(name))
            .with_context(|| format!("reading {}", dir.join(name).display()))
    };
    let mut written = Vec::new();
    let mut place = |stem: &str, ext: &str, bytes: Vec<u8>| -> Result<String> {
        let name = hashed_name(stem, ext, &bytes);
        std::fs::write(files_dir.join(&name), bytes)?;
        written.push(name.clone());
        Ok(name)
    };
    let dashboard_js = place("dashboard", "js", read(built, "dashboard.js")?)?;
    let dashboard_wasm = place("dashboard_bg", "wasm", read(built, "dashboard_bg.wasm")?)?;
    let wording_js = place("wording_editor", "js", read(built, "wording_editor.js")?)?;
    let wording_wasm = place(
        "wording_editor_bg",
        "wasm",
        read(built, "wording_editor_bg.wasm")?,
    )?;
    let css = place("dashboard", "css", read(source, "dashboard.css")?)?;
    let apps = serde_json::json!({
        "dashboardJs": dashboard_js,
        "dashboardWasm": dashboard_wasm,
        "wordingJs": wording_js,
        "wordingWasm": wording_wasm,
    });
    let start = String::from_utf8(read(source, "start.js")?).context("start.js is not UTF-8")?;
    let start = fill(&start, START_SLOT, &apps.to_string(), "start.js")?;
    let start_js = place("start", "js", start.into_bytes())?;
    let files = DashboardFiles {
        start_js,
        css,
        dashboard_js,
        dashboard_wasm,
        wording_js,
        wording_wasm,
    };
    let page = String::from_utf8(read(source, "index.html")?).context("index.html is not UTF-8")?;
    let page = fill(
        &page,
        "href=\"dashboard.css\"",
        &format!("href=\"{FILES_DIR}/{}\"", files.css),
        "index.html",
    )?;
    let page = fill(
        &page,
        "src=\"start.js\"",
        &format!("src=\"{FILES_DIR}/{}\"", files.start_js),
        "index.html",
    )?;
    std::fs::write(out.join("index.html"), page)?;
    std::fs::write(out.join(MANIFEST), serde_json::to_string_pretty(&files)?)?;
    // Older builds' files go, but for the one before this.
    let kept: Vec<&String> = files
        .names()
        .into_iter()
        .chain(previous.iter().flat_map(DashboardFiles::names))
        .collect();
    for entry in std::fs::read_dir(&files_dir)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !kept.contains(&&name) {
            std::fs::remove_file(entry.path())?;
        }
    }
    // A folder built before the names were hashed.
    for name in [
        "dashboard.js",
        "dashboard_bg.wasm",
        "start.js",
        "dashboard.css",
    ] {
        let _ = std::fs::remove_file(out.join(name));
    }
    Ok(files)
}

/// `text` with its one `slot` replaced by `value`.
fn fill(text: &str, slot: &str, value: &str, file: &str) -> Result<String> {
    if text.matches(slot).count() != 1 {
        anyhow::bail!("dashboard/{file} must hold {slot} once");
    }
    Ok(text.replace(slot, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("dashboard-assets-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn build(built: &Path, version: &str) {
        for (name, bytes) in [
            ("dashboard.js", format!("app {version}")),
            ("dashboard_bg.wasm", format!("\0asm app {version}")),
            ("wording_editor.js", format!("editor {version}")),
            ("wording_editor_bg.wasm", format!("\0asm editor {version}")),
        ] {
            std::fs::write(built.join(name), bytes).unwrap();
        }
    }

    fn listed(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_page_names_its_files_by_content_and_start_names_both_apps() {
        let (built, out) = (scratch("built"), scratch("out"));
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../dashboard");
        build(&built, "one");
        let files = publish(&built, &source, &out).unwrap();
        assert_eq!(DashboardFiles::of(&out).unwrap(), files);
        let page = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert!(
            page.contains(&format!("src=\"files/{}\"", files.start_js)),
            "{page}"
        );
        assert!(
            page.contains(&format!("href=\"files/{}\"", files.css)),
            "{page}"
        );
        let start = std::fs::read_to_string(out.join(FILES_DIR).join(&files.start_js)).unwrap();
        for name in [
            &files.dashboard_js,
            &files.dashboard_wasm,
            &files.wording_js,
            &files.wording_wasm,
        ] {
            assert!(
                start.contains(&format!("\"{name}\"")),
                "{name} not in {start}"
            );
        }
        assert!(!start.contains(START_SLOT));
        assert_eq!(
            std::fs::read(out.join(FILES_DIR).join(&files.wording_wasm)).unwrap(),
            b"\0asm editor one"
        );
        assert!(
            files.dashboard_js.starts_with("dashboard.") && files.dashboard_js.ends_with(".js")
        );
        assert!(
            !files
                .first_section()
                .iter()
                .any(|path| path.contains("wording"))
        );
        std::fs::remove_dir_all(&built).unwrap();
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn a_build_keeps_the_previous_builds_files_only() {
        let (built, out) = (scratch("built-3"), scratch("out-3"));
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../dashboard");
        // A folder from before hashed names.
        std::fs::write(out.join("dashboard_bg.wasm"), b"old").unwrap();
        build(&built, "one");
        let first = publish(&built, &source, &out).unwrap();
        build(&built, "two");
        let second = publish(&built, &source, &out).unwrap();
        build(&built, "three");
        let third = publish(&built, &source, &out).unwrap();
        assert_ne!(first.wording_wasm, second.wording_wasm);
        // The CSS did not change: one file serves all three builds.
        assert_eq!(first.css, third.css);
        let mut expected: Vec<String> = second
            .names()
            .into_iter()
            .chain(third.names())
            .cloned()
            .collect();
        expected.sort();
        expected.dedup();
        assert_eq!(listed(&out.join(FILES_DIR)), expected);
        assert_eq!(listed(&out), ["files", "files.json", "index.html"]);
        std::fs::remove_dir_all(&built).unwrap();
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn a_page_without_its_slot_is_refused() {
        assert!(
            fill(
                "<script src=\"app.js\">",
                "src=\"start.js\"",
                "x",
                "index.html"
            )
            .is_err()
        );
        assert!(fill("{/* files */}{/* files */}", START_SLOT, "{}", "start.js").is_err());
    }
}
