//! The widget's files as a CDN serves them: the app's two files named by
//! their content (`app.<hash>.js`, `app_bg.<hash>.wasm`), so they can be
//! cached for a year as `immutable`, and every file beside its
//! precompressed `.br` (brotli 11) and `.gz` (gzip 9).
//!
//! The loader is built with the names (and the wasm's Subresource
//! Integrity hash) of the app it belongs to, so only the small loader,
//! whose name stays `widget.js`, needs a short cache time.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

/// Hex digits of SHA-256 in a hashed name: 64 bits, enough to never reuse
/// a name for other bytes in one folder.
const HASH_DIGITS: usize = 16;
/// What the build writes beside the files: the app's names, for the
/// tools that measure or serve them.
const MANIFEST: &str = "app-files.json";

/// The app files a loader was built for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppFiles {
    /// `app.<hash>.js`, the wasm-bindgen module.
    pub js: String,
    /// `app_bg.<hash>.wasm`.
    pub wasm: String,
    /// `sha384-…` of the wasm, checked by the loader's fetch.
    pub wasm_integrity: String,
}

impl AppFiles {
    /// As the loader's `APP` constant and the manifest hold them.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "js": self.js,
            "wasm": self.wasm,
            "wasmIntegrity": self.wasm_integrity,
        })
        .to_string()
    }

    /// The files of `dist` (a built `dist/widget`): from its manifest, or
    /// the unhashed names of a build from before hashed names (an older
    /// revision measured by `bench --against`).
    pub fn of(dist: &Path) -> Result<Self> {
        let Ok(manifest) = std::fs::read_to_string(dist.join(MANIFEST)) else {
            return Ok(Self {
                js: "app.js".into(),
                wasm: "app_bg.wasm".into(),
                wasm_integrity: String::new(),
            });
        };
        let value: serde_json::Value = serde_json::from_str(&manifest)
            .with_context(|| format!("{} is not JSON", dist.join(MANIFEST).display()))?;
        let field = |name: &str| {
            value
                .get(name)
                .and_then(serde_json::Value::as_str)
                .map(str::to_string)
                .with_context(|| format!("{MANIFEST} has no {name:?}"))
        };
        Ok(Self {
            js: field("js")?,
            wasm: field("wasm")?,
            wasm_integrity: field("wasmIntegrity")?,
        })
    }
}

/// `stem.<hash>.ext` for `bytes`.
pub fn hashed_name(stem: &str, ext: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{stem}.{}.{ext}", hex.get(..HASH_DIGITS).unwrap_or(&hex))
}

/// Whether `name` is a content-hashed app file (`app.<hash>.js`,
/// `app_bg.<hash>.wasm`, and their `.br`/`.gz`): its bytes never change.
pub fn is_hashed(name: &str) -> bool {
    let name = name
        .strip_suffix(".br")
        .or_else(|| name.strip_suffix(".gz"))
        .unwrap_or(name);
    let mut parts = name.split('.');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("app" | "app_bg"), Some(hash), Some("js" | "wasm"), None)
            if hash.len() == HASH_DIGITS && hash.bytes().all(|b| b.is_ascii_hexdigit())
    )
}

/// The Subresource Integrity value of `bytes` (`sha384-` and base64).
fn integrity(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// Renames `dist`'s freshly built `app.js` and `app_bg.wasm` to their
/// hashed names and writes the manifest. The previous build's app files
/// stay, since a loader cached before this build still loads them (for
/// up to the loader's cache time); older ones are removed.
pub fn fingerprint(dist: &Path) -> Result<AppFiles> {
    let previous = AppFiles::of(dist).ok();
    let js = std::fs::read(dist.join("app.js")).context("reading the built app.js")?;
    let wasm = std::fs::read(dist.join("app_bg.wasm")).context("reading the built app_bg.wasm")?;
    let files = AppFiles {
        js: hashed_name("app", "js", &js),
        wasm: hashed_name("app_bg", "wasm", &wasm),
        wasm_integrity: integrity(&wasm),
    };
    for entry in std::fs::read_dir(dist)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let mut kept = vec![&files.js, &files.wasm];
        if let Some(previous) = &previous {
            kept.extend([&previous.js, &previous.wasm]);
        }
        if is_hashed(&name) && !kept.iter().any(|file| name.starts_with(file.as_str())) {
            std::fs::remove_file(entry.path())?;
        }
    }
    std::fs::rename(dist.join("app.js"), dist.join(&files.js))?;
    std::fs::rename(dist.join("app_bg.wasm"), dist.join(&files.wasm))?;
    std::fs::write(dist.join(MANIFEST), files.to_json())?;
    Ok(files)
}

