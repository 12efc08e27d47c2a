//! The site owner's conversation routes (bearer site secret): the inbox
//! list filtered by feedback, one conversation, and its erasure.

use protocol::ids::check_id;
use protocol::{ConversationPage, Cursor, ErrorCode, FeedbackFilter, Need};
use worker::{Context, D1Database, Request, Response, Result, RouteContext};

use crate::query::Query;
use crate::respond;
use crate::sites::Site;
use crate::store;

/// Default and largest page size of the list.
const DEFAULT_LIMIT: u32 = 50;
const MAX_LIMIT: u32 = 200;

/// The site (its secret checked) and the route's conversation id (its
/// shape checked); or the answer refusing the request.
async fn site_and_conversation(
    db: &D1Database,
    req: &Request,
    ctx: &RouteContext<Context>,
    need: Need,
) -> Result<std::result::Result<(Site, String), Response>> {
    let site = match crate::access::authorize(db, req, ctx, need).await? {
        Ok(access) => access.site,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let Some(id) = ctx.param("conversation_id") else {
        return Ok(Err(respond::error(ErrorCode::NotFound, "no such route")?));
    };
    Ok(match check_id("conversation_id", id) {
        Ok(()) => Ok((site, id.clone())),
        Err(err) => Err(respond::error(err.code, err.message)?),
    })
}

fn no_such_conversation(conversation_id: &str) -> Result<Response> {
    respond::error(
        ErrorCode::NotFound,
        format!("no feedback for conversation {conversation_id:?}"),
    )
}

/// `GET /v1/sites/{site_key}/conversations?feedback=&from=&to=&tz=&limit=&cursor=`.
pub async fn list(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::route_database(&ctx).await?;
    let site = match crate::access::authorize(&db, &req, &ctx, Need::Read).await? {
        Ok(access) => access.site,
        Err(refusal) => return Ok(refusal),
    };
    let query = Query::of(&req)?;
    let window = match query.window(&site) {
        Ok(window) => window,
        Err(error) => return respond::error_body(&error),
    };
    let filter = match query.get("feedback").map(FeedbackFilter::parse).transpose() {
        Ok(filter) => filter,
        Err(problem) => return respond::error(ErrorCode::InvalidField, problem),
    };
    let cursor = match query.get("cursor").map(Cursor::parse).transpose() {
        Ok(cursor) => cursor,
        Err(problem) => return respond::error(ErrorCode::InvalidField, problem),
    };
    let limit = match query.limit(DEFAULT_LIMIT, MAX_LIMIT) {
        Ok(limit) => limit,
        Err(error) => return respond::error_body(&error),
    };
    let mut rows = store::conversations::page(
        &db,
        &site.site_key,
        (window.from_ms, window.to_ms),
        filter,
        cursor.as_ref(),
        limit + 1,
    )
    .await?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = if more {
        rows.last().map(|row| Cursor::after(row).encode())
    } else {
        None
    };
    // With an ETag, so the dashboard's inbox can ask again every few
    // seconds and get a bodiless 304 while nothing changed.
    respond::json_revalidated(
        &req,
        &ConversationPage {
            conversations: rows.iter().map(|row| row.summary()).collect(),
            next_cursor,
            tz: window.tz.name().to_string(),
        },
    )
}

/// `GET /v1/sites/{site_key}/conversations/{id}`: CSAT fields and every
/// rated message of one conversation.
pub async fn get_conversation(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::route_database(&ctx).await?;
    let (site, conversation_id) = match site_and_conversation(&db, &req, &ctx, Need::Read).await? {
        Ok(found) => found,
        Err(refusal) => return Ok(refusal),
    };
    let Some(row) = store::conversations::find(&db, &site.site_key, &conversation_id).await? else {
        return no_such_conversation(&conversation_id);
    };
    let messages = store::ratings::of_conversation(&db, &site.site_key, &conversation_id).await?;
    respond::json(&row.detail(messages), 200)
}

/// `DELETE /v1/sites/{site_key}/conversations/{id}`: erases the
/// conversation's events, thumbs and CSAT; aggregates follow at once.
pub async fn delete_conversation(req: Request, ctx: RouteContext<Context>) -> Result<Response> {
    let db = store::route_database(&ctx).await?;
    let (site, conversation_id) = match site_and_conversation(&db, &req, &ctx, Need::Owner).await? {
        Ok(found) => found,
        Err(refusal) => return Ok(refusal),
    };
    if store::conversations::erase(&db, &site.site_key, &conversation_id).await? {
        respond::json(&serde_json::json!({ "deleted": conversation_id }), 200)
    } else {
        no_such_conversation(&conversation_id)
    }
}
