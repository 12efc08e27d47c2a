//! Statements' parameters as SQLite takes them, for what runs the
//! statements natively (the rule tests, the `ingest_sql` benchmark). The
//! Worker binds the same [`Param`]s for D1 instead.

use rusqlite::types::Value;

use crate::Param;

/// `params` as rusqlite values, in order.
pub fn values(params: &[Param]) -> Vec<Value> {
    params
        .iter()
        .map(|param| match param {
            Param::Null => Value::Null,
            Param::Text(text) => Value::Text(text.clone()),
            Param::Int(n) => Value::Integer(*n),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_parameter_keeps_its_value() {
        let bound = values(&[Param::Null, Param::text("a"), Param::Int(-3)]);
        assert_eq!(
            bound,
            [Value::Null, Value::Text("a".into()), Value::Integer(-3)]
        );
    }
}
