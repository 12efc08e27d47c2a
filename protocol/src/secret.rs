//! Site secrets: the collector stores only their SHA-256, and compares in
//! constant time. Secrets are long random strings minted by `cargo xtask`,
//! so a fast hash is enough (they cannot be guessed from a dictionary).
//! Webhooks are signed with a secret of their own (see [`sign_webhook`]).

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

/// Lower-case letters and digits without look-alikes; 32 symbols, so a
/// random byte maps onto them evenly.
const TOKEN_ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// `prefix` followed by one symbol per random byte (5 bits each): the
/// secrets the CLI and the collector make (`sk_…`, `whsec_…`).
pub fn token_from_bytes(prefix: &str, random: &[u8]) -> String {
    let mut token = String::with_capacity(prefix.len() + random.len());
    token.push_str(prefix);
    token.extend(random.iter().filter_map(|byte| {
        TOKEN_ALPHABET
            .get(usize::from(byte % 32))
            .map(|&c| char::from(c))
    }));
    token
}

/// Whether two hex hashes are the same, without an early exit (for a
/// token hashed once and compared with several stored hashes).
pub fn hashes_match(a: &str, b: &str) -> bool {
    constant_time_eq(a, b)
}

/// Whether `secret` hashes to `stored_hash`, without an early exit that
/// would tell an attacker how many leading characters matched.
pub fn secret_matches(secret: &str, stored_hash: &str) -> bool {
    constant_time_eq(&hash_secret(secret), stored_hash)
}

/// Hex HMAC-SHA256 of `message` under `key`.
fn hmac_hex(key: &str, message: &[u8]) -> String {
    // HMAC takes keys of any length, so this cannot fail.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key.as_bytes()) else {
        return String::new();
    };
    mac.update(message);
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Whether two strings are equal, in time that depends on their length only.
fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |diff, (x, y)| diff | (x ^ y))
            == 0
}

/// The text a webhook signature covers: the unix time in seconds, a dot,
/// and the body exactly as sent. The time is inside the signed text, so an
/// old delivery cannot be replayed with a fresh time.
fn signed_text(timestamp: i64, body: &[u8]) -> Vec<u8> {
    let mut text = format!("{timestamp}.").into_bytes();
    text.extend_from_slice(body);
    text
}

/// The [`SIGNATURE_HEADER`] value of a webhook body sent at `timestamp`
/// (unix seconds): `t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<body>"
/// keyed with the site's webhook signing secret>`. The signing secret is
/// its own (`whsec_...`), not the site secret or its hash.
pub fn sign_webhook(signing_secret: &str, timestamp: i64, body: &[u8]) -> String {
    let tag = hmac_hex(signing_secret, &signed_text(timestamp, body));
    format!("t={timestamp},v1={tag}")
}

/// How far a webhook's time may be from the receiver's clock, either way.
pub const WEBHOOK_TOLERANCE_SECONDS: i64 = 300;

/// Why a receiver refuses a webhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebhookRefusal {
    /// The header has no `t=` or no `v1=`.
    Malformed,
    /// The time is further than the tolerance from now.
    Stale,
    /// No `v1=` signature matches the body under the secret.
    Mismatch,
}

impl std::fmt::Display for WebhookRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            WebhookRefusal::Malformed => "the signature header needs t=<seconds> and v1=<hex>",
            WebhookRefusal::Stale => "the webhook was signed more than 5 minutes from now",
            WebhookRefusal::Mismatch => "the signature does not match the body",
        })
    }
}

/// What a receiver checks: `header` (the [`SIGNATURE_HEADER`] value) signs
/// `body` under `signing_secret`, at a time within `tolerance_seconds` of
/// `now` (unix seconds). Any of several `v1=` entries may match, so a
/// receiver keeps working while a secret is being rotated.
pub fn verify_webhook(
    signing_secret: &str,
    header: &str,
    body: &[u8],
    now: i64,
    tolerance_seconds: i64,
) -> Result<(), WebhookRefusal> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    // A real header has two or three parts; a long one is refused unread.
    for part in header.split(',').take(8) {
        match part.trim().split_once('=') {
            Some(("t", value)) => timestamp = value.parse::<i64>().ok(),
            Some(("v1", value)) => signatures.push(value),
            _ => {}
        }
    }
    let (Some(timestamp), false) = (timestamp, signatures.is_empty()) else {
        return Err(WebhookRefusal::Malformed);
    };
    if now.abs_diff(timestamp) > tolerance_seconds.unsigned_abs() {
        return Err(WebhookRefusal::Stale);
    }
    let expected = hmac_hex(signing_secret, &signed_text(timestamp, body));
    if signatures
        .iter()
        .any(|signature| constant_time_eq(signature, &expected))
    {
        Ok(())
    } else {
        Err(WebhookRefusal::Mismatch)
    }
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
    fn webhook_signatures_are_hmac_sha256_of_the_time_and_the_body() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for
        // nothing?"; here the data is "<t>.<body>", so split it at the dot.
        assert_eq!(
            sign_webhook("Jefe", 0, b"what do ya want for nothing?"),
            format!(
                "t=0,v1={}",
                hmac_hex("Jefe", b"0.what do ya want for nothing?")
            )
        );
        assert_eq!(
            hmac_hex("Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_ne!(
            sign_webhook("whsec_a", 1, b"{}"),
            sign_webhook("whsec_a", 2, b"{}")
        );
        assert_ne!(
            sign_webhook("whsec_a", 1, b"{}"),
            sign_webhook("whsec_b", 1, b"{}")
        );
    }

    #[test]
    fn receivers_accept_a_fresh_signature_and_refuse_the_rest() {
        let body = br#"{"site_key":"pk_1","events":[]}"#;
        let header = sign_webhook("whsec_a", 1_000_000, body);
        let verify = |header: &str, body: &[u8], now: i64| {
            verify_webhook("whsec_a", header, body, now, WEBHOOK_TOLERANCE_SECONDS)
        };
        assert_eq!(verify(&header, body, 1_000_000), Ok(()));
        assert_eq!(verify(&header, body, 1_000_300), Ok(()));
        assert_eq!(verify(&header, body, 999_700), Ok(()));
        assert_eq!(verify(&header, body, 1_000_301), Err(WebhookRefusal::Stale));
        assert_eq!(verify(&header, body, 999_699), Err(WebhookRefusal::Stale));
        assert_eq!(
            verify(&header, br#"{"site_key":"pk_2","events":[]}"#, 1_000_000),
            Err(WebhookRefusal::Mismatch)
        );
        assert_eq!(
            verify_webhook("whsec_b", &header, body, 1_000_000, 300),
            Err(WebhookRefusal::Mismatch)
        );
        // A replay with a fresh time does not match the old signature.
        let replayed = header.replace("t=1000000", "t=1000900");
        assert_eq!(
            verify(&replayed, body, 1_000_900),
            Err(WebhookRefusal::Mismatch)
        );
        // During a rotation, either of two signatures will do.
        let v1 = header.split_once(",v1=").map(|(_, tag)| tag).unwrap_or("");
        let both = format!("t=1000000,v1={},v1={v1}", "0".repeat(64));
        assert_eq!(verify(&both, body, 1_000_000), Ok(()));
        for malformed in ["", "t=1000000", &format!("v1={v1}"), "t=soon,v1=00"] {
            assert_eq!(
                verify(malformed, body, 1_000_000),
                Err(WebhookRefusal::Malformed)
            );
        }
        assert_eq!(
            verify(&format!("t={},v1={v1}", i64::MIN), body, i64::MAX),
            Err(WebhookRefusal::Stale)
        );
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
