//! Settings: how the bubble asks for feedback on the site and what the
//! collector keeps, saved with the version they were read at (someone
//! else's change meanwhile is not overwritten), every problem beside its
//! field; a test delivery to the webhook; alert rules (`alerts_fieldset`);
//! access keys and a new secret (`keys_panel`); and the list of changes.

use l10n::format::Args;
use leptos::prelude::*;

use crate::components::alerts_fieldset::AlertsFieldset;
use crate::components::keys_panel::KeysPanel;
use crate::components::redaction_fieldset::RedactionFieldset;
use crate::settings_form::SettingsForm;
use dashboard::api::{Api, AuditEntry, SaveError, StoredSettings};
use dashboard::components::status::reason;
use dashboard::components::status::{Failed, Loading};
use dashboard::i18n::{self, I18n, Key};
use dashboard::intl;
use dashboard::refusals::field_problem;
use protocol::{CsatMode, FieldErrors};

/// What the form says after a save or a check.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Saved,
    Invalid,
    Stale,
    Failed(String),
}

/// How a text field is read from and written into the form.
type TextBinding = (fn(&SettingsForm) -> String, fn(&mut SettingsForm, String));

/// How a checkbox is read from and written into the form.
pub(crate) type CheckBinding = (fn(&SettingsForm) -> bool, fn(&mut SettingsForm, bool));

/// The problem the collector or the check found with `field`, if any, in
/// the owner's language.
pub(crate) fn problem(
    errors: RwSignal<FieldErrors>,
    field: &'static str,
) -> impl Fn() -> Option<String> + Clone {
    let i18n = expect_context::<I18n>();
    move || {
        errors.with(|errors| {
            errors
                .get(field)
                .map(|english| field_problem(i18n, field, english))
        })
    }
}

/// A labelled text box bound to one field of the form, with its hint and
/// its problem beside it (`aria-describedby`, `aria-invalid`).
fn text_field(
    form: RwSignal<SettingsForm>,
    errors: RwSignal<FieldErrors>,
    field: &'static str,
    (label, hint): (Key, Option<Key>),
    (get, set): TextBinding,
    kind: &'static str,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let id = format!("setting-{field}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if errors.with(|errors| errors.contains_key(field)) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || {
        errors
            .with(|errors| errors.contains_key(field))
            .then_some("true")
    };
    let value = move || form.with(get);
    let input = move |text: String| form.update(|form| set(form, text));
    let control = if kind == "textarea" {
        view! {
            <textarea id=id.clone() name=field rows="3"
                aria-describedby=described.clone() aria-invalid=invalid
                prop:value=value
                on:input:target=move |ev| input(ev.target().value())></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=field type=kind
                aria-describedby=described aria-invalid=invalid
                prop:value=value
                on:input:target=move |ev| input(ev.target().value())/>
        }
        .into_any()
    };
    view! {
        <div class="field" data-field=field>
            <label for=id>{i18n.t(label)}</label>
            {control}
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{i18n.t(hint)}</p> })}
            <p class="problem" id=error_id>{problem(errors, field)}</p>
        </div>
    }
}

/// Removes row `index` of a list in the form (`rows` picks the list),
/// then, once the page shows the change, puts focus on `after` (the
/// list's "Add" button, which may only now be enabled again).
pub(crate) fn remove_row<T: 'static>(
    form: RwSignal<SettingsForm>,
    rows: fn(&mut SettingsForm) -> &mut Vec<T>,
    index: usize,
    after: NodeRef<leptos::html::Button>,
) {
    form.update(|form| {
        let rows = rows(form);
        if index < rows.len() {
            rows.remove(index);
        }
    });
    request_animation_frame(move || {
        if let Some(button) = after.get_untracked() {
            let _ = button.focus();
        }
    });
}

/// A labelled checkbox bound to one field of the form (its id is
/// `setting-{field}`).
pub(crate) fn check_field(
    form: RwSignal<SettingsForm>,
    field: &'static str,
    label: Key,
    (get, set): CheckBinding,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let id = format!("setting-{field}");
    view! {
        <div class="field check" data-field=field>
            <input id=id.clone() name=field type="checkbox"
                prop:checked=move || form.with(get)
                on:change:target=move |ev| {
                    let checked = ev.target().checked();
                    form.update(|form| set(form, checked));
                }/>
            <label for=id>{i18n.t(label)}</label>
        </div>
    }
}

/// The prompt's kind: two real radio buttons in a labelled group.
fn mode_field(form: RwSignal<SettingsForm>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let choice = move |mode: CsatMode, id: &'static str, label: Key| {
        view! {
            <div class="choice">
                <input id=id type="radio" name="csat_mode"
                    prop:checked=move || form.with(|form| form.csat_mode == mode)
                    on:change=move |_| form.update(|form| form.csat_mode = mode)/>
                <label for=id>{i18n.t(label)}</label>
            </div>
        }
    };
    view! {
        <fieldset class="field" data-field="csat_mode">
            <legend>{i18n.t(Key::SettingsCsatMode)}</legend>
            {choice(CsatMode::Thumbs, "setting-mode-thumbs", Key::SettingsModeThumbs)}
            {choice(CsatMode::Scale5, "setting-mode-scale5", Key::SettingsModeScale5)}
        </fieldset>
    }
}

