//! Leptos components, one per file.

pub mod app;
pub mod conversation_view;
pub mod csat_chart;
pub mod gaps_page;
pub mod inbox;
pub mod keys_panel;
pub mod overview_page;
pub mod period_picker;
pub mod settings_page;
pub mod shell;
pub mod sign_in;
pub mod status;
pub mod survey_card;
pub mod thumbs_card;
pub mod wording_section;
