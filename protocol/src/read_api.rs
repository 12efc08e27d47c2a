//! The site owner's read API about conversations: what the inbox, one
//! conversation and the export answer (`ConversationPage`,
//! `ConversationDetail`, `ExportRow`), and the stored row they are made
//! from. The Overview's and the gaps' answers are computed, and typed, in
//! `analytics`; the dashboard gathers them all in its `api` module.

use serde::{Deserialize, Serialize};

use crate::csat::{CsatMode, Satisfaction};
use crate::event::MessageFeedback;
use crate::meta::Meta;

/// The current thumbs state of one assistant message: the latest
/// [`MessageFeedback`] on it (its fields flattened into one JSON object),
/// with when and in which locale it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageRating {
    /// The message, its rating, and the reason, tags and excerpts given.
    #[serde(flatten)]
    pub feedback: MessageFeedback,
    /// When that rating was given, unix milliseconds on the server clock.
    pub at: i64,
    /// The locale the shopper saw.
    pub locale: String,
    /// The path of the page it was given on, when the widget said.
    #[serde(default)]
    pub page: Option<String>,
}

/// What a conversation's events said of where it came from: whether a
/// human agent took part (its CSAT is then one "with a human"), the host
/// page's context, and the page its satisfaction prompt showed on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationProvenance {
    /// A human agent took part.
    #[serde(default)]
    pub handed_over: bool,
    /// `setContext`'s keys, as the satisfaction events carried them.
    #[serde(default)]
    pub context: Meta,
    /// The page's path, when the widget said.
    #[serde(default)]
    pub page: Option<String>,
}

/// A conversation's CSAT, under the names the PolyAI article uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsatMetrics {
    /// The prompt was shown.
    #[serde(rename = "CSAT_OFFERED")]
    pub offered: bool,
    /// The shopper answered it.
    #[serde(rename = "CSAT_ACCEPTED")]
    pub accepted: bool,
    /// The shopper closed it without answering.
    #[serde(rename = "CSAT_DENIED")]
    pub denied: bool,
    /// 1–5 (thumbs mode: 👍 = 5, 👎 = 1).
    #[serde(rename = "CSAT_SCORE")]
    pub score: Option<u8>,
    /// The shopper's comment.
    #[serde(rename = "CSAT_FREE_FEEDBACK")]
    pub free_feedback: Option<String>,
    /// The shopper finished the prompt (submitted).
    #[serde(rename = "CSAT_COMPLETED")]
    pub completed: bool,
}

/// One stored conversation, as read from D1 (`conversations` table).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ConversationRow {
    /// Id.
    pub conversation_id: String,
    /// Earliest event.
    pub first_at: i64,
    /// Latest event.
    pub last_at: i64,
    /// Locale of the first event.
    pub locale: String,
    /// CSAT prompt shown, if any.
    pub csat_mode: Option<String>,
    /// When the prompt was first shown.
    pub csat_offered_at: Option<i64>,
    /// When it was first closed unanswered.
    pub csat_dismissed_at: Option<i64>,
    /// The answer's score.
    pub csat_score: Option<u8>,
    /// The answer's comment.
    pub csat_comment: Option<String>,
    /// 1 when the prompt was submitted.
    pub csat_completed: u8,
    /// Assistant messages currently 👍.
    pub thumbs_up: u32,
    /// Assistant messages currently 👎.
    pub thumbs_down: u32,
    /// The shopper's question before its first thumbed-down answer (or,
    /// with none, before its first rated one); only a site that keeps
    /// text has one. Read for the inbox only.
    #[serde(default)]
    pub excerpt: Option<String>,
    /// The reason tags of its thumbs-downs as a JSON array (SQLite's
    /// `json_group_array`). Read for the inbox only.
    #[serde(default)]
    pub reason_tags: Option<String>,
    /// 1 when a human agent took part.
    #[serde(default)]
    pub handed_over: u8,
    /// The context as stored, a JSON object.
    #[serde(default)]
    pub context: Option<String>,
    /// The page of its satisfaction prompt.
    #[serde(default)]
    pub page: Option<String>,
    /// `open` when any of its review items is open, `reviewed` when all
    /// are, none without items. Read for the inbox only.
    #[serde(default)]
    pub review: Option<String>,
}

