//! The satisfaction prompt's steps, as a plain state machine: which screen
//! shows, and what each action sends.

use protocol::CsatMode;
use protocol::text::{MAX_COMMENT_UTF16, clean, truncate_utf16};

/// Which screen of the prompt shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsatStep {
    /// The question: 👍/👎 or 1–5.
    Asking,
    /// A score was picked; now the comment (the negative reason on 👎 in
    /// thumbs mode, an optional comment on the 1–5 scale).
    Comment {
        /// The score picked.
        score: u8,
    },
    /// Submitted: the thank-you message.
    Thanks,
}

/// What to send when the shopper acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsatOutcome {
    /// A `csat_response`.
    Answer {
        /// 1–5 (thumbs: 5 or 1).
        score: u8,
        /// The comment so far.
        comment: Option<String>,
        /// Whether the shopper finished.
        completed: bool,
    },
    /// A `csat_dismissed`: closed without answering.
    Dismissed,
}

/// One conversation's prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsatFlow {
    /// Thumbs or 1–5.
    pub mode: CsatMode,
    /// The screen showing.
    pub step: CsatStep,
}

impl CsatFlow {
    /// A prompt just shown.
    pub fn offered(mode: CsatMode) -> Self {
        Self {
            mode,
            step: CsatStep::Asking,
        }
    }

    /// The shopper picked `score` (thumbs: 5 for 👍, 1 for 👎). A 👍 is the
    /// whole answer; a 👎 or a 1–5 score leads on to the comment.
    pub fn pick(&mut self, score: u8) -> Option<CsatOutcome> {
        if !self.mode.accepts(score) || self.step == CsatStep::Thanks {
            return None;
        }
        let done = self.mode == CsatMode::Thumbs && score == 5;
        self.step = if done {
            CsatStep::Thanks
        } else {
            CsatStep::Comment { score }
        };
        Some(CsatOutcome::Answer {
            score,
            comment: None,
            completed: done,
        })
    }

    /// The shopper submitted the comment screen.
    pub fn submit(&mut self, comment: &str) -> Option<CsatOutcome> {
        let CsatStep::Comment { score } = self.step else {
            return None;
        };
        let comment = truncate_utf16(&clean(comment), MAX_COMMENT_UTF16).to_string();
        self.step = CsatStep::Thanks;
        Some(CsatOutcome::Answer {
            score,
            comment: (!comment.is_empty()).then_some(comment),
            completed: true,
        })
    }

    /// The shopper closed the prompt: a dismissal only if nothing was answered.
    pub fn close(&self) -> Option<CsatOutcome> {
        (self.step == CsatStep::Asking).then_some(CsatOutcome::Dismissed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thumbs_up_is_the_whole_answer() {
        let mut flow = CsatFlow::offered(CsatMode::Thumbs);
        let sent = flow.pick(5).unwrap();
        assert_eq!(
            sent,
            CsatOutcome::Answer {
                score: 5,
                comment: None,
                completed: true
            }
        );
        assert_eq!(flow.step, CsatStep::Thanks);
        assert_eq!(flow.close(), None);
    }

    #[test]
    fn a_thumbs_down_asks_why_and_the_reason_completes_it() {
        let mut flow = CsatFlow::offered(CsatMode::Thumbs);
        assert_eq!(
            flow.pick(1).unwrap(),
            CsatOutcome::Answer {
                score: 1,
                comment: None,
                completed: false
            }
        );
        assert_eq!(flow.step, CsatStep::Comment { score: 1 });
        assert_eq!(
            flow.close(),
            None,
            "closing after answering is not a dismissal"
        );
        assert_eq!(
            flow.submit("  Too slow\u{0007} ").unwrap(),
            CsatOutcome::Answer {
                score: 1,
                comment: Some("Too slow".into()),
                completed: true
            }
        );
        assert_eq!(flow.step, CsatStep::Thanks);
    }

    #[test]
    fn the_scale_takes_any_score_then_an_optional_comment() {
        let mut flow = CsatFlow::offered(CsatMode::Scale5);
        assert!(flow.pick(0).is_none());
        assert!(flow.pick(6).is_none());
        flow.pick(3).unwrap();
        // The shopper may change the score before submitting.
        flow.pick(4).unwrap();
        assert_eq!(
            flow.submit("   ").unwrap(),
            CsatOutcome::Answer {
                score: 4,
                comment: None,
                completed: true
            }
        );
    }

    #[test]
    fn closing_unanswered_is_a_dismissal_and_thumbs_refuse_a_three() {
        let flow = CsatFlow::offered(CsatMode::Scale5);
        assert_eq!(flow.close(), Some(CsatOutcome::Dismissed));
        let mut thumbs = CsatFlow::offered(CsatMode::Thumbs);
        assert!(thumbs.pick(3).is_none());
        assert!(
            thumbs.submit("x").is_none(),
            "nothing to submit before a score"
        );
    }

    #[test]
    fn overlong_comments_are_cut_to_the_limit() {
        let mut flow = CsatFlow::offered(CsatMode::Scale5);
        flow.pick(2).unwrap();
        let Some(CsatOutcome::Answer {
            comment: Some(comment),
            ..
        }) = flow.submit(&"👍".repeat(MAX_COMMENT_UTF16))
        else {
            unreachable!()
        };
        // Emoji count 2 units each, as in the browser's `maxlength`.
        assert_eq!(comment, "👍".repeat(MAX_COMMENT_UTF16 / 2));
    }
}
