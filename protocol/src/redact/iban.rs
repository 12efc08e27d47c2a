//! An IBAN: two letters, two check digits and up to 30 letters or digits,
//! bare or in groups, whose checksum (ISO 13616, mod 97) holds, exactly as
//! long as its country's IBANs are (the IBAN registry's lengths).

/// The most letters and digits an IBAN has.
const MAX_LEN: usize = 34;

/// What was read at a word's start.
pub struct Read {
    /// The byte after the IBAN, if one starts there.
    pub end: Option<usize>,
    /// The byte after what was read as one: a run that starts like an IBAN
    /// and fails its checksum is a mistyped IBAN, whose groups are no
    /// phone or card number. The start itself when nothing was.
    pub run_end: usize,
    /// Characters looked at.
    pub steps: usize,
}

/// Reads an IBAN starting at byte `start` of `text` (an ASCII letter at a
/// word's start): its country's length of letters and digits, ending a
/// group, whose checksum holds.
pub fn read(text: &str, start: usize) -> Read {
    let rest = text.get(start..).unwrap_or_default();
    // Two letters of a listed country, then two digits: most words fail
    // here, before any character is copied.
    let head = rest.as_bytes();
    let nothing = |steps| Read {
        end: None,
        run_end: start,
        steps,
    };
    let Some(registered) = head.get(..2).and_then(registered_len) else {
        return nothing(1);
    };
    if !head
        .get(2..4)
        .is_some_and(|digits| digits.iter().all(u8::is_ascii_digit))
    {
        return nothing(3);
    }
    let mut kept = [0u8; MAX_LEN];
    let mut len = 0;
    // The byte after the IBAN if the run ends a group at its length.
    let mut end = None;
    let mut run_end = start;
    let mut steps = 0;
    let mut spaced = false;
    let mut chars = rest.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        steps += 1;
        if c == ' ' && !spaced && len > 0 {
            spaced = true;
            continue;
        }
        let Some(slot) = kept.get_mut(len).filter(|_| c.is_ascii_alphanumeric()) else {
            break;
        };
        spaced = false;
        *slot = c.to_ascii_uppercase() as u8;
        len += 1;
        run_end = start + offset + 1;
        let group_over = !chars
            .peek()
            .is_some_and(|(_, next)| next.is_ascii_alphanumeric());
        if len == registered {
            if group_over && kept.get(..len).is_some_and(checksum_holds) {
                end = Some(start + offset + 1);
            }
            break;
        }
    }
    Read {
        end,
        run_end,
        steps,
    }
}

/// How long the IBANs of the country `code` (two upper-case letters, or
/// lower-case, as shoppers type) are, from the IBAN registry; `None` for
/// a country it does not list.
fn registered_len(code: &[u8]) -> Option<usize> {
    let upper = [
        code.first()?.to_ascii_uppercase(),
        code.get(1)?.to_ascii_uppercase(),
    ];
    let len = match &upper {
        b"NO" => 15,
        b"BE" => 16,
        b"DK" | b"FI" | b"FO" | b"GL" | b"NL" | b"SD" | b"FK" => 18,
        b"MK" | b"SI" => 19,
        b"AT" | b"BA" | b"EE" | b"KZ" | b"LT" | b"LU" | b"XK" | b"MN" => 20,
        b"CH" | b"HR" | b"LI" | b"LV" => 21,
        b"BG" | b"BH" | b"CR" | b"DE" | b"GB" | b"GE" | b"IE" | b"ME" | b"RS" | b"VA" => 22,
        b"AE" | b"GI" | b"IL" | b"IQ" | b"TL" | b"SO" | b"OM" => 23,
        b"AD" | b"CZ" | b"ES" | b"MD" | b"PK" | b"RO" | b"SA" | b"SE" | b"SK" | b"TN" | b"VG" => 24,
        b"PT" | b"ST" | b"LY" => 25,
        b"IS" | b"TR" => 26,
        b"FR" | b"GR" | b"IT" | b"MC" | b"MR" | b"SM" | b"BI" | b"DJ" => 27,
        b"AL" | b"AZ" | b"BY" | b"CY" | b"DO" | b"GT" | b"HU" | b"LB" | b"PL" | b"SV" | b"NI"
        | b"HN" => 28,
        b"BR" | b"EG" | b"PS" | b"QA" | b"UA" => 29,
        b"JO" | b"KW" | b"MU" | b"YE" => 30,
        b"MT" | b"SC" => 31,
        b"LC" => 32,
        b"RU" => 33,
        _ => return None,
    };
    Some(len)
}

/// ISO 13616: the first four characters moved to the end, letters as
/// 10–35, the whole mod 97 is 1.
fn checksum_holds(iban: &[u8]) -> bool {
    let (head, body) = iban.split_at(4.min(iban.len()));
    let mut remainder: u32 = 0;
    for &c in body.iter().chain(head) {
        let value = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return false,
        };
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    remainder == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<&str> {
        read(text, 0).end.and_then(|end| text.get(..end))
    }

    #[test]
    fn ibans_bare_grouped_and_in_lower_case() {
        assert_eq!(
            found("DE89370400440532013000"),
            Some("DE89370400440532013000")
        );
        assert_eq!(
            found("DE89 3704 0044 0532 0130 00 please"),
            Some("DE89 3704 0044 0532 0130 00")
        );
        assert_eq!(
            found("NL91 ABNA 0417 1643 00 BIC ABNANL2A"),
            Some("NL91 ABNA 0417 1643 00")
        );
        assert_eq!(
            found("fr14 2004 1010 0505 0001 3m02 606"),
            Some("fr14 2004 1010 0505 0001 3m02 606")
        );
        assert_eq!(found("NO9386011117947"), Some("NO9386011117947"));
        // "POR FAVOR" happens to keep the checksum; Spain's IBANs are 24 long.
        assert_eq!(
            found("ES9121000418450200051332 por favor"),
            Some("ES9121000418450200051332")
        );
    }

    #[test]
    fn near_misses_stay() {
        assert_eq!(found("DE89 3704 0044 0532 0130 01"), None, "checksum");
        assert_eq!(found("DE12 3456"), None, "too short");
        assert_eq!(found("ABCD 1234 5678 9012 3456"), None, "no check digits");
        assert_eq!(found("SKU12345678901234567"), None);
        assert_eq!(
            found("DE8937040044053201300"),
            None,
            "one short of Germany's 22"
        );
        assert_eq!(found("DE893704004405320130001"), None, "glued to more");
    }
}
