//! The collector's read API, as the dashboard calls it: same origin (the
//! collector serves the dashboard), the site secret as a bearer token.
//! Every model the API answers with is named here, so the components take
//! them from this one place: the Overview and the gaps from `analytics`
//! (where they are computed), conversations from `protocol::read_api`.

use std::fmt;

pub use analytics::compare::{CompareRow, Comparison, Dimension, Series, Share};
pub use analytics::{
    CsatFigures, DayPoint, Deltas, Gap, GapsReport, HandOver, Overview, ReviewFigures, RoleCsat,
    ThumbsFigures,
};
use gloo_net::http::{Request, Response};
use protocol::ErrorBody;

use crate::refusals::Finding;
pub use protocol::event::RatedRole;
pub use protocol::review::{ReviewItem, ReviewPage, ReviewState};
pub use protocol::{
    AccessKey, AuditEntry, Change, CreatedKey, FieldErrors, Holder, Kept, KeyList, RevokedKeys,
    Settings,
};
pub use protocol::{
    ConversationDetail, ConversationPage, ConversationSummary, FeedbackFilter, InboxFilter,
    LocaleList, MessageRating, Rating, Satisfaction,
};
pub use protocol::{CopyVersion, CopyVersionText, VersionPrompts};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use leptos::prelude::{GetUntracked, RwSignal, Set, Update, With, WithUntracked};

use crate::keys::Key;
use crate::period::Period;
use crate::session::Credentials;

/// Why a read failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The key or the secret is wrong (401).
    WrongSecret,
    /// The collector refused the request: its code (when it named one
    /// this dashboard knows), which the dashboard words, and its message.
    Refused(Option<protocol::ErrorCode>, String),
    /// The site is moving to another database, and takes no change until
    /// it has (409 `site_moving`).
    SiteMoving,
    /// Too many requests (429).
    RateLimited,
    /// The collector failed (5xx).
    CollectorFailed,
    /// No answer, or one that is not what the API promises.
    Unreachable(String),
}

impl ApiError {
    /// The message in `dashboard.ftl` that tells the owner what happened,
    /// in their language; `None` for a refusal, whose words are the
    /// collector's own (`Display` gives them).
    pub fn message(&self) -> Option<Key> {
        match self {
            Self::WrongSecret => Some(Key::ErrorWrongSecret),
            Self::SiteMoving => Some(Key::ErrorSiteMoving),
            Self::RateLimited => Some(Key::ErrorRateLimited),
            Self::CollectorFailed => Some(Key::ErrorCollectorFailed),
            Self::Unreachable(_) => Some(Key::ErrorUnreachable),
            Self::Refused(..) => None,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WrongSecret => write!(f, "the site key or secret is wrong"),
            Self::SiteMoving => write!(f, "the site is moving to another database"),
            Self::RateLimited => write!(f, "too many requests"),
            Self::CollectorFailed => write!(f, "the collector failed"),
            Self::Refused(_, message) | Self::Unreachable(message) => write!(f, "{message}"),
        }
    }
}

/// The read API for one site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Api {
    /// Who is asking: a signal, so a new secret (`rotate_secret`) is used
    /// from the next request on by every part of the page.
    credentials: RwSignal<Credentials>,
}

impl Api {
    /// The API as `credentials`' site.
    pub fn new(credentials: Credentials) -> Self {
        Self {
            credentials: RwSignal::new(credentials),
        }
    }

    /// The site's key.
    pub fn site_key(&self) -> String {
        self.credentials
            .with_untracked(|found| found.site_key.clone())
    }

    /// Who is asking now (for the sections that are wasms of their own,
    /// which ask on their own).
    pub fn credentials(&self) -> Credentials {
        self.credentials.get_untracked()
    }

    /// The secret in use, read as a signal: it changes when a new one is
    /// made (`rotate_secret`).
    pub fn secret(&self) -> String {
        self.credentials.with(|found| found.secret.clone())
    }

    /// Uses `secret` from the next request on: a new one made by another
    /// part of the page (Settings, a wasm of its own, which has already
    /// remembered it for the tab).
    pub fn use_secret(&self, secret: String) {
        self.credentials.try_update(|found| found.secret = secret);
    }

    fn bearer(&self) -> String {
        self.credentials
            .with_untracked(|found| format!("Bearer {}", found.secret))
    }

