//! Analyze → Overview: the CSAT chart, message feedback and the survey's
//! figures for the period, in the site's time zone.

use l10n::format::Args;
use leptos::prelude::*;

use crate::api::Api;
use crate::components::csat_chart::CsatChart;
use crate::components::status::{Failed, Loading};
use crate::components::survey_card::SurveyCard;
use crate::components::thumbs_card::ThumbsCard;
use crate::i18n::{self, I18n};
use crate::intl;
use crate::period::Period;

/// The Overview for `period`.
#[component]
pub fn OverviewPage(
    /// The read API.
    api: Api,
    /// The period shown.
    period: RwSignal<Period>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let overview = LocalResource::new(move || {
        let (api, period) = (api.clone(), period.get());
        async move { api.overview(&period).await }
    });
    let body = move || match overview.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <Failed error/> }.into_any(),
        Some(Ok(overview)) => {
            let locale = i18n.locale();
            let mut range = Args::new();
            range.set(
                "from",
                i18n::text(intl::day(&locale, &overview.current.from)),
            );
            range.set("to", i18n::text(intl::day(&locale, &overview.current.to)));
            let mut zone = Args::new();
            zone.set("tz", i18n::text(overview.tz.clone()));
            view! {
                <p class="window">
                    <span data-figure="window">{i18n.format("period-range", &range)}</span>
                    " · "
                    <span>{i18n.format("period-time-zone", &zone)}</span>
                </p>
                <div class="cards">
                    <CsatChart days=overview.daily.clone()/>
                    <ThumbsCard thumbs=overview.current.thumbs.clone() deltas=overview.deltas.clone()/>
                    <SurveyCard csat=overview.current.csat.clone()/>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <h2>{i18n.t("overview-title")}</h2>
        {body}
    }
}
