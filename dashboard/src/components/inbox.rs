//! The Conversations inbox: filtered by customer feedback (Upvote,
//! Downvote, Unknown, …) and the period, a page at a time, exportable as
//! CSV; narrowed to one model, page, language or person when the Compare
//! section opens it so (the address keeps the filter, so a link can be
//! shared). It asks the collector again every few seconds while open, and
//! redraws only the rows that changed.

use crate::api::{ConversationSummary, FeedbackFilter, InboxFilter, ReviewState, Satisfaction};
use l10n::format::Args;
use leptos::prelude::*;

use crate::api::{Api, ApiError, Export};
use crate::components::kept_note::KeptNote;
use crate::components::status::{Failed, Loading};
use crate::i18n::{self, I18n, Key};
use crate::intl;
use crate::period::Period;
use crate::refresh;
use crate::route::{Route, inbox_href};

/// The filter `<select>`'s value for `filter`.
fn filter_value(filter: Option<FeedbackFilter>) -> &'static str {
    filter.map_or("all", FeedbackFilter::as_str)
}

/// What narrows `filter` beyond the satisfaction answer, each as "name:
/// value" in the reader's language (values as the shop sent them).
fn narrowing(i18n: I18n, filter: &InboxFilter) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(role) = filter.role {
        parts.push(i18n.text(match role {
            crate::api::RatedRole::Assistant => Key::CompareRoleAssistant,
            crate::api::RatedRole::Agent => Key::CompareRoleAgent,
        }));
    }
    if let Some(handed_over) = filter.handed_over {
        parts.push(i18n.text(if handed_over {
            Key::InboxHandedOver
        } else {
            Key::InboxNotHandedOver
        }));
    }
    if let Some(locale) = &filter.locale {
        parts.push(format!(
            "{}: {locale}",
            i18n.text(Key::CompareDimensionLocale)
        ));
    }
    if let Some(page) = &filter.page {
        parts.push(format!("{}: {page}", i18n.text(Key::CompareDimensionPage)));
    }
    if let Some((key, value)) = &filter.meta {
        parts.push(format!("{key}: {value}"));
    }
    parts
}

/// "Only conversations with: model: gpt-4o", and a button that shows all
/// again; nothing when only the satisfaction answer filters.
#[component]
fn Narrowed(
    /// The inbox's filter.
    filter: RwSignal<InboxFilter>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let parts = move || filter.with(|filter| narrowing(i18n, filter));
    let show_all = move |_| filter.update(|filter| *filter = filter.feedback_only());
    view! {
        <Show when=move || filter.with(InboxFilter::is_narrowed)>
            <p class="narrowed" data-narrowed="true">
                <span>{i18n.t(Key::InboxNarrowed)}</span>
                {move || {
                    parts()
                        .into_iter()
                        .map(|part| view! { " "<span class="narrow" dir="auto">{part}</span> })
                        .collect_view()
                }}
                " "
                <button type="button" class="show-all" on:click=show_all>
                    {i18n.t(Key::InboxShowAll)}
                </button>
            </p>
        </Show>
    }
}

/// The label id of a satisfaction.
pub fn satisfaction_label(satisfaction: Satisfaction) -> Key {
    match satisfaction {
        Satisfaction::Positive => Key::SatisfactionPositive,
        Satisfaction::Negative => Key::SatisfactionNegative,
        Satisfaction::Neutral => Key::SatisfactionNeutral,
        Satisfaction::Unknown => Key::SatisfactionUnknown,
    }
}

/// "Positive", with an info icon revealing the negative reason, if any.
#[component]
pub fn SatisfactionValue(
    /// The conversation's satisfaction.
    satisfaction: Satisfaction,
    /// The shopper's free-text feedback.
    comment: Option<String>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let reason = comment.filter(|_| satisfaction == Satisfaction::Negative);
    let tip = move |reason: String| {
        let mut args = Args::new();
        args.set("reason", i18n::text(reason));
        i18n.format(Key::NegativeReason, &args)
    };
    view! {
        <span class=format!("satisfaction {}", satisfaction.as_str()) data-satisfaction=satisfaction.as_str()>
            {move || i18n.text(satisfaction_label(satisfaction))}
        </span>
        {reason.map(|reason| {
            let text = Signal::derive(move || tip(reason.clone()));
            view! {
                <span class="info" tabindex="0" role="img" aria-label=move || text.get()
                    data-tip=move || text.get()>"ⓘ"</span>
            }
        })}
    }
}

