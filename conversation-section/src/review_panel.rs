//! A conversation's review (#31): each 👎 and low answer it holds, open or
//! reviewed, with who reviewed it and when; a note, the site's labels and
//! "Mark reviewed". Keyboard triage: `J` and `K` open the next and
//! previous conversation with an open item, `R` marks this one's first
//! open item reviewed, `1`–`9` pick its labels; off while typing.

use leptos::prelude::*;
use protocol::ErrorCode;
use protocol::review::{ReviewKind, ReviewState};
use wasm_bindgen::JsCast;

use crate::triage::{Pressed, Triage, neighbour};
use dashboard::api::{Api, ReviewItem, SaveError};
use dashboard::components::status::reason;
use dashboard::i18n::{self, I18n, Key};
use dashboard::intl;
use dashboard::refusals::refusal;
use dashboard::route::Route;
use l10n::format::Args;

/// Whether keyboard focus is somewhere the reader types.
fn typing(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match element.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            element.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "button" | "submit")
        ),
        _ => element.get_attribute("contenteditable").is_some(),
    }
}

/// One item: its state, and the form that reviews it.
#[component]
fn ItemReview(
    /// The read API.
    api: Api,
    /// The item as last read.
    item: ReviewItem,
    /// The site's labels, in its order.
    labels: Vec<String>,
    /// The last triage key for this conversation's first open item, with
    /// a count so that the same key twice is two presses.
    pressed: Option<ReadSignal<(u32, Option<Triage>)>>,
    /// Called when someone else reviewed it meanwhile: read it again.
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let current = RwSignal::new(item.clone());
    let note = RwSignal::new(item.note.clone().unwrap_or_default());
    let chosen = RwSignal::new(item.labels.clone());
    let said = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let api = StoredValue::new(api);
    let id = item.item_id.clone();
    let save = move |state: ReviewState| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let (api, item) = (api.get_value(), current.get_untracked());
        let body = serde_json::json!({
            "state": state.as_str(),
            "note": note.get_untracked(),
            "labels": chosen.get_untracked(),
        });
        leptos::task::spawn_local(async move {
            match api.save_review(&item.item_id, item.version, &body).await {
                Ok(stored) => {
                    chosen.set(stored.labels.clone());
                    current.set(stored);
                    said.set(Some(i18n.text(Key::ReviewSaved)));
                }
                Err(SaveError::Stale) => {
                    said.set(Some(i18n.text(Key::ReviewStale)));
                    on_stale.run(());
                }
                Err(SaveError::Invalid(errors)) => {
                    // The collector's words name the field and the limit;
                    // another language gets its refusal in words.
                    let worded = (i18n.locale() != protocol::locales::DEFAULT_LOCALE)
                        .then(|| refusal(i18n, ErrorCode::InvalidReview))
                        .flatten();
                    let problems: Vec<String> = errors.into_values().collect();
                    said.set(Some(worded.unwrap_or_else(|| problems.join(" "))));
                }
                Err(SaveError::Failed(error)) => said.set(Some(reason(i18n, &error))),
            }
            busy.set(false);
        });
    };
    let toggle = move |label: String| {
        chosen.update(|chosen| {
            if let Some(at) = chosen.iter().position(|picked| *picked == label) {
                chosen.remove(at);
            } else {
                chosen.push(label);
            }
        });
    };
    if let Some(pressed) = pressed {
        let labels = labels.clone();
        Effect::new(move |_| match pressed.get().1 {
            Some(Triage::MarkReviewed) => save(ReviewState::Reviewed),
            Some(Triage::Label(at)) => {
                if let Some(label) = labels.get(at) {
                    toggle(label.clone());
                }
            }
            _ => {}
        });
    }
    let what = match (item.kind, item.message_id.clone()) {
        (ReviewKind::Thumb, Some(message)) => {
            let mut args = Args::new();
            args.set("message", i18n::text(message));
            i18n.format(Key::ReviewItemThumb, &args)
        }
        _ => i18n.text(Key::ReviewItemAnswer),
    };
    let state = move || current.with(|item| item.state);
    let reviewed_by = move || {
        current.with(|item| match (&item.reviewed_by, item.reviewed_at) {
            (Some(who), Some(at)) => {
                let mut args = Args::new();
                args.set("who", i18n::text(who.clone()));
                args.set("when", i18n::text(intl::instant(&i18n.locale(), at, None)));
                Some(i18n.format(Key::ReviewBy, &args))
            }
            _ => None,
        })
    };
    let note_id = format!("review-note-{id}");
    let boxes = labels
        .iter()
        .enumerate()
        .map(|(at, label)| {
            let (label, shown) = (label.clone(), label.clone());
            let checked = {
                let label = label.clone();
                move || chosen.with(|chosen| chosen.contains(&label))
            };
            let key = (at < 9).then(|| format!(" ({})", at + 1));
            view! {
                <label class="label-choice">
                    <input type="checkbox" prop:checked=checked
                        on:change=move |_| toggle(label.clone())/>
                    " "<span dir="auto">{shown}</span>{key}
                </label>
            }
        })
        .collect_view();
    view! {
        <article class="review-item" data-item=id.clone()
            data-state=move || state().as_str()>
            <p>
                <strong>{what}</strong>" "
                <span class=move || format!("badge review-{}", state().as_str())>
                    {move || i18n.text(match state() {
                        ReviewState::Open => Key::ReviewStateOpen,
                        ReviewState::Reviewed => Key::ReviewStateReviewed,
                    })}
                </span>
            </p>
            {move || reviewed_by().map(|text| view! { <p class="reviewed-by">{text}</p> })}
            <label for=note_id.clone()>{i18n.t(Key::ReviewNote)}</label>
            <textarea id=note_id name="note" rows="2" maxlength="1000"
                prop:value=move || note.get()
                on:input:target=move |ev| note.set(ev.target().value())></textarea>
            <fieldset class="labels">
                <legend>{i18n.t(Key::ReviewLabels)}</legend>
                {boxes}
            </fieldset>
            <button type="button" class="mark-reviewed" disabled=move || busy.get()
                on:click=move |_| save(ReviewState::Reviewed)>
                {move || i18n.text(match state() {
                    ReviewState::Open => Key::ReviewMark,
                    ReviewState::Reviewed => Key::ReviewSave,
                })}
            </button>
            <Show when=move || state() == ReviewState::Reviewed>
                " "<button type="button" class="reopen" disabled=move || busy.get()
                    on:click=move |_| save(ReviewState::Open)>{i18n.t(Key::ReviewReopen)}</button>
            </Show>
            <p class="status" role="status">{move || said.get()}</p>
        </article>
    }
}

