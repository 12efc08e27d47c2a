//! Writes what the widget compiles in without what only its readers need:
//! en-US `widget.ftl` (the last fallback) without its comments, which are
//! notes for locale editors, and `widget.css` without comments or runs of
//! white space. Both are read from `OUT_DIR` by `i18n.rs` and `styles.rs`;
//! together they were about 1.3 KB of the shipped app's brotli bytes.

use std::error::Error;
use std::path::Path;

const REFERENCE: &str = "../locales/en-US/widget.ftl";
const STYLES: &str = "src/widget.css";

// The same function `l10n::shipped` exports, tested there.
#[path = "../l10n/src/shipped.rs"]
mod shipped;
use shipped::without_comments;

/// `css` without `/* … */` comments, each run of white space one space, and
/// none after `{`, `;` or `}` or before `}`. (The widget's CSS has no
/// string or URL in which either would matter.)
fn minified(css: &str) -> Result<String, Box<dyn Error>> {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(rest.get(..start).ok_or("bad comment start")?);
        let after = rest.get(start + 2..).ok_or("bad comment")?;
        let end = after
            .find("*/")
            .ok_or("a comment in widget.css is not closed")?;
        rest = after.get(end + 2..).ok_or("bad comment end")?;
    }
    text.push_str(rest);
    let spaced = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(spaced.len());
    let mut chars = spaced.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' && (out.ends_with(['{', ';', '}']) || chars.peek() == Some(&'}')) {
            continue;
        }
        out.push(c);
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed={REFERENCE}");
    println!("cargo::rerun-if-changed={STYLES}");
    let out = std::env::var("OUT_DIR")?;
    let out = Path::new(&out);
    let ftl = std::fs::read_to_string(REFERENCE)?;
    std::fs::write(out.join("widget.ftl"), without_comments(&ftl))?;
    let css = std::fs::read_to_string(STYLES)?;
    std::fs::write(out.join("widget.css"), minified(&css)?)?;
    Ok(())
}
