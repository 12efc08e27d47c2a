//! The whole widget: what it shows (state), and what each action of the
//! shopper, the host page or the collector changes. The view (`crate::view`)
//! draws; this decides.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use protocol::{Rating, WidgetConfig};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};

use crate::conversation::{Conversation, Role};
use crate::csat::{CsatFlow, CsatOutcome, CsatStep};
use crate::feedback::FeedbackReporter;
use crate::host_events::HostEvents;
use crate::i18n::{I18n, Localizer};
use crate::ids::random_id;
use crate::storage;
use crate::timers::Timer;
use crate::view::dom::{append, find, focus, set_attrs};
use crate::view::panel::PanelParts;
use crate::view::{
    bubble, comment_box, composer, csat_prompt, l10n, message_list, panel, reason_form, thumbs,
};

/// What the widget shows.
struct State {
    open: bool,
    conversation: Conversation,
    /// The site's settings, once the collector has answered.
    settings: Option<WidgetConfig>,
    /// The host said the conversation is over (`resolve()`), or it idled out.
    resolved: bool,
    /// The satisfaction prompt, while it shows.
    csat: Option<CsatFlow>,
}

/// The mounted widget.
pub struct App {
    root: Element,
    bubble: Element,
    parts: PanelParts,
    i18n: I18n,
    reporter: FeedbackReporter,
    host: HostEvents,
    state: RefCell<State>,
    idle_timer: Cell<Option<Timer>>,
}

/// The element an event happened on, or the nearest one around it
/// matching `selector`.
fn closest(event: &Event, selector: &str) -> Option<Element> {
    event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|target| target.closest(selector).ok().flatten())
}

/// Sets the widget root's `lang` and `dir` (never the host page's).
pub fn mark_language(root: &Element, i18n: &I18n) {
    set_attrs(
        root,
        &[
            ("lang", &i18n.locale()),
            ("dir", if i18n.is_rtl() { "rtl" } else { "ltr" }),
        ],
    );
}

impl App {
    /// Draws the widget (closed, with an empty conversation
    /// `conversation_id`) into `root` and starts listening to the shopper.
    pub fn mount(
        root: Element,
        i18n: I18n,
        reporter: FeedbackReporter,
        host: HostEvents,
        conversation_id: String,
    ) -> Result<Rc<Self>, JsValue> {
        mark_language(&root, &i18n);
        let parts = panel::render(
            &i18n,
            message_list::render(&i18n)?,
            composer::render(&i18n)?,
        )?;
        let bubble = bubble::render(&i18n)?;
        append(&root, &[&parts.panel, &bubble]);
        let app = Rc::new(Self {
            root,
            bubble,
            parts,
            i18n,
            reporter,
            host,
            state: RefCell::new(State {
                open: false,
                conversation: Conversation::new(conversation_id),
                settings: None,
                resolved: false,
                csat: None,
            }),
            idle_timer: Cell::new(None),
        });
        app.listen();
        Ok(app)
    }

    /// One listener per kind of event on the widget's root, for every
    /// control inside it (the widget lives as long as the page).
    fn listen(self: &Rc<Self>) {
        let on = |kind: &str, handler: fn(&Rc<App>, &Event)| {
            let app = Rc::clone(self);
            let listener = Closure::<dyn Fn(Event)>::new(move |event: Event| handler(&app, &event));
            let _ = self
                .root
                .add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
            listener.forget();
        };
        on("click", App::on_click);
        on("submit", App::on_submit);
        on("input", App::on_input);
        on("change", App::on_change);
        on("keydown", App::on_keydown);
    }

    /// The conversation feedback is filed under.
    pub fn conversation_id(&self) -> String {
        self.state.borrow().conversation.id.clone()
    }

    /// Opens or closes the panel; tells the host when that changes it.
    pub fn set_open(&self, open: bool) {
        if std::mem::replace(&mut self.state.borrow_mut().open, open) == open {
            return;
        }
        if open {
            let _ = self.parts.panel.remove_attribute("hidden");
        } else {
            set_attrs(&self.parts.panel, &[("hidden", "")]);
        }
        bubble::show_open(&self.bubble, &self.i18n, open);
        if open && let Some(input) = find(&self.parts.panel, "#fb-input") {
            focus(&input);
        }
        self.host.emit(if open { "open" } else { "close" }, &[]);
    }

