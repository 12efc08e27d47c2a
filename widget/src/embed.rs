//! The wasm entry the loader (`loader/widget.js`) calls: mounts the widget
//! into the loader's shadow root and hands back the handle behind the
//! `FeedbackBubble` JS API.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

use crate::actions::Actions;
use crate::chat::{HostField, Message, Role};
use crate::collector::Collector;
use crate::feedback::FeedbackReporter;
use crate::host_events::HostEvents;
use crate::i18n::{I18n, Localizer};
use crate::ids::random_id;
use crate::outbox::Outbox;
use crate::storage;
use crate::styles;
use crate::timers;
use crate::view;
use leptos::prelude::Set;

/// Reads a string property of a JS object; `None` when absent or empty.
fn string_field(object: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .and_then(|value| value.as_string())
        .filter(|value| !value.trim().is_empty())
}

/// The field `name` of an object the host page passed, for
/// [`Message::from_host`] and `setContext`. Of a plain object it reads at
/// most [`protocol::meta::MAX_META_KEYS`] + 1 entries: enough to refuse
/// one too many.
fn host_field(object: &JsValue, name: &str) -> HostField {
    let value = js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or_default();
    host_value(&value)
}

/// What `value` is, as [`HostField`] reads it.
fn host_value(value: &JsValue) -> HostField {
    if value.is_undefined() {
        return HostField::Absent;
    }
    if let Some(text) = value.as_string() {
        return HostField::Text(text);
    }
    if value.is_null() {
        return HostField::Other("null");
    }
    if js_sys::Array::is_array(value) {
        return HostField::Other("an array");
    }
    if !value.is_object() || value.is_function() {
        return HostField::Other(kind_of(value));
    }
    let keys = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
    let entries = keys
        .iter()
        .take(protocol::meta::MAX_META_KEYS + 1)
        .map(|key| {
            let entry = js_sys::Reflect::get(value, &key).unwrap_or_default();
            let input = match entry.as_f64() {
                Some(number) => protocol::MetaInput::Number(number),
                None => match entry.as_string() {
                    Some(text) => protocol::MetaInput::Text(text),
                    None => protocol::MetaInput::Other(kind_of(&entry)),
                },
            };
            (key.as_string().unwrap_or_default(), input)
        })
        .collect();
    HostField::Object(entries)
}

