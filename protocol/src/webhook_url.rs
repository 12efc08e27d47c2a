//! Where a webhook may point: a public `https://` host. The host is parsed
//! the way browsers and `fetch` parse it (WHATWG URL), so no spelling of a
//! loopback, private, link-local, unique-local or metadata address gets
//! through: `http://2130706433/`, `https://0x7f.1/`, `https://[::ffff:127.0.0.1]/`
//! and `https://169.254.169.254/` are all refused. Loopback is allowed only
//! where the caller opts in (local development and the tests).
//!
//! A name that resolves to a private address later (DNS rebinding) cannot
//! be caught here: a Worker cannot resolve names. Cloudflare's `fetch` does
//! not reach private networks from the edge.

use std::net::{Ipv4Addr, Ipv6Addr};

/// What kind of host a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    /// A public name or address.
    Public,
    /// This machine: `localhost`, 127.0.0.0/8, `::1`.
    Loopback,
    /// Anything else not on the public internet: private and shared
    /// ranges, link-local (with the cloud metadata address), unique-local,
    /// multicast, reserved, and names such as `*.internal`.
    Private,
}

/// Longest webhook URL, in bytes.
pub const MAX_WEBHOOK_URL_BYTES: usize = 2_048;

/// Checks `url` as a webhook target: `https://` to a public host, or, when
/// `loopback_allowed`, `http://` or `https://` to this machine.
pub fn check_webhook_url(url: &str, loopback_allowed: bool) -> Result<(), String> {
    let refuse = |why: &str| Err(format!("webhook_url {url:?} is refused: {why}"));
    if url.len() > MAX_WEBHOOK_URL_BYTES {
        return refuse("it is too long");
    }
    let (https, rest) = if let Some(rest) = strip_prefix_ignore_case(url, "https://") {
        (true, rest)
    } else if let Some(rest) = strip_prefix_ignore_case(url, "http://") {
        (false, rest)
    } else {
        return refuse("it must start with https://");
    };
    let kind = match host_kind(rest) {
        Ok(kind) => kind,
        Err(why) => return refuse(&why),
    };
    match (kind, https) {
        (HostKind::Public, true) => Ok(()),
        (HostKind::Public, false) => refuse("it must start with https://"),
        (HostKind::Loopback, _) if loopback_allowed => Ok(()),
        (HostKind::Loopback, _) => refuse("it names this machine (loopback)"),
        (HostKind::Private, _) => refuse("it names a private, link-local or metadata address"),
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// The kind of host named by `rest`, a URL after its `scheme://`.
pub fn host_kind(rest: &str) -> Result<HostKind, String> {
    if rest
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err("it holds spaces, control characters or backslashes".into());
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err("it holds a user name or password".into());
    }
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let (inside, after) = bracketed
            .split_once(']')
            .ok_or_else(|| "its IPv6 address is not closed with ]".to_string())?;
        (format!("[{inside}]"), after.strip_prefix(':'))
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host.to_string(), Some(port)),
            None => (authority.to_string(), None),
        }
    };
    if let Some(port) = port
        && !port.is_empty()
        && port.parse::<u16>().is_err()
    {
        return Err(format!("its port {port:?} is not a number up to 65535"));
    }
    if host.is_empty() {
        return Err("it names no host".into());
    }
    if let Some(inside) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        let address: Ipv6Addr = inside
            .parse()
            .map_err(|_| format!("[{inside}] is not an IPv6 address"))?;
        return Ok(ipv6_kind(address));
    }
    if host.contains('%') {
        return Err("its host is percent-encoded".into());
    }
    let host = host.to_ascii_lowercase();
    let host = host.strip_suffix('.').unwrap_or(&host);
    // WHATWG: a host whose last label is a number is an IPv4 address, in
    // any of its spellings, or invalid.
    let last = host.rsplit('.').next().unwrap_or_default();
    if !last.is_empty() && (last.bytes().all(|b| b.is_ascii_digit()) || last.starts_with("0x")) {
        let address =
            whatwg_ipv4(host).ok_or_else(|| format!("{host:?} is not an IPv4 address"))?;
        return Ok(ipv4_kind(address));
    }
    let valid_name = host.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    });
    if !valid_name {
        return Err(format!("{host:?} is not a host name"));
    }
    Ok(name_kind(host))
}

