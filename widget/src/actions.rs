//! What a click, a host call or a collector answer does to the live widget:
//! the change to `app::State` (decided there, tested natively), then what
//! it implies outside the state: feedback reported, the host told, the
//! idle clock restarted, focus moved.

use std::cell::Cell;
use std::time::Duration;

use leptos::html::{Button, ElementType, Input, Textarea};
use leptos::prelude::*;
use protocol::{CsatMode, Meta, Rating, WidgetConfig};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::app::{Offer, Offered, Reason, ShopperHistory, State};
use crate::chat::{Message, Role};
use crate::csat::{CsatFlow, CsatOutcome, CsatStep};
use crate::feedback::FeedbackReporter;
use crate::host_events::HostEvents;
use crate::i18n::{I18n, Localizer};
use crate::ids::random_id;
use crate::storage;
use crate::timers::Timer;

/// When this browser's shopper last answered or dismissed a prompt (ms
/// since the epoch), for the survey rules' cooldown.
const LAST_ANSWERED_KEY: &str = "csat-answered";

/// Now, in whole ms since the epoch.
fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// What the actions need besides the state.
struct Services {
    /// The widget's root element (where the shopper's focus is checked).
    root: Element,
    /// Where feedback goes, and the host page; neither in a preview.
    reporter: Option<FeedbackReporter>,
    host: Option<HostEvents>,
    i18n: I18n,
    idle_timer: Cell<Option<Timer>>,
}

/// The controls focus moves to, each set by the component that draws it.
#[derive(Clone, Copy)]
pub struct FocusTargets {
    /// The message box (`Composer`).
    pub input: NodeRef<Input>,
    /// The bubble (`Bubble`).
    pub bubble: NodeRef<Button>,
    /// The satisfaction prompt's ✕ (`CsatPrompt`).
    pub csat_close: NodeRef<Button>,
    /// The satisfaction prompt's comment box (`CsatPrompt`).
    pub csat_comment: NodeRef<Textarea>,
}

impl FocusTargets {
    fn new() -> Self {
        Self {
            input: NodeRef::new(),
            bubble: NodeRef::new(),
            csat_close: NodeRef::new(),
            csat_comment: NodeRef::new(),
        }
    }
}

