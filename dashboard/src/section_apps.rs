//! The sections that are wasms of their own (`wording-editor/`,
//! `settings-section/`, `compare-section/`, `conversation-section/`): each
//! fetched and instantiated once, when it first opens; for a holder who may open it, its bytes are fetched into the HTTP
//! cache before, while the browser is idle after the first section has
//! shown. `start.js`, which knows the built files' content-hashed names,
//! hands over the functions that fetch them ([`set_loader`]).

use std::cell::RefCell;
use std::time::Duration;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use leptos::prelude::{GetUntracked, RwSignal};

use crate::api::Api;
use crate::period::Period;
use crate::session::Credentials;

/// A section fetched as a wasm of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionApp {
    /// The Wording editor (`wording-editor/`).
    Wording,
    /// Settings, keys and the site secret (`settings-section/`).
    Settings,
    /// Compare (`compare-section/`).
    Compare,
    /// One conversation and its review (`conversation-section/`).
    Conversation,
}

impl SectionApp {
    /// What `start.js` calls it (the build's `FILES` keys).
    fn key(self) -> &'static str {
        match self {
            Self::Wording => "wording",
            Self::Settings => "settings",
            Self::Compare => "compare",
            Self::Conversation => "conversation",
        }
    }
}

/// A section to draw, with what it shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Opening {
    /// The Wording editor.
    Wording,
    /// Settings.
    Settings,
    /// Compare over the dashboard's period, told each new one.
    Compare(RwSignal<Period>),
    /// The conversation with this id.
    Conversation(String),
}

