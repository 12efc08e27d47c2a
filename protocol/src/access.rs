//! Who may do what with a site: its owner's secret does everything; named
//! keys the owner creates are scoped to the site's wording or to reading
//! its feedback. The wire types of the keys and of the audit list.

use serde::{Deserialize, Serialize};

use crate::settings::Change;

/// What a named key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Read and write the site's copy (and preview it). No conversations,
    /// no settings.
    Wording,
    /// The Overview, Conversations, Recommendations and export. No writes.
    Read,
    /// Conversations and the review queue, and reviewing its items.
    /// Nothing else: no figures, settings, keys, wording or exports.
    Review,
}

impl Scope {
    /// Its name on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Wording => "wording",
            Scope::Read => "read",
            Scope::Review => "review",
        }
    }

    /// The scope named `text`, if any.
    pub fn parse(text: &str) -> Option<Scope> {
        match text {
            "wording" => Some(Scope::Wording),
            "read" => Some(Scope::Read),
            "review" => Some(Scope::Review),
            _ => None,
        }
    }

    /// What a key of this scope may do, said in a 403.
    pub fn describe(self) -> &'static str {
        match self {
            Scope::Wording => "read and write the site's wording only",
            Scope::Read => "read the Overview, Conversations, Recommendations and export only",
            Scope::Review => "read conversations and review them only",
        }
    }
}

/// What a route needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Reading feedback: the owner or a `read` key.
    Read,
    /// Reading conversations and the review queue: the owner, a `read`
    /// or a `review` key.
    Conversations,
    /// Reviewing an item: the owner or a `review` key.
    Review,
    /// Writing the wording: the owner or a `wording` key.
    Wording,
    /// Everything else (settings, keys, erasure): the owner only.
    Owner,
    /// Saying who is asking (the dashboard's sign-in): the owner or any
    /// live key.
    Any,
}

impl Need {
    /// Whether a key of `scope` may do this.
    pub fn allows(self, scope: Scope) -> bool {
        matches!(
            (self, scope),
            (Need::Read, Scope::Read)
                | (Need::Conversations, Scope::Read | Scope::Review)
                | (Need::Review, Scope::Review)
                | (Need::Wording, Scope::Wording)
                | (Need::Any, _)
        )
    }
}

/// Who a credential belongs to, as `GET /v1/sites/{key}/access` answers
/// the dashboard's sign-in: it shows only the sections they may use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "holder", rename_all = "snake_case")]
pub enum Holder {
    /// The site's secret: everything.
    Owner,
    /// A named key.
    Key {
        /// The name the owner gave it.
        name: String,
        /// What it may do.
        scope: Scope,
    },
}

impl Holder {
    /// Whether a route that needs `need` is open to them.
    pub fn may(&self, need: Need) -> bool {
        match self {
            Holder::Owner => true,
            Holder::Key { scope, .. } => need.allows(*scope),
        }
    }
}

/// How a named key's secret starts (the site's own secret starts `sk_`),
/// so a request with any other token costs no lookup of the site's keys.
pub const KEY_SECRET_PREFIX: &str = "ak_";

/// Longest key name, in characters.
pub const MAX_KEY_NAME_CHARS: usize = 60;

/// Most live keys a site may have (revoked ones do not count).
pub const MAX_KEYS: usize = 50;

/// Most keys, revoked ones included, a site's list shows: every live one,
/// then the newest revoked ones.
pub const MAX_LISTED_KEYS: usize = 200;

/// Revoked keys per page of `GET …/keys/revoked`.
pub const REVOKED_PAGE: usize = 50;

/// Where a page of revoked keys ends: they are listed by when they were
/// revoked, then id, both descending, so this pair is a stable resume
/// point while more keys are revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevokedCursor {
    /// `revoked_at` of the last key on the page.
    pub revoked_at: i64,
    /// Its id.
    pub key_id: String,
}

impl RevokedCursor {
    /// `revoked_at.key_id`, as handed to clients.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.revoked_at, self.key_id)
    }

    /// Reads a cursor a previous page handed out.
    pub fn parse(value: &str) -> Result<Self, String> {
        let bad = || format!("`before` {value:?} is not a cursor this API handed out");
        let (at, id) = value.split_once('.').ok_or_else(bad)?;
        let revoked_at = at.parse().map_err(|_| bad())?;
        crate::ids::check_id("before", id).map_err(|_| bad())?;
        Ok(Self {
            revoked_at,
            key_id: id.to_string(),
        })
    }
}

/// A site's keys as its list starts: the live ones, the newest revoked
/// ones after them (at most [`MAX_LISTED_KEYS`] in all), and how many were
/// revoked in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyList {
    /// Live keys first, then revoked ones, newest first within each.
    pub keys: Vec<AccessKey>,
    /// How many keys were ever revoked (older collectors did not say).
    #[serde(default)]
    pub revoked: u32,
}