    /// Opens the panel if closed, closes it if open.
    pub fn toggle(&self) {
        let open = self.state.borrow().open;
        self.set_open(!open);
    }

    /// Closes the panel and gives focus back to the bubble.
    fn close_to_bubble(&self) {
        self.set_open(false);
        focus(&self.bubble);
    }

    /// Appends a message to the conversation (refusing malformed or reused
    /// ids, with the reason).
    pub fn add_message(self: &Rc<Self>, id: &str, role: Role, text: &str) -> Result<(), String> {
        {
            let mut state = self.state.borrow_mut();
            let message = state.conversation.add(id, role, text)?;
            message_list::push(&self.parts.log, &self.i18n, message)
                .map_err(|_| "addMessage: the message could not be shown".to_string())?;
        }
        self.restart_idle_timer();
        Ok(())
    }

    /// Ends the conversation; offers the prompt if due.
    pub fn resolve(&self) {
        self.state.borrow_mut().resolved = true;
        self.cancel_idle_timer();
        self.offer_csat_if_due();
    }

    /// The site's settings have arrived.
    pub fn set_settings(self: &Rc<Self>, settings: WidgetConfig) {
        panel::show_title(&self.parts.title, &self.i18n, settings.shop_name.as_deref());
        self.state.borrow_mut().settings = Some(settings);
        self.offer_csat_if_due();
        self.restart_idle_timer();
    }

    /// Rewords everything in `localizer`'s locale, in place.
    pub fn set_locale(&self, localizer: Localizer) {
        self.i18n.set(localizer);
        mark_language(&self.root, &self.i18n);
        l10n::relocalize(&self.root, &self.i18n);
    }

    /// Starts conversation `id` afresh: no messages, not resolved, no prompt.
    pub fn reset(&self, id: String) {
        self.cancel_idle_timer();
        {
            let mut state = self.state.borrow_mut();
            state.conversation = Conversation::new(id);
            state.resolved = false;
            state.csat = None;
        }
        let _ = message_list::clear(&self.parts.log, &self.i18n);
        self.show_csat();
    }

    /// Offers the satisfaction prompt once the conversation has resolved
    /// and the site's settings say so, once per conversation (remembered
    /// across reloads).
    fn offer_csat_if_due(&self) {
        let offer = {
            let mut state = self.state.borrow_mut();
            let mode = match &state.settings {
                Some(settings) if state.resolved && settings.csat_enabled => settings.csat_mode,
                _ => return,
            };
            let offered_key = format!("csat-offered:{}", state.conversation.id);
            if storage::get(&offered_key).is_some() {
                return;
            }
            storage::set(&offered_key, "1");
            state.csat = Some(CsatFlow::offered(mode));
            (state.conversation.id.clone(), mode)
        };
        self.show_csat();
        self.set_open(true);
        self.reporter.csat_offered(&offer.0, offer.1);
    }

    /// Draws the prompt at its current step (removes it when there is none).
    fn show_csat(&self) {
        let section = self
            .state
            .borrow()
            .csat
            .as_ref()
            .map(|flow| csat_prompt::render(&self.i18n, flow));
        let old = find(&self.parts.panel, ".fb-csat");
        match (section, old) {
            (Some(Ok(section)), Some(old)) => {
                let _ = old.replace_with_with_node_1(&section);
            }
            (Some(Ok(section)), None) => {
                let _ = self.parts.composer.before_with_node_1(&section);
            }
            (None, Some(old)) => old.remove(),
            _ => {}
        }
    }