/// Most characters of an inbox row's excerpt (the ellipsis included).
pub const EXCERPT_CHARS: usize = 120;

/// `text` as one line of at most [`EXCERPT_CHARS`] characters: runs of
/// white space (line breaks too) become one space, and a longer text is
/// cut at a word's end when one falls in the last third, with "…".
pub fn excerpt(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= EXCERPT_CHARS {
        return line;
    }
    let kept: String = line.chars().take(EXCERPT_CHARS - 1).collect();
    let at_word = kept
        .rfind(' ')
        .filter(|&space| kept[..space].chars().count() >= EXCERPT_CHARS * 2 / 3)
        .map_or(kept.as_str(), |space| &kept[..space]);
    format!("{}…", at_word.trim_end())
}

impl ConversationRow {
    /// Where it came from. (The stored context was checked on the way in;
    /// one that cannot be read is shown as none.)
    pub fn provenance(&self) -> ConversationProvenance {
        ConversationProvenance {
            handed_over: self.handed_over != 0,
            context: self
                .context
                .as_deref()
                .and_then(|json| serde_json::from_str(json).ok())
                .unwrap_or_default(),
            page: self.page.clone(),
        }
    }

    /// The CSAT fields.
    pub fn metrics(&self) -> CsatMetrics {
        let accepted = self.csat_score.is_some();
        CsatMetrics {
            offered: self.csat_offered_at.is_some(),
            accepted,
            denied: self.csat_dismissed_at.is_some() && !accepted,
            score: self.csat_score,
            free_feedback: self.csat_comment.clone(),
            completed: self.csat_completed != 0,
        }
    }

    /// Positive / neutral / negative / unknown, from the score.
    pub fn satisfaction(&self) -> Satisfaction {
        Satisfaction::of(self.csat_score)
    }

    /// The detail answer, with the conversation's rated messages.
    pub fn detail(&self, messages: Vec<MessageRating>) -> ConversationDetail {
        ConversationDetail {
            conversation_id: self.conversation_id.clone(),
            first_at: self.first_at,
            last_at: self.last_at,
            locale: self.locale.clone(),
            csat_mode: self.csat_mode.as_deref().and_then(CsatMode::parse),
            satisfaction: self.satisfaction(),
            csat: self.metrics(),
            thumbs_up: self.thumbs_up,
            thumbs_down: self.thumbs_down,
            provenance: self.provenance(),
            messages,
            review: Vec::new(),
        }
    }

    /// The export record.
    pub fn export(&self) -> ExportRow {
        ExportRow {
            conversation_id: self.conversation_id.clone(),
            first_at: self.first_at,
            last_at: self.last_at,
            locale: self.locale.clone(),
            satisfaction: self.satisfaction(),
            csat_mode: self.csat_mode.as_deref().and_then(CsatMode::parse),
            csat: self.metrics(),
            thumbs_up: self.thumbs_up,
            thumbs_down: self.thumbs_down,
            provenance: self.provenance(),
        }
    }

    /// The list entry.
    pub fn summary(&self) -> ConversationSummary {
        ConversationSummary {
            conversation_id: self.conversation_id.clone(),
            last_at: self.last_at,
            satisfaction: self.satisfaction(),
            score: self.csat_score,
            comment: self.csat_comment.clone(),
            thumbs_up: self.thumbs_up,
            thumbs_down: self.thumbs_down,
            excerpt: self
                .excerpt
                .as_deref()
                .map(excerpt)
                .filter(|text| !text.is_empty()),
            reason_tags: self.tags(),
            handed_over: self.handed_over != 0,
            review: self
                .review
                .as_deref()
                .and_then(crate::review::ReviewState::parse),
        }
    }

    /// The reason tags, each once, sorted (none when unreadable).
    fn tags(&self) -> Vec<String> {
        let mut tags: Vec<String> = self
            .reason_tags
            .as_deref()
            .and_then(|json| serde_json::from_str::<Vec<Option<String>>>(json).ok())
            .unwrap_or_default()
            .into_iter()
            .flatten()
            .collect();
        tags.sort();
        tags.dedup();
        tags
    }
}

