//! The site owner's conversation routes (bearer site secret): the inbox
//! list filtered by feedback, one conversation, and its erasure.

use protocol::ids::check_id;
use protocol::{ConversationPage, Cursor, ErrorCode, Need};
use worker::{Context, Request, Response, RouteContext};

use crate::access::{Access, authorize};
use crate::query::Query;
use crate::refusal::Refusal;
use crate::respond;
use crate::store;

/// Default and largest page size of the list.
const DEFAULT_LIMIT: u32 = 50;
const MAX_LIMIT: u32 = 200;

/// The caller's access (allowing `need`) and the route's conversation id,
/// its shape checked.
async fn conversation_route(
    req: &Request,
    ctx: &RouteContext<Context>,
    need: Need,
) -> Result<(Access, String), Refusal> {
    let access = authorize(req, ctx, need).await?;
    let id = ctx
        .param("conversation_id")
        .ok_or_else(|| Refusal::new(ErrorCode::NotFound, "no such route"))?;
    check_id("conversation_id", id)?;
    Ok((access, id.clone()))
}

fn no_such_conversation(conversation_id: &str) -> Refusal {
    Refusal::new(
        ErrorCode::NotFound,
        format!("no feedback for conversation {conversation_id:?}"),
    )
}

/// `GET /v1/sites/{site_key}/conversations?feedback=&role=&handed_over=&meta.<key>=&from=&to=&tz=&limit=&cursor=`.
pub async fn list(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Conversations).await?;
    let query = Query::of(&req)?;
    let window = query.window(&site)?;
    let invalid = |problem: String| Refusal::new(ErrorCode::InvalidField, problem);
    let filter = query.inbox_filter()?;
    let cursor = query
        .get("cursor")
        .map(Cursor::parse)
        .transpose()
        .map_err(invalid)?;
    let limit = query.limit(DEFAULT_LIMIT, MAX_LIMIT)?;
    let mut rows = store::conversations::page(
        &db,
        &site.site_key,
        (window.from_ms, window.to_ms),
        &filter,
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
    // The inbox lists D1's hot window; when the period reaches archived
    // conversations, it says where they are.
    let archived = store::archive::export_chunk(
        &db,
        &site.site_key,
        (window.from_ms, Some(window.to_ms)),
        None,
        false,
    )
    .await?;
    // With an ETag, so the dashboard's inbox can ask again every few
    // seconds and get a bodiless 304 while nothing changed.
    Ok(respond::json_revalidated(
        &req,
        &ConversationPage {
            conversations: rows.iter().map(|row| row.summary()).collect(),
            next_cursor,
            tz: window.tz.name().to_string(),
            archived_days: archived.map(|_| site.config.hot_days),
        },
    )?)
}

/// `GET /v1/sites/{site_key}/conversations/{id}`: CSAT fields and every
/// rated message of one conversation.
pub async fn get_conversation(
    req: Request,
    ctx: RouteContext<Context>,
) -> Result<Response, Refusal> {
    let (Access { db, site, .. }, conversation_id) =
        conversation_route(&req, &ctx, Need::Conversations).await?;
    let row = store::conversations::find(&db, &site.site_key, &conversation_id)
        .await?
        .ok_or_else(|| no_such_conversation(&conversation_id))?;
    let messages = store::ratings::of_conversation(&db, &site.site_key, &conversation_id).await?;
    let mut detail = row.detail(messages);
    detail.review = store::review::of_conversation(&db, &site.site_key, &conversation_id).await?;
    Ok(respond::json(&detail, 200)?)
}

/// `DELETE /v1/sites/{site_key}/conversations/{id}`: erases the
/// conversation's events, thumbs and CSAT; aggregates follow at once.
pub async fn delete_conversation(
    req: Request,
    ctx: RouteContext<Context>,
) -> Result<Response, Refusal> {
    let (Access { db, site, .. }, conversation_id) =
        conversation_route(&req, &ctx, Need::Owner).await?;
    if !crate::archive::erasure::erase(&ctx.env, &db, &site.site_key, &conversation_id).await? {
        return Err(no_such_conversation(&conversation_id));
    }
    Ok(respond::json(
        &serde_json::json!({ "deleted": conversation_id }),
        200,
    )?)
}
