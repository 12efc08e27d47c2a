//! The site owners' dashboard, served by the collector at `/dashboard/`:
//! Analyze → Overview (the CSAT chart, message feedback, the survey's
//! figures), the Conversations inbox filtered by feedback with export, and
//! Recommendations → knowledge gaps, Settings, and Wording (the widget's
//! copy per locale; the editor is a second wasm, `wording-editor`, which
//! this one fetches when the section opens). Every number comes from the
//! collector's API; every word from `locales/*/dashboard.ftl`.

pub mod api;
pub mod chart;
pub mod components;
pub mod i18n;
pub mod intl;
pub mod keys;
pub mod period;
pub mod refresh;
pub mod route;
pub mod session;
pub mod settings_form;
pub mod wording_editor;

#[cfg(feature = "app")]
use wasm_bindgen::prelude::*;

/// Mounts the dashboard on the page's body. From `start.js`, which knows
/// the built files' names: `load_wording_editor` fetches the Wording
/// editor's wasm and resolves to its module; `prefetch_wording_editor`
/// only fetches its files into the HTTP cache.
#[cfg(feature = "app")]
#[wasm_bindgen]
pub fn run(load_wording_editor: js_sys::Function, prefetch_wording_editor: js_sys::Function) {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("dashboard crashed: {info}").into());
    }));
    wording_editor::set_loader(wording_editor::Loader {
        load: load_wording_editor,
        prefetch: prefetch_wording_editor,
    });
    leptos::mount::mount_to_body(components::app::App);
}
