//! Analyze → Overview: the CSAT chart, message feedback and the survey's
//! figures for the period, in the site's time zone, kept current while open.

use l10n::format::Args;
use leptos::prelude::*;

use crate::api::{Api, Overview};
use crate::components::csat_chart::CsatChart;
use crate::components::hand_over_card::HandOverCard;
use crate::components::review_card::ReviewCard;
use crate::components::status::{Failed, Loading};
use crate::components::survey_card::SurveyCard;
use crate::components::thumbs_card::ThumbsCard;
use crate::i18n::{self, I18n, Key};
use crate::intl;
use crate::period::Period;
use crate::refresh;

/// The Overview for `period`. While open it asks again every few seconds
/// and redraws when a figure changed, so feedback shows as it comes in.
#[component]
pub fn OverviewPage(
    /// The read API.
    api: Api,
    /// The period shown.
    period: RwSignal<Period>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let api = StoredValue::new(api);
    let first = LocalResource::new(move || {
        let (api, period) = (api.get_value(), period.get());
        async move { api.overview(&period).await }
    });
    // The figures shown, as first read or last refreshed, and their ETag.
    let shown = RwSignal::new(None::<Overview>);
    let etag = StoredValue::new(None::<String>);
    let refreshing = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(Ok(overview)) = first.get() {
            shown.set(Some(overview));
            etag.set_value(None);
        }
    });
    refresh::every(move || {
        if refresh::hidden() || refreshing.get_value() {
            return;
        }
        if !matches!(first.get_untracked(), Some(Ok(_))) {
            return;
        }
        refreshing.set_value(true);
        let (api, asked) = (api.get_value(), period.get_untracked());
        let known = etag.get_value();
        leptos::task::spawn_local(async move {
            // A failed refresh changes nothing; the next one tries again.
            let answer = api.overview_again(&asked, known.as_deref()).await;
            // An answer for a period the owner has since left is dropped.
            if let (true, Ok(Some((overview, tag)))) = (asked == period.get_untracked(), answer) {
                etag.set_value(tag);
                if shown.with_untracked(|shown| shown.as_ref() != Some(&overview)) {
                    shown.set(Some(overview));
                }
            }
            refreshing.set_value(false);
        });
    });
    let body = move || match first.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <Failed error/> }.into_any(),
        Some(Ok(_)) => match shown.get() {
            None => view! { <Loading/> }.into_any(),
            Some(overview) => figures(i18n, overview),
        },
    };
    view! {
        <h2>{i18n.t(Key::OverviewTitle)}</h2>
        {body}
    }
}

/// The period's window and its cards.
fn figures(i18n: I18n, overview: Overview) -> AnyView {
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
            <span data-figure="window">{i18n.format(Key::PeriodRange, &range)}</span>
            " · "
            <span>{i18n.format(Key::PeriodTimeZone, &zone)}</span>
        </p>
        <div class="cards">
            <CsatChart days=overview.daily.clone()/>
            <ThumbsCard thumbs=overview.current.thumbs.clone() deltas=overview.deltas.clone()/>
            <SurveyCard csat=overview.current.csat.clone()/>
            <HandOverCard hand_over=overview.hand_over.clone()/>
            <ReviewCard review=overview.review.clone()/>
        </div>
    }
    .into_any()
}
