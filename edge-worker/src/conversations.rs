//! The site owner's conversation routes (bearer site secret).

use protocol::ErrorCode;
use protocol::ids::check_id;
use worker::{Request, Response, Result, RouteContext};

use crate::respond;
use crate::sites::Site;
use crate::store;

/// `GET /v1/sites/{site_key}/conversations/{id}`: CSAT fields and every
/// rated message of one conversation.
pub async fn get_conversation(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let db = ctx.d1(crate::DB)?;
    let site = match Site::authorize(&db, &req, &ctx).await? {
        Ok(site) => site,
        Err(refusal) => return Ok(refusal),
    };
    let Some(conversation_id) = ctx.param("conversation_id") else {
        return respond::error(ErrorCode::NotFound, "no such route");
    };
    if let Err(err) = check_id("conversation_id", conversation_id) {
        return respond::error(err.code, err.message);
    }
    let Some(row) = store::conversations::find(&db, &site.site_key, conversation_id).await? else {
        return respond::error(
            ErrorCode::NotFound,
            format!("no feedback for conversation {conversation_id:?}"),
        );
    };
    let messages = store::conversations::ratings(&db, &site.site_key, conversation_id).await?;
    respond::json(&row.detail(messages), 200)
}
