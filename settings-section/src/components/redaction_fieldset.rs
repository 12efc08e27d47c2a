//! Settings → Personal data: whether text is redacted before it is
//! stored, and the site's own patterns, each a row with its prefix and
//! what happens to a match, with the collector's problems under them.

use l10n::format::Args;
use leptos::prelude::*;

use crate::components::settings_page::{check_field, remove_row};
use crate::redaction_form::{PatternRow, action_name, parse_action};
use crate::settings_form::SettingsForm;
use dashboard::i18n::{self, I18n, Key};
use protocol::FieldErrors;
use protocol::redact::Action;

/// The id of the problem under the patterns, which every row's box names
/// when there is one.
const PATTERNS_PROBLEM: &str = "setting-redaction-patterns-error";

/// Pattern `index`: its prefix, what happens to a match, and a button
/// that removes it.
#[component]
fn PatternRowView(
    /// The whole form.
    form: RwSignal<SettingsForm>,
    /// Problems by field.
    errors: RwSignal<FieldErrors>,
    /// Which pattern.
    index: usize,
    /// Where focus goes once the pattern is removed.
    after_remove: NodeRef<leptos::html::Button>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let mut args = Args::new();
    args.set("number", i18n::count(index + 1));
    let legend = i18n.format(Key::SettingsRedactionPattern, &args);
    let remove_label = i18n.format(Key::SettingsRedactionRemovePattern, &args);
    let (prefix_id, action_id) = (
        format!("redaction-{index}-prefix"),
        format!("redaction-{index}-action"),
    );
    let row = move |read: fn(&PatternRow) -> String| {
        move || {
            form.with(|form| form.redaction.patterns.get(index).map(read))
                .unwrap_or_default()
        }
    };
    let invalid = move || {
        errors
            .with(|errors| errors.contains_key("redaction.patterns"))
            .then_some("true")
    };
    let remove = move |_| {
        remove_row(
            form,
            |form| &mut form.redaction.patterns,
            index,
            after_remove,
        );
    };
    view! {
        <fieldset class="redaction-pattern" data-pattern=index>
            <legend>{legend}</legend>
            <div class="field">
                <label for=prefix_id.clone()>{i18n.t(Key::SettingsRedactionPrefix)}</label>
                <input id=prefix_id type="text" name="prefix" maxlength="24"
                    aria-describedby=PATTERNS_PROBLEM aria-invalid=invalid
                    prop:value=row(|row| row.prefix.clone())
                    on:input:target=move |ev| {
                        let text = ev.target().value();
                        form.update(|form| {
                            if let Some(row) = form.redaction.patterns.get_mut(index) {
                                row.prefix = text;
                            }
                        });
                    }/>
            </div>
            <div class="field">
                <label for=action_id.clone()>{i18n.t(Key::SettingsRedactionAction)}</label>
                <select id=action_id
                    prop:value=row(|row| action_name(row.action).to_string())
                    on:change:target=move |ev| {
                        if let Some(action) = parse_action(&ev.target().value()) {
                            form.update(|form| {
                                if let Some(row) = form.redaction.patterns.get_mut(index) {
                                    row.action = action;
                                }
                            });
                        }
                    }>
                    <option value=action_name(Action::Remove)>{i18n.t(Key::SettingsRedactionRemove)}</option>
                    <option value=action_name(Action::Keep)>{i18n.t(Key::SettingsRedactionKeep)}</option>
                </select>
            </div>
            <button type="button" class="secondary remove-pattern" on:click=remove>{remove_label}</button>
        </fieldset>
    }
}

/// The Personal data part of the Settings form.
#[component]
pub fn RedactionFieldset(
    /// The whole form; redaction is its `redaction`.
    form: RwSignal<SettingsForm>,
    /// Problems by field, from the check or the collector.
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let count = Memo::new(move |_| form.with(|form| form.redaction.patterns.len()));
    let add_button = NodeRef::<leptos::html::Button>::new();
    let add = move |_| {
        form.update(|form| {
            if form.redaction.can_add() {
                form.redaction.patterns.push(PatternRow::new());
            }
        });
    };
    let rows = move || {
        (0..count.get())
            .map(|index| view! { <PatternRowView form errors index after_remove=add_button/> })
            .collect_view()
    };
    let problem =
        move |field: &'static str| crate::components::settings_page::problem(errors, field);
    view! {
        <fieldset class="redaction" data-field="redaction">
            <legend>{i18n.t(Key::SettingsRedactionLegend)}</legend>
            {check_field(form, "redaction-enabled", Key::SettingsRedactionEnabled,
                (|form| form.redaction.enabled, |form, on| form.redaction.enabled = on))}
            <p class="hint" id="setting-redaction-hint">{i18n.t(Key::SettingsRedactionHint)}</p>
            <p class="hint">{i18n.t(Key::SettingsRedactionPatternsIntro)}</p>
            {rows}
            <button type="button" id="redaction-add-pattern" class="secondary" node_ref=add_button
                disabled=move || form.with(|form| !form.redaction.can_add())
                on:click=add>{i18n.t(Key::SettingsRedactionAdd)}</button>
            <p class="problem" id=PATTERNS_PROBLEM>{problem("redaction.patterns")}</p>
            <p class="problem" id="setting-redaction-error">{problem("redaction")}</p>
        </fieldset>
    }
}
