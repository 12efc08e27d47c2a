//! The live preview beside the wording editor: the widget's own components
//! (`widget::preview`), not a picture of them, drawn with the draft laid
//! over the locale's shipped copy, in its direction. The editor picks the
//! prompt's mode and step and the count "characters left" is shown with.

use std::time::Duration;

use leptos::html::Div;
use leptos::prelude::*;
use protocol::CsatMode;
use widget::i18n::{I18n as WidgetCopy, Localizer};
use widget::preview::{self, Preview, PromptStep, Sample, Scene};

use dashboard::i18n::{self, I18n, Key, Messages};
use l10n::format::Args;

/// Reason tags the preview's reason form offers: ones the shipped copy
/// names (`reason-tag`), so their labels show as a shopper would see them.
const SAMPLE_TAGS: [&str; 3] = ["wrong_answer", "too_long", "not_relevant"];

/// Largest count the editor may pick.
const MAX_COUNT: u32 = 1_000_000;

/// The preview, following `copy` as it is edited.
#[component]
pub fn WordingPreview(
    /// The locale previewed.
    locale: String,
    /// The widget copy to draw with (the draft over the shipped copy).
    copy: Signal<String>,
    /// Shown under the preview (what the site keeps of what shoppers
    /// type into these prompts).
    children: Children,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let scene = RwSignal::new(Scene::default());
    // The sample conversation in the language edited: its dashboard
    // copy, negotiated as the widget's is (`de-CH` gets `de`), message
    // by message over en-US.
    let sample = LocalResource::new({
        let locale = locale.clone();
        move || {
            let requested = vec![locale.clone()];
            async move {
                let copy = i18n::load(&requested)
                    .await
                    .unwrap_or_else(Messages::reference);
                let say = |key: Key| copy.format(key.id(), &Args::new());
                Sample {
                    question: say(Key::WordingSampleQuestion),
                    answer: say(Key::WordingSampleAnswer),
                    tags: SAMPLE_TAGS.iter().map(|tag| tag.to_string()).collect(),
                }
            }
        }
    });
    let words = WidgetCopy::new(Localizer::new(&locale, Some(&copy.get_untracked())));
    Effect::new(move |_| {
        let text = copy.get();
        words.set(Localizer::new(&locale, Some(&text)));
    });
    let host = NodeRef::<Div>::new();
    let drawn = StoredValue::new_local(None::<Preview>);
    let failed = RwSignal::new(false);
    // Drawn once, when the element and the sample are there, in a task of
    // its own after the editor's (the widget's components are the largest
    // part of the first draw, so one task would hold both). Only the element and the sample
    // are tracked (each set once): a rerun would dispose of the preview's
    // reactive graph, which lives under this effect.
    Effect::new(move |_| {
        let (Some(element), Some(sample)) = (host.get(), sample.get()) else {
            return;
        };
        let owner = Owner::current();
        let draw = move || {
            // Gone meanwhile (another locale, or the section closed), or
            // already drawn.
            if drawn.try_with_value(Option::is_some) != Some(false) {
                return;
            }
            match preview::mount(&element, words, scene.into(), sample) {
                Ok(found) => drawn.set_value(Some(found)),
                Err(reason) => {
                    web_sys::console::warn_1(&format!("the wording preview: {reason}").into());
                    failed.set(true);
                }
            }
        };
        set_timeout(
            move || match &owner {
                Some(owner) => owner.with(|| untrack(draw)),
                None => untrack(draw),
            },
            Duration::ZERO,
        );
    });
    on_cleanup(move || drawn.set_value(None));

    let mode = move |value: CsatMode, id: &'static str, label: Key| {
        view! {
            <div class="choice">
                <input id=id type="radio" name="preview-mode"
                    prop:checked=move || scene.with(|scene| scene.mode == value)
                    on:change=move |_| scene.update(|scene| scene.mode = value)/>
                <label for=id>{i18n.t(label)}</label>
            </div>
        }
    };
    let steps = [
        (PromptStep::Question, "question", Key::PreviewStepQuestion),
        (PromptStep::Comment, "comment", Key::PreviewStepComment),
        (PromptStep::Thanks, "thanks", Key::PreviewStepThanks),
    ];
    let step_options = steps
        .into_iter()
        .map(|(step, value, label)| {
            view! {
                <option value=value selected=move || scene.with(|scene| scene.step == step)>
                    {i18n.t(label)}
                </option>
            }
        })
        .collect_view();
    let pick_step = move |value: String| {
        if let Some((step, ..)) = steps.iter().find(|(_, name, _)| *name == value) {
            scene.update(|scene| scene.step = *step);
        }
    };
    let pick_count = move |value: String| {
        if let Ok(count) = value.trim().parse::<u32>() {
            scene.update(|scene| scene.count = count.min(MAX_COUNT));
        }
    };
    view! {
        <section class="wording-preview" aria-labelledby="preview-title">
            <h3 id="preview-title">{i18n.t(Key::PreviewTitle)}</h3>
            <div class="preview-controls">
                <fieldset class="field">
                    <legend>{i18n.t(Key::PreviewMode)}</legend>
                    {mode(CsatMode::Thumbs, "preview-mode-thumbs", Key::SettingsModeThumbs)}
                    {mode(CsatMode::Scale5, "preview-mode-scale5", Key::SettingsModeScale5)}
                </fieldset>
                <div class="field">
                    <label for="preview-step">{i18n.t(Key::PreviewStep)}</label>
                    <select id="preview-step" on:change:target=move |ev| pick_step(ev.target().value())>
                        {step_options}
                    </select>
                </div>
                <div class="field">
                    <label for="preview-count">{i18n.t(Key::PreviewCount)}</label>
                    <input id="preview-count" type="number" min="0" max=MAX_COUNT.to_string()
                        prop:value=move || scene.with(|scene| scene.count.to_string())
                        on:input:target=move |ev| pick_count(ev.target().value())/>
                </div>
            </div>
            {move || failed.get().then(|| view! { <p class="problem">{i18n.t(Key::PreviewFailed)}</p> })}
            <div class="preview-widget" node_ref=host></div>
            {children()}
        </section>
    }
}
