//! Events the widget tells the host page about (`FeedbackBubble.on(...)`).

use serde_json::Value;
use wasm_bindgen::JsValue;

/// Calls the loader's `emit(name, detail)`, which runs the host's listeners.
#[derive(Clone)]
pub struct HostEvents {
    emit: js_sys::Function,
}

impl HostEvents {
    /// Wraps the loader's emit function.
    pub fn new(emit: js_sys::Function) -> Self {
        Self { emit }
    }

    /// Tells the host that `name` happened, with `detail` as a plain object.
    pub fn emit(&self, name: &str, detail: &Value) {
        let detail = js_sys::JSON::parse(&detail.to_string()).unwrap_or(JsValue::NULL);
        // A throwing host listener must not break the widget.
        if let Err(err) = self
            .emit
            .call2(&JsValue::NULL, &JsValue::from_str(name), &detail)
        {
            web_sys::console::warn_2(
                &format!("a FeedbackBubble.on({name:?}) listener threw:").into(),
                &err,
            );
        }
    }
}
