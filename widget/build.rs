//! Compiles every `locales/<tag>/widget.ftl` into the widget, so a locale
//! editor adds a language by adding its folder (no Rust to touch). en-US,
//! the reference, comes first.

use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let locales = manifest.join("../locales");
    println!("cargo::rerun-if-changed={}", locales.display());
    let mut tags: Vec<String> = std::fs::read_dir(&locales)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.path().join("widget.ftl").is_file())
                .filter_map(|entry| entry.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    tags.sort_by_key(|tag| (tag != "en-US", tag.clone()));
    let mut code = String::from(
        "/// Locales compiled in, en-US first: `(tag, FTL)`.\nconst BUILT_IN: &[(&str, &str)] = &[\n",
    );
    for tag in &tags {
        let path = locales.join(tag).join("widget.ftl");
        println!("cargo::rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    ({tag:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("locales.rs");
    if let Err(err) = std::fs::write(&out, code) {
        println!("cargo::warning=cannot write {}: {err}", out.display());
    }
}
