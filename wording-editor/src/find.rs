//! Finding a message in the wording editor: a search over each message's
//! id and its three texts, filters (changed by the site, differs from the
//! shipped text, has findings, missing in the locale, and one per part of
//! the widget), a count per filter, and the address that keeps them, so a
//! link to a search can be shared. Plain Rust, tested natively.

use protocol::read_api::{percent_decode, percent_encode};

use crate::wording::{MessageRow, Placed};

/// A part of the widget, where shoppers meet a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The satisfaction prompt (its thumbs, its 1–5 scale, its comment).
    Prompt,
    /// Under the assistant's answers: the thumbs and the reason after a 👎.
    UnderAnswers,
    /// The round button, the panel around the chat and its message box.
    Bubble,
}

impl Part {
    /// The parts message `id` is used in, read from the first word of its
    /// id: the widget names its messages after the part that shows them
    /// (`csat-…`, `message-feedback-…`, `reason-…`, `bubble-…`, `panel-…`,
    /// `composer-…`), as the reference's groups do. None for a word no part
    /// uses; a test holds every message of the reference to at least one.
    pub fn of(id: &str) -> &'static [Part] {
        match id.split('-').next().unwrap_or(id) {
            "csat" => &[Part::Prompt],
            "message" | "reason" => &[Part::UnderAnswers],
            "bubble" | "panel" | "composer" => &[Part::Bubble],
            // The count under a comment box: the prompt's, and the one
            // after a 👎 on an answer.
            "characters" => &[Part::Prompt, Part::UnderAnswers],
            _ => &[],
        }
    }
}

/// What the list of messages is narrowed to, besides the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    /// Every message.
    #[default]
    All,
    /// The site has its own text for it (in the draft).
    Changed,
    /// The site's own text is not the shipped text.
    Differs,
    /// The checker finds a problem in it.
    Findings,
    /// The locale ships no text for it: shoppers get the reference's.
    Missing,
    /// It is used in a part of the widget.
    Used(Part),
}

impl Filter {
    /// Every filter, in the order the editor offers them.
    pub const ALL: [Filter; 8] = [
        Filter::All,
        Filter::Changed,
        Filter::Differs,
        Filter::Findings,
        Filter::Missing,
        Filter::Used(Part::Prompt),
        Filter::Used(Part::UnderAnswers),
        Filter::Used(Part::Bubble),
    ];

    /// Its name in the address (`filter=changed`).
    pub fn name(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Changed => "changed",
            Filter::Differs => "differs",
            Filter::Findings => "findings",
            Filter::Missing => "missing",
            Filter::Used(Part::Prompt) => "prompt",
            Filter::Used(Part::UnderAnswers) => "answers",
            Filter::Used(Part::Bubble) => "bubble",
        }
    }

    /// The filter named `name`, if there is one.
    pub fn named(name: &str) -> Option<Filter> {
        Filter::ALL.into_iter().find(|filter| filter.name() == name)
    }

    /// Whether `row` passes, `findings` being whether the checker finds
    /// anything in it.
    pub fn passes(self, row: &MessageRow, findings: bool) -> bool {
        match self {
            Filter::All => true,
            Filter::Changed => row.own.is_some(),
            Filter::Differs => row
                .own
                .as_deref()
                .is_some_and(|own| own.trim() != row.shipped_text().trim()),
            Filter::Findings => findings,
            Filter::Missing => row.shipped.is_none(),
            Filter::Used(part) => Part::of(&row.id).contains(&part),
        }
    }
}

/// How many messages there are, and how many the search lets through
/// under each filter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    /// Every message of the reference.
    pub total: usize,
    /// Under each filter, with the search.
    pub by_filter: Vec<(Filter, usize)>,
}

impl Counts {
    /// How many `filter` shows.
    pub fn of(&self, filter: Filter) -> usize {
        self.by_filter
            .iter()
            .find(|(counted, _)| *counted == filter)
            .map_or(0, |(_, count)| *count)
    }
}

/// The search and the filter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Find {
    /// Words to find in a message's id or texts, any case.
    pub query: String,
    /// What the list is narrowed to besides.
    pub filter: Filter,
}

/// Longest search kept, in characters (a pasted page is cut).
const MAX_QUERY_CHARS: usize = 200;

