//! The shipped Fluent files, read from the Worker's static assets
//! (`locales/copy.json`, built from `locales/` by `cargo xtask`), so editing
//! a locale needs no Rust rebuild: `wrangler dev` serves the file as it is
//! on disk.

use protocol::{LocaleList, ShippedCopy};
use worker::{Env, Result};

/// The static-assets binding in `wrangler.toml`.
const ASSETS: &str = crate::bindings::ASSETS;

/// Any host works: the assets binding only looks at the path.
const COPY_URL: &str = "https://assets.invalid/locales/copy.json";

/// The shipped copy of this deployment.
pub struct Shipped(ShippedCopy);

impl Shipped {
    /// Reads the shipped copy. A deployment without it is broken, so that
    /// is an infrastructure fault, not a refusal.
    pub async fn of(env: &Env) -> Result<Self> {
        let mut response = env.assets(ASSETS)?.fetch(COPY_URL, None).await?;
        if response.status_code() != 200 {
            return Err(worker::Error::RustError(format!(
                "locales/copy.json is not deployed ({})",
                response.status_code()
            )));
        }
        let copy = response.json::<ShippedCopy>().await.map_err(|err| {
            worker::Error::RustError(format!("locales/copy.json is unreadable: {err}"))
        })?;
        Ok(Self(copy))
    }

    /// Every locale the widget has copy for.
    pub fn list(&self) -> LocaleList {
        self.0.list()
    }

    /// The widget's Fluent file for `locale`, if shipped.
    pub fn widget_ftl(&self, locale: &str) -> Option<&str> {
        self.0.widget.get(locale).map(String::as_str)
    }
}

impl Shipped {
    /// The dashboard's Fluent file for `locale`, if shipped.
    pub fn dashboard_ftl(&self, locale: &str) -> Option<&str> {
        self.0.dashboard.get(locale).map(String::as_str)
    }
}
