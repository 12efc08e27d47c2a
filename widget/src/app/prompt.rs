//! The satisfaction prompt: offered once per conversation when it resolves
//! and the site enables it; each step, and the keys of its ratings.

use protocol::CsatMode;

use super::State;
use crate::csat::{CsatFlow, CsatOutcome, CsatStep};

impl State {
    /// The mode to offer the prompt in, when it is due: the conversation
    /// resolved, the site enables the prompt, and none shows yet. (Whether
    /// this conversation had it already is remembered by the caller, across
    /// reloads.)
    pub fn csat_due(&self) -> Option<CsatMode> {
        let settings = self.settings.as_ref()?;
        (self.resolved && settings.csat_enabled && self.csat.is_none())
            .then_some(settings.csat_mode)
    }

    /// Shows the prompt in `mode`, opening the panel; whether the panel
    /// was closed.
    pub fn offer_csat(&mut self, mode: CsatMode) -> bool {
        self.csat = Some(CsatFlow::offered(mode));
        self.set_open(true)
    }

    /// Applies a step of the prompt (`change` says what to report): the
    /// mode, what to report and the step it led to.
    pub fn csat_step(
        &mut self,
        change: impl FnOnce(&mut CsatFlow) -> Option<CsatOutcome>,
    ) -> Option<(CsatMode, CsatOutcome, CsatStep)> {
        let flow = self.csat.as_mut()?;
        change(flow).map(|outcome| (flow.mode, outcome, flow.step))
    }

    /// Closes the prompt: the mode and a dismissal if it was unanswered.
    pub fn close_csat(&mut self) -> Option<(CsatMode, CsatOutcome)> {
        let flow = self.csat.take()?;
        flow.close().map(|outcome| (flow.mode, outcome))
    }
}

/// The scores of the thumbs rating, in the order they are shown.
pub const THUMB_SCORES: [u8; 2] = [5, 1];

/// The scores of the 1–5 scale, in the order they are shown.
pub const SCALE_SCORES: [u8; 5] = [1, 2, 3, 4, 5];

/// What a key does on a rating (the thumbs, or the 1–5 scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingKey {
    /// Enter or Space: answer with the score in focus.
    Answer,
    /// An arrow: move this many places (wrapping, as radio groups do)
    /// without answering.
    Move(i8),
}

/// What `key` does on a rating (`rtl`: the arrows follow the reading
/// direction); `None` for keys the rating leaves alone.
pub fn rating_key(key: &str, rtl: bool) -> Option<RatingKey> {
    let step = match key {
        "Enter" | " " => return Some(RatingKey::Answer),
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        "ArrowRight" if rtl => -1,
        "ArrowRight" => 1,
        "ArrowLeft" if rtl => 1,
        "ArrowLeft" => -1,
        _ => return None,
    };
    Some(RatingKey::Move(step))
}

/// The score `step` places from `score` among `scores` (as shown),
/// wrapping around; the first one for a score not among them.
pub fn next_score(scores: &[u8], score: u8, step: i8) -> u8 {
    let Some(at) = scores.iter().position(|&shown| shown == score) else {
        return scores.first().copied().unwrap_or(score);
    };
    let (at, len) = (at as i64, scores.len() as i64);
    usize::try_from((at + i64::from(step)).rem_euclid(len))
        .ok()
        .and_then(|next| scores.get(next))
        .copied()
        .unwrap_or(score)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chat::Message;
    use crate::chat::Role;
    use protocol::WidgetConfig;

    fn resolved(csat_enabled: bool) -> State {
        let mut state = State::new("c_1".into());
        state
            .add_message(Message::new("m1", Role::Assistant, "Done!"))
            .unwrap();
        state.settings = Some(WidgetConfig {
            csat_enabled,
            csat_mode: CsatMode::Scale5,
            reason_tags: Vec::new(),
            idle_end_seconds: None,
            store_text: false,
            shop_name: None,
        });
        state
    }

    #[test]
    fn the_prompt_is_due_once_resolved_if_the_site_enables_it() {
        let mut state = resolved(true);
        assert_eq!(state.csat_due(), None, "not resolved yet");
        state.resolve();
        assert_eq!(state.csat_due(), Some(CsatMode::Scale5));
        assert!(state.offer_csat(CsatMode::Scale5), "it opens the panel");
        assert_eq!(state.csat_due(), None, "it shows already");
        let mut disabled = resolved(false);
        disabled.resolve();
        assert_eq!(disabled.csat_due(), None);
    }

    #[test]
    fn steps_report_what_they_change_and_closing_unanswered_dismisses() {
        let mut state = resolved(true);
        assert_eq!(state.csat_step(|flow| flow.pick(4)), None, "no prompt");
        state.offer_csat(CsatMode::Scale5);
        let (mode, outcome, step) = state.csat_step(|flow| flow.pick(4)).unwrap();
        assert_eq!(
            (mode, step),
            (CsatMode::Scale5, CsatStep::Comment { score: 4 })
        );
        assert!(matches!(outcome, CsatOutcome::Answer { score: 4, .. }));
        assert_eq!(state.close_csat(), None, "answered: no dismissal");
        assert_eq!(state.csat, None);
        state.offer_csat(CsatMode::Thumbs);
        assert_eq!(
            state.close_csat(),
            Some((CsatMode::Thumbs, CsatOutcome::Dismissed))
        );
    }

    #[test]
    fn arrows_move_with_the_reading_direction_and_wrap() {
        assert_eq!(rating_key("ArrowRight", false), Some(RatingKey::Move(1)));
        assert_eq!(rating_key("ArrowRight", true), Some(RatingKey::Move(-1)));
        assert_eq!(rating_key("ArrowLeft", true), Some(RatingKey::Move(1)));
        assert_eq!(rating_key("ArrowDown", true), Some(RatingKey::Move(1)));
        assert_eq!(rating_key(" ", false), Some(RatingKey::Answer));
        assert_eq!(rating_key("Enter", true), Some(RatingKey::Answer));
        assert_eq!(rating_key("a", false), None);
        assert_eq!(next_score(&SCALE_SCORES, 5, 1), 1);
        assert_eq!(next_score(&SCALE_SCORES, 1, -1), 5);
        assert_eq!(next_score(&SCALE_SCORES, 3, 1), 4);
        assert_eq!(next_score(&SCALE_SCORES, 9, 0), 1, "not shown: the first");
        // The thumbs: 👍 (5) then 👎 (1), either way round.
        assert_eq!(next_score(&THUMB_SCORES, 5, 1), 1);
        assert_eq!(next_score(&THUMB_SCORES, 5, -1), 1);
        assert_eq!(next_score(&THUMB_SCORES, 1, 1), 5);
        assert_eq!(next_score(&[], 3, 1), 3);
    }
}