/// One page of revoked keys, most recently revoked first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokedKeys {
    /// At most [`REVOKED_PAGE`] keys.
    pub keys: Vec<AccessKey>,
    /// Pass as `before` for the next page; `None` on the last.
    pub next: Option<String>,
}

/// A named key as the owner sees it (never its secret, which is shown
/// once, when it is created).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessKey {
    /// Its id (`key_…`), for revoking it and in the audit list.
    pub id: String,
    /// The name the owner gave it ("Marie, French wording").
    pub name: String,
    /// What it may do.
    pub scope: Scope,
    /// When it was created, unix ms.
    pub created_at: i64,
    /// When it was revoked, unix ms; from then on it opens nothing.
    pub revoked_at: Option<i64>,
}

/// A request to create a key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewKey {
    /// Its name.
    pub name: String,
    /// Its scope: `"wording"` or `"read"`.
    pub scope: String,
}

impl NewKey {
    /// The name and scope, checked; otherwise the problems by field.
    pub fn check(&self) -> Result<(String, Scope), crate::settings::FieldErrors> {
        let mut errors = crate::settings::FieldErrors::new();
        let name = self.name.trim();
        let length = name.chars().count();
        if length == 0 || length > MAX_KEY_NAME_CHARS || name.chars().any(char::is_control) {
            errors.insert(
                "name".into(),
                format!("must be 1 to {MAX_KEY_NAME_CHARS} characters, without control characters"),
            );
        }
        let scope = Scope::parse(&self.scope);
        if scope.is_none() {
            errors.insert("scope".into(), "must be \"wording\" or \"read\"".into());
        }
        match scope {
            Some(scope) if errors.is_empty() => Ok((name.to_string(), scope)),
            _ => Err(errors),
        }
    }
}

/// A key just created, with its secret (the only time it is shown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedKey {
    /// The key.
    #[serde(flatten)]
    pub key: AccessKey,
    /// Its secret (`ak_…`), to send as `Authorization: Bearer`.
    pub secret: String,
}

/// One entry of a site's audit list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// When, unix ms.
    pub at: i64,
    /// Who: `"owner"`, or a key as `"key_…"` with its name.
    pub actor: String,
    /// What: `settings`, `key_created`, `key_revoked` or `secret_rotated`.
    pub action: String,
    /// The settings changed (for `settings`), or the key concerned (its
    /// id, name and scope, for the key actions). Never a secret.
    pub changes: Vec<Change>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_revoked_keys_cursor_round_trips_and_refuses_what_it_did_not_hand_out() {
        let cursor = super::RevokedCursor {
            revoked_at: 1_767_000_000_000,
            key_id: "key_ab12".into(),
        };
        assert_eq!(super::RevokedCursor::parse(&cursor.encode()), Ok(cursor));
        for bad in ["", "12", "x.key_1", "12.", "12.key 1", "12.<b>"] {
            assert!(super::RevokedCursor::parse(bad).is_err(), "{bad:?}");
        }
    }

    use super::*;

    #[test]
    fn keys_open_only_their_scope_and_the_owner_everything_else() {
        assert!(Need::Read.allows(Scope::Read));
        assert!(Need::Wording.allows(Scope::Wording));
        assert!(!Need::Read.allows(Scope::Wording));
        assert!(!Need::Wording.allows(Scope::Read));
        assert!(!Need::Owner.allows(Scope::Read));
        assert!(!Need::Owner.allows(Scope::Wording));
        assert!(Need::Any.allows(Scope::Read) && Need::Any.allows(Scope::Wording));
        let editor = Holder::Key {
            name: "Marie".into(),
            scope: Scope::Wording,
        };
        assert!(editor.may(Need::Wording) && !editor.may(Need::Read));
        assert!(Holder::Owner.may(Need::Owner));
        assert_eq!(
            serde_json::to_value(&editor).unwrap(),
            serde_json::json!({"holder": "key", "name": "Marie", "scope": "wording"})
        );
        assert_eq!(
            serde_json::to_value(Holder::Owner).unwrap(),
            serde_json::json!({"holder": "owner"})
        );
    }

    #[test]
    fn a_new_key_needs_a_name_and_a_known_scope() {
        let key = |name: &str, scope: &str| {
            NewKey {
                name: name.into(),
                scope: scope.into(),
            }
            .check()
        };
        assert_eq!(
            key(" Marie (fr) ", "wording"),
            Ok(("Marie (fr)".into(), Scope::Wording))
        );
        let both = key("", "admin").unwrap_err();
        assert!(
            both.contains_key("name") && both.contains_key("scope"),
            "{both:?}"
        );
        assert!(key(&"x".repeat(61), "read").is_err());
        assert!(key("tab\there", "read").is_err());
    }
}
