//! "Review" on the Overview (#31): the items open now, those reviewed in
//! the period, and the median time from a 👎 or low answer to its review.

use l10n::format::Args;
use leptos::prelude::*;

use crate::api::ReviewFigures;
use crate::components::survey_card::Figure;
use crate::i18n::{self, I18n, Key};
use crate::intl;

/// A wait in whole minutes, hours or days, whichever reads best.
fn wait_text(i18n: I18n, ms: i64) -> String {
    const MINUTE: i64 = 60_000;
    let minutes = (ms.max(0) + MINUTE / 2) / MINUTE;
    let (key, count) = if minutes < 60 {
        (Key::ReviewWaitMinutes, minutes)
    } else if minutes < 48 * 60 {
        (Key::ReviewWaitHours, (minutes + 30) / 60)
    } else {
        (Key::ReviewWaitDays, (minutes + 12 * 60) / (24 * 60))
    };
    let mut args = Args::new();
    args.set("count", i18n::count(count));
    i18n.format(key, &args)
}

/// The card.
#[component]
pub fn ReviewCard(
    /// The review figures.
    review: ReviewFigures,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let locale = move || i18n.locale();
    let (open, reviewed, wait) = (review.open, review.reviewed, review.median_wait_ms);
    view! {
        <section class="card review-figures" aria-labelledby="review-figures-title">
            <h3 id="review-figures-title">{i18n.t(Key::ReviewTitle)}</h3>
            <dl class="figures">
                <Figure name="review-open" label=Signal::derive(i18n.t(Key::ReviewOpen))
                    value=Signal::derive(move || intl::count(&locale(), open))/>
                <Figure name="review-reviewed" label=Signal::derive(i18n.t(Key::ReviewReviewed))
                    value=Signal::derive(move || intl::count(&locale(), reviewed))/>
                <Figure name="review-wait" label=Signal::derive(i18n.t(Key::ReviewMedianWait))
                    value=Signal::derive(move || wait.map_or_else(|| i18n.text(Key::NoValue), |ms| wait_text(i18n, ms)))/>
            </dl>
        </section>
    }
}
