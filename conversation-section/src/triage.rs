//! Keyboard triage in a conversation (#31): the usual single keys, as
//! plain data tested natively. `J` and `K` move to the next and previous
//! conversation with an open item, `R` marks the open item reviewed, `1`
//! to `9` pick the site's first nine labels. Keys do nothing while the
//! reader types in a field, or with a modifier held.

use dashboard::api::ReviewItem;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Triage {
    /// The next conversation with an open item (older in the queue).
    Next,
    /// The previous one (newer).
    Previous,
    /// Mark the open item reviewed.
    MarkReviewed,
    /// Pick or unpick the site's label at this index.
    Label(usize),
}

/// Where a key was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pressed<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    /// Ctrl, Alt or Meta held.
    pub modified: bool,
    /// Focus is in a text field, a text area or a list (typing).
    pub typing: bool,
}

impl Triage {
    /// What `pressed` asks for, if anything.
    pub fn of(pressed: Pressed<'_>) -> Option<Self> {
        if pressed.modified || pressed.typing {
            return None;
        }
        match pressed.key {
            "j" | "J" => Some(Self::Next),
            "k" | "K" => Some(Self::Previous),
            "r" | "R" => Some(Self::MarkReviewed),
            digit => {
                let mut chars = digit.chars();
                let (Some(first), None) = (chars.next(), chars.next()) else {
                    return None;
                };
                let n = first.to_digit(10).filter(|n| (1..=9).contains(n))?;
                Some(Self::Label(n as usize - 1))
            }
        }
    }
}

/// The conversations of `open` (the open queue, newest first), each once,
/// in the queue's order.
fn conversations(open: &[ReviewItem]) -> Vec<&str> {
    let mut seen: Vec<&str> = Vec::new();
    for item in open {
        if !seen.contains(&item.conversation_id.as_str()) {
            seen.push(&item.conversation_id);
        }
    }
    seen
}

/// The conversation `J` (`next`) or `K` opens from `current`: the one
/// after or before it in the open queue; from a conversation not in it,
/// the queue's first. `None` at either end.
pub fn neighbour(open: &[ReviewItem], current: &str, next: bool) -> Option<String> {
    let list = conversations(open);
    let at = list.iter().position(|id| *id == current);
    let target = match (at, next) {
        (None, _) => list.first(),
        (Some(at), true) => list.get(at + 1),
        (Some(at), false) => at.checked_sub(1).and_then(|before| list.get(before)),
    };
    target.map(|id| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use protocol::review::{ReviewKind, ReviewState};

    fn item(id: &str, conversation: &str) -> ReviewItem {
        ReviewItem {
            item_id: id.into(),
            kind: ReviewKind::Thumb,
            conversation_id: conversation.into(),
            message_id: Some("m".into()),
            opened_at: 0,
            state: ReviewState::Open,
            note: None,
            labels: Vec::new(),
            reviewed_by: None,
            reviewed_at: None,
            version: 1,
        }
    }

    #[test]
    fn single_keys_triage_and_typing_or_modifiers_turn_them_off() {
        let key = |key, modified, typing| {
            Triage::of(Pressed {
                key,
                modified,
                typing,
            })
        };
        assert_eq!(key("j", false, false), Some(Triage::Next));
        assert_eq!(key("K", false, false), Some(Triage::Previous));
        assert_eq!(key("r", false, false), Some(Triage::MarkReviewed));
        assert_eq!(key("1", false, false), Some(Triage::Label(0)));
        assert_eq!(key("9", false, false), Some(Triage::Label(8)));
        for (pressed, modified, typing) in [
            ("0", false, false),
            ("10", false, false),
            ("x", false, false),
            ("Enter", false, false),
            ("j", true, false),
            ("r", false, true),
            ("1", false, true),
        ] {
            assert_eq!(key(pressed, modified, typing), None, "{pressed}");
        }
    }

    #[test]
    fn next_and_previous_walk_the_open_conversations_once_each() {
        let open = [
            item("e1", "c_a"),
            item("e2", "c_a"),
            item("e3", "c_b"),
            item("e4", "c_c"),
        ];
        assert_eq!(neighbour(&open, "c_a", true).as_deref(), Some("c_b"));
        assert_eq!(neighbour(&open, "c_b", true).as_deref(), Some("c_c"));
        assert_eq!(neighbour(&open, "c_c", true), None);
        assert_eq!(neighbour(&open, "c_b", false).as_deref(), Some("c_a"));
        assert_eq!(neighbour(&open, "c_a", false), None);
        // From a conversation already reviewed: the queue's first.
        assert_eq!(neighbour(&open, "c_done", true).as_deref(), Some("c_a"));
        assert_eq!(neighbour(&[], "c_a", true), None);
    }
}
