//! Where a section that is a wasm of its own (Wording, Settings, Compare,
//! a conversation; see `crate::section_apps`) is drawn: its code is fetched
//! when the section first opens and drawn into this element; leaving the
//! section removes it. Compare is told each period the owner picks.

use leptos::html::Div;
use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::components::status::{Failed, Loading};
use crate::i18n::I18n;
use crate::section_apps::{self, Mounted, Opening, SectionModule};

/// Where the section stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Drawn {
    /// Its wasm is on the way.
    Fetching,
    /// Drawn.
    Shown,
    /// It could not be fetched or drawn; why.
    Failed(String),
}

/// A section fetched as a wasm of its own, drawn here.
#[component]
pub fn FetchedSection(
    /// The API for the signed-in site.
    api: Api,
    /// Which section, and what it shows.
    opening: Opening,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let host = NodeRef::<Div>::new();
    let state = RwSignal::new(Drawn::Fetching);
    let mounted = StoredValue::new_local(None::<Mounted>);
    // The fetch starts at once; the section is drawn once it is in, the
    // element is there and the owner's language is known (at the start,
    // it may still be on its way), in that language.
    let fetched = RwSignal::new_local(None::<Result<SectionModule, String>>);
    let app = opening.app();
    let opening_for_period = opening.clone();
    leptos::task::spawn_local(async move {
        let module = section_apps::module(app).await;
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
        let locale = untrack(|| i18n.locale());
        match module.and_then(|module| Mounted::new(&opening, &module, &element, &api, &locale)) {
            Ok(section) => {
                mounted.set_value(Some(section));
                state.set(Drawn::Shown);
            }
            Err(reason) => state.set(Drawn::Failed(reason)),
        }
        true
    });
    if let Opening::Compare(period) = opening_for_period {
        // Each period picked from now on; the section is drawn with the
        // one current then, so a period picked while it is fetched counts.
        Effect::new(move |told: Option<()>| {
            let period = period.get();
            if told.is_some() {
                let said = mounted.with_value(|section| {
                    section.as_ref().map(|section| section.set_period(&period))
                });
                if let Some(Err(reason)) = said {
                    state.set(Drawn::Failed(reason));
                }
            }
        });
    }
    on_cleanup(move || {
        mounted.try_update_value(|section| section.take());
    });
    let status = move || match state.get() {
        Drawn::Fetching => Some(view! { <Loading/> }.into_any()),
        Drawn::Shown => None,
        Drawn::Failed(reason) => {
            let error = ApiError::Unreachable(format!("this section's code: {reason}"));
            Some(view! { <Failed error/> }.into_any())
        }
    };
    view! {
        {status}
        <div class="section-host" node_ref=host></div>
    }
}
