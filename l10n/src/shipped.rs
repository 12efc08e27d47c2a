//! The reference copy as the browser apps compile it in: without its
//! comments, which are notes for locale editors. The widget's and the
//! dashboard's build scripts include this file as it is (`#[path]`), so it
//! uses `std` alone; `tests/shipped.rs` holds it to leaving every message
//! as it was.

/// `ftl` without its comment lines. A Fluent comment starts a line with
/// `#`; a message's value or attribute never does (its continuation lines
/// are indented), so no message changes. Runs of blank lines left behind
/// become one.
pub fn without_comments(ftl: &str) -> String {
    let mut kept = String::with_capacity(ftl.len());
    for line in ftl.lines().filter(|line| !line.starts_with('#')) {
        if line.trim().is_empty() && (kept.is_empty() || kept.ends_with("\n\n")) {
            continue;
        }
        kept.push_str(line);
        kept.push('\n');
    }
    kept
}
