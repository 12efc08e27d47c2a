//! A site's stored wording as it is served: checked again by today's
//! checker (`l10n::screen`), so wording saved before a rule existed never
//! reaches shoppers when the rule refuses it. The messages set aside show
//! the shipped text; `GET …/copy/{locale}` names them and says why, and
//! the wording editor shows the findings. Each isolate remembers the
//! outcome per reference, locale and text, so a deploy (new isolates, a
//! new checker) checks stored wording again the first time it serves it.

use std::cell::RefCell;

use l10n::screen::{Screened, screen_site_copy};
use protocol::secret::hash_secret;

use crate::recent::Recent;

/// Outcomes remembered per isolate.
const REMEMBERED: usize = 200;

thread_local! {
    static SCREENED: RefCell<Recent<String, Screened>> = RefCell::new(Recent::new(REMEMBERED));
}

/// `ftl`, a site's stored wording for `locale`, as it may be served over
/// `reference` (the shipped en-US widget copy).
pub fn screened(reference: &str, locale: &str, ftl: &str) -> Screened {
    let key = hash_secret(&format!("{reference}\u{0}{locale}\u{0}{ftl}"));
    // Kept until the isolate goes: the same inputs give the same outcome.
    if let Some(known) = SCREENED.with(|memory| memory.borrow().get(&key, 0.0)) {
        return known;
    }
    let screened = screen_site_copy(reference, locale, ftl);
    SCREENED.with(|memory| {
        memory
            .borrow_mut()
            .put(key, screened.clone(), f64::INFINITY)
    });
    screened
}
