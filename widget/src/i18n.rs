//! The widget's words, from Fluent files under `locales/`. No text a
//! shopper sees or hears is written in Rust.

use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use leptos::prelude::*;
use unic_langid::LanguageIdentifier;

/// Locales compiled into the widget, the reference (en-US) first.
const BUILT_IN: &[(&str, &str)] = &[
    ("en-US", include_str!("../../locales/en-US/widget.ftl")),
    ("de", include_str!("../../locales/de/widget.ftl")),
    ("fr", include_str!("../../locales/fr/widget.ftl")),
    ("es", include_str!("../../locales/es/widget.ftl")),
    ("pt-BR", include_str!("../../locales/pt-BR/widget.ftl")),
    ("nl", include_str!("../../locales/nl/widget.ftl")),
    ("ja", include_str!("../../locales/ja/widget.ftl")),
    ("ar", include_str!("../../locales/ar/widget.ftl")),
];

/// Languages written right to left.
const RTL_LANGUAGES: [&str; 5] = ["ar", "fa", "he", "ur", "yi"];

/// The locale every lookup falls back to.
pub const DEFAULT_LOCALE: &str = "en-US";

/// Every message id the widget uses. A test checks that the reference
/// locale defines each one, so the last fallback never shows an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// Bubble's name while closed.
    BubbleOpen,
    /// Bubble's name while open.
    BubbleClose,
    /// Panel heading.
    PanelTitle,
    /// Panel close button's name.
    PanelClose,
    /// Placeholder text of an empty conversation.
    PanelEmpty,
    /// Name of the message list.
    PanelMessages,
    /// Name of the thumbs pair.
    FeedbackGroup,
    /// Name of 👍.
    FeedbackUp,
    /// Name of 👎.
    FeedbackDown,
    /// Thumbs prompt heading.
    CsatTitle,
    /// Name of the prompt's 👍.
    CsatThumbUp,
    /// Name of the prompt's 👎.
    CsatThumbDown,
    /// Label of the reason asked for after 👎.
    CsatNegativeReason,
    /// Placeholder of the reason.
    CsatNegativePlaceholder,
    /// Submit button of the reason.
    CsatNegativeButton,
    /// Thank-you message.
    CsatAfterSubmission,
    /// 1–5 prompt lead-in.
    CsatLeadIn,
    /// 1–5 prompt question.
    CsatQuestion,
    /// Name of score 1.
    CsatScore1,
    /// Name of score 2.
    CsatScore2,
    /// Name of score 3.
    CsatScore3,
    /// Name of score 4.
    CsatScore4,
    /// Name of score 5.
    CsatScore5,
    /// What 1 and 5 mean.
    CsatScaleEnds,
    /// Label of the optional comment.
    CsatCommentLabel,
    /// Placeholder of the comment.
    CsatCommentPlaceholder,
    /// Submit button of the comment.
    CsatSubmit,
    /// Name of the prompt's close button.
    CsatClose,
    /// Label of the message box.
    ComposerLabel,
    /// Placeholder of the message box.
    ComposerPlaceholder,
    /// Name of the send button.
    ComposerSend,
    /// Heading of the reasons asked after a 👎.
    ReasonTitle,
    /// Name of the reason comment box.
    ReasonCommentLabel,
    /// Placeholder of the reason comment box.
    ReasonCommentPlaceholder,
    /// Sends the reason.
    ReasonSend,
    /// Skips the reason.
    ReasonSkip,
    /// A reason tag's label (selects on `$tag`).
    ReasonTag,
}

impl Msg {
    /// All messages, for checks.
    pub const ALL: [Msg; 37] = [
        Msg::BubbleOpen,
        Msg::BubbleClose,
        Msg::PanelTitle,
        Msg::PanelClose,
        Msg::PanelEmpty,
        Msg::PanelMessages,
        Msg::FeedbackGroup,
        Msg::FeedbackUp,
        Msg::FeedbackDown,
        Msg::CsatTitle,
        Msg::CsatThumbUp,
        Msg::CsatThumbDown,
        Msg::CsatNegativeReason,
        Msg::CsatNegativePlaceholder,
        Msg::CsatNegativeButton,
        Msg::CsatAfterSubmission,
        Msg::CsatLeadIn,
        Msg::CsatQuestion,
        Msg::CsatScore1,
        Msg::CsatScore2,
        Msg::CsatScore3,
        Msg::CsatScore4,
        Msg::CsatScore5,
        Msg::CsatScaleEnds,
        Msg::CsatCommentLabel,
        Msg::CsatCommentPlaceholder,
        Msg::CsatSubmit,
        Msg::CsatClose,
        Msg::ComposerLabel,
        Msg::ComposerPlaceholder,
        Msg::ComposerSend,
        Msg::ReasonTitle,
        Msg::ReasonCommentLabel,
        Msg::ReasonCommentPlaceholder,
        Msg::ReasonSend,
        Msg::ReasonSkip,
        Msg::ReasonTag,
    ];

