//! A copy file's messages as their author wrote them, for the wording
//! editor: read each one's text, set or remove one without touching the
//! rest of the file (its comments, its order, its other entries, even
//! ones that do not parse yet), and list what changed between two files.
//!
//! This reads lines, not the syntax tree: an editor's half-typed message
//! must survive every other message's edit. An entry starts at column 0
//! with `id =`; it goes on over the lines that start with a space, `}`,
//! `[`, `*` or `.`, and over blank lines between those.

use std::ops::Range;

/// One message or term of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryText {
    /// Its id (a term's keeps its leading `-`).
    pub id: String,
    /// What follows `id =`: the first line's text, then the continuation
    /// lines, less the indentation they share (an empty first line is left
    /// out, as Fluent reads it).
    pub value: String,
    /// The lines it spans, 0-based, end exclusive.
    pub lines: Range<usize>,
    /// The note for translators right above it (its `# ` comment lines,
    /// joined with spaces; empty without one).
    pub note: String,
}

/// The `# ` comment directly above line `at` of `lines`, as one line.
fn note_above(lines: &[&str], at: usize) -> String {
    let above = lines.get(..at).unwrap_or_default();
    let comment: Vec<&str> = above
        .iter()
        .rev()
        .take_while(|line| *line == &"#" || line.starts_with("# "))
        .map(|line| line.trim_start_matches('#').trim())
        .collect();
    comment
        .into_iter()
        .rev()
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A message that differs between two versions of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The message.
    pub id: String,
    /// Its text before, `None` when it was added.
    pub before: Option<String>,
    /// Its text after, `None` when it was removed.
    pub after: Option<String>,
}

/// The id an entry line starts with, and the rest after its `=`.
fn entry_start(line: &str) -> Option<(&str, &str)> {
    let (id, rest) = line.split_once('=')?;
    let id = id.trim_end();
    let name = id.strip_prefix('-').unwrap_or(id);
    let mut chars = name.chars();
    let starts_well = chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic());
    let rest_well = chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (starts_well && rest_well).then_some((id, rest))
}

/// Whether `line` carries on the entry above it.
fn continues(line: &str) -> bool {
    line.starts_with([' ', '}', '[', '*', '.'])
}

/// The indentation every non-blank line of `lines` shares, in bytes.
fn shared_indent(lines: &[&str]) -> usize {
    lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0)
}

/// Every message and term of `ftl`, in file order.
pub fn entries(ftl: &str) -> Vec<EntryText> {
    let lines: Vec<&str> = ftl.lines().collect();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(line) = lines.get(at) {
        let Some((id, first)) = entry_start(line) else {
            at += 1;
            continue;
        };
        // The entry's last line: the last continuation before anything
        // else (blank lines inside it are kept, blank lines after it not).
        let mut end = at + 1;
        let mut probe = at + 1;
        while let Some(next) = lines.get(probe) {
            if continues(next) && !next.trim().is_empty() {
                end = probe + 1;
            } else if !next.trim().is_empty() {
                break;
            }
            probe += 1;
        }
        let rest = lines.get(at + 1..end).unwrap_or_default();
        let indent = shared_indent(rest);
        let mut value = first.trim().to_string();
        for more in rest {
            if !value.is_empty() {
                value.push('\n');
            }
            value.push_str(more.get(indent..).unwrap_or_else(|| more.trim_start()));
        }
        found.push(EntryText {
            id: id.to_string(),
            value,
            note: note_above(&lines, at),
            lines: at..end,
        });
        at = end;
    }
    found
}

/// The entry of `found` (from [`entries`]) that spans 1-based `line`, as
/// a diagnostic names it.
pub fn entry_on_line(found: &[EntryText], line: usize) -> Option<&EntryText> {
    let line = line.checked_sub(1)?;
    found.iter().find(|entry| entry.lines.contains(&line))
}

/// The lines of entry `id` with `value` after its `=`: continuation lines
/// that would not carry on the entry are indented by four spaces.
fn entry_lines(id: &str, value: &str) -> Vec<String> {
    let mut parts = value.trim().lines();
    let first = parts.next().unwrap_or_default().trim_end();
    let mut lines = vec![if first.is_empty() {
        format!("{id} =")
    } else {
        format!("{id} = {first}")
    }];
    for line in parts {
        let line = line.trim_end();
        lines.push(if line.is_empty() || continues(line) {
            line.to_string()
        } else {
            format!("    {line}")
        });
    }
    lines
}

