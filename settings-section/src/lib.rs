//! The dashboard's Settings section as a wasm of its own: how the bubble
//! asks for feedback and what the collector keeps (`settings_form`, checked
//! with the collector's own rules), the webhook's test delivery, access
//! keys and a new site secret (`components::keys_panel`), and the list of
//! changes. An owner sets these up and comes back rarely, so the dashboard
//! fetches this only when the section opens (or, for the owner, while the
//! browser is idle) and mounts it with [`mount`]; the first section's
//! download leaves it out (README, "Choices worth knowing").
//!
//! It runs its own reactive graph (`dashboard::section_mount`): the
//! dashboard hands over the host element, the credentials, the owner's
//! language and what to call with a new secret, and drops the [`Section`]
//! when the section closes.

pub mod alerts_form;
pub mod components;
pub mod redaction_form;
pub mod settings_form;

use dashboard::api::Api;
use dashboard::section_mount::{MountedSection, mount_section};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::components::settings_page::SettingsPage;

/// Settings drawn into the dashboard's page; dropping it (`free()` from
/// JavaScript) removes it and disposes of its reactive graph.
#[wasm_bindgen]
pub struct Section {
    _mounted: MountedSection,
}

/// Draws Settings into `host` for the site `site_key`, whose `secret` the
/// dashboard signed in with, in the dashboard's language `locale`. A new
/// secret made here is remembered for the tab and handed to
/// `on_new_secret`, so the rest of the dashboard uses it too. Refused when
/// the credentials are not of the shape the dashboard accepts, or the
/// locale is not a language tag.
#[wasm_bindgen]
pub fn mount(
    host: web_sys::HtmlElement,
    site_key: &str,
    secret: &str,
    locale: &str,
    on_new_secret: js_sys::Function,
) -> Result<Section, JsError> {
    let mounted = mount_section(
        "settings",
        host,
        (site_key, secret),
        locale,
        |api| view! { <SettingsPage api/> }.into_any(),
        move |api| tell_new_secrets(api, on_new_secret),
    )?;
    Ok(Section { _mounted: mounted })
}

/// Calls `on_new_secret` with each secret `api` takes on after the one it
/// started with.
fn tell_new_secrets(api: &Api, on_new_secret: js_sys::Function) {
    let api = api.clone();
    Effect::new(move |told: Option<String>| {
        let secret = api.secret();
        if told.is_some_and(|before| before != secret)
            && let Err(error) = on_new_secret.call1(&JsValue::NULL, &secret.clone().into())
        {
            web_sys::console::error_2(&"the dashboard refused the new secret".into(), &error);
        }
        secret
    });
}