/// `GET /v1/sites/{site_key}/conversations/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationDetail {
    /// Id.
    pub conversation_id: String,
    /// Earliest event.
    pub first_at: i64,
    /// Latest event.
    pub last_at: i64,
    /// Locale of the first event.
    pub locale: String,
    /// The CSAT prompt shown, if any.
    pub csat_mode: Option<CsatMode>,
    /// From the CSAT score.
    pub satisfaction: Satisfaction,
    /// The PolyAI-named CSAT fields.
    pub csat: CsatMetrics,
    /// Assistant messages currently 👍.
    pub thumbs_up: u32,
    /// Assistant messages currently 👎.
    pub thumbs_down: u32,
    /// Handed over, context and page.
    #[serde(flatten)]
    pub provenance: ConversationProvenance,
    /// Every message that has (or had) a thumb, oldest first.
    pub messages: Vec<MessageRating>,
    /// Its review items (its 👎s and a low answer), oldest first.
    #[serde(default)]
    pub review: Vec<crate::review::ReviewItem>,
}

/// One conversation in `GET /v1/sites/{site_key}/export`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRow {
    /// Id.
    pub conversation_id: String,
    /// Earliest event, unix ms.
    pub first_at: i64,
    /// Latest event, unix ms.
    pub last_at: i64,
    /// Locale of the first event.
    pub locale: String,
    /// From the CSAT score.
    pub satisfaction: Satisfaction,
    /// The CSAT prompt shown, if any.
    pub csat_mode: Option<CsatMode>,
    /// The PolyAI-named CSAT fields, inline.
    #[serde(flatten)]
    pub csat: CsatMetrics,
    /// Assistant messages currently 👍.
    pub thumbs_up: u32,
    /// Assistant messages currently 👎.
    pub thumbs_down: u32,
    /// Handed over, context and page, inline.
    #[serde(flatten)]
    pub provenance: ConversationProvenance,
}

impl ExportRow {
    /// The CSV export's columns: the NDJSON export's keys, in order (a
    /// test holds them to the serde names above).
    pub const CSV_HEADER: [&'static str; 17] = [
        "conversation_id",
        "first_at",
        "last_at",
        "locale",
        "satisfaction",
        "csat_mode",
        "CSAT_OFFERED",
        "CSAT_ACCEPTED",
        "CSAT_DENIED",
        "CSAT_SCORE",
        "CSAT_FREE_FEEDBACK",
        "CSAT_COMPLETED",
        "thumbs_up",
        "thumbs_down",
        "handed_over",
        "context",
        "page",
    ];
}

/// One entry of `GET /v1/sites/{site_key}/conversations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationSummary {
    /// Id.
    pub conversation_id: String,
    /// Latest event.
    pub last_at: i64,
    /// From the CSAT score.
    pub satisfaction: Satisfaction,
    /// CSAT score.
    pub score: Option<u8>,
    /// CSAT comment (the negative reason, when negative).
    pub comment: Option<String>,
    /// Assistant messages currently 👍.
    pub thumbs_up: u32,
    /// Assistant messages currently 👎.
    pub thumbs_down: u32,
    /// A one-line excerpt, text only (see [`excerpt`]): the shopper's
    /// question before the first thumbed-down answer, or before the first
    /// rated one; `null` when the site keeps no text.
    #[serde(default)]
    pub excerpt: Option<String>,
    /// The reason tags picked with its thumbs-downs, each once, sorted.
    #[serde(default)]
    pub reason_tags: Vec<String>,
    /// A human agent took part.
    #[serde(default)]
    pub handed_over: bool,
    /// Open while any of its review items is; reviewed once all are; none
    /// without a 👎 or a low answer.
    #[serde(default)]
    pub review: Option<crate::review::ReviewState>,
}

/// The Conversations inbox filter "Customer feedback".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackFilter {
    /// Rated positively (4–5, 👍).
    Upvote,
    /// Rated negatively (1–2, 👎).
    Downvote,
    /// Rated 3 (1–5 scale only).
    Neutral,
    /// Not rated.
    Unknown,
}

