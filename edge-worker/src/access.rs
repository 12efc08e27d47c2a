//! Who is asking, and whether they may: the site's owner (its secret) may
//! do everything; a named key opens only its scope (`protocol::access`).
//! A key is looked up afresh on every request, so a revoked one stops at
//! once on every path.

use protocol::access::KEY_SECRET_PREFIX;
use protocol::secret::{bearer_token, hash_secret, hashes_match};
use protocol::{ErrorCode, Holder, Need, Scope};
use worker::{Context, D1Database, Method, Request, Response, RouteContext};

use crate::refusal::Refusal;
use crate::respond;
use crate::sites::Site;
use crate::store;

/// Who sent a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// The site's secret.
    Owner,
    /// A named key.
    Key {
        /// Its id (`key_…`).
        id: String,
        /// Its name.
        name: String,
        /// What it may do.
        scope: Scope,
    },
}

impl Actor {
    /// How the audit list names it: `owner`, or `key_… (name)`.
    pub fn label(&self) -> String {
        match self {
            Actor::Owner => "owner".to_string(),
            Actor::Key { id, name, .. } => format!("{id} ({name})"),
        }
    }
}

/// A request that may go ahead: the site's database, the site and who
/// sent it.
pub struct Access {
    /// The database that holds the site (`store::databases`).
    pub db: D1Database,
    /// The site named by the route.
    pub site: Site,
    /// Who sent the request.
    pub actor: Actor,
}

fn unauthorized() -> Refusal {
    Refusal::new(
        ErrorCode::Unauthorized,
        "send the site's secret, or a key the owner made, as `Authorization: Bearer <secret>`",
    )
}

/// How long a change refused during a site's move should wait.
const MOVING_RETRY_AFTER_S: u32 = 60;

/// The database of the site named by the route's `site_key`, the site and
/// who is asking, when the request carries its secret or one of its live
/// keys whose scope allows `need`. Refused with 401 for no or a wrong
/// secret (unknown sites too, so keys cannot be probed), 403 for a key
/// outside its scope, and 409 for a change (any method but `GET`) while
/// the site moves to another database, which copies its rows as they stand.
pub async fn authorize(
    req: &Request,
    ctx: &RouteContext<Context>,
    need: Need,
) -> Result<Access, Refusal> {
    let db = store::route_database(ctx).await?;
    let (site, actor) = identify(&db, req, ctx, need).await?;
    if req.method() != Method::Get
        && store::databases::moving_to(&ctx.env, &site.site_key)
            .await?
            .is_some()
    {
        return Err(Refusal::new(
            ErrorCode::SiteMoving,
            "this site's data is moving to another database; changes are refused \
             until it is done, in a minute or two",
        )
        .retry_after(MOVING_RETRY_AFTER_S));
    }
    Ok(Access { db, site, actor })
}

/// The site and who is asking, if their credential allows `need`:
/// [`authorize`] before its check of a moving site.
async fn identify(
    db: &D1Database,
    req: &Request,
    ctx: &RouteContext<Context>,
    need: Need,
) -> Result<(Site, Actor), Refusal> {
    let site = match ctx.param("site_key") {
        Some(key) => Site::find(db, key).await?,
        None => None,
    };
    let header = req.headers().get("Authorization")?;
    let (Some(site), Some(token)) = (site, header.as_deref().and_then(bearer_token)) else {
        return Err(unauthorized());
    };
    if site.secret_is(token) {
        return Ok((site, Actor::Owner));
    }
    // Only a token shaped like a key's costs a lookup of the site's keys.
    // It is hashed once and compared with every live key's hash, each in
    // constant time, so how long this takes tells nothing of which one
    // nearly matched.
    if !token.starts_with(KEY_SECRET_PREFIX) {
        return Err(unauthorized());
    }
    let hashed = hash_secret(token);
    let mut found = None;
    for key in store::keys::live(db, &site.site_key).await? {
        if hashes_match(&hashed, &key.secret_hash) && found.is_none() {
            found = Some(key);
        }
    }
    let key = found.ok_or_else(unauthorized)?;
    let scope = Scope::parse(&key.scope).ok_or_else(unauthorized)?;
    if !need.allows(scope) {
        return Err(Refusal::new(
            ErrorCode::OutOfScope,
            format!(
                "the key {:?} may {}; this needs {}",
                key.name,
                scope.describe(),
                match need {
                    Need::Read => "a key that reads feedback, or the site's secret",
                    Need::Conversations =>
                        "a key that reads or reviews conversations, or the site's secret",
                    Need::Review => "a review key, or the site's secret",
                    Need::Wording => "a wording key, or the site's secret",
                    Need::Owner => "the site's secret",
                    Need::Any => "a live key, or the site's secret",
                }
            ),
        ));
    }
    let actor = Actor::Key {
        id: key.key_id,
        name: key.name,
        scope,
    };
    Ok((site, actor))
}

/// `GET /v1/sites/{site_key}/access`: who the credential belongs to (any
/// live key or the owner), so the dashboard shows only what they may use.
pub async fn who(req: Request, ctx: RouteContext<Context>) -> Result<Response, Refusal> {
    let access = authorize(&req, &ctx, Need::Any).await?;
    let holder = match access.actor {
        Actor::Owner => Holder::Owner,
        Actor::Key { name, scope, .. } => Holder::Key { name, scope },
    };
    Ok(respond::json(&holder, 200)?)
}
