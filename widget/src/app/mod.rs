//! The whole widget: what it shows (state), and what each action of the
//! shopper, the host page or the collector changes. The view (`crate::view`)
//! draws; this decides.
//!
//! - here: open/close, messages, resolving, settings, locale, reset;
//! - `prompt`: when the satisfaction prompt shows and each of its steps;
//! - `ratings`: 👍/👎 under a message and the reason after a 👎;
//! - `events`: the shopper's clicks, keys and typing, routed to the above.

mod events;
mod prompt;
mod ratings;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use protocol::WidgetConfig;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event};

use crate::conversation::{Conversation, Role};
use crate::csat::CsatFlow;
use crate::feedback::FeedbackReporter;
use crate::host_events::HostEvents;
use crate::i18n::{I18n, Localizer};
use crate::timers::Timer;
use crate::view::dom::{append, find, focus, set_attrs};
use crate::view::panel::PanelParts;
use crate::view::{bubble, composer, l10n, message_list, panel};

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
