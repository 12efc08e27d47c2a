//! Review (#31): the queue of 👎s and low answers, and a person's review
//! of one. Reading needs a key that reads conversations (`read` or
//! `review`); reviewing needs a `review` key or the site's secret.

use ledger::review::{QueueFilter, ReviewCursor, Reviewer};
use protocol::limits::MAX_BODY_BYTES;
use protocol::review::{Review, ReviewPage, ReviewState};
use protocol::{ErrorCode, Need};
use worker::{Context, Date, Request, Response, RouteContext};

use crate::access::{Access, Actor, authorize};
use crate::body;
use crate::query::Query;
use crate::refusal::Refusal;
use crate::respond;
use crate::store;

/// Default and largest page size of the queue.
const DEFAULT_LIMIT: u32 = 50;
const MAX_LIMIT: u32 = 200;

fn invalid(problem: String) -> Refusal {
    Refusal::new(ErrorCode::InvalidField, problem)
}

/// `GET /v1/sites/{site_key}/review?state=open|reviewed&label=&limit=&cursor=`:
/// the queue, newest first.
pub async fn list(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Conversations).await?;
    let query = Query::of(&req)?;
    let state = query
        .get("state")
        .map(|text| {
            ReviewState::parse(text)
                .ok_or_else(|| invalid(format!("`state` must be open or reviewed, not {text:?}")))
        })
        .transpose()?;
    let label = query.get("label").map(str::to_string);
    let cursor = query
        .get("cursor")
        .map(ReviewCursor::parse)
        .transpose()
        .map_err(invalid)?;
    let limit = query.limit(DEFAULT_LIMIT, MAX_LIMIT)?;
    let filter = QueueFilter { state, label };
    let mut items =
        store::review::page(&db, &site.site_key, &filter, cursor.as_ref(), limit + 1).await?;
    let more = items.len() > limit as usize;
    items.truncate(limit as usize);
    let next_cursor = if more {
        items.last().map(|item| {
            ReviewCursor {
                opened_at: item.opened_at,
                item_id: item.item_id.clone(),
            }
            .encode()
        })
    } else {
        None
    };
    Ok(respond::json_revalidated(
        &req,
        &ReviewPage {
            items,
            next_cursor,
            labels: site.config.review_labels.clone(),
        },
    )?)
}

/// `PUT /v1/sites/{site_key}/review/{item}` with `{state, note, labels}`
/// and `If-Match: "<version>"`: 200 with the item as stored; 422 naming
/// each field's problem; 412 when someone reviewed it since that version;
/// 428 without `If-Match`; 404 for no such item.
pub async fn put(mut req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let Access { db, site, actor } = authorize(&req, &ctx, Need::Review).await?;
    let item_id = ctx
        .param("item_id")
        .ok_or_else(|| Refusal::new(ErrorCode::NotFound, "no such route"))?
        .clone();
    protocol::ids::check_id("item_id", &item_id)?;
    let if_match = req.headers().get("If-Match")?.ok_or_else(|| {
        Refusal::new(
            ErrorCode::PreconditionRequired,
            "send If-Match with the item's version (its `version`, or the ETag a GET gave), \
             so a review made meanwhile is not overwritten",
        )
    })?;
    let version = parse_version(&if_match).ok_or_else(|| {
        invalid(format!(
            "If-Match {if_match:?} is not a version such as \"3\""
        ))
    })?;
    let body = body::read_capped(&mut req).await?.ok_or_else(|| {
        Refusal::new(
            ErrorCode::PayloadTooLarge,
            format!(
                "a review is limited to {MAX_BODY_BYTES} bytes, and its note to 1,000 characters"
            ),
        )
    })?;
    let text = String::from_utf8(body)
        .map_err(|_| Refusal::new(ErrorCode::InvalidJson, "send the review as UTF-8 JSON"))?;
    let review = Review::from_json(&text, &site.config.review_labels).map_err(|errors| {
        Refusal::new(
            ErrorCode::InvalidReview,
            format!("{} fields have problems; nothing was changed", errors.len()),
        )
        .with_errors(errors)
    })?;
    let name = match &actor {
        Actor::Owner => "owner".to_string(),
        Actor::Key { name, .. } => name.clone(),
    };
    let reviewer = Reviewer {
        name: &name,
        at: Date::now().as_millis() as i64,
    };
    if let Some(item) =
        store::review::write(&db, &site.site_key, &item_id, version, &review, &reviewer).await?
    {
        return Ok(respond::json(&item, 200)?);
    }
    match store::review::item(&db, &site.site_key, &item_id).await? {
        None => Err(Refusal::new(
            ErrorCode::NotFound,
            format!("no review item {item_id:?}"),
        )),
        Some(now) => Err(Refusal::new(
            ErrorCode::StaleReview,
            format!(
                "item {item_id:?} changed since version {version} (it is at {}): read it again",
                now.version
            ),
        )),
    }
}

/// The version an `If-Match` names: `3`, `"3"` or `W/"3"`.
fn parse_version(header: &str) -> Option<u32> {
    let tag = header.trim();
    let tag = tag.strip_prefix("W/").unwrap_or(tag);
    let tag = tag
        .strip_prefix('"')
        .and_then(|tag| tag.strip_suffix('"'))
        .unwrap_or(tag);
    tag.parse().ok()
}
