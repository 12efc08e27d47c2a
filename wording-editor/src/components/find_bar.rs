//! The wording editor's search box and filters, above its messages: each
//! filter a button with the count of messages it shows, how many the list
//! shows, and focus to the first result on Enter or a filter's click
//! (`crate::find` holds what they mean).

use l10n::format::Args;
use leptos::prelude::*;

use crate::find::{Counts, Filter, Find, Part};
use dashboard::i18n::{self, I18n, Key};

/// What a filter's button says.
fn label(filter: Filter) -> Key {
    match filter {
        Filter::All => Key::WordingFilterAll,
        Filter::Changed => Key::WordingFilterChanged,
        Filter::Differs => Key::WordingFilterDiffers,
        Filter::Findings => Key::WordingFilterFindings,
        Filter::Missing => Key::WordingFilterMissing,
        Filter::Used(Part::Prompt) => Key::WordingFilterPrompt,
        Filter::Used(Part::UnderAnswers) => Key::WordingFilterMessages,
        Filter::Used(Part::Bubble) => Key::WordingFilterBubble,
    }
}

/// The search box, the filters and what they found.
#[component]
pub fn FindBar(
    /// The search and filter, which the list follows.
    find: RwSignal<Find>,
    /// The counts to show beside each filter.
    counts: Memo<Counts>,
    /// Moves focus to the first message shown.
    to_first: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let buttons = Filter::ALL
        .into_iter()
        .map(|filter| {
            let pick = move |_| {
                find.update(|find| find.filter = filter);
                to_first.run(());
            };
            view! {
                <button type="button" class="filter" data-filter=filter.name()
                    aria-pressed=move || if find.with(|find| find.filter == filter) { "true" } else { "false" }
                    on:click=pick>
                    {i18n.t(label(filter))}
                    " "
                    <span class="count">{move || counts.with(|counts| counts.of(filter))}</span>
                </button>
            }
        })
        .collect_view();
    let found = move || {
        let (shown, total) =
            counts.with(|counts| (counts.of(find.with(|find| find.filter)), counts.total));
        if shown == 0 {
            i18n.text(Key::WordingFoundNone)
        } else {
            let mut args = Args::new();
            args.set("shown", i18n::count(shown));
            args.set("total", i18n::count(total));
            i18n.format(Key::WordingFound, &args)
        }
    };
    view! {
        <div class="wording-find" role="search">
            <div class="field">
                <label for="wording-search">{i18n.t(Key::WordingFind)}</label>
                <input id="wording-search" type="search" autocomplete="off"
                    prop:value=move || find.with(|find| find.query.clone())
                    on:input:target=move |ev| {
                        let query = ev.target().value();
                        find.update(|find| find.query = query);
                    }
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            to_first.run(());
                        }
                    }/>
            </div>
            <div class="filters" role="group" aria-labelledby="wording-filter-label">
                <span id="wording-filter-label">{i18n.t(Key::WordingFilter)}</span>
                {buttons}
            </div>
            <p class="status found" role="status">{found}</p>
        </div>
    }
}
