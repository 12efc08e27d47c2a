//! Characters as the redactor reads them: digits in the scripts the
//! shipped locales write numbers in, the separators people put between
//! them, and the checksums that tell a card or an IBAN from any number.

/// The value of `c` as a decimal digit: ASCII, Arabic-Indic (٠–٩),
/// Eastern Arabic-Indic (۰–۹) or full-width (０–９, in Japanese text).
pub fn digit(c: char) -> Option<u8> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        _ => return None,
    };
    u8::try_from(u32::from(c) - u32::from(zero)).ok()
}

/// What may stand between the digit groups of a phone or card number:
/// spaces (also no-break and thin ones), dashes and hyphens (also
/// full-width, and the long-vowel mark Japanese text uses as a dash),
/// dots, a slash, and brackets (also full-width).
pub fn separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}'
            | '\u{2009}'
            | '\u{202F}'
            | '\u{3000}'
            | '-'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{2013}'
            | '\u{FF0D}'
            | '\u{30FC}'
            | '.'
            | '/'
            | '('
            | ')'
            | '\u{FF08}'
            | '\u{FF09}'
    )
}

/// A plus sign, ASCII or full-width.
pub fn plus(c: char) -> bool {
    matches!(c, '+' | '\u{FF0B}')
}

/// A separator that joins a code's parts (`SKU-2024-00123`, `v2.3`,
/// `32/34`): after a letter or digit, it makes the digits that follow
/// part of the code.
pub fn joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '.' | '/' | '_' | '\u{2010}' | '\u{2011}' | '\u{FF0D}'
    )
}

/// Whether `c` belongs to a word of Latin letters or digits, which a
/// number glued to it is part of (`SKU12345678`, `B07XJ8C8F5`). Letters of
/// other scripts are not: Japanese and Arabic write a number straight
/// after a word (`電話09012345678`).
pub fn word(c: char) -> bool {
    c.is_ascii_alphanumeric() || digit(c).is_some() || c == '_'
}

/// Whether `digits` pass the Luhn check every payment card number passes.
pub fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(at, &d)| {
            let d = u32::from(d);
            if at % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// Whether `digits` (12 or 13 of them) carry a valid GTIN check digit: a
/// product's UPC-A or EAN-13 barcode number.
pub fn gtin(digits: &[u8]) -> bool {
    let [body @ .., check] = digits else {
        return false;
    };
    if !(12..=13).contains(&digits.len()) {
        return false;
    }
    // Weights 3 and 1 alternate from the digit before the check digit.
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(at, &d)| u32::from(d) * if at % 2 == 0 { 3 } else { 1 })
        .sum();
    (10 - sum % 10) % 10 == u32::from(*check)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(text: &str) -> Vec<u8> {
        text.chars().filter_map(digit).collect()
    }

    #[test]
    fn digits_of_every_script_the_locales_use() {
        assert_eq!(digits("0123456789"), (0..10).collect::<Vec<_>>());
        assert_eq!(digits("٠١٢٣٤٥٦٧٨٩"), (0..10).collect::<Vec<_>>());
        assert_eq!(digits("۰۱۲۳۴۵۶۷۸۹"), (0..10).collect::<Vec<_>>());
        assert_eq!(digits("０１２３４５６７８９"), (0..10).collect::<Vec<_>>());
        assert_eq!(digits("x²½一"), Vec::<u8>::new());
    }

    #[test]
    fn luhn_and_ean_check_digits() {
        assert!(luhn(&digits("4111 1111 1111 1111")));
        assert!(luhn(&digits("378282246310005")));
        assert!(!luhn(&digits("4111 1111 1111 1112")));
        assert!(!luhn(&[]));
        assert!(gtin(&digits("4006381333931")), "EAN-13");
        assert!(gtin(&digits("036000291452")), "UPC-A");
        assert!(gtin(&digits("0036000291452")), "UPC-A as EAN-13");
        assert!(!gtin(&digits("4006381333932")));
        assert!(!gtin(&digits("40063813339")));
    }
}
