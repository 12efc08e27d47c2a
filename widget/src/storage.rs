//! The widget's small persistent state (outbox, conversation id, whether
//! CSAT was offered) in `localStorage`, or in memory for this page when
//! storage is unavailable (private modes, blocked cookies, quota).

use std::cell::RefCell;
use std::collections::BTreeMap;

use web_sys::Storage;

thread_local! {
    /// The fallback when `localStorage` throws.
    static MEMORY: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// Every key the widget writes starts with this.
pub const PREFIX: &str = "feedback-bubble:";

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads `key`.
pub fn get(key: &str) -> Option<String> {
    let key = format!("{PREFIX}{key}");
    match local() {
        Some(storage) => match storage.get_item(&key) {
            Ok(value) => value,
            Err(_) => MEMORY.with(|memory| memory.borrow().get(&key).cloned()),
        },
        None => MEMORY.with(|memory| memory.borrow().get(&key).cloned()),
    }
}

/// Writes `key`; falls back to memory when storage refuses (quota, policy).
pub fn set(key: &str, value: &str) {
    let key = format!("{PREFIX}{key}");
    let stored = local().is_some_and(|storage| storage.set_item(&key, value).is_ok());
    if !stored {
        MEMORY.with(|memory| memory.borrow_mut().insert(key, value.to_string()));
    }
}

/// Deletes `key` wherever it is.
pub fn remove(key: &str) {
    let key = format!("{PREFIX}{key}");
    if let Some(storage) = local() {
        let _ = storage.remove_item(&key);
    }
    MEMORY.with(|memory| memory.borrow_mut().remove(&key));
}

/// Every stored key that starts with `prefix` (without [`PREFIX`]).
pub fn keys_starting_with(prefix: &str) -> Vec<String> {
    let full = format!("{PREFIX}{prefix}");
    let mut keys: Vec<String> = MEMORY.with(|memory| {
        memory
            .borrow()
            .keys()
            .filter(|key| key.starts_with(&full))
            .cloned()
            .collect()
    });
    if let Some(storage) = local() {
        let count = storage.length().unwrap_or(0);
        for index in 0..count {
            if let Ok(Some(key)) = storage.key(index)
                && key.starts_with(&full)
            {
                keys.push(key);
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| key.strip_prefix(PREFIX).map(str::to_string))
        .collect()
}
