//! The wording editor's model, plain Rust: a locale's three texts of each
//! widget message (the en-US reference, the locale's shipped copy, the
//! site's own), the draft being edited, and what the checker says of it,
//! with the same check and the same `line:col` as the collector's 422.

use l10n::entries::{EntryText, entries, entry_on_line, set_entry};
use l10n::{Diagnostic, check_site_copy};

/// A locale's wording for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    /// The locale edited.
    pub locale: String,
    /// The en-US widget copy, which every locale translates.
    pub reference: String,
    /// The locale's shipped widget copy.
    pub shipped: String,
    /// The site's wording as stored.
    pub saved: String,
    /// The site's wording being edited (Fluent).
    pub draft: String,
}

/// One widget message as the editor lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRow {
    /// Its id.
    pub id: String,
    /// What the reference's note for translators says of it: where it
    /// shows, and any limit (empty without one).
    pub note: String,
    /// Its en-US text.
    pub reference: String,
    /// Its shipped text in the locale (the reference's when not translated).
    pub shipped: Option<String>,
    /// The site's own text in the draft, if it has one.
    pub own: Option<String>,
}

impl MessageRow {
    /// The text shoppers get without the site's own: the locale's shipped
    /// text, or the reference's where the locale has none.
    pub fn shipped_text(&self) -> &str {
        self.shipped.as_deref().unwrap_or(&self.reference)
    }
}

fn value_of(list: &[EntryText], id: &str) -> Option<String> {
    list.iter()
        .find(|entry| entry.id == id)
        .map(|entry| entry.value.clone())
}

impl Wording {
    /// A locale's wording as loaded: the draft starts as what is stored.
    pub fn new(locale: &str, reference: String, shipped: String, saved: String) -> Self {
        Self {
            locale: locale.to_string(),
            reference,
            shipped,
            draft: saved.clone(),
            saved,
        }
    }

    /// Every message of the reference, in its order, with its three texts.
    pub fn rows(&self) -> Vec<MessageRow> {
        let (shipped, own) = (entries(&self.shipped), entries(&self.draft));
        entries(&self.reference)
            .into_iter()
            .filter(|entry| !entry.id.starts_with('-'))
            .map(|entry| MessageRow {
                shipped: value_of(&shipped, &entry.id),
                own: value_of(&own, &entry.id),
                id: entry.id,
                note: entry.note,
                reference: entry.value,
            })
            .collect()
    }

    /// Sets the site's own text of message `id` (empty: the shipped text
    /// shows again).
    pub fn set_message(&mut self, id: &str, text: &str) {
        self.draft = set_entry(&self.draft, id, text);
    }

    /// What the checker says of the draft: the errors the collector would
    /// refuse it for.
    pub fn problems(&self) -> Vec<Diagnostic> {
        check_site_copy(&self.reference, &self.locale, &self.draft)
    }

    /// What the checker says of the draft, placed on the messages the
    /// editor lists (everything else, such as a term or an id the
    /// reference does not have, is shown apart).
    pub fn placed_problems(&self) -> Placed {
        let shown: Vec<String> = self.rows().into_iter().map(|row| row.id).collect();
        problems_by_message(&self.draft, &self.problems(), &shown)
    }

    /// The messages of the saved wording that shoppers get the shipped
    /// text of: today's check refuses them (they were saved before the
    /// check existed), so the collector sets them aside
    /// (`l10n::screen`), as it says in `GET …/copy/{locale}`.
    pub fn set_aside(&self) -> Vec<String> {
        l10n::screen::screen_site_copy(&self.reference, &self.locale, &self.saved)
            .set_aside_ids()
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    /// Whether the draft differs from what is stored.
    pub fn is_changed(&self) -> bool {
        self.draft != self.saved
    }

    /// The copy the widget would get with the draft saved: the shipped
    /// copy with the site's messages laid over it.
    pub fn layered(&self) -> String {
        l10n::layer(&self.shipped, &self.draft)
    }
}

/// The checker's findings on a draft, placed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Placed {
    /// Those on the lines of one of the draft's messages: its id, the finding.
    pub by_message: Vec<(String, Diagnostic)>,
    /// Those on no message's lines.
    pub elsewhere: Vec<Diagnostic>,
}

impl Placed {
    /// The findings on message `id`.
    pub fn on(&self, id: &str) -> Vec<Diagnostic> {
        self.by_message
            .iter()
            .filter(|(message, _)| message == id)
            .map(|(_, found)| found.clone())
            .collect()
    }

    /// Whether the checker finds anything in message `id`.
    pub fn has_any_on(&self, id: &str) -> bool {
        self.by_message.iter().any(|(message, _)| message == id)
    }