/// The conversation's items, and the keys that triage them.
#[component]
pub fn ReviewPanel(
    /// The read API.
    api: Api,
    /// The conversation.
    conversation_id: String,
    /// Its items, oldest first.
    items: Vec<ReviewItem>,
    /// Reads the conversation again (after a stale review).
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let queue = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.review_queue(Some(ReviewState::Open)).await }
        }
    });
    let pressed = RwSignal::new((0u32, None::<Triage>));
    let at_end = RwSignal::new(false);
    let handle = {
        let conversation_id = conversation_id.clone();
        window_event_listener(leptos::ev::keydown, move |event| {
            let modified = event.ctrl_key() || event.alt_key() || event.meta_key();
            let key = event.key();
            let Some(triage) = Triage::of(Pressed {
                key: &key,
                modified,
                typing: typing(&event),
            }) else {
                return;
            };
            event.prevent_default();
            match triage {
                Triage::Next | Triage::Previous => {
                    let open = queue
                        .get_untracked()
                        .and_then(Result::ok)
                        .map(|page| page.items)
                        .unwrap_or_default();
                    match neighbour(&open, &conversation_id, triage == Triage::Next) {
                        Some(next) => {
                            if let Some(window) = web_sys::window() {
                                let _ = window
                                    .location()
                                    .set_hash(&Route::Conversation(next).href());
                            }
                        }
                        None => at_end.set(true),
                    }
                }
                other => pressed.update(|(count, last)| {
                    *count += 1;
                    *last = Some(other);
                }),
            }
        })
    };
    on_cleanup(move || handle.remove());
    let first_open = items
        .iter()
        .position(|item| item.state == ReviewState::Open);
    let body = move || {
        let labels = match queue.get() {
            None => return view! { <p class="status">{i18n.t(Key::Loading)}</p> }.into_any(),
            Some(Ok(page)) => page.labels,
            Some(Err(_)) => Vec::new(),
        };
        items
            .iter()
            .enumerate()
            .map(|(at, item)| {
                let pressed = (Some(at) == first_open).then(|| pressed.read_only());
                view! {
                    <ItemReview api=api.clone() item=item.clone() labels=labels.clone()
                        pressed on_stale/>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="card review" aria-labelledby="review-title">
            <h3 id="review-title">{i18n.t(Key::ReviewTitle)}</h3>
            <p class="shortcuts" id="review-shortcuts">{i18n.t(Key::ReviewShortcuts)}</p>
            {body}
            <Show when=move || at_end.get()>
                <p class="status" role="status">{i18n.t(Key::ReviewQueueEnd)}</p>
            </Show>
        </section>
    }
}
