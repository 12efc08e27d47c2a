//! 👍/👎 under an assistant message (`Chat::rate`), and the reason
//! asked after a 👎 when the site offers reason tags.

use protocol::text::{MAX_COMMENT_UTF16, truncate_utf16};
use protocol::{MessageFeedback, Rating};

use super::State;

impl State {
    /// A 👍/👎 clicked under message `id`: the feedback to send, with the
    /// new rating (a 👎 opens the reason form when the site offers tags);
    /// `None` if there is no such assistant message.
    pub fn rate(&mut self, id: &str, clicked: Rating) -> Option<MessageFeedback> {
        let reasons_offered = !self.reason_tags().is_empty();
        self.chat.rate(id, clicked, reasons_offered)?;
        self.chat.feedback(id, self.stores_text())
    }

    /// The feedback on message `id` with the shopper's `reason` for it.
    pub fn explained(&self, id: &str, reason: Reason) -> Option<MessageFeedback> {
        let mut feedback = self.chat.feedback(id, self.stores_text())?;
        feedback.tags = reason.tags;
        feedback.reason = reason.comment;
        Some(feedback)
    }
}

/// Why a 👎, as the shopper said it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reason {
    /// The tags picked, in the order the site offers them.
    pub tags: Vec<String>,
    /// The comment, trimmed and cut to the limit.
    pub comment: Option<String>,
}

/// The reason being given after a 👎: which of the offered tags are picked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReasonDraft {
    picked: Vec<String>,
}

impl ReasonDraft {
    /// Picks `tag`, or unpicks it.
    pub fn toggle(&mut self, tag: &str) {
        match self.picked.iter().position(|picked| picked == tag) {
            Some(at) => {
                self.picked.remove(at);
            }
            None => self.picked.push(tag.to_string()),
        }
    }

    /// Whether `tag` is picked.
    pub fn is_picked(&self, tag: &str) -> bool {
        self.picked.iter().any(|picked| picked == tag)
    }

    /// What to send: the picked tags in the order `offered` lists them, and
    /// the comment trimmed and cut to the limit (`None` when empty).
    pub fn answer(&self, offered: &[String], comment: &str) -> Reason {
        let tags = offered
            .iter()
            .filter(|tag| self.is_picked(tag))
            .cloned()
            .collect();
        let text = truncate_utf16(comment.trim(), MAX_COMMENT_UTF16).to_string();
        Reason {
            tags,
            comment: (!text.is_empty()).then_some(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chat::{Message, Role};
    use protocol::{CsatMode, WidgetConfig};

    #[test]
    fn a_down_asks_why_only_when_the_site_offers_tags() {
        let mut state = State::new("c_1".into());
        state
            .add_message(Message::new("m1", Role::Assistant, "a"))
            .unwrap();
        assert_eq!(
            state.rate("m1", Rating::Down).map(|f| f.rating),
            Some(Rating::Down)
        );
        assert!(!state.chat.messages[0].asking_reason, "no settings yet");
        state.settings = Some(WidgetConfig {
            csat_enabled: false,
            csat_mode: CsatMode::Thumbs,
            csat_sample_percent: 100,
            csat_cooldown_days: 0,
            csat_min_assistant_messages: 1,
            reason_tags: vec!["too_long".into()],
            idle_end_seconds: None,
            store_text: false,
            shop_name: None,
        });
        assert_eq!(
            state.rate("m1", Rating::Up).map(|f| f.rating),
            Some(Rating::Up)
        );
        assert_eq!(
            state.rate("m1", Rating::Down).map(|f| f.rating),
            Some(Rating::Down)
        );
        assert!(state.chat.messages[0].asking_reason);
    }

    #[test]
    fn picked_tags_go_in_the_offered_order_with_the_comment_trimmed() {
        let offered: Vec<String> = ["wrong", "too_long", "rude"].map(String::from).to_vec();
        let mut draft = ReasonDraft::default();
        draft.toggle("rude");
        draft.toggle("wrong");
        draft.toggle("too_long");
        draft.toggle("too_long");
        assert!(draft.is_picked("rude") && !draft.is_picked("too_long"));
        assert_eq!(
            draft.answer(&offered, "  Not what I asked \n"),
            Reason {
                tags: vec!["wrong".to_string(), "rude".to_string()],
                comment: Some("Not what I asked".to_string())
            }
        );
        assert_eq!(
            ReasonDraft::default().answer(&offered, "   "),
            Reason::default()
        );
        let long = draft.answer(&offered, &"é".repeat(MAX_COMMENT_UTF16 + 5));
        assert_eq!(long.comment, Some("é".repeat(MAX_COMMENT_UTF16)));
        // An emoji that would cross the limit goes whole.
        let edge = format!("{}👍", "x".repeat(MAX_COMMENT_UTF16 - 1));
        let cut = draft.answer(&offered, &edge);
        assert_eq!(cut.comment, Some("x".repeat(MAX_COMMENT_UTF16 - 1)));
    }
}
