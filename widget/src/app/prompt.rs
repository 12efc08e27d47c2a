//! The satisfaction prompt: offered once per conversation when it resolves
//! and the site enables it; each step, and the keys of its ratings.

use protocol::CsatMode;
use protocol::survey::{Resolved, Skip};

use super::State;
use crate::csat::{CsatFlow, CsatOutcome, CsatStep};

/// What this shopper's browser remembers for the survey rules' cooldown,
/// and the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShopperHistory {
    /// When the shopper last answered or dismissed a prompt (ms since the
    /// epoch), if ever.
    pub last_answered_ms: Option<u64>,
    /// Now, in ms since the epoch.
    pub now_ms: u64,
}

/// How a due prompt is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// The host ended the conversation (`resolve()`): the panel opens to
    /// show the prompt.
    OpenPanel,
    /// The conversation idled out: the prompt shows in the open panel, or
    /// waits behind the closed one (the shopper may be reading the page).
    InPlace,
}

/// What offering the prompt did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offered {
    /// The panel opened to show it.
    Opened,
    /// It shows in the panel, which was open.
    Shown,
    /// It waits behind the closed panel until the shopper opens it.
    Waiting,
}

impl State {
    /// Whether the prompt is due: the conversation resolved, the site
    /// enables the prompt and none shows yet. Then the mode to offer it in
    /// if the site's survey rules ask this conversation (its sample, the
    /// answers it got, the shopper's cooldown in `history`), or the rule
    /// that holds it back. Whether this conversation had it already is
    /// remembered by the caller, across reloads.
    pub fn csat_due(&self, history: ShopperHistory) -> Option<Result<CsatMode, Skip>> {
        let settings = self.settings.as_ref()?;
        if !(self.resolved && settings.csat_enabled && self.csat.is_none()) {
            return None;
        }
        let resolved = Resolved {
            conversation_id: &self.chat.id,
            assistant_messages: self.chat.answers(),
            last_answered_ms: history.last_answered_ms,
            now_ms: history.now_ms,
        };
        Some(
            settings
                .survey()
                .check(&resolved)
                .map(|()| settings.csat_mode),
        )
    }

    /// Offers the prompt in `mode`, `how` the conversation ended.
    pub fn offer_csat(&mut self, mode: CsatMode, how: Offer) -> Offered {
        self.csat = Some(CsatFlow::offered(mode));
        match how {
            Offer::OpenPanel if self.set_open(true) => Offered::Opened,
            _ if self.open => Offered::Shown,
            _ => {
                self.csat_waiting = true;
                Offered::Waiting
            }
        }
    }

