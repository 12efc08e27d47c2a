//! The archive's objects in R2: one read whole; one written, read back
//! and checked against what was sent (`ledger::archive::day_object`); and
//! one changed and written again over the version read (an erasure, text
//! blanked).

use ledger::archive::Written;
use ledger::archive::day_object::{self, Decoded, Encoded, Header, Line};
use worker::{Bucket, Conditional, Result};

/// An object as read.
pub struct Stored {
    /// Its lines, checked.
    pub decoded: Decoded,
    /// Its version, for a write that must not overwrite a newer one.
    pub etag: String,
}

/// The archive's refusal of an object, as a Worker error.
pub fn archive_error(err: ledger::archive::ArchiveError) -> worker::Error {
    worker::Error::RustError(err.to_string())
}

/// The object at `key`, decoded; `None` when there is none.
pub async fn read(bucket: &Bucket, key: &str) -> Result<Option<Stored>> {
    let Some(object) = bucket.get(key).execute().await? else {
        return Ok(None);
    };
    let etag = object.etag();
    let body = object
        .body()
        .ok_or_else(|| worker::Error::RustError(format!("{key} was read without a body")))?;
    let decoded = day_object::decode(&body.bytes().await?).map_err(archive_error)?;
    Ok(Some(Stored { decoded, etag }))
}

/// How an object is written.
pub struct Write<'a> {
    /// Where.
    pub key: &'a str,
    /// Its first line.
    pub header: &'a Header,
    /// What is sent.
    pub encoded: &'a Encoded,
    /// Only over this version (`None`: whatever is there).
    pub over: Option<&'a str>,
    /// A local fault: what is read back is cut short.
    pub cut_read_back: bool,
}

/// Writes an object, reads it back and checks its header, rows and
/// checksum: R2's upload time (unix ms), or `None`, writing nothing, when
/// the object is no longer the version `over` names.
pub async fn write_checked(bucket: &Bucket, write: Write<'_>) -> Result<Option<i64>> {
    let Write {
        key,
        header,
        encoded,
        over,
        cut_read_back,
    } = write;
    let mut put = bucket.put(key, encoded.bytes.clone());
    if let Some(etag) = over {
        put = put.only_if(Conditional {
            etag_matches: Some(etag.to_string()),
            ..Conditional::default()
        });
    }
    if put.execute().await?.is_none() {
        return Ok(None);
    }
    let object =
        bucket.get(key).execute().await?.ok_or_else(|| {
            worker::Error::RustError(format!("{key} was not found after its write"))
        })?;
    let uploaded = object.uploaded().as_millis() as i64;
    let body = object
        .body()
        .ok_or_else(|| worker::Error::RustError(format!("{key} read back without a body")))?;
    let mut bytes = body.bytes().await?;
    if cut_read_back {
        bytes.truncate(bytes.len() / 2);
    }
    day_object::verify(&bytes, header, encoded).map_err(archive_error)?;
    Ok(Some(uploaded))
}

/// Attempts at writing an object again while others change it.
const ATTEMPTS: usize = 5;

/// What [`rewrite`] did.
pub enum Rewritten {
    /// There was no object.
    Gone,
    /// The change left it as it was; nothing was written.
    Unchanged,
    /// The change left no row: it was deleted.
    Emptied,
    /// It was written again, read back and checked, at this upload time.
    Written(Written, i64),
}

/// Reads the object at `key`, changes its lines with `change` (`None`:
/// nothing to change), and writes it again only over the version read,
/// read back and checked; when another writing came first, reads it again
/// (up to [`ATTEMPTS`] times).
pub async fn rewrite(
    bucket: &Bucket,
    key: &str,
    change: impl Fn(Vec<Line>) -> Option<Vec<Line>>,
) -> Result<Rewritten> {
    for _ in 0..ATTEMPTS {
        let Some(stored) = read(bucket, key).await? else {
            return Ok(Rewritten::Gone);
        };
        let Some(lines) = change(stored.decoded.lines) else {
            return Ok(Rewritten::Unchanged);
        };
        if lines.is_empty() {
            bucket.delete(key.to_string()).await?;
            return Ok(Rewritten::Emptied);
        }
        let header = stored.decoded.header;
        let encoded = day_object::encode_lines(&header, &lines).map_err(archive_error)?;
        let write = Write {
            key,
            header: &header,
            encoded: &encoded,
            over: Some(&stored.etag),
            cut_read_back: false,
        };
        if let Some(uploaded) = write_checked(bucket, write).await? {
            let written = Written {
                rows: encoded.rows,
                bytes: encoded.bytes.len(),
                sha256: encoded.sha256.clone(),
            };
            return Ok(Rewritten::Written(written, uploaded));
        }
    }
    Err(worker::Error::RustError(format!(
        "{key} kept changing while it was written again; the next attempt goes on"
    )))
}
