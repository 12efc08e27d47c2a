//! Access keys and the site secret, under Settings: keys for people who
//! need less than the owner's secret (a wording key edits the copy only, a
//! read key sees the figures and conversations only), made and revoked
//! here, each secret shown once; the revoked ones behind a button, a page
//! at a time; and a new site secret, which this tab switches to at once.

use l10n::format::Args;
use leptos::prelude::*;

use dashboard::api::{AccessKey, Api, SaveError};
use dashboard::components::status::reason;
use dashboard::components::status::{Failed, Loading};
use dashboard::i18n::{self, I18n, Key};
use dashboard::intl;
use dashboard::refusals::field_problem;

/// The head of a table of keys.
fn head() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <thead>
            <tr>
                <th scope="col">{i18n.t(Key::KeysName)}</th>
                <th scope="col">{i18n.t(Key::KeysScope)}</th>
                <th scope="col">{i18n.t(Key::KeysCreatedAt)}</th>
                <th scope="col">{i18n.t(Key::KeysStatus)}</th>
            </tr>
        </thead>
    }
}

/// One key's row: its name, scope, when it was made, and Revoke.
fn key_row(api: Api, key: AccessKey, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let scope = match key.scope {
        protocol::Scope::Wording => Key::KeysScopeWording,
        protocol::Scope::Read => Key::KeysScopeRead,
        protocol::Scope::Review => Key::KeysScopeReview,
    };
    let made = intl::instant(&i18n.locale(), key.created_at, None);
    let status = match key.revoked_at {
        Some(at) => {
            let when = move || {
                let mut args = Args::new();
                args.set("date", i18n::text(intl::instant(&i18n.locale(), at, None)));
                i18n.format(Key::KeysRevoked, &args)
            };
            view! { <span class="revoked">{when}</span> }.into_any()
        }
        None => {
            let (id, name) = (key.id.clone(), key.name.clone());
            let label = move || {
                let mut args = Args::new();
                args.set("name", i18n::text(name.clone()));
                i18n.format(Key::KeysRevokeLabel, &args)
            };
            let revoke = move |_| {
                let (api, id) = (api.clone(), id.clone());
                leptos::task::spawn_local(async move {
                    // The list shows the outcome either way.
                    let _ = api.revoke_key(&id).await;
                    changed.update(|changed| *changed += 1);
                });
            };
            view! {
                <button type="button" class="secondary" aria-label=label on:click=revoke>
                    {i18n.t(Key::KeysRevoke)}
                </button>
            }
            .into_any()
        }
    };
    view! {
        <tr data-key=key.id.clone()>
            <td>{key.name}</td>
            <td>{i18n.t(scope)}</td>
            <td>{made}</td>
            <td>{status}</td>
        </tr>
    }
}

/// The revoked keys, behind a button that says how many there are: most
/// recently revoked first, [`protocol::access::REVOKED_PAGE`] at a time,
/// so a site with hundreds of them still finds its live keys at a glance.
fn revoked_keys(api: Api, total: u32, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let open = RwSignal::new(false);
    let shown = RwSignal::new(Vec::<AccessKey>::new());
    // `None` until the first page came; then the next page's cursor.
    let next = RwSignal::new(None::<Option<String>>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let load = {
        let api = api.clone();
        move |before: Option<String>| {
            let api = api.clone();
            busy.set(true);
            leptos::task::spawn_local(async move {
                let page = api.revoked_keys(before.as_deref()).await;
                // Settings may have closed meanwhile.
                if shown.is_disposed() {
                    return;
                }
                match page {
                    Ok(page) => {
                        shown.update(|shown| shown.extend(page.keys));
                        next.set(Some(page.next));
                        problem.set(None);
                    }
                    Err(error) => {
                        let mut args = Args::new();
                        args.set("reason", i18n::text(reason(i18n, &error)));
                        problem.set(Some(i18n.format(Key::LoadFailed, &args)));
                    }
                }
                busy.set(false);
            });
        }
    };
    let toggle = {
        let load = load.clone();
        move |_| {
            open.update(|open| *open = !*open);
            if open.get_untracked() && next.get_untracked().is_none() {
                load(None);
            }
        }
    };
    let toggle_text = move || {
        if open.get() {
            i18n.text(Key::KeysHideRevoked)
        } else {
            let mut args = Args::new();
            args.set("count", i18n::count(total));
            i18n.format(Key::KeysShowRevoked, &args)
        }
    };
    let more = move || {
        let cursor = next.get().flatten()?;
        let left = (total as usize).saturating_sub(shown.with(Vec::len));
        let count = left.clamp(1, protocol::access::REVOKED_PAGE);
        let load = load.clone();
        let text = move || {
            let mut args = Args::new();
            args.set("count", i18n::count(count));
            i18n.format(Key::KeysMoreRevoked, &args)
        };
        Some(view! {
            <button type="button" class="secondary more-revoked"
                disabled=move || busy.get()
                on:click=move |_| load(Some(cursor.clone()))>
                {text}
            </button>
        })
    };
    view! {
        <button type="button" class="secondary show-revoked"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls="keys-revoked"
            on:click=toggle>
            {toggle_text}
        </button>
        <div id="keys-revoked" hidden=move || !open.get()>
            <table class="audit keys-revoked" aria-labelledby="keys-title">
                {head()}
                <tbody>
                    {move || {
                        let api = api.clone();
                        shown
                            .get()
                            .into_iter()
                            .map(|key| key_row(api.clone(), key, changed))
                            .collect_view()
                    }}
                </tbody>
            </table>
            {more}
            <p class="problem" role="alert">{move || problem.get()}</p>
        </div>
    }
}

/// Makes a key; its secret is shown once, under the form.
fn new_key_form(api: Api, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let name = RwSignal::new(String::new());
    let scope = RwSignal::new("wording".to_string());
    let secret = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let api = api.clone();
        leptos::task::spawn_local(async move {
            match api
                .create_key(&name.get_untracked(), &scope.get_untracked())
                .await
            {
                Ok(created) => {
                    secret.set(Some(created.secret));
                    problem.set(None);
                    name.set(String::new());
                    changed.update(|changed| *changed += 1);
                }
                Err(SaveError::Invalid(errors)) => {
                    let worded: Vec<String> = errors
                        .iter()
                        .map(|(field, english)| field_problem(i18n, field, english))
                        .collect();
                    problem.set(Some(worded.join(" ")));
                }
                Err(other) => {
                    let reason = match other {
                        SaveError::Failed(error) => reason(i18n, &error),
                        other => format!("{other:?}"),
                    };
                    let mut args = Args::new();
                    args.set("reason", i18n::text(reason));
                    problem.set(Some(i18n.format(Key::LoadFailed, &args)));
                }
            }
        });
    };
    view! {
        <form class="new-key" on:submit=submit>
            <div class="field">
                <label for="key-name">{i18n.t(Key::KeysName)}</label>
                <input id="key-name" name="key-name" type="text" required
                    aria-describedby="key-problem"
                    prop:value=move || name.get()
                    on:input:target=move |ev| name.set(ev.target().value())/>
            </div>
            <div class="field">
                <label for="key-scope">{i18n.t(Key::KeysScope)}</label>
                <select id="key-scope" name="key-scope"
                    prop:value=move || scope.get()
                    on:change:target=move |ev| scope.set(ev.target().value())>
                    <option value="wording">{i18n.t(Key::KeysScopeWording)}</option>
                    <option value="read">{i18n.t(Key::KeysScopeRead)}</option>
                    <option value="review">{i18n.t(Key::KeysScopeReview)}</option>
                </select>
            </div>
            <button type="submit">{i18n.t(Key::KeysCreate)}</button>
            <p class="problem" id="key-problem">{move || problem.get()}</p>
            <p class="status secret" role="status">
                {move || secret.get().map(|secret| view! {
                    {i18n.t(Key::KeysCreated)} " " <code class="secret-value">{secret}</code>
                })}
            </p>
        </form>
    }
}