    /// The panel is open: a prompt that waited behind it shows now; its
    /// mode, to report it offered.
    pub fn reveal_waiting_csat(&mut self) -> Option<CsatMode> {
        if !(self.open && std::mem::take(&mut self.csat_waiting)) {
            return None;
        }
        self.csat.as_ref().map(|flow| flow.mode)
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

    const NOW: ShopperHistory = ShopperHistory {
        last_answered_ms: None,
        now_ms: 1_800_000_000_000,
    };

    fn resolved(csat_enabled: bool) -> State {
        let mut state = State::new("c_1".into());
        state
            .add_message(Message::new("m1", Role::Assistant, "Done!"))
            .unwrap();
        state.settings = Some(WidgetConfig {
            csat_enabled,
            csat_mode: CsatMode::Scale5,
            csat_sample_percent: 100,
            csat_cooldown_days: 0,
            csat_min_assistant_messages: 1,
            reason_tags: Vec::new(),
            idle_end_seconds: None,
            store_text: false,
            shop_name: None,
        });
        state
    }

    fn with_rules(state: &mut State, change: impl FnOnce(&mut WidgetConfig)) {
        if let Some(settings) = state.settings.as_mut() {
            change(settings);
        }
    }

    #[test]
    fn the_prompt_is_due_once_resolved_if_the_site_enables_it() {
        let mut state = resolved(true);
        assert_eq!(state.csat_due(NOW), None, "not resolved yet");
        state.resolve();
        assert_eq!(state.csat_due(NOW), Some(Ok(CsatMode::Scale5)));
        assert_eq!(
            state.offer_csat(CsatMode::Scale5, Offer::OpenPanel),
            Offered::Opened
        );
        assert_eq!(state.csat_due(NOW), None, "it shows already");
        let mut disabled = resolved(false);
        disabled.resolve();
        assert_eq!(disabled.csat_due(NOW), None);
    }

    #[test]
    fn the_survey_rules_decide_who_is_asked() {
        let mut state = resolved(true);
        state.resolve();
        with_rules(&mut state, |rules| rules.csat_sample_percent = 0);
        assert_eq!(state.csat_due(NOW), Some(Err(Skip::Sample)));
        with_rules(&mut state, |rules| {
            rules.csat_sample_percent = 100;
            rules.csat_min_assistant_messages = 2;
        });
        assert_eq!(
            state.csat_due(NOW),
            Some(Err(Skip::TooShort)),
            "one answer, two needed"
        );
        state
            .add_message(Message::new("m2", Role::Agent, "A colleague here."))
            .unwrap();
        state
            .add_message(Message::new("m3", Role::User, "Thanks"))
            .unwrap();
        assert_eq!(
            state.csat_due(NOW),
            Some(Ok(CsatMode::Scale5)),
            "an agent's answer counts, the shopper's own message does not"
        );
        with_rules(&mut state, |rules| rules.csat_cooldown_days = 30);
        let answered_days_ago = |days: u64| ShopperHistory {
            last_answered_ms: Some(NOW.now_ms - days * protocol::survey::DAY_MS),
            ..NOW
        };
        assert_eq!(
            state.csat_due(answered_days_ago(29)),
            Some(Err(Skip::Cooldown))
        );
        assert_eq!(
            state.csat_due(answered_days_ago(30)),
            Some(Ok(CsatMode::Scale5))
        );
    }

    #[test]
    fn an_idle_end_never_opens_a_closed_panel() {
        let mut state = resolved(true);
        state.resolve();
        assert_eq!(
            state.offer_csat(CsatMode::Scale5, Offer::InPlace),
            Offered::Waiting
        );
        assert!(!state.open && state.csat_waiting);
        assert_eq!(state.reveal_waiting_csat(), None, "still closed");
        state.set_open(true);
        assert_eq!(state.reveal_waiting_csat(), Some(CsatMode::Scale5));
        assert!(!state.csat_waiting);
        assert_eq!(state.reveal_waiting_csat(), None, "revealed once");

        let mut open = resolved(true);
        open.set_open(true);
        open.resolve();
        assert_eq!(
            open.offer_csat(CsatMode::Scale5, Offer::InPlace),
            Offered::Shown
        );
        assert!(!open.csat_waiting);
        let mut reset = resolved(true);
        reset.offer_csat(CsatMode::Scale5, Offer::InPlace);
        reset.reset("c_2".into());
        assert!(!reset.csat_waiting, "a new conversation has no prompt");
    }

    #[test]
    fn steps_report_what_they_change_and_closing_unanswered_dismisses() {
        let mut state = resolved(true);
        assert_eq!(state.csat_step(|flow| flow.pick(4)), None, "no prompt");
        state.offer_csat(CsatMode::Scale5, Offer::OpenPanel);
        let (mode, outcome, step) = state.csat_step(|flow| flow.pick(4)).unwrap();
        assert_eq!(
            (mode, step),
            (CsatMode::Scale5, CsatStep::Comment { score: 4 })
        );
        assert!(matches!(outcome, CsatOutcome::Answer { score: 4, .. }));
        assert_eq!(state.close_csat(), None, "answered: no dismissal");
        assert_eq!(state.csat, None);
        state.offer_csat(CsatMode::Thumbs, Offer::OpenPanel);
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
