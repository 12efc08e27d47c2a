//! What a section shows while its numbers load, or when they cannot.

use l10n::format::Args;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{self, I18n, Key};

/// How many "Loading…" are on the page: none once a section has shown
/// what it was opened for. Shared by context where someone waits for that.
#[derive(Clone, Copy)]
pub struct StillLoading(RwSignal<usize>);

impl StillLoading {
    /// None yet.
    pub fn new() -> Self {
        Self(RwSignal::new(0))
    }

    /// Whether nothing is loading (tracked).
    pub fn none(self) -> bool {
        self.0.get() == 0
    }
}

impl Default for StillLoading {
    fn default() -> Self {
        Self::new()
    }
}

/// "Loading…", announced politely (and counted in [`StillLoading`] while
/// shown, where one is provided).
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    if let Some(StillLoading(count)) = use_context::<StillLoading>() {
        count.update(|count| *count += 1);
        on_cleanup(move || {
            count
                .try_update(|count| *count = count.saturating_sub(1))
                .unwrap_or(())
        });
    }
    view! { <p class="status" role="status">{i18n.t(Key::Loading)}</p> }
}

/// What went wrong, in the owner's language: a wrong secret, a move, a
/// limit, a failure, or the collector's refusal by its code; in the
/// collector's words only for a code this dashboard does not know.
pub fn reason(i18n: I18n, error: &ApiError) -> String {
    if let ApiError::Refused(Some(code), _) = error
        && let Some(worded) = crate::refusals::refusal(i18n, *code)
    {
        return worded;
    }
    error
        .message()
        .map_or_else(|| error.to_string(), |key| i18n.text(key))
}

/// Why a section could not load.
#[component]
pub fn Failed(
    /// What went wrong.
    error: ApiError,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let text = move || {
        let mut args = Args::new();
        args.set("reason", i18n::text(reason(i18n, &error)));
        i18n.format(Key::LoadFailed, &args)
    };
    view! { <p class="status problem" role="alert">{text}</p> }
}
