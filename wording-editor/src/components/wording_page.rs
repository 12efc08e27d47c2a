//! Wording: the widget's copy for one locale, as a locale editor works on
//! it. Each message shows its en-US reference, the locale's shipped text
//! and the site's own, which can be edited message by message or as the
//! whole Fluent file. The checker's diagnostics show as it is typed (the
//! collector's own check, `crate::wording`); the preview draws the widget
//! with the draft; saving sends it, and a refusal keeps what was stored.
//! The saved versions are in `copy_history`.

use std::collections::BTreeSet;
use std::time::Duration;

use l10n::format::Args;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::copy_history::CopyHistory;
use crate::components::find_bar::FindBar;
use crate::components::locale_picker::LocalePicker;
use crate::components::wording_preview::WordingPreview;
use crate::find::Find;
use crate::wording::{MessageRow, Placed, Wording};
use dashboard::api::{Api, ApiError, CopyRefused, CopySaved};
use dashboard::components::kept_note::KeptNote;
use dashboard::components::status::reason;
use dashboard::components::status::{Failed, Loading};
use dashboard::i18n::{self, I18n, Key};
use dashboard::refusals::Finding;
use dashboard::route::{Route, current_hash};
use widget::timers::next_task;

/// The locale the editor opens on.
const FIRST_LOCALE: &str = "de";

/// How many messages are drawn in one task.
const DRAWN_PER_TASK: usize = 8;

/// Whether the editor's draft differs from what is stored: shared by the
/// page and its editor, so nothing drops unsaved wording unasked.
#[derive(Clone, Copy)]
pub struct Unsaved(RwSignal<bool>);

impl Unsaved {
    /// Asks, when there is unsaved wording, whether to drop it; true to go
    /// on.
    pub fn may_drop(self, i18n: I18n) -> bool {
        if !self.0.get_untracked() {
            return true;
        }
        web_sys::window()
            .and_then(|window| {
                window
                    .confirm_with_message(&i18n.text(Key::WordingDiscard))
                    .ok()
            })
            .unwrap_or(false)
    }
}

/// What the last save came to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Stored (or unchanged, as the live version).
    Saved(CopySaved),
    /// The collector's checker refused it; its findings.
    Refused(Vec<Finding>),
    /// Anything else.
    Failed(String),
}

/// Everything the editor needs for one locale, in one go, and the
/// checker's findings on it. The check runs in a task of its own, and the
/// editor is drawn in the next, so neither makes the other's task long
/// (BENCHMARKS.md, "The dashboard in Chromium").
async fn load(api: Api, locale: String) -> Result<(Wording, Placed), ApiError> {
    let reference = api.shipped_copy(l10n::REFERENCE_LOCALE).await?;
    let shipped = api.shipped_copy(&locale).await?;
    let saved = api.site_copy(&locale).await?;
    let wording = Wording::new(&locale, reference, shipped, saved);
    next_task().await;
    let checked = wording.placed_problems();
    next_task().await;
    Ok((wording, checked))
}

/// The Wording section: a locale picker, then that locale's editor.
#[component]
pub fn WordingPage(
    /// The API for the signed-in site.
    api: Api,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let locales = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.locales().await }
        }
    });
    // A shared link opens on its locale and search.
    let (linked, found) = current_hash()
        .split_once('?')
        .map(|(_, query)| Find::from_query(query))
        .unwrap_or_default();
    let locale = RwSignal::new(linked.unwrap_or_else(|| FIRST_LOCALE.to_string()));
    let find = RwSignal::new(found);
    // The address keeps the locale and the search (replaced, so Back
    // leaves Wording rather than stepping through searches).
    Effect::new(move |before: Option<()>| {
        let query = find.with(|find| find.to_query(&locale.get()));
        if before.is_some() {
            replace_address(&format!("{}?{query}", Route::Wording.href()));
        }
    });
    let unsaved = Unsaved(RwSignal::new(false));
    provide_context(unsaved);
    let pick = move |select: web_sys::HtmlSelectElement| {
        if unsaved.may_drop(i18n) {
            unsaved.0.set(false);
            locale.set(select.value());
        } else {
            select.set_value(&locale.get_untracked());
        }
    };
    let picker = move || {
        locales.get().map(|found| match found {
            Err(error) => view! { <Failed error/> }.into_any(),
            Ok(list) => {
                // A linked locale the collector does not ship.
                if !list.locales.contains(&locale.get_untracked()) {
                    locale.set(FIRST_LOCALE.to_string());
                }
                view! { <LocalePicker tags=list.locales locale on_pick=Callback::new(pick)/> }
                    .into_any()
            }
        })
    };
    let editor = move || {
        let (api, tag) = (api.clone(), locale.get());
        view! { <LocaleEditor api locale=tag find/> }
    };
    view! {
        <section class="wording" aria-labelledby="wording-title">
            <h2 id="wording-title">{i18n.t(Key::WordingTitle)}</h2>
            <p class="hint">{i18n.t(Key::WordingIntro)}</p>
            {picker}
            {editor}
        </section>
    }
}

