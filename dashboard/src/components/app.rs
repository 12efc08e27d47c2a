//! The whole dashboard: sign-in until the tab knows a site's secret, then
//! the sections.

use std::time::Duration;

use leptos::prelude::*;

use crate::api::Api;
use crate::components::shell::Shell;
use crate::components::sign_in::SignIn;
use crate::i18n::{self, I18n, Key, Messages};
use crate::intl;
use crate::session::Credentials;

/// Signs in, then shows the dashboard for that site.
#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::new(Messages::reference().into_localized());
    provide_context(i18n);
    leptos::task::spawn_local(async move {
        if let Some(copy) = i18n::load(&i18n::requested_locales()).await {
            i18n.set(copy.into_localized());
        }
        i18n.settle();
    });
    // The page's own title and language follow the copy.
    Effect::new(move |_| {
        let (title, locale) = (i18n.text(Key::DashboardTitle), i18n.locale());
        if let Some(document) = web_sys::window().and_then(|window| window.document()) {
            document.set_title(&title);
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", &locale);
                let _ =
                    html.set_attribute("dir", if i18n::is_rtl(&locale) { "rtl" } else { "ltr" });
            }
        }
    });
    // The browser's date and number data, loaded while the first request
    // is under way rather than in the task that draws its answer.
    Effect::new(move |_| {
        let locale = i18n.locale();
        set_timeout(move || intl::prepare(&locale), Duration::ZERO);
    });
    // The page is drawn a task after the copy is parsed (with the wasm's
    // start before it), so neither makes one long task: a person's click
    // or key between them is answered.
    let drawn = RwSignal::new(false);
    set_timeout(move || drawn.set(true), Duration::ZERO);
    let credentials = RwSignal::new(Credentials::load());
    let signed_in = Callback::new(move |found: Credentials| {
        found.save();
        credentials.set(Some(found));
    });
    let sign_out = Callback::new(move |()| {
        Credentials::forget();
        credentials.set(None);
    });
    move || match (drawn.get(), credentials.get()) {
        (false, _) => ().into_any(),
        (true, None) => view! { <SignIn on_signed_in=signed_in/> }.into_any(),
        (true, Some(found)) => {
            view! { <Shell api=Api::new(found) on_sign_out=sign_out/> }.into_any()
        }
    }
}