impl FeedbackFilter {
    /// Parses the `feedback` query parameter.
    pub fn parse(value: &str) -> Result<Self, String> {
        match value {
            "upvote" => Ok(Self::Upvote),
            "downvote" => Ok(Self::Downvote),
            "neutral" => Ok(Self::Neutral),
            "unknown" => Ok(Self::Unknown),
            other => Err(format!(
                "`feedback` must be upvote, downvote, neutral or unknown, not {other:?}"
            )),
        }
    }

    /// The wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Upvote => "upvote",
            Self::Downvote => "downvote",
            Self::Neutral => "neutral",
            Self::Unknown => "unknown",
        }
    }
}

/// Everything the inbox (and the export) may be filtered by: the
/// satisfaction answer (`feedback`), who wrote a rated message (`role`),
/// whether a person took over (`handed_over`), the shopper's language
/// (`locale`), the page (`page`: the conversation's or a rated message's),
/// and one provenance value (`meta.<key>=<value>`: a rated message's meta
/// or the conversation's context has it). The Compare section opens the
/// inbox on one value of its dimension with these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxFilter {
    /// By the satisfaction answer.
    pub feedback: Option<FeedbackFilter>,
    /// Conversations with a rated message by this role.
    pub role: Option<crate::event::RatedRole>,
    /// Conversations handed over to a person, or not.
    pub handed_over: Option<bool>,
    /// Conversations in this language (theirs, or a rated message's).
    pub locale: Option<String>,
    /// Conversations on this page (theirs, or a rated message's).
    pub page: Option<String>,
    /// Conversations where this key has this value (as text).
    pub meta: Option<(String, String)>,
    /// Conversations with an open item (`open`), or whose items are all
    /// reviewed (`reviewed`).
    pub review: Option<crate::review::ReviewState>,
    /// Conversations with an item a reviewer gave this label.
    pub label: Option<String>,
}

