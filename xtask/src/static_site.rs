//! Serves the demo shop page and the built widget, as a shop's own web
//! server would, on an origin of its own (not the collector's).

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use anyhow::{Result, anyhow};
use tiny_http::{Header, Response, Server};

use crate::repo::Repo;

/// The site key written in `index.html`'s snippet.
pub const PAGE_SITE_KEY: &str = "pk_demo";
/// The collector address written in `index.html`'s snippet.
pub const PAGE_ENDPOINT: &str = "http://127.0.0.1:8787";

/// What the served `index.html` embeds instead of its defaults, so tests can
/// point the same page at their own Worker and site.
pub struct PageConfig {
    /// The site key for `data-site`.
    pub site_key: String,
    /// The collector URL for `data-endpoint`.
    pub endpoint: String,
}

/// A running static server; stops when dropped.
pub struct StaticSite {
    /// `http://127.0.0.1:PORT`.
    pub origin: String,
    server: Arc<Server>,
    thread: Option<JoinHandle<()>>,
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|ext| ext.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("ftl") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a URL path onto a file, refusing anything that climbs out.
fn resolve(repo_root: &Path, widget_dist: &Path, url_path: &str) -> Option<PathBuf> {
    let url_path = url_path.split(['?', '#']).next().unwrap_or("");
    if url_path == "/" || url_path == "/index.html" {
        return Some(repo_root.join("index.html"));
    }
    let relative = url_path.strip_prefix("/widget/")?;
    let relative = Path::new(relative);
    if relative
        .components()
        .all(|part| matches!(part, Component::Normal(_)))
    {
        Some(widget_dist.join(relative))
    } else {
        None
    }
}

/// A stored representation of a widget file: the file itself, or its
/// precompressed copy beside it (`.br`, `.gz`; see `widget_assets`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The file's suffix, and its `Content-Encoding` name.
    fn parts(self) -> (&'static str, Option<&'static str>) {
        match self {
            Self::Brotli => (".br", Some("br")),
            Self::Gzip => (".gz", Some("gzip")),
            Self::Identity => ("", None),
        }
    }
}

/// Whether an `Accept-Encoding` value takes `coding` (by name or `*`, and
/// not refused with `q=0`).
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    accept_encoding.split(',').any(|part| {
        let mut pieces = part.split(';');
        let name = pieces.next().unwrap_or("").trim();
        let refused = pieces.any(|param| {
            param
                .trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q == 0.0)
        });
        (name.eq_ignore_ascii_case(coding) || name == "*") && !refused
    })
}

/// The representations to try for a request, best first: brotli, then
/// gzip, when the client takes them; the file itself always last.
fn encodings(accept_encoding: &str) -> Vec<Encoding> {
    let mut list = Vec::new();
    if accepts(accept_encoding, "br") {
        list.push(Encoding::Brotli);
    }
    if accepts(accept_encoding, "gzip") {
        list.push(Encoding::Gzip);
    }
    list.push(Encoding::Identity);
    list
}

/// How long a browser or CDN may keep a file: the page never; the app's
/// files, named by their content, for a year without asking again; the
/// loader, whose name stays the same across releases, for five minutes.
fn cache_control(path: &Path, page: bool) -> &'static str {
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("");
    if page {
        "no-store"
    } else if crate::widget_assets::is_hashed(name) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    }
}

/// The bytes of `path` in the best representation `accept_encoding`
/// takes that exists on disk.
fn representation(path: &Path, accept_encoding: &str) -> Option<(Vec<u8>, Encoding)> {
    // A precompressed copy is served only beside the file it compresses.
    let identity = std::fs::read(path).ok()?;
    for encoding in encodings(accept_encoding) {
        let (suffix, _) = encoding.parts();
        if encoding == Encoding::Identity {
            break;
        }
        let mut compressed = path.as_os_str().to_owned();
        compressed.push(suffix);
        if let Ok(bytes) = std::fs::read(PathBuf::from(compressed)) {
            return Some((bytes, encoding));
        }
    }
    Some((identity, Encoding::Identity))
}