    /// Applies a step of the prompt (`change` returns what to report),
    /// redraws it and moves focus onto the new step.
    fn csat_step(&self, change: impl FnOnce(&mut CsatFlow) -> Option<CsatOutcome>) {
        let report = {
            let mut state = self.state.borrow_mut();
            let conversation_id = state.conversation.id.clone();
            let Some(flow) = state.csat.as_mut() else {
                return;
            };
            change(flow).map(|outcome| (conversation_id, flow.mode, outcome, flow.step))
        };
        let Some((conversation_id, mode, outcome, step)) = report else {
            return;
        };
        self.show_csat();
        let next = match step {
            CsatStep::Comment { .. } => "#fb-csat-comment",
            _ => ".fb-csat-close",
        };
        if let Some(control) = find(&self.parts.panel, next) {
            focus(&control);
        }
        self.reporter.csat(&conversation_id, mode, outcome);
    }

    /// Closes the prompt, reporting a dismissal if it was unanswered.
    fn close_csat(&self) {
        let report = {
            let mut state = self.state.borrow_mut();
            let conversation_id = state.conversation.id.clone();
            state.csat.take().and_then(|flow| {
                flow.close()
                    .map(|outcome| (conversation_id, flow.mode, outcome))
            })
        };
        self.show_csat();
        if let Some(input) = find(&self.parts.panel, "#fb-input") {
            focus(&input);
        }
        if let Some((conversation_id, mode, outcome)) = report {
            self.reporter.csat(&conversation_id, mode, outcome);
        }
    }

    /// A 👍/👎 was clicked under a message.
    fn thumb(&self, button: &Element) {
        let Some(node) = button.closest(".fb-message").ok().flatten() else {
            return;
        };
        let (Some(message_id), Some(clicked)) = (
            node.get_attribute("data-message-id"),
            button
                .get_attribute("data-rating")
                .as_deref()
                .and_then(Rating::parse),
        ) else {
            return;
        };
        let (conversation_id, rating, tags) = {
            let mut state = self.state.borrow_mut();
            let tags = state
                .settings
                .as_ref()
                .map(|settings| settings.reason_tags.clone())
                .unwrap_or_default();
            let Some(message) = state.conversation.message_mut(&message_id) else {
                return;
            };
            message.rating = message.rating.after_click(clicked);
            let rating = message.rating;
            (state.conversation.id.clone(), rating, tags)
        };
        if let Some(group) = find(&node, ".fb-thumbs") {
            thumbs::show(&group, rating);
        }
        // A 👎 asks why when the site offers reasons; anything else stops asking.
        let form = find(&node, ".fb-reason");
        match (rating == Rating::Down && !tags.is_empty(), form) {
            (true, None) => {
                if let Ok(form) = reason_form::render(&self.i18n, &tags) {
                    append(&node, &[&form]);
                }
            }
            (false, Some(form)) => form.remove(),
            _ => {}
        }
        self.reporter
            .thumb(&conversation_id, &message_id, rating, None, Vec::new());
    }

    /// The shopper said why (or skipped, with `send` false).
    fn reason(&self, form: &Element, send: bool) {
        let message_id = form
            .closest(".fb-message")
            .ok()
            .flatten()
            .and_then(|node| node.get_attribute("data-message-id"));
        if let (true, Some(message_id)) = (send, message_id) {
            let (tags, reason) = reason_form::answer(form);
            let conversation_id = self.conversation_id();
            self.reporter
                .thumb(&conversation_id, &message_id, Rating::Down, reason, tags);
        }
        form.remove();
    }

    /// The shopper sent what they typed.
    fn send_typed(self: &Rc<Self>) {
        let Some(input) = find(&self.parts.composer, "#fb-input")
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let typed = input.value();
        let text = typed.trim();
        if text.is_empty() {
            return;
        }
        let id = random_id("m_");
        // A fresh random id cannot collide or be malformed.
        if self.add_message(&id, Role::User, text).is_err() {
            return;
        }
        input.set_value("");
        let conversation_id = self.conversation_id();
        self.host.emit(
            "send",
            &[
                ("conversationId", conversation_id.into()),
                ("messageId", id.into()),
                ("text", text.into()),
            ],
        );
    }

