//! The satisfaction survey's figures: average, response rate, net score,
//! the prompt's counts and the 1–5 distribution.

use crate::api::CsatFigures;
use l10n::format::Args;
use leptos::prelude::*;

use crate::i18n::{self, I18n, Key};
use crate::intl;

/// One named figure.
#[component]
pub(crate) fn Figure(
    /// Names the figure for tests and styles.
    name: &'static str,
    /// Its label.
    label: Signal<String>,
    /// Its value, formatted.
    value: Signal<String>,
    /// How it is computed, if that needs saying.
    #[prop(optional)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <div class="figure-box">
            <dt>{move || label.get()}</dt>
            <dd data-figure=name>{move || value.get()}</dd>
            {hint.map(|hint| view! { <dd class="hint">{move || hint.get()}</dd> })}
        </div>
    }
}

/// The survey card.
#[component]
pub fn SurveyCard(
    /// The period's CSAT figures.
    csat: CsatFigures,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let locale = move || i18n.locale();
    let or_dash = move |value: Option<String>| value.unwrap_or_else(|| i18n.text(Key::NoValue));
    let (average, response_rate, net_score) = (csat.average, csat.response_rate, csat.net_score);
    let counted = move |value: u64| Signal::derive(move || intl::count(&locale(), value));
    let most = csat.distribution.iter().copied().max().unwrap_or(0).max(1);
    let bars = csat
        .distribution
        .iter()
        .zip(1u8..)
        .map(|(&count, score)| {
            let width = format!("{}%", count * 100 / most);
            let label = move || {
                let mut args = Args::new();
                args.set("score", i18n::count(score));
                args.set("count", i18n::count(count));
                i18n.format(Key::DistributionBar, &args)
            };
            view! {
                <li data-score=score>
                    <span class="bar-label">{label}</span>
                    <span class="bar" style:width=width></span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card survey" aria-labelledby="survey-title">
            <h3 id="survey-title">{i18n.t(Key::CsatFiguresTitle)}</h3>
            <dl class="figures">
                <Figure name="csat-average" label=Signal::derive(i18n.t(Key::CsatAverage))
                    value=Signal::derive(move || or_dash(average.map(|v| intl::average(&locale(), v))))/>
                <Figure name="csat-response-rate" label=Signal::derive(i18n.t(Key::CsatResponseRate))
                    value=Signal::derive(move || or_dash(response_rate.map(|v| intl::percent(&locale(), v))))
                    hint=Signal::derive(i18n.t(Key::CsatResponseRateHint))/>
                <Figure name="csat-net-score" label=Signal::derive(i18n.t(Key::CsatNetScore))
                    value=Signal::derive(move || or_dash(net_score.map(|v| intl::percent(&locale(), v))))
                    hint=Signal::derive(i18n.t(Key::CsatNetScoreHint))/>
                <Figure name="csat-offered" label=Signal::derive(i18n.t(Key::CsatOffered)) value=counted(csat.offered)/>
                <Figure name="csat-accepted" label=Signal::derive(i18n.t(Key::CsatAccepted)) value=counted(csat.accepted)/>
                <Figure name="csat-denied" label=Signal::derive(i18n.t(Key::CsatDenied)) value=counted(csat.denied)/>
                <Figure name="csat-completed" label=Signal::derive(i18n.t(Key::CsatCompleted)) value=counted(csat.completed)/>
            </dl>
            <h4 id="distribution-title">{i18n.t(Key::DistributionTitle)}</h4>
            <ol class="distribution" aria-labelledby="distribution-title">{bars}</ol>
        </section>
    }
}
