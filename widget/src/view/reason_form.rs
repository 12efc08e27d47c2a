//! Why a 👎: the site's reason tags plus an optional comment. Shown only
//! when the site offers tags; skipping keeps the plain 👎.

use l10n::format::Arg;
use protocol::text::MAX_COMMENT_CHARS;
use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::i18n::{I18n, Msg};
use crate::view::comment_box;
use crate::view::dom::{append, find_all, flag, h, set_attrs};
use crate::view::l10n::{Slot, localize, localize_with};

/// Tag toggles, a comment box, Send and Skip, for `tags`.
pub fn render(i18n: &I18n, tags: &[String]) -> Result<Element, JsValue> {
    let form = h("form", &[("class", "fb-reason")])?;
    let title = h("p", &[("class", "fb-reason-title")])?;
    localize(&title, i18n, Slot::Text, Msg::ReasonTitle);
    let group = h("div", &[("class", "fb-reason-tags"), ("role", "group")])?;
    localize(&group, i18n, Slot::AriaLabel, Msg::ReasonTitle);
    for tag in tags {
        let button = h(
            "button",
            &[
                ("type", "button"),
                ("class", "fb-reason-tag"),
                ("data-tag", tag),
                ("aria-pressed", "false"),
            ],
        )?;
        localize_with(
            &button,
            i18n,
            Slot::Text,
            Msg::ReasonTag,
            ("tag", Arg::Text(tag.clone())),
        );
        append(&group, &[&button]);
    }
    let comment = comment_box::render(&[("class", "fb-reason-comment"), ("rows", "2")])?;
    localize(&comment, i18n, Slot::AriaLabel, Msg::ReasonCommentLabel);
    localize(
        &comment,
        i18n,
        Slot::Placeholder,
        Msg::ReasonCommentPlaceholder,
    );
    let actions = h("div", &[("class", "fb-reason-actions")])?;
    let send = h("button", &[("type", "submit"), ("class", "fb-reason-send")])?;
    localize(&send, i18n, Slot::Text, Msg::ReasonSend);
    let skip = h("button", &[("type", "button"), ("class", "fb-reason-skip")])?;
    localize(&skip, i18n, Slot::Text, Msg::ReasonSkip);
    append(&actions, &[&send, &skip]);
    append(&form, &[&title, &group, &comment, &actions]);
    Ok(form)
}

/// Presses or releases a tag button.
pub fn toggle_tag(button: &Element) {
    let pressed = button.get_attribute("aria-pressed").as_deref() == Some("true");
    set_attrs(button, &[("aria-pressed", flag(!pressed))]);
}

/// The picked tags and the comment (trimmed; `None` when empty).
pub fn answer(form: &Element) -> (Vec<String>, Option<String>) {
    let tags = find_all(form, ".fb-reason-tag[aria-pressed=\"true\"]")
        .iter()
        .filter_map(|button| button.get_attribute("data-tag"))
        .collect();
    let text: String = comment_box::typed(form, ".fb-reason-comment")
        .trim()
        .chars()
        .take(MAX_COMMENT_CHARS)
        .collect();
    (tags, (!text.is_empty()).then_some(text))
}
