//! The dashboard's words, from `locales/*/dashboard.ftl`: en-US compiled
//! in as the last fallback, the owner's language fetched from the
//! collector, message by message fallback (never an id on screen).

use crate::api::LocaleList;
pub use crate::keys::Key;
use l10n::format::{Arg, Args, Catalog, Localized};
use l10n::reactive::LiveCopy;
use leptos::prelude::{Get, RwSignal, Set};
use protocol::locales::DEFAULT_LOCALE;

/// The reference copy, without its comments (`build.rs`).
const REFERENCE_FTL: &str = include_str!(concat!(env!("OUT_DIR"), "/dashboard.ftl"));

/// The messages of one locale, falling back to en-US message by message
/// (formatted by `l10n::format`, plural forms from the browser's
/// `Intl.PluralRules`, as in the widget).
pub struct Messages(Localized);

impl Messages {
    /// `tag`'s copy from `ftl`, over the compiled-in en-US.
    pub fn new(tag: &str, ftl: Option<&str>) -> Self {
        let chosen = ftl.and_then(|ftl| Catalog::of(tag, ftl));
        Self(Localized::over_reference(
            chosen,
            DEFAULT_LOCALE,
            REFERENCE_FTL,
        ))
    }

    /// en-US alone.
    pub fn reference() -> Self {
        Self::new(DEFAULT_LOCALE, None)
    }

    /// The locale of the first choice.
    pub fn locale(&self) -> String {
        self.0.locale().to_string()
    }

    /// The text of message `id`; the id itself only if even en-US lacks
    /// it, which a test rules out.
    pub fn format(&self, id: &str, args: &Args) -> String {
        self.0.format(id, args)
    }

    /// The copy, for the shared reactive handle.
    pub fn into_localized(self) -> Localized {
        self.0
    }
}

/// A count as a message argument (selects plural forms).
pub fn count<N: TryInto<i64>>(n: N) -> Arg {
    Arg::Number(n.try_into().unwrap_or(i64::MAX))
}

/// Text as a message argument.
pub fn text(value: impl Into<String>) -> Arg {
    Arg::Text(value.into())
}

/// Whether `locale` is written right to left.
pub use l10n::format::is_rtl;

/// The best of the dashboard's locales for the owner's `requested` ones.
pub fn negotiate(requested: &[String], available: &LocaleList) -> String {
    protocol::locales::negotiate(requested, &available.dashboard)
}

/// The copy as components see it: reactive, shared by context (over the
/// handle the widget uses too), asked for by [`Key`].
#[derive(Clone, Copy)]
pub struct I18n {
    copy: LiveCopy,
    /// Whether the owner's language is known (its copy loaded, or en-US
    /// found to be the best there is).
    settled: RwSignal<bool>,
}

impl I18n {
    /// Wraps `copy`, the owner's language not yet known.
    pub fn new(copy: Localized) -> Self {
        Self {
            copy: LiveCopy::new(copy),
            settled: RwSignal::new(false),
        }
    }

    /// Wraps `copy`, which is in the owner's language.
    pub fn settled(copy: Localized) -> Self {
        let i18n = Self::new(copy);
        i18n.settled.set(true);
        i18n
    }

    /// Whether the owner's language is known (tracked).
    pub fn is_settled(self) -> bool {
        self.settled.get()
    }

    /// Says the owner's language is known.
    pub fn settle(self) {
        self.settled.set(true);
    }

    /// A reactive text of `key`, for a view child or attribute.
    pub fn t(self, key: Key) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        self.copy.t(key.id())
    }

    /// The text of `key` (tracked).
    pub fn text(self, key: Key) -> String {
        self.copy.text(key.id())
    }

    /// The text of `key` with `args` filled in (tracked).
    pub fn format(self, key: Key, args: &Args) -> String {
        self.copy.format(key.id(), args)
    }

    /// Message `id` with `args` filled in (tracked), for ids made from a
    /// code (`refusal-…`); `None` when not even en-US has it.
    pub fn format_named(self, id: &str, args: &Args) -> Option<String> {
        let text = self.copy.format(id, args);
        (text != id).then_some(text)
    }

    /// The locale of the first choice (tracked).
    pub fn locale(self) -> String {
        self.copy.locale()
    }

    /// Whether the first choice is written right to left (tracked).
    pub fn is_rtl(self) -> bool {
        self.copy.is_rtl()
    }

    /// Switches every string to `copy`.
    pub fn set(self, copy: Localized) {
        self.copy.set(copy);
    }

    /// Parses now what reading the first text would parse
    /// ([`Localized::prepare`]).
    pub fn prepare(self) {
        self.copy.prepare();
    }
}

