//! The archive's objects in R2: one read whole, and one written, read
//! back and checked against what was sent (`ledger::archive::day_object`).

use ledger::archive::day_object::{self, Decoded, Encoded, Header};
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
