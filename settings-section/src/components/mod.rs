//! Leptos components, one per file.

pub mod alerts_fieldset;
pub mod keys_panel;
pub mod redaction_fieldset;
pub mod settings_page;