    async fn get(&self, path_and_query: &str) -> Result<Response, ApiError> {
        let url = format!("/v1/sites/{}/{path_and_query}", self.site_key());
        let response = Request::get(&url)
            .header("Authorization", &self.bearer())
            .send()
            .await
            .map_err(|err| ApiError::Unreachable(err.to_string()))?;
        match response.status() {
            200 => Ok(response),
            401 => Err(ApiError::WrongSecret),
            status => Err(refusal(response, status).await),
        }
    }

    async fn get_json<T: DeserializeOwned>(&self, path_and_query: &str) -> Result<T, ApiError> {
        self.get(path_and_query)
            .await?
            .json::<T>()
            .await
            .map_err(|err| ApiError::Unreachable(format!("unexpected answer: {err}")))
    }

    /// The Overview's figures.
    pub async fn overview(&self, period: &Period) -> Result<Overview, ApiError> {
        self.get_json(&format!("overview?{}", period.query())).await
    }

    /// The Compare section by `dimension`, with the daily series of
    /// `series` (two values at most).
    pub async fn compare(
        &self,
        period: &Period,
        dimension: &str,
        series: &[String],
    ) -> Result<Comparison, ApiError> {
        let encode = |text: &str| String::from(js_sys::encode_uri_component(text));
        let series = if series.is_empty() {
            String::new()
        } else {
            let joined: Vec<String> = series.iter().map(|value| encode(value)).collect();
            format!("&series={}", joined.join(","))
        };
        self.get_json(&format!(
            "compare?dimension={}{series}&{}",
            encode(dimension),
            period.query()
        ))
        .await
    }

    /// A page of the inbox (`cursor` from the page before).
    pub async fn conversations(
        &self,
        period: &Period,
        filter: &InboxFilter,
        cursor: Option<&str>,
    ) -> Result<ConversationPage, ApiError> {
        let cursor = cursor.map_or_else(String::new, |cursor| {
            format!("&cursor={}", js_sys::encode_uri_component(cursor))
        });
        self.get_json(&format!(
            "conversations?{}{}{cursor}",
            filter.to_query(),
            period.query()
        ))
        .await
    }

    /// The `limit` most recent conversations of the inbox again, unless
    /// they are still what `etag` names: `None` then (the collector's
    /// bodiless 304), else the page and its new ETag.
    pub async fn conversations_again(
        &self,
        period: &Period,
        filter: &InboxFilter,
        limit: usize,
        etag: Option<&str>,
    ) -> Result<Option<(ConversationPage, Option<String>)>, ApiError> {
        self.get_again(
            &format!(
                "conversations?{}{}&limit={limit}",
                filter.to_query(),
                period.query()
            ),
            etag,
        )
        .await
    }

    /// The Overview's figures again, unless they are still what `etag`
    /// names (`None`).
    pub async fn overview_again(
        &self,
        period: &Period,
        etag: Option<&str>,
    ) -> Result<Option<(Overview, Option<String>)>, ApiError> {
        self.get_again(&format!("overview?{}", period.query()), etag)
            .await
    }

    /// `path_and_query` under the site again, unless the answer is still
    /// what `etag` names: `None` then (the collector's bodiless 304), else
    /// the answer and its new ETag.
    async fn get_again<T: DeserializeOwned>(
        &self,
        path_and_query: &str,
        etag: Option<&str>,
    ) -> Result<Option<(T, Option<String>)>, ApiError> {
        let url = format!("/v1/sites/{}/{path_and_query}", self.site_key());
        let mut request = Request::get(&url).header("Authorization", &self.bearer());
        if let Some(etag) = etag {
            request = request.header("If-None-Match", etag);
        }
        let response = request
            .send()
            .await
            .map_err(|err| ApiError::Unreachable(err.to_string()))?;
        match response.status() {
            304 => Ok(None),
            200 => {
                let etag = response.headers().get("ETag");
                let answer = response
                    .json::<T>()
                    .await
                    .map_err(|err| ApiError::Unreachable(format!("unexpected answer: {err}")))?;
                Ok(Some((answer, etag)))
            }
            401 => Err(ApiError::WrongSecret),
            status => Err(refusal(response, status).await),
        }
    }

    /// One conversation.
    pub async fn conversation(&self, id: &str) -> Result<ConversationDetail, ApiError> {
        self.get_json(&format!("conversations/{id}")).await
    }

    /// Recommendations → knowledge gaps.
    pub async fn gaps(&self, period: &Period) -> Result<GapsReport, ApiError> {
        self.get_json(&format!("gaps?{}", period.query())).await
    }

