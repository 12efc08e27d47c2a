//! What the site keeps of the text beside it, said where that text is read
//! or worded: under the inbox's heading and beside the wording preview.

use leptos::prelude::*;

use crate::api::{Api, Kept};
use crate::i18n::{self, I18n};
use crate::keys::Key;

/// The note's sentences for `kept`, in the owner's language (tracked).
pub fn sentences(i18n: I18n, kept: Kept) -> String {
    let days = |key: Key, days: u32| {
        let mut args = l10n::format::Args::new();
        args.set("days", i18n::count(days));
        i18n.format(key, &args)
    };
    let text = if kept.questions {
        Key::KeptAll
    } else {
        Key::KeptReasons
    };
    let redaction = if kept.redacted {
        Key::KeptRedacted
    } else {
        Key::KeptAsWritten
    };
    [
        days(text, kept.text_days),
        i18n.text(redaction),
        days(Key::KeptRatings, kept.days),
    ]
    .join(" ")
}

/// One short paragraph: which text is kept and for how long, whether
/// personal data is taken out of it, and how long ratings stay. Nothing
/// while the collector has not said (or could not).
#[component]
pub fn KeptNote(
    /// The signed-in site's API.
    api: Api,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let kept = LocalResource::new(move || {
        let api = api.clone();
        async move { api.kept().await.ok() }
    });
    move || {
        kept.get()
            .flatten()
            .map(|kept| view! { <p class="kept">{move || sentences(i18n, kept)}</p> })
    }
}