/// A JS value's kind, as a refusal names it.
fn kind_of(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if js_sys::Array::is_array(value) {
        "an array"
    } else if value.is_function() {
        "a function"
    } else if value.is_object() {
        "an object"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.is_undefined() {
        "undefined"
    } else {
        "a bigint or a symbol"
    }
}

/// A refusal of a JS API call: a `TypeError`, which the loader logs.
fn type_error(problem: &str) -> JsValue {
    js_sys::TypeError::new(problem).into()
}

/// What the loader read from the `<script>` tag's data attributes.
struct Options {
    site_key: String,
    endpoint: String,
    locale: Option<String>,
    /// `waiting()`: whether the shopper clicked and waits for the panel.
    waiting: Option<js_sys::Function>,
}

impl Options {
    fn read(options: &JsValue) -> Result<Self, JsError> {
        let site_key = string_field(options, "site").ok_or_else(|| {
            JsError::new(
                "FeedbackBubble: the script tag needs data-site=\"pk_...\" (your site key)",
            )
        })?;
        protocol::ids::check_id("data-site", &site_key)
            .map_err(|err| JsError::new(&format!("FeedbackBubble: {}", err.message)))?;
        let endpoint = string_field(options, "endpoint").ok_or_else(|| {
            JsError::new("FeedbackBubble: the script tag needs data-endpoint=\"https://...\" (the collector)")
        })?;
        if !(endpoint.starts_with("https://") || endpoint.starts_with("http://")) {
            return Err(JsError::new(&format!(
                "FeedbackBubble: data-endpoint must be an http(s) URL, not {endpoint:?}"
            )));
        }
        Ok(Self {
            site_key,
            endpoint,
            locale: string_field(options, "locale"),
            waiting: js_sys::Reflect::get(options, &JsValue::from_str("waiting"))
                .ok()
                .and_then(|waiting| waiting.dyn_into().ok()),
        })
    }

    /// Lets the browser run between two steps of the app's start, so no
    /// step is a long task on the host page (Lighthouse's Total Blocking
    /// Time) — unless the shopper clicked and waits for the panel.
    async fn pause(&self) {
        let waiting = self
            .waiting
            .as_ref()
            .and_then(|waiting| waiting.call0(&JsValue::NULL).ok())
            .and_then(|answer| answer.as_bool())
            .unwrap_or(false);
        if !waiting {
            timers::next_task().await;
        }
    }
}

/// The shopper's preferred languages: the site's choice first, then the browser's.
fn requested_locales(site_choice: Option<String>) -> Vec<String> {
    let browser: Vec<String> = web_sys::window()
        .map(|window| window.navigator().languages())
        .map(|languages| languages.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default();
    site_choice.into_iter().chain(browser).collect()
}

/// The handle behind `window.FeedbackBubble` once the app has loaded.
#[wasm_bindgen]
pub struct Widget {
    actions: Actions,
    site_key: String,
    collector: Collector,
    /// Counts `setLocale` calls, so a slow answer for an earlier one never
    /// overwrites a later choice.
    locale_requests: Rc<Cell<u32>>,
}

/// The copy for the shopper's `requested` locales, in one request: the
/// collector negotiates against what it ships and layers the site's own
/// wording in (and makes a pseudo-locale asked for first). The
/// compiled-in en-US stands in when the collector does not answer.
async fn load_localizer(collector: &Collector, requested: &[String]) -> Localizer {
    match collector.best_copy(requested).await {
        Some((tag, ftl, version)) => Localizer::new(&tag, Some(&ftl)).with_copy_version(version),
        None => Localizer::reference(),
    }
}

/// The stored conversation id of `site_key`, or a new one (always new when
/// `fresh`).
fn conversation_id(site_key: &str, fresh: bool) -> String {
    let key = format!("conversation:{site_key}");
    storage::get(&key)
        .filter(|id| !fresh && protocol::ids::check_id("conversation", id).is_ok())
        .unwrap_or_else(|| {
            let id = random_id("c_");
            storage::set(&key, &id);
            id
        })
}

#[wasm_bindgen]
impl Widget {
    /// Opens the panel.
    pub fn open(&self) {
        self.actions.set_open(true);
    }

    /// Closes the panel.
    pub fn close(&self) {
        self.actions.set_open(false);
    }

    /// Opens the panel if closed, closes it if open.
    pub fn toggle(&self) {
        self.actions.toggle();
    }

    /// Appends `{id, role: "assistant" | "agent" | "user", text, meta?}` to
    /// the conversation; a `TypeError` naming the field refuses anything
    /// else.
    #[wasm_bindgen(js_name = addMessage)]
    pub fn add_message(&self, message: JsValue) -> Result<(), JsValue> {
        let message =
            Message::from_host(|name| host_field(&message, name)).map_err(|p| type_error(&p))?;
        self.actions
            .add_message(message)
            .map_err(|problem| type_error(&problem))
    }

    /// Sets the conversation's context (`{variant: "b", channel: "web"}`,
    /// under the rules of a message's `meta`), sent with the satisfaction
    /// events of this conversation and the next, until set again; `{}`
    /// clears it. A `TypeError` naming the key refuses anything else and
    /// keeps the context there was.
    #[wasm_bindgen(js_name = setContext)]
    pub fn set_context(&self, context: JsValue) -> Result<(), JsValue> {
        let HostField::Object(entries) = host_value(&context) else {
            return Err(type_error("setContext: the context must be a flat object"));
        };
        let context = protocol::Meta::from_entries("context", entries)
            .map_err(|refused| type_error(&format!("setContext: {}", refused.message)))?;
        self.actions.set_context(context);
        Ok(())
    }

    /// Ends the conversation: adds the optional final `utterance` from the
    /// assistant, then offers the satisfaction prompt if the site enables it
    /// and this conversation has not had it yet.
    pub fn resolve(&self, options: JsValue) -> Result<(), JsError> {
        if let Some(text) = string_field(&options, "utterance") {
            self.actions
                .add_message(Message::new(random_id("m_end_"), Role::Assistant, text))
                .map_err(|problem| JsError::new(&problem))?;
        }
        self.actions.resolve();
        Ok(())
    }

    /// Shows the widget in `tag` (negotiated against the collector's
    /// locales, then the browser's languages, then en-US).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, tag: String) {
        let requested = requested_locales(Some(tag));
        let collector = self.collector.clone();
        let actions = self.actions;
        let counter = Rc::clone(&self.locale_requests);
        let this_request = counter.get().wrapping_add(1);
        counter.set(this_request);
        wasm_bindgen_futures::spawn_local(async move {
            let localizer = load_localizer(&collector, &requested).await;
            if counter.get() == this_request {
                actions.set_locale(localizer);
            }
        });
    }

    /// Starts a new conversation: no messages, not resolved, a new id (so
    /// the satisfaction prompt may be offered again).
    pub fn reset(&self) {
        self.actions.reset(conversation_id(&self.site_key, true));
    }

    /// The id feedback is filed under.
    #[wasm_bindgen(getter, js_name = conversationId)]
    pub fn conversation_id(&self) -> String {
        self.actions.conversation_id()
    }
}

/// Flushes the outbox when the browser comes back online, and hands it to
/// `sendBeacon` when the page goes away. Both listeners are passive and
/// only ever touch the widget's own queue.
fn watch_page_lifecycle(outbox: &Rc<Outbox>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let online = {
        let outbox = Rc::clone(outbox);
        Closure::<dyn Fn()>::new(move || outbox.schedule(std::time::Duration::ZERO))
    };
    let pagehide = {
        let outbox = Rc::clone(outbox);
        Closure::<dyn Fn()>::new(move || outbox.beacon())
    };
    let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("pagehide", pagehide.as_ref().unchecked_ref());
    // The widget lives as long as the page.
    online.forget();
    pagehide.forget();
}

/// Mounts the widget into `root` with the script tag's `options`
/// (`{site, endpoint, locale?}`), once its copy has arrived (so no English
/// flashes before the shopper's language); `emit(name, detail)` tells the
/// host page.
#[wasm_bindgen]
pub async fn mount(
    root: ShadowRoot,
    options: JsValue,
    emit: js_sys::Function,
) -> Result<Widget, JsError> {
    // A bug must say what it is in the console, not just "unreachable".
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("FeedbackBubble crashed: {info}").into());
    }));
    let options = Options::read(&options)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsError::new("FeedbackBubble: no document to mount into"))?;
    let collector = Collector::new(&options.endpoint, &options.site_key);
    let localizer = load_localizer(&collector, &requested_locales(options.locale.clone())).await;
    options.pause().await;

    let container: web_sys::HtmlElement = document
        .create_element("div")
        .ok()
        .and_then(|element| element.dyn_into().ok())
        .ok_or_else(|| JsError::new("FeedbackBubble: cannot create the widget root"))?;
    container.set_class_name("fb-root");
    styles::adopt(&root, &document)
        .map_err(|problem| JsError::new(&format!("FeedbackBubble: {problem}")))?;
    root.append_child(&container)
        .map_err(|_| JsError::new("FeedbackBubble: cannot attach to the shadow root"))?;

    let host = HostEvents::new(emit);
    let outbox = Outbox::new(collector.clone());
    // Whatever an earlier page left undelivered goes now.
    outbox.schedule(std::time::Duration::ZERO);
    watch_page_lifecycle(&outbox);
    let i18n = I18n::new(localizer);
    let reporter = FeedbackReporter::new(outbox, i18n, host.clone());
    // The conversation goes on across reloads until the host resets it.
    let conversation = conversation_id(&options.site_key, false);
    let actions = Actions::new(container.clone().into(), i18n, reporter, host, conversation);
    // The start is split into short main-thread tasks (the copy parsed,
    // the services set up, the panel drawn, the bubble drawn); the loader
    // swaps its stub for the bubble in the last one.
    options.pause().await;
    let bubble = view::mount(container, actions, i18n);
    options.pause().await;
    bubble.set(true);
    {
        let collector = collector.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(settings) = collector.settings().await {
                actions.set_settings(settings);
            }
        });
    }
    Ok(Widget {
        actions,
        site_key: options.site_key,
        collector,
        locale_requests: Rc::new(Cell::new(0)),
    })
}