/// Writes `name.br` (brotli 11) and `name.gz` (gzip 9) beside `dist/name`.
pub fn precompress(dist: &Path, name: &str) -> Result<()> {
    let bytes = std::fs::read(dist.join(name)).with_context(|| format!("reading {name}"))?;
    let mut brotli = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
        writer.write_all(&bytes)?;
    }
    std::fs::write(dist.join(format!("{name}.br")), brotli)?;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(&bytes)?;
    std::fs::write(dist.join(format!("{name}.gz")), gzip.finish()?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_content_hash_and_only_those_are_immutable() {
        let js = hashed_name("app", "js", b"export default 1;");
        assert!(is_hashed(&js), "{js}");
        assert!(is_hashed(&format!("{js}.br")));
        assert_ne!(js, hashed_name("app", "js", b"export default 2;"));
        let wasm = hashed_name("app_bg", "wasm", b"\0asm");
        assert!(
            is_hashed(&wasm) && is_hashed(&format!("{wasm}.gz")),
            "{wasm}"
        );
        for name in [
            "widget.js",
            "widget.js.br",
            "app.js",
            "app_bg.wasm",
            "app.0123.js",
            "app.0123456789abcdeg.js",
            "other.0123456789abcdef.js",
            "app.0123456789abcdef.css",
            "app-files.json",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
    }

    #[test]
    fn integrity_is_what_browsers_check() {
        // The example of the W3C/MDN Subresource Integrity pages.
        assert_eq!(
            integrity(b"alert('Hello, world.');"),
            "sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO"
        );
    }

    #[test]
    fn a_build_keeps_the_previous_builds_files_only_and_says_which_are_current() {
        let dist = std::env::temp_dir().join(format!("widget-assets-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(&dist).unwrap();
        let build = |js: &[u8], wasm: &[u8]| {
            std::fs::write(dist.join("app.js"), js).unwrap();
            std::fs::write(dist.join("app_bg.wasm"), wasm).unwrap();
            let files = fingerprint(&dist).unwrap();
            precompress(&dist, &files.js).unwrap();
            precompress(&dist, &files.wasm).unwrap();
            files
        };
        let first = build(b"one", b"\0asm one");
        let second = build(b"two", b"\0asm two");
        let third = build(b"three", b"\0asm three");
        assert_ne!(first.js, second.js);
        let mut left: Vec<String> = std::fs::read_dir(&dist)
            .unwrap()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut expected = vec![MANIFEST.to_string()];
        // The build before stays for loaders cached before this one.
        for name in [&second.js, &second.wasm, &third.js, &third.wasm] {
            expected.extend([name.clone(), format!("{name}.br"), format!("{name}.gz")]);
        }
        expected.sort();
        assert_eq!(left, expected);
        assert_eq!(AppFiles::of(&dist).unwrap(), third);
        let mut gunzip = flate2::read::GzDecoder::new(
            std::fs::File::open(dist.join(format!("{}.gz", third.wasm))).unwrap(),
        );
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut gunzip, &mut bytes).unwrap();
        assert_eq!(bytes, b"\0asm three");
        assert_eq!(third.wasm_integrity, integrity(b"\0asm three"));
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