    /// Downloads `export` for the listed conversations (a link cannot
    /// carry the secret, so the file is fetched and handed to the browser
    /// as a blob): whether the site keeps the question and the answer,
    /// which a dataset's lines carry only then.
    pub async fn download(
        &self,
        export: Export,
        period: &Period,
        filter: &InboxFilter,
    ) -> Result<Downloaded, ApiError> {
        let response = self
            .get(&format!(
                "export?{}&{}{}",
                export.query(),
                filter.to_query(),
                period.query()
            ))
            .await?;
        let headers = response.headers();
        let name = headers
            .get("Content-Disposition")
            .and_then(|value| {
                value
                    .split("filename=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .map(str::to_string)
            })
            .unwrap_or_else(|| export.fallback_name().to_string());
        let text_kept = headers.get("Feedback-Text-Kept").as_deref() != Some("false");
        let body = response
            .text()
            .await
            .map_err(|err| ApiError::Unreachable(err.to_string()))?;
        save_file(&name, &body, export.mime()).map_err(ApiError::Unreachable)?;
        Ok(Downloaded { text_kept })
    }
}

/// What the inbox downloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// The conversations, one CSV record each.
    ConversationsCsv,
    /// Each rated answer, one JSON line each: a dataset.
    RatedAnswers,
}

impl Export {
    fn query(self) -> &'static str {
        match self {
            Self::ConversationsCsv => "format=csv",
            Self::RatedAnswers => "kind=rated_answers&format=jsonl",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Self::ConversationsCsv => "text/csv",
            Self::RatedAnswers => "application/jsonl",
        }
    }

    fn fallback_name(self) -> &'static str {
        match self {
            Self::ConversationsCsv => "feedback.csv",
            Self::RatedAnswers => "rated-answers.jsonl",
        }
    }
}

/// What a download told of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Downloaded {
    /// The site keeps the question and the answer now.
    pub text_kept: bool,
}

/// The settings and their version (`GET /settings`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct StoredSettings {
    /// The settings.
    pub settings: Settings,
    /// Their version, for `If-Match`.
    pub etag: String,
}

/// Why settings were not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The collector's problems, by field (422).
    Invalid(FieldErrors),
    /// Someone changed them since they were read (412).
    Stale,
    /// Anything else.
    Failed(ApiError),
}

#[derive(serde::Deserialize)]
struct InvalidBody {
    errors: FieldErrors,
}

#[derive(serde::Deserialize)]
struct AuditList {
    entries: Vec<AuditEntry>,
}

/// What a test delivery to the webhook came to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct WebhookTest {
    /// Whether the receiver answered 2xx.
    pub delivered: bool,
    /// What it answered.
    #[serde(default)]
    pub status: Option<u16>,
    /// Why there was no answer.
    #[serde(default)]
    pub problem: Option<String>,
}

impl Api {
    fn send(&self, method: &str, path: &str) -> gloo_net::http::RequestBuilder {
        let url = format!("/v1/sites/{}/{path}", self.site_key());
        let request = match method {
            "PUT" => Request::put(&url),
            "DELETE" => Request::delete(&url),
            _ => Request::post(&url),
        };
        request.header("Authorization", &self.bearer())
    }

    /// The settings and their version.
    pub async fn settings(&self) -> Result<StoredSettings, ApiError> {
        self.get_json("settings").await
    }

    /// Saves `settings` if they are still at version `etag`; what was
    /// stored and its new version.
    pub async fn save_settings(
        &self,
        settings: &Settings,
        etag: &str,
    ) -> Result<StoredSettings, SaveError> {
        let response = self
            .send("PUT", "settings")
            .header("If-Match", &format!("\"{etag}\""))
            .header("Content-Type", "application/json")
            .body(settings.to_json())
            .map_err(|err| SaveError::Failed(ApiError::Unreachable(err.to_string())))?
            .send()
            .await
            .map_err(|err| SaveError::Failed(ApiError::Unreachable(err.to_string())))?;
        answered(response, 200).await
    }

    /// The review queue's first page (at most 200 items, newest first),
    /// of one state or both, with the site's labels.
    pub async fn review_queue(&self, state: Option<ReviewState>) -> Result<ReviewPage, ApiError> {
        let state = state.map_or_else(String::new, |state| format!("state={}&", state.as_str()));
        self.get_json(&format!("review?{state}limit=200")).await
    }

