//! The signed-in page: header, the sections' navigation, the period, and
//! the section the address names.

use crate::api::InboxFilter;
use l10n::format::Args;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::api::{Api, ApiError, Holder};
use crate::components::fetched_section::FetchedSection;
use crate::components::gaps_page::GapsPage;
use crate::components::inbox::Inbox;
use crate::components::overview_page::OverviewPage;
use crate::components::period_picker::PeriodPicker;
use crate::components::status::{Failed, Loading, StillLoading};
use crate::i18n::{self, I18n, Key};
use crate::period::Period;
use crate::route::{Route, current_hash, inbox_filter};
use crate::section_apps::{self, Opening, SectionApp};

/// Follows the address's `#/...`, through `open` (which turns a section
/// the signed-in key may not open into one it may), and the inbox filter
/// an address to the inbox carries.
fn watch_route(
    route: RwSignal<Route>,
    filter: RwSignal<InboxFilter>,
    open: impl Fn(Route) -> Route + 'static,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let changed = Closure::<dyn Fn()>::new(move || {
        let hash = current_hash();
        if let Some(carried) = inbox_filter(&hash) {
            filter.set(carried);
        }
        route.set(open(Route::parse(&hash)));
    });
    let _ = window.add_event_listener_with_callback("hashchange", changed.as_ref().unchecked_ref());
    // The dashboard is the whole page and lives as long as it.
    changed.forget();
}

/// Everything after sign-in, once the collector has said who is signed
/// in: each sees only the sections their key opens.
#[component]
pub fn Shell(
    /// The API for the signed-in site.
    api: Api,
    /// Forgets the secret.
    on_sign_out: Callback<()>,
) -> impl IntoView {
    let holder = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.holder().await }
        }
    });
    move || match holder.get() {
        None => view! { <Loading/> }.into_any(),
        // A secret rotated or a key revoked since this tab signed in.
        Some(Err(ApiError::WrongSecret)) => {
            on_sign_out.run(());
            ().into_any()
        }
        Some(Err(error)) => view! { <Failed error/> }.into_any(),
        Some(Ok(holder)) => {
            let api = api.clone();
            view! { <Sections api holder on_sign_out/> }.into_any()
        }
    }
}

/// The header, the sections `holder` may open, and the one the address
/// names (or the first they may open).
#[component]
fn Sections(
    /// The API for the signed-in site.
    api: Api,
    /// Who is signed in.
    holder: Holder,
    /// Forgets the secret.
    on_sign_out: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let may = {
        let holder = holder.clone();
        move |route: &Route| holder.may(route.need())
    };
    let first_open = [
        Route::Overview,
        Route::Conversations,
        Route::Wording,
        Route::Settings,
    ]
    .into_iter()
    .find(|route| may(route))
    .unwrap_or_default();
    let open = {
        let may = may.clone();
        move |route: Route| {
            if may(&route) {
                route
            } else {
                first_open.clone()
            }
        }
    };
    let route = RwSignal::new(open(Route::current()));
    // The inbox's filter, kept while a conversation is open; an address
    // to the inbox may carry one.
    let filter = RwSignal::new(inbox_filter(&current_hash()).unwrap_or_default());
    watch_route(route, filter, open);
    // The sections that are wasms of their own, for whoever may open them:
    // their code is fetched once the first section has shown what it was
    // opened for and the browser is idle.
    let fetched: Vec<SectionApp> = [
        (Route::Conversations, SectionApp::Conversation),
        (Route::Compare, SectionApp::Compare),
        (Route::Wording, SectionApp::Wording),
        (Route::Settings, SectionApp::Settings),
    ]
    .into_iter()
    .filter(|(route, _)| may(route))
    .map(|(_, app)| app)
    .collect();
    if !fetched.is_empty() {
        let loading = StillLoading::new();
        provide_context(loading);
        let fetched = StoredValue::new(fetched);
        Effect::new(move |asked: Option<bool>| {
            if asked == Some(true) || !loading.none() {
                return asked.unwrap_or(false);
            }
            section_apps::prefetch_when_idle(fetched.get_value());
            true
        });
    }
    let period = RwSignal::new(Period::default());
    let site = api.site_key().to_string();
    let signed_in_as = move || {
        let mut args = Args::new();
        args.set("site", i18n::text(site.clone()));
        i18n.format(Key::SignedInAs, &args)
    };
    let tab = move |target: Route, label: fn(I18n) -> String| {
        let href = target.href();
        let shown = may(&target);
        let current = move || (route.get().section() == target).then_some("page");
        shown.then(|| view! { <a href=href aria-current=current>{move || label(i18n)}</a> })
    };
    let section = move || {
        let api = api.clone();
        match route.get() {
            Route::Overview => view! { <OverviewPage api period/> }.into_any(),
            Route::Conversations => view! { <Inbox api period filter/> }.into_any(),
            Route::Recommendations => view! { <GapsPage api period/> }.into_any(),
            Route::Conversation(id) => {
                view! { <FetchedSection api opening=Opening::Conversation(id)/> }.into_any()
            }
            Route::Compare => {
                view! { <FetchedSection api opening=Opening::Compare(period)/> }.into_any()
            }
            Route::Settings => view! { <FetchedSection api opening=Opening::Settings/> }.into_any(),
            Route::Wording => view! { <FetchedSection api opening=Opening::Wording/> }.into_any(),
        }
    };
    view! {
        <header class="top">
            <h1>{i18n.t(Key::DashboardTitle)}</h1>
            <span class="site">{signed_in_as}</span>
            <button type="button" class="signout" on:click=move |_| on_sign_out.run(())>
                {i18n.t(Key::Signout)}
            </button>
        </header>
        <nav class="sections" aria-label=i18n.t(Key::NavLabel)>
            {tab(Route::Overview, |i18n| i18n.text(Key::NavOverview))}
            {tab(Route::Conversations, |i18n| i18n.text(Key::NavConversations))}
            {tab(Route::Compare, |i18n| i18n.text(Key::NavCompare))}
            {tab(Route::Recommendations, |i18n| i18n.text(Key::NavRecommendations))}
            {tab(Route::Settings, |i18n| i18n.text(Key::NavSettings))}
            {tab(Route::Wording, |i18n| i18n.text(Key::NavWording))}
        </nav>
        <main id="section">
            <Show when=move || {
                !matches!(route.get(), Route::Conversation(_) | Route::Settings | Route::Wording)
            }>
                <PeriodPicker period/>
            </Show>
            {section}
        </main>
    }
}