/// A strong validator for a file's bytes.
fn etag_of(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// The policy README tells strict sites to use, for a collector at `endpoint`.
fn strict_policy(endpoint: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; \
         style-src 'self'; connect-src 'self' {endpoint}; img-src 'self' data:"
    )
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

impl StaticSite {
    /// Serves on `127.0.0.1:port` in a background thread.
    pub fn start(repo: &Repo, port: u16, page: PageConfig) -> Result<Self> {
        let server = Server::http(("127.0.0.1", port))
            .map_err(|err| anyhow!("cannot serve the demo page on port {port}: {err}"))?;
        let server = Arc::new(server);
        let root = repo.root().to_path_buf();
        let dist = repo.widget_dist();
        let serving = Arc::clone(&server);
        let page_config_endpoint = page.endpoint.clone();
        let thread = std::thread::spawn(move || {
            for request in serving.incoming_requests() {
                let file = resolve(&root, &dist, request.url());
                // `/?site=pk_...` serves the page for another site (tests use it
                // for sites with other settings).
                let site_key = request
                    .url()
                    .split_once("?site=")
                    .map(|(_, rest)| rest.split('&').next().unwrap_or(rest).to_string())
                    .filter(|key| protocol::ids::check_id("site", key).is_ok())
                    .unwrap_or_else(|| page.site_key.clone());
                // `/?locale=de` sets the snippet's data-locale (the demo's language switch).
                let locale_attribute = request
                    .url()
                    .split_once("locale=")
                    .map(|(_, rest)| rest.split('&').next().unwrap_or(rest).to_string())
                    .filter(|tag| protocol::ids::check_locale("locale", tag).is_ok())
                    .map(|tag| format!(" data-locale=\"{tag}\""))
                    .unwrap_or_default();
                // `/?csp=strict`: the page under the strict policy the README
                // gives site owners (no 'unsafe-inline' styles for the widget).
                let strict_csp = request.url().contains("csp=strict");
                // `/?widget=off`: the page without the widget (to compare with).
                let widget_off = request.url().contains("widget=off");
                let is_page = file
                    .as_deref()
                    .is_some_and(|path| path.ends_with("index.html"));
                let accept_encoding = request
                    .headers()
                    .iter()
                    .find(|h| h.field.equiv("Accept-Encoding"))
                    .map(|h| h.value.as_str().to_string())
                    .unwrap_or_default();
                // The page is rewritten per request, so it is sent as it is.
                let stored = file.as_deref().and_then(|path| {
                    representation(path, if is_page { "" } else { &accept_encoding })
                });
                let encoding = stored.as_ref().map_or(Encoding::Identity, |(_, e)| *e);
                let body = stored.map(|(bytes, _)| bytes);
                let etag = body.as_deref().map(etag_of);
                let unchanged = etag.as_deref().is_some_and(|etag| {
                    request
                        .headers()
                        .iter()
                        .any(|h| h.field.equiv("If-None-Match") && h.value.as_str() == etag)
                });
                let response = match (file, body) {
                    (Some(path), Some(_)) if unchanged && !is_page => {
                        let mut response = Response::from_data(Vec::new()).with_status_code(304);
                        let headers = [
                            etag.as_deref().and_then(|etag| header("ETag", etag)),
                            header("Cache-Control", cache_control(&path, is_page)),
                            header("Vary", "Accept-Encoding"),
                        ];
                        for header in headers.into_iter().flatten() {
                            response.add_header(header);
                        }
                        response
                    }
                    (Some(path), Some(mut body)) => {
                        if path.ends_with("index.html") {
                            body = String::from_utf8_lossy(&body)
                                .replace(
                                    &format!("data-site=\"{PAGE_SITE_KEY}\""),
                                    &format!("data-site=\"{site_key}\""),
                                )
                                .replace(
                                    "<script src=\"/widget/widget.js\"",
                                    if widget_off {
                                        "<script type=\"text/plain\" src=\"/widget/widget.js\""
                                    } else {
                                        "<script src=\"/widget/widget.js\""
                                    },
                                )
                                .replace(
                                    &format!("data-endpoint=\"{PAGE_ENDPOINT}\""),
                                    &format!(
                                        "data-endpoint=\"{}\"{locale_attribute}",
                                        page.endpoint
                                    ),
                                )
                                .into_bytes();
                        }
                        let mut response = Response::from_data(body);
                        // The page is always fresh; widget files are served as a
                        // CDN serves them: precompressed when the browser takes
                        // it, cached by name (see `cache_control`), readable from
                        // any origin, and revalidated with their ETag.
                        let widget_file = !is_page;
                        let headers = [
                            header("Content-Type", content_type(&path)),
                            header("Cache-Control", cache_control(&path, is_page)),
                            encoding
                                .parts()
                                .1
                                .and_then(|coding| header("Content-Encoding", coding)),
                            widget_file
                                .then(|| header("Vary", "Accept-Encoding"))
                                .flatten(),
                            widget_file
                                .then(|| header("Access-Control-Allow-Origin", "*"))
                                .flatten(),
                            etag.as_deref()
                                .filter(|_| widget_file)
                                .and_then(|etag| header("ETag", etag)),
                            (is_page && strict_csp)
                                .then(|| strict_policy(&page_config_endpoint))
                                .and_then(|policy| header("Content-Security-Policy", &policy)),
                        ];
                        for header in headers.into_iter().flatten() {
                            response.add_header(header);
                        }
                        response
                    }
                    _ => Response::from_string("not found").with_status_code(404),
                };
                // A client that went away is not our problem.
                let _ = request.respond(response);
            }
        });
        Ok(Self {
            origin: format!("http://127.0.0.1:{port}"),
            server,
            thread: Some(thread),
        })
    }
}

impl Drop for StaticSite {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_page_and_widget_files_are_served() {
        let root = Path::new("/repo");
        let dist = Path::new("/repo/dist/widget");
        assert_eq!(resolve(root, dist, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(root, dist, "/?locale=de"),
            Some(root.join("index.html"))
        );
        assert_eq!(
            resolve(root, dist, "/widget/app_bg.wasm"),
            Some(dist.join("app_bg.wasm"))
        );
        assert_eq!(resolve(root, dist, "/widget/../../etc/passwd"), None);
        assert_eq!(resolve(root, dist, "/Cargo.toml"), None);
    }

    #[test]
    fn the_best_encoding_the_browser_takes_comes_first() {
        use Encoding::{Brotli, Gzip, Identity};
        assert_eq!(
            encodings("gzip, deflate, br, zstd"),
            vec![Brotli, Gzip, Identity]
        );
        assert_eq!(encodings("gzip, deflate"), vec![Gzip, Identity]);
        assert_eq!(encodings("br;q=0, gzip;q=0.5"), vec![Gzip, Identity]);
        assert_eq!(encodings("BR"), vec![Brotli, Identity]);
        assert_eq!(encodings("*"), vec![Brotli, Gzip, Identity]);
        assert_eq!(encodings(""), vec![Identity]);
        assert_eq!(encodings("identity"), vec![Identity]);
    }

    #[test]
    fn content_named_files_are_immutable_and_the_loader_is_short_lived() {
        let immutable = "public, max-age=31536000, immutable";
        let app = Path::new("/d/app.0123456789abcdef.js");
        assert_eq!(cache_control(app, false), immutable);
        let wasm = Path::new("/d/app_bg.0123456789abcdef.wasm");
        assert_eq!(cache_control(wasm, false), immutable);
        let loader = Path::new("/d/widget.js");
        assert_eq!(cache_control(loader, false), "public, max-age=300");
        assert_eq!(cache_control(Path::new("/r/index.html"), true), "no-store");
    }

    #[test]
    fn a_precompressed_copy_is_served_only_beside_its_file() {
        let dir = std::env::temp_dir().join(format!("static-site-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("widget.js"), b"plain").unwrap();
        std::fs::write(dir.join("widget.js.gz"), b"gzipped").unwrap();
        std::fs::write(dir.join("gone.js.br"), b"orphan").unwrap();
        let loader = dir.join("widget.js");
        assert_eq!(
            representation(&loader, "gzip, br"),
            Some((b"gzipped".to_vec(), Encoding::Gzip))
        );
        assert_eq!(
            representation(&loader, "deflate"),
            Some((b"plain".to_vec(), Encoding::Identity))
        );
        assert_eq!(representation(&dir.join("gone.js"), "br"), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
