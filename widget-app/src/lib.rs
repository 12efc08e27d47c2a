//! The widget as shops' pages load it: `cargo xtask build-widget` builds
//! this crate into `dist/widget/app_bg.wasm`. Everything is in the
//! `widget` crate; naming its entry here links it in, with the
//! `FeedbackBubble` handle the loader gets back.

pub use widget::embed::{Widget, mount};

/// A small free-list allocator instead of Rust's default (dlmalloc): the
/// widget allocates little and briefly, and this one costs about 0.8 KB
/// less of the download (BENCHMARKS.md "Widget size", with the panel's
/// time after a click beside it).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
