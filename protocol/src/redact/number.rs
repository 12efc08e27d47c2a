//! A number written with separators, read at a word's start and told
//! apart: a payment card number, a phone number, or any other number (a
//! price, a date, an order number), which stays.

use super::Kind;
use super::digits::{digit, gtin, joiner, luhn, plus, separator, word};

/// The most characters read as one number: no phone or card number
/// written by a person is longer, and the bound keeps every read short.
const MAX_CHARS: usize = 40;
/// The most separators in a row inside a number (` - ` in `06 - 1234`).
const MAX_SEPARATORS: usize = 3;

/// A number as read: its digits, grouped as written. (Arrays, not
/// vectors: every word that starts with a digit is read, and allocating
/// for each was most of the cost.)
#[derive(Debug)]
struct Number {
    /// Written with a leading `+`.
    plus: bool,
    /// Written with a leading bracket (an area code).
    bracket: bool,
    /// Separated by something other than spaces, dashes and dots.
    odd_separator: bool,
    digits: [u8; MAX_CHARS],
    count: usize,
    /// How many digits each group holds, in order.
    group_sizes: [usize; MAX_CHARS],
    group_count: usize,
}

impl Default for Number {
    fn default() -> Self {
        Self {
            plus: false,
            bracket: false,
            odd_separator: false,
            digits: [0; MAX_CHARS],
            count: 0,
            group_sizes: [0; MAX_CHARS],
            group_count: 0,
        }
    }
}

/// What was read at a word's start.
pub struct Read {
    /// The byte after the number's last digit (the start itself if there
    /// is no digit).
    pub end: usize,
    /// What the number is, if it is one to redact.
    pub kind: Option<Kind>,
    /// Characters looked at.
    pub steps: usize,
}

/// Reads the number starting at byte `start` of `text` (a digit, a plus
/// sign or a bracket at a word's start) and says what it is.
pub fn read(text: &str, start: usize) -> Read {
    let rest = text.get(start..).unwrap_or_default();
    let mut number = Number::default();
    let (mut end, mut run, mut separators, mut steps) = (start, 0, 0, 0);
    for (offset, c) in rest.char_indices() {
        steps += 1;
        if steps > MAX_CHARS {
            break;
        }
        if let Some(d) = digit(c) {
            number.push_digit(d);
            run += 1;
            separators = 0;
            end = start + offset + c.len_utf8();
        } else if offset == 0 && plus(c) {
            number.plus = true;
        } else if separator(c) && separators < MAX_SEPARATORS {
            if number.count == 0 && matches!(c, '(' | '\u{FF08}') {
                number.bracket = true;
            } else if number.count == 0 {
                break;
            }
            if !matches!(c, ' ' | '\u{00A0}' | '\u{2009}' | '\u{202F}' | '-' | '.') {
                number.odd_separator = true;
            }
            if run > 0 {
                number.push_group(run);
                run = 0;
            }
            separators += 1;
        } else {
            break;
        }
    }
    if run > 0 {
        number.push_group(run);
    }
    let glued = glued_after(text, end);
    let kind = (number.count > 0 && !glued)
        .then(|| number.kind())
        .flatten();
    Read { end, kind, steps }
}

/// Whether the number ending at byte `end` goes on as part of a word or
/// a code (`12345678901X`, `2024-00123-AB`, or an address's `@`).
fn glued_after(text: &str, end: usize) -> bool {
    let mut after = text.get(end..).unwrap_or_default().chars();
    match after.next() {
        Some(c) if word(c) || c == '@' || c == '\u{FF20}' => true,
        Some(c) if joiner(c) => after.next().is_some_and(|c| c.is_ascii_alphanumeric()),
        _ => false,
    }
}

impl Number {
    /// Adds a digit (there are never more than [`MAX_CHARS`]).
    fn push_digit(&mut self, d: u8) {
        if let Some(slot) = self.digits.get_mut(self.count) {
            *slot = d;
            self.count += 1;
        }
    }

    /// Closes a group of `size` digits.
    fn push_group(&mut self, size: usize) {
        if let Some(slot) = self.group_sizes.get_mut(self.group_count) {
            *slot = size;
            self.group_count += 1;
        }
    }

    fn digits(&self) -> &[u8] {
        self.digits.get(..self.count).unwrap_or_default()
    }

    fn groups(&self) -> &[usize] {
        self.group_sizes.get(..self.group_count).unwrap_or_default()
    }

    fn kind(&self) -> Option<Kind> {
        if self.card() {
            Some(Kind::Card)
        } else if self.phone() {
            Some(Kind::Phone)
        } else {
            None
        }
    }

    fn first(&self) -> u8 {
        self.digits().first().copied().unwrap_or(0)
    }

    /// A product's barcode number: 12 or 13 digits, bare, whose GTIN check
    /// digit holds (UPC-A, EAN-13).
    fn product_code(&self) -> bool {
        self.group_count == 1 && (12..=13).contains(&self.count) && gtin(self.digits())
    }

