//! Where an export resumes (`after=`) once a site's older conversations
//! are archived (#35): an export reads the archived chunks first, by day
//! and then chunk, and then the hot rows of D1, each in the order of its
//! kind's key. The cursor names the phase and the key.

/// A resume point, as `after=` takes it and a failed file's last line
/// gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportCursor {
    /// In the archive: `/archive/{day}/{chunk}` once the chunk is read
    /// whole, `/archive/{day}/{chunk}/{key}` after `key` within it.
    Archived {
        /// The chunk's UTC day, `YYYY-MM-DD`.
        day: String,
        /// Its number within the day.
        chunk: i64,
        /// The last key read within it; `None`: all of it.
        key: Option<String>,
    },
    /// In D1's hot rows: after this key (the kind's own cursor, as an
    /// export before the archive wrote it).
    Hot(String),
}

/// The prefix of an archived cursor: no hot key starts with `/` (a key
/// is an id, or two joined by `/`, and an id is never empty).
const ARCHIVE: &str = "/archive/";

/// Chunks a day may have, at most, as a cursor names them.
const MAX_CHUNK: i64 = 1_000_000;

impl ExportCursor {
    /// `after=` as an export hands it out.
    pub fn encode(&self) -> String {
        match self {
            Self::Archived { day, chunk, key } => match key {
                Some(key) => format!("{ARCHIVE}{day}/{chunk}/{key}"),
                None => format!("{ARCHIVE}{day}/{chunk}"),
            },
            Self::Hot(key) => key.clone(),
        }
    }

    /// Reads an `after=`; `check_key` checks a key of the export's kind
    /// (a conversation id, or a conversation and a message).
    pub fn parse(
        text: &str,
        check_key: impl Fn(&str) -> Result<(), String>,
    ) -> Result<Self, String> {
        let Some(archived) = text.strip_prefix(ARCHIVE) else {
            check_key(text)?;
            return Ok(Self::Hot(text.to_string()));
        };
        let bad = || {
            format!(
                "`after` {text:?} is not `/archive/` then a day (YYYY-MM-DD), a chunk number \
                 and a key, as a failed export's last line gives it"
            )
        };
        let mut parts = archived.splitn(3, '/');
        let day = parts
            .next()
            .filter(|day| crate::read_api::is_date(day))
            .ok_or_else(bad)?;
        let chunk = parts
            .next()
            .and_then(|chunk| chunk.parse::<i64>().ok())
            .filter(|chunk| (1..=MAX_CHUNK).contains(chunk))
            .ok_or_else(bad)?;
        let key = match parts.next() {
            None => None,
            Some(key) => {
                check_key(key)?;
                Some(key.to_string())
            }
        };
        Ok(Self::Archived {
            day: day.to_string(),
            chunk,
            key,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(key: &str) -> Result<(), String> {
        crate::ids::check_id("after", key).map_err(|error| error.message)
    }

    #[test]
    fn a_cursor_reads_back_as_written() {
        for cursor in [
            ExportCursor::Hot("c_9".into()),
            ExportCursor::Archived {
                day: "2026-01-02".into(),
                chunk: 3,
                key: None,
            },
            ExportCursor::Archived {
                day: "2026-01-02".into(),
                chunk: 12,
                key: Some("c_1".into()),
            },
        ] {
            assert_eq!(ExportCursor::parse(&cursor.encode(), id), Ok(cursor));
        }
        // A conversation may be called `archive`: its dataset key is hot.
        let answer = |key: &str| crate::dataset::AnswerCursor::parse(key).map(|_| ());
        assert_eq!(
            ExportCursor::parse("archive/m_1", answer),
            Ok(ExportCursor::Hot("archive/m_1".into()))
        );
    }

    #[test]
    fn a_malformed_cursor_is_refused() {
        for bad in [
            "",
            "a/b",
            "/archive/",
            "/archive/2026-1-02/1",
            "/archive/2026-01-02",
            "/archive/2026-01-02/0",
            "/archive/2026-01-02/x",
            "/archive/2026-01-02/1/",
            "/archive/2026-01-02/1/a/b",
        ] {
            assert!(ExportCursor::parse(bad, id).is_err(), "{bad:?}");
        }
    }
}
