//! Harness for the end-to-end tests. `cargo xtask test` starts the stack
//! (the Worker on local workerd with a fresh local D1, the demo page on its
//! own origin, chromedriver) and tells the tests where it is through
//! `E2E_*` variables; these helpers read them and talk to each part.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

pub mod browser;
pub mod load;
pub mod receiver;
pub mod trace;

/// A site registered in the test database.
#[derive(Debug, Clone)]
pub struct SiteAccess {
    /// Public key.
    pub key: String,
    /// Secret for the read API.
    pub secret: String,
}

/// Where a named site's webhook is received, and how it is signed.
#[derive(Debug, Clone)]
pub struct WebhookReceiver {
    /// The port on 127.0.0.1 its webhook URL names.
    pub port: u16,
    /// The site's webhook signing secret (`whsec_...`).
    pub signing_secret: String,
}

/// Where the running stack is.
#[derive(Debug, Clone)]
pub struct Stack {
    /// The collector, e.g. `http://127.0.0.1:PORT`.
    pub worker_url: String,
    /// The demo shop page.
    pub page_url: String,
    /// The demo page's origin, allowed for [`Stack::site`].
    pub page_origin: String,
    /// chromedriver.
    pub webdriver_url: String,
    /// The Chromium binary chromedriver should start.
    pub chromium: String,
    /// The site the demo page embeds.
    pub site: SiteAccess,
    /// A second site, allowed only for `https://other-shop.example`.
    pub other_site: SiteAccess,
    /// Where tests leave screenshots.
    pub artifacts: PathBuf,
    /// The `locales/` the Worker serves from (a copy of the repository's,
    /// kept in sync like `cargo xtask demo` does): tests may edit it.
    pub locales_dir: PathBuf,
    /// Sites of their own for tests whose figures must see only their events.
    named_sites: serde_json::Map<String, Value>,
}

fn var(name: &str) -> Result<String> {
    std::env::var(name).with_context(|| {
        format!("{name} is not set: run the end-to-end tests with `cargo xtask test`, which starts the stack they test")
    })
}

impl Stack {
    /// Reads the stack's whereabouts from the environment.
    pub fn from_env() -> Result<Self> {
        Ok(Self {
            worker_url: var("E2E_WORKER_URL")?,
            page_url: var("E2E_PAGE_URL")?,
            page_origin: var("E2E_PAGE_ORIGIN")?,
            webdriver_url: var("E2E_WEBDRIVER_URL")?,
            chromium: var("E2E_CHROMIUM")?,
            site: SiteAccess {
                key: var("E2E_SITE_KEY")?,
                secret: var("E2E_SITE_SECRET")?,
            },
            other_site: SiteAccess {
                key: var("E2E_OTHER_SITE_KEY")?,
                secret: var("E2E_OTHER_SITE_SECRET")?,
            },
            artifacts: PathBuf::from(var("E2E_ARTIFACTS")?),
            locales_dir: PathBuf::from(var("E2E_LOCALES_DIR")?),
            named_sites: serde_json::from_str(&var("E2E_SITES")?)
                .context("E2E_SITES is not a JSON object")?,
        })
    }

    /// The site reserved for `name` (`overview`, `inbox`, `export`).
    pub fn named_site(&self, name: &str) -> Result<SiteAccess> {
        let site = self
            .named_sites
            .get(name)
            .with_context(|| format!("no site named {name} in E2E_SITES"))?;
        let field = |field: &str| {
            site.get(field)
                .and_then(Value::as_str)
                .map(str::to_string)
                .with_context(|| format!("site {name} has no {field}"))
        };
        Ok(SiteAccess {
            key: field("key")?,
            secret: field("secret")?,
        })
    }

