//! Headless Chromium through chromedriver, and helpers to reach inside the
//! widget's shadow root the way a person's clicks would.

use std::time::Duration;

use anyhow::{Context, Result, anyhow};
use fantoccini::elements::Element;
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

use crate::{Stack, eventually};

/// Flags Chromium needs as root on a machine with no network but loopback.
const CHROMIUM_ARGS: [&str; 10] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
    "--lang=en-US",
];

/// A fresh browser session (its own profile folder) for one test.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    webdriver_url: String,
    _profile: TempDir,
}

/// A folder removed when dropped.
struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Browser {
    /// Starts Chromium with a new empty profile.
    pub async fn start(stack: &Stack) -> Result<Self> {
        Self::start_with(&stack.webdriver_url, &stack.chromium).await
    }

    /// Starts `chromium` through the chromedriver at `webdriver_url`.
    pub async fn start_with(webdriver_url: &str, chromium: &str) -> Result<Self> {
        Self::launch(webdriver_url, chromium, false).await
    }

    /// Starts `chromium` with its tasks traced, for
    /// [`Browser::trace_events`] (Chromium's trace, handed over by
    /// chromedriver's performance log).
    pub async fn start_traced(webdriver_url: &str, chromium: &str) -> Result<Self> {
        Self::launch(webdriver_url, chromium, true).await
    }

    async fn launch(webdriver_url: &str, chromium: &str, traced: bool) -> Result<Self> {
        let profile = std::env::temp_dir().join(crate::unique("chromium-profile"));
        std::fs::create_dir_all(&profile)?;
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|arg| arg.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let mut capabilities = serde_json::Map::new();
        let mut options = serde_json::Map::new();
        options.insert("binary".to_string(), json!(chromium));
        options.insert("args".to_string(), json!(args));
        if traced {
            // The tasks as DevTools' Performance panel and Lighthouse count
            // them (`RunTask`).
            let prefs = json!({
                "enableNetwork": false,
                "enablePage": false,
                "traceCategories": "disabled-by-default-devtools.timeline",
            });
            options.insert("perfLoggingPrefs".to_string(), prefs);
            capabilities.insert(
                "goog:loggingPrefs".to_string(),
                json!({ "performance": "ALL" }),
            );
        }
        capabilities.insert("goog:chromeOptions".to_string(), Value::Object(options));
        let mut connector = HttpConnector::new();
        connector.set_connect_timeout(Some(Duration::from_secs(10)));
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(webdriver_url)
            .await
            .context("starting a Chromium session through chromedriver")?;
        // No WebDriver command waits without end: a script or a page load
        // that hangs fails its test instead (implicit waits stay off; the
        // tests wait with `eventually`).
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(30)),
                Some(Duration::from_secs(60)),
                Some(Duration::ZERO),
            ))
            .await
            .context("setting the WebDriver timeouts")?;
        Ok(Self {
            client,
            webdriver_url: webdriver_url.to_string(),
            _profile: TempDir(profile),
        })
    }

    /// A fresh browser on the demo page, as a shopper arrives (no visit
    /// before on this profile).
    pub async fn on_demo_page(stack: &Stack) -> Result<Self> {
        let browser = Self::start(stack).await?;
        browser.client.goto(&stack.page_url).await?;
        Ok(browser)
    }

    /// A fresh browser on the demo page showing `site_key`'s widget.
    pub async fn on_site_page(stack: &Stack, site_key: &str) -> Result<Self> {
        let browser = Self::start(stack).await?;
        browser
            .client
            .goto(&format!("{}?site={site_key}", stack.page_url))
            .await?;
        Ok(browser)
    }

    /// The stack, and a fresh browser on its demo page: where most
    /// browser tests start.
    pub async fn shopper() -> Result<(Stack, Self)> {
        let stack = Stack::from_env()?;
        let browser = Self::on_demo_page(&stack).await?;
        Ok((stack, browser))
    }

    /// Ends the session (closing Chromium).
    pub async fn close(self) -> Result<()> {
        self.client.close().await?;
        Ok(())
    }

    /// Runs `script` in the page and returns its result.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        Ok(self.client.execute(script, args).await?)
    }

    /// What the page logged with `console.error` while `script` ran, one
    /// line per call (its arguments joined by spaces).
    pub async fn console_errors(&self, script: &str) -> Result<Vec<String>> {
        let wrapped = format!(
            "const errors = []; const original = console.error;
             console.error = (...args) => errors.push(args.join(' '));
             try {{ {script} }} finally {{ console.error = original; }}
             return errors;"
        );
        Ok(serde_json::from_value(self.js(&wrapped, vec![]).await?)?)
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver.
    pub async fn cdp(&self, command: &str, params: Value) -> Result<Value> {
        let session = self
            .client
            .session_id()
            .await?
            .context("no WebDriver session")?;
        let url = format!("{}/session/{session}/goog/cdp/execute", self.webdriver_url);
        let response = crate::http_client()
            .post(url)
            .json(&json!({ "cmd": command, "params": params }))
            .send()
            .await?;
        let status = response.status();
        let body: Value = response.json().await?;
        if !status.is_success() {
            anyhow::bail!("{command} failed ({status}): {body}");
        }
        Ok(body)
    }

    /// The trace events recorded since the last read (and drops them),
    /// from a browser started with [`Browser::start_traced`]; read them
    /// with `crate::trace`. Chromium hands its trace over when the page
    /// navigates, so call this after leaving the page measured (for
    /// `about:blank`, say).
    pub async fn trace_events(&self) -> Result<Vec<Value>> {
        let session = self
            .client
            .session_id()
            .await?
            .context("no WebDriver session")?;
        let url = format!("{}/session/{session}/se/log", self.webdriver_url);
        let mut events = Vec::new();
        // chromedriver hands a long log over in parts (100,000 entries at
        // most); an empty answer is the end. A page load holds about 60,000.
        for _ in 0..50 {
            let response = crate::http_client()
                .post(&url)
                .json(&json!({ "type": "performance" }))
                .send()
                .await?;
            let status = response.status();
            let body: Value = response.json().await?;
            if !status.is_success() {
                anyhow::bail!("reading the performance log failed ({status}): {body}");
            }
            let entries = body.get("value").and_then(Value::as_array);
            if entries.is_none_or(|entries| entries.is_empty()) {
                return Ok(events);
            }
            events.extend(
                entries
                    .into_iter()
                    .flatten()
                    .filter_map(|entry| {
                        serde_json::from_str::<Value>(entry.get("message")?.as_str()?).ok()
                    })
                    .filter(|message| {
                        message.pointer("/message/method") == Some(&json!("Tracing.dataCollected"))
                    })
                    .filter_map(|message| message.pointer("/message/params").cloned()),
            );
        }
        anyhow::bail!("the performance log did not end after 50 reads")
    }

    /// Opens the demo page with `query` (`?site=...&locale=...`, or empty)
    /// as a first visit: the widget's storage on the page's origin is
    /// cleared first (no conversation, no prompt remembered).
    pub async fn open_demo_fresh(&self, stack: &Stack, query: &str) -> Result<()> {
        self.client.goto(&stack.page_url).await?;
        self.js("localStorage.clear();", vec![]).await?;
        self.client
            .goto(&format!("{}{query}", stack.page_url))
            .await?;
        Ok(())
    }

    /// Runs `script` in every page this browser opens from now on, before
    /// the page's own scripts (to simulate offline, saveData, ...).
    pub async fn before_each_page(&self, script: &str) -> Result<()> {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": script }),
        )
        .await
        .map(|_| ())
    }

    /// The text of `selector` inside the widget, once it is rendered.
    pub async fn widget_text(&self, selector: &str) -> Result<String> {
        Ok(self.widget_element(selector).await?.text().await?)
    }

    /// Waits for the widget to have rendered `selector` inside its shadow
    /// root, and returns that element.
    pub async fn widget_element(&self, selector: &str) -> Result<Element> {
        eventually(
            &format!("{selector} in the widget"),
            Duration::from_secs(20),
            || async {
                let Ok(host) = self
                    .client
                    .find(Locator::Css("[data-feedback-bubble]"))
                    .await
                else {
                    return Ok(None);
                };
                let root = host.shadow_root().await?;
                Ok(root.find(Locator::Css(selector)).await.ok())
            },
        )
        .await
    }

    /// Opens the dashboard at `dashboard_url` signed in as `site` for
    /// this tab (as the sign-in form leaves it: the key and secret in
    /// sessionStorage).
    pub async fn sign_in_to_dashboard(
        &self,
        dashboard_url: &str,
        site: &crate::SiteAccess,
    ) -> Result<()> {
        self.client.goto(dashboard_url).await?;
        self.js(
            "sessionStorage.setItem('feedback-dashboard:site-key', arguments[0]);
             sessionStorage.setItem('feedback-dashboard:secret', arguments[1]);",
            vec![serde_json::json!(site.key), serde_json::json!(site.secret)],
        )
        .await?;
        Ok(())
    }

    /// Waits for `selector` on the page itself (outside any shadow root)
    /// and returns it.
    pub async fn page_element(&self, selector: &str) -> Result<Element> {
        eventually(
            &format!("{selector} on the page"),
            Duration::from_secs(20),
            || async { Ok(self.client.find(Locator::Css(selector)).await.ok()) },
        )
        .await
    }

    /// The text of `selector` on the page once it is there.
    pub async fn page_text(&self, selector: &str) -> Result<String> {
        Ok(self.page_element(selector).await?.text().await?)
    }

    /// Keeps the page's downloads (a click on an anchor to a blob, as the
    /// dashboard saves a file) for [`Browser::download`] rather than
    /// saving them. Lasts until the page reloads.
    pub async fn capture_downloads(&self) -> Result<()> {
        self.js(
            "window.__downloads = [];
             window.__blobs = {};
             const createObjectURL = URL.createObjectURL;
             URL.createObjectURL = blob => { const url = createObjectURL(blob); window.__blobs[url] = blob; return url; };
             HTMLAnchorElement.prototype.click = function () { window.__downloads.push({ href: this.href, name: this.download }); };
             URL.revokeObjectURL = function () {};",
            vec![],
        )
        .await?;
        Ok(())
    }

    /// The `index`th download since [`Browser::capture_downloads`], once
    /// it happens: its file name and its text, as the browser would save
    /// it (the page's policy lets it fetch only its own origin, so the
    /// blob is read directly).
    pub async fn download(&self, index: usize) -> Result<(String, String)> {
        let found = eventually(
            &format!("download {index}"),
            Duration::from_secs(15),
            || async {
                let found = self
                    .js(
                        "return window.__downloads[arguments[0]] || null;",
                        vec![json!(index)],
                    )
                    .await?;
                Ok((!found.is_null()).then_some(found))
            },
        )
        .await?;
        let text = self
            .js(
                "return window.__blobs[arguments[0]].text();",
                vec![found.get("href").cloned().unwrap_or_default()],
            )
            .await?;
        Ok((
            found
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            text.as_str().unwrap_or_default().to_string(),
        ))
    }

    /// Runs axe-core (from node_modules) on the page: every WCAG 2.1 A/AA
    /// and best-practice violation as `{id, help, targets}`.
    pub async fn axe_violations(&self) -> Result<Vec<Value>> {
        let axe = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../node_modules/axe-core/axe.min.js"),
        )
        .context("axe-core is installed by `npm ci` (cargo xtask test runs it)")?;
        self.js(&axe, vec![]).await?;
        let result = self
            .js(
                "return axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
                    .then(r => r.violations.map(v => ({ id: v.id, help: v.help,
                        targets: v.nodes.map(n => n.target) })));",
                vec![],
            )
            .await?;
        Ok(result.as_array().cloned().unwrap_or_default())
    }

    /// The value of the control `selector` on the page: `checked` for a
    /// radio button or a checkbox, else its `value`.
    pub async fn control_value(&self, selector: &str) -> Result<Value> {
        self.js(
            "const e = document.querySelector(arguments[0]);
             return e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value;",
            vec![serde_json::json!(selector)],
        )
        .await
    }

    /// Where keyboard focus is once the page has rendered two more frames
    /// (so focus moves the last change scheduled have run): the focused
    /// element's id, else its first class, inside the widget as
    /// `widget:ID` and on the page as `page:ID`; `page:` alone for the body.
    pub async fn focus(&self) -> Result<String> {
        let found = self
            .js(
                "return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
                   const name = e => e ? (e.id || e.classList[0] || e.tagName.toLowerCase()) : '';
                   const host = document.querySelector('[data-feedback-bubble]');
                   const page = document.activeElement;
                   done(page === host && host
                     ? 'widget:' + name(host.shadowRoot.activeElement)
                     : 'page:' + (page === document.body ? '' : name(page)));
                 })));",
                vec![],
            )
            .await?;
        found
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| anyhow::anyhow!("focus: the page answered {found}"))
    }

    /// Clicks `selector` inside the widget, once it is there.
    pub async fn click(&self, selector: &str) -> Result<()> {
        self.widget_element(selector).await?.click().await?;
        Ok(())
    }

    /// Clicks the element with `id` on the host page.
    pub async fn click_page(&self, id: &str) -> Result<()> {
        self.client.find(Locator::Id(id)).await?.click().await?;
        Ok(())
    }

    /// The conversation id the demo page shows once the widget is ready.
    pub async fn demo_conversation_id(&self) -> Result<String> {
        eventually(
            "the page to show the conversation id",
            Duration::from_secs(15),
            || async {
                let text = self
                    .client
                    .find(Locator::Id("demo-conversation"))
                    .await?
                    .text()
                    .await?;
                Ok(text.starts_with("c_").then_some(text))
            },
        )
        .await
    }

    /// Saves a PNG of the page under the artifacts folder.
    pub async fn screenshot(&self, stack: &Stack, name: &str) -> Result<()> {
        let png = self.client.screenshot().await?;
        std::fs::create_dir_all(&stack.artifacts)?;
        std::fs::write(stack.artifacts.join(format!("{name}.png")), png)
            .map_err(|err| anyhow!("saving the screenshot {name}: {err}"))
    }
}
