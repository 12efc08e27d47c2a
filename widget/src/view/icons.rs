//! Inline SVG icons (Material Icons paths, Apache-2.0): no emoji font or
//! image request needed, and hidden from screen readers.

use leptos::prelude::*;

const THUMB_UP: &str = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z";
const CHAT: &str = "M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z";
const SEND: &str = "M2.01 21 23 12 2.01 3 2 10l15 2-15 2z";
const CLOSE: &str = "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z";

/// Which icon to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// 👍
    ThumbUp,
    /// 👎 (the thumb-up path turned over).
    ThumbDown,
    /// Speech bubble.
    Chat,
    /// ✕
    Close,
    /// Paper plane.
    Send,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::ThumbUp | Icon::ThumbDown => THUMB_UP,
            Icon::Chat => CHAT,
            Icon::Close => CLOSE,
            Icon::Send => SEND,
        }
    }

    fn transform(self) -> Option<&'static str> {
        (self == Icon::ThumbDown).then_some("rotate(180 12 12)")
    }

    /// A decorative 24×24 `<svg>`; the surrounding control carries the name.
    pub fn view(self) -> AnyView {
        view! {
            <svg class="fb-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d=self.path() transform=self.transform()></path>
            </svg>
        }
        .into_any()
    }
}
