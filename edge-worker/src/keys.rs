//! Named keys the owner makes for others (`GET|POST /v1/sites/{key}/keys`,
//! `GET …/keys/revoked`, `DELETE …/keys/{key_id}`): a locale editor's key opens the wording
//! only, a reader's the figures and conversations only. Owner only.

use protocol::access::{KEY_SECRET_PREFIX, MAX_KEYS, REVOKED_PAGE, RevokedCursor};
use protocol::limits::MAX_BODY_BYTES;
use protocol::secret::hash_secret;
use protocol::{
    AccessKey, Change, CreatedKey, ErrorCode, FieldErrors, KeyList, Need, NewKey, RevokedKeys,
};
use worker::{Context, Date, Request, Response, RouteContext};

use crate::access::{Access, authorize};
use crate::query::Query;
use crate::refusal::Refusal;
use crate::store::audit::AuditRow;
use crate::store::keys::KeyRow;
use crate::{body, random, respond, store};

/// The audit entry's change: a key that comes (`created`) or goes.
fn key_change(id: &str, name: &str, scope: &str, created: bool) -> Vec<Change> {
    let key = serde_json::json!({ "id": id, "name": name, "scope": scope });
    let (old, new) = if created {
        (serde_json::Value::Null, key)
    } else {
        (key, serde_json::Value::Null)
    };
    vec![Change {
        field: "key".into(),
        old,
        new,
    }]
}

/// `GET /v1/sites/{key}/keys`: every live key, then the newest revoked
/// ones, and how many were revoked in all (never a secret).
pub async fn list(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Owner).await?;
    let keys: Vec<AccessKey> = store::keys::all(&db, &site.site_key)
        .await?
        .into_iter()
        .filter_map(KeyRow::shown)
        .collect();
    let revoked = store::keys::revoked_count(&db, &site.site_key).await?;
    Ok(respond::json(&KeyList { keys, revoked }, 200)?)
}

/// `GET /v1/sites/{key}/keys/revoked[?before=…]`: revoked keys, most
/// recently revoked first, [`REVOKED_PAGE`] a page, with the cursor of
/// the next.
pub async fn revoked(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let Access { db, site, .. } = authorize(&req, &ctx, Need::Owner).await?;
    let before = Query::of(&req)?
        .get("before")
        .map(RevokedCursor::parse)
        .transpose()
        .map_err(|message| Refusal::new(ErrorCode::InvalidField, message))?;
    // One more than a page says whether another follows.
    let mut rows =
        store::keys::revoked(&db, &site.site_key, before.as_ref(), REVOKED_PAGE + 1).await?;
    let more = rows.len() > REVOKED_PAGE;
    rows.truncate(REVOKED_PAGE);
    let next = rows
        .last()
        .filter(|_| more)
        .and_then(|last| {
            Some(RevokedCursor {
                revoked_at: last.revoked_at?,
                key_id: last.key_id.clone(),
            })
        })
        .map(|cursor| cursor.encode());
    let keys = rows.into_iter().filter_map(KeyRow::shown).collect();
    Ok(respond::json(&RevokedKeys { keys, next }, 200)?)
}

/// `POST /v1/sites/{key}/keys` with `{"name", "scope"}`: 201 with the key
/// and its secret, shown this once.
pub async fn create(mut req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let access = authorize(&req, &ctx, Need::Owner).await?;
    let body = body::read_capped(&mut req).await?.ok_or_else(|| {
        Refusal::new(
            ErrorCode::PayloadTooLarge,
            format!("a key request is limited to {MAX_BODY_BYTES} bytes"),
        )
    })?;
    let request: NewKey = serde_json::from_slice(&body).map_err(|err| {
        Refusal::new(
            ErrorCode::InvalidJson,
            format!("send {{\"name\": \"…\", \"scope\": \"wording\" or \"read\"}}: {err}"),
        )
    })?;
    let (name, scope) = request.check().map_err(|errors| {
        Refusal::new(
            ErrorCode::InvalidSettings,
            "the key has problems; nothing was made",
        )
        .with_errors(errors)
    })?;
    let secret = random::token(KEY_SECRET_PREFIX, 40)?;
    let now = Date::now().as_millis() as i64;
    let row = KeyRow {
        key_id: random::token("key_", 12)?,
        name,
        scope: scope.as_str().to_string(),
        secret_hash: hash_secret(&secret),
        created_at: now,
        revoked_at: None,
    };
    let audit = AuditRow {
        at: now,
        actor: access.actor.label(),
        action: "key_created",
        changes: key_change(&row.key_id, &row.name, &row.scope, true),
    };
    if !store::keys::create(&access.db, &access.site.site_key, &row, &audit).await? {
        return Err(Refusal::new(
            ErrorCode::InvalidSettings,
            format!("a site has at most {MAX_KEYS} live keys; revoke one first"),
        )
        .with_errors(FieldErrors::from([(
            "name".to_string(),
            format!("this site has {MAX_KEYS} live keys already"),
        )])));
    }
    let key = row.shown().ok_or_else(|| {
        Refusal::new(
            ErrorCode::Internal,
            "the key was made with an unknown scope",
        )
    })?;
    Ok(respond::json(&CreatedKey { key, secret }, 201)?)
}

/// `DELETE /v1/sites/{key}/keys/{key_id}`: revokes the key at once.
pub async fn revoke(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let access = authorize(&req, &ctx, Need::Owner).await?;
    let Access { db, site, .. } = &access;
    let key_id = ctx.param("key_id").cloned().unwrap_or_default();
    let known = store::keys::find(db, &site.site_key, &key_id).await?;
    let key = known
        .filter(|key| key.revoked_at.is_none())
        .ok_or_else(|| {
            Refusal::new(
                ErrorCode::NotFound,
                "this site has no live key with that id",
            )
        })?;
    let now = Date::now().as_millis() as i64;
    let audit = AuditRow {
        at: now,
        actor: access.actor.label(),
        action: "key_revoked",
        changes: key_change(&key.key_id, &key.name, &key.scope, false),
    };
    store::keys::revoke(db, &site.site_key, &key_id, now, &audit).await?;
    Ok(respond::json(
        &serde_json::json!({ "revoked": key_id }),
        200,
    )?)
}
