//! 👍/👎 under an assistant message: a pair of toggle buttons. Clicking one
//! presses it, clicking the pressed one again clears it, clicking the other
//! switches (`Rating::after_click`).

use protocol::Rating;
use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::i18n::{I18n, Msg};
use crate::view::dom::{append, find_all, flag, h, set_attrs};
use crate::view::icons::Icon;
use crate::view::l10n::{Slot, localize};

/// The pair, showing `rating`.
pub fn render(i18n: &I18n, rating: Rating) -> Result<Element, JsValue> {
    let group = h("div", &[("class", "fb-thumbs"), ("role", "group")])?;
    localize(&group, i18n, Slot::AriaLabel, Msg::FeedbackGroup);
    for (value, name, icon) in [
        (Rating::Up, Msg::FeedbackUp, Icon::ThumbUp),
        (Rating::Down, Msg::FeedbackDown, Icon::ThumbDown),
    ] {
        let button = h(
            "button",
            &[
                ("type", "button"),
                ("class", "fb-thumb"),
                ("data-rating", value.as_str()),
            ],
        )?;
        localize(&button, i18n, Slot::AriaLabel, name);
        append(&button, &[&icon.render()?]);
        append(&group, &[&button]);
    }
    show(&group, rating);
    Ok(group)
}

/// Presses the button of `rating` (neither for `Rating::None`).
pub fn show(group: &Element, rating: Rating) {
    for button in find_all(group, ".fb-thumb") {
        let pressed = button.get_attribute("data-rating").as_deref() == Some(rating.as_str());
        set_attrs(&button, &[("aria-pressed", flag(pressed))]);
    }
}