    fn on_click(self: &Rc<Self>, event: &Event) {
        if closest(event, ".fb-bubble").is_some() {
            self.toggle();
        } else if closest(event, ".fb-close").is_some() {
            self.close_to_bubble();
        } else if let Some(button) = closest(event, ".fb-thumb") {
            self.thumb(&button);
        } else if let Some(button) = closest(event, ".fb-reason-tag") {
            reason_form::toggle_tag(&button);
        } else if let Some(form) = closest(event, ".fb-reason-skip")
            .and_then(|skip| skip.closest(".fb-reason").ok().flatten())
        {
            self.reason(&form, false);
        } else if let Some(choice) = closest(event, ".fb-csat-choice") {
            if let Some(score) = choice
                .get_attribute("data-score")
                .and_then(|s| s.parse().ok())
            {
                self.csat_step(|flow| flow.pick(score));
            }
        } else if closest(event, ".fb-csat-close").is_some() {
            self.close_csat();
        }
    }

    fn on_submit(self: &Rc<Self>, event: &Event) {
        event.prevent_default();
        if closest(event, ".fb-composer").is_some() {
            self.send_typed();
        } else if let Some(form) = closest(event, ".fb-reason") {
            self.reason(&form, true);
        } else if let Some(form) = closest(event, ".fb-csat-comment") {
            let comment = csat_prompt::comment_text(&form);
            self.csat_step(|flow| flow.submit(&comment));
        }
    }

    /// Typing in a comment box updates its "characters left".
    fn on_input(self: &Rc<Self>, event: &Event) {
        if let Some(textarea) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlTextAreaElement>().ok())
        {
            comment_box::update(&textarea, &textarea.value(), &self.i18n);
        }
    }

    /// A score picked on the 1–5 scale.
    fn on_change(self: &Rc<Self>, event: &Event) {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
            .filter(|input| input.name() == "fb-csat-score")
        else {
            return;
        };
        if let Ok(score) = input.value().parse() {
            self.csat_step(|flow| flow.pick(score));
        }
    }

    /// Keyboard: Esc closes the panel; Tab and Shift+Tab stay inside it;
    /// on the 1–5 scale the arrow keys move between scores without
    /// answering, and Enter or Space answers with the score in focus.
    fn on_keydown(self: &Rc<Self>, event: &Event) {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if closest(event, ".fb-panel").is_none() {
            return;
        }
        let key = event.key();
        if key == "Escape" {
            event.prevent_default();
            self.close_to_bubble();
        } else if key == "Tab" {
            panel::keep_focus_inside(&self.parts.panel, event);
        } else if let Some(score) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
            .filter(|input| input.name() == "fb-csat-score")
        {
            let rtl = self.i18n.is_rtl();
            let step = match key.as_str() {
                "ArrowDown" => 1,
                "ArrowUp" => -1,
                "ArrowRight" if rtl => -1,
                "ArrowRight" => 1,
                "ArrowLeft" if rtl => 1,
                "ArrowLeft" => -1,
                "Enter" | " " => {
                    event.prevent_default();
                    if let Ok(score) = score.value().parse() {
                        self.csat_step(|flow| flow.pick(score));
                    }
                    return;
                }
                _ => return,
            };
            // The browser would check the next score and fire `change`,
            // which answers: move the selection here instead, quietly.
            event.prevent_default();
            csat_prompt::move_choice(&score, step);
        }
    }

    fn cancel_idle_timer(&self) {
        if let Some(timer) = self.idle_timer.take() {
            timer.cancel();
        }
    }

    /// Idle auto-end: a conversation quiet for the site's
    /// `idle_end_seconds` resolves by itself (each new message restarts
    /// the clock).
    fn restart_idle_timer(self: &Rc<Self>) {
        self.cancel_idle_timer();
        let idle = {
            let state = self.state.borrow();
            let seconds = state.settings.as_ref().and_then(|s| s.idle_end_seconds);
            seconds.filter(|_| !state.conversation.messages.is_empty() && !state.resolved)
        };
        if let Some(seconds) = idle {
            let app = Rc::clone(self);
            let timer = Timer::start(Duration::from_secs(u64::from(seconds)), move || {
                app.idle_timer.set(None);
                app.resolve();
            });
            self.idle_timer.set(timer);
        }
    }
}
