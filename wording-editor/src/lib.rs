//! The dashboard's Wording section as a wasm of its own: the widget's copy
//! per locale, checked as typed (`l10n::check_site_copy`), edited message by
//! message or as the whole file, previewed with the widget's own components,
//! with its saved versions. Most owners never open it, so the dashboard
//! fetches it only when the section opens (or, for one who may, while the
//! browser is idle) and mounts it with [`mount`]; the other sections'
//! download leaves it out (README, "Choices worth knowing").
//!
//! It runs its own reactive graph: the dashboard hands over the host
//! element, the credentials and the owner's language (as it negotiated
//! it), and drops the [`Editor`] when the section closes.

pub mod components;
pub mod find;
pub mod wording;

use dashboard::section_mount::{MountedSection, mount_section};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::components::wording_page::WordingPage;

/// The editor drawn into the dashboard's page; dropping it (`free()` from
/// JavaScript) removes it and disposes of its reactive graph.
#[wasm_bindgen]
pub struct Editor {
    _mounted: MountedSection,
}

/// Draws the Wording section into `host` for the site `site_key`, whose
/// `secret` (or key) the dashboard signed in with, in the dashboard's
/// language `locale`. Refused when the credentials are not of the shape
/// the dashboard accepts, or the locale is not a language tag.
#[wasm_bindgen]
pub fn mount(
    host: web_sys::HtmlElement,
    site_key: &str,
    secret: &str,
    locale: &str,
) -> Result<Editor, JsError> {
    let mounted = mount_section(
        "wording editor",
        host,
        (site_key, secret),
        locale,
        |api| view! { <WordingPage api/> }.into_any(),
        |_| (),
    )?;
    Ok(Editor { _mounted: mounted })
}
