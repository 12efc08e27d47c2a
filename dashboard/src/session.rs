//! The site key and secret, kept in sessionStorage: they last as long as
//! the browser tab and never reach another tab or the disk for long.

use protocol::ids::check_id;

const SITE_KEY: &str = "feedback-dashboard:site-key";
const SECRET: &str = "feedback-dashboard:secret";

/// Who the dashboard reads for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The site's public key (`pk_...`).
    pub site_key: String,
    /// The site's secret (`sk_...`).
    pub secret: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

impl Credentials {
    /// Trims what was pasted and checks its shape, so a stray space or a
    /// wrong field never reaches the collector.
    pub fn new(site_key: &str, secret: &str) -> Result<Self, String> {
        let (site_key, secret) = (site_key.trim(), secret.trim());
        check_id("site key", site_key).map_err(|err| err.message)?;
        check_id("secret", secret).map_err(|err| err.message)?;
        Ok(Self {
            site_key: site_key.to_string(),
            secret: secret.to_string(),
        })
    }

    /// What this tab remembered, if anything.
    pub fn load() -> Option<Self> {
        let storage = storage()?;
        let site_key = storage.get_item(SITE_KEY).ok()??;
        let secret = storage.get_item(SECRET).ok()??;
        Self::new(&site_key, &secret).ok()
    }

    /// Remembers these for this tab.
    pub fn save(&self) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(SITE_KEY, &self.site_key);
            let _ = storage.set_item(SECRET, &self.secret);
        }
    }

    /// Forgets whatever this tab remembered.
    pub fn forget() {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(SITE_KEY);
            let _ = storage.remove_item(SECRET);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_credentials_are_trimmed_and_checked() {
        let ok = Credentials::new(" pk_abc \n", "sk_123\t").unwrap();
        assert_eq!(
            (ok.site_key.as_str(), ok.secret.as_str()),
            ("pk_abc", "sk_123")
        );
        assert!(Credentials::new("", "sk_1").is_err());
        assert!(Credentials::new("pk 1", "sk_1").is_err());
        assert!(Credentials::new("pk_1", "sk_1\"; drop").is_err());
    }
}
