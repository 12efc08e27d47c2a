//! `setTimeout` for the widget's few timers (flush delays, backoff, the
//! idle auto-end).

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// A timer that can be cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer(i32);

impl Timer {
    /// Runs `f` once after `delay`; `None` when there is no window.
    pub fn start(delay: Duration, f: impl FnOnce() + 'static) -> Option<Self> {
        let window = web_sys::window()?;
        let callback = Closure::once_into_js(f);
        let ms = i32::try_from(delay.as_millis()).unwrap_or(i32::MAX);
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms)
            .ok()
            .map(Timer)
    }

    /// Cancels the timer (nothing happens if it already ran).
    pub fn cancel(self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.0);
        }
    }
}

/// Lets the browser run its own work (input, rendering) before going on:
/// resolves in a later task, so what comes before and after this await
/// are separate main-thread tasks, each short.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
