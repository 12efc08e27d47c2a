//! The signed-in page: header, the sections' navigation, the period, and
//! the section the address names.

use crate::api::FeedbackFilter;
use l10n::format::Args;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::api::Api;
use crate::components::conversation_view::ConversationView;
use crate::components::gaps_page::GapsPage;
use crate::components::inbox::Inbox;
use crate::components::overview_page::OverviewPage;
use crate::components::period_picker::PeriodPicker;
use crate::components::settings_page::SettingsPage;
use crate::i18n::{self, I18n};
use crate::period::Period;
use crate::route::Route;

/// Follows the address's `#/...`.
fn watch_route(route: RwSignal<Route>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let changed = Closure::<dyn Fn()>::new(move || route.set(Route::current()));
    let _ = window.add_event_listener_with_callback("hashchange", changed.as_ref().unchecked_ref());
    // The dashboard is the whole page and lives as long as it.
    changed.forget();
}

/// Everything after sign-in.
#[component]
pub fn Shell(
    /// The read API for the signed-in site.
    api: Api,
    /// Forgets the secret.
    on_sign_out: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let route = RwSignal::new(Route::current());
    watch_route(route);
    let period = RwSignal::new(Period::default());
    let filter = RwSignal::new(None::<FeedbackFilter>);
    let site = api.site_key().to_string();
    let signed_in_as = move || {
        let mut args = Args::new();
        args.set("site", i18n::text(site.clone()));
        i18n.format("signed-in-as", &args)
    };
    let tab = move |target: Route, label: fn(I18n) -> String| {
        let href = target.href();
        let current = move || (route.get().section() == target).then_some("page");
        view! { <a href=href aria-current=current>{move || label(i18n)}</a> }
    };
    let section = move || {
        let api = api.clone();
        match route.get() {
            Route::Overview => view! { <OverviewPage api period/> }.into_any(),
            Route::Conversations => view! { <Inbox api period filter/> }.into_any(),
            Route::Conversation(id) => view! { <ConversationView api id/> }.into_any(),
            Route::Recommendations => view! { <GapsPage api period/> }.into_any(),
            Route::Settings => view! { <SettingsPage api/> }.into_any(),
        }
    };
    view! {
        <header class="top">
            <h1>{i18n.t("dashboard-title")}</h1>
            <span class="site">{signed_in_as}</span>
            <button type="button" class="signout" on:click=move |_| on_sign_out.run(())>
                {i18n.t("signout")}
            </button>
        </header>
        <nav class="sections" aria-label=i18n.t("nav-label")>
            {tab(Route::Overview, |i18n| i18n.text("nav-overview"))}
            {tab(Route::Conversations, |i18n| i18n.text("nav-conversations"))}
            {tab(Route::Recommendations, |i18n| i18n.text("nav-recommendations"))}
            {tab(Route::Settings, |i18n| i18n.text("nav-settings"))}
        </nav>
        <main id="section">
            <Show when=move || !matches!(route.get(), Route::Conversation(_) | Route::Settings)>
                <PeriodPicker period/>
            </Show>
            {section}
        </main>
    }
}
