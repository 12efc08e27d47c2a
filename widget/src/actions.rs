//! What a click, a host call or a collector answer does to the live widget:
//! the change to `app::State` (decided there, tested natively), then what
//! it implies outside the state: feedback reported, the host told, the
//! idle clock restarted, focus moved.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;
use protocol::{CsatMode, Rating, WidgetConfig};
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::app::State;
use crate::chat::Role;
use crate::csat::{CsatFlow, CsatOutcome, CsatStep};
use crate::feedback::FeedbackReporter;
use crate::host_events::HostEvents;
use crate::i18n::{I18n, Localizer};
use crate::ids::random_id;
use crate::storage;
use crate::timers::Timer;

/// What the actions need besides the state.
struct Services {
    /// The widget's root element (focus moves are looked up under it).
    root: Element,
    /// Where feedback goes, and the host page; neither in a preview.
    reporter: Option<FeedbackReporter>,
    host: Option<HostEvents>,
    i18n: I18n,
    idle_timer: Cell<Option<Timer>>,
}

/// The widget's state and everything that changes it: a `Copy` handle that
/// components take from context and capture in their handlers.
#[derive(Clone, Copy)]
pub struct Actions {
    state: RwSignal<State>,
    services: StoredValue<Services, LocalStorage>,
}

/// Whether keyboard focus is on something under `root` (in its shadow
/// root, where the widget lives, or in the page for a test's plain root).
fn focus_is_under(root: &Element) -> bool {
    let active = match root.get_root_node().dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => root.owner_document().and_then(|page| page.active_element()),
    };
    active.is_some_and(|active| root.contains(Some(&active)))
}

