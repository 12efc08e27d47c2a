//! The satisfaction prompt shown when a conversation resolves: 👍/👎 with a
//! negative reason (thumbs mode), or a 1–5 scale with an optional comment.
//! Each step of `CsatFlow` draws the whole section anew.

use protocol::CsatMode;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};

use crate::csat::{CsatFlow, CsatStep};
use crate::i18n::{I18n, Msg};
use crate::view::comment_box;
use crate::view::dom::{append, find_all, focus, h, h_text};
use crate::view::icons::Icon;
use crate::view::l10n::{Slot, localize};

/// An element showing `msg` as its text.
fn text(tag: &str, attrs: &[(&str, &str)], i18n: &I18n, msg: Msg) -> Result<Element, JsValue> {
    let element = h(tag, attrs)?;
    localize(&element, i18n, Slot::Text, msg);
    Ok(element)
}

/// The prompt at `flow`'s step.
pub fn render(i18n: &I18n, flow: &CsatFlow) -> Result<Element, JsValue> {
    let section = h(
        "section",
        &[("class", "fb-csat"), ("aria-labelledby", "fb-csat-title")],
    )?;
    let close = h("button", &[("type", "button"), ("class", "fb-csat-close")])?;
    localize(&close, i18n, Slot::AriaLabel, Msg::CsatClose);
    append(&close, &[&Icon::Close.render()?]);
    append(&section, &[&close]);
    match (flow.step, flow.mode) {
        (CsatStep::Asking, CsatMode::Thumbs) => asking_thumbs(&section, i18n)?,
        (CsatStep::Asking, CsatMode::Scale5) => asking_scale(&section, i18n)?,
        (CsatStep::Comment { .. }, mode) => append(&section, &[&comment(i18n, mode)?]),
        (CsatStep::Thanks, _) => append(
            &section,
            &[&text(
                "p",
                &[
                    ("id", "fb-csat-title"),
                    ("class", "fb-csat-thanks"),
                    ("role", "status"),
                ],
                i18n,
                Msg::CsatAfterSubmission,
            )?],
        ),
    }
    Ok(section)
}

fn title(i18n: &I18n, msg: Msg) -> Result<Element, JsValue> {
    text(
        "h3",
        &[("id", "fb-csat-title"), ("class", "fb-csat-title")],
        i18n,
        msg,
    )
}

fn asking_thumbs(section: &Element, i18n: &I18n) -> Result<(), JsValue> {
    let group = h(
        "div",
        &[
            ("class", "fb-csat-thumbs"),
            ("role", "group"),
            ("aria-labelledby", "fb-csat-title"),
        ],
    )?;
    for (score, name, icon) in [
        ("5", Msg::CsatThumbUp, Icon::ThumbUp),
        ("1", Msg::CsatThumbDown, Icon::ThumbDown),
    ] {
        let button = h(
            "button",
            &[
                ("type", "button"),
                ("class", "fb-csat-choice"),
                ("data-score", score),
            ],
        )?;
        localize(&button, i18n, Slot::AriaLabel, name);
        append(&button, &[&icon.render()?]);
        append(&group, &[&button]);
    }
    append(section, &[&title(i18n, Msg::CsatTitle)?, &group]);
    Ok(())
}

fn asking_scale(section: &Element, i18n: &I18n) -> Result<(), JsValue> {
    let group = h(
        "div",
        &[
            ("class", "fb-csat-scale"),
            ("role", "radiogroup"),
            ("aria-labelledby", "fb-csat-title"),
        ],
    )?;
    for (score, meaning) in [
        ("1", Msg::CsatScore1),
        ("2", Msg::CsatScore2),
        ("3", Msg::CsatScore3),
        ("4", Msg::CsatScore4),
        ("5", Msg::CsatScore5),
    ] {
        let choice = h("label", &[("class", "fb-csat-scale-choice")])?;
        let input = h(
            "input",
            &[
                ("type", "radio"),
                ("name", "fb-csat-score"),
                ("value", score),
            ],
        )?;
        localize(&input, i18n, Slot::AriaLabel, meaning);
        append(
            &choice,
            &[&input, &h_text("span", &[("aria-hidden", "true")], score)?],
        );
        append(&group, &[&choice]);
    }
    append(
        section,
        &[
            &text("p", &[("class", "fb-csat-lead")], i18n, Msg::CsatLeadIn)?,
            &title(i18n, Msg::CsatQuestion)?,
            &group,
            &text(
                "p",
                &[("class", "fb-csat-scale-ends")],
                i18n,
                Msg::CsatScaleEnds,
            )?,
        ],
    );
    Ok(())
}

fn comment(i18n: &I18n, mode: CsatMode) -> Result<Element, JsValue> {
    let (label, placeholder, button) = match mode {
        CsatMode::Thumbs => (
            Msg::CsatNegativeReason,
            Msg::CsatNegativePlaceholder,
            Msg::CsatNegativeButton,
        ),
        CsatMode::Scale5 => (
            Msg::CsatCommentLabel,
            Msg::CsatCommentPlaceholder,
            Msg::CsatSubmit,
        ),
    };
    let form = h("form", &[("class", "fb-csat-comment")])?;
    let textarea = comment_box::render(&[("id", "fb-csat-comment"), ("rows", "3")])?;
    localize(&textarea, i18n, Slot::Placeholder, placeholder);
    append(
        &form,
        &[
            &text(
                "label",
                &[("for", "fb-csat-comment"), ("class", "fb-csat-title")],
                i18n,
                label,
            )?,
            &textarea,
            &text(
                "button",
                &[("type", "submit"), ("class", "fb-csat-submit")],
                i18n,
                button,
            )?,
        ],
    );
    Ok(form)
}

/// Moves the selection on the 1–5 scale `step` places from `from`
/// (wrapping around, as radio groups do), without answering.
pub fn move_choice(from: &HtmlInputElement, step: i32) {
    let Some(group) = from.closest(".fb-csat-scale").ok().flatten() else {
        return;
    };
    let choices: Vec<HtmlInputElement> = find_all(&group, "input[type=\"radio\"]")
        .into_iter()
        .filter_map(|input| input.dyn_into().ok())
        .collect();
    let Some(at) = choices.iter().position(|choice| choice == from) else {
        return;
    };
    let count = choices.len() as i32;
    let next = (at as i32 + step).rem_euclid(count);
    if let Some(next) = usize::try_from(next)
        .ok()
        .and_then(|next| choices.get(next))
    {
        next.set_checked(true);
        focus(next);
    }
}

/// The comment typed on the comment step.
pub fn comment_text(section: &Element) -> String {
    comment_box::typed(section, "#fb-csat-comment")
}
