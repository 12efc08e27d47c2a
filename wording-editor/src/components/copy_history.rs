//! The saved versions of a site's wording for one locale, newest first:
//! when, by whom, how many satisfaction prompts were worded with it and
//! what share of them were answered and completed (so an editor sees
//! whether a new wording draws more answers), what changed from the
//! version before (message by message), and a button that makes one the
//! live wording again.

use l10n::entries::{Change, changes};
use l10n::format::Args;
use leptos::prelude::*;

use crate::components::wording_page::Unsaved;
use dashboard::api::{Api, ApiError, CopyRefused, CopySaved, CopyVersion, VersionPrompts};
use dashboard::components::status::reason;
use dashboard::components::status::{Failed, Loading};
use dashboard::i18n::{self, I18n, Key};
use dashboard::intl;

/// The messages version `version` changed from the one before it.
async fn changes_in(api: &Api, locale: &str, version: u32) -> Result<Vec<Change>, ApiError> {
    let this = api.copy_version(locale, version).await?;
    let before = match version.checked_sub(1).filter(|&before| before > 0) {
        Some(before) => api.copy_version(locale, before).await?.ftl,
        None => String::new(),
    };
    Ok(changes(&before, &this.ftl))
}

/// The history of `locale`'s wording.
#[component]
pub fn CopyHistory(
    /// The API for the signed-in site.
    api: Api,
    /// The locale.
    locale: String,
    /// Changes whenever a save or a restore may have added a version.
    reload: Signal<u32>,
    /// Called with what the restore came to and the text once one is
    /// restored.
    on_restored: Callback<(CopySaved, String)>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let versions = LocalResource::new({
        let (api, locale) = (api.clone(), locale.clone());
        move || {
            reload.track();
            let (api, locale) = (api.clone(), locale.clone());
            async move { api.copy_versions(&locale).await }
        }
    });
    let list = move || {
        let (api, locale) = (api.clone(), locale.clone());
        versions.get().map(move |found| match found {
            Err(error) => view! { <Failed error/> }.into_any(),
            Ok(history) if history.versions.is_empty() => {
                view! { <p class="empty">{i18n.t(Key::HistoryEmpty)}</p> }.into_any()
            }
            Ok(history) => view! {
                <ol class="versions">
                    {history
                        .versions
                        .iter()
                        .map(|version| {
                            let (api, locale) = (api.clone(), locale.clone());
                            let prompts = history.prompts_of(version.version);
                            let version = version.clone();
                            view! { <VersionRow api locale version prompts on_restored/> }
                        })
                        .collect_view()}
                </ol>
            }
            .into_any(),
        })
    };
    view! {
        <section class="copy-history" aria-labelledby="history-title">
            <h3 id="history-title">{i18n.t(Key::HistoryTitle)}</h3>
            {move || list().unwrap_or_else(|| view! { <Loading/> }.into_any())}
        </section>
    }
}

