//! The bubble on a phone (README, "Embedding"): on a viewport at most 480
//! CSS px wide or 560 tall ([`SMALL_SCREEN`], the same query as
//! `widget.css`'s), the open panel fills the visual viewport, the page
//! behind it stays where it was, and the panel follows the on-screen
//! keyboard. The styles do the layout; this module keeps them told.
//!
//! - The visual viewport's box (which shrinks when the keyboard opens) is
//!   handed to the styles as custom properties on the widget's root
//!   ([`ViewportBox::properties`]), on every `resize` and `scroll` of
//!   `window.visualViewport`. While a finger or a button is down in the
//!   widget, a change waits until the click is done, so nothing moves out
//!   from under it.
//! - While the panel is open on a small screen, the page does not scroll
//!   (its root's `overflow` is `hidden`), and on close it is put back as it
//!   was, scrolled where it was ([`PageScroll`]).
//! - After the panel follows the keyboard, the control the shopper is in
//!   is scrolled into view inside the conversation.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{EventTarget, HtmlElement, ShadowRoot, VisualViewport, Window};

use crate::actions::Actions;

/// A small screen: the panel fills it. `widget.css` holds the same query.
pub const SMALL_SCREEN: &str = "(max-width: 480px), (max-height: 560px)";

/// How long a press may go without a click before a viewport change that
/// waited for it is applied (a press that was not a tap).
const PRESS_WAIT: Duration = Duration::from_millis(400);

/// The visual viewport's box in the layout viewport, in CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewportBox {
    /// Its left edge, from the layout viewport's.
    pub left: f64,
    /// Its top edge, from the layout viewport's.
    pub top: f64,
    /// Its width.
    pub width: f64,
    /// Its height.
    pub height: f64,
}

impl ViewportBox {
    /// The box `viewport` covers now.
    fn of(viewport: &VisualViewport) -> Self {
        Self {
            left: viewport.offset_left(),
            top: viewport.offset_top(),
            width: viewport.width(),
            height: viewport.height(),
        }
    }

    /// The custom properties `widget.css` sizes the open panel by, as
    /// lengths; a measure that is not a finite, non-negative number (which
    /// no browser should give) is left to the styles' own fallback.
    pub fn properties(self) -> [(&'static str, Option<String>); 4] {
        let length =
            |value: f64, least: f64| (value.is_finite() && value >= least).then(|| px(value));
        [
            ("--fb-viewport-left", length(self.left, f64::MIN)),
            ("--fb-viewport-top", length(self.top, f64::MIN)),
            ("--fb-viewport-width", length(self.width, 0.0)),
            ("--fb-viewport-height", length(self.height, 0.0)),
        ]
    }
}

/// `value` CSS px to the hundredth, written with integers only: `f64`'s
/// `Display` would link core's float printing, 10 KB brotli of the app
/// (measured: 125,971 → 136,290 B).
fn px(value: f64) -> String {
    // `as` saturates: a length beyond ±9e16 px is no length anyway.
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let whole = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}px", whole / 100, whole % 100)
}

/// What opening the panel on a small screen changed on the page, to put
/// back on close.
#[derive(Debug, Clone, PartialEq)]
pub struct PageScroll {
    /// Where the page was scrolled to.
    pub x: f64,
    /// Where the page was scrolled to.
    pub y: f64,
    /// The page root's own inline `overflow` (empty when it had none).
    pub overflow: String,
}

impl PageScroll {
    /// Stops the page behind the panel from scrolling; what to put back.
    fn hold(window: &Window) -> Option<Self> {
        let page = window.document()?.document_element()?;
        let style = page.dyn_ref::<HtmlElement>()?.style();
        let held = Self {
            x: window.scroll_x().ok()?,
            y: window.scroll_y().ok()?,
            overflow: style.get_property_value("overflow").unwrap_or_default(),
        };
        style.set_property("overflow", "hidden").ok()?;
        Some(held)
    }

    /// The page as it was before [`PageScroll::hold`].
    fn release(&self, window: &Window) {
        let style = window
            .document()
            .and_then(|document| document.document_element())
            .and_then(|page| page.dyn_into::<HtmlElement>().ok())
            .map(|page| page.style());
        if let Some(style) = style {
            let _ = if self.overflow.is_empty() {
                style.remove_property("overflow").map(|_| ())
            } else {
                style.set_property("overflow", &self.overflow)
            };
        }
        window.scroll_to_with_x_and_y(self.x, self.y);
    }
}

