//! The satisfaction prompt: offered once per conversation when it resolves
//! and the site enables it; each step redrawn and reported.

use crate::csat::{CsatFlow, CsatOutcome, CsatStep};
use crate::storage;
use crate::view::csat_prompt;
use crate::view::dom::{find, focus};

use super::App;

impl App {
    /// Offers the satisfaction prompt once the conversation has resolved
    /// and the site's settings say so, once per conversation (remembered
    /// across reloads).
    pub(super) fn offer_csat_if_due(&self) {
        let offer = {
            let mut state = self.state.borrow_mut();
            let mode = match &state.settings {
                Some(settings) if state.resolved && settings.csat_enabled => settings.csat_mode,
                _ => return,
            };
            let offered_key = format!("csat-offered:{}", state.conversation.id);
            if storage::get(&offered_key).is_some() {
                return;
            }
            storage::set(&offered_key, "1");
            state.csat = Some(CsatFlow::offered(mode));
            (state.conversation.id.clone(), mode)
        };
        self.show_csat();
        self.set_open(true);
        self.reporter.csat_offered(&offer.0, offer.1);
    }

    /// Draws the prompt at its current step (removes it when there is none).
    pub(super) fn show_csat(&self) {
        let section = self
            .state
            .borrow()
            .csat
            .as_ref()
            .map(|flow| csat_prompt::render(&self.i18n, flow));
        let old = find(&self.parts.panel, ".fb-csat");
        match (section, old) {
            (Some(Ok(section)), Some(old)) => {
                let _ = old.replace_with_with_node_1(&section);
            }
            (Some(Ok(section)), None) => {
                let _ = self.parts.composer.before_with_node_1(&section);
            }
            (None, Some(old)) => old.remove(),
            _ => {}
        }
    }

    /// Applies a step of the prompt (`change` returns what to report),
    /// redraws it and moves focus onto the new step.
    pub(super) fn csat_step(&self, change: impl FnOnce(&mut CsatFlow) -> Option<CsatOutcome>) {
        let report = {
            let mut state = self.state.borrow_mut();
            let conversation_id = state.conversation.id.clone();
            let Some(flow) = state.csat.as_mut() else {
                return;
            };
            change(flow).map(|outcome| (conversation_id, flow.mode, outcome, flow.step))
        };
        let Some((conversation_id, mode, outcome, step)) = report else {
            return;
        };
        self.show_csat();
        let next = match step {
            CsatStep::Comment { .. } => "#fb-csat-comment",
            _ => ".fb-csat-close",
        };
        if let Some(control) = find(&self.parts.panel, next) {
            focus(&control);
        }
        self.reporter.csat(&conversation_id, mode, outcome);
    }

    /// Closes the prompt, reporting a dismissal if it was unanswered.
    pub(super) fn close_csat(&self) {
        let report = {
            let mut state = self.state.borrow_mut();
            let conversation_id = state.conversation.id.clone();
            state.csat.take().and_then(|flow| {
                flow.close()
                    .map(|outcome| (conversation_id, flow.mode, outcome))
            })
        };
        self.show_csat();
        if let Some(input) = find(&self.parts.panel, "#fb-input") {
            focus(&input);
        }
        if let Some((conversation_id, mode, outcome)) = report {
            self.reporter.csat(&conversation_id, mode, outcome);
        }
    }
}
