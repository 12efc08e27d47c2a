//! "AI and people": the satisfaction of conversations the assistant
//! handled alone against those a person took over, and the share handed
//! over, for the period.

use l10n::format::Args;
use leptos::prelude::*;

use crate::api::{HandOver, RoleCsat};
use crate::components::survey_card::Figure;
use crate::i18n::{self, I18n, Key};
use crate::intl;
use crate::shares::share_text;

/// One side's average, and how many answers it is from.
#[component]
fn Side(
    /// Names the figure for tests and styles.
    name: &'static str,
    /// The side's name ("AI only", "With a person").
    label: Key,
    /// Its satisfaction.
    csat: RoleCsat,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let value = move || {
        csat.average.map_or_else(
            || i18n.text(Key::NoValue),
            |average| intl::average(&i18n.locale(), average),
        )
    };
    let answers = move || {
        let mut args = Args::new();
        args.set("count", i18n::count(csat.answered));
        i18n.format(Key::HandOverAnswers, &args)
    };
    view! {
        <Figure name label=Signal::derive(i18n.t(label)) value=Signal::derive(value)
            hint=Signal::derive(answers)/>
    }
}

/// The card.
#[component]
pub fn HandOverCard(
    /// The period's figures with and without a person.
    hand_over: HandOver,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let share = hand_over.handed_over;
    view! {
        <section class="card hand-over" aria-labelledby="hand-over-title">
            <h3 id="hand-over-title">{i18n.t(Key::HandOverTitle)}</h3>
            <dl class="figures">
                <Side name="csat-assistant" label=Key::CompareRoleAssistant csat=hand_over.assistant/>
                <Side name="csat-person" label=Key::CompareRoleAgent csat=hand_over.person/>
                <Figure name="handed-over" label=Signal::derive(i18n.t(Key::HandOverShare))
                    value=Signal::derive(move || share_text(i18n, share))
                    hint=Signal::derive(i18n.t(Key::HandOverShareHint))/>
            </dl>
        </section>
    }
}
