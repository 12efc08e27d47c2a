//! Site secrets: the collector stores only their SHA-256, and compares in
//! constant time. Secrets are long random strings minted by `cargo xtask`,
//! so a fast hash is enough (they cannot be guessed from a dictionary).

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The header a webhook POST carries its signature in.
pub const SIGNATURE_HEADER: &str = "X-Feedback-Signature";

/// Lower-case hex SHA-256 of a secret, as stored in `sites.secret_hash`.
pub fn hash_secret(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Whether `secret` hashes to `stored_hash`, without an early exit that
/// would tell an attacker how many leading characters matched.
pub fn secret_matches(secret: &str, stored_hash: &str) -> bool {
    let computed = hash_secret(secret);
    computed.len() == stored_hash.len()
        && computed
            .bytes()
            .zip(stored_hash.bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

/// The signature of a webhook body: `sha256=` and the hex HMAC-SHA256 of
/// `body` keyed with the site's stored secret hash (the hex SHA-256 of the
/// secret). The collector never keeps the secret itself, and the receiver,
/// who knows the secret, derives the same key with [`hash_secret`].
pub fn sign_webhook(secret_hash: &str, body: &[u8]) -> String {
    // HMAC takes keys of any length, so this cannot fail.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret_hash.as_bytes()) else {
        return String::new();
    };
    mac.update(body);
    let tag: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("sha256={tag}")
}

/// Reads the secret from an `Authorization: Bearer <secret>` header value.
pub fn bearer_token(header: &str) -> Option<&str> {
    let (scheme, token) = header.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_sha256_hex() {
        // Known vector: SHA-256("abc").
        assert_eq!(
            hash_secret("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn only_the_right_secret_matches() {
        let stored = hash_secret("sk_right");
        assert!(secret_matches("sk_right", &stored));
        assert!(!secret_matches("sk_wrong", &stored));
        assert!(!secret_matches("", &stored));
        assert!(!secret_matches("sk_right", "short"));
    }

    #[test]
    fn webhook_signatures_are_hmac_sha256_under_the_secret_hash() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assert_eq!(
            sign_webhook("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let key = hash_secret("sk_site");
        assert_ne!(sign_webhook(&key, b"{}"), sign_webhook(&key, b"{} "));
    }

    #[test]
    fn bearer_tokens_are_read_case_insensitively_and_trimmed() {
        assert_eq!(bearer_token("Bearer sk_1"), Some("sk_1"));
        assert_eq!(bearer_token("bearer   sk_1 "), Some("sk_1"));
        assert_eq!(bearer_token("Basic abc"), None);
        assert_eq!(bearer_token("Bearer"), None);
        assert_eq!(bearer_token("Bearer  "), None);
    }
}