    /// The site's review labels, in its order (they come with every page
    /// of the queue; one item is the least a page can hold).
    pub async fn review_labels(&self) -> Result<Vec<String>, ApiError> {
        Ok(self.get_json::<ReviewPage>("review?limit=1").await?.labels)
    }

    /// Writes a review of `item_id` if it is still at `version`: the item
    /// as stored.
    pub async fn save_review(
        &self,
        item_id: &str,
        version: u32,
        review: &serde_json::Value,
    ) -> Result<ReviewItem, SaveError> {
        let path = format!("review/{}", js_sys::encode_uri_component(item_id));
        let response = self
            .send("PUT", &path)
            .header("If-Match", &format!("\"{version}\""))
            .header("Content-Type", "application/json")
            .body(review.to_string())
            .map_err(|err| SaveError::Failed(ApiError::Unreachable(err.to_string())))?
            .send()
            .await
            .map_err(|err| SaveError::Failed(ApiError::Unreachable(err.to_string())))?;
        answered(response, 200).await
    }

    /// The latest changes to the settings, keys and secret.
    pub async fn audit(&self) -> Result<Vec<AuditEntry>, ApiError> {
        Ok(self.get_json::<AuditList>("settings/audit").await?.entries)
    }

    /// The site's keys: the live ones first, then the newest revoked, and
    /// how many were revoked in all.
    pub async fn keys(&self) -> Result<KeyList, ApiError> {
        self.get_json("keys").await
    }

    /// A page of the revoked keys, most recently revoked first; `before`
    /// is the previous page's `next`.
    pub async fn revoked_keys(&self, before: Option<&str>) -> Result<RevokedKeys, ApiError> {
        match before {
            Some(cursor) => {
                let cursor = js_sys::encode_uri_component(cursor);
                self.get_json(&format!("keys/revoked?before={cursor}"))
                    .await
            }
            None => self.get_json("keys/revoked").await,
        }
    }

    /// Makes a key; the key and its secret (shown this once).
    pub async fn create_key(&self, name: &str, scope: &str) -> Result<CreatedKey, SaveError> {
        let body = serde_json::json!({ "name": name, "scope": scope }).to_string();
        let response = self
            .send("POST", "keys")
            .header("Content-Type", "application/json")
            .body(body)
            .map_err(|err| SaveError::Failed(ApiError::Unreachable(err.to_string())))?
            .send()
            .await
            .map_err(|err| SaveError::Failed(ApiError::Unreachable(err.to_string())))?;
        answered(response, 201).await
    }

    /// Revokes the key `id` at once.
    pub async fn revoke_key(&self, id: &str) -> Result<(), ApiError> {
        let response = self
            .send(
                "DELETE",
                &format!("keys/{}", js_sys::encode_uri_component(id)),
            )
            .build()
            .map_err(|err| ApiError::Unreachable(err.to_string()))?
            .send()
            .await
            .map_err(|err| ApiError::Unreachable(err.to_string()))?;
        answered::<serde_json::Value>(response, 200)
            .await
            .map(|_| ())
            .map_err(|error| match error {
                SaveError::Failed(error) => error,
                other => ApiError::Refused(None, format!("{other:?}")),
            })
    }

    /// A new site secret: from now on this tab uses it (and remembers it
    /// for the tab); the old one opens nothing. The new one, to show once.
    pub async fn rotate_secret(&self) -> Result<String, ApiError> {
        let response = self
            .send("POST", "secret")
            .build()
            .map_err(|err| ApiError::Unreachable(err.to_string()))?
            .send()
            .await
            .map_err(|err| ApiError::Unreachable(err.to_string()))?;
        let rotated =
            answered::<RotatedSecret>(response, 200)
                .await
                .map_err(|error| match error {
                    SaveError::Failed(error) => error,
                    other => ApiError::Refused(None, format!("{other:?}")),
                })?;
        let credentials = Credentials {
            secret: rotated.secret.clone(),
            ..self.credentials.get_untracked()
        };
        credentials.save();
        self.credentials.set(credentials);
        Ok(rotated.secret)
    }

    /// Sends the webhook a signed test delivery now.
    pub async fn test_webhook(&self) -> Result<WebhookTest, ApiError> {
        let response = self
            .send("POST", "settings/test-webhook")
            .send()
            .await
            .map_err(|err| ApiError::Unreachable(err.to_string()))?;
        match response.status() {
            200 => response
                .json::<WebhookTest>()
                .await
                .map_err(|err| ApiError::Unreachable(err.to_string())),
            401 => Err(ApiError::WrongSecret),
            status => Err(refusal(response, status).await),
        }
    }
}

