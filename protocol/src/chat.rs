//! A message in Slack's incoming-webhook format, which Mattermost and
//! Rocket.Chat accept too (and Discord at `…/slack`): `text` for
//! notifications and clients without blocks, `blocks` for the layout.
//! Only the block types this product writes are modelled, each as Slack
//! documents it (https://api.slack.com/reference/block-kit/blocks).

use serde::{Deserialize, Serialize};

/// The longest `header` text Slack takes.
pub const MAX_HEADER_CHARS: usize = 150;
/// The longest `section` text Slack takes.
pub const MAX_SECTION_CHARS: usize = 3_000;
/// The most elements a `context` block takes.
pub const MAX_CONTEXT_ELEMENTS: usize = 10;

/// `{"text", "blocks"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    /// The fallback and notification text.
    pub text: String,
    /// The layout.
    pub blocks: Vec<Block>,
}

/// A layout block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Large bold text, plain only.
    Header {
        /// At most [`MAX_HEADER_CHARS`].
        text: Text,
    },
    /// A paragraph.
    Section {
        /// At most [`MAX_SECTION_CHARS`].
        text: Text,
    },
    /// Small print under a message.
    Context {
        /// At most [`MAX_CONTEXT_ELEMENTS`].
        elements: Vec<Text>,
    },
    /// A line between parts.
    Divider,
}

/// A text object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Text {
    /// Shown as given.
    PlainText {
        /// The text.
        text: String,
    },
    /// Slack's markup: `*bold*`, `<url|label>`.
    Mrkdwn {
        /// The text, with `&`, `<` and `>` escaped where they are not markup.
        text: String,
    },
}

impl Text {
    /// Plain text, cut to `max` characters.
    pub fn plain(text: &str, max: usize) -> Self {
        Self::PlainText {
            text: cut(text, max),
        }
    }

    /// Markup from `markup`, cut to `max` characters.
    pub fn markup(markup: &str, max: usize) -> Self {
        Self::Mrkdwn {
            text: cut(markup, max),
        }
    }
}

/// `text` with the three characters Slack's markup reserves escaped, as
/// its docs ask for text that is not markup (a shop's name, a question).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// At most `max` characters of `text`, an ellipsis marking a cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut kept: String = text.chars().take(max.saturating_sub(1)).collect();
    kept.push('…');
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn blocks_are_written_as_slack_documents_them() {
        let message = ChatMessage {
            text: "fallback".into(),
            blocks: vec![
                Block::Header {
                    text: Text::plain("Alert", MAX_HEADER_CHARS),
                },
                Block::Section {
                    text: Text::markup("*bold*", MAX_SECTION_CHARS),
                },
                Block::Divider,
                Block::Context {
                    elements: vec![Text::markup("small", MAX_SECTION_CHARS)],
                },
            ],
        };
        assert_eq!(
            serde_json::to_value(&message).unwrap_or_default(),
            json!({"text": "fallback", "blocks": [
                {"type": "header", "text": {"type": "plain_text", "text": "Alert"}},
                {"type": "section", "text": {"type": "mrkdwn", "text": "*bold*"}},
                {"type": "divider"},
                {"type": "context", "elements": [{"type": "mrkdwn", "text": "small"}]},
            ]})
        );
    }

    #[test]
    fn text_is_escaped_and_cut_to_slacks_limits() {
        assert_eq!(
            escape("<b>Tom & Jerry</b>"),
            "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"
        );
        let long = "é".repeat(200);
        let Text::PlainText { text } = Text::plain(&long, MAX_HEADER_CHARS) else {
            panic!("plain text");
        };
        assert_eq!(text.chars().count(), MAX_HEADER_CHARS);
        assert!(text.ends_with('…'));
    }
}
