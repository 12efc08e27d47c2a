//! Writes the dashboard's message keys (`src/keys.rs`) from en-US
//! `dashboard.ftl`, the reference copy: one `Key` per message, named in
//! CamelCase (`nav-overview` is `Key::NavOverview`). A message added to
//! the file is a key at once, and a key the file lacks does not compile.
//! Also writes that copy as `i18n.rs` compiles it in, without its
//! comments (notes for locale editors, 4.3 KB of the first section's
//! brotli bytes; BENCHMARKS.md, "The dashboard in Chromium").

use std::error::Error;
use std::fmt::Write as _;
use std::path::Path;

const REFERENCE: &str = "../locales/en-US/dashboard.ftl";

// The function `l10n::shipped` exports, tested there.
#[path = "../l10n/src/shipped.rs"]
mod shipped;

/// The ids of the messages `ftl` defines (not terms, comments or the
/// lines inside a message), in order.
fn message_ids(ftl: &str) -> Vec<&str> {
    ftl.lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim()))
        .collect()
}

/// `nav-overview` as `NavOverview`.
fn variant(id: &str) -> String {
    id.split(['-', '_'])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed={REFERENCE}");
    let ftl = std::fs::read_to_string(REFERENCE)?;
    let mut keys = String::from("keys! {\n");
    for id in message_ids(&ftl) {
        writeln!(keys, "    {} = {id:?},", variant(id))?;
    }
    keys.push_str("}\n");
    let out = std::env::var("OUT_DIR")?;
    std::fs::write(Path::new(&out).join("keys.rs"), keys)?;
    std::fs::write(
        Path::new(&out).join("dashboard.ftl"),
        shipped::without_comments(&ftl),
    )?;
    Ok(())
}
