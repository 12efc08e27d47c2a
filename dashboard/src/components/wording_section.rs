//! The Wording section's place in the dashboard: the editor itself is a
//! second wasm (`crate::wording_editor`), fetched when the section first
//! opens and drawn into this element; leaving the section removes it.

use leptos::html::Div;
use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::components::status::{Failed, Loading};
use crate::i18n::I18n;
use crate::wording_editor::{self, EditorModule, Mounted};

/// Where the editor stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Editor {
    /// Its wasm is on the way.
    Fetching,
    /// Drawn.
    Shown,
    /// It could not be fetched or drawn; why.
    Failed(String),
}

/// The Wording section: fetches the editor and draws it here.
#[component]
pub fn WordingSection(
    /// The API for the signed-in site.
    api: Api,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let host = NodeRef::<Div>::new();
    let state = RwSignal::new(Editor::Fetching);
    let mounted = StoredValue::new_local(None::<Mounted>);
    // The editor's fetch starts at once; it is drawn once it is in, the
    // element is there and the owner's language is known (at the start,
    // it may still be on its way), in that language.
    let fetched = RwSignal::new_local(None::<Result<EditorModule, String>>);
    leptos::task::spawn_local(async move {
        let module = wording_editor::module().await;
        // Left meanwhile: nothing to draw into.
        let _ = fetched.try_set(Some(module));
    });
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let (Some(element), true, Some(module)) = (host.get(), i18n.is_settled(), fetched.get())
        else {
            return false;
        };
        let (credentials, locale) = (api.credentials(), untrack(|| i18n.locale()));
        match module.and_then(|module| Mounted::new(&module, &element, &credentials, &locale)) {
            Ok(editor) => {
                mounted.set_value(Some(editor));
                state.set(Editor::Shown);
            }
            Err(reason) => state.set(Editor::Failed(reason)),
        }
        true
    });
    on_cleanup(move || {
        mounted.try_update_value(|editor| editor.take());
    });
    let status = move || match state.get() {
        Editor::Fetching => Some(view! { <Loading/> }.into_any()),
        Editor::Shown => None,
        Editor::Failed(reason) => {
            let error = ApiError::Unreachable(format!("the wording editor: {reason}"));
            Some(view! { <Failed error/> }.into_any())
        }
    };
    view! {
        {status}
        <div class="wording-host" node_ref=host></div>
    }
}
