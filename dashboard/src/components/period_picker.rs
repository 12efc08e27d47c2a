//! The period choice: last 7 / 30 / 90 days or a custom range.

use leptos::prelude::*;

use crate::i18n::{I18n, Key};
use crate::period::Period;

/// Sets `period`; a custom range applies once both dates are in order.
#[component]
pub fn PeriodPicker(
    /// The period every section shows.
    period: RwSignal<Period>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let custom = RwSignal::new(matches!(period.get_untracked(), Period::Custom { .. }));
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let choose = move |value: String| match value.parse::<u32>() {
        Ok(days) => {
            custom.set(false);
            period.set(Period::Last(days));
        }
        Err(_) => custom.set(true),
    };
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(range) = Period::custom(&from.get_untracked(), &to.get_untracked()) {
            period.set(range);
        }
    };
    let range_ok = move || Period::custom(&from.get(), &to.get()).is_some();
    let selected = move || {
        if custom.get() {
            "custom".to_string()
        } else {
            period.get().choice()
        }
    };
    view! {
        <form class="period" on:submit=apply>
            <label for="period">{i18n.t(Key::PeriodLabel)}</label>
            <select id="period" prop:value=selected on:change:target=move |ev| choose(ev.target().value())>
                <option value="7">{i18n.t(Key::Period7)}</option>
                <option value="30">{i18n.t(Key::Period30)}</option>
                <option value="90">{i18n.t(Key::Period90)}</option>
                <option value="custom">{i18n.t(Key::PeriodCustom)}</option>
            </select>
            <Show when=move || custom.get()>
                <label for="period-from">{i18n.t(Key::PeriodFrom)}</label>
                <input id="period-from" type="date" prop:value=move || from.get()
                    on:input:target=move |ev| from.set(ev.target().value())/>
                <label for="period-to">{i18n.t(Key::PeriodTo)}</label>
                <input id="period-to" type="date" prop:value=move || to.get()
                    on:input:target=move |ev| to.set(ev.target().value())/>
                <button type="submit" disabled=move || !range_ok()>{i18n.t(Key::PeriodApply)}</button>
            </Show>
        </form>
    }
}
