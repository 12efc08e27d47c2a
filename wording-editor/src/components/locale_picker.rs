//! The list of languages the editor works on: each by its own name with
//! its tag ("Deutsch (de)"), sorted by its name in the page's language.
//! Naming a language makes the browser load that language's data
//! (`Intl.DisplayNames`): naming all eight in one task took over 30 ms
//! here, so the list shows first with the tags alone and the languages are
//! named one a task after it.

use std::time::Duration;

use l10n::format::Args;
use leptos::prelude::*;

use dashboard::i18n::{self, I18n, Key};
use dashboard::intl;

/// Most languages named (the collector ships about ten).
const MAX_NAMED: usize = 64;

/// The languages named so far, and their order once all are.
#[derive(Debug, Clone, Default)]
struct Named {
    /// Each named language's tag and own name.
    own: Vec<(String, String)>,
    /// The tags sorted by name in the page's language, once all are named.
    order: Option<Vec<String>>,
}

/// Names language `index` of `tags` in a task of its own, then the next;
/// after the last, sorts them by their names in `page`'s language.
fn name_next(tags: Vec<String>, index: usize, named: RwSignal<Named>, page: String) {
    set_timeout(
        move || {
            // The section closed meanwhile.
            if named.is_disposed() {
                return;
            }
            match tags.get(index).filter(|_| index < MAX_NAMED) {
                Some(tag) => {
                    let name = intl::language_name(tag, tag).unwrap_or_else(|| tag.clone());
                    named.update(|named| named.own.push((tag.clone(), name)));
                    name_next(tags, index + 1, named, page);
                }
                None => {
                    let order = intl::sorted_by_name(&page, tags);
                    named.update(|named| named.order = Some(order));
                }
            }
        },
        Duration::ZERO,
    );
}

/// The language list.
#[component]
pub fn LocalePicker(
    /// The locales the collector ships widget copy for.
    tags: Vec<String>,
    /// The locale edited.
    locale: RwSignal<String>,
    /// Called with the list when another language is picked.
    on_pick: Callback<web_sys::HtmlSelectElement>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let named = RwSignal::new(Named::default());
    name_next(tags.clone(), 0, named, untrack(|| i18n.locale()));
    let options = move || {
        named.with(|named| {
            let order = named.order.clone().unwrap_or_else(|| tags.clone());
            order
                .into_iter()
                .map(|tag| {
                    let label = match named.own.iter().find(|(known, _)| *known == tag) {
                        Some((_, name)) => {
                            let mut args = Args::new();
                            args.set("name", i18n::text(name.clone()));
                            args.set("tag", i18n::text(tag.clone()));
                            i18n.format(Key::WordingLocaleName, &args)
                        }
                        None => tag.clone(),
                    };
                    let selected = tag == locale.get_untracked();
                    view! { <option value=tag.clone() lang=tag.clone() selected=selected>{label}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="field">
            <label for="wording-locale">{i18n.t(Key::WordingLocale)}</label>
            <select id="wording-locale" on:change:target=move |ev| on_pick.run(ev.target())>
                {options}
            </select>
        </div>
    }
}