fn name_kind(host: &str) -> HostKind {
    if host == "localhost" || host.ends_with(".localhost") {
        return HostKind::Loopback;
    }
    // Names that only mean something inside a network, the cloud metadata
    // services among them (`metadata.google.internal`).
    let inside = [
        "internal",
        "local",
        "localdomain",
        "home.arpa",
        "lan",
        "intranet",
    ];
    let last_two = host.rsplitn(3, '.').take(2).collect::<Vec<_>>();
    let suffix_two = last_two.iter().rev().copied().collect::<Vec<_>>().join(".");
    let single_label = !host.contains('.');
    if single_label
        || inside
            .iter()
            .any(|suffix| host.rsplit('.').next() == Some(suffix) || suffix_two == *suffix)
    {
        return HostKind::Private;
    }
    HostKind::Public
}

/// The WHATWG IPv4 parser: one to four parts, each decimal, `0x` hex or
/// `0`-led octal; the last fills the bytes the others left.
fn whatwg_ipv4(host: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = host.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let numbers: Vec<u64> = parts
        .iter()
        .map(|part| {
            if let Some(hex) = part.strip_prefix("0x") {
                if hex.is_empty() {
                    Some(0)
                } else {
                    u64::from_str_radix(hex, 16).ok()
                }
            } else if part.len() > 1 && part.starts_with('0') {
                u64::from_str_radix(part.get(1..)?, 8).ok()
            } else {
                part.parse().ok()
            }
        })
        .collect::<Option<_>>()?;
    let (last, leading) = numbers.split_last()?;
    if leading.iter().any(|n| *n > 255) {
        return None;
    }
    let last_bits = 8 * (5 - numbers.len() as u32);
    if last_bits < 64 && *last >= 1u64 << last_bits {
        return None;
    }
    let mut value = *last;
    for (at, n) in leading.iter().enumerate() {
        value += n << (8 * (3 - at as u32));
    }
    u32::try_from(value).ok().map(Ipv4Addr::from)
}

fn ipv4_kind(address: Ipv4Addr) -> HostKind {
    let [a, b, c, _] = address.octets();
    if a == 127 {
        return HostKind::Loopback;
    }
    let private = a == 0
        || a == 10
        || (a == 100 && (64..128).contains(&b))
        || (a == 169 && b == 254)
        || (a == 172 && (16..32).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 192 && b == 0 && c == 2)
        || (a == 192 && b == 168)
        || (a == 198 && (18..20).contains(&b))
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)
        || a >= 224;
    if private {
        HostKind::Private
    } else {
        HostKind::Public
    }
}

fn ipv6_kind(address: Ipv6Addr) -> HostKind {
    if address == Ipv6Addr::LOCALHOST {
        return HostKind::Loopback;
    }
    let segments = address.segments();
    // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64
    // (64:ff9b::a.b.c.d) carry an IPv4 address that decides.
    let embedded = |address: Ipv6Addr| {
        let [.., a, b, c, d] = address.octets();
        Ipv4Addr::new(a, b, c, d)
    };
    if segments[..5] == [0, 0, 0, 0, 0] && (segments[5] == 0xffff || segments[5] == 0) {
        if address == Ipv6Addr::UNSPECIFIED {
            return HostKind::Private;
        }
        return ipv4_kind(embedded(address));
    }
    if segments[0] == 0x64 && segments[1] == 0xff9b {
        return nat64_kind(address);
    }
    // 6to4 (2002:a.b.c.d::/48) carries one in its second and third groups;
    // one that is not public is never a host to call (not even this one).
    if segments[0] == 0x2002 {
        let [_, _, a, b, c, d, ..] = address.octets();
        return match ipv4_kind(Ipv4Addr::new(a, b, c, d)) {
            HostKind::Public => HostKind::Public,
            HostKind::Loopback | HostKind::Private => HostKind::Private,
        };
    }
    let first = segments[0];
    let private = (first & 0xfe00) == 0xfc00 // unique-local, fd00:ec2::254 among them
        || (first & 0xffc0) == 0xfe80 // link-local
        || (first & 0xffc0) == 0xfec0 // site-local (deprecated, still routed inside networks)
        || (first == 0x2001 && segments[1] == 0) // Teredo: a tunnel to a hidden IPv4 host
        || (first & 0xff00) == 0xff00 // multicast
        || (first == 0x2001 && segments[1] == 0x0db8); // documentation
    if private {
        HostKind::Private
    } else {
        HostKind::Public
    }
}

