//! The widget as the dashboard's wording editor shows it: the real
//! components (the panel with its thumbs, the reason form after a 👎 and
//! the satisfaction prompt, and the "characters left" note) drawn with the
//! copy being edited, in a scene the editor picks. Clicks change what the
//! preview shows; nothing is sent anywhere.

use leptos::mount::mount_to;
use leptos::prelude::*;
use protocol::{CsatMode, Rating, WidgetConfig};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::actions::Actions;
use crate::app::State;
use crate::chat::{Message, Role};
use crate::csat::{CsatFlow, CsatStep};
use crate::i18n::I18n;
use crate::styles;
use crate::view::comment_box::characters_left_note;
use crate::view::panel::Panel;
use crate::view::strings::mark_language;

/// The preview's own placement: in the editor's page, not a page corner.
const PREVIEW_CSS: &str = ".fb-root { align-items: stretch; } \
.fb-panel { width: 100%; height: auto; min-height: 420px; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.15); } \
.fb-log { flex: 1 1 auto; }";

/// Which step of the satisfaction prompt the preview shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptStep {
    /// The question.
    Question,
    /// The comment after a 👎 or a score.
    Comment,
    /// The thank-you.
    Thanks,
}

/// What the preview shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scene {
    /// The prompt's mode.
    pub mode: CsatMode,
    /// The prompt's step.
    pub step: PromptStep,
    /// The count "characters left" is shown with (its plural forms).
    pub count: u32,
}

impl Default for Scene {
    fn default() -> Self {
        Self {
            mode: CsatMode::Thumbs,
            step: PromptStep::Question,
            count: 1,
        }
    }
}

/// The conversation the preview shows, in the editor's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// The shopper's question.
    pub question: String,
    /// The assistant's answer, shown with a 👎 and the reason form.
    pub answer: String,
    /// The reason tags the form offers.
    pub tags: Vec<String>,
}

impl Scene {
    /// The widget's state for this scene: the panel open on `sample`, the
    /// answer thumbed down with its reason form open, and the prompt at
    /// the scene's step.
    pub fn state(&self, sample: &Sample) -> State {
        let mut state = State::new("c_preview".to_string());
        state.open = true;
        state.settings = Some(WidgetConfig {
            csat_enabled: true,
            csat_mode: self.mode,
            csat_sample_percent: 100,
            csat_cooldown_days: 0,
            csat_min_assistant_messages: 0,
            reason_tags: sample.tags.clone(),
            idle_end_seconds: None,
            store_text: false,
            shop_name: None,
        });
        // Fixed, well-formed ids: neither add can be refused.
        let question = Message::new("m_question", Role::User, sample.question.clone());
        let _ = state.add_message(question);
        let answer = Message::new("m_answer", Role::Assistant, sample.answer.clone());
        let _ = state.add_message(answer);
        let _ = state
            .chat
            .rate("m_answer", Rating::Down, !sample.tags.is_empty());
        state.resolved = true;
        let step = match (self.step, self.mode) {
            (PromptStep::Question, _) => CsatStep::Asking,
            (PromptStep::Comment, CsatMode::Thumbs) => CsatStep::Comment { score: 1 },
            (PromptStep::Comment, CsatMode::Scale5) => CsatStep::Comment { score: 3 },
            (PromptStep::Thanks, _) => CsatStep::Thanks,
        };
        state.csat = Some(CsatFlow {
            mode: self.mode,
            step,
        });
        state
    }
}

/// A preview drawn into a shadow root; dropping it takes it away.
pub struct Preview {
    _mounted: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

/// Draws the preview into a shadow root of `host` (which must not have
/// one yet), with `i18n`'s copy, following `scene`.
pub fn mount(
    host: &HtmlElement,
    i18n: I18n,
    scene: Signal<Scene>,
    sample: Sample,
) -> Result<Preview, &'static str> {
    let document = host.owner_document().ok_or("the preview has no document")?;
    let root = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| "cannot attach the preview's shadow root")?;
    styles::adopt(&root, &document)?;
    styles::adopt_css(&root, &document, PREVIEW_CSS)?;
    let container: HtmlElement = document
        .create_element("div")
        .ok()
        .and_then(|element| element.dyn_into().ok())
        .ok_or("cannot create the preview's root")?;
    container.set_class_name("fb-root");
    root.append_child(&container)
        .map_err(|_| "cannot attach the preview's root")?;
    let actions = Actions::preview(
        container.clone().into(),
        i18n,
        scene.with_untracked(|scene| scene.state(&sample)),
    );
    let marked = container.clone();
    let mounted = mount_to(container, move || {
        provide_context(actions);
        provide_context(i18n);
        mark_language(marked, i18n);
        Effect::new(move |_| actions.show(scene.with(|scene| scene.state(&sample))));
        let left = Memo::new(move |_| scene.with(|scene| scene.count as usize));
        view! {
            <Panel/>
            {characters_left_note(i18n, left)}
        }
        .into_any()
    });
    Ok(Preview { _mounted: mounted })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(tags: &[&str]) -> Sample {
        Sample {
            question: "Where is my order?".into(),
            answer: "It ships tomorrow.".into(),
            tags: tags.iter().map(|tag| tag.to_string()).collect(),
        }
    }

    #[test]
    fn a_scene_opens_the_panel_on_a_thumbed_down_answer_and_the_prompt() {
        let scene = Scene {
            mode: CsatMode::Scale5,
            step: PromptStep::Comment,
            count: 3,
        };
        let state = scene.state(&sample(&["too_long"]));
        assert!(state.open && state.resolved);
        assert_eq!(state.chat.messages.len(), 2);
        let answer = state.chat.message("m_answer").unwrap();
        assert_eq!(answer.rating, Rating::Down);
        assert!(
            answer.asking_reason,
            "the reason form shows when tags are offered"
        );
        assert_eq!(state.reason_tags(), ["too_long".to_string()]);
        assert_eq!(
            state.csat,
            Some(CsatFlow {
                mode: CsatMode::Scale5,
                step: CsatStep::Comment { score: 3 }
            })
        );
    }

    #[test]
    fn every_step_of_both_modes_is_a_step_the_prompt_can_be_at() {
        for mode in [CsatMode::Thumbs, CsatMode::Scale5] {
            for (step, expected) in [
                (PromptStep::Question, None),
                (PromptStep::Thanks, Some(CsatStep::Thanks)),
            ] {
                let flow = Scene {
                    mode,
                    step,
                    count: 0,
                }
                .state(&sample(&[]))
                .csat
                .unwrap();
                assert_eq!(flow.mode, mode);
                match expected {
                    Some(expected) => assert_eq!(flow.step, expected),
                    None => assert_eq!(flow.step, CsatStep::Asking),
                }
            }
            let flow = Scene {
                mode,
                step: PromptStep::Comment,
                count: 0,
            }
            .state(&sample(&[]))
            .csat
            .unwrap();
            let CsatStep::Comment { score } = flow.step else {
                panic!("{flow:?}");
            };
            // The comment follows a 👎 (thumbs) or a score: one the mode takes.
            assert!(mode.accepts(score), "{mode:?} {score}");
            assert!(score < 5, "a 👍 would have ended the prompt");
        }
    }

    #[test]
    fn without_tags_the_answer_is_thumbed_down_and_no_reason_is_asked() {
        let state = Scene::default().state(&sample(&[]));
        let answer = state.chat.message("m_answer").unwrap();
        assert_eq!(answer.rating, Rating::Down);
        assert!(!answer.asking_reason);
    }
}