/// Sends the webhook a test delivery and says what came of it.
#[component]
fn WebhookTest(
    /// The owner's API.
    api: Api,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let said = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let test = move |_| {
        let api = api.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let mut args = Args::new();
            let text = match api.test_webhook().await {
                Ok(result) if result.delivered => {
                    args.set("status", i18n::count(result.status.unwrap_or(200)));
                    i18n.format(Key::SettingsWebhookDelivered, &args)
                }
                Ok(result) => {
                    let reason = result
                        .problem
                        .or_else(|| result.status.map(|status| status.to_string()))
                        .unwrap_or_default();
                    args.set("reason", i18n::text(reason));
                    i18n.format(Key::SettingsWebhookFailed, &args)
                }
                Err(error) => {
                    args.set("reason", i18n::text(reason(i18n, &error)));
                    i18n.format(Key::SettingsWebhookFailed, &args)
                }
            };
            said.set(Some(text));
            busy.set(false);
        });
    };
    view! {
        <button type="button" class="secondary" disabled=move || busy.get() on:click=test>
            {i18n.t(Key::SettingsWebhookTest)}
        </button>
        <p class="status webhook-test" role="status">{move || said.get()}</p>
    }
}

/// The settings form.
#[component]
fn SettingsEditor(
    /// The owner's API.
    api: Api,
    /// The settings as loaded.
    stored: StoredSettings,
    /// Bumped after a save, so the list of changes reloads.
    saves: RwSignal<u32>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let form = RwSignal::new(SettingsForm::of(&stored.settings));
    let etag = RwSignal::new(stored.etag);
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let save_api = api.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let settings = match form.with_untracked(SettingsForm::checked) {
            Ok(settings) => settings,
            Err(found) => {
                errors.set(found);
                outcome.set(Some(Outcome::Invalid));
                return;
            }
        };
        let api = save_api.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api.save_settings(&settings, &etag.get_untracked()).await {
                Ok(saved) => {
                    form.set(SettingsForm::of(&saved.settings));
                    etag.set(saved.etag);
                    errors.set(FieldErrors::new());
                    outcome.set(Some(Outcome::Saved));
                    saves.update(|saves| *saves += 1);
                }
                Err(SaveError::Invalid(found)) => {
                    errors.set(found);
                    outcome.set(Some(Outcome::Invalid));
                }
                Err(SaveError::Stale) => outcome.set(Some(Outcome::Stale)),
                Err(SaveError::Failed(error)) => {
                    outcome.set(Some(Outcome::Failed(reason(i18n, &error))));
                }
            }
            busy.set(false);
        });
    };
    let said = move || {
        outcome.get().map(|outcome| match outcome {
            Outcome::Saved => i18n.text(Key::SettingsSaved),
            Outcome::Invalid => i18n.text(Key::SettingsInvalid),
            Outcome::Stale => i18n.text(Key::SettingsStale),
            Outcome::Failed(reason) => {
                let mut args = Args::new();
                args.set("reason", i18n::text(reason));
                i18n.format(Key::LoadFailed, &args)
            }
        })
    };
    let said_class = move || match outcome.get() {
        Some(Outcome::Saved) | None => "status saved",
        Some(_) => "status problem",
    };
    view! {
        <form class="settings" on:submit=submit novalidate>
            <fieldset>
                <legend>{i18n.t(Key::SettingsCsatLegend)}</legend>
                {check_field(form, "csat_enabled", Key::SettingsCsatEnabled,
                    (|form| form.csat_enabled, |form, on| form.csat_enabled = on))}
                {mode_field(form)}
                {text_field(form, errors, "csat_sample_percent", (Key::SettingsSample, Some(Key::SettingsSampleHint)),
                    (|form| form.csat_sample_percent.clone(), |form, text| form.csat_sample_percent = text), "text")}
                {text_field(form, errors, "csat_min_assistant_messages", (Key::SettingsMinAnswers, Some(Key::SettingsMinAnswersHint)),
                    (|form| form.csat_min_assistant_messages.clone(), |form, text| form.csat_min_assistant_messages = text), "text")}
                {text_field(form, errors, "csat_cooldown_days", (Key::SettingsCooldown, Some(Key::SettingsCooldownHint)),
                    (|form| form.csat_cooldown_days.clone(), |form, text| form.csat_cooldown_days = text), "text")}
                {text_field(form, errors, "reason_tags", (Key::SettingsReasonTags, Some(Key::SettingsReasonTagsHint)),
                    (|form| form.reason_tags.clone(), |form, text| form.reason_tags = text), "text")}
                {text_field(form, errors, "idle_end_seconds", (Key::SettingsIdle, Some(Key::SettingsIdleHint)),
                    (|form| form.idle_end_seconds.clone(), |form, text| form.idle_end_seconds = text), "text")}
            </fieldset>
            <fieldset>
                <legend>{i18n.t(Key::SettingsDataLegend)}</legend>
                {check_field(form, "store_text", Key::SettingsStoreText,
                    (|form| form.store_text, |form, on| form.store_text = on))}
                {text_field(form, errors, "retention_days", (Key::SettingsRetention, None),
                    (|form| form.retention_days.clone(), |form, text| form.retention_days = text), "text")}
                {text_field(form, errors, "text_retention_days", (Key::SettingsTextRetention, Some(Key::SettingsTextRetentionHint)),
                    (|form| form.text_retention_days.clone(), |form, text| form.text_retention_days = text), "text")}
                {text_field(form, errors, "hot_days", (Key::SettingsHotDays, Some(Key::SettingsHotDaysHint)),
                    (|form| form.hot_days.clone(), |form, text| form.hot_days = text), "text")}
            </fieldset>
            <RedactionFieldset form errors/>
            <fieldset>
                <legend>{i18n.t(Key::SettingsShopLegend)}</legend>
                {text_field(form, errors, "shop_name", (Key::SettingsShopName, None),
                    (|form| form.shop_name.clone(), |form, text| form.shop_name = text), "text")}
                {text_field(form, errors, "time_zone", (Key::SettingsTimeZone, Some(Key::SettingsTimeZoneHint)),
                    (|form| form.time_zone.clone(), |form, text| form.time_zone = text), "text")}
                {text_field(form, errors, "allowed_origins", (Key::SettingsOrigins, Some(Key::SettingsOriginsHint)),
                    (|form| form.allowed_origins.clone(), |form, text| form.allowed_origins = text), "textarea")}
                {text_field(form, errors, "review_labels", (Key::SettingsReviewLabels, Some(Key::SettingsReviewLabelsHint)),
                    (|form| form.review_labels.clone(), |form, text| form.review_labels = text), "textarea")}
            </fieldset>
            <fieldset>
                <legend>{i18n.t(Key::SettingsWebhookLegend)}</legend>
                {text_field(form, errors, "webhook_url", (Key::SettingsWebhookUrl, None),
                    (|form| form.webhook_url.clone(), |form, text| form.webhook_url = text), "url")}
                <WebhookTest api/>
            </fieldset>
            <AlertsFieldset form errors/>
            <button type="submit" disabled=move || busy.get()>{i18n.t(Key::SettingsSave)}</button>
            <p class=said_class role="status">{said}</p>
        </form>
    }
}