impl InboxFilter {
    /// The filter the query's parameters name (`get` reads one by name;
    /// `names` are all the query's names, for `meta.<key>`); a refusal
    /// naming the parameter otherwise.
    pub fn parse<'a>(
        get: impl Fn(&str) -> Option<&'a str>,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, String> {
        let feedback = get("feedback").map(FeedbackFilter::parse).transpose()?;
        let role = match get("role") {
            None => None,
            Some("assistant") => Some(crate::event::RatedRole::Assistant),
            Some("agent") => Some(crate::event::RatedRole::Agent),
            Some(other) => return Err(format!("`role` must be assistant or agent, not {other:?}")),
        };
        let handed_over = match get("handed_over") {
            None => None,
            Some("true") => Some(true),
            Some("false") => Some(false),
            Some(other) => {
                return Err(format!(
                    "`handed_over` must be true or false, not {other:?}"
                ));
            }
        };
        let locale = get("locale")
            .map(|tag| {
                crate::ids::check_locale("locale", tag)
                    .map(|()| tag.to_string())
                    .map_err(|refusal| refusal.message)
            })
            .transpose()?;
        let page = get("page")
            .map(|path| {
                crate::event::check_page(path)
                    .map(|()| path.to_string())
                    .map_err(|refusal| refusal.message)
            })
            .transpose()?;
        let review = match get("review") {
            None => None,
            Some(text) => Some(
                crate::review::ReviewState::parse(text)
                    .ok_or_else(|| format!("`review` must be open or reviewed, not {text:?}"))?,
            ),
        };
        let label = get("label").map(str::to_string);
        if let Some(label) = &label
            && crate::text::utf16_len(label) > crate::review::MAX_LABEL_UTF16
        {
            return Err(format!(
                "`label` is longer than {} characters",
                crate::review::MAX_LABEL_UTF16
            ));
        }
        let mut meta = None;
        for name in names {
            let Some(key) = name.strip_prefix("meta.") else {
                continue;
            };
            if meta.is_some() {
                return Err("the inbox takes one `meta.<key>` filter at a time".into());
            }
            if !crate::meta::is_key(key) {
                return Err(format!(
                    "`meta.<key>` names a key of 1 to 40 characters of a-z, 0-9 and _, not {key:?}"
                ));
            }
            let value = get(name).unwrap_or_default();
            if crate::text::utf16_len(value) > crate::meta::MAX_META_VALUE_UTF16 {
                return Err(format!("`{name}` is longer than 200 characters"));
            }
            meta = Some((key.to_string(), value.to_string()));
        }
        Ok(Self {
            feedback,
            role,
            handed_over,
            locale,
            page,
            meta,
            review,
            label,
        })
    }

    /// The filter of a query string such as `feedback=downvote&meta.model=x`
    /// (percent-encoded, `+` for a space), as [`InboxFilter::parse`] reads
    /// it; a refusal naming what is wrong otherwise.
    pub fn from_query(query: &str) -> Result<Self, String> {
        let pairs = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                Ok((percent_decode(name)?, percent_decode(value)?))
            })
            .collect::<Result<Vec<(String, String)>, String>>()?;
        Self::parse(
            |name| {
                pairs
                    .iter()
                    .find(|(named, _)| named == name)
                    .map(|(_, value)| value.as_str())
            },
            pairs.iter().map(|(name, _)| name.as_str()),
        )
    }

    /// The query string of this filter, each part ending in `&` (nothing
    /// for no filter), percent-encoded: [`InboxFilter::from_query`] reads
    /// it back.
    pub fn to_query(&self) -> String {
        let mut query = String::new();
        let mut add = |name: &str, value: &str| {
            query.push_str(&percent_encode(name));
            query.push('=');
            query.push_str(&percent_encode(value));
            query.push('&');
        };
        if let Some(feedback) = self.feedback {
            add("feedback", feedback.as_str());
        }
        if let Some(role) = self.role {
            add("role", role.as_str());
        }
        if let Some(handed_over) = self.handed_over {
            add("handed_over", if handed_over { "true" } else { "false" });
        }
        if let Some(locale) = &self.locale {
            add("locale", locale);
        }
        if let Some(page) = &self.page {
            add("page", page);
        }
        if let Some((key, value)) = &self.meta {
            add(&format!("meta.{key}"), value);
        }
        if let Some(review) = self.review {
            add("review", review.as_str());
        }
        if let Some(label) = &self.label {
            add("label", label);
        }
        query
    }

    /// The same filter without what narrows it beyond the satisfaction
    /// answer and the review (what the inbox's "Show all" clears; those
    /// have controls of their own).
    pub fn feedback_only(&self) -> Self {
        Self {
            feedback: self.feedback,
            review: self.review,
            label: self.label.clone(),
            ..Self::default()
        }
    }

    /// Whether it narrows the inbox beyond the satisfaction answer.
    pub fn is_narrowed(&self) -> bool {
        *self != self.feedback_only()
    }
}

/// Whether `value` is a date written `YYYY-MM-DD` (digits where digits
/// go): a window's `from` and `to`, an archived chunk's day.
pub fn is_date(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, byte)| match at {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        })
}

/// `text` with every byte outside `A-Z a-z 0-9 - . _ ~` as `%XX`, for a
/// query string (the inbox's filter, the wording editor's search).
pub fn percent_encode(text: &str) -> String {
    use std::fmt::Write;
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}

/// `%XX` sequences as bytes and `+` as a space; a refusal for a broken
/// sequence or bytes that are not UTF-8.
pub fn percent_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'+' => decoded.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(at + 1..at + 3)
                    .and_then(|hex| std::str::from_utf8(hex).ok())
                    .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                    .ok_or_else(|| format!("{text:?} has a broken %-escape"))?;
                decoded.push(hex);
                at += 2;
            }
            other => decoded.push(other),
        }
        at += 1;
    }
    String::from_utf8(decoded).map_err(|_| format!("{text:?} is not UTF-8 once decoded"))
}

/// Where a page of the conversation list ends: the list is ordered by
/// latest activity, then id, both descending, so this pair is a stable
/// resume point even while new feedback arrives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// `last_at` of the last conversation on the page.
    pub last_at: i64,
    /// Its id.
    pub conversation_id: String,
}

