//! Many rows in one parameter: a JSON array of arrays, read back in SQL by
//! `json_each`, so one statement writes what would otherwise take one
//! statement a row. D1 binds at most 100 parameters a statement, and every
//! statement of a batch costs the local stack about 20 µs whatever it does
//! (BENCHMARKS.md, "Fewer statements"); one parameter carries any number
//! of rows.
//!
//! A row's values come back with their SQL types: text as TEXT, a number as
//! INTEGER, NULL as NULL (`json_extract` of a JSON string is its text,
//! unescaped, exactly as it was bound).

use serde_json::Value;

use crate::Param;

/// Rows to write, in order.
#[derive(Debug, Clone, Default)]
pub struct JsonRows {
    rows: Vec<Value>,
}

impl JsonRows {
    /// Adds a row; its values are read by [`column`] in this order.
    pub fn push(&mut self, row: Vec<Param>) {
        self.rows.push(Value::Array(
            row.into_iter()
                .map(|param| match param {
                    Param::Null => Value::Null,
                    Param::Text(text) => Value::String(text),
                    Param::Int(number) => Value::from(number),
                })
                .collect(),
        ));
    }

    /// Whether no row was added.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows as one parameter, for `json_each(?n) AS r`.
    pub fn param(&self) -> Param {
        // An array of strings, numbers and nulls always serializes.
        Param::Text(serde_json::to_string(&self.rows).unwrap_or_else(|_| "[]".into()))
    }
}

/// Value `index` of the row `json_each` yields as `r`.
pub fn column(index: usize) -> String {
    format!("json_extract(r.value, '$[{index}]')")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_order_types_and_text() {
        let mut rows = JsonRows::default();
        assert!(rows.is_empty());
        rows.push(vec![
            Param::text("a \"quoted\" \\ line\nnext ü 👍"),
            Param::Int(1_800_000_000_000),
            Param::Null,
        ]);
        rows.push(vec![Param::text("b")]);
        assert_eq!(
            rows.param(),
            Param::Text(r#"[["a \"quoted\" \\ line\nnext ü 👍",1800000000000,null],["b"]]"#.into())
        );
        assert_eq!(column(2), "json_extract(r.value, '$[2]')");
    }
}
