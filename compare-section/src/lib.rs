//! The dashboard's Compare section as a wasm of its own: thumbs and
//! satisfaction per value of one dimension, and up to two values day by
//! day (`compare_page`). An owner opens it after the Overview, so the
//! dashboard fetches it only when the section opens (or while the browser
//! is idle) and mounts it with [`mount`]; the first section's download
//! leaves it out (README, "Choices worth knowing").
//!
//! It runs its own reactive graph (`dashboard::section_mount`): the
//! dashboard hands over the host element, the credentials, the owner's
//! language and its period, tells it each new period
//! ([`Section::set_period`]), and drops the [`Section`] when the section
//! closes.

pub mod compare_page;

use dashboard::period::Period;
use dashboard::section_mount::{MountedSection, mount_section};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::compare_page::ComparePage;

/// Compare drawn into the dashboard's page; dropping it (`free()` from
/// JavaScript) removes it and disposes of its reactive graph.
#[wasm_bindgen]
pub struct Section {
    /// Taken (removed) before the period is disposed of.
    mounted: Option<MountedSection>,
    /// The period shown, which the dashboard's picker sets.
    period: RwSignal<Period>,
}

/// The period `query` (as `Period::query` writes it), or a refusal that
/// says what came instead.
fn period_of(query: &str) -> Result<Period, JsError> {
    Period::from_query(query).ok_or_else(|| JsError::new(&format!("not a period: {query:?}")))
}

/// Draws Compare into `host` for the site `site_key`, whose `secret` (or
/// key) the dashboard signed in with, in the dashboard's language `locale`,
/// over `period` (`days=30`, `from=2026-01-01&to=2026-01-31`). Refused when
/// the credentials are not of the shape the dashboard accepts, the locale
/// is not a language tag, or the period is not one.
#[wasm_bindgen]
pub fn mount(
    host: web_sys::HtmlElement,
    site_key: &str,
    secret: &str,
    locale: &str,
    period: &str,
) -> Result<Section, JsError> {
    let period = RwSignal::new(period_of(period)?);
    let mounted = mount_section(
        "compare",
        host,
        (site_key, secret),
        locale,
        move |api| view! { <ComparePage api period/> }.into_any(),
        |_| {},
    );
    match mounted {
        Ok(mounted) => Ok(Section {
            mounted: Some(mounted),
            period,
        }),
        Err(refused) => {
            period.dispose();
            Err(refused)
        }
    }
}

#[wasm_bindgen]
impl Section {
    /// Shows `period` (as [`mount`] takes it) from now on; the same period
    /// again asks the collector nothing.
    pub fn set_period(&self, period: &str) -> Result<(), JsError> {
        let period = period_of(period)?;
        if self.period.get_untracked() != period {
            self.period.set(period);
        }
        Ok(())
    }
}

impl Drop for Section {
    fn drop(&mut self) {
        // The page first, so nothing reads the period once it is gone.
        drop(self.mounted.take());
        self.period.dispose();
    }
}