/// Whether `row`'s id or one of its texts contains `needle` (lower case).
fn contains(row: &MessageRow, needle: &str) -> bool {
    needle.is_empty()
        || [
            Some(row.id.as_str()),
            Some(row.reference.as_str()),
            row.shipped.as_deref(),
            row.own.as_deref(),
        ]
        .into_iter()
        .flatten()
        .any(|text| text.to_lowercase().contains(needle))
}

impl Find {
    /// The search, trimmed, in lower case.
    fn needle(&self) -> String {
        self.query.trim().to_lowercase()
    }

    /// The rows the search and the filter let through, in their order.
    pub fn found(&self, rows: Vec<MessageRow>, placed: &Placed) -> Vec<MessageRow> {
        let needle = self.needle();
        rows.into_iter()
            .filter(|row| {
                contains(row, &needle) && self.filter.passes(row, placed.has_any_on(&row.id))
            })
            .collect()
    }

    /// How many rows there are, and how many the search lets through
    /// under each filter.
    pub fn counts(&self, rows: &[MessageRow], placed: &Placed) -> Counts {
        let needle = self.needle();
        let searched: Vec<(&MessageRow, bool)> = rows
            .iter()
            .filter(|row| contains(row, &needle))
            .map(|row| (row, placed.has_any_on(&row.id)))
            .collect();
        let by_filter = Filter::ALL
            .into_iter()
            .map(|filter| {
                let passing = searched
                    .iter()
                    .filter(|(row, findings)| filter.passes(row, *findings))
                    .count();
                (filter, passing)
            })
            .collect();
        Counts {
            total: rows.len(),
            by_filter,
        }
    }

