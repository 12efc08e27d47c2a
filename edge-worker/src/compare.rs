//! `GET /v1/sites/{site_key}/compare?dimension=&from=&to=&tz=&series=`:
//! the Compare section. For each value of one dimension (`key:model`,
//! `key:prompt_version`, any provenance key, `locale`, `page`, or `role`:
//! the assistant against a person) in a window of local days, its thumbs
//! and satisfaction with 95% Wilson intervals, sorted by 👎 share
//! (`analytics::compare`); the daily thumbs of up to two values named in
//! `series` (comma-separated); and the dimensions the window has.

use analytics::compare::{self, Comparison, Dimension, MAX_SERIES};
use protocol::meta::MAX_META_VALUE_UTF16;
use protocol::{ErrorCode, Need};
use worker::{Context, Request, Response, RouteContext};

use crate::access::{Access, authorize};
use crate::query::Query;
use crate::refusal::Refusal;
use crate::respond;
use crate::store;

/// The values named in `series`: at most [`MAX_SERIES`], each a value
/// a dimension can have.
fn series(query: &Query) -> Result<Vec<String>, Refusal> {
    let Some(list) = query.get("series") else {
        return Ok(Vec::new());
    };
    let values: Vec<String> = list.split(',').map(str::to_string).collect();
    if values.len() > MAX_SERIES
        || values.iter().any(|value| {
            value.is_empty() || protocol::text::utf16_len(value) > MAX_META_VALUE_UTF16
        })
    {
        return Err(Refusal::new(
            ErrorCode::InvalidField,
            format!(
                "`series` names at most {MAX_SERIES} values, comma-separated, each 1 to {MAX_META_VALUE_UTF16} characters"
            ),
        ));
    }
    Ok(values)
}

/// The comparison by `dimension` (default `role`).
pub async fn get_compare(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Read).await?;
    let query = Query::of(&req)?;
    let window = query.window(&site)?;
    let asked = query.get("dimension").unwrap_or("role");
    let dimension = Dimension::parse(asked).ok_or_else(|| {
        Refusal::new(
            ErrorCode::InvalidField,
            format!(
                "`dimension` must be key:<name> (a-z, 0-9 and _), locale, page or role, not {asked:?}"
            ),
        )
    })?;
    let series = series(&query)?;
    let counts = store::compare::read(&db, &site.site_key, &window, &dimension, &series).await?;
    let comparison = Comparison {
        dimension: dimension.as_text(),
        from: window.first.format("%Y-%m-%d").to_string(),
        to: window.last.format("%Y-%m-%d").to_string(),
        tz: window.tz.name().to_string(),
        dimensions: counts.dimensions,
        rows: compare::rows(&counts.values),
        series: compare::series(&window, &series, &counts.buckets),
    };
    Ok(respond::json_revalidated(&req, &comparison)?)
}
