//! Sites: who may send feedback, from which origins, with what settings.
//! Who may read it is `access`.

use protocol::SiteConfig;
use protocol::secret::{bearer_token, secret_matches};
use std::cell::RefCell;

use worker::{D1Database, Date, Request, Result, console_error};

use crate::recent::Recent;
use crate::store;

/// How long ingest may reuse a site it looked up (per Worker isolate): a
/// changed origin list or setting reaches ingest within this time.
const CACHE_MS: f64 = 30_000.0;

/// How long a refusal is reused (an unknown site key, an origin a site does
/// not allow), so a flood of them costs no database read per request; a
/// site or origin added meanwhile works after at most this long.
const REFUSAL_CACHE_MS: f64 = 10_000.0;

/// Most sites, and (site, origin) pairs, remembered per isolate (a busy
/// isolate sees a handful of shops, not thousands).
const MAX_REMEMBERED: usize = 1_000;

thread_local! {
    /// Site keys ingest looked up recently: the site, or `None` for a key
    /// no site has.
    static RECENT: RefCell<Recent<String, Option<Site>>> = RefCell::new(Recent::new(MAX_REMEMBERED));
    /// (site, origin) pairs checked recently: allowed or not.
    static ALLOWED: RefCell<Recent<(String, String), bool>> = RefCell::new(Recent::new(MAX_REMEMBERED));
}

/// Until when an answer is reused: refusals for less long.
fn reuse_until(now: f64, refused: bool) -> f64 {
    now + if refused { REFUSAL_CACHE_MS } else { CACHE_MS }
}

/// A registered site.
#[derive(Debug, Clone)]
pub struct Site {
    /// Public key (`pk_...`).
    pub site_key: String,
    /// Hex SHA-256 of the secret.
    secret_hash: String,
    /// The owner's settings.
    pub config: SiteConfig,
    /// What webhook bodies are signed with (`whsec_...`).
    webhook_secret: Option<String>,
}

impl Site {
    /// The site's time zone, when it has set one the collector knows
    /// (`cargo xtask site set` checks it; a hand-edited typo reads as UTC).
    pub fn time_zone(&self) -> Option<&str> {
        self.config
            .time_zone
            .as_deref()
            .filter(|zone| analytics::is_time_zone(zone))
    }

    /// Looks a site up by its public key.
    pub async fn find(db: &D1Database, site_key: &str) -> Result<Option<Site>> {
        let row = store::sites::find(db, site_key).await?;
        Ok(row.map(|row| {
            // Configs are validated when written; an unreadable one (edited by
            // hand) falls back to the defaults, which store no text.
            let config = SiteConfig::from_json(&row.config).unwrap_or_else(|problem| {
                console_error!("site {}: {problem}; using defaults", row.site_key);
                SiteConfig::default()
            });
            Site {
                site_key: row.site_key,
                secret_hash: row.secret_hash,
                config,
                webhook_secret: row.webhook_secret,
            }
        }))
    }

    /// [`Site::find`] through a short per-isolate cache, for the ingest hot
    /// path (read routes always look up afresh). Unknown keys are
    /// remembered too.
    pub async fn find_recent(db: &D1Database, site_key: &str) -> Result<Option<Site>> {
        let now = Date::now().as_millis() as f64;
        if let Some(known) = RECENT.with(|recent| recent.borrow().get(&site_key.to_string(), now)) {
            return Ok(known);
        }
        let site = Site::find(db, site_key).await?;
        RECENT.with(|recent| {
            recent.borrow_mut().put(
                site_key.to_string(),
                site.clone(),
                reuse_until(now, site.is_none()),
            );
        });
        Ok(site)
    }

    /// Whether pages from `origin` may send events for this site (asked of
    /// D1 at most every `CACHE_MS` per isolate once allowed, every
    /// `REFUSAL_CACHE_MS` while refused).
    pub async fn allows_origin(&self, db: &D1Database, origin: &str) -> Result<bool> {
        let now = Date::now().as_millis() as f64;
        let pair = (self.site_key.clone(), origin.to_string());
        if let Some(allowed) = ALLOWED.with(|allowed| allowed.borrow().get(&pair, now)) {
            return Ok(allowed);
        }
        let allows = store::sites::allows_origin(db, &self.site_key, origin).await?;
        ALLOWED.with(|allowed| {
            allowed
                .borrow_mut()
                .put(pair, allows, reuse_until(now, !allows));
        });
        Ok(allows)
    }

    /// The secret webhook bodies are signed with (see
    /// `protocol::secret::sign_webhook`); every site has one since
    /// migration 0006.
    pub fn webhook_secret(&self) -> Option<&str> {
        self.webhook_secret
            .as_deref()
            .filter(|secret| !secret.is_empty())
    }

    /// The hash of the site's secret as it was read.
    pub fn secret_hash(&self) -> &str {
        &self.secret_hash
    }

    /// Whether `token` is this site's secret.
    pub fn secret_is(&self, token: &str) -> bool {
        secret_matches(token, &self.secret_hash)
    }

    /// Whether the request carries this site's secret as a bearer token.
    pub fn is_authorized(&self, req: &Request) -> Result<bool> {
        let header = req.headers().get("Authorization")?;
        Ok(header
            .as_deref()
            .and_then(bearer_token)
            .is_some_and(|secret| secret_matches(secret, &self.secret_hash)))
    }
}
