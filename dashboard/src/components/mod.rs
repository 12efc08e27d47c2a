//! Leptos components, one per file.

pub mod app;
pub mod csat_chart;
pub mod fetched_section;
pub mod gaps_page;
pub mod hand_over_card;
pub mod inbox;
pub mod kept_note;
pub mod overview_page;
pub mod period_picker;
pub mod review_card;
pub mod shell;
pub mod sign_in;
pub mod status;
pub mod survey_card;
pub mod thumbs_card;