    /// The secret the named site `name`'s webhook bodies are signed with.
    pub fn webhook_secret(&self, name: &str) -> Result<String> {
        self.named_sites
            .get(name)
            .and_then(|site| site.get("webhook_secret"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .with_context(|| format!("site {name} has no webhook secret"))
    }

    /// The webhook receiver reserved for the named site `name`: the port
    /// its webhook URL points at on 127.0.0.1, and the secret its bodies
    /// are signed with.
    pub fn webhook_receiver(&self, name: &str) -> Result<WebhookReceiver> {
        let site = self
            .named_sites
            .get(name)
            .with_context(|| format!("no site named {name} in E2E_SITES"))?;
        let port = site
            .get("webhook_port")
            .and_then(Value::as_u64)
            .and_then(|port| u16::try_from(port).ok())
            .with_context(|| format!("site {name} has no webhook receiver"))?;
        let signing_secret = site
            .get("webhook_secret")
            .and_then(Value::as_str)
            .with_context(|| format!("site {name} has no webhook secret"))?
            .to_string();
        Ok(WebhookReceiver {
            port,
            signing_secret,
        })
    }

    /// Writes `ftl` straight into the local D1 as `site_key`'s own wording
    /// for `locale`, past the collector's checks: what an older collector
    /// may have stored. Through `wrangler d1 execute`, as `cargo xtask site`
    /// does; `ftl` is quoted as an SQL string literal.
    pub fn store_copy_unchecked(&self, site_key: &str, locale: &str, ftl: &str) -> Result<()> {
        let sql = format!(
            "INSERT INTO site_copy (site_key, locale, ftl, updated_at) VALUES ({}, {}, {}, 0) \
             ON CONFLICT (site_key, locale) DO UPDATE SET ftl = excluded.ftl",
            sql_text(site_key),
            sql_text(locale),
            sql_text(ftl)
        );
        self.d1_execute_for(site_key, &sql).map(|_| ())
    }

    /// The binding of the local D1 database that holds `site_key`'s rows:
    /// its placement row's (see `edge-worker/src/store/databases.rs`), or
    /// `DB`.
    pub fn database_of(&self, site_key: &str) -> Result<String> {
        let rows = self.d1_execute(&format!(
            "SELECT database FROM site_placements WHERE site_key = {}",
            sql_text(site_key)
        ))?;
        Ok(rows
            .first()
            .and_then(|row| row.get("database"))
            .and_then(Value::as_str)
            .unwrap_or("DB")
            .to_string())
    }

    /// [`Stack::d1_execute`] on the database that holds `site_key`'s rows.
    pub fn d1_execute_for(&self, site_key: &str, sql: &str) -> Result<Vec<Value>> {
        self.d1_execute_on(&self.database_of(site_key)?, sql)
    }

    /// [`Stack::d1_execute`] on every site database, `DB` first: the rows
    /// of the last statement from each.
    pub fn d1_execute_everywhere(&self, sql: &str) -> Result<Vec<Vec<Value>>> {
        DATABASES
            .iter()
            .map(|binding| self.d1_execute_on(binding, sql))
            .collect()
    }

    /// Runs `sql` (one or more statements) on the running collector's local
    /// D1 through `wrangler d1 execute`, past every check of the Worker: to
    /// plant what an older collector or a hand edit may have left, and to
    /// count what is stored. The rows of the last statement.
    ///
    /// The running Worker writes the same SQLite file, so a statement that
    /// finds it busy (`SQLITE_BUSY`, or miniflare's "internal error") is
    /// tried again, up to ten times.
    pub fn d1_execute(&self, sql: &str) -> Result<Vec<Value>> {
        self.d1_execute_on("DB", sql)
    }

    /// [`Stack::d1_execute`] on the local database `binding`.
    pub fn d1_execute_on(&self, binding: &str, sql: &str) -> Result<Vec<Value>> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let run = || {
            std::process::Command::new(root.join("node_modules/.bin/wrangler"))
                .args([
                    "d1",
                    "execute",
                    binding,
                    "--local",
                    "--json",
                    "--persist-to",
                ])
                .arg(var("E2E_STATE_DIR")?)
                .args(["--command", sql])
                .current_dir(root.join("edge-worker"))
                .env("WRANGLER_SEND_METRICS", "false")
                .env("CI", "true")
                .output()
                .context("wrangler runs")
        };
        let mut output = run()?;
        for attempt in 1..10u64 {
            let said = String::from_utf8_lossy(&output.stdout);
            // Under load, miniflare sometimes answers a busy database with
            // an "internal error" instead (the statement did not run; an
            // `INSERT` that had would fail on its key when tried again).
            let busy = said.contains("SQLITE_BUSY") || said.contains("internal error; reference");
            if output.status.success() || !busy {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100 * attempt));
            output = run()?;
        }
        if !output.status.success() {
            bail!(
                "wrangler d1 execute failed: {}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let answers: Vec<Value> = serde_json::from_slice(&output.stdout).with_context(|| {
            format!(
                "wrangler's answer: {}",
                String::from_utf8_lossy(&output.stdout)
            )
        })?;
        Ok(answers
            .last()
            .and_then(|answer| answer.get("results"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default())
    }

    /// The object `key` of the local archive bucket (`ARCHIVE`), through
    /// `wrangler r2 object get`; `None` when there is none.
    pub fn r2_get(&self, key: &str) -> Result<Option<Vec<u8>>> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let file = std::env::temp_dir().join(unique("r2-object"));
        let output = std::process::Command::new(root.join("node_modules/.bin/wrangler"))
            .args(["r2", "object", "get"])
            .arg(format!("feedback-archive/{key}"))
            .arg("--file")
            .arg(&file)
            .args(["--local", "--persist-to"])
            .arg(var("E2E_STATE_DIR")?)
            .current_dir(root.join("edge-worker"))
            .env("WRANGLER_SEND_METRICS", "false")
            .env("CI", "true")
            .output()
            .context("wrangler runs")?;
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        if !output.status.success() {
            if said.contains("does not exist") || said.contains("not found") {
                return Ok(None);
            }
            bail!("wrangler r2 object get {key} failed: {said}");
        }
        let bytes = std::fs::read(&file).with_context(|| said.clone())?;
        let _ = std::fs::remove_file(&file);
        Ok(Some(bytes))
    }

    /// An HTTP client for the collector.
    pub fn collector(&self) -> Collector {
        Collector {
            http: http_client(),
            base: self.worker_url.clone(),
        }
    }
}

/// Runs `cargo xtask site ARGS` on the test run's local databases, with
/// the xtask binary `cargo xtask test` is running from (a nested `cargo`
/// would wait for the build lock the outer one holds).
pub fn site_cli(args: &[&str]) -> Result<std::process::Output> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::process::Command::new(root.join("target/debug/xtask"))
        .arg("site")
        .args(args)
        .arg("--state")
        .arg(var("E2E_STATE_DIR")?)
        .current_dir(&root)
        .output()
        .context("the xtask binary runs")
}

