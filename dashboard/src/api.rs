//! The collector's read API, as the dashboard calls it: same origin (the
//! collector serves the dashboard), the site secret as a bearer token.
//! Every model the API answers with is named here, so the components take
//! them from this one place: the Overview and the gaps from `analytics`
//! (where they are computed), conversations from `protocol::read_api`.

use std::fmt;

pub use analytics::{CsatFigures, DayPoint, Deltas, Gap, GapsReport, Overview, ThumbsFigures};
use gloo_net::http::{Request, Response};
use protocol::ErrorBody;
pub use protocol::{
    ConversationDetail, ConversationPage, ConversationSummary, FeedbackFilter, LocaleList,
    MessageRating, Rating, Satisfaction,
};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use crate::period::{Period, filter_query};
use crate::session::Credentials;

/// Why a read failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The key or the secret is wrong (401).
    WrongSecret,
    /// The collector refused the request; its message.
    Refused(String),
    /// No answer, or one that is not what the API promises.
    Unreachable(String),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WrongSecret => write!(f, "the site key or secret is wrong"),
            Self::Refused(message) | Self::Unreachable(message) => write!(f, "{message}"),
        }
    }
}

/// The read API for one site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Api {
    credentials: Credentials,
}

impl Api {
    /// The API as `credentials`' site.
    pub fn new(credentials: Credentials) -> Self {
        Self { credentials }
    }

    /// The site's key.
    pub fn site_key(&self) -> &str {
        &self.credentials.site_key
    }

    async fn get(&self, path_and_query: &str) -> Result<Response, ApiError> {
        let url = format!("/v1/sites/{}/{path_and_query}", self.credentials.site_key);
        let response = Request::get(&url)
            .header(
                "Authorization",
                &format!("Bearer {}", self.credentials.secret),
            )
            .send()
            .await
            .map_err(|err| ApiError::Unreachable(err.to_string()))?;
        match response.status() {
            200 => Ok(response),
            401 => Err(ApiError::WrongSecret),
            status => {
                let message = response
                    .json::<ErrorBody>()
                    .await
                    .map(|body| body.message)
                    .unwrap_or_else(|_| format!("the collector answered {status}"));
                Err(ApiError::Refused(message))
            }
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

    /// A page of the inbox (`cursor` from the page before).
    pub async fn conversations(
        &self,
        period: &Period,
        filter: Option<FeedbackFilter>,
        cursor: Option<&str>,
    ) -> Result<ConversationPage, ApiError> {
        let cursor = cursor.map_or_else(String::new, |cursor| {
            format!("&cursor={}", js_sys::encode_uri_component(cursor))
        });
        self.get_json(&format!(
            "conversations?{}{}{cursor}",
            filter_query(filter),
            period.query()
        ))
        .await
    }

    /// One conversation.
    pub async fn conversation(&self, id: &str) -> Result<ConversationDetail, ApiError> {
        self.get_json(&format!("conversations/{id}")).await
    }

    /// Recommendations → knowledge gaps.
    pub async fn gaps(&self, period: &Period) -> Result<GapsReport, ApiError> {
        self.get_json(&format!("gaps?{}", period.query())).await
    }

    /// Downloads the listed conversations as CSV (a link cannot carry the
    /// secret, so the file is fetched and handed to the browser as a blob).
    pub async fn download_csv(
        &self,
        period: &Period,
        filter: Option<FeedbackFilter>,
    ) -> Result<(), ApiError> {
        let response = self
            .get(&format!(
                "export?format=csv&{}{}",
                filter_query(filter),
                period.query()
            ))
            .await?;
        let name = response
            .headers()
            .get("Content-Disposition")
            .and_then(|value| {
                value
                    .split("filename=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .map(str::to_string)
            })
            .unwrap_or_else(|| "feedback.csv".to_string());
        let csv = response
            .text()
            .await
            .map_err(|err| ApiError::Unreachable(err.to_string()))?;
        save_file(&name, &csv, "text/csv").map_err(ApiError::Unreachable)
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
