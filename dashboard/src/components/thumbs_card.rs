//! "Message feedback": thumbs up and down for the period, their shares and
//! the change against the previous period.

use crate::api::{Deltas, ThumbsFigures};
use l10n::format::Args;
use leptos::prelude::*;

use crate::i18n::{self, I18n, Key};
use crate::intl;

/// One side of the card.
#[component]
fn ThumbCount(
    /// `up` or `down` (names the figures for tests and styles).
    side: &'static str,
    /// The side's name.
    label: Signal<String>,
    /// How many.
    count: u64,
    /// Its share of rated messages.
    share: Option<f64>,
    /// Change against the previous period.
    delta: i64,
    /// Whether more is good news.
    more_is_better: bool,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let locale = move || i18n.locale();
    let share_text = move || {
        share.map_or_else(
            || i18n.text(Key::NoValue),
            |share| {
                let mut args = Args::new();
                args.set("share", i18n::text(intl::percent(&locale(), share)));
                i18n.format(Key::ThumbsShare, &args)
            },
        )
    };
    let delta_text = move || {
        let mut args = Args::new();
        args.set("delta", i18n::text(intl::signed(delta)));
        i18n.format(Key::VsPrevious, &args)
    };
    view! {
        <div class=format!("thumb {side}")>
            <span class="label">{if side == "up" { "👍 " } else { "👎 " }}{move || label.get()}</span>
            <span class="figure" data-figure=format!("thumbs-{side}")>{move || intl::count(&locale(), count)}</span>
            <span class="share" data-figure=format!("thumbs-{side}-share")>{share_text}</span>
            <span class=format!("badge {}", intl::trend(delta, more_is_better))
                data-figure=format!("thumbs-{side}-delta")>{delta_text}</span>
        </div>
    }
}

/// The message feedback card.
#[component]
pub fn ThumbsCard(
    /// The period's thumbs.
    thumbs: ThumbsFigures,
    /// Changes against the previous period.
    deltas: Deltas,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <section class="card thumbs" aria-labelledby="thumbs-title">
            <h3 id="thumbs-title">{i18n.t(Key::ThumbsTitle)}</h3>
            <div class="pair">
                <ThumbCount side="up" label=Signal::derive(i18n.t(Key::ThumbsUp)) count=thumbs.up
                    share=thumbs.up_share delta=deltas.thumbs_up more_is_better=true/>
                <ThumbCount side="down" label=Signal::derive(i18n.t(Key::ThumbsDown)) count=thumbs.down
                    share=thumbs.down_share delta=deltas.thumbs_down more_is_better=false/>
            </div>
        </section>
    }
}
