//! The other side of `section_apps`: how a section that is a wasm of its
//! own (`wording-editor`, `settings-section`) draws itself into the
//! dashboard's page, with its own reactive graph, in the owner's language.
//! A section mounted again (a conversation, then the next) reuses the copy
//! it fetched the first time.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use protocol::locales::DEFAULT_LOCALE;
use wasm_bindgen::JsError;

use crate::api::Api;
use crate::components::status::Loading;
use crate::i18n::{self, I18n, Messages};
use crate::session::Credentials;

thread_local! {
    /// The owner's language and its copy, as this wasm fetched it first.
    static COPY: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// `tag`'s copy: fetched once per wasm, then kept. A failed fetch is not
/// kept (en-US stands in), so the next mount tries again.
async fn copy_of(tag: &str) -> Messages {
    let kept = COPY.with_borrow(|kept| {
        kept.as_ref()
            .filter(|(kept_tag, _)| kept_tag == tag)
            .map(|(_, ftl)| ftl.clone())
    });
    let ftl = match kept {
        Some(ftl) => Some(ftl),
        None => i18n::locale_ftl(tag).await,
    };
    if let Some(ftl) = &ftl {
        COPY.with_borrow_mut(|kept| *kept = Some((tag.to_string(), ftl.clone())));
    }
    Messages::new(tag, ftl.as_deref())
}

/// The section, mounted; dropping it removes it and disposes of its
/// reactive graph.
pub type MountedSection = leptos::mount::UnmountHandle<AnyViewState>;

/// Draws `section` into `host` for the site `site_key`, whose `secret` (or
/// key) the dashboard signed in with, in the dashboard's language `locale`.
/// Refused when the credentials are not of the shape the dashboard accepts,
/// or the locale is not a language tag. `name` says whose panic it was;
/// `made` is called once with the section's API as it is made.
pub fn mount_section(
    name: &'static str,
    host: web_sys::HtmlElement,
    (site_key, secret): (&str, &str),
    locale: &str,
    section: impl Fn(Api) -> AnyView + Send + Sync + 'static,
    made: impl FnOnce(&Api) + 'static,
) -> Result<MountedSection, JsError> {
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::error_1(&format!("{name} crashed: {info}").into());
    }));
    let credentials = Credentials::new(site_key, secret).map_err(|reason| JsError::new(&reason))?;
    protocol::ids::check_locale("locale", locale).map_err(|err| JsError::new(&err.message))?;
    let locale = locale.to_string();
    // The API's signals made under the section's root, so that dropping it
    // disposes of them (the secret included).
    Ok(leptos::mount::mount_to(host, move || {
        let api = Api::new(credentials);
        made(&api);
        let section = std::sync::Arc::new(section);
        view! { <InLanguage api locale section/> }.into_any()
    }))
}

/// `section`, in the owner's language: drawn once that copy is in (en-US
/// is compiled in), so the words do not change under the owner's eyes,
/// and a task after the copy is parsed, so the parse (about 9 ms for
/// en-US's 48 KB in Chromium here) and the section's first draw do not
/// make one long task (BENCHMARKS.md, "The dashboard in Chromium").
#[component]
fn InLanguage(
    /// The API for the signed-in site.
    api: Api,
    /// The dashboard's language.
    locale: String,
    /// Draws the section.
    section: std::sync::Arc<dyn Fn(Api) -> AnyView + Send + Sync>,
) -> impl IntoView {
    let i18n = I18n::settled(Messages::reference().into_localized());
    provide_context(i18n);
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if locale != DEFAULT_LOCALE {
            i18n.set(copy_of(&locale).await.into_localized());
        }
        // Whatever the first text needs, parsed here rather than in the draw.
        i18n.prepare();
        set_timeout(
            // The section was closed meanwhile.
            move || ready.try_set(true).map_or((), drop),
            Duration::ZERO,
        );
    });
    move || {
        if ready.get() {
            section(api.clone())
        } else {
            view! { <Loading/> }.into_any()
        }
    }
}
