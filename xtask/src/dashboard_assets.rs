//! The dashboard's files as the collector serves them (`/dashboard/`):
//! every file but `index.html` named by its content under `files/`
//! (`dashboard.<hash>.js`, `wording_editor_bg.<hash>.wasm`, …), which
//! `edge-worker/_headers` caches for a year as `immutable`; `index.html`,
//! which names them, is revalidated on every load (`no-cache`).
//!
//! `start.js` is written with the names of the apps it starts ([`APPS`]:
//! the dashboard, and the sections it fetches as wasms of their own when
//! they open: Wording, Settings, Compare and a conversation), then named by its own content, and
//! `index.html` with the names of `start.js` and the CSS. The files of the
//! build before the last different one stay (the build folder remembers
//! which they were), so a tab opened before a deploy from this folder
//! still finds the sections it was built with; a deploy from a fresh clone
//! carries only its own build.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};

use crate::collector_assets::write_if_changed;
use crate::widget_assets::hashed_name;

/// The folder of the content-named files, inside the dashboard's.
pub const FILES_DIR: &str = "files";
/// What the build folder remembers of what was published: the current
/// files and those of the build before (not served).
const HISTORY: &str = "published.json";
/// Where `start.js` takes the apps' names.
const START_SLOT: &str = "{/* files */}";
/// Where `start.js` keeps them once built.
const START_FILES: &str = "const FILES = ";

/// One of the dashboard's wasm apps: the dashboard itself, or a section
/// fetched as a wasm of its own when it first opens.
#[derive(Debug, Clone, Copy)]
pub struct App {
    /// What `start.js` calls it: its files are `FILES.<key>Js` and
    /// `FILES.<key>Wasm`, and `loadSection(key)` starts it.
    pub key: &'static str,
    /// Its crate.
    pub package: &'static str,
    /// The stem of the files wasm-bindgen writes for it.
    pub stem: &'static str,
}

/// The dashboard, then the sections it fetches when they open.
pub const APPS: [App; 5] = [
    App {
        key: DASHBOARD,
        package: "dashboard",
        stem: "dashboard",
    },
    App {
        key: "wording",
        package: "wording-editor",
        stem: "wording_editor",
    },
    App {
        key: "settings",
        package: "settings-section",
        stem: "settings_section",
    },
    App {
        key: "compare",
        package: "compare-section",
        stem: "compare_section",
    },
    App {
        key: "conversation",
        package: "conversation-section",
        stem: "conversation_section",
    },
];

/// The key of the app the page starts with.
const DASHBOARD: &str = "dashboard";

/// The built files an `index.html` names, each as `files/<name>`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DashboardFiles {
    /// `start.<hash>.js`, the page's one script.
    pub start_js: String,
    /// `dashboard.<hash>.css`.
    pub css: String,
    /// The apps' files as `start.js` holds them (its `FILES`):
    /// `dashboardJs` → `dashboard.<hash>.js`, `dashboardWasm` →
    /// `dashboard_bg.<hash>.wasm`, and so on for each app's key. A build
    /// from before Settings became a wasm of its own has no `settings*`.
    pub apps: BTreeMap<String, String>,
}

/// What was published last, and the different build before it.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct History {
    current: Option<DashboardFiles>,
    previous: Option<DashboardFiles>,
}

impl DashboardFiles {
    /// The JavaScript module and the wasm of the app `key`, if built.
    pub fn app(&self, key: &str) -> Option<[&String; 2]> {
        Some([
            self.apps.get(&format!("{key}Js"))?,
            self.apps.get(&format!("{key}Wasm"))?,
        ])
    }

    /// What a browser fetches before the first section draws, as paths
    /// under the dashboard's folder (en-US is compiled in).
    pub fn first_section(&self) -> Vec<String> {
        let mut names = vec![&self.start_js, &self.css];
        names.extend(self.app(DASHBOARD).into_iter().flatten());
        let mut paths = vec!["index.html".to_string()];
        paths.extend(names.iter().map(|name| format!("{FILES_DIR}/{name}")));
        paths
    }

    /// Each section fetched when it opens, by key, with what opening it
    /// fetches on top of the first section.
    pub fn sections(&self) -> Vec<(&'static str, Vec<String>)> {
        APPS.iter()
            .filter(|app| app.key != DASHBOARD)
            .filter_map(|app| {
                let files = self.app(app.key)?;
                Some((
                    app.key,
                    files.map(|name| format!("{FILES_DIR}/{name}")).to_vec(),
                ))
            })
            .collect()
    }