/// The collector's site databases in the tests and the demo (`DATABASES`
/// in `edge-worker/wrangler.toml`).
pub const DATABASES: [&str; 2] = ["DB", "DB_1"];

/// How long a test waits for the ingest queue's consumer to write what
/// was queued: its batch timeout, and a batch that failed once tried
/// again 30 s later (`retry_delay` in `edge-worker/wrangler.toml`), with
/// room for a slow machine. Written once and read back, so a retry is
/// the product working, not a test failing.
pub const QUEUE_WRITE_WITHIN: std::time::Duration = std::time::Duration::from_secs(90);

/// `locales/{locale}/{file}`, as shipped.
pub fn shipped_ftl(locale: &str, file: &str) -> Result<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../locales")
        .join(locale)
        .join(file);
    Ok(std::fs::read_to_string(path)?)
}

/// The one-line value of message `id` in `locales/{locale}/{file}`.
pub fn shipped_message(locale: &str, file: &str, id: &str) -> Result<String> {
    let ftl = shipped_ftl(locale, file)?;
    ftl.lines()
        .find_map(|line| line.strip_prefix(&format!("{id} = ")))
        .map(str::to_string)
        .ok_or_else(|| anyhow::anyhow!("{locale}/{file} has no one-line {id}"))
}

/// The server's idea of now, close enough for event times.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}

