//! The sign-in form: the site key and its secret (or a key the owner
//! made), checked against the collector before the dashboard opens.

use l10n::format::Args;
use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::components::status::reason;
use crate::i18n::{self, I18n, Key};
use crate::session::Credentials;

/// Asks for the site key and secret.
#[component]
pub fn SignIn(
    /// Called with credentials the collector accepted.
    on_signed_in: Callback<Credentials>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let site_key = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let credentials = match Credentials::new(&site_key.get_untracked(), &secret.get_untracked())
        {
            Ok(credentials) => credentials,
            Err(_) => {
                problem.set(Some(i18n.text(Key::SigninWrong)));
                return;
            }
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let api = Api::new(credentials.clone());
            match api.holder().await {
                Ok(_) => on_signed_in.run(credentials),
                Err(ApiError::WrongSecret) => problem.set(Some(i18n.text(Key::SigninWrong))),
                Err(other) => {
                    let mut args = Args::new();
                    args.set("reason", i18n::text(reason(i18n, &other)));
                    problem.set(Some(i18n.format(Key::LoadFailed, &args)));
                }
            }
            busy.set(false);
        });
    };
    view! {
        <main class="signin">
            <h1>{i18n.t(Key::DashboardTitle)}</h1>
            <p>{i18n.t(Key::SigninIntro)}</p>
            <form on:submit=submit>
                <label for="site-key">{i18n.t(Key::SigninSiteKey)}</label>
                <input id="site-key" name="site-key" autocomplete="username" required
                    prop:value=move || site_key.get()
                    on:input:target=move |ev| site_key.set(ev.target().value())/>
                <label for="site-secret">{i18n.t(Key::SigninSecret)}</label>
                <input id="site-secret" name="site-secret" type="password" autocomplete="current-password" required
                    prop:value=move || secret.get()
                    on:input:target=move |ev| secret.set(ev.target().value())/>
                <p class="problem" role="alert">{move || problem.get()}</p>
                <button type="submit" disabled=move || busy.get()>{i18n.t(Key::SigninSubmit)}</button>
            </form>
        </main>
    }
}
