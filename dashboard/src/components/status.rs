//! What a section shows while its numbers load, or when they cannot.

use l10n::format::Args;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{self, I18n, Key};

/// "Loading…", announced politely.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! { <p class="status" role="status">{i18n.t(Key::Loading)}</p> }
}

/// What went wrong, in the owner's language where the dashboard words it
/// (a wrong secret, a move, a limit, a failure), else in the collector's.
pub fn reason(i18n: I18n, error: &ApiError) -> String {
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