/// `ftl` with entry `id` set to `value`, in place (appended when absent);
/// an empty `value` removes the entry, so the shipped text shows again.
/// Every other line stays as it was.
pub fn set_entry(ftl: &str, id: &str, value: &str) -> String {
    let mut lines: Vec<String> = ftl.lines().map(str::to_string).collect();
    let replacement = if value.trim().is_empty() {
        Vec::new()
    } else {
        entry_lines(id, value)
    };
    match entries(ftl).into_iter().find(|entry| entry.id == id) {
        Some(entry) => {
            let end = entry.lines.end.min(lines.len());
            let start = entry.lines.start.min(end);
            lines.splice(start..end, replacement);
        }
        None if replacement.is_empty() => return ftl.to_string(),
        None => lines.extend(replacement),
    }
    let mut text = lines.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// The messages whose text differs from `before` to `after`: in `after`'s
/// order, then the ones `after` no longer has.
pub fn changes(before: &str, after: &str) -> Vec<Change> {
    let (old, new) = (entries(before), entries(after));
    let value_in = |list: &[EntryText], id: &str| {
        list.iter()
            .find(|entry| entry.id == id)
            .map(|entry| entry.value.clone())
    };
    let mut found: Vec<Change> = Vec::new();
    for entry in &new {
        let was = value_in(&old, &entry.id);
        if was.as_deref() != Some(entry.value.as_str())
            && !found.iter().any(|change| change.id == entry.id)
        {
            found.push(Change {
                id: entry.id.clone(),
                before: was,
                after: Some(entry.value.clone()),
            });
        }
    }
    for entry in &old {
        if value_in(&new, &entry.id).is_none() && !found.iter().any(|change| change.id == entry.id)
        {
            found.push(Change {
                id: entry.id.clone(),
                before: Some(entry.value.clone()),
                after: None,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\
# The prompt.
csat-title = How was it?

characters-left = { $count ->
    [one] { $count } left

   *[other] { $count } left
}
multi =
    first line
    second line
-brand = Acme
";

    #[test]
    fn entries_are_read_with_their_continuations_and_without_shared_indentation() {
        let found = entries(FILE);
        let ids: Vec<&str> = found.iter().map(|entry| entry.id.as_str()).collect();
        assert_eq!(ids, ["csat-title", "characters-left", "multi", "-brand"]);
        assert_eq!(found[0].value, "How was it?");
        assert_eq!(found[0].lines, 1..2);
        assert_eq!(
            found[1].value,
            "{ $count ->\n    [one] { $count } left\n\n   *[other] { $count } left\n}"
        );
        assert_eq!(found[1].lines, 3..8);
        assert_eq!(found[2].value, "first line\nsecond line");
        assert_eq!(found[3].value, "Acme");
    }

    #[test]
    fn each_entry_carries_the_note_right_above_it() {
        let found = entries(FILE);
        assert_eq!(found[0].note, "The prompt.");
        assert_eq!(found[1].note, "", "a blank line parts it from the note");
        let ftl = "## A group, not a note\n# Title: the heading.\n#\n# Keep it short.\ncsat-title = Hi\n### Resource\nother = x\n";
        let found = entries(ftl);
        assert_eq!(found[0].note, "Title: the heading. Keep it short.");
        assert_eq!(found[1].note, "", "a resource comment is no note");
    }

    #[test]
    fn what_is_read_is_written_back_unchanged() {
        let mut text = FILE.to_string();
        for entry in entries(FILE) {
            text = set_entry(&text, &entry.id, &entry.value);
        }
        // "multi =" on its own line comes back with its first line after
        // the `=`, which Fluent reads the same way.
        assert_eq!(
            text,
            FILE.replace("multi =\n    first line", "multi = first line")
        );
        assert!(changes(FILE, &text).is_empty());
    }

    #[test]
    fn setting_one_entry_keeps_every_other_line_even_broken_ones() {
        let broken = "a = one\nb = { $count ->\n    [one] x\nc = three\n";
        let edited = set_entry(broken, "c", "changed");
        assert_eq!(
            edited,
            "a = one\nb = { $count ->\n    [one] x\nc = changed\n"
        );
        let added = set_entry("a = one", "new-id", "line one\nline two");
        assert_eq!(added, "a = one\nnew-id = line one\n    line two\n");
        assert_eq!(entries(&added)[1].value, "line one\nline two");
    }

    #[test]
    fn an_empty_value_removes_the_entry_and_only_it() {
        let removed = set_entry(FILE, "characters-left", "  \n");
        assert!(!removed.contains("characters-left"), "{removed}");
        assert!(
            removed.contains("csat-title = How was it?\n\nmulti ="),
            "{removed}"
        );
        assert_eq!(set_entry("a = one\n", "absent", ""), "a = one\n");
        assert_eq!(set_entry("a = one\n", "a", ""), "");
    }

    #[test]
    fn changes_name_the_messages_added_changed_and_removed() {
        let before = "a = one\nb = two\nc = three\n";
        let after = "b = TWO\nc = three\nd = four\n";
        assert_eq!(
            changes(before, after),
            vec![
                Change {
                    id: "b".into(),
                    before: Some("two".into()),
                    after: Some("TWO".into())
                },
                Change {
                    id: "d".into(),
                    before: None,
                    after: Some("four".into())
                },
                Change {
                    id: "a".into(),
                    before: Some("one".into()),
                    after: None
                },
            ]
        );
    }

    #[test]
    fn lines_that_are_not_entries_are_not_taken_for_ones() {
        let text = "# a = comment\n  indented = no\n1bad = no\nok-id=yes\n";
        let found = entries(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].id.as_str(), found[0].value.as_str()),
            ("ok-id", "yes")
        );
    }

    #[test]
    fn the_shipped_reference_reads_as_the_checker_sees_it() {
        let reference = include_str!("../../locales/en-US/widget.ftl");
        let found = entries(reference);
        assert!(found.len() > 30, "{}", found.len());
        let tag = found.iter().find(|entry| entry.id == "reason-tag").unwrap();
        assert!(tag.value.ends_with("*[other] { $tag }\n}"), "{}", tag.value);
        // Every entry round-trips into a file the checker accepts.
        let mut rebuilt = String::new();
        for entry in &found {
            rebuilt = set_entry(&rebuilt, &entry.id, &entry.value);
        }
        let source = |text| crate::Source {
            path: "widget.ftl",
            locale: "en-US",
            text,
        };
        let errors: Vec<_> = crate::check(&source(reference), &source(&rebuilt))
            .into_iter()
            .filter(|diagnostic| diagnostic.is_error())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}