/// A new site secret, shown once; this tab uses it from now on.
fn new_secret(api: Api, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let said = RwSignal::new(None::<Result<String, String>>);
    let rotate = move |_| {
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let outcome = match api.rotate_secret().await {
                Ok(secret) => {
                    changed.update(|changed| *changed += 1);
                    Ok(secret)
                }
                Err(error) => {
                    let mut args = Args::new();
                    args.set("reason", i18n::text(reason(i18n, &error)));
                    Err(i18n.format(Key::LoadFailed, &args))
                }
            };
            said.set(Some(outcome));
        });
    };
    let shown = move || {
        said.get().map(|outcome| match outcome {
            Ok(secret) => view! {
                {i18n.t(Key::SecretRotated)} " " <code class="secret-value">{secret}</code>
            }
            .into_any(),
            Err(problem) => view! { <span class="problem">{problem}</span> }.into_any(),
        })
    };
    view! {
        <h3>{i18n.t(Key::SecretTitle)}</h3>
        <p class="intro">{i18n.t(Key::SecretIntro)}</p>
        <button type="button" class="secondary rotate" on:click=rotate>{i18n.t(Key::SecretRotate)}</button>
        <p class="status secret" role="status">{shown}</p>
    }
}

/// The keys, a form to make one, and a new site secret.
#[component]
pub fn KeysPanel(
    /// The owner's API.
    api: Api,
    /// Bumped after every change here (and after a settings save), so the
    /// keys and the list of changes reload.
    changed: RwSignal<u32>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let list_api = api.clone();
    let keys = LocalResource::new(move || {
        changed.track();
        let api = list_api.clone();
        async move { api.keys().await }
    });
    let rows_api = api.clone();
    view! {
        <section class="keys" aria-labelledby="keys-title">
            <h3 id="keys-title">{i18n.t(Key::KeysTitle)}</h3>
            <p class="intro">{i18n.t(Key::KeysIntro)}</p>
            {move || {
                let api = rows_api.clone();
                match keys.get() {
                    None => view! { <Loading/> }.into_any(),
                    Some(Err(error)) => view! { <Failed error/> }.into_any(),
                    Some(Ok(list)) => {
                        let revoked = list.revoked;
                        let live: Vec<AccessKey> = list
                            .keys
                            .into_iter()
                            .filter(|key| key.revoked_at.is_none())
                            .collect();
                        view! {
                            {live_keys(api.clone(), live, changed)}
                            {(revoked > 0).then(|| revoked_keys(api, revoked, changed))}
                        }
                        .into_any()
                    }
                }
            }}
            {new_key_form(api.clone(), changed)}
            {new_secret(api, changed)}
        </section>
    }
}

/// The live keys, each with Revoke.
fn live_keys(api: Api, live: Vec<AccessKey>, changed: RwSignal<u32>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    if live.is_empty() {
        return view! { <p class="empty">{i18n.t(Key::KeysEmpty)}</p> }.into_any();
    }
    view! {
        <table class="audit keys-list" aria-labelledby="keys-title">
            {head()}
            <tbody>
                {live.into_iter().map(|key| key_row(api.clone(), key, changed)).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