/// The widget's state and everything that changes it: a `Copy` handle that
/// components take from context and capture in their handlers.
#[derive(Clone, Copy)]
pub struct Actions {
    state: RwSignal<State>,
    services: StoredValue<Services, LocalStorage>,
    targets: FocusTargets,
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
            targets: FocusTargets::new(),
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
            targets: FocusTargets::new(),
        }
    }

    /// The controls focus moves to, for the components that draw them.
    pub fn targets(self) -> FocusTargets {
        self.targets
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

    /// Moves focus to `target` once the view has caught up with the state
    /// (and drawn it, if it was not there yet).
    fn focus_after_render<E>(self, target: NodeRef<E>)
    where
        E: ElementType + 'static,
        E::Output: JsCast + Clone + 'static,
    {
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            if let Some(element) = target.get_untracked() {
                let _ = element.unchecked_ref::<HtmlElement>().focus();
            }
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
            self.focus_after_render(self.targets.input);
            if let Some(mode) = self.state.try_update(State::reveal_waiting_csat).flatten() {
                self.mark_offered(mode);
            }
        } else if focus_was_inside {
            self.focus_after_render(self.targets.bubble);
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
        self.focus_after_render(self.targets.bubble);
    }

    /// Appends a message (refusing malformed or reused ids, with the reason).
    pub fn add_message(self, message: Message) -> Result<(), String> {
        self.state
            .try_update(|state| state.add_message(message))
            .unwrap_or_else(|| Err("addMessage: the widget is gone".to_string()))?;
        self.restart_idle_timer();
        Ok(())
    }

    /// The host page's context for this conversation and the next
    /// (`setContext`), sent with the satisfaction events.
    pub fn set_context(self, context: Meta) {
        // Nothing shows it, so nothing is told.
        self.state
            .update_untracked(|state| state.chat.context = context);
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
        if self
            .add_message(Message::new(id.clone(), Role::User, text))
            .is_err()
        {
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

    /// The host ended the conversation; offers the prompt if due, opening
    /// the panel.
    pub fn resolve(self) {
        self.end(Offer::OpenPanel);
    }

    /// Ends the conversation; offers the prompt if due, `how`.
    fn end(self, how: Offer) {
        self.state.update(State::resolve);
        self.cancel_idle_timer();
        self.offer_csat_if_due(how);
    }

    /// The site's settings have arrived (after the host's `resolve()`, if
    /// it came first: idle auto-end needs them).
    pub fn set_settings(self, settings: WidgetConfig) {
        self.state.update(|state| state.settings = Some(settings));
        self.offer_csat_if_due(Offer::OpenPanel);
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
        let Some(feedback) = self
            .state
            .try_update(|state| state.rate(message_id, clicked))
            .flatten()
        else {
            return;
        };
        let conversation_id = self.conversation_id();
        self.report(|reporter| reporter.thumb(&conversation_id, feedback));
    }

    /// The reason form under `message_id` was sent with `answer`, or
    /// skipped (`None`, keeping the plain 👎). Focus, which was on the
    /// form's button, goes back to `thumb_down`, the 👎 that opened it.
    pub fn reason(self, message_id: &str, answer: Option<Reason>, thumb_down: NodeRef<Button>) {
        let was_open = self
            .state
            .try_update(|state| state.chat.close_reason(message_id))
            .unwrap_or(false);
        if was_open {
            self.focus_after_render(thumb_down);
        }
        let explained = answer
            .filter(|_| was_open)
            .and_then(|reason| self.with_now(|state| state.explained(message_id, reason)));
        if let Some(feedback) = explained {
            let conversation_id = self.conversation_id();
            self.report(|reporter| reporter.thumb(&conversation_id, feedback));
        }
    }

    /// Offers the satisfaction prompt once the conversation has resolved,
    /// the site's settings say so and its survey rules ask this
    /// conversation, once per conversation (remembered across reloads).
    /// Focus stays where it is: the shopper may be typing in the page or
    /// in the message box. A prompt waiting behind the closed panel is
    /// offered when the shopper opens it.
    fn offer_csat_if_due(self, how: Offer) {
        let history = ShopperHistory {
            last_answered_ms: storage::get(LAST_ANSWERED_KEY).and_then(|ms| ms.parse().ok()),
            now_ms: now_ms(),
        };
        let Some(due) = self.with_now(|state| state.csat_due(history)) else {
            return;
        };
        if storage::get(&self.offered_key()).is_some() {
            return;
        }
        let mode = match due {
            Ok(mode) => mode,
            Err(skip) => {
                // The host may log why no prompt showed.
                self.host_emit(
                    "csat-skipped",
                    &[
                        ("conversationId", self.conversation_id().into()),
                        ("rule", skip.as_str().into()),
                    ],
                );
                return;
            }
        };
        match self.state.try_update(|state| state.offer_csat(mode, how)) {
            Some(Offered::Waiting) | None => {}
            Some(offered) => {
                if offered == Offered::Opened {
                    self.host_emit("open", &[]);
                }
                self.mark_offered(mode);
            }
        }
    }

    /// Where "this conversation was offered the prompt" is remembered.
    fn offered_key(self) -> String {
        format!("csat-offered:{}", self.conversation_id())
    }

    /// The prompt is in front of the shopper: remembered, and reported.
    fn mark_offered(self, mode: CsatMode) {
        storage::set(&self.offered_key(), "1");
        let conversation_id = self.conversation_id();
        let about = self.with_now(|state| state.chat.about());
        self.report(|reporter| reporter.csat_offered(&conversation_id, mode, about));
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
        match step {
            CsatStep::Comment { .. } => self.focus_after_render(self.targets.csat_comment),
            _ => self.focus_after_render(self.targets.csat_close),
        }
        self.report_csat(mode, outcome);
    }

    /// Reports an answer or a dismissal, and remembers when it was (the
    /// survey rules' cooldown counts from it).
    fn report_csat(self, mode: CsatMode, outcome: CsatOutcome) {
        storage::set(LAST_ANSWERED_KEY, &now_ms().to_string());
        let conversation_id = self.conversation_id();
        let about = self.with_now(|state| state.chat.about());
        self.report(|reporter| reporter.csat(&conversation_id, mode, outcome, about));
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
        self.focus_after_render(self.targets.input);
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
                self.end(Offer::InPlace);
            });
            self.services
                .with_value(|services| services.idle_timer.set(timer));
        }
    }
}