    /// The Fluent message id.
    pub fn id(self) -> &'static str {
        match self {
            Msg::BubbleOpen => "bubble-open",
            Msg::BubbleClose => "bubble-close",
            Msg::PanelTitle => "panel-title",
            Msg::PanelClose => "panel-close",
            Msg::PanelEmpty => "panel-empty",
            Msg::PanelMessages => "panel-messages",
            Msg::FeedbackGroup => "message-feedback-group",
            Msg::FeedbackUp => "message-feedback-up",
            Msg::FeedbackDown => "message-feedback-down",
            Msg::CsatTitle => "csat-title",
            Msg::CsatThumbUp => "csat-thumb-up",
            Msg::CsatThumbDown => "csat-thumb-down",
            Msg::CsatNegativeReason => "csat-negative-reason",
            Msg::CsatNegativePlaceholder => "csat-negative-placeholder",
            Msg::CsatNegativeButton => "csat-negative-button",
            Msg::CsatAfterSubmission => "csat-after-submission",
            Msg::CsatLeadIn => "csat-lead-in",
            Msg::CsatQuestion => "csat-question",
            Msg::CsatScore1 => "csat-score-1",
            Msg::CsatScore2 => "csat-score-2",
            Msg::CsatScore3 => "csat-score-3",
            Msg::CsatScore4 => "csat-score-4",
            Msg::CsatScore5 => "csat-score-5",
            Msg::CsatScaleEnds => "csat-scale-ends",
            Msg::CsatCommentLabel => "csat-comment-label",
            Msg::CsatCommentPlaceholder => "csat-comment-placeholder",
            Msg::CsatSubmit => "csat-submit",
            Msg::CsatClose => "csat-close",
            Msg::ComposerLabel => "composer-label",
            Msg::ComposerPlaceholder => "composer-placeholder",
            Msg::ComposerSend => "composer-send",
            Msg::ReasonTitle => "reason-title",
            Msg::ReasonCommentLabel => "reason-comment-label",
            Msg::ReasonCommentPlaceholder => "reason-comment-placeholder",
            Msg::ReasonSend => "reason-send",
            Msg::ReasonSkip => "reason-skip",
            Msg::ReasonTag => "reason-tag",
        }
    }
}

/// Formats messages for one negotiated locale, falling back message by
/// message through the negotiated list to en-US.
pub struct Localizer {
    bundles: Vec<FluentBundle<FluentResource>>,
}

fn bundle(tag: &str, source: &str) -> Option<FluentBundle<FluentResource>> {
    let langid: LanguageIdentifier = tag.parse().ok()?;
    // A resource with syntax errors still yields every entry that parsed.
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Only one resource per bundle, so no id can be overridden.
    let _ = bundle.add_resource(resource);
    Some(bundle)
}

impl Localizer {
    /// The best match for the shopper's `requested` locales (most preferred
    /// first) among the built-in ones, with en-US as the last fallback.
    pub fn negotiate(requested: &[String]) -> Self {
        let available: Vec<LanguageIdentifier> = BUILT_IN
            .iter()
            .filter_map(|(tag, _)| tag.parse().ok())
            .collect();
        let requested: Vec<LanguageIdentifier> = requested
            .iter()
            .filter_map(|tag| tag.parse().ok())
            .collect();
        let default: Option<LanguageIdentifier> = DEFAULT_LOCALE.parse().ok();
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            default.as_ref(),
            fluent_langneg::NegotiationStrategy::Filtering,
        );
        let mut tags: Vec<String> = chosen.iter().map(|id| id.to_string()).collect();
        if !tags.iter().any(|tag| tag == DEFAULT_LOCALE) {
            tags.push(DEFAULT_LOCALE.to_string());
        }
        let bundles = tags
            .iter()
            .filter_map(|tag| {
                let (_, source) = BUILT_IN.iter().find(|(built_in, _)| built_in == tag)?;
                bundle(tag, source)
            })
            .collect();
        Self { bundles }
    }

    /// The locale tag of the first choice, as sent with events.
    pub fn locale(&self) -> String {
        self.bundles
            .first()
            .and_then(|bundle| bundle.locales.first())
            .map_or_else(|| DEFAULT_LOCALE.to_string(), ToString::to_string)
    }

    /// Whether the first choice is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.bundles
            .first()
            .and_then(|bundle| bundle.locales.first())
            .is_some_and(|locale| RTL_LANGUAGES.contains(&locale.language.as_str()))
    }

    /// The text of `msg`.
    pub fn text(&self, msg: Msg) -> String {
        self.format(msg, None)
    }

    /// The text of `msg` with `args` filled in, from the first locale that
    /// has it. Falls back to the id only if even en-US lacks it, which the
    /// tests rule out.
    pub fn format(&self, msg: Msg, args: Option<&FluentArgs>) -> String {
        for bundle in &self.bundles {
            let Some(pattern) = bundle.get_message(msg.id()).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if errors.is_empty() && !text.trim().is_empty() {
                return text.into_owned();
            }
        }
        msg.id().to_string()
    }
}