    /// Whether every one of [`APPS`] is in it (not a build from before one
    /// was added).
    pub fn has_every_app(&self) -> bool {
        APPS.iter().all(|app| self.app(app.key).is_some())
    }

    fn names(&self) -> Vec<&String> {
        let mut names = vec![&self.start_js, &self.css];
        names.extend(self.apps.values());
        names
    }

    /// The files `out`'s page names, as a browser finds them: from
    /// `index.html` and its `start.js`, each of which must be there.
    pub fn of(out: &Path) -> Result<Self> {
        let read = |path: &Path| {
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
        };
        let page = read(&out.join("index.html"))?;
        let named = |attribute: &str| -> Result<String> {
            let open = format!("{attribute}=\"{FILES_DIR}/");
            let from = page
                .find(&open)
                .map(|at| at + open.len())
                .with_context(|| {
                    format!("{} names no {attribute}", out.join("index.html").display())
                })?;
            let rest = page.get(from..).unwrap_or_default();
            Ok(rest
                .get(..rest.find('"').unwrap_or(0))
                .unwrap_or_default()
                .to_string())
        };
        let (start_js, css) = (named("src")?, named("href")?);
        let start = read(&out.join(FILES_DIR).join(&start_js))?;
        let apps = start
            .find(START_FILES)
            .and_then(|at| start.get(at + START_FILES.len()..))
            .and_then(|rest| rest.get(..rest.find(";\n")?))
            .with_context(|| format!("{start_js} holds no {START_FILES}"))?;
        let apps = serde_json::from_str(apps).with_context(|| format!("{start_js}'s files"))?;
        let files = Self {
            start_js,
            css,
            apps,
        };
        if let Some(missing) = files
            .names()
            .into_iter()
            .find(|name| !out.join(FILES_DIR).join(name).is_file())
        {
            anyhow::bail!("{} is missing {missing}", out.display());
        }
        Ok(files)
    }
}

