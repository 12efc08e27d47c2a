//! `cargo xtask locales check`: every locale's Fluent file against en-US,
//! with compiler-style diagnostics and a non-zero exit on errors.

use anyhow::{Result, bail};
use l10n::{Source, check};

use crate::repo::Repo;

/// The reference locale every other one is checked against.
const REFERENCE: &str = "en-US";

/// Checks every `locales/*/widget.ftl`; prints what it finds.
pub fn check_all(repo: &Repo) -> Result<()> {
    let root = repo.path("locales");
    let reference_path = format!("locales/{REFERENCE}/widget.ftl");
    let reference = std::fs::read_to_string(repo.path(&reference_path))?;
    let mut locales: Vec<String> = std::fs::read_dir(&root)?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("widget.ftl").exists())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    locales.sort();
    let (mut errors, mut warnings) = (0, 0);
    for locale in &locales {
        let path = format!("locales/{locale}/widget.ftl");
        let text = std::fs::read_to_string(repo.path(&path))?;
        let diagnostics = check(
            &Source {
                path: &reference_path,
                locale: REFERENCE,
                text: &reference,
            },
            &Source {
                path: &path,
                locale,
                text: &text,
            },
        );
        for diagnostic in &diagnostics {
            println!("{diagnostic}");
            if diagnostic.is_error() {
                errors += 1;
            } else {
                warnings += 1;
            }
        }
    }
    println!(
        "checked {} locales against {REFERENCE}: {errors} errors, {warnings} warnings",
        locales.len()
    );
    if errors > 0 {
        bail!("the locale check found {errors} errors");
    }
    Ok(())
}

/// `cargo xtask locales <command>`.
pub fn run(repo: &Repo, args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("check") => check_all(repo),
        _ => bail!("usage: cargo xtask locales check"),
    }
}