impl Opening {
    /// The wasm that draws it.
    pub fn app(&self) -> SectionApp {
        match self {
            Self::Wording => SectionApp::Wording,
            Self::Settings => SectionApp::Settings,
            Self::Compare(_) => SectionApp::Compare,
            Self::Conversation(_) => SectionApp::Conversation,
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// A section's JavaScript module, its wasm instantiated.
    #[derive(Clone)]
    pub type SectionModule;

    /// `wording_editor::mount`: draws the editor into `host`.
    #[wasm_bindgen(method, catch, js_name = mount)]
    fn mount_wording(
        this: &SectionModule,
        host: &web_sys::HtmlElement,
        site_key: &str,
        secret: &str,
        locale: &str,
    ) -> Result<MountedSection, JsValue>;

    /// `settings_section::mount`: draws Settings into `host`; a secret it
    /// makes is handed to `on_new_secret`.
    #[wasm_bindgen(method, catch, js_name = mount)]
    fn mount_settings(
        this: &SectionModule,
        host: &web_sys::HtmlElement,
        site_key: &str,
        secret: &str,
        locale: &str,
        on_new_secret: &js_sys::Function,
    ) -> Result<MountedSection, JsValue>;

    /// `compare_section::mount`: draws Compare into `host` over `period`
    /// (as `Period::query` writes it).
    #[wasm_bindgen(method, catch, js_name = mount)]
    fn mount_compare(
        this: &SectionModule,
        host: &web_sys::HtmlElement,
        site_key: &str,
        secret: &str,
        locale: &str,
        period: &str,
    ) -> Result<MountedSection, JsValue>;

    /// `conversation_section::mount`: draws the conversation `id` into
    /// `host`.
    #[wasm_bindgen(method, catch, js_name = mount)]
    fn mount_conversation(
        this: &SectionModule,
        host: &web_sys::HtmlElement,
        site_key: &str,
        secret: &str,
        locale: &str,
        id: &str,
    ) -> Result<MountedSection, JsValue>;

    /// A section on the page (`wording_editor::Editor`,
    /// `settings_section::Section`, …).
    type MountedSection;

    /// Removes the section and frees what it holds.
    #[wasm_bindgen(method, catch)]
    fn free(this: &MountedSection) -> Result<(), JsValue>;

    /// `compare_section::Section::set_period`: shows `period` from now on.
    #[wasm_bindgen(method, catch)]
    fn set_period(this: &MountedSection, period: &str) -> Result<(), JsValue>;
}

/// How the page fetches the sections (functions from `start.js`, each
/// called with a section's key).
#[derive(Clone)]
pub struct Loader {
    /// Returns a promise of the section's module, its wasm instantiated.
    pub load: js_sys::Function,
    /// Fetches the section's files into the HTTP cache, nothing more.
    pub prefetch: js_sys::Function,
}

thread_local! {
    /// How the modules are fetched.
    static LOADER: RefCell<Option<Loader>> = const { RefCell::new(None) };
    /// The fetches under way or done, shared by everyone who asks.
    static LOADING: RefCell<Vec<(SectionApp, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `loader`.
pub fn set_loader(loader: Loader) {
    LOADER.with_borrow_mut(|kept| *kept = Some(loader));
}

/// A JavaScript failure in words.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "it failed".to_string())
}

/// The fetch of `app`'s module under way or done.
fn started(app: SectionApp) -> Option<js_sys::Promise> {
    LOADING.with_borrow(|loading| {
        loading
            .iter()
            .find(|(started, _)| *started == app)
            .map(|(_, promise)| promise.clone())
    })
}

/// The fetch of `app`'s module: the one under way, or a new one.
fn loading(app: SectionApp) -> Result<js_sys::Promise, String> {
    if let Some(promise) = started(app) {
        return Ok(promise);
    }
    let loader = LOADER
        .with_borrow(Clone::clone)
        .ok_or("the page did not say where the section's code is")?;
    let promise = loader
        .load
        .call1(&JsValue::NULL, &app.key().into())
        .map_err(|error| describe(&error))?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "the page's loader did not answer a promise".to_string())?;
    LOADING.with_borrow_mut(|loading| loading.push((app, promise.clone())));
    Ok(promise)
}

/// `app`'s module, fetched on the first call; later calls share that
/// fetch. A failed fetch is forgotten, so opening the section again tries
/// again.
pub async fn module(app: SectionApp) -> Result<SectionModule, String> {
    let promise = loading(app)?;
    match JsFuture::from(promise.clone()).await {
        Ok(module) => Ok(module.unchecked_into()),
        Err(error) => {
            let failed = JsValue::from(&promise);
            LOADING.with_borrow_mut(|loading| {
                loading.retain(|(_, started)| JsValue::from(started) != failed);
            });
            Err(describe(&error))
        }
    }
}

/// Fetches `apps`' files into the HTTP cache when the browser is next idle
/// (or soon, where it cannot say), so that opening them later waits for no
/// download. Only the bytes: compiling a section would be a task on the
/// page's thread while the owner works.
pub fn prefetch_when_idle(apps: Vec<SectionApp>) {
    let fetch = move || {
        let Some(loader) = LOADER.with_borrow(Clone::clone) else {
            return;
        };
        // One opened meanwhile was fetched by its section.
        for app in apps.iter().filter(|app| started(**app).is_none()) {
            // A failed prefetch costs nothing: opening the section fetches.
            let _ = loader.prefetch.call1(&JsValue::NULL, &app.key().into());
        }
    };
    let idle = Closure::once_into_js(fetch.clone());
    let asked = web_sys::window()
        .map(|window| window.request_idle_callback(idle.unchecked_ref()).is_ok())
        .unwrap_or(false);
    if !asked {
        leptos::prelude::set_timeout(fetch, Duration::ZERO);
    }
}

/// A section drawn into the page; removed when dropped.
pub struct Mounted {
    section: MountedSection,
    /// What the section calls back, alive as long as it is.
    _callback: Option<Closure<dyn Fn(String)>>,
}

impl Mounted {
    /// Draws `opening` with `module`, its app's, into `host` for `api`'s
    /// site, in the owner's language `locale`. A new secret made in
    /// Settings is used by `api` from then on (the section has already
    /// remembered it for the tab).
    pub fn new(
        opening: &Opening,
        module: &SectionModule,
        host: &web_sys::HtmlElement,
        api: &Api,
        locale: &str,
    ) -> Result<Self, String> {
        let Credentials { site_key, secret } = api.credentials();
        let (section, callback) = match opening {
            Opening::Wording => (module.mount_wording(host, &site_key, &secret, locale), None),
            Opening::Compare(period) => {
                let period = period.get_untracked().query();
                let mounted = module.mount_compare(host, &site_key, &secret, locale, &period);
                (mounted, None)
            }
            Opening::Conversation(id) => {
                let mounted = module.mount_conversation(host, &site_key, &secret, locale, id);
                (mounted, None)
            }
            Opening::Settings => {
                let api = api.clone();
                let on_new_secret =
                    Closure::<dyn Fn(String)>::new(move |secret| api.use_secret(secret));
                let mounted = module.mount_settings(
                    host,
                    &site_key,
                    &secret,
                    locale,
                    on_new_secret.as_ref().unchecked_ref(),
                );
                (mounted, Some(on_new_secret))
            }
        };
        let section = section.map_err(|error| describe(&error))?;
        Ok(Self {
            section,
            _callback: callback,
        })
    }

    /// Tells Compare the dashboard's new `period`.
    pub fn set_period(&self, period: &Period) -> Result<(), String> {
        self.section
            .set_period(&period.query())
            .map_err(|error| describe(&error))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        // The section's failure stays the section's: the dashboard goes on.
        if let Err(error) = self.section.free() {
            web_sys::console::warn_1(&format!("a section: {}", describe(&error)).into());
        }
    }
}
