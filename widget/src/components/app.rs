//! The whole widget.

use leptos::prelude::*;

use crate::components::bubble::Bubble;
use crate::components::panel::Panel;
use crate::state::WidgetState;

/// Panel above, bubble below.
#[component]
pub fn App(
    /// Open/closed and the conversation.
    state: WidgetState,
) -> impl IntoView {
    view! {
        <Panel open=state.open conversation=state.conversation/>
        <Bubble open=state.open/>
    }
}