/// The latest changes, newest first.
#[component]
fn AuditList(
    /// The owner's API.
    api: Api,
    /// Bumped after a save.
    saves: RwSignal<u32>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let entries = LocalResource::new(move || {
        let api = api.clone();
        saves.track();
        async move { api.audit().await }
    });
    let row = move |entry: AuditEntry| {
        let when = intl::instant(&i18n.locale(), entry.at, None);
        let what = entry
            .changes
            .iter()
            .map(|change| {
                let shown = |value: &serde_json::Value| match value {
                    serde_json::Value::String(text) => text.clone(),
                    serde_json::Value::Null => "–".to_string(),
                    other => other.to_string(),
                };
                format!(
                    "{}: {} → {}",
                    change.field,
                    shown(&change.old),
                    shown(&change.new)
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        view! {
            <tr>
                <td>{when}</td>
                <td>{entry.actor}</td>
                <td>{what}</td>
            </tr>
        }
    };
    view! {
        <h3 id="audit-title">{i18n.t(Key::SettingsAuditTitle)}</h3>
        {move || match entries.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(error)) => view! { <Failed error/> }.into_any(),
            Some(Ok(list)) if list.is_empty() => {
                view! { <p class="empty">{i18n.t(Key::SettingsAuditEmpty)}</p> }.into_any()
            }
            Some(Ok(list)) => view! {
                <table class="audit" aria-labelledby="audit-title">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(Key::SettingsAuditWhen)}</th>
                            <th scope="col">{i18n.t(Key::SettingsAuditWho)}</th>
                            <th scope="col">{i18n.t(Key::SettingsAuditWhat)}</th>
                        </tr>
                    </thead>
                    <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                </table>
            }
            .into_any(),
        }}
    }
}

/// The Settings section.
#[component]
pub fn SettingsPage(
    /// The owner's API.
    api: Api,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let saves = RwSignal::new(0_u32);
    let loaded = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.settings().await }
        }
    });
    view! {
        <h2>{i18n.t(Key::SettingsTitle)}</h2>
        <p class="intro">{i18n.t(Key::SettingsIntro)}</p>
        {move || {
            let api = api.clone();
            match loaded.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(error)) => view! { <Failed error/> }.into_any(),
                Some(Ok(stored)) => view! {
                    <SettingsEditor api=api.clone() stored saves/>
                    <KeysPanel api=api.clone() changed=saves/>
                    <AuditList api saves/>
                }
                .into_any(),
            }
        }}
    }
}