/// The RFC 6052 prefix lengths, and where each puts the IPv4 address's
/// four bytes in the IPv6 address (byte 8, the "u" octet, is skipped).
const RFC6052_LAYOUTS: [(u8, [usize; 4]); 6] = [
    (32, [4, 5, 6, 7]),
    (40, [5, 6, 7, 9]),
    (48, [6, 7, 9, 10]),
    (56, [7, 9, 10, 11]),
    (64, [9, 10, 11, 12]),
    (96, [12, 13, 14, 15]),
];

/// An address in NAT64's `64:ff9b::/32`. The local-use prefix
/// `64:ff9b:1::/48` (RFC 8215) translates to whatever the operator's
/// network holds, so it is never public. The rest is judged by the IPv4
/// address it carries under every RFC 6052 prefix length: public only
/// when each reading is public (the well-known `64:ff9b::/96` carries it in
/// the last four bytes, and its other bytes are zero, which no other
/// reading takes for public).
fn nat64_kind(address: Ipv6Addr) -> HostKind {
    let segments = address.segments();
    if segments[2] == 1 {
        return HostKind::Private;
    }
    let octets = address.octets();
    if segments[2..6] == [0, 0, 0, 0] {
        let [.., a, b, c, d] = octets;
        return ipv4_kind(Ipv4Addr::new(a, b, c, d));
    }
    let carried = RFC6052_LAYOUTS.iter().map(|(_, at)| {
        let [a, b, c, d] = at.map(|index| octets.get(index).copied().unwrap_or(0));
        ipv4_kind(Ipv4Addr::new(a, b, c, d))
    });
    if carried.into_iter().all(|kind| kind == HostKind::Public) {
        HostKind::Public
    } else {
        HostKind::Private
    }
}

