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

/// How the satisfaction prompts worded with one version fared: offered,
/// answered (a score picked) and completed (submitted). A prompt counts
/// for the version the widget formatted it with, so these are the prompts
/// shown while that version was live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionPrompts {
    /// The version.
    pub version: u32,
    /// Prompts shown.
    pub offered: u64,
    /// Of those, answered.
    pub answered: u64,
    /// Of those, completed.
    pub completed: u64,
}

impl VersionPrompts {
    /// The share of prompts answered, 0 to 1; `None` when none was offered.
    pub fn answered_share(&self) -> Option<f64> {
        share(self.answered, self.offered)
    }

    /// The share of prompts completed, 0 to 1; `None` when none was offered.
    pub fn completed_share(&self) -> Option<f64> {
        share(self.completed, self.offered)
    }
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part.min(whole) as f64 / whole as f64)
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
    fn shares_are_of_the_prompts_offered_and_none_without_any() {
        let fared = VersionPrompts {
            version: 2,
            offered: 8,
            answered: 6,
            completed: 2,
        };
        assert_eq!(fared.answered_share(), Some(0.75));
        assert_eq!(fared.completed_share(), Some(0.25));
        let none = VersionPrompts {
            offered: 0,
            answered: 0,
            completed: 0,
            ..fared
        };
        assert_eq!(none.answered_share(), None);
    }

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