/// The files a build of the apps left in `built` (for each of [`APPS`],
/// `<stem>.js` and `<stem>_bg.wasm`), with the page's own sources in
/// `source` (`index.html`, `start.js`, `dashboard.css`), published into
/// `out`. Returns their names.
pub fn publish(built: &Path, source: &Path, out: &Path) -> Result<DashboardFiles> {
    if built.join("snippets").exists() {
        anyhow::bail!(
            "wasm-bindgen wrote snippets into {}: the dashboard's files do not carry them yet",
            built.display()
        );
    }
    let history: History = std::fs::read_to_string(built.join(HISTORY))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let files_dir = out.join(FILES_DIR);
    let read = |dir: &Path, name: &str| {
        std::fs::read(dir.join(name))
            .with_context(|| format!("reading {}", dir.join(name).display()))
    };
    // Each file whole under its new name before the page names it.
    let place = |stem: &str, ext: &str, bytes: Vec<u8>| -> Result<String> {
        let name = hashed_name(stem, ext, &bytes);
        write_if_changed(&files_dir.join(&name), &bytes)?;
        Ok(name)
    };
    let mut apps = BTreeMap::new();
    for app in APPS {
        let (js, wasm) = (format!("{}.js", app.stem), format!("{}_bg.wasm", app.stem));
        let js = place(app.stem, "js", read(built, &js)?)?;
        let wasm = place(&format!("{}_bg", app.stem), "wasm", read(built, &wasm)?)?;
        apps.insert(format!("{}Js", app.key), js);
        apps.insert(format!("{}Wasm", app.key), wasm);
    }
    let css = place("dashboard", "css", read(source, "dashboard.css")?)?;
    let start = String::from_utf8(read(source, "start.js")?).context("start.js is not UTF-8")?;
    let start = fill(
        &start,
        START_SLOT,
        &serde_json::to_string(&apps)?,
        "start.js",
    )?;
    let start_js = place("start", "js", start.into_bytes())?;
    let files = DashboardFiles {
        start_js,
        css,
        apps,
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
    write_if_changed(&out.join("index.html"), page.as_bytes())?;
    // The build before stays only when it differs from this one; else the
    // one before it does.
    let previous = match history.current {
        Some(current) if current != files => Some(current),
        _ => history.previous,
    };
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
    // A folder built before the names were hashed (or with a manifest
    // beside them).
    for name in [
        "dashboard.js",
        "dashboard_bg.wasm",
        "start.js",
        "dashboard.css",
        "files.json",
    ] {
        let _ = std::fs::remove_file(out.join(name));
    }
    let history = History {
        current: Some(files.clone()),
        previous,
    };
    std::fs::write(built.join(HISTORY), serde_json::to_string_pretty(&history)?)?;
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
        for app in APPS {
            let js = format!("{} {version}", app.key);
            let wasm = format!("\0asm {} {version}", app.key);
            std::fs::write(built.join(format!("{}.js", app.stem)), js).unwrap();
            std::fs::write(built.join(format!("{}_bg.wasm", app.stem)), wasm).unwrap();
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

    fn source() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../dashboard")
    }

    #[test]
    fn the_page_names_its_files_by_content_and_start_names_every_app() {
        let (built, out) = (scratch("built"), scratch("out"));
        build(&built, "one");
        let files = publish(&built, &source(), &out).unwrap();
        assert_eq!(
            DashboardFiles::of(&out).unwrap(),
            files,
            "read back as a browser finds them"
        );
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
        assert!(!start.contains(START_SLOT));
        for app in APPS {
            // Each app's files under the keys the page's script reads them by.
            let [js, wasm] = files.app(app.key).unwrap();
            for (key, name) in [("Js", js), ("Wasm", wasm)] {
                let entry = format!("\"{}{key}\":\"{name}\"", app.key);
                assert!(start.contains(&entry), "{entry} not in {start}");
            }
            assert_eq!(
                std::fs::read(out.join(FILES_DIR).join(wasm)).unwrap(),
                format!("\0asm {} one", app.key).into_bytes()
            );
        }
        let [dashboard_js, _] = files.app("dashboard").unwrap();
        assert!(dashboard_js.starts_with("dashboard.") && dashboard_js.ends_with(".js"));
        // The sections fetched on demand are not in the first download.
        let sections = files.sections();
        assert_eq!(
            sections.iter().map(|(key, _)| *key).collect::<Vec<_>>(),
            ["wording", "settings", "compare", "conversation"]
        );
        for (_, paths) in &sections {
            assert!(
                paths
                    .iter()
                    .all(|path| !files.first_section().contains(path))
            );
        }
        // Nothing but the page and its files is served.
        assert_eq!(listed(&out), ["files", "index.html"]);
        // A file gone from the folder is found out.
        let [_, settings_wasm] = files.app("settings").unwrap();
        std::fs::remove_file(out.join(FILES_DIR).join(settings_wasm)).unwrap();
        assert!(DashboardFiles::of(&out).is_err());
        std::fs::remove_dir_all(&built).unwrap();
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn the_different_build_before_stays_and_older_ones_go() {
        let (built, out) = (scratch("built-3"), scratch("out-3"));
        // A folder from before hashed names.
        std::fs::write(out.join("dashboard_bg.wasm"), b"old").unwrap();
        build(&built, "one");
        let first = publish(&built, &source(), &out).unwrap();
        build(&built, "two");
        let second = publish(&built, &source(), &out).unwrap();
        // The same build again keeps the one before it.
        let again = publish(&built, &source(), &out).unwrap();
        assert_eq!(again, second);
        let expected = |builds: &[&DashboardFiles]| {
            let mut names: Vec<String> = builds
                .iter()
                .flat_map(|files| files.names())
                .cloned()
                .collect();
            names.sort();
            names.dedup();
            names
        };
        assert_eq!(listed(&out.join(FILES_DIR)), expected(&[&first, &second]));
        build(&built, "three");
        let third = publish(&built, &source(), &out).unwrap();
        assert_ne!(first.app("wording"), second.app("wording"));
        // The CSS did not change: one file serves all three builds.
        assert_eq!(first.css, third.css);
        assert_eq!(listed(&out.join(FILES_DIR)), expected(&[&second, &third]));
        assert_eq!(listed(&out), ["files", "index.html"]);
        std::fs::remove_dir_all(&built).unwrap();
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn a_page_without_its_slot_or_a_build_with_snippets_is_refused() {
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
        let (built, out) = (scratch("built-snippets"), scratch("out-snippets"));
        build(&built, "one");
        std::fs::create_dir_all(built.join("snippets")).unwrap();
        assert!(publish(&built, &source(), &out).is_err());
        std::fs::remove_dir_all(&built).unwrap();
        std::fs::remove_dir_all(&out).unwrap();
    }
}