#[derive(serde::Deserialize)]
struct RotatedSecret {
    secret: String,
}

/// The body of an answer with status `ok`, or why there is none (422 with
/// the problems by field, 412, or the collector's message).
async fn answered<T: DeserializeOwned>(response: Response, ok: u16) -> Result<T, SaveError> {
    let unexpected =
        |err: gloo_net::Error| SaveError::Failed(ApiError::Unreachable(err.to_string()));
    match response.status() {
        status if status == ok => response.json::<T>().await.map_err(unexpected),
        422 => Err(SaveError::Invalid(
            response
                .json::<InvalidBody>()
                .await
                .map_err(unexpected)?
                .errors,
        )),
        412 => Err(SaveError::Stale),
        401 => Err(SaveError::Failed(ApiError::WrongSecret)),
        status => Err(SaveError::Failed(refusal(response, status).await)),
    }
}

/// Why a site's wording was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyRefused {
    /// The checker's findings (422); the stored wording is unchanged.
    Invalid(Vec<Finding>),
    /// Anything else.
    Failed(ApiError),
}

#[derive(serde::Deserialize)]
struct CopyProblems {
    #[serde(default)]
    diagnostics: Vec<String>,
    /// By code, place and values (collectors since #33).
    #[serde(default)]
    findings: Vec<protocol::CopyFinding>,
    code: Option<protocol::ErrorCode>,
    message: String,
}

/// What a save or a restore of wording came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
pub struct CopySaved {
    /// The live version now.
    pub version: Option<u32>,
    /// Whether it added that version (false: the text was the live one).
    #[serde(default = "added")]
    pub changed: bool,
}

fn added() -> bool {
    true
}

/// A locale's saved versions, newest first, and how the satisfaction
/// prompts worded with each fared.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct VersionHistory {
    /// The versions.
    pub versions: Vec<CopyVersion>,
    /// Per version with any prompt, its prompts.
    #[serde(default)]
    pub prompts: Vec<VersionPrompts>,
}

impl VersionHistory {
    /// How the prompts worded with `version` fared, if any was shown.
    pub fn prompts_of(&self, version: u32) -> Option<VersionPrompts> {
        self.prompts
            .iter()
            .find(|prompts| prompts.version == version)
            .copied()
    }
}

/// The text of a public answer (the shipped copy, the site's stored copy).
async fn public_text(url: &str) -> Result<String, ApiError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|err| ApiError::Unreachable(err.to_string()))?;
    match response.status() {
        200 => response
            .text()
            .await
            .map_err(|err| ApiError::Unreachable(err.to_string())),
        status => Err(refusal(response, status).await),
    }
}

impl Api {
    /// Who this credential is: the owner, or a key with its scope.
    pub async fn holder(&self) -> Result<Holder, ApiError> {
        self.get_json("access").await
    }

    /// What the site keeps of shoppers' and its assistant's text, and for
    /// how long.
    pub async fn kept(&self) -> Result<Kept, ApiError> {
        self.get_json("kept").await
    }

    /// The locales the widget ships copy for.
    pub async fn locales(&self) -> Result<LocaleList, ApiError> {
        let text = public_text("/v1/locales").await?;
        serde_json::from_str(&text).map_err(|err| ApiError::Unreachable(err.to_string()))
    }

    /// `locale`'s shipped widget copy (without the site's wording).
    pub async fn shipped_copy(&self, locale: &str) -> Result<String, ApiError> {
        public_text(&format!(
            "/v1/locales/{}",
            js_sys::encode_uri_component(locale)
        ))
        .await
    }

    /// The site's own wording for `locale` as stored (empty when none).
    pub async fn site_copy(&self, locale: &str) -> Result<String, ApiError> {
        public_text(&format!(
            "/v1/sites/{}/copy/{}",
            self.site_key(),
            js_sys::encode_uri_component(locale)
        ))
        .await
    }

    /// Saves `ftl` as the site's wording for `locale`; the version it
    /// became.
    pub async fn save_copy(&self, locale: &str, ftl: &str) -> Result<CopySaved, CopyRefused> {
        let path = format!("copy/{}", js_sys::encode_uri_component(locale));
        let sent = self
            .send("PUT", &path)
            .header("Content-Type", "text/plain; charset=utf-8")
            .body(ftl.to_string())
            .map_err(|err| CopyRefused::Failed(ApiError::Unreachable(err.to_string())))?
            .send()
            .await;
        copy_answer(sent).await
    }

