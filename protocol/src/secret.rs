//! Site secrets: the collector stores only their SHA-256, and compares in
//! constant time. Secrets are long random strings minted by `cargo xtask`,
//! so a fast hash is enough (they cannot be guessed from a dictionary).

use sha2::{Digest, Sha256};

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
    fn bearer_tokens_are_read_case_insensitively_and_trimmed() {
        assert_eq!(bearer_token("Bearer sk_1"), Some("sk_1"));
        assert_eq!(bearer_token("bearer   sk_1 "), Some("sk_1"));
        assert_eq!(bearer_token("Basic abc"), None);
        assert_eq!(bearer_token("Bearer"), None);
        assert_eq!(bearer_token("Bearer  "), None);
    }
}
