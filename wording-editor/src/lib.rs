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
pub mod wording;

use dashboard::api::Api;
use dashboard::components::status::Loading;
use dashboard::i18n::{self, I18n, Messages};
use dashboard::session::Credentials;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use protocol::locales::DEFAULT_LOCALE;
use wasm_bindgen::prelude::*;

use crate::components::wording_page::WordingPage;

/// The editor drawn into the dashboard's page; dropping it (`free()` from
/// JavaScript) removes it and disposes of its reactive graph.
#[wasm_bindgen]
pub struct Editor {
    _mounted: leptos::mount::UnmountHandle<AnyViewState>,
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
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("wording editor crashed: {info}").into());
    }));
    let credentials = Credentials::new(site_key, secret).map_err(|reason| JsError::new(&reason))?;
    protocol::ids::check_locale("locale", locale).map_err(|err| JsError::new(&err.message))?;
    let locale = locale.to_string();
    // The API's signals made under the editor's root, so that dropping the
    // editor disposes of them (the secret included).
    let mounted = leptos::mount::mount_to(host, move || {
        let api = Api::new(credentials);
        view! { <Section api locale/> }.into_any()
    });
    Ok(Editor { _mounted: mounted })
}

/// The section in the owner's language: drawn once that copy is in (at
/// once for en-US, which is compiled in), so the words do not change under
/// the editor's eyes.
#[component]
fn Section(
    /// The API for the signed-in site.
    api: Api,
    /// The dashboard's language.
    locale: String,
) -> impl IntoView {
    let i18n = I18n::settled(Messages::reference().into_localized());
    provide_context(i18n);
    let ready = RwSignal::new(locale == DEFAULT_LOCALE);
    if !ready.get_untracked() {
        leptos::task::spawn_local(async move {
            i18n.set(i18n::load_locale(&locale).await.into_localized());
            ready.set(true);
        });
    }
    move || {
        let api = api.clone();
        if ready.get() {
            view! { <WordingPage api/> }.into_any()
        } else {
            view! { <Loading/> }.into_any()
        }
    }
}
