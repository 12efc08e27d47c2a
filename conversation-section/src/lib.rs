//! One conversation in the dashboard as a wasm of its own: its rated
//! messages, satisfaction answer, hand-over and context
//! (`conversation_view`), with its review (`review_panel`) and the keys
//! that triage it (`triage`). The inbox is where an owner starts, so the
//! dashboard fetches this only when a conversation opens (or while the
//! browser is idle) and mounts it with [`mount`], once per conversation;
//! the first section's download leaves it out (README, "Choices worth
//! knowing").
//!
//! It runs its own reactive graph (`dashboard::section_mount`): the
//! dashboard hands over the host element, the credentials, the owner's
//! language and the conversation's id, and drops the [`Section`] when
//! another conversation or section opens.

pub mod conversation_view;
pub mod review_panel;
pub mod triage;

use dashboard::section_mount::{MountedSection, mount_section};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::conversation_view::ConversationView;

/// A conversation drawn into the dashboard's page; dropping it (`free()`
/// from JavaScript) removes it and disposes of its reactive graph.
#[wasm_bindgen]
pub struct Section {
    _mounted: MountedSection,
}

/// Draws the conversation `id` into `host` for the site `site_key`, whose
/// `secret` (or key) the dashboard signed in with, in the dashboard's
/// language `locale`. Refused when the credentials are not of the shape
/// the dashboard accepts, or the locale is not a language tag; an unknown
/// id is the collector's to answer, and the section says so.
#[wasm_bindgen]
pub fn mount(
    host: web_sys::HtmlElement,
    site_key: &str,
    secret: &str,
    locale: &str,
    id: &str,
) -> Result<Section, JsError> {
    let id = id.to_string();
    let mounted = mount_section(
        "conversation",
        host,
        (site_key, secret),
        locale,
        move |api| view! { <ConversationView api id=id.clone()/> }.into_any(),
        |_| {},
    )?;
    Ok(Section { _mounted: mounted })
}