    /// The locale and the search an address's query names
    /// (`locale=de&q=danke&filter=changed`); what is missing or not
    /// understood is left at its default.
    pub fn from_query(query: &str) -> (Option<String>, Find) {
        let mut locale = None;
        let mut find = Find::default();
        for pair in query.split('&').take(16) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let Ok(value) = percent_decode(value) else {
                continue;
            };
            match name {
                "locale" if protocol::ids::check_locale("locale", &value).is_ok() => {
                    locale = Some(value);
                }
                "q" => find.query = value.chars().take(MAX_QUERY_CHARS).collect(),
                "filter" => find.filter = Filter::named(&value).unwrap_or_default(),
                _ => {}
            }
        }
        (locale, find)
    }

    /// The query naming `locale` and this search, which [`Find::from_query`]
    /// reads back; an empty search and the `All` filter are left out.
    pub fn to_query(&self, locale: &str) -> String {
        let mut query = format!("locale={}", percent_encode(locale));
        if !self.query.is_empty() {
            query.push_str("&q=");
            query.push_str(&percent_encode(&self.query));
        }
        if self.filter != Filter::All {
            query.push_str("&filter=");
            query.push_str(self.filter.name());
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording::Wording;

    const REFERENCE: &str = "\
# Title.
csat-title = How was this conversation?
# Thanks.
csat-after-submission = Thank you for your feedback!
# Up.
message-feedback-up = Helpful
# Open.
bubble-open = Open chat
# Count.
characters-left = { $count ->
    [one] { $count } character left
   *[other] { $count } characters left
}
";
    const SHIPPED: &str = "\
csat-title = Wie war das Gespräch?
message-feedback-up = Hilfreich
bubble-open = Chat öffnen
characters-left = { $count ->
    [one] { $count } Zeichen übrig
   *[other] { $count } Zeichen übrig
}
";

    fn rows_and_problems(saved: &str) -> (Vec<MessageRow>, Placed) {
        let wording = Wording::new("de", REFERENCE.into(), SHIPPED.into(), saved.into());
        (wording.rows(), wording.placed_problems())
    }

    fn ids(rows: &[MessageRow]) -> Vec<&str> {
        rows.iter().map(|row| row.id.as_str()).collect()
    }

    fn find(query: &str, filter: Filter) -> Find {
        Find {
            query: query.into(),
            filter,
        }
    }

    #[test]
    fn every_message_the_widget_ships_is_in_a_part_of_it() {
        let reference = l10n::entries::entries(include_str!("../../locales/en-US/widget.ftl"));
        assert!(reference.len() > 30, "{}", reference.len());
        for entry in reference.iter().filter(|entry| !entry.id.starts_with('-')) {
            assert!(
                !Part::of(&entry.id).is_empty(),
                "{} is in no part of the widget: name it after its part, or add the part",
                entry.id
            );
        }
        assert_eq!(Part::of("csat-title"), [Part::Prompt]);
        assert_eq!(Part::of("reason-send"), [Part::UnderAnswers]);
        assert_eq!(Part::of("composer-send"), [Part::Bubble]);
        assert!(Part::of("characters-left").contains(&Part::UnderAnswers));
        assert!(Part::of("nothing").is_empty());
    }

    #[test]
    fn the_search_finds_ids_and_every_text_in_any_case() {
        let (rows, placed) = rows_and_problems("bubble-open = Frag uns!\n");
        let found =
            |query: &str| ids(&find(query, Filter::All).found(rows.clone(), &placed)).join(" ");
        assert_eq!(found("CSAT-"), "csat-title csat-after-submission");
        assert_eq!(found("gespräch"), "csat-title", "the shipped text");
        assert_eq!(
            found("  THANK you "),
            "csat-after-submission",
            "the reference, trimmed"
        );
        assert_eq!(found("frag uns"), "bubble-open", "the site's own text");
        assert_eq!(found("zeichen"), "characters-left", "inside a plural");
        assert_eq!(found("nowhere"), "");
        assert_eq!(found("").split(' ').count(), rows.len());
    }

    #[test]
    fn each_filter_narrows_the_list_and_its_count_says_how_far() {
        // The site's own text: one differing, one the same as shipped, one
        // with a finding (a plural without its `other`).
        let saved = "\
csat-title = Alles gut?
message-feedback-up = Hilfreich
characters-left = { $count ->
    [one] eins
}
";
        let (rows, placed) = rows_and_problems(saved);
        assert!(!placed.on("characters-left").is_empty(), "{placed:?}");
        let cases = [
            (
                Filter::All,
                "csat-title csat-after-submission message-feedback-up bubble-open characters-left",
            ),
            (
                Filter::Changed,
                "csat-title message-feedback-up characters-left",
            ),
            (Filter::Differs, "csat-title characters-left"),
            (Filter::Findings, "characters-left"),
            (Filter::Missing, "csat-after-submission"),
            (
                Filter::Used(Part::Prompt),
                "csat-title csat-after-submission characters-left",
            ),
            (
                Filter::Used(Part::UnderAnswers),
                "message-feedback-up characters-left",
            ),
            (Filter::Used(Part::Bubble), "bubble-open"),
        ];
        let counts = find("", Filter::All).counts(&rows, &placed);
        for (filter, expected) in cases {
            let found = find("", filter).found(rows.clone(), &placed);
            assert_eq!(ids(&found).join(" "), expected, "{filter:?}");
            assert_eq!(counts.of(filter), found.len(), "{filter:?}: {counts:?}");
        }
        // The counts follow the search.
        let counts = find("csat", Filter::All).counts(&rows, &placed);
        assert_eq!(counts.of(Filter::All), 2, "{counts:?}");
        assert_eq!(counts.of(Filter::Changed), 1, "{counts:?}");
        assert_eq!(counts.of(Filter::Used(Part::Bubble)), 0, "{counts:?}");
        assert_eq!(
            counts.total,
            rows.len(),
            "every message, whatever the search"
        );
        // Search and filter together.
        let found = find("hilf", Filter::Differs).found(rows.clone(), &placed);
        assert!(found.is_empty(), "the same text as shipped does not differ");
    }

    #[test]
    fn the_reference_locale_misses_nothing() {
        let wording = Wording::new("en-US", REFERENCE.into(), REFERENCE.into(), String::new());
        let found = find("", Filter::Missing).found(wording.rows(), &wording.placed_problems());
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_address_keeps_the_locale_the_search_and_the_filter() {
        let search = find("Danke & gut?", Filter::Findings);
        let query = search.to_query("pt-BR");
        assert_eq!(query, "locale=pt-BR&q=Danke%20%26%20gut%3F&filter=findings");
        assert_eq!(Find::from_query(&query), (Some("pt-BR".into()), search));
        for filter in Filter::ALL {
            let search = find("", filter);
            assert_eq!(Find::from_query(&search.to_query("de")).1, search);
        }
        assert_eq!(
            Find::default().to_query("de"),
            "locale=de",
            "nothing said for no search"
        );
        // What it does not understand is left at its default.
        let (locale, search) = Find::from_query("locale=not%20a%20tag&q=%ZZ&filter=nope&x=1");
        assert_eq!((locale, search), (None, Find::default()));
        let long = "q=".to_string() + &"a".repeat(5_000);
        assert_eq!(Find::from_query(&long).1.query.len(), MAX_QUERY_CHARS);
    }
}