    /// 13–19 digits that pass Luhn, starting as card numbers start (2–6),
    /// bare or in the groups cards are printed in; a product's barcode
    /// number is not one.
    fn card(&self) -> bool {
        let count = self.count;
        let grouped = match self.groups() {
            [_] => true,
            [4, 6, 5] | [4, 6, 4] => true,
            [body @ .., last] => body.iter().all(|&g| g == 4) && (1..=4).contains(last),
            [] => false,
        };
        !self.plus
            && !self.bracket
            && !self.odd_separator
            && (13..=19).contains(&count)
            && (2..=6).contains(&self.first())
            && grouped
            && luhn(self.digits())
            && !self.product_code()
    }

    /// International (`+` or `00`, with a plausible count of digits), or
    /// a national number in a shape phone numbers are written in: a trunk
    /// `0`, an area code in brackets, North American 3-3-4, a Chinese
    /// mobile's 11 digits (also 3-4-4), a Spanish number's 9 (from 6 to 9,
    /// bare or in groups of 2–3), or a two-digit area code before 4–5 and
    /// 4 digits (Brazil, Mexico, Argentina). Prices, dates, counts and
    /// order numbers have fewer digits or other shapes (a parcel's 4-4-4,
    /// an order's 3-4-4 that does not start with 1); a bare barcode
    /// number is not a phone.
    fn phone(&self) -> bool {
        let count = self.count;
        let second = self.digits().get(1).copied().unwrap_or(0);
        if self.plus {
            return (8..=15).contains(&count);
        }
        if self.product_code() {
            return false;
        }
        if self.first() == 0 && second == 0 {
            return (10..=17).contains(&count);
        }
        if !(9..=13).contains(&count) {
            return false;
        }
        let groups = self.groups();
        let trunk = self.first() == 0;
        let north_american = groups == [3, 3, 4] || (groups == [1, 3, 3, 4] && self.first() == 1);
        let chinese_mobile = (groups.len() == 1 || groups == [3, 4, 4])
            && count == 11
            && self.first() == 1
            && (3..=9).contains(&second);
        let spanish = count == 9
            && (6..=9).contains(&self.first())
            && (groups.len() == 1
                || (groups.len() >= 3 && groups.iter().all(|g| (2..=3).contains(g))));
        let area_code = matches!(groups, [2, 4 | 5, 4]);
        trunk || self.bracket || north_american || chinese_mobile || spanish || area_code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<Kind> {
        read(text, 0).kind
    }

    #[test]
    fn cards_bare_and_grouped() {
        assert_eq!(kind("4111 1111 1111 1111"), Some(Kind::Card));
        assert_eq!(kind("4111-1111-1111-1111"), Some(Kind::Card));
        assert_eq!(kind("4111111111111111"), Some(Kind::Card));
        assert_eq!(kind("3782 822463 10005"), Some(Kind::Card));
        assert_eq!(kind("4111 1111 1111 1112"), None, "fails Luhn");
        assert_eq!(kind("4006381333931"), None, "an EAN-13");
    }

    #[test]
    fn phones_in_many_shapes() {
        for phone in [
            "+49 30 1234567",
            "+49 (0)30 1234567",
            "030 1234567",
            "030/1234567",
            "06 12 34 56 78",
            "(555) 123-4567",
            "555.123.4567",
            "1-555-123-4567",
            "090-1234-5678",
            "０９０－１２３４－５６７８",
            "13812345678",
            "612 345 678",
            "612345678",
            "06 - 87654321",
            "11 98765-4321",
            "55 1234 5678",
            "138 1234 5678",
            "٠٥٠ ١٢٣ ٤٥٦٧",
            "0044 20 7946 0958",
        ] {
            assert_eq!(kind(phone), Some(Kind::Phone), "{phone}");
        }
    }

    #[test]
    fn other_numbers_stay() {
        for number in [
            "1.299,00",
            "2026-12-07",
            "07.12.2026",
            "12/07/2026 14.30",
            "4500123456",
            "123 456 789",
            "2.3.1",
            "192.168.1.100",
            "1234567890",
            "1234-5678-9012",
            "302-4417-2291",
            "0036000291452",
        ] {
            assert_eq!(kind(number), None, "{number}");
        }
    }

    #[test]
    fn a_number_glued_to_a_code_stays() {
        assert_eq!(kind("2024-00123-AB"), None);
        assert_eq!(kind("0301234567X"), None);
        assert_eq!(kind("0301234567@example.com"), None);
        assert_eq!(kind("0301234567."), Some(Kind::Phone));
    }

    #[test]
    fn reads_stop_at_their_bound() {
        let long = "1".repeat(2_000);
        let read = read(&long, 0);
        assert!(read.steps <= MAX_CHARS + 1);
        assert_eq!(read.kind, None);
    }
}