impl Cursor {
    /// The cursor after `row`.
    pub fn after(row: &ConversationRow) -> Self {
        Self {
            last_at: row.last_at,
            conversation_id: row.conversation_id.clone(),
        }
    }

    /// `last_at.conversation_id`, as handed to clients.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.last_at, self.conversation_id)
    }

    /// Reads a cursor a previous page handed out.
    pub fn parse(value: &str) -> Result<Self, String> {
        let bad = || format!("`cursor` {value:?} is not one this API handed out");
        let (at, id) = value.split_once('.').ok_or_else(bad)?;
        let last_at = at.parse().map_err(|_| bad())?;
        crate::ids::check_id("cursor", id).map_err(|_| bad())?;
        Ok(Self {
            last_at,
            conversation_id: id.to_string(),
        })
    }
}

/// One page of `GET /v1/sites/{site_key}/conversations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationPage {
    /// Conversations, most recently active first.
    pub conversations: Vec<ConversationSummary>,
    /// Pass as `cursor` for the next page; `None` on the last page.
    pub next_cursor: Option<String>,
    /// The IANA time zone the window's days were counted in (the site's,
    /// unless the request named one), for showing times the same way.
    #[serde(default)]
    pub tz: String,
    /// The site's hot window in days, when the period reaches archived
    /// conversations (#35): those are not listed here, and the exports
    /// include them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_days: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inbox_filter_reads_each_parameter_and_refuses_by_name() {
        let parse = |pairs: &[(&'static str, &'static str)]| {
            InboxFilter::parse(
                |name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| *v),
                pairs.iter().map(|(n, _)| *n),
            )
        };
        assert_eq!(parse(&[]), Ok(InboxFilter::default()));
        let all = parse(&[
            ("feedback", "downvote"),
            ("role", "agent"),
            ("handed_over", "true"),
            ("meta.model", "gpt-4o"),
        ])
        .unwrap();
        assert_eq!(all.feedback, Some(FeedbackFilter::Downvote));
        assert_eq!(all.role, Some(crate::event::RatedRole::Agent));
        assert_eq!(all.handed_over, Some(true));
        assert_eq!(all.meta, Some(("model".into(), "gpt-4o".into())));
        let place = parse(&[("locale", "pt-BR"), ("page", "/checkout")]).unwrap();
        assert_eq!(place.locale.as_deref(), Some("pt-BR"));
        assert_eq!(place.page.as_deref(), Some("/checkout"));
        for (pairs, named) in [
            (&[("locale", "not a tag")][..], "`locale`"),
            (&[("review", "done")][..], "`review`"),
            (&[("page", "checkout")][..], "`page`"),
            (&[("page", "/cart?x=1")][..], "`page`"),
            (&[("role", "system")][..], "`role`"),
            (&[("handed_over", "yes")][..], "`handed_over`"),
            (&[("meta.Model", "x")][..], "meta.<key>"),
            (&[("meta.a", "x"), ("meta.b", "y")][..], "one `meta.<key>`"),
            (&[("feedback", "meh")][..], "`feedback`"),
        ] {
            let refused = parse(pairs).unwrap_err();
            assert!(refused.contains(named), "{refused}");
        }
    }

    #[test]
    fn a_filter_goes_into_a_query_and_comes_back_the_same() {
        let filters = [
            InboxFilter::default(),
            InboxFilter {
                feedback: Some(FeedbackFilter::Downvote),
                role: Some(crate::event::RatedRole::Agent),
                handed_over: Some(false),
                locale: Some("pt-BR".into()),
                page: Some("/größe & farbe/+100%".into()),
                meta: Some(("prompt_version".into(), "v2 = \"beta\"&b".into())),
                review: Some(crate::review::ReviewState::Reviewed),
                label: Some("knowledge missing".into()),
            },
        ];
        for filter in filters {
            let query = filter.to_query();
            assert_eq!(
                InboxFilter::from_query(&query),
                Ok(filter.clone()),
                "{query}"
            );
        }
        assert_eq!(InboxFilter::default().to_query(), "");
        let read = InboxFilter::from_query("meta.model=gpt+4o&page=%2Fa%20b").unwrap();
        assert_eq!(read.meta, Some(("model".into(), "gpt 4o".into())));
        assert_eq!(read.page.as_deref(), Some("/a b"));
        for broken in ["page=%2", "page=%zz", "meta.model=%FF", "role=%"] {
            assert!(InboxFilter::from_query(broken).is_err(), "{broken}");
        }
        // What only narrows beyond the answer is cleared by "Show all".
        let narrowed = InboxFilter::from_query("feedback=upvote&locale=de").unwrap();
        assert!(narrowed.is_narrowed());
        assert!(!narrowed.feedback_only().is_narrowed());
        assert_eq!(
            narrowed.feedback_only().feedback,
            Some(FeedbackFilter::Upvote)
        );
    }

    #[test]
    fn the_csv_header_is_the_ndjson_keys_in_order() {
        let row = ExportRow {
            conversation_id: "c_1".into(),
            first_at: 1,
            last_at: 2,
            locale: "de".into(),
            satisfaction: Satisfaction::Unknown,
            csat_mode: None,
            csat: CsatMetrics {
                offered: false,
                accepted: false,
                denied: false,
                score: None,
                free_feedback: None,
                completed: false,
            },
            thumbs_up: 0,
            thumbs_down: 0,
            provenance: ConversationProvenance::default(),
        };
        let json = serde_json::to_string(&row).unwrap();
        let keys: Vec<&str> =
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&json)
                .unwrap()
                .keys()
                .map(|key| {
                    ExportRow::CSV_HEADER
                        .iter()
                        .find(|name| *name == key)
                        .copied()
                        .unwrap_or("")
                })
                .collect();
        assert_eq!(keys.len(), ExportRow::CSV_HEADER.len(), "{json}");
        assert!(!keys.contains(&""), "a key the header lacks: {json}");
        // In the order serde writes them.
        let positions: Vec<usize> = ExportRow::CSV_HEADER
            .iter()
            .map(|name| json.find(&format!("\"{name}\":")).unwrap())
            .collect();
        assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{json}");
    }

    #[test]
    fn a_message_rating_is_one_flat_object_as_the_store_writes_it() {
        // What `json_object(...)` in the store gives for a stored thumb.
        let stored = r#"{"message_id":"m_1","rating":"down","at":5,"locale":"de",
            "reason":null,"tags":["too_long"],"question":"Wo?","answer":null,
            "role":"agent","page":"/help","meta":{"model":"gpt-4o"}}"#;
        let rating: MessageRating = serde_json::from_str(stored).unwrap();
        assert_eq!(rating.feedback.message_id, "m_1");
        assert_eq!(rating.feedback.rating, crate::Rating::Down);
        assert_eq!(rating.feedback.tags, ["too_long"]);
        assert_eq!(rating.feedback.question.as_deref(), Some("Wo?"));
        assert_eq!((rating.at, rating.locale.as_str()), (5, "de"));
        assert_eq!(rating.feedback.role, crate::RatedRole::Agent);
        assert_eq!(rating.page.as_deref(), Some("/help"));
        assert_eq!(
            rating.feedback.meta.get("model").unwrap().to_text(),
            "gpt-4o"
        );
        let written = serde_json::to_value(&rating).unwrap();
        assert_eq!(written["message_id"], "m_1");
        assert_eq!(written["rating"], "down");
        assert_eq!(
            serde_json::from_value::<MessageRating>(written).unwrap(),
            rating
        );
    }

    fn row() -> ConversationRow {
        ConversationRow {
            conversation_id: "c".into(),
            first_at: 1,
            last_at: 2,
            locale: "en-US".into(),
            csat_mode: None,
            csat_offered_at: None,
            csat_dismissed_at: None,
            csat_score: None,
            csat_comment: None,
            csat_completed: 0,
            thumbs_up: 0,
            thumbs_down: 0,
            excerpt: None,
            reason_tags: None,
            handed_over: 0,
            context: None,
            page: None,
            review: None,
        }
    }

    #[test]
    fn an_excerpt_is_one_line_of_at_most_120_characters_cut_at_a_word() {
        assert_eq!(excerpt("  Do these\n run   small? "), "Do these run small?");
        let long = "How long does delivery to Austria take when I order before noon on a Friday \
                    and pick the cheapest option, and can I track the parcel on the way there?";
        let cut = excerpt(long);
        assert!(cut.chars().count() <= EXCERPT_CHARS, "{cut}");
        assert!(cut.ends_with('…'), "{cut}");
        let body = cut.trim_end_matches('…');
        assert!(long.starts_with(body), "{cut}");
        assert_eq!(
            long[body.len()..].chars().next(),
            Some(' '),
            "cut at a word: {cut}"
        );
        // One long word: cut inside it, still within the limit.
        let word = "ü".repeat(300);
        let cut = excerpt(&word);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS);
        assert!(cut.ends_with('…'));
        assert_eq!(
            excerpt(&"a".repeat(EXCERPT_CHARS)),
            "a".repeat(EXCERPT_CHARS)
        );
    }

    #[test]
    fn a_summary_carries_the_excerpt_and_each_tag_once_sorted() {
        let summary = ConversationRow {
            excerpt: Some("Do they\nrun small?".into()),
            reason_tags: Some(r#"["too_long","wrong_answer","too_long",null]"#.into()),
            ..row()
        }
        .summary();
        assert_eq!(summary.excerpt.as_deref(), Some("Do they run small?"));
        assert_eq!(summary.reason_tags, ["too_long", "wrong_answer"]);
        let bare = ConversationRow {
            excerpt: Some(" \n ".into()),
            reason_tags: Some("not json".into()),
            ..row()
        }
        .summary();
        assert_eq!(bare.excerpt, None);
        assert!(bare.reason_tags.is_empty());
    }

    #[test]
    fn never_offered_is_all_false_and_unknown() {
        let metrics = row().metrics();
        assert!(!metrics.offered && !metrics.accepted && !metrics.denied && !metrics.completed);
        assert_eq!(row().satisfaction(), Satisfaction::Unknown);
    }

    #[test]
    fn dismissed_without_answer_is_denied_but_a_later_answer_is_not() {
        let dismissed = ConversationRow {
            csat_offered_at: Some(5),
            csat_dismissed_at: Some(6),
            ..row()
        };
        assert!(dismissed.metrics().denied);
        let answered = ConversationRow {
            csat_score: Some(2),
            csat_comment: Some("slow".into()),
            csat_completed: 1,
            ..dismissed
        };
        let metrics = answered.metrics();
        assert!(metrics.accepted && !metrics.denied && metrics.completed);
        assert_eq!(metrics.free_feedback.as_deref(), Some("slow"));
        assert_eq!(answered.satisfaction(), Satisfaction::Negative);
    }

    #[test]
    fn cursors_round_trip_and_refuse_what_we_did_not_hand_out() {
        let cursor = Cursor {
            last_at: 1_795_000_000_000,
            conversation_id: "c_a.b".into(),
        };
        assert_eq!(Cursor::parse(&cursor.encode()).unwrap(), cursor);
        for bad in ["", "123", "abc.c_1", "123.", "123.c 1"] {
            assert!(Cursor::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn feedback_filters_parse_their_names_only() {
        for filter in [
            FeedbackFilter::Upvote,
            FeedbackFilter::Downvote,
            FeedbackFilter::Neutral,
            FeedbackFilter::Unknown,
        ] {
            assert_eq!(FeedbackFilter::parse(filter.as_str()), Ok(filter));
        }
        assert!(
            FeedbackFilter::parse("liked")
                .unwrap_err()
                .contains("upvote")
        );
    }

    #[test]
    fn metrics_use_the_polyai_names_on_the_wire() {
        let json = serde_json::to_value(row().metrics()).unwrap();
        let names: Vec<&str> = ExportRow::CSV_HEADER
            .into_iter()
            .filter(|name| name.starts_with("CSAT_"))
            .collect();
        assert_eq!(names.len(), 6);
        for name in names {
            assert!(json.get(name).is_some(), "{name}");
        }
    }
}
