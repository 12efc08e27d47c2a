//! The dashboard's Wording section as a wasm of its own: the widget's copy
//! per locale, checked as typed (`l10n::check_site_copy`), edited message by
//! message or as the whole file, previewed with the widget's own components,
//! with its saved versions. Most owners never open it, so the dashboard
//! fetches it only when the section opens (or, for one who may, while the
//! browser is idle) and mounts it with [`mount`]; the other sections'
//! download leaves it out (README, "Choices worth knowing").
//!
//! It runs its own reactive graph: the dashboard hands over the host
//! element and the credentials, and drops the [`Editor`] when the section
//! closes. It picks the owner's language as the dashboard does
//! (`dashboard::i18n::requested_locales`), so the two always agree.

pub mod components;
pub mod wording;

use dashboard::api::Api;
use dashboard::components::status::Loading;
use dashboard::i18n::{self, I18n, Messages};
use dashboard::session::Credentials;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::prelude::*;

use crate::components::wording_page::WordingPage;

/// The editor drawn into the dashboard's page; dropping it (`free()` from
/// JavaScript) removes it and disposes of its reactive graph.
#[wasm_bindgen]
pub struct Editor {
    _mounted: leptos::mount::UnmountHandle<AnyViewState>,
}

/// Draws the Wording section into `host` for the site `site_key`, whose
/// `secret` (or key) the dashboard signed in with. Refused when the
/// credentials are not of the shape the dashboard accepts.
#[wasm_bindgen]
pub fn mount(host: web_sys::HtmlElement, site_key: &str, secret: &str) -> Result<Editor, JsError> {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("wording editor crashed: {info}").into());
    }));
    let api = Api::new(Credentials::new(site_key, secret).map_err(|reason| JsError::new(&reason))?);
    let mounted = leptos::mount::mount_to(host, move || view! { <Section api/> }.into_any());
    Ok(Editor { _mounted: mounted })
}

/// The section in the owner's language: drawn once that copy is in, so
/// the words do not change under the editor's eyes.
#[component]
fn Section(
    /// The API for the signed-in site.
    api: Api,
) -> impl IntoView {
    let i18n = I18n::new(Messages::reference().into_localized());
    provide_context(i18n);
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if let Some(copy) = i18n::load(&i18n::requested_locales()).await {
            i18n.set(copy.into_localized());
        }
        ready.set(true);
    });
    move || {
        let api = api.clone();
        if ready.get() {
            view! { <WordingPage api/> }.into_any()
        } else {
            view! { <Loading/> }.into_any()
        }
    }
}
