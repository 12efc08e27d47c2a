//! The chat bubble shoppers see on a shop's pages.
//!
//! - `embed`: the wasm entry the loader calls, and the JS API handle.
//! - `components/`: the Leptos components (bubble, panel, messages, thumbs).
//! - `conversation`, `state`: what is shown, as plain types and signals.
//! - `feedback`, `outbox`, `collector`: where thumbs and CSAT answers go
//!   (queued in `storage`, delivered to the edge collector).
//! - `csat`: the satisfaction prompt's steps.
//! - `i18n`: every visible string, from `locales/*/widget.ftl`.

pub mod collector;
pub mod components;
pub mod conversation;
pub mod csat;
pub mod embed;
pub mod feedback;
pub mod host_events;
pub mod i18n;
pub mod ids;
pub mod outbox;
pub mod pseudo;
pub mod state;
pub mod storage;
