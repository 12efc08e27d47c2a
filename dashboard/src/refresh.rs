//! Pages that keep themselves current while open (the Overview, the
//! inbox): they ask the collector again every few seconds while the tab is
//! in sight, and while nothing changed the answer is a bodiless 304.

use std::time::Duration;

use leptos::prelude::*;

/// How often an open page asks again.
pub const EVERY: Duration = Duration::from_secs(10);

/// Whether the page is out of sight (a hidden tab does not refresh).
pub fn hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}

/// Calls `refresh` every [`EVERY`] until the calling component is gone.
pub fn every(refresh: impl Fn() + 'static) {
    if let Ok(timer) = set_interval_with_handle(refresh, EVERY) {
        on_cleanup(move || timer.clear());
    }
}
