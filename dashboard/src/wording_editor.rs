//! The Wording editor's wasm (`wording-editor/`), fetched and instantiated
//! once, when the section first opens; for a holder who may open it, its
//! bytes are fetched into the HTTP cache before, while the browser is idle
//! after the first section has shown. `start.js`, which knows the built
//! files' content-hashed names, hands over the functions that fetch it
//! ([`set_loader`]).

use std::cell::RefCell;
use std::time::Duration;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::session::Credentials;

#[wasm_bindgen]
extern "C" {
    /// The editor's JavaScript module, its wasm instantiated.
    #[derive(Clone)]
    pub type EditorModule;

    /// `wording_editor::mount`: draws the editor into `host`.
    #[wasm_bindgen(method, catch)]
    fn mount(
        this: &EditorModule,
        host: &web_sys::HtmlElement,
        site_key: &str,
        secret: &str,
        locale: &str,
    ) -> Result<MountedEditor, JsValue>;

    /// `wording_editor::Editor`: an editor on the page.
    type MountedEditor;

    /// Removes the editor and frees what it holds.
    #[wasm_bindgen(method, catch)]
    fn free(this: &MountedEditor) -> Result<(), JsValue>;
}

/// How the page fetches the editor (functions from `start.js`).
#[derive(Clone)]
pub struct Loader {
    /// Returns a promise of the editor's module, its wasm instantiated.
    pub load: js_sys::Function,
    /// Fetches the editor's files into the HTTP cache, nothing more.
    pub prefetch: js_sys::Function,
}

thread_local! {
    /// How the module is fetched.
    static LOADER: RefCell<Option<Loader>> = const { RefCell::new(None) };
    /// The fetch under way or done, shared by everyone who asks.
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
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

/// The fetch of the module: the one under way, or a new one.
fn loading() -> Result<js_sys::Promise, String> {
    LOADING.with_borrow_mut(|loading| {
        if let Some(promise) = loading {
            return Ok(promise.clone());
        }
        let loader = LOADER
            .with_borrow(Clone::clone)
            .ok_or("the page did not say where the wording editor is")?;
        let promise = loader
            .load
            .call0(&JsValue::NULL)
            .map_err(|error| describe(&error))?
            .dyn_into::<js_sys::Promise>()
            .map_err(|_| "the page's loader did not answer a promise".to_string())?;
        *loading = Some(promise.clone());
        Ok(promise)
    })
}

/// The editor's module, fetched on the first call; later calls share that
/// fetch. A failed fetch is forgotten, so opening the section again tries
/// again.
pub async fn module() -> Result<EditorModule, String> {
    let promise = loading()?;
    match JsFuture::from(promise.clone()).await {
        Ok(module) => Ok(module.unchecked_into()),
        Err(error) => {
            LOADING.with_borrow_mut(|loading| {
                if loading.as_ref().map(JsValue::from) == Some(JsValue::from(&promise)) {
                    *loading = None;
                }
            });
            Err(describe(&error))
        }
    }
}

/// Fetches the editor's files into the HTTP cache when the browser is
/// next idle (or soon, where it cannot say), so that opening Wording later
/// waits for no download. Only the bytes: compiling the editor would be a
/// task on the page's thread while the owner works.
pub fn prefetch_when_idle() {
    let fetch = || {
        // Opened meanwhile: the section fetched it.
        if LOADING.with_borrow(Option::is_some) {
            return;
        }
        if let Some(loader) = LOADER.with_borrow(Clone::clone) {
            // A failed prefetch costs nothing: opening the section fetches.
            let _ = loader.prefetch.call0(&JsValue::NULL);
        }
    };
    let idle = Closure::once_into_js(fetch);
    let asked = web_sys::window()
        .map(|window| window.request_idle_callback(idle.unchecked_ref()).is_ok())
        .unwrap_or(false);
    if !asked {
        leptos::prelude::set_timeout(fetch, Duration::ZERO);
    }
}

/// The editor drawn into the page; removed when dropped.
pub struct Mounted(MountedEditor);

impl Mounted {
    /// Draws `module`'s editor into `host` for `credentials`' site, in the
    /// owner's language `locale`.
    pub fn new(
        module: &EditorModule,
        host: &web_sys::HtmlElement,
        credentials: &Credentials,
        locale: &str,
    ) -> Result<Self, String> {
        module
            .mount(host, &credentials.site_key, &credentials.secret, locale)
            .map(Self)
            .map_err(|error| describe(&error))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        // The editor's failure stays the editor's: the dashboard goes on.
        if let Err(error) = self.0.free() {
            web_sys::console::warn_1(&format!("the wording editor: {}", describe(&error)).into());
        }
    }
}
