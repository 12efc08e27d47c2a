//! One conversation: the User data card with its CSAT fields, and each
//! rated message (the assistant's or a person's) with its badge, excerpt,
//! reason, tags, page and where it came from (its `meta`, under the host
//! page's own key names); whether a person took over, and the page's
//! context.

use dashboard::api::{ConversationDetail, MessageRating, Rating};
use leptos::prelude::*;
use protocol::{Meta, RatedRole};

use crate::review_panel::ReviewPanel;
use dashboard::api::Api;
use dashboard::components::inbox::SatisfactionValue;
use dashboard::components::status::{Failed, Loading};
use dashboard::i18n::{I18n, Key};
use dashboard::route::Route;

/// A rated message's badge, excerpt, reason, tags and meta.
#[component]
fn RatedMessage(
    /// The rating.
    rating: MessageRating,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let feedback = rating.feedback;
    let (class, label, icon) = match feedback.rating {
        Rating::Up => ("badge positive", Key::MessagePositive, "👍"),
        _ => ("badge negative", Key::MessageNegative, "👎"),
    };
    let tags = (!feedback.tags.is_empty()).then(|| feedback.tags.join(", "));
    let agent = feedback.role == RatedRole::Agent;
    let page = rating.page;
    view! {
        <article class="rated" data-message=feedback.message_id.clone()>
            {feedback.question.map(|question| view! {
                <p class="excerpt"><strong>{i18n.t(Key::MessageQuestion)}</strong>" "{question}</p>
            })}
            {feedback.answer.map(|answer| view! {
                <p class="excerpt"><strong>{i18n.t(Key::MessageAnswer)}</strong>" "{answer}</p>
            })}
            <span class=class data-rating=feedback.rating.as_str()>
                <span aria-hidden="true">{icon}</span>" "{move || i18n.text(label)}
            </span>
            {agent.then(|| view! { " "<span class="badge agent" data-role="agent">{i18n.t(Key::MessageAgent)}</span> })}
            {feedback.reason.map(|reason| view! {
                <p class="reason"><strong>{i18n.t(Key::MessageReason)}</strong>" "{reason}</p>
            })}
            {tags.map(|tags| view! {
                <p class="tags"><strong>{i18n.t(Key::MessageTags)}</strong>" "{tags}</p>
            })}
            {page.map(|page| view! {
                <p class="page"><strong>{i18n.t(Key::ConversationPage)}</strong>" "{page}</p>
            })}
            {(!feedback.meta.is_empty()).then(|| view! {
                <p class="meta-title"><strong>{i18n.t(Key::MessageMeta)}</strong></p>
                <MetaList meta=feedback.meta.clone()/>
            })}
        </article>
    }
}

/// Provenance keys and values under the host page's own key names, each
/// value as text.
#[component]
fn MetaList(
    /// The keys and values.
    meta: Meta,
) -> impl IntoView {
    let entries: Vec<(String, String)> = meta
        .iter()
        .map(|(key, value)| (key.to_string(), value.to_text()))
        .collect();
    view! {
        <dl class="meta">
            {entries.into_iter().map(|(key, value)| view! {
                <dt>{key.clone()}</dt><dd data-meta=key>{value}</dd>
            }).collect_view()}
        </dl>
    }
}

/// The conversation's fields and messages, and its review.
#[component]
fn Detail(
    /// The read API.
    api: Api,
    /// The conversation.
    detail: ConversationDetail,
    /// Reads it again.
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let yes_no = move |value: bool| i18n.text(if value { Key::AnswerYes } else { Key::AnswerNo });
    let csat = detail.csat.clone();
    let score = csat
        .score
        .map_or_else(|| i18n.text(Key::NoValue), |score| score.to_string());
    let free = csat
        .free_feedback
        .clone()
        .unwrap_or_else(|| i18n.text(Key::NoValue));
    let rated: Vec<MessageRating> = detail
        .messages
        .into_iter()
        .filter(|message| message.feedback.rating != Rating::None)
        .collect();
    let empty = rated.is_empty();
    let provenance = detail.provenance.clone();
    let page = provenance
        .page
        .clone()
        .unwrap_or_else(|| i18n.text(Key::NoValue));
    let context = provenance.context.clone();
    let review = (!detail.review.is_empty()).then(|| {
        view! {
            <ReviewPanel api conversation_id=detail.conversation_id.clone()
                items=detail.review.clone() on_stale/>
        }
    });
    view! {
        <h2>{detail.conversation_id.clone()}</h2>
        <div class="cards">
            <section class="card user-data" aria-labelledby="user-data-title">
                <h3 id="user-data-title">{i18n.t(Key::UserData)}</h3>
                <dl>
                    <dt>{i18n.t(Key::ColumnSatisfaction)}</dt>
                    <dd data-figure="satisfaction">
                        <SatisfactionValue satisfaction=detail.satisfaction comment=csat.free_feedback.clone()/>
                    </dd>
                    <dt>{i18n.t(Key::CsatOffered)}</dt><dd data-figure="CSAT_OFFERED">{yes_no(csat.offered)}</dd>
                    <dt>{i18n.t(Key::CsatAccepted)}</dt><dd data-figure="CSAT_ACCEPTED">{yes_no(csat.accepted)}</dd>
                    <dt>{i18n.t(Key::CsatDenied)}</dt><dd data-figure="CSAT_DENIED">{yes_no(csat.denied)}</dd>
                    <dt>{i18n.t(Key::CsatScore)}</dt><dd data-figure="CSAT_SCORE">{score}</dd>
                    <dt>{i18n.t(Key::CsatFreeFeedback)}</dt><dd data-figure="CSAT_FREE_FEEDBACK">{free}</dd>
                    <dt>{i18n.t(Key::CsatCompleted)}</dt><dd data-figure="CSAT_COMPLETED">{yes_no(csat.completed)}</dd>
                    <dt>{i18n.t(Key::ConversationHandedOver)}</dt>
                    <dd data-figure="handed_over">{yes_no(provenance.handed_over)}</dd>
                    <dt>{i18n.t(Key::ConversationPage)}</dt><dd data-figure="page">{page}</dd>
                </dl>
                {(!context.is_empty()).then(|| view! {
                    <p class="meta-title"><strong>{i18n.t(Key::ConversationContext)}</strong></p>
                    <MetaList meta=context.clone()/>
                })}
            </section>
            <section class="card messages" aria-labelledby="messages-title">
                <h3 id="messages-title">{i18n.t(Key::MessagesTitle)}</h3>
                <Show when=move || empty>
                    <p class="empty">{i18n.t(Key::MessagesEmpty)}</p>
                </Show>
                {rated.into_iter().map(|rating| view! { <RatedMessage rating/> }).collect_view()}
            </section>
            {review}
        </div>
    }
}

/// One conversation, by id.
#[component]
pub fn ConversationView(
    /// The read API.
    api: Api,
    /// The conversation's id.
    id: String,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let api = StoredValue::new(api);
    let detail = LocalResource::new(move || {
        let (api, id) = (api.get_value(), id.clone());
        async move { api.conversation(&id).await }
    });
    let on_stale = Callback::new(move |()| detail.refetch());
    view! {
        <p><a href=Route::Conversations.href() class="back">"← "{i18n.t(Key::ConversationBack)}</a></p>
        {move || match detail.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(error)) => view! { <Failed error/> }.into_any(),
            Some(Ok(detail)) => view! { <Detail api=api.get_value() detail on_stale/> }.into_any(),
        }}
    }
}
