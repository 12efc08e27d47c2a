//! A site's saved wording, version by version: every accepted change to
//! one locale's copy is kept, so an editor can see who changed what when,
//! compare, and restore.

use serde::{Deserialize, Serialize};

/// Most versions one listing returns (newest first).
pub const MAX_LISTED_VERSIONS: u32 = 100;

/// One saved version of a site's copy for a locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyVersion {
    /// 1 for the first save of this locale, then 2, 3, …
    pub version: u32,
    /// When it was saved, unix ms.
    pub saved_at: i64,
    /// Who saved it: `"owner"`, or a key as `"key_… (name)"`.
    pub saved_by: String,
}

/// One version with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyVersionText {
    /// Which version.
    #[serde(flatten)]
    pub about: CopyVersion,
    /// The Fluent text saved.
    pub ftl: String,
}

/// The version number in a route (`…/versions/{n}`): a positive integer.
pub fn parse_version(text: &str) -> Option<u32> {
    text.parse::<u32>()
        .ok()
        .filter(|&n| n > 0 && text.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_in_routes_are_positive_integers_written_plainly() {
        assert_eq!(parse_version("1"), Some(1));
        assert_eq!(parse_version("42"), Some(42));
        for bad in ["0", "-1", "+1", "1.0", "", "x", "99999999999"] {
            assert_eq!(parse_version(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_version_with_its_text_is_one_flat_object() {
        let text = CopyVersionText {
            about: CopyVersion {
                version: 3,
                saved_at: 1_795_000_000_000,
                saved_by: "owner".into(),
            },
            ftl: "bubble-open = Hi\n".into(),
        };
        let json = serde_json::to_value(&text).unwrap();
        assert_eq!(json["version"], 3);
        assert_eq!(json["ftl"], "bubble-open = Hi\n");
        assert_eq!(
            serde_json::from_value::<CopyVersionText>(json).unwrap(),
            text
        );
    }
}
