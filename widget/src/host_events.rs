//! Events the widget tells the host page about (`FeedbackBubble.on(...)`).

use wasm_bindgen::JsValue;

/// A plain JS object with `fields`, as the host's listeners receive it.
pub fn detail(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

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

    /// Tells the host that `name` happened, with `fields` as the detail.
    pub fn emit(&self, name: &str, fields: &[(&str, JsValue)]) {
        // A throwing host listener must not break the widget.
        if let Err(err) = self
            .emit
            .call2(&JsValue::NULL, &JsValue::from_str(name), &detail(fields))
        {
            web_sys::console::warn_2(
                &format!("a FeedbackBubble.on({name:?}) listener threw:").into(),
                &err,
            );
        }
    }
}
