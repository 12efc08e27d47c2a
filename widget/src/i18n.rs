//! The widget's words, from Fluent files under `locales/`. No text a
//! shopper sees or hears is written in Rust.

use l10n::format::{Args, Catalog, Localized};
use l10n::reactive::LiveCopy;
use leptos::prelude::{GetValue, SetValue, StoredValue};
pub use protocol::locales::DEFAULT_LOCALE;

/// The reference copy, compiled in as the last fallback: the widget always
/// has words, even when the collector cannot be reached. Every other
/// locale comes from the collector (`GET /v1/locales/{locale}`). Its
/// comments, notes for editors, are left out by `build.rs`.
pub(crate) const REFERENCE_FTL: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.ftl"));

/// Every message id the widget uses. A test checks that the reference
/// locale defines each one, so the last fallback never shows an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// Bubble's name while closed.
    BubbleOpen,
    /// Bubble's name while open.
    BubbleClose,
    /// Bubble's name while closed with a satisfaction prompt waiting.
    BubbleOpenWaiting,
    /// Panel heading.
    PanelTitle,
    /// Panel heading naming the shop (`$shop`), when the site has set a name.
    PanelTitleShop,
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
    /// How much more a comment box takes (plural on `$count`).
    CharactersLeft,
}

impl Msg {
    /// All messages, for checks.
    pub const ALL: [Msg; 40] = [
        Msg::BubbleOpen,
        Msg::BubbleClose,
        Msg::BubbleOpenWaiting,
        Msg::PanelTitle,
        Msg::PanelTitleShop,
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
        Msg::CharactersLeft,
    ];

    /// The Fluent message id.
    pub fn id(self) -> &'static str {
        match self {
            Msg::BubbleOpen => "bubble-open",
            Msg::BubbleClose => "bubble-close",
            Msg::BubbleOpenWaiting => "bubble-open-waiting",
            Msg::PanelTitle => "panel-title",
            Msg::PanelTitleShop => "panel-title-shop",
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
            Msg::CharactersLeft => "characters-left",
        }
    }
}

/// Formats messages for one negotiated locale, falling back message by
/// message to en-US.
pub struct Localizer {
    copy: Localized,
    /// The version of the site's own wording in the copy, if it has some.
    copy_version: Option<u32>,
}

impl Localizer {
    /// The compiled-in en-US copy alone.
    pub fn reference() -> Self {
        Self::new(DEFAULT_LOCALE, None)
    }

    /// Copy for `tag` from `ftl` (the collector's answer, the site's
    /// overrides already layered in), falling back message by message to
    /// the compiled-in en-US.
    pub fn new(tag: &str, ftl: Option<&str>) -> Self {
        let chosen = ftl.and_then(|source| Catalog::of(tag, source));
        Self {
            copy: Localized::over_reference(chosen, DEFAULT_LOCALE, REFERENCE_FTL),
            copy_version: None,
        }
    }

    /// The same copy, holding version `version` of the site's own wording
    /// (what the collector said it layered in).
    pub fn with_copy_version(self, version: Option<u32>) -> Self {
        Self {
            copy_version: version,
            ..self
        }
    }

    /// The locale tag of the first choice, as sent with events.
    pub fn locale(&self) -> String {
        self.copy.locale().to_string()
    }

    /// Whether the first choice is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.copy.is_rtl()
    }

    /// The text of `msg`.
    pub fn text(&self, msg: Msg) -> String {
        self.format(msg, &Args::new())
    }

    /// The text of `msg` with `args` filled in, from the first locale that
    /// has it. Falls back to the id only if even en-US lacks it, which the
    /// tests rule out.
    pub fn format(&self, msg: Msg, args: &Args) -> String {
        self.format_id(msg.id(), args)
    }

    /// Like [`Localizer::format`], by message id; the id itself when no
    /// locale has it.
    pub fn format_id(&self, id: &str, args: &Args) -> String {
        self.copy.format(id, args)
    }
}

/// The copy as the widget's components see it: the reactive handle the
/// dashboard uses too (`l10n::reactive::LiveCopy`), read by [`Msg`].
/// One per page, switched in place by `setLocale`.
#[derive(Clone, Copy)]
pub struct I18n {
    copy: LiveCopy,
    /// The version of the site's own wording in the copy shown.
    copy_version: StoredValue<Option<u32>>,
}

impl I18n {
    /// Wraps `localizer`.
    pub fn new(localizer: Localizer) -> Self {
        Self {
            copy: LiveCopy::new(localizer.copy),
            copy_version: StoredValue::new(localizer.copy_version),
        }
    }

