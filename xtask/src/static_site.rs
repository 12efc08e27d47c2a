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

/// A strong validator for a file's bytes.
fn etag_of(bytes: &[u8]) -> String {
    let digest = protocol::secret::hash_secret(&String::from_utf8_lossy(bytes));
    format!("\"{}\"", digest.get(..32).unwrap_or(&digest))
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
                let body = file.as_deref().and_then(|path| std::fs::read(path).ok());
                let etag = body.as_deref().map(etag_of);
                let unchanged = etag.as_deref().is_some_and(|etag| {
                    request
                        .headers()
                        .iter()
                        .any(|h| h.field.equiv("If-None-Match") && h.value.as_str() == etag)
                });
                let response = match (file, body) {
                    (Some(path), Some(_)) if unchanged && !path.ends_with("index.html") => {
                        let mut response = Response::from_data(Vec::new()).with_status_code(304);
                        if let Some(header) = etag.as_deref().and_then(|etag| header("ETag", etag))
                        {
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
                        let page = path.ends_with("index.html");
                        let mut response = Response::from_data(body);
                        // The page is always fresh; widget files are revalidated
                        // (a 304 when unchanged), as a shop's server would.
                        let headers = [
                            header("Content-Type", content_type(&path)),
                            header("Cache-Control", if page { "no-store" } else { "no-cache" }),
                            etag.as_deref()
                                .filter(|_| !page)
                                .and_then(|etag| header("ETag", etag)),
                            (page && strict_csp)
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
}