/// An id no other test (or earlier run against the same database) uses.
pub fn unique(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        now_ms(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// A `message_feedback` event as the widget sends it.
pub fn thumb_event(
    id: &str,
    conversation_id: &str,
    message_id: &str,
    rating: &str,
    at: i64,
) -> Value {
    json!({
        "id": id,
        "type": "message_feedback",
        "conversation_id": conversation_id,
        "at": at,
        "locale": "en-US",
        "message_id": message_id,
        "rating": rating,
    })
}

/// A CSAT event (`csat_offered`, `csat_response`, `csat_dismissed`) with
/// its type-specific `fields`.
pub fn csat_event(kind: &str, id: &str, conversation_id: &str, at: i64, fields: Value) -> Value {
    let mut event = json!({
        "id": id,
        "type": kind,
        "conversation_id": conversation_id,
        "at": at,
        "locale": "en-US",
    });
    if let (Some(event), Value::Object(fields)) = (event.as_object_mut(), fields) {
        event.extend(fields);
    }
    event
}

/// A request body for `site_key` with one new thumb (`rating`) on message
/// The 1–5 prompt shown in `conversation` at `at`.
pub fn scale5_offered(conversation: &str, at: i64) -> Value {
    csat_event(
        "csat_offered",
        &unique("ev"),
        conversation,
        at,
        json!({"mode": "scale5"}),
    )
}

/// A 1–5 answer in `conversation` at `at`: `score`, with `comment`,
/// submitted when `completed`.
pub fn scale5_answered(
    conversation: &str,
    at: i64,
    score: u8,
    comment: Option<&str>,
    completed: bool,
) -> Value {
    let fields = match comment {
        Some(comment) => {
            json!({"mode": "scale5", "score": score, "completed": completed, "comment": comment})
        }
        None => json!({"mode": "scale5", "score": score, "completed": completed}),
    };
    csat_event("csat_response", &unique("ev"), conversation, at, fields)
}

/// `m1` of `conversation`, given now.
pub fn one_thumb(site_key: &str, conversation: &str, rating: &str) -> Value {
    envelope(
        site_key,
        vec![thumb_event(
            &unique("ev"),
            conversation,
            "m1",
            rating,
            now_ms(),
        )],
    )
}

/// A request body carrying `events` for `site_key`, sent now, written by
/// `protocol::Envelope` as the widget writes it (as a `Value`, so a test
/// may still bend it).
pub fn envelope(site_key: &str, events: Vec<Value>) -> Value {
    let texts: Vec<String> = events.iter().map(Value::to_string).collect();
    let body = protocol::Envelope::body_of(site_key, now_ms(), &texts);
    // `body_of` writes JSON of JSON; a failure here is a failed test.
    serde_json::from_str(&body)
        .unwrap_or_else(|err| Value::String(format!("not JSON ({err}): {body}")))
}

/// A request the collector must refuse whole, and what it must answer
/// (see [`Collector::check_refused`]).
#[derive(Debug, Clone)]
pub struct Refused<'a> {
    /// What the request is, for failure messages.
    pub what: &'a str,
    /// The body, as sent.
    pub body: String,
    /// Its `Origin`, when a page sends it.
    pub origin: Option<&'a str>,
    /// The status expected.
    pub status: u16,
    /// The error code expected.
    pub code: &'a str,
    /// A word the error message must contain (`""` for any message).
    pub mentions: &'a str,
}

/// A status code and the JSON body (or `Value::Null` when there is none).
#[derive(Debug)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// Response headers, lower-cased names.
    pub headers: reqwest::header::HeaderMap,
    /// The JSON body.
    pub body: Value,
}

impl Answer {
    /// The `code` of an error body.
    pub fn code(&self) -> &str {
        self.body.get("code").and_then(Value::as_str).unwrap_or("")
    }

    /// A response header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }
}

/// Where most collector tests start: the stack, a client for its Worker,
/// and a conversation id no other test uses.
pub fn fresh() -> Result<(Stack, Collector, String)> {
    let stack = Stack::from_env()?;
    let collector = stack.collector();
    Ok((stack, collector, unique("c")))
}

/// Stored thumbs as [`Collector::ratings`] gives them: `(message_id, rating)`.
pub fn thumbs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(message, rating)| (message.to_string(), rating.to_string()))
        .collect()
}

/// `text` as an SQL string literal (for [`Stack::d1_execute`]).
pub fn sql_text(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The records of an NDJSON export that arrived whole: every line but the
/// last, which must say `{"complete": true, "rows": N}` with N the count
/// of the others. An error for a file that does not end so.
pub fn ndjson_records(body: &str) -> Result<Vec<Value>> {
    let mut lines: Vec<Value> = body
        .lines()
        .map(serde_json::from_str)
        .collect::<std::result::Result<_, _>>()
        .context("an NDJSON line is not JSON")?;
    let end = lines.pop().context("an empty export")?;
    if end != serde_json::json!({"complete": true, "rows": lines.len()}) {
        bail!(
            "the export does not end with its count of {} rows: {end}",
            lines.len()
        );
    }
    Ok(lines)
}

/// The HTTP client every test and measuring binary uses. It drops idle
/// connections quickly (wrangler's local proxy closes them after a few
/// seconds, and reusing one it has just closed fails the request), and it
/// gives up on a request after a minute, so a request that never ends
/// fails its test instead of hanging the run.
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(std::time::Duration::from_secs(10))
        .timeout(std::time::Duration::from_secs(60))
        .pool_idle_timeout(std::time::Duration::from_secs(1))
        .build()
        .unwrap_or_default()
}

