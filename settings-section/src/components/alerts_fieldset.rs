//! Settings → Alerts: the rules, each a row with its kind and numbers,
//! where alerts go (the webhook, a chat URL) and the daily digest, with
//! the collector's problems under the part they are about.

use l10n::format::Args;
use leptos::prelude::*;

use crate::alerts_form::{RuleForm, RuleKind};
use crate::components::settings_page::{check_field, remove_row};
use crate::settings_form::SettingsForm;
use dashboard::i18n::{self, I18n, Key};
use protocol::FieldErrors;

/// How one number of a rule is read from and written into its row.
type NumberBinding = (fn(&RuleForm) -> String, fn(&mut RuleForm, String));

/// The id of the problem under the rules, which every rule's boxes name
/// when there is one.
const RULES_PROBLEM: &str = "setting-alerts-rules-error";

/// One labelled number box of rule `index`.
fn number_box(
    form: RwSignal<SettingsForm>,
    errors: RwSignal<FieldErrors>,
    index: usize,
    (name, label): (&'static str, Key),
    (get, set): NumberBinding,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let id = format!("alert-{index}-{name}");
    let value = move || {
        form.with(|form| form.alerts.rules.get(index).map(get))
            .unwrap_or_default()
    };
    let described = move || {
        errors.with(|errors| {
            let ids: Vec<&str> = [
                ("alerts.rules", RULES_PROBLEM),
                ("alerts", "setting-alerts-error"),
            ]
            .into_iter()
            .filter(|(field, _)| errors.contains_key(*field))
            .map(|(_, id)| id)
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    };
    let invalid = move || {
        errors
            .with(|errors| errors.contains_key("alerts.rules"))
            .then_some("true")
    };
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.t(label)}</label>
            <input id=id type="text" inputmode="decimal" name=name
                aria-describedby=described aria-invalid=invalid
                prop:value=value
                on:input:target=move |ev| {
                    let text = ev.target().value();
                    form.update(|form| {
                        if let Some(rule) = form.alerts.rules.get_mut(index) {
                            set(rule, text);
                        }
                    });
                }/>
        </div>
    }
}

/// Rule `index`: its kind, its numbers, and a button that removes it.
#[component]
fn RuleRow(
    /// The whole form.
    form: RwSignal<SettingsForm>,
    /// Problems by field.
    errors: RwSignal<FieldErrors>,
    /// Which rule.
    index: usize,
    /// Where focus goes once the rule is removed.
    after_remove: NodeRef<leptos::html::Button>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let mut args = Args::new();
    args.set("number", i18n::count(index + 1));
    let legend = i18n.format(Key::SettingsAlertsRule, &args);
    let remove_label = i18n.format(Key::SettingsAlertsRemove, &args);
    let kind =
        Memo::new(move |_| form.with(|form| form.alerts.rules.get(index).map(|rule| rule.kind)));
    let kind_id = format!("alert-{index}-kind");
    let numbers = move || match kind.get() {
        Some(RuleKind::ThumbsDownShare) => view! {
            {number_box(form, errors, index, ("hours", Key::SettingsAlertsHours),
                (|rule| rule.hours.clone(), |rule, text| rule.hours = text))}
            {number_box(form, errors, index, ("percent", Key::SettingsAlertsPercent),
                (|rule| rule.limit.clone(), |rule, text| rule.limit = text))}
            {number_box(form, errors, index, ("min_ratings", Key::SettingsAlertsMinRatings),
                (|rule| rule.minimum.clone(), |rule, text| rule.minimum = text))}
        }
        .into_any(),
        Some(RuleKind::CsatBelow) => view! {
            {number_box(form, errors, index, ("hours", Key::SettingsAlertsHours),
                (|rule| rule.hours.clone(), |rule, text| rule.hours = text))}
            {number_box(form, errors, index, ("average", Key::SettingsAlertsAverage),
                (|rule| rule.limit.clone(), |rule, text| rule.limit = text))}
            {number_box(form, errors, index, ("min_answers", Key::SettingsAlertsMinAnswers),
                (|rule| rule.minimum.clone(), |rule, text| rule.minimum = text))}
        }
        .into_any(),
        Some(RuleKind::OpenItems) => view! {
            {number_box(form, errors, index, ("count", Key::SettingsAlertsCount),
                (|rule| rule.limit.clone(), |rule, text| rule.limit = text))}
        }
        .into_any(),
        None => ().into_any(),
    };
    let remove = move |_| {
        remove_row(form, |form| &mut form.alerts.rules, index, after_remove);
    };
    view! {
        <fieldset class="alert-rule" data-rule=index>
            <legend>{legend}</legend>
            <div class="field">
                <label for=kind_id.clone()>{i18n.t(Key::SettingsAlertsKind)}</label>
                <select id=kind_id
                    prop:value=move || kind.get().map_or("", RuleKind::as_str)
                    on:change:target=move |ev| {
                        if let Some(kind) = RuleKind::parse(&ev.target().value()) {
                            form.update(|form| {
                                if let Some(rule) = form.alerts.rules.get_mut(index) {
                                    *rule = RuleForm::new(kind);
                                }
                            });
                        }
                    }>
                    <option value="thumbs_down_share">{i18n.t(Key::SettingsAlertsKindShare)}</option>
                    <option value="csat_below">{i18n.t(Key::SettingsAlertsKindCsat)}</option>
                    <option value="open_items">{i18n.t(Key::SettingsAlertsKindItems)}</option>
                </select>
            </div>
            {numbers}
            <button type="button" class="secondary remove-rule" on:click=remove>{remove_label}</button>
        </fieldset>
    }
}

/// The Alerts part of the Settings form.
#[component]
pub fn AlertsFieldset(
    /// The whole form; alerts are its `alerts`.
    form: RwSignal<SettingsForm>,
    /// Problems by field, from the check or the collector.
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let count = Memo::new(move |_| form.with(|form| form.alerts.rules.len()));
    let add_button = NodeRef::<leptos::html::Button>::new();
    let add = move |_| {
        form.update(|form| {
            if form.alerts.can_add() {
                form.alerts
                    .rules
                    .push(RuleForm::new(RuleKind::ThumbsDownShare));
            }
        });
    };
    let rows = move || {
        (0..count.get())
            .map(|index| view! { <RuleRow form errors index after_remove=add_button/> })
            .collect_view()
    };
    let problem =
        move |field: &'static str| crate::components::settings_page::problem(errors, field);
    let chat_invalid = move || {
        errors
            .with(|errors| errors.contains_key("alerts.chat_url"))
            .then_some("true")
    };
    view! {
        <fieldset class="alerts" data-field="alerts">
            <legend>{i18n.t(Key::SettingsAlertsLegend)}</legend>
            <p class="hint">{i18n.t(Key::SettingsAlertsIntro)}</p>
            {rows}
            <button type="button" id="alerts-add-rule" class="secondary" node_ref=add_button
                disabled=move || form.with(|form| !form.alerts.can_add())
                on:click=add>{i18n.t(Key::SettingsAlertsAdd)}</button>
            <p class="problem" id=RULES_PROBLEM>{problem("alerts.rules")}</p>
            {check_field(form, "alerts-to-webhook", Key::SettingsAlertsToWebhook,
                (|form| form.alerts.to_webhook, |form, on| form.alerts.to_webhook = on))}
            <div class="field" data-field="alerts.chat_url">
                <label for="setting-alerts-chat-url">{i18n.t(Key::SettingsAlertsChatUrl)}</label>
                <input id="setting-alerts-chat-url" type="url" name="chat_url"
                    aria-describedby="setting-alerts-chat-url-error" aria-invalid=chat_invalid
                    prop:value=move || form.with(|form| form.alerts.chat_url.clone())
                    on:input:target=move |ev| {
                        let url = ev.target().value();
                        form.update(|form| form.alerts.chat_url = url);
                    }/>
                <p class="problem" id="setting-alerts-chat-url-error">{problem("alerts.chat_url")}</p>
            </div>
            {check_field(form, "alerts-digest", Key::SettingsAlertsDigest,
                (|form| form.alerts.daily_digest, |form, on| form.alerts.daily_digest = on))}
            <p class="problem" id="setting-alerts-error">{problem("alerts")}</p>
        </fieldset>
    }
}
