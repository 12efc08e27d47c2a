//! Recommendations → knowledge gaps: questions thumbed down again and
//! again, most frequent first, with the conversations they came up in.

use crate::api::Gap;
use l10n::format::Args;
use leptos::prelude::*;

use crate::api::Api;
use crate::components::status::{Failed, Loading};
use crate::i18n::{self, I18n, Key};
use crate::intl;
use crate::route::Route;

/// One gap.
#[component]
fn GapCard(
    /// The gap.
    gap: Gap,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let (count, latest_at) = (gap.count, gap.latest_at);
    let summary = move || {
        let mut counted = Args::new();
        counted.set("count", i18n::count(count));
        let mut latest = Args::new();
        latest.set(
            "date",
            i18n::text(intl::instant(&i18n.locale(), latest_at, None)),
        );
        format!(
            "{} · {}",
            i18n.format(Key::GapsCount, &counted),
            i18n.format(Key::GapsLatest, &latest)
        )
    };
    let examples = (!gap.examples.is_empty()).then(|| {
        let items = gap
            .examples
            .into_iter()
            .map(|example| view! { <li>{example}</li> })
            .collect_view();
        view! {
            <p class="label">{i18n.t(Key::GapsExamples)}</p>
            <ul class="examples">{items}</ul>
        }
    });
    view! {
        <li class="card gap" data-count=count>
            <h3 class="question">{gap.question}</h3>
            <p class="summary">{summary}</p>
            {examples}
            <p class="label">{i18n.t(Key::GapsConversations)}</p>
            <ul class="links">
                {gap.conversation_ids.into_iter().map(|id| {
                    let href = Route::Conversation(id.clone()).href();
                    view! { <li><a href=href>{id}</a></li> }
                }).collect_view()}
            </ul>
        </li>
    }
}

/// The knowledge gaps of the period.
#[component]
pub fn GapsPage(
    /// The read API.
    api: Api,
    /// The period shown.
    period: RwSignal<crate::period::Period>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let report = LocalResource::new(move || {
        let (api, period) = (api.clone(), period.get());
        async move { api.gaps(&period).await }
    });
    view! {
        <h2>{i18n.t(Key::GapsTitle)}</h2>
        <p class="intro">{i18n.t(Key::GapsIntro)}</p>
        {move || match report.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(error)) => view! { <Failed error/> }.into_any(),
            Some(Ok(report)) if report.gaps.is_empty() => {
                view! { <p class="empty">{i18n.t(Key::GapsEmpty)}</p> }.into_any()
            }
            Some(Ok(report)) => view! {
                <ol class="gaps">
                    {report.gaps.into_iter().map(|gap| view! { <GapCard gap/> }).collect_view()}
                </ol>
            }
            .into_any(),
        }}
    }
}
