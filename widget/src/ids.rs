//! Random ids for conversations and events, from the browser's CSPRNG.

/// 32 symbols, so each random byte maps to one evenly.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// `prefix` followed by 26 random symbols (130 bits), e.g. `ev_k3...`.
pub fn random_id(prefix: &str) -> String {
    let mut bytes = [0u8; 26];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No Web Crypto (very old browsers): weaker, but ids only need to be unique.
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    let symbols: String = bytes
        .iter()
        .filter_map(|byte| ALPHABET.get(usize::from(byte % 32)).map(|&c| char::from(c)))
        .collect();
    format!("{prefix}{symbols}")
}
