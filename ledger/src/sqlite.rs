//! What runs the statements natively (the rule tests, the `ingest_sql`
//! benchmark) needs: a database with the Worker's own migrations, and
//! statements' parameters as SQLite takes them. The Worker binds the same
//! [`Param`]s for D1 instead.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
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

/// The Worker's migrations, in the order they apply.
pub fn migrations() -> Result<Vec<PathBuf>, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../edge-worker/migrations");
    let entries = std::fs::read_dir(&dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|err| format!("{}: {err}", dir.display()))?
            .path();
        if path.extension().is_some_and(|ext| ext == "sql") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Applies every migration of the Worker to `conn`, in order: how many.
pub fn migrate(conn: &Connection) -> Result<usize, String> {
    let files = migrations()?;
    for file in &files {
        let sql =
            std::fs::read_to_string(file).map_err(|err| format!("{}: {err}", file.display()))?;
        conn.execute_batch(&sql)
            .map_err(|err| format!("{}: {err}", file.display()))?;
    }
    Ok(files.len())
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