/// The owner's languages: `?locale=` first, then the browser's.
pub fn requested_locales() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let chosen = window
        .location()
        .search()
        .ok()
        .and_then(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("locale=").map(str::to_string))
        })
        .filter(|tag| protocol::ids::check_locale("locale", tag).is_ok());
    let languages = window.navigator().languages();
    let browser = languages.iter().filter_map(|tag| tag.as_string());
    chosen.into_iter().chain(browser).collect()
}

/// Fetches the negotiated locale's copy from the collector (same origin);
/// `None` when the compiled-in en-US is the best there is (or the collector
/// cannot say), which the dashboard already shows.
pub async fn load(requested: &[String]) -> Option<Messages> {
    use gloo_net::http::Request;
    let response = Request::get("/v1/locales").send().await.ok()?;
    let list = response.json::<LocaleList>().await.ok()?;
    let tag = negotiate(requested, &list);
    if tag == DEFAULT_LOCALE {
        return None;
    }
    Some(load_locale(&tag).await)
}

/// Fetches `tag`'s copy (a locale the collector listed for the
/// dashboard); where it cannot, the compiled-in en-US stands in.
pub async fn load_locale(tag: &str) -> Messages {
    Messages::new(tag, locale_ftl(tag).await.as_deref())
}

/// `tag`'s `dashboard.ftl` as the collector serves it; `None` when it
/// cannot be had.
pub async fn locale_ftl(tag: &str) -> Option<String> {
    use gloo_net::http::Request;
    match Request::get(&format!("/v1/locales/{tag}/dashboard"))
        .send()
        .await
    {
        Ok(response) if response.ok() => response.text().await.ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_formats_every_key() {
        let copy = Messages::reference();
        assert!(Key::ALL.len() > 100, "only {} keys", Key::ALL.len());
        let mut args = Args::new();
        for name in [
            "tz",
            "from",
            "to",
            "date",
            "average",
            "share",
            "delta",
            "reason",
            "site",
            "secret",
            "name",
            "when",
            "who",
            "id",
            "answered",
            "completed",
            "share",
            "of",
            "low",
            "high",
            "message",
            "tag",
            "line",
            "col",
            "finding",
        ]
        .into_iter()
        .chain(crate::refusals::FINDING_VALUES)
        {
            args.set(name, Arg::Text("x".into()));
        }
        for name in [
            "rated", "count", "score", "up", "down", "status", "version", "offered", "number",
            "days", "shown", "total", "low", "high", "most", "chars", "hours",
        ] {
            args.set(name, Arg::Number(2));
        }
        for key in Key::ALL {
            let id = key.id();
            assert_ne!(copy.format(id, &args), id, "en-US lacks {id}");
        }
    }

    #[test]
    fn arabic_is_right_to_left() {
        assert!(is_rtl("ar") && is_rtl("ar-EG"));
        assert!(!is_rtl("de") && !is_rtl("not a tag!"));
    }

    #[test]
    fn a_missing_translation_falls_back_to_english() {
        let copy = Messages::new("de", Some("nav-overview = Übersicht\n"));
        assert_eq!(copy.format("nav-overview", &Args::new()), "Übersicht");
        assert_eq!(
            copy.format("nav-conversations", &Args::new()),
            "Conversations"
        );
        assert_eq!(copy.locale(), "de");
    }

    #[test]
    fn owners_get_a_dashboard_language_or_english() {
        let list = LocaleList {
            dashboard: vec!["de".into(), "en-US".into()],
            ..LocaleList::new(["de", "fr"].map(String::from))
        };
        let pick = |tags: &[&str]| {
            negotiate(
                &tags.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
                &list,
            )
        };
        assert_eq!(pick(&["de-CH"]), "de");
        assert_eq!(
            pick(&["fr"]),
            "en-US",
            "fr has widget copy but no dashboard"
        );
        assert_eq!(pick(&[]), "en-US");
    }
}
