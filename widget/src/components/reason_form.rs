//! Why a 👎: the site's reason tags plus an optional comment. Shown only
//! when the site offers tags; skipping keeps the plain 👎.

use leptos::prelude::*;
use protocol::text::MAX_COMMENT_CHARS;

use crate::components::characters_left::{COMMENT_MAX_CHARS, CharactersLeft};
use crate::i18n::{I18n, Msg};

/// Tag toggles, a comment box, Send and Skip.
#[component]
pub fn ReasonForm(
    /// The tags the site offers.
    tags: Signal<Vec<String>>,
    /// Called with the picked tags and the comment (if any).
    on_send: Callback<(Vec<String>, Option<String>)>,
    /// Called when the shopper skips.
    on_skip: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let picked = RwSignal::new(Vec::<String>::new());
    let comment = RwSignal::new(String::new());
    let toggle = move |tag: String| {
        picked.update(|picked| {
            if let Some(at) = picked.iter().position(|p| *p == tag) {
                picked.remove(at);
            } else {
                picked.push(tag);
            }
        });
    };
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text: String = comment
            .get_untracked()
            .trim()
            .chars()
            .take(MAX_COMMENT_CHARS)
            .collect();
        on_send.run((picked.get_untracked(), (!text.is_empty()).then_some(text)));
    };
    view! {
        <form class="fb-reason" on:submit=send>
            <p class="fb-reason-title">{i18n.text(Msg::ReasonTitle)}</p>
            <div class="fb-reason-tags" role="group" aria-label=i18n.text(Msg::ReasonTitle)>
                <For each=move || tags.get() key=|tag| tag.clone() let:tag>
                    {
                        let label = i18n.tag_label(tag.clone());
                        let pressed = {
                            let tag = tag.clone();
                            move || picked.with(|picked| picked.contains(&tag)).to_string()
                        };
                        view! {
                            <button type="button" class="fb-reason-tag" data-tag=tag.clone()
                                aria-pressed=pressed on:click=move |_| toggle(tag.clone())>
                                {label}
                            </button>
                        }
                    }
                </For>
            </div>
            <textarea class="fb-reason-comment" rows="2" maxlength=COMMENT_MAX_CHARS
                aria-label=i18n.text(Msg::ReasonCommentLabel)
                placeholder=i18n.text(Msg::ReasonCommentPlaceholder)
                prop:value=move || comment.get()
                on:input:target=move |ev| comment.set(ev.target().value())></textarea>
            <CharactersLeft text=comment limit=COMMENT_MAX_CHARS/>
            <div class="fb-reason-actions">
                <button type="submit" class="fb-reason-send">{i18n.text(Msg::ReasonSend)}</button>
                <button type="button" class="fb-reason-skip" on:click=move |_| on_skip.run(())>
                    {i18n.text(Msg::ReasonSkip)}
                </button>
            </div>
        </form>
    }
}