/// Talks HTTP to the Worker.
#[derive(Clone)]
pub struct Collector {
    http: reqwest::Client,
    base: String,
}

impl Collector {
    /// A client for the collector at `base` (`http://127.0.0.1:PORT`).
    pub fn at(base: &str) -> Self {
        Self {
            http: http_client(),
            base: base.to_string(),
        }
    }
}

async fn answer(response: reqwest::Response) -> Result<Answer> {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await?;
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text)
            .with_context(|| format!("a non-JSON body ({status}): {text}"))?
    };
    Ok(Answer {
        status,
        headers,
        body,
    })
}

impl Collector {
    /// `POST /v1/events` with a raw body, as a page on `origin` would send it
    /// (`None`: server to server), optionally with a bearer secret.
    pub async fn post_raw(
        &self,
        body: impl Into<reqwest::Body>,
        origin: Option<&str>,
        secret: Option<&str>,
    ) -> Result<Answer> {
        let mut request = self
            .http
            .post(format!("{}/v1/events", self.base))
            .header("Content-Type", "text/plain;charset=UTF-8")
            .body(body);
        if let Some(origin) = origin {
            request = request.header("Origin", origin);
        }
        if let Some(secret) = secret {
            request = request.bearer_auth(secret);
        }
        answer(request.send().await?).await
    }

    /// `POST /v1/events` with a JSON body from `origin`.
    pub async fn post(&self, body: &Value, origin: &str) -> Result<Answer> {
        self.post_raw(body.to_string(), Some(origin), None).await
    }

    /// The CORS preflight a browser sends before a JSON `POST` from `origin`.
    pub async fn preflight(&self, origin: &str) -> Result<Answer> {
        let request = self
            .http
            .request(reqwest::Method::OPTIONS, format!("{}/v1/events", self.base))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type");
        answer(request.send().await?).await
    }

    /// `GET /v1/sites/{key}/conversations/{id}` with `secret` as bearer.
    pub async fn conversation(
        &self,
        site_key: &str,
        secret: Option<&str>,
        conversation_id: &str,
    ) -> Result<Answer> {
        let mut request = self.http.get(format!(
            "{}/v1/sites/{site_key}/conversations/{conversation_id}",
            self.base
        ));
        if let Some(secret) = secret {
            request = request.bearer_auth(secret);
        }
        answer(request.send().await?).await
    }

    /// `GET /v1/sites/{key}/config`, optionally revalidating an ETag.
    pub async fn site_config(&self, site_key: &str, if_none_match: Option<&str>) -> Result<Answer> {
        let mut request = self
            .http
            .get(format!("{}/v1/sites/{site_key}/config", self.base));
        if let Some(etag) = if_none_match {
            request = request.header("If-None-Match", etag);
        }
        answer(request.send().await?).await
    }

    /// `GET /v1/sites/{key}/copy/{locale}`: the site's stored wording, as
    /// the collector serves it (empty when there is none).
    pub async fn site_copy(&self, site_key: &str, locale: &str) -> Result<String> {
        Ok(self
            .http
            .get(format!("{}/v1/sites/{site_key}/copy/{locale}", self.base))
            .send()
            .await?
            .text()
            .await?)
    }

    /// Sends `events` for `site` server to server (bearer secret, no Origin),
    /// failing unless every event is accepted.
    pub async fn send_all(&self, site: &SiteAccess, events: Vec<Value>) -> Result<()> {
        let count = events.len();
        let answer = self
            .post_raw(
                envelope(&site.key, events).to_string(),
                None,
                Some(&site.secret),
            )
            .await?;
        let accepted = answer.body.get("accepted").and_then(Value::as_u64);
        if answer.status != 200 || accepted != Some(count as u64) {
            bail!(
                "sending {count} events answered {}: {}",
                answer.status,
                answer.body
            );
        }
        Ok(())
    }

