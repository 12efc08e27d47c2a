//! RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they
//! hold a comma, a quote or a line break, quotes doubled inside.

/// Characters that make a spreadsheet treat a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One field, quoted when it must be.
pub fn field(value: &str) -> String {
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// A field holding text a shopper wrote: like [`field`], but a leading
/// `= + - @` gets a `'` in front so spreadsheets show it instead of running
/// it as a formula (OWASP's CSV injection advice).
pub fn text_field(value: &str) -> String {
    if value.starts_with(FORMULA_STARTS) {
        field(&format!("'{value}"))
    } else {
        field(value)
    }
}

/// One record of fields already encoded with [`field`] or [`text_field`], with its CRLF.
pub fn record<I, S>(fields: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut line = fields
        .into_iter()
        .map(|value| value.as_ref().to_string())
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn shopper_text_cannot_become_a_formula() {
        assert_eq!(
            text_field("=HYPERLINK(\"x\")"),
            "\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(text_field("-1 star"), "'-1 star");
        assert_eq!(text_field("fine"), "fine");
    }

    #[test]
    fn records_end_with_crlf() {
        assert_eq!(
            record([field("a"), field("b,c"), field("")]),
            "a,\"b,c\",\r\n"
        );
    }
}