/// A finding of the editor's own check, in the owner's language.
fn worded(i18n: I18n, found: &l10n::Diagnostic) -> String {
    Finding::from(found).worded(i18n)
}

/// Replaces the page's address with `hash`, without a new entry in the
/// history or a `hashchange`.
fn replace_address(hash: &str) {
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// One locale's editor, once its three texts have loaded.
#[component]
fn LocaleEditor(
    /// The API for the signed-in site.
    api: Api,
    /// The locale edited.
    locale: String,
    /// The search and filter over its messages.
    find: RwSignal<Find>,
) -> impl IntoView {
    let loaded = LocalResource::new({
        let (api, locale) = (api.clone(), locale.clone());
        move || load(api.clone(), locale.clone())
    });
    move || match loaded.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <Failed error/> }.into_any(),
        Some(Ok((found, checked))) => {
            let api = api.clone();
            view! { <Editor api wording=RwSignal::new(found) checked find/> }.into_any()
        }
    }
}

/// The editor over a loaded locale's wording.
#[component]
fn Editor(
    /// The API for the signed-in site.
    api: Api,
    /// The wording, its draft edited in place.
    wording: RwSignal<Wording>,
    /// The checker's findings on the draft as loaded.
    checked: Placed,
    /// The search and filter over its messages.
    find: RwSignal<Find>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let locale = wording.with_untracked(|wording| wording.locale.clone());
    let whole_file = RwSignal::new(false);
    // Bumped when the draft is replaced from outside a message's own box
    // (a revert, a restore, the whole file edited), which redraws the boxes.
    let generation = RwSignal::new(0_u32);
    // The findings, checked again as the draft changes (not on the first
    // run: the load checked it), and told only when they differ.
    let problems = RwSignal::new(checked);
    Effect::new(move |before: Option<()>| {
        wording.track();
        if before.is_some() {
            let found = wording.with_untracked(Wording::placed_problems);
            if problems.with_untracked(|placed| *placed != found) {
                problems.set(found);
            }
        }
    });
    let problems = problems.read_only();
    // Read once per change of the draft, not once per message box.
    let own_ids = Memo::new(move |_| {
        wording.with(|wording| {
            l10n::entries::entries(&wording.draft)
                .into_iter()
                .map(|entry| entry.id)
                .collect::<BTreeSet<_>>()
        })
    });
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let unsaved = expect_context::<Unsaved>();
    Effect::new(move |_| unsaved.0.set(wording.with(Wording::is_changed)));
    // The history reloads after every save or restore.
    let saves = RwSignal::new(0_u32);

    let save = {
        let api = api.clone();
        move |_| {
            let api = api.clone();
            let (locale, draft) = wording.with_untracked(|w| (w.locale.clone(), w.draft.clone()));
            busy.set(true);
            leptos::task::spawn_local(async move {
                let answer = api.save_copy(&locale, &draft).await;
                // The owner may have left Wording meanwhile, and the
                // editor's graph (its words included) with it.
                if outcome.is_disposed() {
                    return;
                }
                outcome.set(Some(match answer {
                    Ok(saved) => {
                        wording.update(|wording| wording.saved = draft);
                        saves.update(|count| *count += 1);
                        Outcome::Saved(saved)
                    }
                    Err(CopyRefused::Invalid(findings)) => Outcome::Refused(findings),
                    Err(CopyRefused::Failed(error)) => Outcome::Failed(reason(i18n, &error)),
                }));
                busy.set(false);
            });
        }
    };
    let restored = Callback::new(move |(saved, ftl): (CopySaved, String)| {
        wording.update(|wording| {
            wording.saved = ftl.clone();
            wording.draft = ftl;
        });
        generation.update(|count| *count += 1);
        saves.update(|count| *count += 1);
        outcome.set(Some(Outcome::Saved(saved)));
    });

    // The messages found, chosen again when the search, the filter or
    // the draft from outside the boxes changes, not as a box is typed in:
    // a message does not vanish from under the cursor.
    let shown = Memo::new(move |_| {
        generation.track();
        let find = find.get();
        let rows = wording.with_untracked(Wording::rows);
        problems.with_untracked(|placed| find.found(rows, placed))
    });
    let counts = Memo::new(move |_| {
        let rows = wording.with(Wording::rows);
        problems.with(|placed| find.with(|find| find.counts(&rows, placed)))
    });
    let list = NodeRef::<Div>::new();
    // Once the list has followed the search, focus goes to its first box.
    let to_first = Callback::new(move |()| {
        set_timeout(
            move || {
                let first = list
                    .get_untracked()
                    .and_then(|list| {
                        list.query_selector(".wording-message textarea")
                            .ok()
                            .flatten()
                    })
                    .and_then(|first| first.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(first) = first {
                    let _ = first.focus();
                }
            },
            Duration::ZERO,
        );
    });
    // The messages are drawn a few at a time, a task each: one task
    // drawing all 40 took 58 ms at p90, and two (12, then the rest) 73 ms
    // (BENCHMARKS.md, "The dashboard in Chromium"), over the 50 ms budget.
    let drawn = RwSignal::new(DRAWN_PER_TASK);
    Effect::new(move |_| {
        let (count, total) = (drawn.get(), shown.with(Vec::len));
        if count < total {
            set_timeout(
                move || {
                    // Gone meanwhile: nothing more to draw.
                    let _ = drawn.try_update(|drawn| *drawn += DRAWN_PER_TASK);
                },
                Duration::ZERO,
            );
        }
    });
    let drawn_rows = move || {
        let count = drawn.get();
        shown.with(|rows| rows.iter().take(count).cloned().collect::<Vec<_>>())
    };
    let messages = move || {
        // Redrawn boxes when the draft was replaced from outside them.
        let generation_now = generation.get();
        view! {
            <For each=drawn_rows key=move |row| (row.id.clone(), generation_now) let:row>
                <MessageEditor row wording generation problems own_ids/>
            </For>
        }
    };
    let file = move || {
        let described = move || {
            problems
                .with(|placed| placed.by_message.len() + placed.elsewhere.len() > 0)
                .then_some("wording-file-problems")
        };
        view! {
            <div class="field">
                <label for="wording-file">{i18n.t(Key::WordingFile)}</label>
                <textarea id="wording-file" class="ftl" rows="18" spellcheck="false"
                    aria-describedby=described
                    prop:value=move || wording.with(|wording| wording.draft.clone())
                    on:input:target=move |ev| {
                        let text = ev.target().value();
                        wording.update(|wording| wording.draft = text);
                    }></textarea>
                <ul class="problems" id="wording-file-problems">
                    {move || problems.with(Placed::all)
                        .iter()
                        .map(|found| view! { <li class="problem">{worded(i18n, found)}</li> })
                        .collect_view()}
                </ul>
            </div>
        }
    };
    let elsewhere = move || {
        problems.with(|placed| {
            placed
                .elsewhere
                .iter()
                .map(|found| view! { <li class="problem">{worded(i18n, found)}</li> })
                .collect_view()
        })
    };
    let status = move || {
        outcome.get().map(|outcome| match outcome {
            Outcome::Saved(CopySaved {
                version: Some(version),
                changed: true,
            }) => {
                let mut args = Args::new();
                args.set("version", i18n::count(version));
                view! { <p class="saved">{i18n.format(Key::WordingSaved, &args)}</p> }.into_any()
            }
            Outcome::Saved(_) => {
                view! { <p class="saved">{i18n.t(Key::WordingUnchanged)}</p> }.into_any()
            }
            Outcome::Refused(findings) => view! {
                <div class="problem">
                    <p>{i18n.t(Key::WordingRefused)}</p>
                    <ul class="problems">
                        {findings.iter().map(|found| view! { <li>{found.worded(i18n)}</li> }).collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
            Outcome::Failed(reason) => {
                let mut args = Args::new();
                args.set("reason", i18n::text(reason));
                view! { <p class="problem">{i18n.format(Key::LoadFailed, &args)}</p> }.into_any()
            }
        })
    };
    let mode = move |file: bool, id: &'static str, label: Key| {
        view! {
            <div class="choice">
                <input id=id type="radio" name="wording-mode"
                    prop:checked=move || whole_file.get() == file
                    on:change=move |_| {
                        whole_file.set(file);
                        generation.update(|count| *count += 1);
                    }/>
                <label for=id>{i18n.t(label)}</label>
            </div>
        }
    };
    let draft_for_preview = Signal::derive(move || wording.with(Wording::layered));
    let kept_api = api.clone();
    let set_aside = Memo::new(move |_| wording.with(Wording::set_aside));
    let set_aside = move || {
        let ids = set_aside.get();
        (!ids.is_empty()).then(|| {
            view! {
                <div class="problem set-aside">
                    <p>{i18n.t(Key::WordingSetAside)}</p>
                    <ul>
                        {ids.into_iter().map(|id| view! { <li><code>{id}</code></li> }).collect_view()}
                    </ul>
                </div>
            }
        })
    };
    // The preview and the history are drawn a task after the editor (each
    // asks the collector, and the preview draws the widget), so the first
    // draw stays one short task (BENCHMARKS.md, "The dashboard in Chromium").
    let later = RwSignal::new(false);
    set_timeout(
        // The editor was closed meanwhile.
        move || later.try_set(true).map_or((), drop),
        Duration::ZERO,
    );
    let beside = move || {
        later.get().then(|| {
            let (kept_api, api, locale) = (kept_api.clone(), api.clone(), locale.clone());
            view! {
                <WordingPreview locale=locale.clone() copy=draft_for_preview>
                    // What becomes of what shoppers type into these prompts.
                    <KeptNote api=kept_api/>
                </WordingPreview>
                <CopyHistory api locale reload=saves.into() on_restored=restored/>
            }
        })
    };
    view! {
        <div class="wording-editor">
            <div class="wording-edit">
                {set_aside}
                <fieldset class="field">
                    <legend>{i18n.t(Key::WordingMode)}</legend>
                    {mode(false, "wording-mode-messages", Key::WordingModeMessages)}
                    {mode(true, "wording-mode-file", Key::WordingModeFile)}
                </fieldset>
                {move || if whole_file.get() {
                    file().into_any()
                } else {
                    view! {
                        <FindBar find counts to_first/>
                        <div class="wording-messages" node_ref=list>{messages}</div>
                        <ul class="problems">{elsewhere}</ul>
                    }
                    .into_any()
                }}
                <div class="actions">
                    <button type="button" class="primary" on:click=save
                        disabled=move || busy.get()>
                        {i18n.t(Key::WordingSave)}
                    </button>
                    <p class="status" role="status">{status}</p>
                </div>
            </div>
            {beside}
        </div>
    }
}

/// One message: its reference and shipped texts, the site's own in a box,
/// a button back to the shipped text, and the checker's findings on it.
#[component]
fn MessageEditor(
    /// The message's texts.
    row: MessageRow,
    /// The wording it edits.
    wording: RwSignal<Wording>,
    /// Bumped when the draft is replaced from outside this box.
    generation: RwSignal<u32>,
    /// The checker's findings, by message id.
    problems: ReadSignal<Placed>,
    /// The ids the draft has text of its own for.
    own_ids: Memo<BTreeSet<String>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let MessageRow {
        id,
        note,
        reference,
        shipped,
        own,
    } = row;
    let box_id = format!("wording-{id}");
    let problem_id = format!("wording-{id}-problems");
    let mine = {
        let id = id.clone();
        move || problems.with(|placed| placed.on(&id))
    };
    let invalid = {
        let mine = mine.clone();
        move || (!mine().is_empty()).then_some("true")
    };
    let has_own = {
        let id = id.clone();
        move || own_ids.with(|ids| ids.contains(&id))
    };
    let edit = {
        let id = id.clone();
        move |text: String| wording.update(|wording| wording.set_message(&id, &text))
    };
    let revert = {
        let id = id.clone();
        move |_| {
            wording.update(|wording| wording.set_message(&id, ""));
            generation.update(|count| *count += 1);
        }
    };
    let revert_label = {
        let id = id.clone();
        move || {
            let mut args = Args::new();
            args.set("id", i18n::text(id.clone()));
            i18n.format(Key::WordingRevertLabel, &args)
        }
    };
    let shipped_text = shipped.clone().unwrap_or_else(|| reference.clone());
    let locale = wording.with_untracked(|wording| wording.locale.clone());
    view! {
        <div class="wording-message" data-id=id.clone()>
            <h3><code>{id.clone()}</code></h3>
            {(!note.is_empty()).then(|| view! { <p class="note" lang=l10n::REFERENCE_LOCALE>{note}</p> })}
            <dl>
                <dt>{i18n.t(Key::WordingReference)}</dt>
                <dd class="reference" lang=l10n::REFERENCE_LOCALE>{reference}</dd>
                <dt>{i18n.t(Key::WordingShipped)}</dt>
                <dd class="shipped" lang=locale.clone() dir="auto">{shipped_text.clone()}</dd>
            </dl>
            <label for=box_id.clone()>{i18n.t(Key::WordingOwn)}</label>
            <textarea id=box_id class="own" rows="2" spellcheck="true" lang=locale dir="auto"
                placeholder=shipped_text
                aria-describedby=problem_id.clone()
                aria-invalid=invalid
                prop:value=own.unwrap_or_default()
                on:input:target=move |ev| edit(ev.target().value())></textarea>
            <ul class="problems" id=problem_id>
                {move || mine().iter().map(|found| view! { <li class="problem">{worded(i18n, found)}</li> }).collect_view()}
            </ul>
            <button type="button" class="revert" on:click=revert
                aria-label=revert_label
                disabled=move || !has_own()>
                {i18n.t(Key::WordingRevert)}
            </button>
        </div>
    }
}
