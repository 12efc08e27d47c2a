//! Component tests in headless Chromium (`cargo xtask test` runs them with
//! wasm-bindgen-test-runner and chromedriver). They live inside the crate
//! so the widget builds as a `cdylib` alone, which makes the shipped wasm
//! smaller (README, "Choices worth knowing").
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod answers;
mod copy;
mod support;
mod thumbs;