/// Whether the screen is small now.
fn is_small(window: &Window) -> bool {
    window
        .match_media(SMALL_SCREEN)
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Keeps the widget drawn in `root` (its `.fb-root` element, in the shadow
/// root `shadow`) fitted to a phone's screen, for as long as the page
/// lives (see the module's documentation).
pub fn follow(root: HtmlElement, shadow: ShadowRoot, actions: Actions) {
    let Some(window) = web_sys::window() else {
        return;
    };
    hold_the_page_while_open(window.clone(), actions);
    let Some(viewport) = window.visual_viewport() else {
        // The styles' `100dvh` fallback sizes the panel.
        return;
    };
    let follower = Rc::new(Follower {
        root,
        shadow,
        viewport,
        pressed: Cell::new(false),
        waiting: Cell::new(false),
        press_timer: RefCell::new(None),
    });
    follower.apply();
    let viewport: &EventTarget = &follower.viewport;
    let root: &EventTarget = &follower.root;
    listen(
        viewport,
        &["resize", "scroll"],
        &follower,
        Follower::changed,
    );
    listen(root, &["pointerdown"], &follower, Follower::pressed);
    // A click ends the press; a press that ends another way (a scroll, a
    // long press) lets the change through a moment after.
    listen(root, &["click"], &follower, Follower::released);
    listen(
        &window,
        &["pointerup", "pointercancel"],
        &follower,
        |follower| follower.release_soon(),
    );
}

/// Calls `handle` with `follower` on each of `events` at `target`, for as
/// long as the page lives.
fn listen(
    target: &EventTarget,
    events: &[&str],
    follower: &Rc<Follower>,
    handle: fn(&Rc<Follower>),
) {
    let follower = follower.clone();
    let handler = Closure::<dyn Fn()>::new(move || handle(&follower));
    for event in events {
        let _ = target.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    }
    // The widget lives as long as the page.
    handler.forget();
}

/// Holds the page still while the panel is open on a small screen, and
/// puts it back when the panel closes.
fn hold_the_page_while_open(window: Window, actions: Actions) {
    let held = StoredValue::new_local(None::<PageScroll>);
    Effect::new(move |_| {
        let open = actions.with(|state| state.open);
        let holding = held.with_value(Option::is_some);
        if open && !holding && is_small(&window) {
            held.set_value(PageScroll::hold(&window));
        } else if !open && let Some(page) = held.try_update_value(Option::take).flatten() {
            page.release(&window);
        }
    });
}

/// The visual viewport followed, and the press a change may wait for.
struct Follower {
    root: HtmlElement,
    shadow: ShadowRoot,
    viewport: VisualViewport,
    /// A finger or a button is down in the widget.
    pressed: Cell<bool>,
    /// A change came while it was.
    waiting: Cell<bool>,
    /// Lets a waiting change through if no click ends the press.
    press_timer: RefCell<Option<TimeoutHandle>>,
}

impl Follower {
    /// The panel sized to the visual viewport now, and the control the
    /// shopper is in kept in sight.
    fn apply(&self) {
        let style = self.root.style();
        for (name, value) in ViewportBox::of(&self.viewport).properties() {
            let _ = match value {
                Some(value) => style.set_property(name, &value),
                None => style.remove_property(name).map(|_| ()),
            };
        }
        if let Some(focused) = self
            .shadow
            .active_element()
            .filter(|focused| focused.closest(".fb-log").ok().flatten().is_some())
        {
            focused.scroll_into_view_with_bool(false);
        }
    }

    fn changed(self: &Rc<Self>) {
        if self.pressed.get() {
            self.waiting.set(true);
        } else {
            self.apply();
        }
    }

    fn pressed(self: &Rc<Self>) {
        self.pressed.set(true);
        if let Some(timer) = self.press_timer.borrow_mut().take() {
            timer.clear();
        }
    }

    fn released(self: &Rc<Self>) {
        self.pressed.set(false);
        if let Some(timer) = self.press_timer.borrow_mut().take() {
            timer.clear();
        }
        if self.waiting.replace(false) {
            self.apply();
        }
    }

    fn release_soon(self: &Rc<Self>) {
        if !self.pressed.get() {
            return;
        }
        let follower = Rc::downgrade(self);
        let timer = set_timeout_with_handle(
            move || {
                if let Some(follower) = follower.upgrade() {
                    follower.released();
                }
            },
            PRESS_WAIT,
        )
        .ok();
        if let Some(old) = self.press_timer.replace(timer) {
            old.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_styles_and_the_code_mean_the_same_small_screen() {
        let css = crate::styles::STYLES;
        assert!(
            css.contains(&format!("@media {SMALL_SCREEN} {{")),
            "widget.css sizes the panel for another query than {SMALL_SCREEN}"
        );
        let any = ViewportBox {
            left: 0.0,
            top: 0.0,
            width: 1.0,
            height: 1.0,
        };
        for (property, _) in any.properties() {
            assert!(css.contains(&format!("var({property}")), "{property}");
        }
    }

    #[test]
    fn the_viewport_is_handed_over_as_lengths_and_nonsense_is_left_out() {
        let keyboard_open = ViewportBox {
            left: 0.0,
            top: 120.5,
            width: 375.0,
            height: 307.25,
        };
        assert_eq!(
            keyboard_open.properties().map(|(_, value)| value),
            [
                Some("0.00px".to_string()),
                Some("120.50px".to_string()),
                Some("375.00px".to_string()),
                Some("307.25px".to_string()),
            ]
        );
        assert_eq!(px(-0.004), "0.00px");
        assert_eq!(px(-12.345), "-12.35px");
        assert_eq!(px(0.5), "0.50px");
        let broken = ViewportBox {
            left: f64::NAN,
            top: f64::INFINITY,
            width: -1.0,
            height: f64::NAN,
        };
        assert!(broken.properties().iter().all(|(_, value)| value.is_none()));
    }
}
