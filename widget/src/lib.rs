//! The chat bubble shoppers see on a shop's pages.
//!
//! - `embed`: the wasm entry the loader calls, and the JS API handle.
//! - `app`: what the widget shows and what each action changes (plain
//!   Rust, tested natively); `actions`: applying those changes to the live
//!   widget and reporting them.
//! - `view/`: the Leptos components (bubble, panel, messages, thumbs, the
//!   reason form, the prompt, the composer).
//! - `chat`: the messages the bubble shows and their thumbs, as plain types.
//! - `feedback`, `outbox`, `collector`: where thumbs and CSAT answers go
//!   (queued in `storage`, delivered to the edge collector); `answers`:
//!   reading what the collector says back; `host_events`: what the host
//!   page is told; `ids`: random ids; `timers`: `setTimeout`.
//! - `csat`: the satisfaction prompt's steps.
//! - `i18n`: every visible string, from `locales/*/widget.ftl`.

pub mod actions;
pub mod answers;
pub mod app;
pub mod chat;
pub mod collector;
pub mod csat;
#[cfg(feature = "embed")]
pub mod embed;
pub mod feedback;
pub mod host_events;
pub mod i18n;
pub mod ids;
pub mod outbox;
pub mod preview;
pub mod small_screen;
pub mod storage;
pub mod styles;
pub mod timers;
pub mod view;

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;