/// One saved version: its time and author, its changes on demand, and
/// Restore.
#[component]
fn VersionRow(
    /// The API for the signed-in site.
    api: Api,
    /// The locale.
    locale: String,
    /// The version.
    version: CopyVersion,
    /// How the satisfaction prompts worded with it fared, if any was shown.
    prompts: Option<VersionPrompts>,
    /// Called with what the restore came to and the text once this one is
    /// restored.
    on_restored: Callback<(CopySaved, String)>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let number = version.version;
    let shown = RwSignal::new(None::<Result<Vec<Change>, ApiError>>);
    let open = RwSignal::new(false);
    let problem = RwSignal::new(None::<Vec<String>>);
    let toggle = {
        let (api, locale) = (api.clone(), locale.clone());
        move |_| {
            open.update(|open| *open = !*open);
            if open.get_untracked() && shown.with_untracked(Option::is_none) {
                let (api, locale) = (api.clone(), locale.clone());
                leptos::task::spawn_local(async move {
                    shown.set(Some(changes_in(&api, &locale, number).await));
                });
            }
        }
    };
    let unsaved = use_context::<Unsaved>();
    let restore = move |_| {
        if unsaved.is_some_and(|unsaved| !unsaved.may_drop(i18n)) {
            return;
        }
        let (api, locale) = (api.clone(), locale.clone());
        leptos::task::spawn_local(async move {
            // Said in the page's language around the collector's reason.
            let failed = |error: ApiError| {
                let mut args = Args::new();
                args.set("reason", i18n::text(reason(i18n, &error)));
                vec![i18n.format(Key::LoadFailed, &args)]
            };
            // The owner may have left Wording while a request was out,
            // and the editor's graph (its words included) with it.
            let text = match api.copy_version(&locale, number).await {
                _ if problem.is_disposed() => return,
                Ok(found) => found.ftl,
                Err(error) => return problem.set(Some(failed(error))),
            };
            let restored = api.restore_copy_version(&locale, number).await;
            if problem.is_disposed() {
                return;
            }
            match restored {
                Ok(saved) => {
                    problem.set(None);
                    // The editor may have gone meanwhile (another locale).
                    let _ = on_restored.try_run((saved, text));
                }
                Err(CopyRefused::Invalid(findings)) => problem.set(Some(
                    findings.iter().map(|found| found.worded(i18n)).collect(),
                )),
                Err(CopyRefused::Failed(error)) => problem.set(Some(failed(error))),
            }
        });
    };
    let heading = {
        let saved_by = version.saved_by.clone();
        move || {
            let mut args = Args::new();
            args.set("version", i18n::count(number));
            args.set(
                "when",
                i18n::text(intl::instant(&i18n.locale(), version.saved_at, None)),
            );
            args.set("who", i18n::text(saved_by.clone()));
            i18n.format(Key::HistoryVersion, &args)
        }
    };
    let label = move |key: Key| {
        move || {
            let mut args = Args::new();
            args.set("version", i18n::count(number));
            i18n.format(key, &args)
        }
    };
    let fared = move || match prompts {
        None => i18n.text(Key::HistoryNoPrompts),
        Some(prompts) => {
            let locale = i18n.locale();
            let share = |value: Option<f64>| intl::percent(&locale, value.unwrap_or(0.0));
            let mut args = Args::new();
            args.set("offered", i18n::count(prompts.offered));
            args.set("answered", i18n::text(share(prompts.answered_share())));
            args.set("completed", i18n::text(share(prompts.completed_share())));
            i18n.format(Key::HistoryPrompts, &args)
        }
    };
    let details_id = format!("version-{number}-changes");
    let changes_view = move || {
        open.get().then(|| match shown.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(error)) => view! { <Failed error/> }.into_any(),
            Some(Ok(found)) if found.is_empty() => {
                view! { <p class="empty">{i18n.t(Key::HistoryNoChanges)}</p> }.into_any()
            }
            Some(Ok(found)) => view! {
                <dl class="changes">
                    {found
                        .into_iter()
                        .map(|change| view! {
                            <dt><code>{change.id}</code></dt>
                            <dd>
                                {change.before.map(|text| view! { <del dir="auto">{text}</del> })}
                                {change.after.map(|text| view! { <ins dir="auto">{text}</ins> })}
                            </dd>
                        })
                        .collect_view()}
                </dl>
            }
            .into_any(),
        })
    };
    view! {
        <li class="version" data-version=number>
            <p>{heading}</p>
            <p class="prompts">{fared}</p>
            <button type="button" on:click=toggle
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=details_id.clone()
                aria-label=label(Key::HistoryShowLabel)>
                {i18n.t(Key::HistoryShow)}
            </button>
            <button type="button" class="restore" on:click=restore
                aria-label=label(Key::HistoryRestoreLabel)>
                {i18n.t(Key::HistoryRestore)}
            </button>
            <div id=details_id>{changes_view}</div>
            {move || problem.get().map(|found| view! {
                <ul class="problems" role="alert">
                    {found.into_iter().map(|text| view! { <li class="problem">{text}</li> }).collect_view()}
                </ul>
            })}
        </li>
    }
}
