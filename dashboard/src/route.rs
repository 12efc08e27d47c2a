//! Which section shows, from the address's `#/...` (so the browser's Back
//! works and a conversation can be linked to).

use protocol::ids::check_id;
use protocol::{InboxFilter, Need};

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
    /// A query after the path (`#/conversations?locale=de`) does not
    /// change the route (see [`inbox_filter`]).
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split_once('?').map_or(path, |(path, _)| path);
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
            Self::Conversations | Self::Conversation(_) => Need::Conversations,
            _ => Need::Read,
        }
    }

    /// The route of the page's address now.
    pub fn current() -> Self {
        Self::parse(&current_hash())
    }
}

/// The page's `location.hash` now.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// The inbox's filter a `#/conversations?…` address carries (a link from
/// the Compare section, or one an owner shared); `None` for an address
/// without one, or with one that is not a filter.
pub fn inbox_filter(hash: &str) -> Option<InboxFilter> {
    let (path, query) = hash.split_once('?')?;
    if Route::parse(path) != Route::Conversations {
        return None;
    }
    InboxFilter::from_query(query).ok()
}

/// The inbox's address with `filter` in it.
pub fn inbox_href(filter: &InboxFilter) -> String {
    let query = filter.to_query();
    let query = query.trim_end_matches('&');
    if query.is_empty() {
        Route::Conversations.href()
    } else {
        format!("{}?{query}", Route::Conversations.href())
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
        assert_eq!(
            Route::Conversation("c_1".into()).need(),
            Need::Conversations
        );
    }

    #[test]
    fn the_inbox_address_carries_its_filter() {
        let filter = InboxFilter::from_query("feedback=downvote&meta.model=gpt-4o").unwrap();
        let href = inbox_href(&filter);
        assert_eq!(href, "#/conversations?feedback=downvote&meta.model=gpt-4o");
        assert_eq!(Route::parse(&href), Route::Conversations);
        assert_eq!(inbox_filter(&href), Some(filter));
        assert_eq!(inbox_href(&InboxFilter::default()), "#/conversations");
        assert_eq!(inbox_filter("#/conversations"), None);
        assert_eq!(inbox_filter("#/compare?locale=de"), None);
        assert_eq!(inbox_filter("#/conversations?locale=not a tag"), None);
        assert_eq!(
            Route::parse("#/conversations/c_1?x=1"),
            Route::Conversation("c_1".into())
        );
    }
}
