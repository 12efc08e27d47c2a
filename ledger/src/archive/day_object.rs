//! An archived chunk of one site's day, as stored in R2: gzip-compressed
//! NDJSON. Its first line says whose rows these are; each line after it is
//! one row of `conversations`, `message_ratings` or `events`, with every
//! column but `site_key`, as SQLite's `json_object` wrote it:
//!
//! ```text
//! {"format":1,"site_key":"pk_…","day":"2026-03-01","chunk":1}
//! {"table":"conversations","row":{"conversation_id":"c-1","first_at":…}}
//! {"table":"message_ratings","row":{…}}
//! {"table":"events","row":{…}}
//! ```
//!
//! The checksum is SHA-256 of the lines as written, uncompressed, so a
//! read-back proves that R2 holds exactly what was sent. Reading one back
//! is bounded: at most [`MAX_BYTES`] uncompressed and [`MAX_ROWS`] rows.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::ArchiveError;

/// The format this module writes and reads.
pub const FORMAT: u32 = 1;

/// Most rows one object holds (a chunk's limit, with room for the one
/// conversation that may start it over the limit).
pub const MAX_ROWS: usize = super::MAX_CONVERSATION_ROWS + super::CHUNK_ROWS;

/// Most bytes one object holds uncompressed.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Whose rows an object holds: its first line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// [`FORMAT`].
    pub format: u32,
    /// The site the rows are of.
    pub site_key: String,
    /// The UTC day of the conversations' last activity, `YYYY-MM-DD`.
    pub day: String,
    /// The chunk of that day, from 1.
    pub chunk: i64,
}

/// One archived row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// One of [`super::TABLES`].
    pub table: String,
    /// Every column of the table but `site_key`.
    pub row: Map<String, Value>,
}

/// An object made ready for R2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    /// The gzip-compressed lines.
    pub bytes: Vec<u8>,
    /// Rows in it (the header not counted).
    pub rows: usize,
    /// SHA-256 of the lines, uncompressed, in lowercase hex.
    pub sha256: String,
}

/// What an object read back holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// Its first line.
    pub header: Header,
    /// Its rows, in order.
    pub lines: Vec<Line>,
    /// SHA-256 of the lines as read, uncompressed.
    pub sha256: String,
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Compresses `header` and the rows (each a table and its row as the JSON
/// text `json_object` gave). A row must be a JSON object with exactly its
/// table's columns: [`Line`] checks it before anything is written.
pub fn encode(header: &Header, rows: &[(&str, &str)]) -> Result<Encoded, ArchiveError> {
    if rows.len() > MAX_ROWS {
        return Err(ArchiveError::TooLarge(format!(
            "{} rows, more than the {MAX_ROWS} an object may hold",
            rows.len()
        )));
    }
    let mut text = serde_json::to_string(header)?;
    text.push('\n');
    for (table, json) in rows {
        let row: Map<String, Value> = serde_json::from_str(json)?;
        let line = Line {
            table: (*table).to_string(),
            row,
        };
        super::check_line(&line)?;
        text.push_str(&serde_json::to_string(&line)?);
        text.push('\n');
    }
    if text.len() as u64 > MAX_BYTES {
        return Err(ArchiveError::TooLarge(format!(
            "{} bytes, more than the {MAX_BYTES} an object may hold",
            text.len()
        )));
    }
    let sha256 = hex(&Sha256::digest(text.as_bytes()));
    let mut gzip = GzEncoder::new(Vec::new(), Compression::default());
    gzip.write_all(text.as_bytes())?;
    Ok(Encoded {
        bytes: gzip.finish()?,
        rows: rows.len(),
        sha256,
    })
}

/// [`encode`] of lines already read (an object written again without
/// some of them).
pub fn encode_lines(header: &Header, lines: &[Line]) -> Result<Encoded, ArchiveError> {
    let rows = lines
        .iter()
        .map(|line| Ok((line.table.as_str(), serde_json::to_string(&line.row)?)))
        .collect::<Result<Vec<(&str, String)>, ArchiveError>>()?;
    let borrowed: Vec<(&str, &str)> = rows.iter().map(|(t, j)| (*t, j.as_str())).collect();
    encode(header, &borrowed)
}

/// Reads an object back, within the bounds, checking every line.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ArchiveError> {
    let mut text = String::new();
    GzDecoder::new(bytes)
        .take(MAX_BYTES + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > MAX_BYTES {
        return Err(ArchiveError::TooLarge(format!(
            "more than {MAX_BYTES} bytes uncompressed"
        )));
    }
    let sha256 = hex(&Sha256::digest(text.as_bytes()));
    let mut lines = text.lines();
    let header: Header = serde_json::from_str(lines.next().unwrap_or_default())?;
    if header.format != FORMAT {
        return Err(ArchiveError::Format(format!(
            "format {} (this collector reads {FORMAT})",
            header.format
        )));
    }
    let mut rows = Vec::new();
    for text in lines {
        if rows.len() == MAX_ROWS {
            return Err(ArchiveError::TooLarge(format!("more than {MAX_ROWS} rows")));
        }
        let line: Line = serde_json::from_str(text)?;
        super::check_line(&line)?;
        rows.push(line);
    }
    Ok(Decoded {
        header,
        lines: rows,
        sha256,
    })
}

/// Whether `bytes`, read back from R2, are the object `written` described:
/// the same header, row count and checksum.
pub fn verify(bytes: &[u8], header: &Header, written: &Encoded) -> Result<Decoded, ArchiveError> {
    let read = decode(bytes)?;
    if read.header != *header {
        return Err(ArchiveError::Mismatch(format!(
            "the object's header is {:?}, not {header:?}",
            read.header
        )));
    }
    if read.lines.len() != written.rows {
        return Err(ArchiveError::Mismatch(format!(
            "{} rows read back, {} written",
            read.lines.len(),
            written.rows
        )));
    }
    if read.sha256 != written.sha256 {
        return Err(ArchiveError::Mismatch(format!(
            "checksum {} read back, {} written",
            read.sha256, written.sha256
        )));
    }
    Ok(read)
}
