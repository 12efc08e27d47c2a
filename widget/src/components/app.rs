//! The whole widget.

use leptos::prelude::*;

use crate::components::bubble::Bubble;
use crate::components::panel::Panel;
use crate::csat::CsatFlow;
use crate::feedback::FeedbackReporter;
use crate::host_events::HostEvents;
use crate::state::WidgetState;
use crate::storage;

/// Panel above, bubble below; offers the satisfaction prompt once the
/// conversation has resolved and the site's settings say so, once per
/// conversation (remembered across reloads).
#[component]
pub fn App(
    /// Open/closed, the conversation, settings and the prompt.
    state: WidgetState,
) -> impl IntoView {
    let reporter = expect_context::<FeedbackReporter>();
    Effect::new(move |_| {
        if !state.resolved.get() {
            return;
        }
        let Some(settings) = state.settings.get() else {
            return;
        };
        let offered_key = format!("csat-offered:{}", reporter.conversation_id());
        if !settings.csat_enabled || storage::get(&offered_key).is_some() {
            return;
        }
        storage::set(&offered_key, "1");
        state.csat.set(Some(CsatFlow::offered(settings.csat_mode)));
        state.open.set(true);
        reporter.csat_offered(settings.csat_mode);
    });
    // Tell the host when the panel opens or closes (not for the initial state).
    let host = expect_context::<HostEvents>();
    Effect::new(move |was_open: Option<bool>| {
        let open = state.open.get();
        if was_open.is_some_and(|was_open| was_open != open) {
            host.emit(if open { "open" } else { "close" }, &serde_json::json!({}));
        }
        open
    });
    let bubble = NodeRef::<leptos::html::Button>::new();
    view! {
        <Panel open=state.open conversation=state.conversation csat=state.csat bubble/>
        <Bubble open=state.open node_ref=bubble/>
    }
}
