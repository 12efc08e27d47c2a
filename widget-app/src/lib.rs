//! The widget as shops' pages load it: `cargo xtask build-widget` builds
//! this crate into `dist/widget/app_bg.wasm`. Everything is in the
//! `widget` crate; naming its entry here links it in, with the
//! `FeedbackBubble` handle the loader gets back.

pub use widget::embed::{Widget, mount};