/// One conversation in the list.
#[component]
fn Row(
    /// The conversation.
    conversation: ConversationSummary,
    /// The site's time zone, for its last activity.
    tz: String,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let id = conversation.conversation_id.clone();
    let href = Route::Conversation(id.clone()).href();
    let last = move || intl::instant(&i18n.locale(), conversation.last_at, Some(&tz));
    let thumbs = move || {
        let mut args = Args::new();
        args.set("up", i18n::count(conversation.thumbs_up));
        args.set("down", i18n::count(conversation.thumbs_down));
        i18n.format(Key::ThumbsCounts, &args)
    };
    let shown = id.clone();
    let review = conversation.review.map(|state| {
        let key = match state {
            ReviewState::Open => Key::ReviewStateOpen,
            ReviewState::Reviewed => Key::ReviewStateReviewed,
        };
        view! {
            <span class=format!("badge review-{}", state.as_str()) data-review=state.as_str()>
                {move || i18n.text(key)}
            </span>
        }
    });
    // Shopper text, shown as text (never as markup).
    let excerpt = conversation
        .excerpt
        .clone()
        .map(|text| view! { <span class="excerpt">{text}</span> });
    let tags = (!conversation.reason_tags.is_empty()).then(|| {
        let tags = conversation.reason_tags.clone();
        view! {
            <ul class="tags">
                {tags.into_iter().map(|tag| view! { <li>{tag}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <tr data-conversation=id>
            <td><a href=href>{shown}</a>{excerpt}</td>
            <td>{last}</td>
            <td><SatisfactionValue satisfaction=conversation.satisfaction comment=conversation.comment.clone()/></td>
            <td>{tags}</td>
            <td data-figure="thumbs">{thumbs}</td>
            <td>{review}</td>
        </tr>
    }
}

/// Most rows one refresh asks for (the collector's page limit): an inbox
/// paged further than this stops refreshing itself.
const MAX_REFRESHED: usize = 200;

/// What makes a row look different: a row whose key is unchanged keeps
/// its place in the page (and whatever the owner was doing with it).
type RowKey = (
    String,
    i64,
    u32,
    u32,
    Option<u8>,
    Option<String>,
    Option<String>,
    Vec<String>,
    Option<ReviewState>,
);

fn row_key(row: &ConversationSummary) -> RowKey {
    (
        row.conversation_id.clone(),
        row.last_at,
        row.thumbs_up,
        row.thumbs_down,
        row.score,
        row.comment.clone(),
        row.excerpt.clone(),
        row.reason_tags.clone(),
        row.review,
    )
}

/// The inbox.
#[component]
pub fn Inbox(
    /// The read API.
    api: Api,
    /// The period shown.
    period: RwSignal<Period>,
    /// The filter (kept while a conversation is open).
    filter: RwSignal<InboxFilter>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let api = StoredValue::new(api);
    // The site's review labels, for the label filter.
    let labels = RwSignal::new(Vec::<String>::new());
    leptos::task::spawn_local({
        let api = api.get_value();
        async move {
            if let Ok(site_labels) = api.review_labels().await {
                labels.set(site_labels);
            }
        }
    });
    // The address keeps the filter, so a reload or a shared link shows
    // the same conversations (replaced, not pushed: Back leaves the inbox).
    Effect::new(move |_| {
        let href = filter.with(inbox_href);
        if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    });
    let first = LocalResource::new(move || {
        let (api, period, filter) = (api.get_value(), period.get(), filter.get());
        async move { api.conversations(&period, &filter, None).await }
    });
    // Every row shown (the first page, then those "Load more" added), where
    // the next page starts, and the ETag of the rows as last refreshed.
    let rows = RwSignal::new(Vec::<ConversationSummary>::new());
    let tz = RwSignal::new(String::new());
    let next = RwSignal::new(None::<String>);
    // The site's hot window, when the period reaches archived conversations.
    let archived_days = RwSignal::new(None::<u32>);
    let etag = StoredValue::new(None::<String>);
    let refreshing = StoredValue::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    Effect::new(move |_| {
        if let Some(Ok(page)) = first.get() {
            rows.set(page.conversations.clone());
            tz.set(page.tz.clone());
            next.set(page.next_cursor.clone());
            archived_days.set(page.archived_days);
            etag.set_value(None);
        }
    });
    // Asks again for every row shown; changed rows are redrawn in place.
    let refresh = move || {
        let shown = rows.with_untracked(Vec::len);
        if refresh::hidden() || refreshing.get_value() || shown > MAX_REFRESHED {
            return;
        }
        if !matches!(first.get_untracked(), Some(Ok(_))) {
            return;
        }
        refreshing.set_value(true);
        let (api, asked_period, asked_filter) = (
            api.get_value(),
            period.get_untracked(),
            filter.get_untracked(),
        );
        let known = etag.get_value();
        leptos::task::spawn_local(async move {
            let limit = shown.max(50);
            // A failed refresh changes nothing; the next one tries again.
            let answer = api
                .conversations_again(&asked_period, &asked_filter, limit, known.as_deref())
                .await;
            // An answer for a period or filter the owner has since left
            // is dropped.
            let current =
                asked_period == period.get_untracked() && asked_filter == filter.get_untracked();
            if let (true, Ok(Some((page, tag)))) = (current, answer) {
                etag.set_value(tag);
                if rows.with_untracked(|shown| *shown != page.conversations) {
                    rows.set(page.conversations);
                    next.set(page.next_cursor);
                }
            }
            refreshing.set_value(false);
        });
    };
    refresh::every(refresh);
    let load_more = move |_| {
        let Some(cursor) = next.get_untracked() else {
            return;
        };
        let (api, period, filter) = (
            api.get_value(),
            period.get_untracked(),
            filter.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            match api.conversations(&period, &filter, Some(&cursor)).await {
                Ok(page) => {
                    rows.update(|rows| rows.extend(page.conversations));
                    next.set(page.next_cursor);
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    // Set when a dataset came without text, because the site keeps none.
    let no_text = RwSignal::new(false);
    let download = move |export: Export| {
        let (api, period, filter) = (
            api.get_value(),
            period.get_untracked(),
            filter.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            match api.download(export, &period, &filter).await {
                Ok(downloaded) => {
                    no_text.set(export == Export::RatedAnswers && !downloaded.text_kept);
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let choose = move |value: String| {
        let chosen = if value == "all" {
            None
        } else {
            FeedbackFilter::parse(&value).ok()
        };
        filter.update(|filter| filter.feedback = chosen);
    };
    // The table itself is drawn again only when it empties or fills; a
    // refresh redraws the rows that changed and nothing else.
    let empty = Memo::new(move |_| rows.with(Vec::is_empty));
    let table = move || {
        match first.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <Failed error/> }.into_any(),
        Some(Ok(_)) if empty.get() => {
            view! { <p class="empty">{i18n.t(Key::ConversationsEmpty)}</p> }.into_any()
        }
        Some(Ok(_)) => view! {
            <table class="inbox">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::ColumnConversation)}</th>
                        <th scope="col">{i18n.t(Key::ColumnLastActivity)}</th>
                        <th scope="col">{i18n.t(Key::ColumnSatisfaction)}</th>
                        <th scope="col">{i18n.t(Key::ColumnReasons)}</th>
                        <th scope="col">{i18n.t(Key::ColumnThumbs)}</th>
                        <th scope="col">{i18n.t(Key::ColumnReview)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=row_key let:conversation>
                        <Row conversation tz=tz.get_untracked()/>
                    </For>
                </tbody>
            </table>
            <Show when=move || next.get().is_some()>
                <button type="button" class="more" on:click=load_more>{i18n.t(Key::LoadMore)}</button>
            </Show>
        }
        .into_any(),
    }
    };
    // Where the period's older conversations are: the exports, not this list.
    let archived_note = move || {
        archived_days.get().map(|days| {
            let mut args = Args::new();
            args.set("days", i18n::count(days));
            view! { <p class="archived">{move || i18n.format(Key::InboxArchived, &args)}</p> }
        })
    };
    view! {
        <h2>{i18n.t(Key::ConversationsTitle)}</h2>
        <KeptNote api=api.get_value()/>
        <div class="filters">
            <label for="feedback-filter">{i18n.t(Key::FilterFeedback)}</label>
            <select id="feedback-filter" prop:value=move || filter_value(filter.with(|filter| filter.feedback))
                on:change:target=move |ev| choose(ev.target().value())>
                <option value="all">{i18n.t(Key::FilterAll)}</option>
                <option value="upvote">{i18n.t(Key::FilterUpvote)}</option>
                <option value="downvote">{i18n.t(Key::FilterDownvote)}</option>
                <option value="neutral">{i18n.t(Key::FilterNeutral)}</option>
                <option value="unknown">{i18n.t(Key::FilterUnknown)}</option>
            </select>
            <label for="review-filter">{i18n.t(Key::FilterReview)}</label>
            <select id="review-filter"
                prop:value=move || filter.with(|filter| filter.review.map_or("all", ReviewState::as_str))
                on:change:target=move |ev| {
                    let state = ReviewState::parse(&ev.target().value());
                    filter.update(|filter| filter.review = state);
                }>
                <option value="all">{i18n.t(Key::FilterReviewAll)}</option>
                <option value="open">{i18n.t(Key::FilterReviewOpen)}</option>
                <option value="reviewed">{i18n.t(Key::FilterReviewReviewed)}</option>
            </select>
            <label for="label-filter">{i18n.t(Key::FilterLabel)}</label>
            <select id="label-filter"
                prop:value=move || filter.with(|filter| filter.label.clone().unwrap_or_default())
                on:change:target=move |ev| {
                    let label = Some(ev.target().value()).filter(|label| !label.is_empty());
                    filter.update(|filter| filter.label = label);
                }>
                <option value="">{i18n.t(Key::FilterLabelAll)}</option>
                {move || labels.get().into_iter().map(|label| {
                    view! { <option value=label.clone()>{label.clone()}</option> }
                }).collect_view()}
            </select>
            <button type="button" class="export" on:click=move |_| download(Export::ConversationsCsv)>
                {i18n.t(Key::ExportCsv)}
            </button>
            <button type="button" class="export-dataset" on:click=move |_| download(Export::RatedAnswers)>
                {i18n.t(Key::ExportRatedAnswers)}
            </button>
        </div>
        // A live region present from the start, so the note is announced.
        <p class="export-status" role="status">
            {move || no_text.get().then(|| i18n.t(Key::ExportNoText))}
        </p>
        <Narrowed filter/>
        {move || problem.get().map(|error| view! { <Failed error/> })}
        {archived_note}
        {table}
    }
}
