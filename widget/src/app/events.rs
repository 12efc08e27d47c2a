//! The shopper's clicks, keys and typing anywhere in the widget, caught by
//! one listener per kind on its root (see `App::listen`) and routed.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};

use super::{App, closest};
use crate::conversation::Role;
use crate::ids::random_id;
use crate::view::dom::find;
use crate::view::{comment_box, csat_prompt, panel, reason_form};

impl App {
    /// The shopper sent what they typed.
    pub(super) fn send_typed(self: &Rc<Self>) {
        let Some(input) = find(&self.parts.composer, "#fb-input")
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let typed = input.value();
        let text = typed.trim();
        if text.is_empty() {
            return;
        }
        let id = random_id("m_");
        // A fresh random id cannot collide or be malformed.
        if self.add_message(&id, Role::User, text).is_err() {
            return;
        }
        input.set_value("");
        let conversation_id = self.conversation_id();
        self.host.emit(
            "send",
            &[
                ("conversationId", conversation_id.into()),
                ("messageId", id.into()),
                ("text", text.into()),
            ],
        );
    }

    pub(super) fn on_click(self: &Rc<Self>, event: &Event) {
        if closest(event, ".fb-bubble").is_some() {
            self.toggle();
        } else if closest(event, ".fb-close").is_some() {
            self.close_to_bubble();
        } else if let Some(button) = closest(event, ".fb-thumb") {
            self.thumb(&button);
        } else if let Some(button) = closest(event, ".fb-reason-tag") {
            reason_form::toggle_tag(&button);
        } else if let Some(form) = closest(event, ".fb-reason-skip")
            .and_then(|skip| skip.closest(".fb-reason").ok().flatten())
        {
            self.reason(&form, false);
        } else if let Some(choice) = closest(event, ".fb-csat-choice") {
            if let Some(score) = choice
                .get_attribute("data-score")
                .and_then(|s| s.parse().ok())
            {
                self.csat_step(|flow| flow.pick(score));
            }
        } else if closest(event, ".fb-csat-close").is_some() {
            self.close_csat();
        }
    }

    pub(super) fn on_submit(self: &Rc<Self>, event: &Event) {
        event.prevent_default();
        if closest(event, ".fb-composer").is_some() {
            self.send_typed();
        } else if let Some(form) = closest(event, ".fb-reason") {
            self.reason(&form, true);
        } else if let Some(form) = closest(event, ".fb-csat-comment") {
            let comment = csat_prompt::comment_text(&form);
            self.csat_step(|flow| flow.submit(&comment));
        }
    }

    /// Typing in a comment box updates its "characters left".
    pub(super) fn on_input(self: &Rc<Self>, event: &Event) {
        if let Some(textarea) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlTextAreaElement>().ok())
        {
            comment_box::update(&textarea, &textarea.value(), &self.i18n);
        }
    }

    /// A score picked on the 1–5 scale.
    pub(super) fn on_change(self: &Rc<Self>, event: &Event) {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
            .filter(|input| input.name() == "fb-csat-score")
        else {
            return;
        };
        if let Ok(score) = input.value().parse() {
            self.csat_step(|flow| flow.pick(score));
        }
    }

    /// Keyboard: Esc closes the panel; Tab and Shift+Tab stay inside it;
    /// on the 1–5 scale the arrow keys move between scores without
    /// answering, and Enter or Space answers with the score in focus.
    pub(super) fn on_keydown(self: &Rc<Self>, event: &Event) {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if closest(event, ".fb-panel").is_none() {
            return;
        }
        let key = event.key();
        if key == "Escape" {
            event.prevent_default();
            self.close_to_bubble();
        } else if key == "Tab" {
            panel::keep_focus_inside(&self.parts.panel, event);
        } else if let Some(score) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
            .filter(|input| input.name() == "fb-csat-score")
        {
            let rtl = self.i18n.is_rtl();
            let step = match key.as_str() {
                "ArrowDown" => 1,
                "ArrowUp" => -1,
                "ArrowRight" if rtl => -1,
                "ArrowRight" => 1,
                "ArrowLeft" if rtl => 1,
                "ArrowLeft" => -1,
                "Enter" | " " => {
                    event.prevent_default();
                    if let Ok(score) = score.value().parse() {
                        self.csat_step(|flow| flow.pick(score));
                    }
                    return;
                }
                _ => return,
            };
            // The browser would check the next score and fire `change`,
            // which answers: move the selection here instead, quietly.
            event.prevent_default();
            csat_prompt::move_choice(&score, step);
        }
    }
}
