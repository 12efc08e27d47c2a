//! Leptos components, one per file.

pub mod app;
pub mod bubble;
pub mod characters_left;
pub mod composer;
pub mod csat_prompt;
pub mod icons;
pub mod message_list;
pub mod panel;
pub mod reason_form;
pub mod thumbs;
