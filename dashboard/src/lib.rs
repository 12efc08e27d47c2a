//! The site owners' dashboard, served by the collector at `/dashboard/`:
//! Analyze → Overview (the CSAT chart, message feedback, the survey's
//! figures), the Conversations inbox filtered by feedback with export, and
//! Recommendations → knowledge gaps, Settings, and Wording (the widget's
//! copy per locale). Settings, Wording, Compare and a conversation are
//! wasms of their own (`settings-section`, `wording-editor`,
//! `compare-section`, `conversation-section`), which this one fetches
//! when they open (`section_apps`). Every number comes from the collector's
//! API; every word from `locales/*/dashboard.ftl`.

pub mod api;
pub mod chart;
pub mod components;
pub mod i18n;
pub mod intl;
pub mod keys;
pub mod period;
pub mod refresh;
pub mod refusals;
pub mod route;
pub mod section_apps;
pub mod section_mount;
pub mod session;
pub mod shares;

#[cfg(feature = "app")]
use wasm_bindgen::prelude::*;

/// Mounts the dashboard on the page's body. From `start.js`, which knows
/// the built files' names: `load_section` fetches a section's wasm (by its
/// key: `"wording"`, `"settings"`, `"compare"`, `"conversation"`) and
/// resolves to its module;
/// `prefetch_section` only fetches its files into the HTTP cache.
#[cfg(feature = "app")]
#[wasm_bindgen]
pub fn run(load_section: js_sys::Function, prefetch_section: js_sys::Function) {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("dashboard crashed: {info}").into());
    }));
    section_apps::set_loader(section_apps::Loader {
        load: load_section,
        prefetch: prefetch_section,
    });
    leptos::mount::mount_to_body(components::app::App);
}
