//! Building the widget's elements with plain DOM calls. The widget is a
//! dozen elements; a framework would cost more bytes than it saves lines
//! (README, "Choices worth knowing").

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// The page's document.
pub fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// A `tag` element with `attrs` (names and values are the widget's own
/// constants or values it has checked, so setting them cannot fail).
pub fn h(tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let element = document()?.create_element(tag)?;
    set_attrs(&element, attrs);
    Ok(element)
}

/// Like [`h`], holding `text` as a text node (never parsed as HTML).
pub fn h_text(tag: &str, attrs: &[(&str, &str)], text: &str) -> Result<Element, JsValue> {
    let element = h(tag, attrs)?;
    element.set_text_content(Some(text));
    Ok(element)
}

/// Sets each of `attrs` on `element`.
pub fn set_attrs(element: &Element, attrs: &[(&str, &str)]) {
    for (name, value) in attrs {
        let _ = element.set_attribute(name, value);
    }
}

/// Appends `children` to `parent`, in order.
pub fn append(parent: &Element, children: &[&Element]) {
    for child in children {
        let _ = parent.append_child(child);
    }
}

/// `"true"` or `"false"`, as ARIA state attributes spell them.
pub fn flag(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

/// The first element under `root` matching `selector`.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element under `root` matching `selector`.
pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|at| list.item(at))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<Element>(node).ok())
        .collect()
}

/// Moves keyboard focus to `element`.
pub fn focus(element: &Element) {
    if let Some(element) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(element) {
        let _ = element.focus();
    }
}
