//! Why a 👎: the site's reason tags plus an optional comment. Shown only
//! when the site offers tags; skipping keeps the plain 👎.

use l10n::format::Arg;
use leptos::html::Button;
use leptos::prelude::*;
use web_sys::SubmitEvent;

use crate::actions::Actions;
use crate::app::ReasonDraft;
use crate::i18n::Msg;
use crate::view::comment_box::CommentBox;
use crate::view::flag;
use crate::view::strings::{use_i18n, with_arg};

/// Tag toggles, a comment box, Send and Skip, under one message.
#[component]
pub fn ReasonForm(
    /// The message the 👎 was given to.
    message_id: String,
    /// That 👎, where focus returns when the form closes.
    thumb_down: NodeRef<Button>,
) -> impl IntoView {
    let actions = expect_context::<Actions>();
    let i18n = use_i18n();
    let offered = actions.with_now(|state| state.reason_tags().to_vec());
    let draft = RwSignal::new(ReasonDraft::default());
    let comment = RwSignal::new(String::new());
    let send = {
        let (id, offered) = (message_id.clone(), offered.clone());
        move |event: SubmitEvent| {
            event.prevent_default();
            let answer = draft.with_untracked(|draft| {
                comment.with_untracked(|comment| draft.answer(&offered, comment))
            });
            actions.reason(&id, Some(answer), thumb_down);
        }
    };
    let tags = offered
        .into_iter()
        .map(|tag| {
            let (name, toggled) = (tag.clone(), tag.clone());
            view! {
                <button
                    type="button"
                    class="fb-reason-tag"
                    data-tag=tag.clone()
                    aria-pressed=move || flag(draft.with(|draft| draft.is_picked(&tag)))
                    on:click=move |_| draft.update(|draft| draft.toggle(&toggled))
                >
                    {move || with_arg(i18n, Msg::ReasonTag, "tag", Arg::Text(name.clone()))}
                </button>
            }
        })
        .collect_view();
    view! {
        <form class="fb-reason" on:submit=send>
            <p class="fb-reason-title">{i18n.t(Msg::ReasonTitle)}</p>
            <div class="fb-reason-tags" role="group" aria-label=i18n.t(Msg::ReasonTitle)>
                {tags}
            </div>
            <CommentBox
                text=comment
                id=None
                class="fb-reason-comment"
                rows="2"
                label=Some(Msg::ReasonCommentLabel)
                placeholder=Msg::ReasonCommentPlaceholder
            />
            <div class="fb-reason-actions">
                <button type="submit" class="fb-reason-send">{i18n.t(Msg::ReasonSend)}</button>
                <button
                    type="button"
                    class="fb-reason-skip"
                    on:click=move |_| actions.reason(&message_id, None, thumb_down)
                >
                    {i18n.t(Msg::ReasonSkip)}
                </button>
            </div>
        </form>
    }
    .into_any()
}
