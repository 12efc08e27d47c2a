//! What the browser tests share: a container on the page and a widget
//! mounted into it, reporting to a collector nobody listens on.
#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use std::cell::RefCell;
use std::rc::Rc;

use crate::actions::Actions;
use crate::collector::Collector;
use crate::feedback::FeedbackReporter;
use crate::host_events::HostEvents;
use crate::i18n::{I18n, Localizer};
use crate::outbox::Outbox;
use leptos::prelude::Set;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

/// A fresh `<div>` in the page's body.
pub fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    container
}

/// The first element under `root` matching `selector`.
pub fn element(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap()
}

/// What the widget told the host: `(event name, detail as JSON)`.
pub type Told = Rc<RefCell<Vec<(String, String)>>>;

/// Lets the view catch up with the state (Leptos redraws in a task of
/// its own, queued before this one).
pub async fn settle() {
    leptos::task::tick().await;
    leptos::task::tick().await;
}

/// The widget mounted into a fresh container, in en-US, and every event
/// it tells the host.
pub fn mounted() -> (Actions, HtmlElement, Told) {
    let container = container();
    let told = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&told);
    let emit = Closure::<dyn Fn(JsValue, JsValue)>::new(move |name: JsValue, detail: JsValue| {
        let detail = js_sys::JSON::stringify(&detail)
            .unwrap()
            .as_string()
            .unwrap();
        sink.borrow_mut().push((name.as_string().unwrap(), detail));
    })
    .into_js_value()
    .unchecked_into::<js_sys::Function>();
    let host = HostEvents::new(emit);
    let i18n = I18n::new(Localizer::reference());
    let outbox = Outbox::new(Collector::new("http://127.0.0.1:9", "pk_browser_test"));
    let reporter = FeedbackReporter::new(outbox, i18n, host.clone());
    let actions = Actions::new(
        container.clone().into(),
        i18n,
        reporter,
        host,
        "c_browser_test".into(),
    );
    crate::view::mount(container.clone(), actions, i18n).set(true);
    (actions, container, told)
}