/// The localizer as components see it: reactive, so a locale change
/// re-renders every string.
#[derive(Clone, Copy)]
pub struct I18n(RwSignal<Arc<Localizer>>);

impl I18n {
    /// Wraps `localizer`.
    pub fn new(localizer: Localizer) -> Self {
        Self(RwSignal::new(Arc::new(localizer)))
    }

    /// A reactive text for `msg`, for use as a view child or attribute.
    pub fn text(self, msg: Msg) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.0.with(|localizer| localizer.text(msg))
    }

    /// The label of a site's reason tag: the locale's wording where it has
    /// one, the tag itself otherwise.
    pub fn tag_label(self, tag: String) -> impl Fn() -> String + Send + Sync + 'static {
        move || {
            self.0.with(|localizer| {
                let mut args = FluentArgs::new();
                args.set("tag", tag.clone());
                localizer.format(Msg::ReasonTag, Some(&args))
            })
        }
    }

    /// Switches every string to `localizer`'s locale.
    pub fn set(self, localizer: Localizer) {
        self.0.set(Arc::new(localizer));
    }

    /// The current locale tag (not tracked).
    pub fn locale(self) -> String {
        self.0.with_untracked(|localizer| localizer.locale())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_locale_defines_every_message_the_widget_uses() {
        let localizer = Localizer::negotiate(&[]);
        let mut args = FluentArgs::new();
        args.set("tag", "wrong_answer");
        for msg in Msg::ALL {
            let text = localizer.format(msg, Some(&args));
            assert_ne!(text, msg.id(), "en-US lacks {}", msg.id());
            assert!(!text.trim().is_empty(), "{} is empty", msg.id());
        }
    }

    #[test]
    fn unknown_or_malformed_requests_fall_back_to_en_us() {
        for requested in [
            vec![],
            vec!["xx-YY".to_string()],
            vec!["not a tag!".to_string()],
        ] {
            let localizer = Localizer::negotiate(&requested);
            assert_eq!(localizer.locale(), "en-US");
            assert_eq!(localizer.text(Msg::FeedbackUp), "Helpful");
        }
    }

    #[test]
    fn reason_tags_have_labels_and_unknown_ones_show_as_they_are() {
        let localizer = Localizer::negotiate(&[]);
        let label = |tag: &str| {
            let mut args = FluentArgs::new();
            args.set("tag", tag.to_string());
            localizer.format(Msg::ReasonTag, Some(&args))
        };
        assert_eq!(label("too_long"), "Too long");
        assert!(label("sizing").contains("sizing"));
    }

    #[test]
    fn shoppers_get_their_language_or_the_nearest_one() {
        let pick = |tags: &[&str]| {
            let requested: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
            let localizer = Localizer::negotiate(&requested);
            (
                localizer.locale(),
                localizer.text(Msg::FeedbackUp),
                localizer.is_rtl(),
            )
        };
        assert_eq!(
            pick(&["de-AT", "en"]),
            ("de".into(), "Hilfreich".into(), false)
        );
        assert_eq!(pick(&["pt-BR"]), ("pt-BR".into(), "Útil".into(), false));
        assert_eq!(pick(&["ar-EG"]), ("ar".into(), "مفيدة".into(), true));
        assert_eq!(
            pick(&["sv", "ja"]),
            ("ja".into(), "役に立った".into(), false)
        );
        assert_eq!(pick(&["sv"]), ("en-US".into(), "Helpful".into(), false));
    }

    #[test]
    fn every_built_in_locale_has_every_message() {
        let mut args = FluentArgs::new();
        args.set("tag", "too_long");
        for (tag, _) in BUILT_IN {
            let localizer = Localizer::negotiate(&[tag.to_string()]);
            assert_eq!(localizer.locale(), *tag);
            let only_this = Localizer {
                bundles: localizer.bundles.into_iter().take(1).collect(),
            };
            for msg in Msg::ALL {
                assert_ne!(
                    only_this.format(msg, Some(&args)),
                    msg.id(),
                    "{tag} lacks {}",
                    msg.id()
                );
            }
        }
    }

    #[test]
    fn a_broken_resource_keeps_the_entries_that_parse() {
        let bundle = bundle(
            "en-US",
            "good = Fine\nbroken = { ! }\nalso-good = Also fine\n",
        )
        .unwrap();
        assert!(bundle.get_message("good").is_some());
        assert!(bundle.get_message("also-good").is_some());
        assert!(bundle.get_message("broken").is_none());
    }
}