/// `url` as logs and the audit list show it: its scheme and host only
/// (the path or query may hold a token, and credentials before an `@`
/// are left out too).
pub fn redacted(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = host.rsplit('@').next().unwrap_or(host);
            format!("{scheme}://{host}/…")
        }
        None => "(not a URL)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(url: &str) -> Result<HostKind, String> {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        host_kind(rest)
    }

    #[test]
    fn public_https_hosts_are_taken() {
        for url in [
            "https://hooks.example.com/feedback",
            "https://hooks.example.com:8443/x?y=1#z",
            "HTTPS://Hooks.Example.COM./x",
            "https://8.8.8.8/hook",
            "https://[2606:4700::1111]/hook",
            "https://[2002:808:808::1]/hook",
            // 8.8.8.8 behind NAT64's well-known prefix.
            "https://[64:ff9b::808:808]/hook",
            "https://[64:ff9b::8.8.8.8]/hook",
            "https://xn--bcher-kva.example/",
        ] {
            assert_eq!(check_webhook_url(url, false), Ok(()), "{url}");
        }
        assert!(check_webhook_url("http://hooks.example.com/", false).is_err());
        assert!(check_webhook_url("ftp://hooks.example.com/", false).is_err());
    }

    #[test]
    fn loopback_in_any_spelling_is_loopback() {
        for url in [
            "http://127.0.0.1:9000/hook",
            "https://localhost/",
            "https://api.localhost/",
            "https://2130706433/",
            "https://0x7f000001/",
            "https://0x7f.1/",
            "https://0177.0.0.1/",
            "https://127.1/",
            "https://127.0.0.1./",
            "https://[::1]/",
            "https://[0:0:0:0:0:0:0:1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:7f00:1]/",
        ] {
            assert_eq!(kind(url), Ok(HostKind::Loopback), "{url}");
            assert!(check_webhook_url(url, false).is_err(), "{url}");
            assert_eq!(
                check_webhook_url(url, true),
                Ok(()),
                "{url} with the opt-in"
            );
        }
    }

    #[test]
    fn private_link_local_unique_local_and_metadata_are_refused_even_with_the_opt_in() {
        for url in [
            "https://10.0.0.1/",
            "https://172.16.5.4/",
            "https://172.31.255.255/",
            "https://192.168.1.1/",
            "https://169.254.169.254/latest/meta-data/",
            "https://0xa9fea9fe/",
            "https://2852039166/",
            "https://100.64.0.1/",
            "https://0.0.0.0/",
            "https://0/",
            "https://224.0.0.1/",
            "https://[::]/",
            "https://[fd00:ec2::254]/",
            "https://[fc00::1]/",
            "https://[fe80::1]/",
            "https://[::ffff:10.0.0.1]/",
            "https://[::ffff:169.254.169.254]/",
            "https://[64:ff9b::a9fe:a9fe]/",
            "https://[64:ff9b::10.0.0.1]/",
            // NAT64's local-use prefix (RFC 8215), whatever it carries.
            "https://[64:ff9b:1::a9fe:a9fe]/latest/meta-data/",
            "https://[64:ff9b:1::808:808]/",
            "https://[64:ff9b:1:ffff::1]/",
            // 169.254.169.254 under the RFC 6052 prefix lengths 32, 40,
            // 48, 56 and 64 (the "u" octet, byte 8, skipped).
            "https://[64:ff9b:a9fe:a9fe::]/",
            "https://[64:ff9b:a9:fea9:fe::]/",
            "https://[64:ff9b:0:a9fe:a9:fe00::]/",
            "https://[64:ff9b:0:a9:fe:a9fe::]/",
            "https://[64:ff9b:0:0:a9:fea9:fe00::]/",
            "https://[fec0::1]/",
            "https://[2002:a9fe:a9fe::1]/",
            "https://[2002:7f00:1::1]/",
            "https://[2001:0:4136:e378::1]/",
            "https://metadata.google.internal/computeMetadata/v1/",
            "https://printer.local/",
            "https://router/",
        ] {
            assert_eq!(kind(url), Ok(HostKind::Private), "{url}");
            assert!(check_webhook_url(url, true).is_err(), "{url}");
        }
    }

    #[test]
    fn malformed_hosts_are_refused_with_a_reason() {
        for url in [
            "https://",
            "https:///path",
            "https://user:pass@hooks.example.com/",
            "https://hooks.example.com@127.0.0.1/",
            "https://256.0.0.1/",
            "https://1.2.3.4.5/",
            "https://0x1g/",
            "https://[::1/",
            "https://[not::an::address]/",
            "https://hooks.example.com:99999/",
            "https://hooks.example.com:http/",
            "https://hooks example.com/",
            "https://hooks.example.com\\@127.0.0.1/",
            "https://%31%32%37.0.0.1/",
            "https://a..b/",
        ] {
            let refused = check_webhook_url(url, true);
            assert!(refused.is_err(), "{url} was taken");
        }
        let too_long = format!(
            "https://hooks.example.com/{}",
            "x".repeat(MAX_WEBHOOK_URL_BYTES)
        );
        assert!(check_webhook_url(&too_long, false).is_err());
    }
}
