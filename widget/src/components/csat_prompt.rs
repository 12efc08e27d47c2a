//! The satisfaction prompt shown when a conversation resolves: 👍/👎 with a
//! negative reason (thumbs mode), or a 1–5 scale with an optional comment.

use leptos::prelude::*;
use protocol::CsatMode;

use crate::components::characters_left::{COMMENT_MAX_CHARS, CharactersLeft};
use crate::components::icons::{Icon, SvgIcon};
use crate::csat::{CsatFlow, CsatOutcome, CsatStep};
use crate::feedback::FeedbackReporter;
use crate::i18n::{I18n, Msg};

/// The prompt, while `flow` holds one.
#[component]
pub fn CsatPrompt(
    /// The prompt's state; `None` hides it.
    flow: RwSignal<Option<CsatFlow>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let reporter = expect_context::<FeedbackReporter>();
    let comment = RwSignal::new(String::new());
    let mode = move || flow.with(|flow| flow.as_ref().map_or(CsatMode::Thumbs, |flow| flow.mode));
    let step = move || flow.with(|flow| flow.as_ref().map(|flow| flow.step));

    let report = {
        let reporter = reporter.clone();
        move |outcome: Option<CsatOutcome>| {
            if let Some(outcome) = outcome {
                reporter.csat(mode(), outcome);
            }
        }
    };
    let pick = {
        let report = report.clone();
        move |score: u8| {
            let mut outcome = None;
            flow.update(|flow| outcome = flow.as_mut().and_then(|flow| flow.pick(score)));
            report(outcome);
        }
    };
    let submit = {
        let report = report.clone();
        move || {
            let text = comment.get_untracked();
            let mut outcome = None;
            flow.update(|flow| outcome = flow.as_mut().and_then(|flow| flow.submit(&text)));
            report(outcome);
        }
    };
    let close = Callback::new(move |()| {
        let outcome = flow.with_untracked(|flow| flow.as_ref().and_then(CsatFlow::close));
        report(outcome);
        flow.set(None);
    });

    let asking = {
        let pick = pick.clone();
        move || match mode() {
            CsatMode::Thumbs => {
                let (up, down) = (pick.clone(), pick.clone());
                view! {
                    <h3 id="fb-csat-title" class="fb-csat-title">{i18n.text(Msg::CsatTitle)}</h3>
                    <div class="fb-csat-thumbs" role="group" aria-labelledby="fb-csat-title">
                        <button type="button" class="fb-csat-choice" data-score="5"
                            aria-label=i18n.text(Msg::CsatThumbUp) on:click=move |_| up(5)>
                            <SvgIcon icon=Icon::ThumbUp/>
                        </button>
                        <button type="button" class="fb-csat-choice" data-score="1"
                            aria-label=i18n.text(Msg::CsatThumbDown) on:click=move |_| down(1)>
                            <SvgIcon icon=Icon::ThumbDown/>
                        </button>
                    </div>
                }
                .into_any()
            }
            CsatMode::Scale5 => {
                let choices = [
                    (1u8, Msg::CsatScore1),
                    (2, Msg::CsatScore2),
                    (3, Msg::CsatScore3),
                    (4, Msg::CsatScore4),
                    (5, Msg::CsatScore5),
                ]
                .into_iter()
                .map(|(score, meaning)| {
                    let pick = pick.clone();
                    view! {
                        <label class="fb-csat-scale-choice">
                            <input type="radio" name="fb-csat-score" value=score.to_string()
                                aria-label=i18n.text(meaning) on:change=move |_| pick(score)/>
                            <span aria-hidden="true">{score}</span>
                        </label>
                    }
                })
                .collect_view();
                view! {
                    <p class="fb-csat-lead">{i18n.text(Msg::CsatLeadIn)}</p>
                    <h3 id="fb-csat-title" class="fb-csat-title">{i18n.text(Msg::CsatQuestion)}</h3>
                    <div class="fb-csat-scale" role="radiogroup" aria-labelledby="fb-csat-title">{choices}</div>
                    <p class="fb-csat-scale-ends">{i18n.text(Msg::CsatScaleEnds)}</p>
                }
                .into_any()
            }
        }
    };
    let commenting = move || {
        let submit = submit.clone();
        let (label, placeholder, button) = match mode() {
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
        view! {
            <form class="fb-csat-comment" on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <label for="fb-csat-comment" class="fb-csat-title">{i18n.text(label)}</label>
                <textarea id="fb-csat-comment" rows="3" maxlength=COMMENT_MAX_CHARS
                    placeholder=i18n.text(placeholder)
                    prop:value=move || comment.get()
                    on:input:target=move |ev| comment.set(ev.target().value())></textarea>
                <CharactersLeft text=comment limit=COMMENT_MAX_CHARS/>
                <button type="submit" class="fb-csat-submit">{i18n.text(button)}</button>
            </form>
        }
    };

    view! {
        <Show when=move || step().is_some()>
            <section class="fb-csat" aria-labelledby="fb-csat-title">
                <button type="button" class="fb-csat-close" aria-label=i18n.text(Msg::CsatClose) on:click=move |_| close.run(())>
                    <SvgIcon icon=Icon::Close/>
                </button>
                {
                    let asking = asking.clone();
                    let commenting = commenting.clone();
                    move || match step() {
                        Some(CsatStep::Asking) => asking().into_any(),
                        Some(CsatStep::Comment { .. }) => commenting().into_any(),
                        Some(CsatStep::Thanks) => view! {
                            <p id="fb-csat-title" class="fb-csat-thanks" role="status">{i18n.text(Msg::CsatAfterSubmission)}</p>
                        }.into_any(),
                        None => ().into_any(),
                    }
                }
            </section>
        </Show>
    }
}
