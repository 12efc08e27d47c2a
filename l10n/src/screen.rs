//! A site's stored wording, checked again before it is served. Wording
//! saved before the checker gained a rule (`term-variable`, say) may break
//! it; such a message must not reach shoppers. Each message today's check
//! finds fault with is set aside, the shipped text shows in its place,
//! and the owner is told which messages and why (the collector's `GET
//! …/copy/{locale}`, the wording editor).

use crate::check_site_copy;
use crate::entries::{entries, entry_on_line, set_entry};

/// Stored wording as it may be served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screened {
    /// The wording without the messages set aside.
    pub ftl: String,
    /// The messages set aside, in the order they were found.
    pub set_aside: Vec<SetAside>,
}

impl Screened {
    /// The ids of the messages set aside, in order.
    pub fn set_aside_ids(&self) -> Vec<&str> {
        self.set_aside
            .iter()
            .map(|aside| aside.id.as_str())
            .collect()
    }
}

/// A message of a site's wording that is not served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The message (or term) id.
    pub id: String,
    /// Why: the checker's findings on it, as `copy/{locale}.ftl:line:col`
    /// diagnostics of the stored text.
    pub problems: Vec<String>,
}

/// `ftl`, a site's stored wording for `locale`, with every message that
/// today's [`check_site_copy`] refuses against `reference` set aside.
/// Setting one aside can break another (a message that used a term set
/// aside), so the check runs again until it passes, at most once per
/// message. A finding on no message's lines leaves nothing to serve: the
/// whole wording is set aside then.
pub fn screen_site_copy(reference: &str, locale: &str, ftl: &str) -> Screened {
    let mut kept = ftl.to_string();
    let mut set_aside: Vec<SetAside> = Vec::new();
    for _ in 0..=entries(ftl).len() {
        let problems = check_site_copy(reference, locale, &kept);
        if problems.is_empty() {
            break;
        }
        let found = entries(&kept);
        let mut placed: Vec<SetAside> = Vec::new();
        let mut elsewhere = Vec::new();
        for problem in &problems {
            match entry_on_line(&found, problem.line) {
                Some(entry) => match placed.iter_mut().find(|aside| aside.id == entry.id) {
                    Some(aside) => aside.problems.push(problem.to_string()),
                    None => placed.push(SetAside {
                        id: entry.id.clone(),
                        problems: vec![problem.to_string()],
                    }),
                },
                None => elsewhere.push(problem.to_string()),
            }
        }
        if !elsewhere.is_empty() || placed.is_empty() {
            set_aside.extend(found.into_iter().map(|entry| SetAside {
                id: entry.id,
                problems: elsewhere.clone(),
            }));
            kept = String::new();
            break;
        }
        for aside in placed {
            kept = set_entry(&kept, &aside.id, "");
            set_aside.push(aside);
        }
    }
    Screened {
        ftl: kept,
        set_aside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE: &str = "\
# Heading.
csat-title = How was your chat with { $shop }?
# Thanks.
csat-thanks = Thanks!
# Close.
close = Close
";

    #[test]
    fn wording_that_passes_is_served_whole() {
        let ftl = "csat-thanks = Danke!\nclose = Schließen\n";
        assert_eq!(
            screen_site_copy(REFERENCE, "de", ftl),
            Screened {
                ftl: ftl.to_string(),
                set_aside: Vec::new(),
            }
        );
    }

    #[test]
    fn a_message_todays_check_refuses_is_set_aside_with_why_and_the_rest_served() {
        // A term that writes out the message's variable: accepted before
        // `term-variable` existed; it would show "{$shop}" to shoppers.
        let ftl =
            "-shop-name = { $shop }\ncsat-title = Chat mit { -shop-name }?\ncsat-thanks = Danke!\n";
        let screened = screen_site_copy(REFERENCE, "de", ftl);
        assert_eq!(screened.set_aside_ids(), ["csat-title"], "{screened:?}");
        assert!(
            screened.set_aside.iter().any(|aside| aside
                .problems
                .iter()
                .any(|problem| problem.contains("term-variable"))),
            "{screened:?}"
        );
        assert!(
            screened.ftl.contains("csat-thanks = Danke!"),
            "{screened:?}"
        );
        assert!(!screened.ftl.contains("csat-title"), "{screened:?}");
        assert!(check_site_copy(REFERENCE, "de", &screened.ftl).is_empty());
    }

    #[test]
    fn setting_a_term_aside_sets_aside_the_messages_that_used_it() {
        // A function the formatter cannot resolve, in a term.
        let ftl = "-brand = { UPPER(\"shop\") }\ncsat-thanks = Danke von { -brand }!\nclose = Schließen\n";
        let screened = screen_site_copy(REFERENCE, "de", ftl);
        assert_eq!(
            screened.set_aside_ids(),
            ["-brand", "csat-thanks"],
            "{screened:?}"
        );
        assert_eq!(screened.ftl, "close = Schließen\n");
    }

    #[test]
    fn a_finding_on_no_message_sets_the_whole_wording_aside() {
        let ftl = "csat-thanks = Danke!\n}}} stray\n";
        let screened = screen_site_copy(REFERENCE, "de", ftl);
        assert_eq!(screened.ftl, "");
        assert!(
            screened
                .set_aside
                .iter()
                .any(|aside| aside.id == "csat-thanks"),
            "{screened:?}"
        );
    }
}