    /// Every finding, those on messages first.
    pub fn all(&self) -> Vec<Diagnostic> {
        self.by_message
            .iter()
            .map(|(_, found)| found.clone())
            .chain(self.elsewhere.iter().cloned())
            .collect()
    }
}

/// `problems` placed on the draft's messages among `shown`, by the lines
/// they are on; the rest apart.
pub fn problems_by_message(draft: &str, problems: &[Diagnostic], shown: &[String]) -> Placed {
    let spans = entries(draft);
    let mut by_message = Vec::new();
    let mut elsewhere = Vec::new();
    for problem in problems {
        match entry_on_line(&spans, problem.line).filter(|entry| shown.contains(&entry.id)) {
            Some(entry) => by_message.push((entry.id.clone(), problem.clone())),
            None => elsewhere.push(problem.clone()),
        }
    }
    Placed {
        by_message,
        elsewhere,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE: &str = "\
# Title.
csat-title = How was this conversation?
# Thanks.
csat-after-submission = Thank you for your feedback!
# Count.
characters-left = { $count ->
    [one] { $count } character left
   *[other] { $count } characters left
}
";
    const SHIPPED: &str = "csat-title = Wie war das Gespräch?\n";

    fn wording(saved: &str) -> Wording {
        Wording::new("de", REFERENCE.into(), SHIPPED.into(), saved.into())
    }

    #[test]
    fn saved_messages_todays_check_refuses_are_named_as_set_aside() {
        let saved = "csat-title = { UPPER(\"x\") }\ncsat-after-submission = Danke!\n";
        assert_eq!(wording(saved).set_aside(), ["csat-title"]);
        assert!(wording("csat-title = Wie war's?\n").set_aside().is_empty());
    }

    #[test]
    fn each_message_has_its_reference_shipped_and_own_text() {
        let rows = wording("csat-after-submission = Danke!\n").rows();
        let ids: Vec<&str> = rows.iter().map(|row| row.id.as_str()).collect();
        assert_eq!(
            ids,
            ["csat-title", "csat-after-submission", "characters-left"]
        );
        assert_eq!(rows[0].reference, "How was this conversation?");
        assert_eq!(rows[0].shipped.as_deref(), Some("Wie war das Gespräch?"));
        assert_eq!(rows[0].own, None);
        assert_eq!(rows[1].shipped, None, "not translated in the shipped copy");
        assert_eq!(rows[1].own.as_deref(), Some("Danke!"));
    }

    #[test]
    fn editing_a_message_changes_the_draft_and_reverting_it_restores_the_stored_text() {
        let mut wording = wording("csat-after-submission = Danke!\n");
        wording.set_message("csat-title", "Wie war's?");
        assert!(wording.is_changed());
        assert!(wording.layered().contains("csat-title = Wie war's?"));
        wording.set_message("csat-title", "");
        assert!(!wording.is_changed(), "{:?}", wording.draft);
        assert!(
            wording
                .layered()
                .contains("csat-title = Wie war das Gespräch?")
        );
    }

    #[test]
    fn problems_are_the_collectors_and_land_on_their_message() {
        let mut wording = wording("");
        wording.set_message("csat-title", "Fine");
        wording.set_message("characters-left", "{ $count ->\n    [one] eins\n}");
        let problems = wording.problems();
        assert!(!problems.is_empty());
        assert_eq!(
            problems,
            check_site_copy(REFERENCE, "de", &wording.draft),
            "the same check as the collector's"
        );
        let placed = wording.placed_problems();
        assert!(placed.elsewhere.is_empty(), "{placed:?}");
        assert_eq!(placed.on("characters-left").len(), problems.len());
        assert_eq!(placed.all().len(), problems.len());
        assert!(
            placed
                .by_message
                .iter()
                .all(|(id, found)| id == "characters-left"
                    && found
                        .to_string()
                        .starts_with("copy/de.ftl:4:1: error[syntax]")),
            "{placed:?}"
        );
        let nowhere = problems_by_message("", &problems, &[]);
        assert_eq!(
            nowhere.elsewhere.len(),
            problems.len(),
            "no entry holds them"
        );
        // A message the reference does not have is no row: its finding is
        // shown apart, not lost.
        let mut stray = super::tests::wording("");
        stray.set_message("csat-titel", "Tippfehler");
        let placed = stray.placed_problems();
        assert!(placed.by_message.is_empty(), "{placed:?}");
        assert_eq!(placed.elsewhere.len(), stray.problems().len());
        assert!(!placed.elsewhere.is_empty(), "an unknown id is an error");
    }
}
