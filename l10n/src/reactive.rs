//! The copy as Leptos components see it (feature `reactive`): the one
//! handle the widget and the dashboard share. It is `Copy`, so views
//! capture it in their closures; a locale switch ([`LiveCopy::set`])
//! re-reads every string that was read through it.

use std::sync::Arc;

use reactive_graph::signal::RwSignal;
use reactive_graph::traits::{Set, With, WithUntracked};

use crate::format::{Args, Localized};

/// A locale's copy over the reference, reactive.
#[derive(Clone, Copy)]
pub struct LiveCopy(RwSignal<Arc<Localized>>);

impl LiveCopy {
    /// Wraps `copy`.
    pub fn new(copy: Localized) -> Self {
        Self(RwSignal::new(Arc::new(copy)))
    }

    /// The text of message `id` (tracked).
    pub fn text(self, id: &str) -> String {
        self.format(id, &Args::new())
    }

    /// The text of message `id` with `args` filled in (tracked).
    pub fn format(self, id: &str, args: &Args) -> String {
        self.0.with(|copy| copy.format(id, args))
    }

    /// A reactive text of message `id`, for a view child or attribute.
    pub fn t(self, id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.text(id)
    }

    /// The locale of the first choice (tracked).
    pub fn locale(self) -> String {
        self.0.with(|copy| copy.locale().to_string())
    }

    /// The locale of the first choice now (untracked: for what is sent,
    /// not shown).
    pub fn locale_now(self) -> String {
        self.0.with_untracked(|copy| copy.locale().to_string())
    }

    /// Whether the first choice is written right to left (tracked).
    pub fn is_rtl(self) -> bool {
        self.0.with(|copy| copy.is_rtl())
    }

    /// Whether it is right to left now (untracked: for key handling).
    pub fn is_rtl_now(self) -> bool {
        self.0.with_untracked(|copy| copy.is_rtl())
    }

    /// Parses now what reading the first string would parse
    /// ([`Localized::prepare`]).
    pub fn prepare(self) {
        self.0.with_untracked(|copy| copy.prepare());
    }

    /// Switches every string to `copy`.
    pub fn set(self, copy: Localized) {
        self.0.set(Arc::new(copy));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Catalog;

    fn copy(tag: &str, ftl: &str) -> Localized {
        Localized::new(
            Catalog::of(tag, ftl),
            Catalog::new("en-US", "hi = Hello\nbye = Bye\n"),
        )
    }

    #[test]
    fn a_switch_rewords_and_falls_back_message_by_message() {
        let live = LiveCopy::new(copy("en-US", "hi = Hello\n"));
        let hi = live.t("hi");
        assert_eq!(
            (hi(), live.locale(), live.is_rtl()),
            ("Hello".into(), "en-US".into(), false)
        );
        live.set(copy("ar", "hi = مرحبا\n"));
        assert_eq!(hi(), "مرحبا");
        assert_eq!(live.text("bye"), "Bye", "missing in ar: the reference's");
        assert_eq!((live.locale_now(), live.is_rtl_now()), ("ar".into(), true));
    }
}