/// The 👎 under message `message_id`, under `root`.
fn thumb_down(root: &Element, message_id: &str) -> Option<web_sys::HtmlElement> {
    let messages = root.query_selector_all("[data-message-id]").ok()?;
    (0..messages.length())
        .filter_map(|at| messages.item(at)?.dyn_into::<Element>().ok())
        .find(|message| message.get_attribute("data-message-id").as_deref() == Some(message_id))?
        .query_selector(&format!(
            ".fb-thumb[data-rating=\"{}\"]",
            Rating::Down.as_str()
        ))
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// The element under `root` matching `selector`, focused.
fn focus(root: &Element, selector: &str) {
    if let Some(element) = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

impl Actions {
    /// The actions of a widget drawn into `root`, with an empty, closed
    /// conversation `conversation_id`.
    pub fn new(
        root: Element,
        i18n: I18n,
        reporter: FeedbackReporter,
        host: HostEvents,
        conversation_id: String,
    ) -> Self {
        Self {
            state: RwSignal::new(State::new(conversation_id)),
            services: StoredValue::new_local(Services {
                root,
                reporter: Some(reporter),
                host: Some(host),
                i18n,
                idle_timer: Cell::new(None),
            }),
        }
    }

    /// The actions of a preview drawn into `root` showing `state`: clicks
    /// change what it shows, and nothing is sent or told to anyone.
    pub fn preview(root: Element, i18n: I18n, state: State) -> Self {
        Self {
            state: RwSignal::new(state),
            services: StoredValue::new_local(Services {
                root,
                reporter: None,
                host: None,
                i18n,
                idle_timer: Cell::new(None),
            }),
        }
    }

    /// Shows `state` instead of what shows now (a preview's scene).
    pub fn show(self, state: State) {
        self.state.set(state);
    }

    /// Reads the state (tracked: a view that reads it is redrawn when
    /// what it read changes).
    pub fn with<R>(self, read: impl FnOnce(&State) -> R) -> R {
        self.state.with(read)
    }

    /// Reads the state now (untracked).
    pub fn with_now<R>(self, read: impl FnOnce(&State) -> R) -> R {
        self.state.with_untracked(read)
    }

    fn host_emit(self, name: &str, fields: &[(&str, wasm_bindgen::JsValue)]) {
        self.services.with_value(|services| {
            if let Some(host) = &services.host {
                host.emit(name, fields);
            }
        });
    }

    fn report(self, report: impl FnOnce(&FeedbackReporter)) {
        self.services.with_value(|services| {
            if let Some(reporter) = &services.reporter {
                report(reporter);
            }
        });
    }

    /// Moves focus to `selector` once the view has caught up with the state.
    fn focus_after_render(self, selector: &'static str) {
        self.after_render(move |root| focus(root, selector));
    }

    /// Runs `then` with the root once the view has caught up with the state.
    fn after_render(self, then: impl FnOnce(&Element) + 'static) {
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            self.services.with_value(|services| then(&services.root));
        });
    }

    /// Whether the shopper's keyboard focus is in the widget.
    fn has_focus(self) -> bool {
        self.services
            .try_with_value(|services| focus_is_under(&services.root))
            .unwrap_or(false)
    }

    /// The conversation feedback is filed under.
    pub fn conversation_id(self) -> String {
        self.with_now(|state| state.chat.id.clone())
    }

    /// Opens or closes the panel; tells the host when that changes it. An
    /// opened panel puts focus in the message box; closing it while focus
    /// was inside gives focus back to the bubble (else the focused control
    /// would vanish and leave the shopper at the top of the page).
    pub fn set_open(self, open: bool) {
        let focus_was_inside = !open && self.has_focus();
        if !self
            .state
            .try_update(|state| state.set_open(open))
            .unwrap_or(false)
        {
            return;
        }
        if open {
            self.focus_after_render("#fb-input");
        } else if focus_was_inside {
            self.focus_after_render(".fb-bubble");
        }
        self.host_emit(if open { "open" } else { "close" }, &[]);
    }

    /// Opens the panel if closed, closes it if open.
    pub fn toggle(self) {
        let open = self.with_now(|state| state.open);
        self.set_open(!open);
    }

    /// Closes the panel and gives focus back to the bubble.
    pub fn close_to_bubble(self) {
        self.set_open(false);
        self.focus_after_render(".fb-bubble");
    }

    /// Appends a message (refusing malformed or reused ids, with the reason).
    pub fn add_message(self, id: &str, role: Role, text: &str) -> Result<(), String> {
        self.state
            .try_update(|state| state.add_message(id, role, text))
            .unwrap_or_else(|| Err("addMessage: the widget is gone".to_string()))?;
        self.restart_idle_timer();
        Ok(())
    }

    /// The shopper sent `typed` from the message box; whether it was taken
    /// (blank text is not).
    pub fn send_typed(self, typed: &str) -> bool {
        let text = typed.trim();
        if text.is_empty() {
            return false;
        }
        let id = random_id("m_");
        // A fresh random id cannot collide or be malformed.
        if self.add_message(&id, Role::User, text).is_err() {
            return false;
        }
        self.host_emit(
            "send",
            &[
                ("conversationId", self.conversation_id().into()),
                ("messageId", id.into()),
                ("text", text.into()),
            ],
        );
        true
    }

    /// Ends the conversation; offers the prompt if due.
    pub fn resolve(self) {
        self.state.update(State::resolve);
        self.cancel_idle_timer();
        self.offer_csat_if_due();
    }

    /// The site's settings have arrived.
    pub fn set_settings(self, settings: WidgetConfig) {
        self.state.update(|state| state.settings = Some(settings));
        self.offer_csat_if_due();
        self.restart_idle_timer();
    }

    /// Rewords everything in `localizer`'s locale, in place.
    pub fn set_locale(self, localizer: Localizer) {
        self.services
            .with_value(|services| services.i18n.set(localizer));
    }

    /// Starts conversation `id` afresh: no messages, not resolved, no prompt.
    pub fn reset(self, id: String) {
        self.cancel_idle_timer();
        self.state.update(|state| state.reset(id));
    }

    /// A 👍/👎 clicked under message `message_id`.
    pub fn thumb(self, message_id: &str, clicked: Rating) {
        let Some(rating) = self
            .state
            .try_update(|state| state.rate(message_id, clicked))
            .flatten()
        else {
            return;
        };
        let conversation_id = self.conversation_id();
        self.report(|reporter| {
            reporter.thumb(&conversation_id, message_id, rating, None, Vec::new());
        });
    }

    /// The reason form under `message_id` was sent with `answer` (tags and
    /// comment), or skipped (`None`, keeping the plain 👎). Focus, which was
    /// on the form's button, goes back to the 👎 that opened it.
    pub fn reason(self, message_id: &str, answer: Option<(Vec<String>, Option<String>)>) {
        let was_open = self
            .state
            .try_update(|state| state.chat.close_reason(message_id))
            .unwrap_or(false);
        if was_open {
            let message_id = message_id.to_string();
            self.after_render(move |root| {
                if let Some(thumb) = thumb_down(root, &message_id) {
                    let _ = thumb.focus();
                }
            });
        }
        if let (true, Some((tags, reason))) = (was_open, answer) {
            let conversation_id = self.conversation_id();
            self.report(|reporter| {
                reporter.thumb(&conversation_id, message_id, Rating::Down, reason, tags);
            });
        }
    }

    /// Offers the satisfaction prompt once the conversation has resolved
    /// and the site's settings say so, once per conversation (remembered
    /// across reloads). It opens the panel but leaves focus where it is: the
    /// shopper may be typing in the page or in the message box.
    fn offer_csat_if_due(self) {
        let Some(mode) = self.with_now(State::csat_due) else {
            return;
        };
        let conversation_id = self.conversation_id();
        let offered_key = format!("csat-offered:{conversation_id}");
        if storage::get(&offered_key).is_some() {
            return;
        }
        storage::set(&offered_key, "1");
        let opened = self
            .state
            .try_update(|state| state.offer_csat(mode))
            .unwrap_or(false);
        if opened {
            self.host_emit("open", &[]);
        }
        self.report(|reporter| reporter.csat_offered(&conversation_id, mode));
    }

    /// Applies a step of the prompt, reports it and moves focus onto the
    /// new step.
    fn csat_step(self, change: impl FnOnce(&mut CsatFlow) -> Option<CsatOutcome>) {
        let Some((mode, outcome, step)) = self
            .state
            .try_update(|state| state.csat_step(change))
            .flatten()
        else {
            return;
        };
        self.focus_after_render(match step {
            CsatStep::Comment { .. } => "#fb-csat-comment",
            _ => ".fb-csat-close",
        });
        self.report_csat(mode, outcome);
    }

    fn report_csat(self, mode: CsatMode, outcome: CsatOutcome) {
        let conversation_id = self.conversation_id();
        self.report(|reporter| reporter.csat(&conversation_id, mode, outcome));
    }

    /// A score picked on the prompt (thumbs: 5 or 1).
    pub fn csat_pick(self, score: u8) {
        self.csat_step(|flow| flow.pick(score));
    }

    /// The prompt's comment step submitted with `comment`.
    pub fn csat_submit(self, comment: &str) {
        self.csat_step(|flow| flow.submit(comment));
    }

    /// Closes the prompt, reporting a dismissal if it was unanswered.
    pub fn close_csat(self) {
        let report = self.state.try_update(State::close_csat).flatten();
        self.focus_after_render("#fb-input");
        if let Some((mode, outcome)) = report {
            self.report_csat(mode, outcome);
        }
    }

    fn cancel_idle_timer(self) {
        self.services.with_value(|services| {
            if let Some(timer) = services.idle_timer.take() {
                timer.cancel();
            }
        });
    }

    /// Idle auto-end: a conversation quiet for the site's
    /// `idle_end_seconds` resolves by itself (each new message restarts
    /// the clock).
    fn restart_idle_timer(self) {
        self.cancel_idle_timer();
        if let Some(seconds) = self.with_now(State::idle_end_seconds) {
            let timer = Timer::start(Duration::from_secs(u64::from(seconds)), move || {
                self.services
                    .with_value(|services| services.idle_timer.set(None));
                self.resolve();
            });
            self.services
                .with_value(|services| services.idle_timer.set(timer));
        }
    }
}
