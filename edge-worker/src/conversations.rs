//! `GET /v1/sites/{site_key}/conversations/{id}`: one conversation's
//! feedback, for the site owner (bearer site secret).

use protocol::ids::check_id;
use protocol::{ConversationFeedback, ErrorCode};
use worker::{Request, Response, Result, RouteContext};

use crate::respond;
use crate::sites::Site;
use crate::store;

/// The stored thumbs of one conversation.
pub async fn get_conversation(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let (Some(site_key), Some(conversation_id)) =
        (ctx.param("site_key"), ctx.param("conversation_id"))
    else {
        return respond::error(ErrorCode::NotFound, "no such route");
    };
    let db = ctx.d1(crate::DB)?;
    let site = match Site::find(&db, site_key).await? {
        Some(site) if site.is_authorized(&req)? => site,
        _ => {
            return respond::error(
                ErrorCode::Unauthorized,
                "send the site's secret as `Authorization: Bearer <secret>`",
            );
        }
    };
    if let Err(err) = check_id("conversation_id", conversation_id) {
        return respond::error(err.code, err.message);
    }
    let messages = store::conversation_ratings(&db, &site.site_key, conversation_id).await?;
    respond::json(
        &ConversationFeedback {
            conversation_id: conversation_id.clone(),
            messages,
        },
        200,
    )
}