    /// `GET` a site-owner route (`overview?...`, `conversations?...`) with `site`'s secret.
    pub async fn owner_get(
        &self,
        site: &SiteAccess,
        path_and_query: &str,
    ) -> Result<(u16, String)> {
        let response = self
            .http
            .get(format!(
                "{}/v1/sites/{}/{path_and_query}",
                self.base, site.key
            ))
            .bearer_auth(&site.secret)
            .send()
            .await?;
        let status = response.status().as_u16();
        Ok((status, response.text().await?))
    }

    /// `method` on `/v1/sites/{site_key}/{path}` with `token` as the bearer
    /// (if any), `headers` and a JSON `body` (if any): the owner's routes
    /// (`settings`, `keys`, `secret`) and any route a key is tried on.
    pub async fn site_request(
        &self,
        method: reqwest::Method,
        site_key: &str,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Result<Answer> {
        let mut request = self
            .http
            .request(method, format!("{}/v1/sites/{site_key}/{path}", self.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request
                .header("Content-Type", "application/json")
                .body(body.to_string());
        }
        answer(request.send().await?).await
    }

    /// `PUT /v1/sites/{key}/settings` with `site`'s secret: `settings` as
    /// the body, and `If-Match: etag` when given.
    pub async fn put_settings(
        &self,
        site: &SiteAccess,
        settings: &Value,
        etag: Option<&str>,
    ) -> Result<Answer> {
        let headers: Vec<(&str, &str)> = etag.map(|etag| ("If-Match", etag)).into_iter().collect();
        self.site_request(
            reqwest::Method::PUT,
            &site.key,
            "settings",
            Some(&site.secret),
            &headers,
            Some(settings),
        )
        .await
    }

    /// Sets `site`'s setting `field` to `value` as the dashboard does: reads
    /// the settings and their ETag, then `PUT`s them back with `If-Match`.
    pub async fn set_setting(
        &self,
        site: &SiteAccess,
        field: &str,
        value: Value,
    ) -> Result<Answer> {
        self.set_settings(site, [(field, value)]).await
    }

    /// `GET /v1/sites/{key}/settings` with `site`'s secret.
    pub async fn settings(&self, site: &SiteAccess) -> Result<Answer> {
        self.site_request(
            reqwest::Method::GET,
            &site.key,
            "settings",
            Some(&site.secret),
            &[],
            None,
        )
        .await
    }

    /// [`Collector::set_setting`] for several fields in one write.
    pub async fn set_settings<'a>(
        &self,
        site: &SiteAccess,
        fields: impl IntoIterator<Item = (&'a str, Value)>,
    ) -> Result<Answer> {
        let read = self.settings(site).await?;
        if read.status != 200 {
            bail!(
                "reading the settings answered {}: {}",
                read.status,
                read.body
            );
        }
        let mut settings = read
            .body
            .get("settings")
            .cloned()
            .context("no settings in the answer")?;
        let object = settings
            .as_object_mut()
            .context("the settings are not an object")?;
        for (field, value) in fields {
            object.insert(field.to_string(), value);
        }
        let etag = read
            .body
            .get("etag")
            .and_then(Value::as_str)
            .context("the settings have no etag")?;
        self.put_settings(site, &settings, Some(&format!("\"{etag}\"")))
            .await
    }

    /// `PUT /v1/sites/{key}/copy/{locale}`: `site_key`'s own wording `ftl`,
    /// sent with `secret`.
    pub async fn put_copy(
        &self,
        site_key: &str,
        secret: &str,
        locale: &str,
        ftl: &str,
    ) -> Result<Answer> {
        let request = self
            .http
            .put(format!("{}/v1/sites/{site_key}/copy/{locale}", self.base))
            .bearer_auth(secret)
            .body(ftl.to_string());
        answer(request.send().await?).await
    }

    /// Stores `ftl` as `site`'s own wording for `locale`, failing unless
    /// the collector takes it.
    pub async fn store_copy(&self, site: &SiteAccess, locale: &str, ftl: &str) -> Result<()> {
        let answer = self.put_copy(&site.key, &site.secret, locale, ftl).await?;
        if answer.status != 200 {
            bail!(
                "storing {locale} copy answered {}: {}",
                answer.status,
                answer.body
            );
        }
        Ok(())
    }

    /// `DELETE /v1/sites/{key}/conversations/{id}` with `site`'s secret.
    pub async fn erase(&self, site: &SiteAccess, conversation_id: &str) -> Result<Answer> {
        let request = self
            .http
            .delete(format!(
                "{}/v1/sites/{}/conversations/{conversation_id}",
                self.base, site.key
            ))
            .bearer_auth(&site.secret);
        answer(request.send().await?).await
    }

    /// Sends `request` without a secret and checks that the collector
    /// refuses it whole, with its status and code (and a message that
    /// mentions what it names), lets no page read a refusal of its origin,
    /// and stores nothing of `conversation_id`.
    pub async fn check_refused(
        &self,
        request: &Refused<'_>,
        site: &SiteAccess,
        conversation_id: &str,
    ) -> Result<Answer> {
        let what = request.what;
        let answer = self
            .post_raw(request.body.clone(), request.origin, None)
            .await?;
        if (answer.status, answer.code()) != (request.status, request.code) {
            bail!(
                "{what}: expected {} {}, got {} {}",
                request.status,
                request.code,
                answer.status,
                answer.body
            );
        }
        let message = answer
            .body
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("");
        if !message.contains(request.mentions) {
            bail!(
                "{what}: the message {message:?} does not mention {:?}",
                request.mentions
            );
        }
        if request.code == "origin_not_allowed"
            && answer.header("access-control-allow-origin").is_some()
        {
            bail!("{what}: a refused origin may read the answer");
        }
        if !self.stored_nothing(site, conversation_id).await? {
            bail!("{what}: something was stored");
        }
        Ok(answer)
    }

    /// Whether nothing at all is stored for `conversation` of `site`.
    pub async fn stored_nothing(&self, site: &SiteAccess, conversation_id: &str) -> Result<bool> {
        Ok(self.ratings(site, conversation_id).await?.is_empty())
    }

    /// The stored `(message_id, rating)` pairs of a conversation.
    pub async fn ratings(
        &self,
        site: &SiteAccess,
        conversation_id: &str,
    ) -> Result<Vec<(String, String)>> {
        let answer = self
            .conversation(&site.key, Some(&site.secret), conversation_id)
            .await?;
        if answer.status == 404 && answer.code() == "not_found" {
            return Ok(Vec::new());
        }
        if answer.status != 200 {
            bail!(
                "reading {conversation_id} answered {}: {}",
                answer.status,
                answer.body
            );
        }
        let messages = answer
            .body
            .get("messages")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        Ok(messages
            .iter()
            .map(|message| {
                let field = |name: &str| {
                    message
                        .get(name)
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string()
                };
                (field("message_id"), field("rating"))
            })
            .collect())
    }
}

/// The positional arguments of a measuring binary (`loadgen`,
/// `dashboard_timing`, `widget_timing`).
pub struct Args(Vec<String>);

impl Args {
    /// This process's arguments, without the program name.
    pub fn from_env() -> Self {
        Self(std::env::args().skip(1).collect())
    }

    /// Argument `index`, or an error pointing at the file's header.
    pub fn get(&self, index: usize) -> Result<&str> {
        self.0
            .get(index)
            .map(String::as_str)
            .context("missing argument (see the file's header)")
    }

    /// Argument `index` as a URL on loopback: these tools drive only what
    /// runs on this machine.
    pub fn loopback_url(&self, index: usize) -> Result<&str> {
        let url = self.get(index)?;
        if !(url.starts_with("http://127.0.0.1:") || url.starts_with("http://localhost:")) {
            bail!("only a server on loopback is driven or measured, not {url}");
        }
        Ok(url)
    }
}

/// Prints one figure for `cargo xtask bench` to collect, on a line of its
/// own: `figure<TAB>name<TAB>value<TAB>unit`. The xtask compares figures of
/// the same name across rounds and revisions; the unit says which way is
/// better (`ms` and `bytes` lower, `events/s` and `points` higher).
pub fn figure(name: &str, value: f64, unit: &str) {
    println!("figure\t{name}\t{value}\t{unit}");
}

/// The `p` quantile (0–1) of `sorted` values, nearest rank; NaN when empty.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(rank).copied().unwrap_or(f64::NAN)
}

/// Polls `check` until it returns `Some`, or fails after `timeout`.
pub async fn eventually<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<Option<T>>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = check().await? {
            return Ok(value);
        }
        if Instant::now() > deadline {
            bail!("timed out after {}s waiting for {what}", timeout.as_secs());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
