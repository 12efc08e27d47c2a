//! `cargo xtask locales check`: every locale's Fluent files against en-US,
//! with compiler-style diagnostics and a non-zero exit on errors.
//!
//! `widget.ftl` is required in every locale folder. `dashboard.ftl` (the
//! site owners' dashboard) may be missing: the dashboard then shows
//! English, and the check says so as a warning.

use anyhow::{Result, bail};
use l10n::{Source, check};

use crate::repo::Repo;

/// The reference locale every other one is checked against.
const REFERENCE: &str = "en-US";

/// The Fluent files of a locale, and whether each is required.
const FILES: [(&str, bool); 2] = [("widget.ftl", true), ("dashboard.ftl", false)];

/// Errors and warnings found.
#[derive(Default)]
struct Tally {
    errors: usize,
    warnings: usize,
}

/// Checks one file of every locale against the reference's.
fn check_file(
    repo: &Repo,
    locales: &[String],
    file: &str,
    required: bool,
    tally: &mut Tally,
) -> Result<()> {
    let reference_path = format!("locales/{REFERENCE}/{file}");
    let reference = std::fs::read_to_string(repo.path(&reference_path))?;
    for locale in locales {
        let path = format!("locales/{locale}/{file}");
        let Ok(text) = std::fs::read_to_string(repo.path(&path)) else {
            if required {
                println!("{path}:1:1: error[missing-file]: {locale} has no {file}");
                tally.errors += 1;
            } else {
                println!(
                    "{path}:1:1: warning[missing-file]: {locale} has no {file}; it shows in {REFERENCE}"
                );
                tally.warnings += 1;
            }
            continue;
        };
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
                tally.errors += 1;
            } else {
                tally.warnings += 1;
            }
        }
    }
    Ok(())
}

/// Checks every `locales/*/*.ftl`; prints what it finds.
pub fn check_all(repo: &Repo) -> Result<()> {
    let root = repo.path("locales");
    let mut locales: Vec<String> = std::fs::read_dir(&root)?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    locales.sort();
    let mut tally = Tally::default();
    for (file, required) in FILES {
        check_file(repo, &locales, file, required, &mut tally)?;
    }
    println!(
        "checked {} locales against {REFERENCE}: {} errors, {} warnings",
        locales.len(),
        tally.errors,
        tally.warnings
    );
    if tally.errors > 0 {
        bail!("the locale check found {} errors", tally.errors);
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
