//! Secrets the collector makes itself (a named key, a rotated site
//! secret), from the runtime's cryptographic random source
//! (`crypto.getRandomValues`).

use wasm_bindgen::JsCast;
use worker::js_sys::{Function, Reflect, Uint8Array, global};

/// `prefix` followed by `length` random symbols (see
/// `protocol::secret::token_from_bytes`).
pub fn token(prefix: &str, length: u32) -> worker::Result<String> {
    let bytes = Uint8Array::new_with_length(length);
    let crypto = Reflect::get(&global(), &"crypto".into())?;
    let fill = Reflect::get(&crypto, &"getRandomValues".into())?
        .dyn_into::<Function>()
        .map_err(|_| worker::Error::RustError("crypto.getRandomValues is missing".into()))?;
    fill.call1(&crypto, &bytes)?;
    Ok(protocol::secret::token_from_bytes(prefix, &bytes.to_vec()))
}
