//! Which section shows, from the address's `#/...` (so the browser's Back
//! works and a conversation can be linked to).

use protocol::Need;
use protocol::ids::check_id;

/// A section of the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    /// Analyze → Overview.
    #[default]
    Overview,
    /// The Conversations inbox.
    Conversations,
    /// One conversation.
    Conversation(String),
    /// Thumbs and satisfaction per model, prompt, page, variant or role.
    Compare,
    /// Recommendations → knowledge gaps.
    Recommendations,
    /// The site's settings and their changes.
    Settings,
    /// The widget's wording, per locale.
    Wording,
}

impl Route {
    /// The route a `location.hash` names; the Overview for anything else.
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some(("conversations", id)) if check_id("conversation", id).is_ok() => {
                Self::Conversation(id.to_string())
            }
            Some(_) => Self::Overview,
            None => match path {
                "conversations" => Self::Conversations,
                "compare" => Self::Compare,
                "recommendations" => Self::Recommendations,
                "settings" => Self::Settings,
                "wording" => Self::Wording,
                _ => Self::Overview,
            },
        }
    }

    /// The link to this route.
    pub fn href(&self) -> String {
        match self {
            Self::Overview => "#/overview".to_string(),
            Self::Conversations => "#/conversations".to_string(),
            Self::Conversation(id) => format!("#/conversations/{id}"),
            Self::Compare => "#/compare".to_string(),
            Self::Recommendations => "#/recommendations".to_string(),
            Self::Settings => "#/settings".to_string(),
            Self::Wording => "#/wording".to_string(),
        }
    }

    /// The top-level section it belongs to (a conversation is in the inbox).
    pub fn section(&self) -> Self {
        match self {
            Self::Conversation(_) => Self::Conversations,
            other => other.clone(),
        }
    }

    /// What opening it needs.
    pub fn need(&self) -> Need {
        match self {
            Self::Settings => Need::Owner,
            Self::Wording => Need::Wording,
            _ => Need::Read,
        }
    }

    /// The route of the page's address now.
    pub fn current() -> Self {
        web_sys::window()
            .and_then(|window| window.location().hash().ok())
            .map(|hash| Self::parse(&hash))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_name_sections_and_conversations_round_trip() {
        for route in [
            Route::Overview,
            Route::Conversations,
            Route::Conversation("c_123".into()),
            Route::Compare,
            Route::Recommendations,
            Route::Settings,
            Route::Wording,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Overview);
        assert_eq!(Route::parse("#/nowhere"), Route::Overview);
        assert_eq!(Route::parse("#/conversations/<script>"), Route::Overview);
        assert_eq!(
            Route::Conversation("c_1".into()).section(),
            Route::Conversations
        );
        assert_eq!(Route::Wording.need(), Need::Wording);
        assert_eq!(Route::Settings.need(), Need::Owner);
        assert_eq!(Route::Conversation("c_1".into()).need(), Need::Read);
    }
}