    /// A reactive text of `msg`, for a view child or attribute.
    pub fn t(self, msg: Msg) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        self.copy.t(msg.id())
    }

    /// The text of `msg` (tracked).
    pub fn text(self, msg: Msg) -> String {
        self.copy.text(msg.id())
    }

    /// The text of `msg` with `args` filled in (tracked).
    pub fn format(self, msg: Msg, args: &Args) -> String {
        self.copy.format(msg.id(), args)
    }

    /// Switches every string to `localizer`'s locale.
    pub fn set(self, localizer: Localizer) {
        self.copy_version.set_value(localizer.copy_version);
        self.copy.set(localizer.copy);
    }

    /// The current locale tag (tracked).
    pub fn locale(self) -> String {
        self.copy.locale()
    }

    /// The current locale tag, as events are filed under (untracked).
    pub fn locale_now(self) -> String {
        self.copy.locale_now()
    }

    /// Whether the current locale is written right to left (tracked).
    pub fn is_rtl(self) -> bool {
        self.copy.is_rtl()
    }

    /// The version of the site's own wording shown now, as prompts report
    /// it (untracked).
    pub fn copy_version_now(self) -> Option<u32> {
        self.copy_version.get_value()
    }

    /// Whether it is right to left now (untracked, for key handling).
    pub fn is_rtl_now(self) -> bool {
        self.copy.is_rtl_now()
    }
}

#[cfg(test)]
mod tests {
    use l10n::format::Arg;

    use super::*;

    fn args() -> Args {
        let mut args = Args::new();
        args.set("tag", Arg::Text("too_long".into()));
        args.set("shop", Arg::Text("Demo Outdoor Shop".into()));
        args.set("count", Arg::Number(3));
        args
    }

    #[test]
    fn counts_pick_the_plural_form_and_names_are_placed() {
        let localizer = Localizer::reference();
        let left = |count: i64| {
            let mut args = Args::new();
            args.set("count", Arg::Number(count));
            localizer.format(Msg::CharactersLeft, &args)
        };
        // Fluent isolates every placeable (FSI … PDI) so right-to-left
        // text around it stays in order.
        assert_eq!(left(1), "\u{2068}1\u{2069} character left");
        assert_eq!(left(25), "\u{2068}25\u{2069} characters left");
        let mut args = Args::new();
        args.set("shop", Arg::Text("Café Zoë".into()));
        assert_eq!(
            localizer.format(Msg::PanelTitleShop, &args),
            "Chat with \u{2068}Café Zoë\u{2069}"
        );
    }

    #[test]
    fn the_reference_locale_defines_every_message_the_widget_uses() {
        let localizer = Localizer::reference();
        for msg in Msg::ALL {
            let text = localizer.format(msg, &args());
            assert_ne!(text, msg.id(), "en-US lacks {}", msg.id());
            assert!(!text.trim().is_empty(), "{} is empty", msg.id());
        }
    }

    #[test]
    fn the_pseudo_locales_the_collector_makes_show_as_made() {
        let made = |tag| Localizer::new(tag, l10n::pseudo::ftl(tag, REFERENCE_FTL).as_deref());
        let accented = made(l10n::pseudo::ACCENTED);
        assert_eq!(accented.text(Msg::FeedbackUp), "Ħḗḗŀƥƒŭŭŀ");
        assert!(!accented.is_rtl());
        let bidi = made(l10n::pseudo::BIDI);
        assert_eq!(bidi.text(Msg::FeedbackUp), "\u{202E}Hǝʅdɟnʅ\u{202C}");
        assert!(bidi.is_rtl());
        assert_eq!(bidi.locale(), "ar-XB");
    }

    #[test]
    fn a_missing_translation_falls_back_to_english_message_by_message() {
        let localizer = Localizer::new("de", Some("message-feedback-up = Hilfreich\n"));
        assert_eq!(localizer.text(Msg::FeedbackUp), "Hilfreich");
        assert_eq!(localizer.text(Msg::FeedbackDown), "Not helpful");
        assert_eq!(localizer.locale(), "de");
        let empty = Localizer::new("de", Some("message-feedback-up =\n    { \"\" }\n"));
        assert_eq!(
            empty.text(Msg::FeedbackUp),
            "Helpful",
            "an empty value is no text"
        );
    }

    #[test]
    fn without_the_collector_the_widget_speaks_english() {
        let localizer = Localizer::new("de", None);
        assert_eq!(localizer.text(Msg::FeedbackUp), "Helpful");
    }

    #[test]
    fn reason_tags_have_labels_and_unknown_ones_show_as_they_are() {
        let localizer = Localizer::reference();
        let label = |tag: &str| {
            let mut args = Args::new();
            args.set("tag", Arg::Text(tag.to_string()));
            localizer.format(Msg::ReasonTag, &args)
        };
        assert_eq!(label("too_long"), "Too long");
        assert!(label("sizing").contains("sizing"));
    }

    /// Every shipped locale (read from `locales/`) has every message itself.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_shipped_locale_has_every_message() -> std::io::Result<()> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
        let mut seen = 0;
        for entry in std::fs::read_dir(root)? {
            let entry = entry?;
            let tag = entry.file_name().to_string_lossy().into_owned();
            let ftl = std::fs::read_to_string(entry.path().join("widget.ftl"))?;
            let only_this = Catalog::of(&tag, &ftl).unwrap();
            for msg in Msg::ALL {
                let text = only_this.format(msg.id(), &args());
                assert!(
                    text.is_some_and(|text| !text.trim().is_empty()),
                    "{tag} lacks {}",
                    msg.id()
                );
            }
            seen += 1;
        }
        assert!(seen >= 8, "only {seen} locales found");
        Ok(())
    }
}
