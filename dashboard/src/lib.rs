//! The site owners' dashboard, served by the collector at `/dashboard/`:
//! Analyze → Overview (the CSAT chart, message feedback, the survey's
//! figures), the Conversations inbox filtered by feedback with export, and
//! Recommendations → knowledge gaps, Settings, and Wording (the widget's
//! copy per locale, checked as typed, previewed with the widget's own
//! components, with its saved versions). Every number comes from the
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
pub mod wording;

use wasm_bindgen::prelude::*;

/// Mounts the dashboard on the page's body.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("dashboard crashed: {info}").into());
    }));
    leptos::mount::mount_to_body(components::app::App);
}
