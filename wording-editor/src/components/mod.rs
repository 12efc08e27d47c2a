//! Leptos components, one per file.

pub mod copy_history;
pub mod find_bar;
pub mod locale_picker;
pub mod wording_page;
pub mod wording_preview;
