//! Leptos components, one per file.

pub mod keys_panel;
pub mod settings_page;
