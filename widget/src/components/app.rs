//! The whole widget.

use leptos::prelude::*;

use crate::components::bubble::Bubble;
use crate::components::message_list::ReasonTags;
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
    provide_context(ReasonTags(Signal::derive(move || {
        state.settings.with(|settings| {
            settings
                .as_ref()
                .map(|s| s.reason_tags.clone())
                .unwrap_or_default()
        })
    })));
    // Idle auto-end: a conversation quiet for the site's `idle_end_seconds`
    // resolves by itself (each new message restarts the clock).
    let idle_timer = StoredValue::new_local(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    Effect::new(move |_| {
        let messages = state.conversation.with(|c| c.messages.len());
        let idle = state
            .settings
            .with(|s| s.as_ref().and_then(|s| s.idle_end_seconds));
        if let Some(timer) = idle_timer.get_value() {
            timer.clear();
        }
        idle_timer.set_value(None);
        if let (Some(seconds), true, false) = (idle, messages > 0, state.resolved.get()) {
            let timer = leptos::leptos_dom::helpers::set_timeout_with_handle(
                move || state.resolved.set(true),
                std::time::Duration::from_secs(u64::from(seconds)),
            );
            idle_timer.set_value(timer.ok());
        }
    });
    let shop = Signal::derive(move || {
        state
            .settings
            .with(|settings| settings.as_ref().and_then(|s| s.shop_name.clone()))
    });
    let bubble = NodeRef::<leptos::html::Button>::new();
    view! {
        <Panel open=state.open conversation=state.conversation csat=state.csat bubble shop/>
        <Bubble open=state.open node_ref=bubble/>
    }
}
