//! The satisfaction prompt shown when a conversation resolves: 👍/👎 with a
//! negative reason (thumbs mode), or a 1–5 scale with an optional comment.
//! Each step of `CsatFlow` draws the whole section anew.

use leptos::html::Input;
use leptos::prelude::*;
use protocol::CsatMode;
use web_sys::{KeyboardEvent, SubmitEvent};

use crate::actions::Actions;
use crate::app::{RatingKey, SCALE_SCORES, THUMB_SCORES, next_score, rating_key};
use crate::csat::{CsatFlow, CsatStep};
use crate::i18n::{I18n, Msg};
use crate::view::close_button;
use crate::view::comment_box::CommentBox;
use crate::view::icons::Icon;
use crate::view::strings::use_i18n;

/// The scale's scores with their accessible names.
const SCALE: [(u8, Msg); 5] = [
    (1, Msg::CsatScore1),
    (2, Msg::CsatScore2),
    (3, Msg::CsatScore3),
    (4, Msg::CsatScore4),
    (5, Msg::CsatScore5),
];

#[component]
pub fn CsatPrompt(
    /// The prompt's mode and step.
    flow: CsatFlow,
) -> impl IntoView {
    let actions = expect_context::<Actions>();
    let i18n = use_i18n();
    let body = match (flow.step, flow.mode) {
        (CsatStep::Asking, CsatMode::Thumbs) => asking_thumbs(actions, i18n),
        (CsatStep::Asking, CsatMode::Scale5) => asking_scale(actions, i18n),
        (CsatStep::Comment { .. }, mode) => comment(actions, i18n, mode),
        (CsatStep::Thanks, _) => view! {
            <p id="fb-csat-title" class="fb-csat-thanks" role="status">
                {i18n.t(Msg::CsatAfterSubmission)}
            </p>
        }
        .into_any(),
    };
    view! {
        <section class="fb-csat" aria-labelledby="fb-csat-title">
            {close_button(
                actions,
                "fb-csat-close",
                Msg::CsatClose,
                Actions::close_csat,
                actions.targets().csat_close,
            )}
            {body}
        </section>
    }
    .into_any()
}

fn title(i18n: I18n, msg: Msg) -> AnyView {
    view! { <h3 id="fb-csat-title" class="fb-csat-title">{i18n.t(msg)}</h3> }.into_any()
}

/// The inputs of a rating, one per score of `scores` (at most five), in
/// their order: an arrow key moves focus from one to another. One type for
/// both ratings, so their code is in the download once.
#[derive(Clone, Copy)]
struct Scores {
    scores: &'static [u8],
    inputs: [NodeRef<Input>; 5],
}

impl Scores {
    fn new(scores: &'static [u8]) -> Self {
        Self {
            scores,
            inputs: std::array::from_fn(|_| NodeRef::new()),
        }
    }

    /// The input of `score`.
    fn input(self, score: u8) -> NodeRef<Input> {
        self.scores
            .iter()
            .zip(self.inputs)
            .find(|(shown, _)| **shown == score)
            .map_or_else(NodeRef::new, |(_, input)| input)
    }
}

/// 👍 or 👎: a radio group of two real inputs, drawn as the icons.
fn asking_thumbs(actions: Actions, i18n: I18n) -> AnyView {
    let scores = Scores::new(&THUMB_SCORES);
    let choice = move |score: u8, name: Msg, icon: Icon| {
        view! {
            <label class="fb-csat-choice" data-score=score.to_string()>
                {radio(actions, i18n, score, name, scores)}
                <span aria-hidden="true">{icon.view()}</span>
            </label>
        }
    };
    view! {
        {title(i18n, Msg::CsatTitle)}
        <div class="fb-csat-thumbs" role="radiogroup" aria-labelledby="fb-csat-title">
            {choice(5, Msg::CsatThumbUp, Icon::ThumbUp)}
            {choice(1, Msg::CsatThumbDown, Icon::ThumbDown)}
        </div>
    }
    .into_any()
}

/// The 1–5 scale: a radio group of real inputs, drawn as the digits.
fn asking_scale(actions: Actions, i18n: I18n) -> AnyView {
    let scores = Scores::new(&SCALE_SCORES);
    let choices = SCALE
        .into_iter()
        .map(|(score, meaning)| {
            view! {
                <label class="fb-csat-scale-choice">
                    {radio(actions, i18n, score, meaning, scores)}
                    <span aria-hidden="true">{score.to_string()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <p class="fb-csat-lead">{i18n.t(Msg::CsatLeadIn)}</p>
        {title(i18n, Msg::CsatQuestion)}
        <div class="fb-csat-scale" role="radiogroup" aria-labelledby="fb-csat-title">
            {choices}
        </div>
        <p class="fb-csat-scale-ends">{i18n.t(Msg::CsatScaleEnds)}</p>
    }
    .into_any()
}

/// One score of a rating whose scores are `scores`, as shown. Picking it (a
/// click, or Enter or Space while it has focus) answers, even when an arrow
/// has checked it already (so `click`, not `change`); the arrow keys move
/// between the scores without answering.
fn radio(actions: Actions, i18n: I18n, score: u8, name: Msg, scores: Scores) -> impl IntoView {
    view! {
        <input
            type="radio"
            name="fb-csat-score"
            value=score.to_string()
            node_ref=scores.input(score)
            aria-label=i18n.t(name)
            on:click=move |_| actions.csat_pick(score)
            on:keydown=move |event: KeyboardEvent| on_rating_key(actions, i18n, &event, score, scores)
        />
    }
}

/// Enter or Space answers with `score`; an arrow checks and focuses the
/// next score quietly (the browser would check it and fire `click`, which
/// answers).
fn on_rating_key(actions: Actions, i18n: I18n, event: &KeyboardEvent, score: u8, scores: Scores) {
    match rating_key(&event.key(), i18n.is_rtl_now()) {
        Some(RatingKey::Answer) => {
            event.prevent_default();
            actions.csat_pick(score);
        }
        Some(RatingKey::Move(step)) => {
            event.prevent_default();
            let next = next_score(scores.scores, score, step);
            if let Some(input) = scores.input(next).get_untracked() {
                input.set_checked(true);
                let _ = input.focus();
            }
        }
        None => {}
    }
}

fn comment(actions: Actions, i18n: I18n, mode: CsatMode) -> AnyView {
    let (label, placeholder, button) = match mode {
        CsatMode::Thumbs => (
            Msg::CsatNegativeReason,
            Msg::CsatNegativePlaceholder,
            Msg::CsatNegativeButton,
        ),
        CsatMode::Scale5 => (
            Msg::CsatCommentLabel,
            Msg::CsatCommentPlaceholder,
            Msg::CsatSubmit,
        ),
    };
    let text = RwSignal::new(String::new());
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        text.with_untracked(|text| actions.csat_submit(text));
    };
    view! {
        <form class="fb-csat-comment" on:submit=submit>
            <label id="fb-csat-title" for="fb-csat-comment" class="fb-csat-title">
                {i18n.t(label)}
            </label>
            <CommentBox
                text=text
                node_ref=actions.targets().csat_comment
                id=Some("fb-csat-comment")
                class="fb-csat-comment-box"
                rows="3"
                label=None
                placeholder=placeholder
            />
            <button type="submit" class="fb-csat-submit">{i18n.t(button)}</button>
        </form>
    }
    .into_any()
}