    /// The saved versions of the site's wording for `locale`, newest
    /// first, with how the prompts worded with each fared.
    pub async fn copy_versions(&self, locale: &str) -> Result<VersionHistory, ApiError> {
        self.get_json(&versions_path(locale, "")).await
    }

    /// One saved version with its text.
    pub async fn copy_version(
        &self,
        locale: &str,
        version: u32,
    ) -> Result<CopyVersionText, ApiError> {
        self.get_json(&versions_path(locale, &format!("/{version}")))
            .await
    }

    /// Makes saved `version` the live wording again (as a new version).
    pub async fn restore_copy_version(
        &self,
        locale: &str,
        version: u32,
    ) -> Result<CopySaved, CopyRefused> {
        let path = versions_path(locale, &format!("/{version}/restore"));
        let sent = self.send("POST", &path).send().await;
        copy_answer(sent).await
    }
}

/// Why the collector refused a request with `status`: a move, a limit or
/// its own failure, which the dashboard words itself, or else its error
/// body's message (or the status).
async fn refusal(response: Response, status: u16) -> ApiError {
    let body = response.json::<ErrorBody>().await.ok();
    match (status, body) {
        (409, Some(body)) if body.code == protocol::ErrorCode::SiteMoving => ApiError::SiteMoving,
        (429, _) => ApiError::RateLimited,
        (500..=599, _) => ApiError::CollectorFailed,
        (_, Some(body)) => ApiError::Refused(Some(body.code), body.message),
        (_, None) => ApiError::Refused(None, format!("the collector answered {status}")),
    }
}

/// `copy/{locale}/versions{rest}`, the locale encoded.
fn versions_path(locale: &str, rest: &str) -> String {
    format!(
        "copy/{}/versions{rest}",
        js_sys::encode_uri_component(locale)
    )
}

/// What a save of wording came to, or why it was refused.
async fn copy_answer(sent: Result<Response, gloo_net::Error>) -> Result<CopySaved, CopyRefused> {
    let failed = |err: gloo_net::Error| CopyRefused::Failed(ApiError::Unreachable(err.to_string()));
    let response = sent.map_err(failed)?;
    match response.status() {
        200 => Ok(response.json::<CopySaved>().await.map_err(failed)?),
        401 => Err(CopyRefused::Failed(ApiError::WrongSecret)),
        422 => {
            let body = response.json::<CopyProblems>().await.map_err(failed)?;
            Err(if !body.findings.is_empty() {
                CopyRefused::Invalid(body.findings.into_iter().map(Finding::from).collect())
            } else if !body.diagnostics.is_empty() {
                CopyRefused::Invalid(body.diagnostics.into_iter().map(Finding::english).collect())
            } else {
                CopyRefused::Failed(ApiError::Refused(body.code, body.message))
            })
        }
        status => Err(CopyRefused::Failed(refusal(response, status).await)),
    }
}

/// Offers `contents` to the browser as a download called `name`.
fn save_file(name: &str, contents: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser cannot make the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser cannot offer the file".to_string())?;
    let link = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| "no document to download from".to_string())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::ApiError;

    #[test]
    fn every_error_the_dashboard_words_is_in_every_locale() {
        let errors = [
            ApiError::WrongSecret,
            ApiError::SiteMoving,
            ApiError::RateLimited,
            ApiError::CollectorFailed,
            ApiError::Unreachable("offline".to_string()),
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
        let mut checked = 0;
        for locale in std::fs::read_dir(&root).into_iter().flatten().flatten() {
            let Ok(ftl) = std::fs::read_to_string(locale.path().join("dashboard.ftl")) else {
                continue;
            };
            let messages = l10n::format::Messages::parse(&ftl);
            for error in &errors {
                let id = error.message().map(crate::keys::Key::id);
                assert!(
                    id.is_some_and(|id| messages.has(id)),
                    "{:?} lacks {id:?}",
                    locale.path()
                );
            }
            checked += 1;
        }
        assert_eq!(checked, 8, "every shipped locale");
        assert_eq!(
            ApiError::Refused(None, "the collector's words".into())
                .message()
                .map(crate::keys::Key::id),
            None
        );
    }
}
