//! A share of ratings in words, with its 95% range: the Overview's
//! hand-over card and Compare's table both write shares this way.

use l10n::format::Args;

use crate::api::Share;
use crate::i18n::{self, I18n, Key};
use crate::intl;

/// "30% (30 of 100; 22%–40%)", or "—" without ratings.
pub fn share_text(i18n: I18n, share: Option<Share>) -> String {
    let Some(share) = share else {
        return i18n.text(Key::NoValue);
    };
    let locale = i18n.locale();
    let mut args = Args::new();
    args.set("share", i18n::text(intl::percent(&locale, share.share)));
    args.set("count", i18n::text(intl::count(&locale, share.count)));
    args.set("of", i18n::text(intl::count(&locale, share.of)));
    args.set("low", i18n::text(intl::percent(&locale, share.low)));
    args.set("high", i18n::text(intl::percent(&locale, share.high)));
    i18n.format(Key::CompareShare, &args)
}
